/**
 * Every client describes a verification as one VerifySpec: these tests prove that the
 * MODELSIGN_* variables arrive as exactly the CLI's flags, and the Action's inputs as exactly
 * the spec the flags would give.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { applyEnv } from '../../src/cli/verify-env.js';
import { specFromFlags } from '../../src/cli/verify-spec.js';
import { podResult } from '../../src/cli/verify-pod.js';
import { verifySpec } from '../../src/action/run.js';
import { Runner } from '../../src/action/runner.js';
import { recordState } from '../../src/verify/verifier.js';

type Flags = Record<string, unknown>;

const fakeFlags = ['--policy <file>', '--purpose <purpose>', '--lineage <dir>', '--identity <id>', '--identity-provider <url>'];

describe('MODELSIGN_* for flags other plugins add', () => {
  it('maps --identity-provider to MODELSIGN_IDENTITY_PROVIDER and friends; the command line wins', () => {
    const cmd = new Command('verify').exitOverride();
    for (const f of fakeFlags) cmd.option(f);
    cmd.option('--certificate-chain <file>', 'roots', (v: string, prev: string[] = []) => [...prev, v], []);
    cmd.parse(['--purpose', 'retrain'], { from: 'user' });
    const flags: Flags = cmd.opts();
    applyEnv(cmd, flags, {
      MODELSIGN_POLICY: '/etc/modelsign/policy.yaml',
      MODELSIGN_PURPOSE: 'deploy',
      MODELSIGN_LINEAGE: '/lineage',
      MODELSIGN_IDENTITY: 'https://github.com/acme/models/.github/workflows/release.yml@refs/heads/main',
      MODELSIGN_IDENTITY_PROVIDER: 'https://token.actions.githubusercontent.com',
      MODELSIGN_CERTIFICATE_CHAIN: 'a.pem\nb.pem',
    });
    expect(flags).toEqual({
      policy: '/etc/modelsign/policy.yaml',
      purpose: 'retrain',
      lineage: '/lineage',
      identity: 'https://github.com/acme/models/.github/workflows/release.yml@refs/heads/main',
      identityProvider: 'https://token.actions.githubusercontent.com',
      certificateChain: ['a.pem', 'b.pem'],
    });
  });
});

describe('Action inputs become the spec the CLI flags would give', () => {
  it('key, signature, policy, purpose, lineage, identity, identity-provider', () => {
    const r = new Runner({
      INPUT_COMMAND: 'verify',
      INPUT_MODEL: 'm',
      INPUT_KEY: 'a.pub\nb.pub',
      INPUT_SIGNATURE: 'm.sig',
      INPUT_POLICY: 'policy.yaml',
      INPUT_PURPOSE: 'retrain',
      INPUT_LINEAGE: 'manifests',
      INPUT_IDENTITY: 'https://github.com/acme/models/.github/workflows/release.yml@refs/heads/main',
      'INPUT_IDENTITY-PROVIDER': 'https://token.actions.githubusercontent.com',
    });
    const fromInputs = verifySpec(r, { dirs: [] });
    const fromFlags = specFromFlags({
      key: ['a.pub', 'b.pub'],
      signature: 'm.sig',
      policy: 'policy.yaml',
      purpose: 'retrain',
      lineage: 'manifests',
      identity: ['https://github.com/acme/models/.github/workflows/release.yml@refs/heads/main'],
      identityProvider: 'https://token.actions.githubusercontent.com',
    });
    const pick = (x: typeof fromFlags) => ({ keys: x.trust?.keys, identities: x.trust?.identities, policy: x.policy, lineage: x.lineage, signature: x.signature });
    expect(pick(fromInputs)).toEqual(pick(fromFlags));
    expect(pick(fromInputs)).toEqual({
      keys: ['a.pub', 'b.pub'],
      identities: [{ identity: 'https://github.com/acme/models/.github/workflows/release.yml@refs/heads/main', issuer: 'https://token.actions.githubusercontent.com' }],
      policy: { file: 'policy.yaml', purpose: 'retrain' },
      lineage: { store: 'manifests' },
      signature: 'm.sig',
    });
  });
});

describe('Action inputs beyond trust and policy become the spec the CLI flags would give', () => {
  it('identity-regexp, certificate-chain, ignore-paths, min-version, state, revoked, audit-log', () => {
    const r = new Runner({
      INPUT_COMMAND: 'verify',
      INPUT_MODEL: 'm',
      INPUT_KEY: 'a.pub',
      'INPUT_CERTIFICATE-CHAIN': 'root-a.pem\nroot-b.pem\n',
      INPUT_IDENTITY: 'ci@acme.com',
      'INPUT_IDENTITY-REGEXP': 'https://github\\.com/acme/.*\nhttps://gitlab\\.com/acme/.*',
      'INPUT_IDENTITY-PROVIDER': 'https://issuer.example',
      'INPUT_IGNORE-PATHS': 'notes\n\nlogs/train.log',
      INPUT_LINEAGE: 'manifests',
      'INPUT_MIN-VERSION': '1.2.0',
      INPUT_STATE: 'state.json',
      INPUT_REVOKED: 'revoked.txt',
      'INPUT_AUDIT-LOG': 'audit.jsonl',
    });
    const fromInputs = verifySpec(r, { dirs: [] });
    const fromFlags = specFromFlags({
      key: ['a.pub'],
      certificateChain: ['root-a.pem', 'root-b.pem'],
      identity: ['ci@acme.com'],
      identityRegexp: ['https://github\\.com/acme/.*', 'https://gitlab\\.com/acme/.*'],
      identityProvider: 'https://issuer.example',
      ignorePaths: ['notes', 'logs/train.log'],
      lineage: 'manifests',
      minVersion: '1.2.0',
      state: 'state.json',
      revoked: 'revoked.txt',
      auditLog: 'audit.jsonl',
    });
    const pick = (x: typeof fromFlags) => ({ trust: x.trust, lineage: x.lineage, ignorePaths: x.ignorePaths, auditLog: x.auditLog, policy: x.policy });
    expect(pick(fromInputs)).toEqual(pick(fromFlags));
    expect(fromInputs.lineage).toEqual({ store: 'manifests', minVersion: '1.2.0', stateFile: 'state.json', revoked: 'revoked.txt' });
    expect(fromInputs.trust?.identities).toEqual([
      { identity: 'ci@acme.com', issuer: 'https://issuer.example' },
      { identityRegExp: 'https://github\\.com/acme/.*', issuer: 'https://issuer.example' },
      { identityRegExp: 'https://gitlab\\.com/acme/.*', issuer: 'https://issuer.example' },
    ]);
  });
});

describe('MODELSIGN_* that Kubernetes sets for a Service named modelsign', () => {
  it('service-link variables are not taken for unknown verify flags', () => {
    const cmd = new Command('verify').exitOverride();
    cmd.option('--key <file>');
    const flags: Flags = {};
    applyEnv(cmd, flags, {
      MODELSIGN_KEY: 'k.pub',
      MODELSIGN_SERVICE_HOST: '10.0.0.7',
      MODELSIGN_SERVICE_PORT: '443',
      MODELSIGN_SERVICE_PORT_HTTPS: '443',
      MODELSIGN_PORT: 'tcp://10.0.0.7:443',
      MODELSIGN_PORT_443_TCP: 'tcp://10.0.0.7:443',
      MODELSIGN_PORT_443_TCP_PROTO: 'tcp',
      MODELSIGN_PORT_443_TCP_PORT: '443',
      MODELSIGN_PORT_443_TCP_ADDR: '10.0.0.7',
    });
    expect(flags).toEqual({ key: 'k.pub' });
    // A real typo is still refused.
    expect(() => applyEnv(cmd, {}, { MODELSIGN_KYE: 'k.pub' })).toThrow(/MODELSIGN_KYE is set, but verify has no --kye option/);
  });
});

describe('the anti-rollback record is the final verdict', () => {
  it('a rollback the state file reveals only under its lock fails the result and reaches the termination log', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'modelsign-after-'));
    try {
      const state = path.join(work, 'state.json');
      // Another verifier recorded 2.0.0 after this one's stage checked the state.
      await writeFile(state, JSON.stringify({ schema: 'modelsign/state/v1', models: { m: { version: '2.0.0' } } }));
      const log = path.join(work, 'termination-log');
      const result = {
        verified: true,
        model: 'm',
        signature: 'm/model.sig',
        rootDigest: 'ab'.repeat(32),
        subjectName: 'm',
        signer: 'k',
        signerInfo: undefined,
        metadata: { name: 'm', version: '1.0.0' },
        serialization: undefined,
        filesChecked: 1,
        bytesHashed: 1,
        bytesRead: 1,
        failures: [],
        reports: {},
        notes: [],
      } as unknown as import('../../src/verify/types.js').VerifyResult;
      await recordState(result, state);
      podResult({ terminationLog: log, logFormat: 'text' }, result);
      expect(result.verified).toBe(false);
      expect(result.failures.map((f) => f.code)).toEqual(['VERSION_ROLLBACK']);
      const { readFile } = await import('node:fs/promises');
      expect(await readFile(log, 'utf8')).toMatch(/VERSION_ROLLBACK: m@1\.0\.0 is older than m@2\.0\.0/);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});

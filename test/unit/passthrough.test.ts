/**
 * Features built in parallel (policy, lineage, Sigstore identities) reach verify as plugins
 * with their own flags. These tests stand in a plugin with those flags to prove that the
 * Action inputs and the MODELSIGN_* variables arrive as exactly those flags.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyEnv } from '../../src/cli/verify-env.js';
import { verifyPlugins, type Flags, type VerifyPlugin } from '../../src/cli/verify-plugins.js';
import { runAction } from '../../src/action/run.js';
import { generateKeyPair, signModel, keySigner } from '../../src/index.js';

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

describe('Action inputs reach the verify plugins as exactly the CLI flags', () => {
  let work: string;
  let seen: Flags | undefined;
  // Runs first and records the flags the real plugins are about to see, then stops the run
  // (the policy and store named here need not exist for this test).
  const fake: VerifyPlugin = {
    name: 'record-flags',
    prepare(flags) {
      seen = { ...flags };
      throw new Error('stop after recording');
    },
  };

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'modelsign-passthrough-'));
    verifyPlugins.unshift(fake);
  });
  afterAll(async () => {
    verifyPlugins.splice(verifyPlugins.indexOf(fake), 1);
    await rm(work, { recursive: true, force: true });
  });

  it('policy, purpose, lineage, identity, identity-provider', async () => {
    const model = path.join(work, 'm.bin');
    await writeFile(model, 'weights');
    const { privateKey, publicKey } = generateKeyPair('ed25519');
    await signModel({ model, version: '1.0.0', signer: keySigner(privateKey, publicKey) });
    const pub = path.join(work, 'k.pub');
    await writeFile(pub, publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const out = path.join(work, 'out.txt');
    await writeFile(out, '');
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const code = await runAction({
      INPUT_COMMAND: 'verify',
      INPUT_MODEL: model,
      INPUT_KEY: pub,
      INPUT_POLICY: 'policy.yaml',
      INPUT_PURPOSE: 'retrain',
      INPUT_LINEAGE: 'manifests',
      INPUT_IDENTITY: 'https://github.com/acme/models/.github/workflows/release.yml@refs/heads/main',
      'INPUT_IDENTITY-PROVIDER': 'https://token.actions.githubusercontent.com',
      GITHUB_OUTPUT: out,
    });
    write.mockRestore();
    expect(code).not.toBe(0);
    expect(seen).toMatchObject({
      key: [pub],
      policy: 'policy.yaml',
      purpose: 'retrain',
      lineage: 'manifests',
      identity: ['https://github.com/acme/models/.github/workflows/release.yml@refs/heads/main'],
      identityProvider: 'https://token.actions.githubusercontent.com',
    });
  });
});

describe('review: MODELSIGN_* that Kubernetes sets for a Service named modelsign', () => {
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

describe('review: after hooks see the final verdict', () => {
  it('a rollback the state file reveals only under its lock still reaches the termination log', async () => {
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
        failures: [],
        extra: {},
      } as unknown as import('../../src/verify/types.js').VerifyResult;
      const flags: Flags = { state, terminationLog: log, logFormat: 'text' };
      for (const p of verifyPlugins) await p.after?.(flags, result);
      expect(result.verified).toBe(false);
      expect(result.failures.map((f) => f.code)).toEqual(['VERSION_ROLLBACK']);
      const { readFile } = await import('node:fs/promises');
      expect(await readFile(log, 'utf8')).toMatch(/VERSION_ROLLBACK: m@1\.0\.0 is older than m@2\.0\.0/);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});

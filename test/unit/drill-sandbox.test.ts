/**
 * The drill's spec for one verification: the user's VerifySpec pointed at the drill's copies,
 * nothing added that the user did not configure, and the throwaway key in place of the trust
 * only where asked. And what the drill reads from a set-up (SetupFacts, version, remedies).
 */
import { generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Sandbox } from '../../src/drill/sandbox.js';
import { defaultRemedy, drillVersion, setupFacts } from '../../src/drill/verifier.js';
import type { LoadedPolicy } from '../../src/policy/load.js';
import type { VerifySpec } from '../../src/verify/spec.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'drill-sandbox-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const throwaway = { publicKeys: [{ key: generateKeyPairSync('ed25519').publicKey, label: 'throwaway' }] };

describe('Sandbox.spec', () => {
  it('a spec without state, store, revocations or audit log gets none; the trust is replaced only without realTrust', async () => {
    const user: VerifySpec = { trust: { keys: ['release.pub'] }, ignorePaths: ['x'], ignoreUnsignedFiles: true };
    const sb = await Sandbox.create({ user, policy: undefined, dir: path.join(dir, 'sb'), trust: throwaway });
    const a = await sb.forAttack('one');
    const s = await sb.spec(a);
    expect(s).toEqual({ trust: throwaway, trustPrecedence: 'spec', ignorePaths: ['x'], ignoreUnsignedFiles: true });
    expect(await sb.spec(a, { realTrust: true })).toEqual({ trust: { keys: ['release.pub'] }, ignorePaths: ['x'], ignoreUnsignedFiles: true });
    expect(sb.notes).toEqual([]);
  });

  it('state and revocation list are copies, store and audit log new and empty; --signature and --pull-to are dropped; the user\'s files are untouched', async () => {
    const state = path.join(dir, 'state.json');
    await writeFile(state, '{"schema":"modelsign/state/v1","models":{}}');
    const store = path.join(dir, 'store');
    await mkdir(path.join(store, 'sub'), { recursive: true });
    await writeFile(path.join(store, `a@1.0.0.${'a'.repeat(64)}.sig`), '{}');
    const revoked = path.join(dir, 'revoked.txt');
    await writeFile(revoked, `sha256:${'1'.repeat(64)}`);
    const user: VerifySpec = {
      trust: { keys: ['release.pub'] },
      lineage: { store, stateFile: state, revoked, minVersion: '1.2.0' },
      auditLog: path.join(dir, 'audit.log'),
      signature: 'x.sig',
      open: { oci: { registry: { insecureRegistries: ['localhost:5000'] }, pullTo: 'pulled' } },
    };
    const sb = await Sandbox.create({ user, policy: undefined, dir: path.join(dir, 'sb') });
    const a = await sb.forAttack('one');
    const b = await sb.forAttack('two');
    expect(a.stateFile).not.toBe(b.stateFile);
    const s = await sb.spec(a, { revoke: [`sha256:${'2'.repeat(64)}`] });
    expect(s.trust).toEqual({ keys: ['release.pub'] });
    expect(s.signature).toBeUndefined();
    expect(s.open).toEqual({ oci: { registry: { insecureRegistries: ['localhost:5000'] } } });
    expect(s.lineage!.minVersion).toBe('1.2.0');
    for (const f of [s.lineage!.store, s.lineage!.stateFile, s.lineage!.revoked, s.auditLog]) expect(f!.startsWith(path.join(dir, 'sb'))).toBe(true);
    expect(await readFile(s.lineage!.revoked!, 'utf8')).toBe(`sha256:${'1'.repeat(64)}\nsha256:${'2'.repeat(64)}  # revoked by modelsign drill\n`);
    // The store and the audit log are new and empty: nothing of the user's is read into them.
    expect(await readdir(s.lineage!.store!)).toEqual([]);
    expect(existsSync(s.auditLog!)).toBe(false);
    expect(await readdir(store)).toEqual(['a@1.0.0.' + 'a'.repeat(64) + '.sig', 'sub']);
    // Nothing revoked: the user's list itself, only read.
    expect((await sb.spec(b)).lineage!.revoked).toBe(revoked);
    expect(await readFile(revoked, 'utf8')).toBe(`sha256:${'1'.repeat(64)}`);
    expect(sb.notes.map((n) => n.code)).toEqual(['DRILL_STORE_COPY', 'DRILL_STATE_COPY', 'DRILL_AUDIT_COPY', 'DRILL_SIGNATURE_NOT_USED', 'DRILL_PULL_TO_NOT_USED', 'DRILL_REVOKED_COPY']);
  });

  it("with a policy and no revocation list, revocations go to an in-memory copy of the policy's list", async () => {
    const policy = { file: '/p.yaml', revoked: ['sha256:' + '3'.repeat(64)] } as unknown as LoadedPolicy;
    const user: VerifySpec = { policy: { file: 'p.yaml', purpose: 'retrain' } };
    const sb = await Sandbox.create({ user, policy, dir: path.join(dir, 'sb') });
    const s = await sb.spec(await sb.forAttack('r'), { revoke: ['sha256:' + '4'.repeat(64)] });
    expect(s.policy).toMatchObject({ file: 'p.yaml', purpose: 'retrain', loaded: { revoked: ['sha256:' + '3'.repeat(64), 'sha256:' + '4'.repeat(64)] } });
    expect(policy.revoked).toHaveLength(1);
    expect(s.lineage).toBeUndefined();
  });
});

describe('what the drill reads from a set-up', () => {
  it('setupFacts, drillVersion, defaultRemedy', () => {
    const f = setupFacts({ lineage: { revoked: 'r.txt', minVersion: '2.0.0' }, formats: { deny: ['pickle'] }, ignorePaths: ['a'] }, { policy: undefined, purpose: undefined });
    expect(f).toMatchObject({ stateFile: false, store: false, revocation: 'list', formats: true, licenseRule: false, minVersion: '2.0.0', ignorePaths: ['a'] });
    expect(setupFacts({}, { policy: { formats: undefined, license: undefined } as unknown as LoadedPolicy, purpose: 'deploy' }).revocation).toBe('policy');
    expect(drillVersion(undefined)).toBe('1.0.0');
    expect(drillVersion('0.9.0')).toBe('1.0.0');
    expect(drillVersion('v2.3.1')).toBe('2.3.1');
    expect(defaultRemedy(f)).toBe('no-ignore-paths');
    expect(defaultRemedy({ ...f, ignoreUnsignedFiles: true })).toBe('no-ignore-unsigned');
    expect(defaultRemedy({ ...f, ignorePaths: [] })).toBeUndefined();
  });
});

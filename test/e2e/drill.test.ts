/** `modelsign drill`, end to end with the built CLI. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTmp, keypair, runCli, tmpDir } from '../helpers/cli.js';

const IMPLEMENTED = [
  'changed-byte',
  'injected-file',
  'removed-shard',
  'renamed-file',
  'swapped-signature',
  'untrusted-key',
  'missing-signature',
  'edited-payload',
  'two-manifests',
  'traversal',
  'absolute-path',
  'symlink-out',
  'symlink-in',
  'fifo',
  'appended-bytes',
];
const FEATURE_GATED = { rollback: 'lineage', 'revoked-ancestor': 'lineage', 'license-outside-policy': 'policy', 'hostile-pickle': 'scan' } as const;
/** The code each attack must be caught by: caught for the right reason, not by accident. */
const EXPECTED_CODE: Record<string, string> = {
  'changed-byte': 'FILE_CHANGED',
  'injected-file': 'FILE_UNEXPECTED',
  'removed-shard': 'FILE_MISSING',
  'renamed-file': 'FILE_CHANGED',
  'swapped-signature': 'FILE_CHANGED',
  'untrusted-key': 'KEY_HINT_MISMATCH',
  'missing-signature': 'SIG_MISSING',
  'edited-payload': 'SIG_INVALID',
  'two-manifests': 'STATEMENT_MALFORMED',
  traversal: 'UNSAFE_NAME',
  'absolute-path': 'UNSAFE_NAME',
  'symlink-out': 'SYMLINK_OUTSIDE',
  'symlink-in': 'SYMLINK_REFUSED',
  fifo: 'SPECIAL_FILE',
  'appended-bytes': 'FILE_CHANGED',
};

interface Report {
  verifier: string;
  baseline: { verified: boolean; reason: string };
  attacks: { id: string; outcome: string; codes: string[]; reason?: string }[];
  caught: number;
  missed: number;
  skipped: number;
}

let work: string;
let release: { key: string; pub: string };
let other: { key: string; pub: string };
let encrypted: { key: string; pub: string };

beforeAll(async () => {
  work = await tmpDir('modelsign-drill-');
  release = await keypair(work, 'ed25519', 'release');
  other = await keypair(work, 'ecdsa-p256', 'other');
  const prefix = path.join(work, 'enc');
  const r = await runCli(['keygen', '--out', prefix], { env: { MODELSIGN_PASSPHRASE: 'right' } });
  expect(r.code, r.stderr).toBe(0);
  encrypted = { key: `${prefix}.key`, pub: `${prefix}.pub` };
});
afterAll(cleanupTmp);

describe('modelsign drill', () => {
  it('with a trusted --signing-key: every implemented attack is caught, for the right reason (exit 0)', async () => {
    const r = await runCli(['drill', '--key', release.pub, '--signing-key', release.key, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as Report;
    expect(j.baseline.verified).toBe(true);
    expect(j.attacks.map((a) => a.id)).toEqual([...IMPLEMENTED, ...Object.keys(FEATURE_GATED)]);
    for (const a of j.attacks.filter((x) => IMPLEMENTED.includes(x.id))) {
      expect(a.outcome, a.id).toBe('caught');
      expect(a.codes, a.id).toContain(EXPECTED_CODE[a.id]);
    }
    for (const [id, feature] of Object.entries(FEATURE_GATED)) {
      expect(j.attacks.find((a) => a.id === id)).toMatchObject({ outcome: 'skipped', reason: `needs the ${feature} feature, which this build of modelsign does not have` });
    }
    expect(j).toMatchObject({ caught: IMPLEMENTED.length, missed: 0, skipped: 4 });
  });

  it('prints one line per attack: caught / skipped, and a summary', async () => {
    const r = await runCli(['drill', '--key', other.pub, '--key', release.pub, '--signing-key', release.key]);
    expect(r.code, r.stderr).toBe(0);
    const ls = r.stdout.trim().split('\n');
    expect(ls[0]).toMatch(/^baseline: ok: a model signed with --signing-key \(sha256:[0-9a-f]{16}…\) verifies$/);
    expect(ls).toHaveLength(1 + IMPLEMENTED.length + 4 + 1);
    expect(ls[1]).toMatch(/^caught +changed-byte +one byte of a weight shard changed \[FILE_CHANGED\]$/);
    expect(ls.filter((l) => l.startsWith('caught '))).toHaveLength(IMPLEMENTED.length);
    expect(ls.some((l) => /^skipped hostile-pickle .*\(needs the scan feature/.test(l))).toBe(true);
    expect(ls.at(-1)).toBe(`${IMPLEMENTED.length} caught, 0 missed, 4 skipped`);
    expect(r.stdout).not.toMatch(/MISSED/);
  });

  it('an encrypted signing key works with MODELSIGN_PASSPHRASE; a wrong passphrase is a usage error (exit 2)', async () => {
    const ok = await runCli(['drill', '--key', encrypted.pub, '--signing-key', encrypted.key, '--json'], { env: { MODELSIGN_PASSPHRASE: 'right' } });
    expect(ok.code, ok.stderr).toBe(0);
    expect((JSON.parse(ok.stdout) as Report).missed).toBe(0);
    const bad = await runCli(['drill', '--key', encrypted.pub, '--signing-key', encrypted.key], { env: { MODELSIGN_PASSPHRASE: 'wrong' } });
    expect(bad.code).toBe(2);
  });

  it('without --signing-key: the attacks that need no trusted signature run, the rest are skipped with the reason', async () => {
    const r = await runCli(['drill', '--key', release.pub, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as Report;
    expect(j.baseline).toEqual({ verified: false, reason: 'no --signing-key: the drill cannot make a model this set-up trusts' });
    expect(j.attacks.filter((a) => a.outcome === 'caught').map((a) => a.id)).toEqual(['untrusted-key', 'missing-signature']);
    expect(j.attacks.find((a) => a.id === 'changed-byte')).toMatchObject({ outcome: 'skipped', reason: 'needs --signing-key, a private key this set-up trusts' });
    const t = await runCli(['drill', '--key', release.pub]);
    expect(t.stdout).toMatch(/^baseline: NOT TRUSTED: no --signing-key/);
    expect(t.stdout).toMatch(/2 caught, 0 missed, 17 skipped/);
  });

  it('a --signing-key the set-up does not trust: baseline says so, trusted-signature attacks are skipped', async () => {
    const r = await runCli(['drill', '--key', release.pub, '--signing-key', other.key, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Report;
    expect(j.baseline.verified).toBe(false);
    expect(j.baseline.reason).toMatch(/the set-up refuses a model signed with --signing-key: .*\[KEY_HINT_MISMATCH\]/);
    expect(j.attacks.find((a) => a.id === 'edited-payload')).toMatchObject({ outcome: 'skipped', reason: expect.stringMatching(/this set-up refuses --signing-key/) });
  });

  it('--policy is accepted but needs the policy feature: a clear usage error (exit 2)', async () => {
    const r = await runCli(['drill', '--policy', path.join(work, 'policy.yaml'), '--purpose', 'deploy']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^modelsign: error: drill --policy: this build of modelsign has no policy support yet.*\[DRILL_POLICY_UNSUPPORTED\]\n$/);
  });

  it('usage errors: nothing to test against, an unreadable key (exit 2)', async () => {
    const r = await runCli(['drill']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/drill needs the set-up to test: --key PUBLIC_KEY or --policy FILE \[MISSING_OPTION\]/);
    const k = await runCli(['drill', '--key', path.join(work, 'missing.pub')]);
    expect(k.code).toBe(2);
    expect(k.stderr).toMatch(/\[KEY_UNREADABLE\]/);
  });
});

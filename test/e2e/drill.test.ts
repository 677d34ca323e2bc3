/** `modelsign drill`, end to end with the built CLI. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTmp, keypair, runCli, tmpDir } from '../helpers/cli.js';
import { osSystemProtocol2, torchZip } from '../helpers/scan-fixtures.js';

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
  'rollback',
  'revoked-ancestor',
];
/** Caught only by a policy: its license rules, its formats (scan / deny pickle). */
const POLICY_ATTACKS = ['license-outside-policy', 'hostile-pickle'];
const ALL = [...IMPLEMENTED, ...POLICY_ATTACKS];
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
  rollback: 'VERSION_ROLLBACK',
  // With --key: the drill's revocation list through the lineage stage (verify --revoked).
  'revoked-ancestor': 'REVOKED',
};
/** With --policy, the ancestry and license attacks are refused by the policy stage itself. */
const POLICY_CODE: Record<string, string> = {
  ...EXPECTED_CODE,
  'revoked-ancestor': 'POLICY_REVOKED',
  'license-outside-policy': 'POLICY_LICENSE_DENIED',
  'hostile-pickle': 'SCAN_FINDING',
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
  it('--key only: every signature/file/lineage attack is caught for the right reason; the hostile pickle is MISSED (no scanning), exit 1', async () => {
    const r = await runCli(['drill', '--key', release.pub, '--signing-key', release.key, '--json']);
    expect(r.code, r.stderr).toBe(1);
    const j = JSON.parse(r.stdout) as Report;
    expect(j.baseline.verified).toBe(true);
    expect(j.attacks.map((a) => a.id)).toEqual(ALL);
    for (const a of j.attacks.filter((x) => IMPLEMENTED.includes(x.id))) {
      expect(a.outcome, a.id).toBe('caught');
      expect(a.codes, a.id).toContain(EXPECTED_CODE[a.id]);
    }
    expect(j.attacks.find((a) => a.id === 'license-outside-policy')).toMatchObject({ outcome: 'skipped', reason: 'needs --policy FILE: only a policy has this rule' });
    expect(j.attacks.find((a) => a.id === 'hostile-pickle')).toMatchObject({ outcome: 'missed', reason: 'the verifier accepted the attacked model' });
    expect(j.attacks.find((a) => a.id === 'rollback')!.codes).toEqual(['VERSION_ROLLBACK']);
    expect(j.attacks.find((a) => a.id === 'revoked-ancestor')!.codes).toEqual(['REVOKED']);
    expect(j).toMatchObject({ caught: IMPLEMENTED.length, missed: 1, skipped: 1 });
  });

  it('prints one line per attack: caught / MISSED / skipped, a summary, and the refusal', async () => {
    const r = await runCli(['drill', '--key', other.pub, '--key', release.pub, '--signing-key', release.key]);
    expect(r.code, r.stderr).toBe(1);
    const ls = r.stdout.trim().split('\n');
    expect(ls[0]).toMatch(/^baseline: ok: a model signed with --signing-key \(sha256:[0-9a-f]{16}…\) verifies$/);
    expect(ls).toHaveLength(1 + ALL.length + 1);
    expect(ls[1]).toMatch(/^caught +changed-byte +one byte of a weight shard changed \[FILE_CHANGED\]$/);
    expect(ls.filter((l) => l.startsWith('caught '))).toHaveLength(IMPLEMENTED.length);
    expect(ls).toContainEqual(expect.stringMatching(/^caught +rollback .*\[VERSION_ROLLBACK\]$/));
    expect(ls).toContainEqual(expect.stringMatching(/^skipped license-outside-policy .*\(needs --policy FILE: only a policy has this rule\)$/));
    expect(ls).toContainEqual(expect.stringMatching(/^MISSED +hostile-pickle .*\(the verifier accepted the attacked model\)$/));
    expect(ls.at(-1)).toBe(`${IMPLEMENTED.length} caught, 1 missed, 1 skipped`);
    expect(r.stderr).toMatch(/modelsign: refused: 1 attack was not caught by this set-up \[DRILL_MISSED\]\n$/);
  });

  it('an encrypted signing key works with MODELSIGN_PASSPHRASE; a wrong passphrase is a usage error (exit 2)', async () => {
    const ok = await runCli(['drill', '--key', encrypted.pub, '--signing-key', encrypted.key, '--json'], { env: { MODELSIGN_PASSPHRASE: 'right' } });
    expect(ok.code, ok.stderr).toBe(1);
    const j = JSON.parse(ok.stdout) as Report;
    expect(j.baseline.verified).toBe(true);
    expect(j.attacks.filter((a) => a.outcome === 'missed').map((a) => a.id)).toEqual(['hostile-pickle']);
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
    expect(t.stdout).toMatch(/^skipped hostile-pickle .*\(needs --signing-key, a private key this set-up trusts\)$/m);
  });

  it('a --signing-key the set-up does not trust: the report says so, then exit 2 with one error line (nothing could be tested)', async () => {
    const r = await runCli(['drill', '--key', release.pub, '--signing-key', other.key, '--json']);
    expect(r.code).toBe(2);
    const j = JSON.parse(r.stdout) as Report & { baseline: { failure?: { code: string; message: string } } };
    expect(j.baseline.verified).toBe(false);
    expect(j.baseline.reason).toMatch(/the set-up refuses a model signed with --signing-key: .*\[KEY_HINT_MISMATCH\]/);
    expect(j.baseline.failure).toMatchObject({ code: 'KEY_HINT_MISMATCH' });
    expect(j.attacks.find((a) => a.id === 'edited-payload')).toMatchObject({ outcome: 'skipped', reason: expect.stringMatching(/this set-up refuses --signing-key/) });
    const err = `modelsign: error: the set-up does not accept the baseline model signed with --signing-key ${other.key} (KEY_HINT_MISMATCH: signature names key `;
    expect(r.stderr.split('\n').at(-2)).toMatch(new RegExp(`^${err.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*, so nothing could be tested; give --signing-key a private key the set-up trusts \\[DRILL_BASELINE_REFUSED\\]$`));
    const t = await runCli(['drill', '-q', '--key', release.pub, '--signing-key', other.key]);
    expect(t.code).toBe(2);
    expect(t.stdout).toMatch(/^baseline: NOT TRUSTED: /);
    expect(t.stdout).toMatch(/2 caught, 0 missed, 17 skipped\n$/);
    expect(t.stderr.split('\n')).toHaveLength(2);
    expect(t.stderr).toMatch(/^modelsign: error: the set-up does not accept the baseline model .*\[DRILL_BASELINE_REFUSED\]\n$/);
  });

  it('a key of the wrong kind names the drill flag it was given to (exit 2)', async () => {
    const pubAsSigner = await runCli(['drill', '--key', release.pub, '--signing-key', release.pub]);
    expect(pubAsSigner.code).toBe(2);
    expect(pubAsSigner.stderr).toBe(`modelsign: error: ${release.pub} is a public key; drill --signing-key needs the private key (.key); the public key goes to --key [KEY_WRONG_KIND]\n`);
    const privAsKey = await runCli(['drill', '--key', release.key, '--signing-key', release.key]);
    expect(privAsKey.code).toBe(2);
    expect(privAsKey.stderr).toBe(`modelsign: error: ${release.key} is a private key; drill --key needs the public key (.pub) your set-up trusts; the private key goes to --signing-key [KEY_WRONG_KIND]\n`);
  });

  it('--help describes the --json shape the drill prints', async () => {
    const h = await runCli(['drill', '--help']);
    expect(h.code).toBe(0);
    const flat = h.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('verifier, baseline {verified, reason}, attacks[] {id, title, outcome, codes, reason}, caught, missed, skipped');
    expect(flat).not.toMatch(/counts/);
    const r = await runCli(['drill', '--key', release.pub, '--json']);
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(['verifier', 'baseline', 'attacks', 'caught', 'missed', 'skipped']);
  });

  describe('--policy: the verifier verify --policy builds', () => {
    const strict = (extra = '') => `apiVersion: modelsign/v1
trust:
  keys: [release-ed25519.pub]
license:
  deploy: { allow: [apache-2.0, mit], deny: [cc-by-nc-4.0] }
  retrain: { allow: [mit] }
revoked: ["sha256:${'0'.repeat(64)}"]
formats: { scan: true }
${extra}`;

    it('a strict policy (trusted key, license rules, scan, revoked list): every attack is caught, for the right reason (exit 0)', async () => {
      await writeFile(path.join(work, 'strict.yaml'), strict());
      const r = await runCli(['drill', '--policy', path.join(work, 'strict.yaml'), '--signing-key', release.key, '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/^modelsign: drill: attacking synthetic models with verification: policy .*strict\.yaml \(trust section of .*strict\.yaml; purpose deploy\)/);
      const j = JSON.parse(r.stdout) as Report;
      expect(j.baseline.verified).toBe(true);
      expect(j.attacks.map((a) => a.id)).toEqual(ALL);
      for (const a of j.attacks) {
        expect(a.outcome, a.id).toBe('caught');
        expect(a.codes, a.id).toContain(POLICY_CODE[a.id]);
      }
      // The feature attacks are correctly signed models: only the targeted check refuses them.
      for (const id of ['rollback', 'revoked-ancestor', ...POLICY_ATTACKS]) expect(j.attacks.find((a) => a.id === id)!.codes, id).toEqual([POLICY_CODE[id]]);
      expect(j).toMatchObject({ caught: ALL.length, missed: 0, skipped: 0 });
    });

    it('--purpose retrain uses that purpose\'s rule: the drill signs with an allowed license (mit) and finds one outside it', async () => {
      const r = await runCli(['drill', '--policy', path.join(work, 'strict.yaml'), '--purpose', 'retrain', '--signing-key', release.key, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const j = JSON.parse(r.stdout) as Report;
      expect(j.baseline.verified).toBe(true);
      // retrain allows only mit and denies nothing: the attack license is one not allowed.
      expect(j.attacks.find((a) => a.id === 'license-outside-policy')).toMatchObject({ outcome: 'caught', codes: [expect.stringMatching(/^POLICY_LICENSE_(UNKNOWN|NOT_ALLOWED)$/)] });
      expect(j.missed).toBe(0);
    });

    it('denying pickle instead of scanning also catches the hostile pickle; lineage.require is met by the drill\'s own store', async () => {
      await writeFile(path.join(work, 'deny.yaml'), strict('lineage:\n  require: true\n').replace('formats: { scan: true }', 'formats: { deny: [pickle] }'));
      const r = await runCli(['drill', '--policy', path.join(work, 'deny.yaml'), '--signing-key', release.key, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const j = JSON.parse(r.stdout) as Report;
      expect(j).toMatchObject({ baseline: { verified: true }, caught: ALL.length, missed: 0, skipped: 0 });
      expect(j.attacks.find((a) => a.id === 'hostile-pickle')).toMatchObject({ outcome: 'caught', codes: ['FORMAT_DENIED'] });
    });

    it('a weak policy (no scan, no pickle deny): the hostile pickle is MISSED and the exit code is 1', async () => {
      await writeFile(path.join(work, 'weak.yaml'), 'apiVersion: modelsign/v1\ntrust:\n  keys: [release-ed25519.pub]\nlicense:\n  deploy: { allow: [apache-2.0] }\n');
      const r = await runCli(['drill', '--policy', path.join(work, 'weak.yaml'), '--signing-key', release.key]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toMatch(/^MISSED +hostile-pickle .*\(the verifier accepted the attacked model\)$/m);
      expect(r.stdout).toMatch(/^caught +license-outside-policy .*\[POLICY_LICENSE_UNKNOWN\]$/m);
      expect(r.stdout).toMatch(/^caught +revoked-ancestor .*\[POLICY_REVOKED\]$/m);
      expect(r.stdout.trim().split('\n').at(-1)).toBe(`${ALL.length - 1} caught, 1 missed, 0 skipped`);
      expect(r.stderr).toMatch(/modelsign: refused: 1 attack was not caught by this set-up \[DRILL_MISSED\]\n$/);
    });

    it('the drill tells the truth: verify --policy with the same policies accepts (weak) and refuses (strict) a signed hostile checkpoint', async () => {
      const m = path.join(work, 'hostile-model');
      await mkdir(m, { recursive: true });
      await writeFile(path.join(m, 'config.json'), '{"architectures":["BertModel"]}');
      await writeFile(path.join(m, 'pytorch_model.bin'), torchZip(osSystemProtocol2('touch /tmp/pwned')));
      const s = await runCli(['sign', m, '--key', release.key, '--version', '1.0.0', '--license', 'apache-2.0']);
      expect(s.code, s.stderr).toBe(0);
      const weak = await runCli(['verify', m, '--policy', path.join(work, 'weak.yaml')]);
      expect(weak.code, weak.stderr).toBe(0);
      const strictRun = await runCli(['verify', m, '--policy', path.join(work, 'strict.yaml')]);
      expect(strictRun.code).toBe(1);
      expect(strictRun.stderr).toMatch(/\[SCAN_FINDING\]\n$/);
    });

    it('the policy\'s trust is used: a --signing-key it does not trust is refused at baseline; --key replaces the trust section, as in verify', async () => {
      const r = await runCli(['drill', '--policy', path.join(work, 'strict.yaml'), '--signing-key', other.key, '--json']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/\(KEY_HINT_MISMATCH: .*\), so nothing could be tested; .*\[DRILL_BASELINE_REFUSED\]\n$/);
      const j = JSON.parse(r.stdout) as Report;
      expect(j.baseline).toMatchObject({ verified: false, reason: expect.stringMatching(/\[KEY_HINT_MISMATCH\]$/) });
      expect(j.attacks.find((a) => a.id === 'hostile-pickle')).toMatchObject({ outcome: 'skipped' });
      const k = await runCli(['drill', '--policy', path.join(work, 'strict.yaml'), '--key', other.pub, '--signing-key', other.key, '--json']);
      expect(k.code, k.stderr).toBe(0);
      expect((JSON.parse(k.stdout) as Report).baseline.verified).toBe(true);
    });

    it('a policy without a trust section needs --key (exit 2)', async () => {
      await writeFile(path.join(work, 'notrust.yaml'), 'apiVersion: modelsign/v1\nformats: { scan: true }\n');
      const r = await runCli(['drill', '--policy', path.join(work, 'notrust.yaml'), '--signing-key', release.key]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^modelsign: error: drill needs something to trust: the policy .*notrust\.yaml has no trust section, so give --key PUBLIC_KEY \[MISSING_OPTION\]\n$/);
    });

    it('a malformed, missing or misspelt policy is a usage error (exit 2), as in verify', async () => {
      await writeFile(path.join(work, 'bad.yaml'), 'apiVersion: modelsign/v1\nlicense:\n  deploi: { allow: [mit] }\n');
      const r = await runCli(['drill', '--policy', path.join(work, 'bad.yaml'), '--signing-key', release.key]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^modelsign: error: policy .*bad\.yaml: license\.deploi: unknown field.*\[POLICY_INVALID\]\n$/);
      await writeFile(path.join(work, 'broken.yaml'), 'apiVersion: [modelsign/v1\n');
      const b = await runCli(['drill', '--policy', path.join(work, 'broken.yaml')]);
      expect(b.code).toBe(2);
      expect(b.stderr).toMatch(/\[POLICY_INVALID\]\n$/);
      const m = await runCli(['drill', '--policy', path.join(work, 'missing.yaml')]);
      expect(m.code).toBe(2);
      expect(m.stderr).toMatch(/\[POLICY_UNREADABLE\]\n$/);
    });

    it('--purpose needs --policy and must be deploy or retrain (exit 2)', async () => {
      const a = await runCli(['drill', '--key', release.pub, '--purpose', 'deploy']);
      expect(a.code).toBe(2);
      expect(a.stderr).toMatch(/--purpose needs --policy FILE \[MISSING_OPTION\]/);
      const b = await runCli(['drill', '--policy', path.join(work, 'strict.yaml'), '--purpose', 'train']);
      expect(b.code).toBe(2);
      expect(b.stderr).toMatch(/--purpose must be one of deploy, retrain \(got "train"\) \[BAD_OPTION\]/);
    });
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

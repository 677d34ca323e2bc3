/** `modelsign drill`, end to end with the built CLI: verify's options and environment, the user's set-up tested as it is. */
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTmp, keypair, runCli, tmpDir } from '../helpers/cli.js';
import { osSystemProtocol2, torchZip } from '../helpers/scan-fixtures.js';

/** Stopped by signature and file checks alone: any set-up with trust stops them. */
const CORE = [
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
/** Stopped only by a check the user must configure: state, revocation, a policy's license and format rules. */
const FEATURE = ['rollback', 'revoked-ancestor', 'license-outside-policy', 'hostile-pickle'];
const ALL = [...CORE, ...FEATURE];
/** The code each attack must be stopped by: stopped for the right reason, not by accident. */
const CORE_CODE: Record<string, string> = {
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
/** What a set-up with only --key is told for each feature attack. */
const FIX_KEY_ONLY: Record<string, string> = {
  rollback: 'add --state FILE to record versions',
  'revoked-ancestor': 'add --revoked FILE and --lineage DIR to refuse revoked models and their fine-tunes, through every ancestor',
  'license-outside-policy': 'add --policy FILE with a license rule for deploy',
  'hostile-pickle': 'add --policy FILE with formats: { scan: true } or { deny: [pickle] }',
};

interface Attack {
  id: string;
  outcome: string;
  codes: string[];
  reason?: string;
  remedy?: string;
  fix?: string;
}
interface Report {
  verifier: string;
  signer: { source: string; key: string };
  notes: { code: string; message: string; file?: string }[];
  baseline: { verified: boolean; reason: string; failure?: { code: string; message: string } };
  attacks: Attack[];
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

async function drillJson(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stderr: string; j: Report }> {
  const r = await runCli(['drill', ...args, '--json'], { env });
  let j: Report;
  try {
    j = JSON.parse(r.stdout) as Report;
  } catch {
    throw new Error(`no JSON report (exit ${r.code}): ${r.stderr}`);
  }
  return { code: r.code, stderr: r.stderr, j };
}
const attack = (j: Report, id: string): Attack => j.attacks.find((a) => a.id === id)!;

/** A file's bytes and modification time, to prove the drill left it alone. */
async function snapshot(file: string): Promise<{ bytes: string; mtime: number }> {
  return { bytes: await readFile(file, 'utf8'), mtime: (await stat(file)).mtimeMs };
}

const POLICY_TRUST = (pub: string) => `apiVersion: modelsign/v1\ntrust:\n  keys: [${path.basename(pub)}]\n`;

describe('modelsign drill --key PUB (no --signing-key)', () => {
  it('runs every attack: signed with a throwaway key, the signature and file attacks are stopped, the feature attacks MISSED with their fix, exit 1', async () => {
    const { code, stderr, j } = await drillJson(['--key', release.pub]);
    expect(code, stderr).toBe(1);
    expect(j.attacks.map((a) => a.id)).toEqual(ALL);
    expect(j.skipped).toBe(0);
    for (const id of CORE) expect(attack(j, id), id).toMatchObject({ outcome: 'caught', codes: expect.arrayContaining([CORE_CODE[id]]) });
    for (const id of FEATURE) {
      expect(attack(j, id), id).toMatchObject({ outcome: 'missed', reason: 'the verifier accepted the attacked model', fix: FIX_KEY_ONLY[id] });
    }
    expect(j).toMatchObject({ caught: CORE.length, missed: FEATURE.length, skipped: 0 });
    expect(stderr).toMatch(/modelsign: refused: 4 attacks not stopped by this set-up: rollback, revoked-ancestor, license-outside-policy, hostile-pickle \[DRILL_MISSED\]\n$/);
  });

  it('says it used a throwaway key in place of the trust, in --json and in the text report', async () => {
    const { j } = await drillJson(['--key', release.pub]);
    expect(j.signer).toEqual({ source: 'throwaway', key: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    const note = `no --signing-key: the models are signed with a throwaway key, trusted in place of --key ${release.pub}; every attack runs against the rest of the set-up (untrusted-key and missing-signature against its trust); give --signing-key with a key the set-up trusts to test that trust too`;
    expect(j.notes).toEqual([{ code: 'DRILL_THROWAWAY_KEY', message: note }]);
    expect(j.baseline).toEqual({ verified: true, reason: expect.stringMatching(/^a model signed with the drill's throwaway key \(sha256:[0-9a-f]{16}…\) verifies$/) });
    const t = await runCli(['drill', '--key', release.pub]);
    const ls = t.stdout.trim().split('\n');
    expect(ls[0]).toMatch(/^baseline: ok: a model signed with the drill's throwaway key \(sha256:[0-9a-f]{16}…\) verifies$/);
    expect(ls[1]).toBe(`note: ${note}`);
    expect(ls).toHaveLength(2 + ALL.length + 1);
  });

  it('prints one line per attack, STOPPED / MISSED with the flag that would stop it, and the summary', async () => {
    const t = await runCli(['drill', '--key', other.pub, '--key', release.pub]);
    expect(t.code).toBe(1);
    const ls = t.stdout.trim().split('\n');
    expect(ls[2]).toMatch(/^STOPPED changed-byte +one byte of a weight shard changed \[FILE_CHANGED\]$/);
    expect(ls.filter((l) => l.startsWith('STOPPED '))).toHaveLength(CORE.length);
    expect(ls).toContainEqual(expect.stringMatching(/^MISSED +rollback .*\(add --state FILE to record versions\)$/));
    expect(ls).toContainEqual(expect.stringMatching(/^MISSED +revoked-ancestor .*\(add --revoked FILE and --lineage DIR to refuse revoked models and their fine-tunes, through every ancestor\)$/));
    expect(ls.at(-1)).toBe(`${CORE.length} stopped, ${FEATURE.length} missed, 0 skipped`);
    expect(ls[1]).toContain(`trusted in place of --key ${other.pub}, --key ${release.pub}`);
  });
});

describe('the set-up as configured: state, lineage, revocations, policy', () => {
  it('--state: rollback is STOPPED, and the state file is not changed (nor created when missing)', async () => {
    const state = path.join(work, 'state.json');
    await writeFile(state, JSON.stringify({ schema: 'modelsign/state/v1', models: { 'acme-llm': { version: '3.1.0' } } }));
    const before = await snapshot(state);
    const { code, j } = await drillJson(['--key', release.pub, '--state', state]);
    expect(code).toBe(1);
    expect(attack(j, 'rollback')).toMatchObject({ outcome: 'caught', codes: ['VERSION_ROLLBACK'] });
    expect(j.notes).toContainEqual({ code: 'DRILL_STATE_COPY', message: `--state ${state}: each attack works on its own temporary copy; ${state} is not changed`, file: state });
    expect(await snapshot(state)).toEqual(before);
    const fresh = path.join(work, 'no-state-yet.json');
    const f = await drillJson(['--key', release.pub, '--state', fresh]);
    expect(attack(f.j, 'rollback')).toMatchObject({ outcome: 'caught', codes: ['VERSION_ROLLBACK'] });
    expect(existsSync(fresh)).toBe(false);
    // Nor the folders verify would make for a state file and an audit log.
    const nested = path.join(work, 'not-made');
    const n = await drillJson(['--key', release.pub, '--state', path.join(nested, 'st', 'state.json'), '--audit-log', path.join(nested, 'au', 'audit.jsonl')]);
    expect(attack(n.j, 'rollback')).toMatchObject({ outcome: 'caught', codes: ['VERSION_ROLLBACK'] });
    expect(existsSync(nested)).toBe(false);
  });

  it('--lineage without --revoked: revoked-ancestor is MISSED, and the remedy asks for --revoked only', async () => {
    const store = path.join(work, 'store-only');
    await mkdir(store, { recursive: true });
    const { j } = await drillJson(['--key', release.pub, '--lineage', store]);
    expect(attack(j, 'revoked-ancestor')).toMatchObject({ outcome: 'missed', fix: 'add --revoked FILE to refuse revoked models and their fine-tunes, through every ancestor' });
  });

  it('--min-version without --state: the legitimate models carry that version, and rollback above it is MISSED', async () => {
    const { j } = await drillJson(['--key', release.pub, '--min-version', '2.3.0']);
    expect(j.baseline.verified).toBe(true);
    expect(attack(j, 'rollback')).toMatchObject({ outcome: 'missed', fix: 'add --state FILE to record versions; --min-version 2.3.0 refuses only versions below it' });
  });

  it('--revoked with --lineage: revoked-ancestor is STOPPED; without --lineage it is MISSED (verify refuses every fine-tune); the list and the store are not changed', async () => {
    const revoked = path.join(work, 'revoked.txt');
    await writeFile(revoked, `# withdrawn\nsha256:${'1'.repeat(64)}  # old\n`);
    const store = path.join(work, 'store');
    await mkdir(store, { recursive: true });
    const before = await snapshot(revoked);
    // Without a store, verify refuses every model with parents, revoked or not: a usage error is no defence.
    const alone = await drillJson(['--key', release.pub, '--revoked', revoked]);
    expect(attack(alone.j, 'revoked-ancestor')).toMatchObject({ outcome: 'missed', codes: ['REVOKED_NEEDS_LINEAGE'], reason: expect.stringMatching(/^verify stops with a usage error \(exit 2\) on this model, as on every model like it, attacked or not: /), fix: 'add --lineage DIR beside --revoked FILE: without a store, verify refuses every model with parents [REVOKED_NEEDS_LINEAGE]' });
    expect(alone.code).toBe(1);
    expect(alone.j.notes).toContainEqual({ code: 'DRILL_REVOKED_COPY', message: `--revoked ${revoked}: revoked-ancestor revokes its parent in a temporary copy; ${revoked} is not changed`, file: revoked });
    const walked = await drillJson(['--key', release.pub, '--revoked', revoked, '--lineage', store]);
    expect(attack(walked.j, 'revoked-ancestor')).toMatchObject({ outcome: 'caught', codes: ['REVOKED'] });
    expect(walked.j.notes.map((n) => n.code)).toContain('DRILL_STORE_COPY');
    expect(await snapshot(revoked)).toEqual(before);
    expect(await readdir(store)).toEqual([]);
  });

  it('--audit-log: the drill logs to a temporary copy; the log is not changed', async () => {
    const log = path.join(work, 'audit.log');
    const m = path.join(work, 'audited-model');
    await mkdir(m, { recursive: true });
    await writeFile(path.join(m, 'config.json'), '{}');
    expect((await runCli(['sign', m, '--key', release.key, '--version', '1.0.0'])).code).toBe(0);
    expect((await runCli(['verify', m, '--key', release.pub, '--audit-log', log])).code).toBe(0);
    const before = await snapshot(log);
    const { j } = await drillJson(['--key', release.pub, '--audit-log', log]);
    expect(j.notes).toContainEqual({ code: 'DRILL_AUDIT_COPY', message: `--audit-log ${log}: the drill's decisions go to a new temporary log; ${log} is not changed`, file: log });
    expect(await snapshot(log)).toEqual(before);
    expect((await runCli(['audit', 'verify', log])).code).toBe(0);
  });

  it("a policy's settings are the drill's: a license deny stops license-outside-policy, without a license rule it is MISSED; formats stop the pickle", async () => {
    const deny = path.join(work, 'deny-license.yaml');
    await writeFile(deny, `${POLICY_TRUST(release.pub)}license:\n  deploy: { allow: [apache-2.0], deny: [cc-by-nc-4.0] }\nformats: { scan: true }\n`);
    const d = await drillJson(['--policy', deny]);
    expect(attack(d.j, 'license-outside-policy')).toMatchObject({ outcome: 'caught', codes: ['POLICY_LICENSE_DENIED'] });
    expect(attack(d.j, 'hostile-pickle')).toMatchObject({ outcome: 'caught', codes: ['SCAN_FINDING'] });
    expect(d.j.notes[0]!.message).toContain(`trusted in place of the trust section of ${deny}`);
    const none = path.join(work, 'no-license.yaml');
    await writeFile(none, `${POLICY_TRUST(release.pub)}formats: { deny: [pickle] }\n`);
    const n = await drillJson(['--policy', none]);
    expect(attack(n.j, 'license-outside-policy')).toMatchObject({ outcome: 'missed', remedy: 'license-rule', fix: `add a license rule for deploy to ${none}` });
    expect(attack(n.j, 'hostile-pickle')).toMatchObject({ outcome: 'caught', codes: ['FORMAT_DENIED'] });
    const noFormats = path.join(work, 'no-formats.yaml');
    await writeFile(noFormats, POLICY_TRUST(release.pub));
    const f = await drillJson(['--policy', noFormats]);
    expect(attack(f.j, 'hostile-pickle')).toMatchObject({ outcome: 'missed', fix: `add formats: { scan: true } or { deny: [pickle] } to ${noFormats}` });
  });

  it("with a policy, revoked-ancestor revokes its parent in a copy of the policy's list; retrain's rule is used with --purpose retrain", async () => {
    const p = path.join(work, 'strict.yaml');
    await writeFile(p, `${POLICY_TRUST(release.pub)}license:\n  deploy: { allow: [apache-2.0, mit], deny: [cc-by-nc-4.0] }\n  retrain: { allow: [mit] }\nformats: { scan: true }\n`);
    const before = await snapshot(p);
    const store = path.join(work, 'policy-store');
    await mkdir(store, { recursive: true });
    const r = await drillJson(['--policy', p, '--lineage', store, '--state', path.join(work, 'strict-state.json')]);
    expect(r.code, r.stderr).toBe(0);
    for (const id of CORE) expect(attack(r.j, id), id).toMatchObject({ outcome: 'caught', codes: expect.arrayContaining([CORE_CODE[id]]) });
    // The feature attacks are correctly signed models: only the targeted check refuses them.
    expect(attack(r.j, 'rollback').codes).toEqual(['VERSION_ROLLBACK']);
    expect(attack(r.j, 'revoked-ancestor').codes).toEqual(['POLICY_REVOKED']);
    expect(attack(r.j, 'license-outside-policy').codes).toEqual(['POLICY_LICENSE_DENIED']);
    expect(attack(r.j, 'hostile-pickle').codes).toEqual(['SCAN_FINDING']);
    expect(r.j).toMatchObject({ caught: ALL.length, missed: 0, skipped: 0 });
    expect(r.j.notes).toContainEqual({ code: 'DRILL_POLICY_REVOKED_COPY', message: `--policy ${p}: revoked-ancestor revokes its parent in an in-memory copy of the policy's revoked list; ${p} is not changed`, file: p });
    expect(r.stderr).toMatch(/^modelsign: drill: attacking synthetic models with verification: trust section of .*strict\.yaml; policy .*strict\.yaml \(purpose deploy\); lineage store .*; anti-rollback state .*\n/);
    expect(await snapshot(p)).toEqual(before);
    const retrain = await drillJson(['--policy', p, '--purpose', 'retrain']);
    expect(retrain.j.baseline.verified).toBe(true);
    expect(attack(retrain.j, 'license-outside-policy')).toMatchObject({ outcome: 'caught', codes: [expect.stringMatching(/^POLICY_LICENSE_(UNKNOWN|NOT_ALLOWED)$/)] });
  });

  it('--ignore-unsigned-files lets the injected file through: MISSED, with the flag to drop', async () => {
    const { j } = await drillJson(['--key', release.pub, '--ignore-unsigned-files']);
    expect(attack(j, 'injected-file')).toMatchObject({ outcome: 'missed', fix: 'drop --ignore-unsigned-files: it accepts files the signature does not list' });
    expect(attack(j, 'changed-byte')).toMatchObject({ outcome: 'caught' });
  });

  it('--ignore-paths covering the attacked file: MISSED, naming the paths', async () => {
    const { j } = await drillJson(['--key', release.pub, '--ignore-paths', 'modeling_llama.py']);
    expect(attack(j, 'injected-file')).toMatchObject({ outcome: 'missed', fix: 'check --ignore-paths modeling_llama.py: those paths are not verified' });
  });

  it('--signature and --pull-to are accepted (they are verify options) and said not to be used', async () => {
    const { j } = await drillJson(['--key', release.pub, '--signature', 'elsewhere.sig', '--pull-to', 'pulled']);
    expect(j.notes.map((n) => n.message)).toEqual(
      expect.arrayContaining(['--signature elsewhere.sig is not used: each of the drill\'s models carries its own signature', '--pull-to pulled is not used: the drill\'s models are local directories']),
    );
    expect(attack(j, 'missing-signature')).toMatchObject({ outcome: 'caught', codes: ['SIG_MISSING'] });
  });
});

describe('exit codes: skips, baseline, usage', () => {
  /** Everything stopped but the license attack, which a policy allowing every candidate leaves nothing to attack. */
  const allLicenses = async () => {
    const p = path.join(work, 'all-licenses.yaml');
    await writeFile(p, `${POLICY_TRUST(release.pub)}license:\n  deploy: { allow: [apache-2.0, LicenseRef-modelsign-drill-proprietary, cc-by-nc-4.0, proprietary, gpl-3.0] }\nformats: { deny: [pickle] }\n`);
    return ['--policy', p, '--state', path.join(work, 'skip-state.json')];
  };

  it('a skipped attack fails the drill (exit 1, DRILL_SKIPPED) unless --allow-skips (exit 0)', async () => {
    const args = await allLicenses();
    const r = await drillJson(args);
    expect(r.j).toMatchObject({ caught: ALL.length - 1, missed: 0, skipped: 1 });
    expect(attack(r.j, 'license-outside-policy')).toMatchObject({ outcome: 'skipped', reason: 'the policy allows every license the drill tried: none of its license rules refuses one' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/modelsign: refused: 1 attack skipped, so the set-up was not fully tested: license-outside-policy; --allow-skips accepts that \[DRILL_SKIPPED\]\n$/);
    const t = await runCli(['drill', ...args]);
    expect(t.stdout).toMatch(/^SKIPPED license-outside-policy .*\(the policy allows every license the drill tried: none of its license rules refuses one\)$/m);
    expect(t.stdout.trim().split('\n').at(-1)).toBe(`${ALL.length - 1} stopped, 0 missed, 1 skipped`);
    const allowed = await runCli(['drill', ...args, '--allow-skips']);
    expect(allowed.code, allowed.stderr).toBe(0);
    const env = await runCli(['drill', ...args], { env: { MODELSIGN_ALLOW_SKIPS: 'true' } });
    expect(env.code, env.stderr).toBe(0);
  });

  it('--allow-skips never excuses a MISSED attack (exit 1)', async () => {
    const r = await runCli(['drill', '--key', release.pub, '--allow-skips']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\[DRILL_MISSED\]\n$/);
  });

  it('a set-up that refuses even the correctly signed baseline: the report, then exit 2 (nothing could be tested)', async () => {
    const p = path.join(work, 'require-lineage.yaml');
    await writeFile(p, `${POLICY_TRUST(release.pub)}lineage:\n  require: true\n`);
    const r = await drillJson(['--policy', p]);
    expect(r.code).toBe(2);
    expect(r.j.baseline).toMatchObject({ verified: false, failure: { code: 'POLICY_LINEAGE_REQUIRED' } });
    expect(attack(r.j, 'changed-byte')).toMatchObject({ outcome: 'skipped', reason: 'needs a model the set-up accepts: it refuses the baseline (see baseline)' });
    expect(r.stderr).toMatch(
      /modelsign: error: the set-up refuses even a correctly signed model \(signed with the drill's throwaway key, trusted in place of the trust section of .*require-lineage\.yaml\) \(POLICY_LINEAGE_REQUIRED: .*\), so nothing could be tested: verify with these options refuses every model \[DRILL_BASELINE_REFUSED\]\n$/,
    );
    // The same policy with a lineage store, as verify would need it.
    const store = path.join(work, 'require-store');
    await mkdir(store, { recursive: true });
    const ok = await drillJson(['--policy', p, '--lineage', store]);
    expect(ok.j.baseline.verified).toBe(true);
  });

  it('usage errors (exit 2): nothing to test against, an unreadable key, a missing lineage store, a state file or audit log that is not a file, --purpose without a policy', async () => {
    const r = await runCli(['drill']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('modelsign: error: drill needs the set-up to test: --key PUBLIC_KEY (or another trust option, see --help) or --policy FILE [MISSING_OPTION]\n');
    const k = await runCli(['drill', '--key', path.join(work, 'missing.pub')]);
    expect(k.code).toBe(2);
    expect(k.stderr).toMatch(/\[KEY_UNREADABLE\]\n$/);
    const s = await runCli(['drill', '--key', release.pub, '--lineage', path.join(work, 'no-such-store')]);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/\[LINEAGE_STORE_UNREADABLE\]\n$/);
    const dir = path.join(work, 'a-directory');
    await mkdir(dir, { recursive: true });
    const st = await runCli(['drill', '-q', '--key', release.pub, '--state', dir]);
    expect(st.code).toBe(2);
    expect(st.stderr).toBe(`modelsign: error: cannot read state file ${dir}: not a regular file [STATE_UNREADABLE]\n`);
    const log = await runCli(['drill', '-q', '--key', release.pub, '--audit-log', dir]);
    expect(log.code).toBe(2);
    expect(log.stderr).toBe(`modelsign: error: audit log is not a regular file: ${dir} [AUDIT_WRITE_FAILED]\n`);
    // verify says the same of the same options.
    const m = path.join(work, 'state-model');
    await mkdir(m, { recursive: true });
    await writeFile(path.join(m, 'config.json'), '{}');
    expect((await runCli(['sign', m, '--key', release.key, '--version', '1.0.0'])).code).toBe(0);
    const v = await runCli(['verify', m, '--key', release.pub, '--state', dir]);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain(`cannot read state file ${dir}: not a regular file [STATE_UNREADABLE]`);
    const p = await runCli(['drill', '--key', release.pub, '--purpose', 'deploy']);
    expect(p.code).toBe(2);
    expect(p.stderr).toMatch(/--purpose needs --policy FILE \[MISSING_OPTION\]/);
  });

  it('a malformed or missing policy is a usage error (exit 2), as in verify; trust given twice needs --replace-policy-trust, as in verify', async () => {
    await writeFile(path.join(work, 'bad.yaml'), 'apiVersion: modelsign/v1\nlicense:\n  deploi: { allow: [mit] }\n');
    const b = await runCli(['drill', '--policy', path.join(work, 'bad.yaml')]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/^modelsign: error: policy .*bad\.yaml: license\.deploi: unknown field.*\[POLICY_INVALID\]\n$/);
    const m = await runCli(['drill', '--policy', path.join(work, 'missing.yaml')]);
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/\[POLICY_UNREADABLE\]\n$/);
    const p = path.join(work, 'trusting.yaml');
    await writeFile(p, POLICY_TRUST(release.pub));
    const both = await runCli(['drill', '--policy', p, '--key', other.pub]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--replace-policy-trust.*\[TRUST_CONFLICT\]\n$/);
    const replaced = await drillJson(['--policy', p, '--key', other.pub, '--replace-policy-trust', '--signing-key', other.key]);
    expect(replaced.j.baseline.verified).toBe(true);
    const notTrusted = await drillJson(['--policy', p, '--signing-key', other.key]);
    expect(notTrusted.code).toBe(2);
    const noTrust = path.join(work, 'notrust.yaml');
    await writeFile(noTrust, 'apiVersion: modelsign/v1\nformats: { scan: true }\n');
    const n = await runCli(['drill', '--policy', noTrust]);
    expect(n.code).toBe(2);
    expect(n.stderr).toMatch(/^modelsign: error: drill needs something to trust: the policy .*notrust\.yaml has no trust section, so give --key PUBLIC_KEY \[MISSING_OPTION\]\n$/);
  });
});

describe('--signing-key: the trust itself is tested too', () => {
  it('a trusted signing key: no throwaway key, the same verdicts', async () => {
    const { code, j } = await drillJson(['--key', release.pub, '--signing-key', release.key, '--state', path.join(work, 'sk-state.json')]);
    expect(code).toBe(1);
    expect(j.signer.source).toBe('signing-key');
    expect(j.notes.map((n) => n.code)).not.toContain('DRILL_THROWAWAY_KEY');
    expect(j.baseline.reason).toMatch(/^a model signed with --signing-key \(sha256:[0-9a-f]{16}…\) verifies$/);
    expect(attack(j, 'rollback')).toMatchObject({ outcome: 'caught', codes: ['VERSION_ROLLBACK'] });
    expect(j.attacks.filter((a) => a.outcome === 'missed').map((a) => a.id)).toEqual(['revoked-ancestor', 'license-outside-policy', 'hostile-pickle']);
  });

  it('an encrypted signing key works with MODELSIGN_PASSPHRASE; a wrong passphrase is a usage error (exit 2)', async () => {
    const ok = await drillJson(['--key', encrypted.pub, '--signing-key', encrypted.key], { MODELSIGN_PASSPHRASE: 'right' });
    expect(ok.j.baseline.verified).toBe(true);
    const bad = await runCli(['drill', '--key', encrypted.pub, '--signing-key', encrypted.key], { env: { MODELSIGN_PASSPHRASE: 'wrong' } });
    expect(bad.code).toBe(2);
  });

  it('a --signing-key the set-up does not trust: the report says so, then exit 2 with one error line', async () => {
    const r = await drillJson(['--key', release.pub, '--signing-key', other.key]);
    expect(r.code).toBe(2);
    expect(r.j.baseline).toMatchObject({ verified: false, reason: expect.stringMatching(/the set-up refuses a model signed with --signing-key: .*\[KEY_HINT_MISMATCH\]/), failure: { code: 'KEY_HINT_MISMATCH' } });
    expect(attack(r.j, 'edited-payload')).toMatchObject({ outcome: 'skipped' });
    const t = await runCli(['drill', '-q', '--key', release.pub, '--signing-key', other.key]);
    expect(t.code).toBe(2);
    expect(t.stdout).toMatch(/^baseline: REFUSED: /);
    expect(t.stderr).toMatch(/^modelsign: error: the set-up does not accept the baseline model signed with --signing-key .*other.* \(KEY_HINT_MISMATCH: .*\), so nothing could be tested; give --signing-key a private key the set-up trusts \[DRILL_BASELINE_REFUSED\]\n$/);
    expect(t.stderr.split('\n')).toHaveLength(2);
  });

  it('a key of the wrong kind names the drill flag it was given to (exit 2)', async () => {
    const pubAsSigner = await runCli(['drill', '--key', release.pub, '--signing-key', release.pub]);
    expect(pubAsSigner.code).toBe(2);
    expect(pubAsSigner.stderr).toBe(`modelsign: error: ${release.pub} is a public key; drill --signing-key needs the private key (.key); the public key goes to --key [KEY_WRONG_KIND]\n`);
    const privAsKey = await runCli(['drill', '--key', release.key, '--signing-key', release.key]);
    expect(privAsKey.code).toBe(2);
    expect(privAsKey.stderr).toBe(`modelsign: error: ${release.key} is a private key; drill --key needs the public key (.pub) your set-up trusts; the private key goes to --signing-key [KEY_WRONG_KIND]\n`);
  });
});

describe("verify's options and MODELSIGN_* environment", () => {
  const optionsOf = async (cmd: string) => {
    const h = await runCli([cmd, '--help']);
    return [...h.stdout.matchAll(/^ {2}(?:-\w, )?(--[a-z0-9-]+)/gm)].map((x) => x[1]!);
  };

  it('drill takes every option verify takes, and two of its own', async () => {
    const verify = await optionsOf('verify');
    const drill = await optionsOf('drill');
    expect(verify.length).toBeGreaterThan(20);
    expect(drill).toEqual(expect.arrayContaining(verify));
    expect(drill.filter((o) => !verify.includes(o)).sort()).toEqual(['--allow-skips', '--signing-key']);
  });

  it('the set-up from the environment alone: MODELSIGN_KEY, MODELSIGN_STATE, MODELSIGN_POLICY...', async () => {
    const state = path.join(work, 'env-state.json');
    const r = await drillJson([], { MODELSIGN_KEY: release.pub, MODELSIGN_STATE: state, MODELSIGN_MODEL: '/models/llm' });
    expect(r.j.verifier).toBe(`keys ${release.pub}; anti-rollback state ${state}`);
    expect(attack(r.j, 'rollback')).toMatchObject({ outcome: 'caught', codes: ['VERSION_ROLLBACK'] });
    expect(existsSync(state)).toBe(false);
    const p = path.join(work, 'env-policy.yaml');
    await writeFile(p, `${POLICY_TRUST(release.pub)}license:\n  deploy: { allow: [apache-2.0], deny: [cc-by-nc-4.0] }\n`);
    const pol = await drillJson([], { MODELSIGN_POLICY: p, MODELSIGN_IGNORE_UNSIGNED_FILES: 'true' });
    expect(attack(pol.j, 'license-outside-policy')).toMatchObject({ outcome: 'caught', codes: ['POLICY_LICENSE_DENIED'] });
    expect(attack(pol.j, 'injected-file')).toMatchObject({ outcome: 'missed', remedy: 'no-ignore-unsigned' });
  });

  it("verify's other variables are the drill's too: jobs, registries, output format, termination log, signature, model", async () => {
    const term = path.join(work, 'termination-log');
    const r = await runCli(['drill'], {
      env: {
        MODELSIGN_KEY: release.pub,
        MODELSIGN_JOBS: '2',
        MODELSIGN_INSECURE_REGISTRY: 'localhost:5000',
        MODELSIGN_LOG_FORMAT: 'text',
        MODELSIGN_TERMINATION_LOG: term,
        MODELSIGN_SIGNATURE: 'elsewhere.sig',
        MODELSIGN_IGNORE_PATHS: 'unused.bin',
        MODELSIGN_MODEL: '/models/llm',
        MODELSIGN_QUIET: 'true',
      },
    });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('note: --signature elsewhere.sig is not used');
    // As verify does in a pod: the reason the drill failed, for `kubectl describe`.
    expect(await readFile(term, 'utf8')).toMatch(/^modelsign: refused: 4 attacks not stopped by this set-up: .* \[DRILL_MISSED\] \(exit 1\)\n$/);
    expect(r.stderr).toBe('modelsign: refused: 4 attacks not stopped by this set-up: rollback, revoked-ancestor, license-outside-policy, hostile-pickle [DRILL_MISSED]\n');
  });

  it('the command line wins over the environment; a bad or unknown variable is a usage error naming it (exit 2)', async () => {
    const r = await drillJson(['--key', release.pub], { MODELSIGN_KEY: path.join(work, 'missing.pub') });
    expect(r.j.baseline.verified).toBe(true);
    const bad = await runCli(['drill', '--key', release.pub], { env: { MODELSIGN_IGNORE_UNSIGNED_FILES: 'maybe' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('modelsign: error: MODELSIGN_IGNORE_UNSIGNED_FILES must be true or false (got "maybe") [BAD_ENV]\n');
    const unknown = await runCli(['drill', '--key', release.pub], { env: { MODELSIGN_STAT: 'state.json' } });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('modelsign: error: MODELSIGN_STAT is set, but drill has no --stat option in this build (did you mean MODELSIGN_STATE?) [UNKNOWN_ENV]\n');
  });

  it('--help describes the --json shape the drill prints', async () => {
    const h = await runCli(['drill', '--help']);
    expect(h.code).toBe(0);
    const flat = h.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('verifier, signer {source, key}, notes[] {code, message}, baseline {verified, reason}, attacks[] {id, title, outcome, codes, reason, remedy, fix}, caught, missed, skipped');
    const { j } = await drillJson(['--key', release.pub]);
    expect(Object.keys(j)).toEqual(['verifier', 'signer', 'notes', 'baseline', 'attacks', 'caught', 'missed', 'skipped']);
  });
});

it('the drill tells the truth: verify with the same policies accepts (no formats) and refuses (scan) a signed hostile checkpoint', async () => {
  const weak = path.join(work, 'weak.yaml');
  const strict = path.join(work, 'scan.yaml');
  await writeFile(weak, POLICY_TRUST(release.pub));
  await writeFile(strict, `${POLICY_TRUST(release.pub)}formats: { scan: true }\n`);
  const m = path.join(work, 'hostile-model');
  await mkdir(m, { recursive: true });
  await writeFile(path.join(m, 'config.json'), '{"architectures":["BertModel"]}');
  await writeFile(path.join(m, 'pytorch_model.bin'), torchZip(osSystemProtocol2('touch /tmp/pwned')));
  expect((await runCli(['sign', m, '--key', release.key, '--version', '1.0.0', '--license', 'apache-2.0'])).code).toBe(0);
  expect((await runCli(['verify', m, '--policy', weak])).code).toBe(0);
  expect(attack((await drillJson(['--policy', weak])).j, 'hostile-pickle').outcome).toBe('missed');
  const s = await runCli(['verify', m, '--policy', strict]);
  expect(s.code).toBe(1);
  expect(s.stderr).toMatch(/\[SCAN_FINDING\]\n$/);
  expect(attack((await drillJson(['--policy', strict])).j, 'hostile-pickle').outcome).toBe('caught');
});

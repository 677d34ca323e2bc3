/**
 * The command line's own checks and hints, end to end through the built CLI: files a policy
 * names, output folders made before hashing, signatures left inside a model, size units,
 * did-you-mean hints for versions, signatures and environment variables, JSON on usage errors,
 * lineage and key hints in inspect.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytes, cleanupTmp, keypair, ROOT, runCli, tmpDir, type Json } from '../helpers/cli.js';

let dir: string;
let keys: { key: string; pub: string };

/** A small model directory (not signed). */
async function model(name: string, seed = 1): Promise<string> {
  const m = path.join(dir, name);
  await mkdir(path.join(m, 'sub'), { recursive: true });
  await writeFile(path.join(m, 'weights.bin'), bytes(5000, seed));
  await writeFile(path.join(m, 'sub', 'config.json'), '{"a":1}');
  return m;
}

async function signed(name: string, extra: string[] = []): Promise<string> {
  const m = await model(name);
  const r = await runCli(['sign', m, '--key', keys.key, '--version', '1.0.0', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return m;
}

beforeAll(async () => {
  dir = await tmpDir();
  keys = await keypair(dir, 'ecdsa-p256');
});
afterAll(cleanupTmp);

describe('policy check reads every file the policy names', () => {
  it('a certificate chain file that does not exist: exit 2, naming the field and the path', async () => {
    const p = path.join(dir, 'chain-missing.yaml');
    await writeFile(p, 'apiVersion: modelsign/v1\ntrust:\n  certificateChains: [pki/nope.pem]\n');
    const r = await runCli(['policy', 'check', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`modelsign: error: policy ${p}: trust.certificateChains[0]: certificate chain file not found: ${path.join(dir, 'pki/nope.pem')} [ROOTS_UNREADABLE]\n`);
    expect(r.stdout).toBe('');
    const j = await runCli(['policy', 'check', p, '--json']);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout).error.code).toBe('ROOTS_UNREADABLE');
    // verify with the policy names the field too, before reading the model.
    const m = await model('chain-policy');
    const v = await runCli(['verify', m, '--policy', p]);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain(`trust.certificateChains: certificate chain file not found: ${path.join(dir, 'pki/nope.pem')} [ROOTS_UNREADABLE]`);
  });

  it('a certificate chain file that holds no certificate, and a second key that is missing', async () => {
    await writeFile(path.join(dir, 'not-a-cert.pem'), 'hello\n');
    const p = path.join(dir, 'chain-bad.yaml');
    await writeFile(p, 'apiVersion: modelsign/v1\ntrust:\n  certificateChains: [not-a-cert.pem]\n');
    const r = await runCli(['policy', 'check', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`trust.certificateChains[0]: ${path.join(dir, 'not-a-cert.pem')} holds no PEM certificate [ROOTS_UNREADABLE]`);
    await copyFile(keys.pub, path.join(dir, 'one.pub'));
    const k = path.join(dir, 'keys-missing.yaml');
    await writeFile(k, 'apiVersion: modelsign/v1\ntrust:\n  keys: [one.pub, two.pub]\n');
    const rk = await runCli(['policy', 'check', k]);
    expect(rk.code).toBe(2);
    expect(rk.stderr).toMatch(new RegExp(`^modelsign: error: policy ${k}: trust\\.keys\\[1\\]: .*two\\.pub.* \\[KEY_UNREADABLE\\]\\n$`));
  });
});

describe('--state and --audit-log in folders that do not exist yet', () => {
  it('are created (mode 700) and written, with the model verified', async () => {
    const m = await signed('state-dirs');
    const state = path.join(dir, 'var', 'lib', 'modelsign', 'state.json');
    const log = path.join(dir, 'log', 'modelsign', 'audit.jsonl');
    const r = await runCli(['verify', m, '--key', keys.pub, '--state', state, '--audit-log', log]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(await readFile(state, 'utf8'))).toBeTruthy();
    expect((await readFile(log, 'utf8')).split('\n').filter(Boolean)).toHaveLength(1);
    for (const d of [path.dirname(state), path.join(dir, 'var'), path.dirname(log)]) expect((await stat(d)).mode & 0o777, d).toBe(0o700);
    expect((await runCli(['audit', 'verify', log])).code).toBe(0);
  });

  it('a folder that cannot be made (a file in the way) is exit 2 before the model is read', async () => {
    const m = await signed('state-blocked');
    await writeFile(path.join(dir, 'blocker'), 'x');
    const s = await runCli(['verify', m, '--key', keys.pub, '--state', path.join(dir, 'blocker', 'state.json')]);
    expect(s.code).toBe(2);
    expect(s.stderr).toBe(`modelsign: error: cannot write state file ${path.join(dir, 'blocker', 'state.json')}: ${path.join(dir, 'blocker')} is not a directory [STATE_WRITE_FAILED]\n`);
    const a = await runCli(['verify', m, '--key', keys.pub, '--audit-log', path.join(dir, 'blocker', 'sub', 'audit.jsonl')]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain(`cannot write audit log ${path.join(dir, 'blocker', 'sub', 'audit.jsonl')}: ${path.join(dir, 'blocker')} is not a directory [AUDIT_WRITE_FAILED]`);
  });

  it('a set-up error (a missing key) is still audited in a log whose folder does not exist yet, and a state folder that cannot be made is audited too', async () => {
    const m = await signed('audit-setup-error');
    const log = path.join(dir, 'new-log-dir', 'audit.jsonl');
    const r = await runCli(['verify', m, '--key', path.join(dir, 'no-such.pub'), '--audit-log', log]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\[KEY_UNREADABLE\]\n$/);
    expect(JSON.parse((await readFile(log, 'utf8')).trim())).toMatchObject({ result: 'error', failures: ['KEY_UNREADABLE'] });
    const s = await runCli(['verify', m, '--key', keys.pub, '--audit-log', log, '--state', path.join(dir, 'blocker', 'st', 'state.json')]);
    expect(s.code).toBe(2);
    const lines = (await readFile(log, 'utf8')).trim().split('\n');
    expect(JSON.parse(lines[lines.length - 1]!)).toMatchObject({ result: 'error', failures: ['STATE_WRITE_FAILED'] });
  });
});

describe('signatures left inside the model', () => {
  it('are left out at sign time (with a warning), recorded in ignore_paths, and not demanded by verify', async () => {
    const m = await signed('stray');
    // An earlier signature stays in the model; a nested one too; a *.sig that is no bundle is content.
    await copyFile(path.join(m, 'model.sig'), path.join(m, 'sub', 'parent.sig'));
    await writeFile(path.join(m, 'notes.sig'), 'not a signature\n');
    const out = path.join(dir, 'stray-out', 'new.sig');
    const s = await runCli(['sign', m, '--key', keys.key, '--version', '1.1.0', '--signature', out, '--json']);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stderr).toBe(
      'modelsign: warning: left out model.sig: it is a signature (Sigstore bundle), not model content; recorded in ignore_paths\n' +
        'modelsign: warning: left out sub/parent.sig: it is a signature (Sigstore bundle), not model content; recorded in ignore_paths\n',
    );
    const res: Json = JSON.parse(s.stdout);
    expect(res.excludedSignatures).toEqual(['model.sig', 'sub/parent.sig']);
    expect(res.files).toBe(3);
    const d: Json = JSON.parse((await runCli(['inspect', out, '--json'])).stdout);
    expect(d.serialization.ignore_paths).toEqual(expect.arrayContaining(['model.sig', 'sub/parent.sig']));
    expect(d.resources.map((r: Json) => r.name).sort()).toEqual(['notes.sig', 'sub/config.json', 'weights.bin']);
    const v = await runCli(['verify', m, '--key', keys.pub, '--signature', out]);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toContain('verified (3 files)');
    // digest prints what sign signed.
    const dg = await runCli(['digest', m, '--signature', out]);
    expect(dg.stdout.trim()).toBe(res.rootDigest);
    // An independent OMS check, which applies the signature's ignore_paths, agrees.
    const check = execFileSync('python3', [path.join(ROOT, 'test/helpers/oms_check.py'), out, keys.pub, m], { encoding: 'utf8' });
    expect(check.trim()).toBe('OK');
    // The excluded files are out of the signature, so changing one changes nothing; a new stray bundle is still unexpected.
    await writeFile(path.join(m, 'sub', 'parent.sig'), 'changed');
    expect((await runCli(['verify', m, '--key', keys.pub, '--signature', out])).code).toBe(0);
    await copyFile(out, path.join(m, 'later.sig'));
    const late = await runCli(['verify', m, '--key', keys.pub, '--signature', out]);
    expect(late.code).toBe(1);
    expect(late.stderr).toBe('modelsign: refused: later.sig: file is not in the signature [FILE_UNEXPECTED]\n');
  });
});

describe('sizes with units', () => {
  it('--shard-size takes bytes, K/M/G (powers of 1000) and KiB/MiB/GiB (powers of 1024), as sign and digest record', async () => {
    const m = await model('sizes');
    const cases: Array<[string, number]> = [
      ['1000000', 1_000_000],
      ['1MB', 1_000_000],
      ['1G', 1_000_000_000],
      ['1GiB', 2 ** 30],
      ['512MiB', 512 * 2 ** 20],
      ['1.5KiB', 1536],
      ['4kb', 4000],
    ];
    for (const [size, bytesWanted] of cases) {
      const r = await runCli(['digest', m, '--shard-size', size, '--json']);
      expect(r.code, `${size}: ${r.stderr}`).toBe(0);
      expect(JSON.parse(r.stdout).serialization.shard_size, size).toBe(bytesWanted);
    }
    const out = path.join(dir, 'sizes.sig');
    const s = await runCli(['sign', m, '--key', keys.key, '--version', '1.0.0', '--shard-size', '2KiB', '--signature', out]);
    expect(s.code, s.stderr).toBe(0);
    expect(JSON.parse((await runCli(['inspect', out, '--json'])).stdout).serialization.shard_size).toBe(2048);
    expect((await runCli(['verify', m, '--key', keys.pub, '--signature', out])).code).toBe(0);
  });

  it('a size that is not one: exit 2 with one line', async () => {
    const m = await model('bad-sizes');
    for (const bad of ['1Q', '1 GBs', '0', '0.3', '-1M', 'G', '1e9', '99999999999TB']) {
      for (const cmd of ['digest', 'sign']) {
        const r = await runCli([cmd, m, '--key', keys.key, '--version', '1.0.0', '--shard-size', bad].filter((a, i) => cmd === 'sign' || i < 2 || i > 5));
        expect(r.code, `${cmd} ${bad}`).toBe(2);
        expect(r.stderr, `${cmd} ${bad}`).toBe(`modelsign: error: --shard-size must be a positive size: bytes, or with a unit: 1G or 1GB = 10^9, 1GiB = 2^30 (K, M, G, T; KiB, MiB, GiB, TiB) (got "${bad}") [BAD_OPTION]\n`);
      }
    }
  });
});

describe('did-you-mean hints', () => {
  it('sign --version v1.0 suggests 1.0.0 (exit 2), and verify --min-version too', async () => {
    const m = await model('version-hint');
    for (const [given, meant] of [['v1.0', '1.0.0'], ['2', '2.0.0'], ['V1.2.3-rc.1', '1.2.3-rc.1']] as const) {
      const r = await runCli(['sign', m, '--key', keys.key, '--version', given]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`modelsign: error: --version must be a semantic version like 1.2.0 (got "${given}"; did you mean "${meant}"?) [BAD_VERSION]\n`);
    }
    const none = await runCli(['sign', m, '--key', keys.key, '--version', 'latest']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('modelsign: error: --version must be a semantic version like 1.2.0 (got "latest") [BAD_VERSION]\n');
    const mv = await runCli(['verify', m, '--key', keys.pub, '--min-version', 'v2']);
    expect(mv.code).toBe(2);
    expect(mv.stderr).toBe('modelsign: error: --min-version must be a semantic version like 1.2.0 (got "v2"; did you mean "2.0.0"?) [BAD_OPTION]\n');
  });

  it('verify given a signature where the model belongs names the model to give', async () => {
    const m = await signed('sig-as-model');
    const rel = path.relative(dir, m);
    const r = await runCli(['verify', `${rel}/model.sig`, '--key', keys.pub], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `modelsign: error: ${rel}/model.sig is a signature, not a model: give the model directory: modelsign verify ${rel} (it reads ${rel}/model.sig by default), or modelsign verify ${rel} --signature ${rel}/model.sig [MODEL_IS_SIGNATURE]\n`,
    );
    // The suggestion works as written.
    expect((await runCli(['verify', rel, '--key', keys.pub], { cwd: dir })).code).toBe(0);
    const withSig = await runCli(['verify', `${rel}/model.sig`, '--key', keys.pub, '--signature', `${rel}/model.sig`], { cwd: dir });
    expect(withSig.stderr).toContain(`give the model directory: modelsign verify ${rel} --signature ${rel}/model.sig [MODEL_IS_SIGNATURE]`);
    // A single file's signature names the file; a signature named after nothing, the --signature form.
    await writeFile(path.join(dir, 'solo.bin'), bytes(100, 3));
    expect((await runCli(['sign', 'solo.bin', '--key', keys.key, '--version', '1.0.0'], { cwd: dir })).code).toBe(0);
    const f = await runCli(['verify', 'solo.bin.sig', '--key', keys.pub], { cwd: dir });
    expect(f.code).toBe(2);
    expect(f.stderr).toBe('modelsign: error: solo.bin.sig is a signature, not a model: give the model it is named after: modelsign verify solo.bin (it reads solo.bin.sig by default) [MODEL_IS_SIGNATURE]\n');
    await copyFile(path.join(dir, 'solo.bin.sig'), path.join(dir, 'release.sig'));
    const o = await runCli(['verify', 'release.sig', '--key', keys.pub, '--json'], { cwd: dir });
    expect(o.code).toBe(2);
    expect(o.stderr).toBe('modelsign: error: release.sig is a signature, not a model: give the model, and the signature with --signature: modelsign verify MODEL --signature release.sig [MODEL_IS_SIGNATURE]\n');
    expect(JSON.parse(o.stdout)).toMatchObject({ verified: false, error: { code: 'MODEL_IS_SIGNATURE' } });
    // A model file that ends in .sig but is no bundle is a model like any other.
    await writeFile(path.join(dir, 'data.sig'), 'plain bytes');
    expect((await runCli(['sign', 'data.sig', '--key', keys.key, '--version', '1.0.0'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['verify', 'data.sig', '--key', keys.pub], { cwd: dir })).code).toBe(0);
  });

  it('every --help that lists exit codes lists 3 too', async () => {
    const pages = [[], ['sign'], ['verify'], ['scan'], ['lineage'], ['policy', 'check'], ['audit', 'verify'], ['drill'], ['key', 'fingerprint']];
    for (const p of pages) {
      const h = await runCli([...p, '--help']);
      expect(h.code).toBe(0);
      expect(h.stdout, p.join(' ')).toMatch(/Exit codes:/);
      expect(h.stdout.slice(h.stdout.indexOf('Exit codes:')), p.join(' ')).toMatch(/\b3\s+internal error/);
    }
  });
});

describe('verify --json on usage errors', () => {
  const cases: Array<{ name: string; args: string[]; env?: Record<string, string>; code: string }> = [
    { name: 'no model', args: ['verify', '--json'], code: 'MISSING_ARGUMENT' },
    { name: 'an unknown flag', args: ['verify', 'm', '--jsn', '--json'], code: 'UNKNOWN_OPTION' },
    { name: 'a flag without its value', args: ['verify', 'm', '--json', '--key'], code: 'MISSING_OPTION_VALUE' },
    { name: 'a key file that does not exist', args: ['verify', 'MODEL', '--key', 'nope.pub', '--json'], code: 'KEY_UNREADABLE' },
    { name: 'nothing to trust', args: ['verify', 'MODEL', '--json'], code: 'MISSING_OPTION' },
    { name: 'a model that does not exist', args: ['verify', 'no-such-model', '--key', 'PUB', '--json'], code: 'MODEL_NOT_FOUND' },
    { name: 'a bad choice', args: ['verify', 'MODEL', '--key', 'PUB', '--purpose', 'fun', '--json'], code: 'BAD_OPTION' },
    { name: '--json from MODELSIGN_JSON, with an unknown flag', args: ['verify', 'm', '--kye', 'x'], env: { MODELSIGN_JSON: 'true' }, code: 'UNKNOWN_OPTION' },
    { name: 'a bad MODELSIGN_* value', args: ['verify', 'MODEL', '--key', 'PUB', '--json'], env: { MODELSIGN_JOBS: 'many' }, code: 'BAD_OPTION' },
  ];
  it.each(cases)('$name: one JSON object on stdout, exit 2', async (c) => {
    const m = await signed(`json-${c.code}-${c.name.length}`);
    const args = c.args.map((a) => (a === 'MODEL' ? m : a === 'PUB' ? keys.pub : a));
    const r = await runCli(args, { cwd: dir, ...(c.env ? { env: c.env } : {}) });
    expect(r.code, r.stderr).toBe(2);
    const j: Json = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['verified', 'error']);
    expect(j.verified).toBe(false);
    expect(j.error.code).toBe(c.code);
    // The same words as the error line on stderr.
    expect(r.stderr).toBe(`modelsign: error: ${j.error.message} [${c.code}]\n`);
  });

  it('a refused model prints its report once, not an error object beside it', async () => {
    const m = await signed('json-refused');
    await writeFile(path.join(m, 'weights.bin'), 'changed');
    const r = await runCli(['verify', m, '--key', keys.pub, '--json']);
    expect(r.code).toBe(1);
    const j: Json = JSON.parse(r.stdout);
    expect(j.verified).toBe(false);
    expect(j.failures[0].code).toBe('FILE_CHANGED');
  });

  it('the other commands with --json: their verdict field false, or the error alone', async () => {
    const want: Array<[string[], Json]> = [
      [['keygen', '--json'], { error: { code: 'MISSING_OPTION' } }],
      [['sign', 'no-such-model', '--key', keys.key, '--version', '1.0.0', '--json'], { error: { code: 'MODEL_NOT_FOUND' } }],
      [['digest', 'no-such-model', '--json'], { error: { code: 'MODEL_NOT_FOUND' } }],
      [['inspect', 'no-such.sig', '--json'], { error: { code: 'SIG_MISSING' } }],
      [['scan', 'no-such-model', '--json'], { clean: false, error: { code: 'SCAN_NOT_FOUND' } }],
      [['audit', 'verify', 'no-such.jsonl', '--json'], { intact: false, error: { code: 'AUDIT_UNREADABLE' } }],
      [['policy', 'check', 'no-such.yaml', '--json'], { valid: false, error: { code: 'POLICY_UNREADABLE' } }],
      [['lineage', 'no-such.sig', '--json', '--bogus'], { verified: false, error: { code: 'UNKNOWN_OPTION' } }],
      [['lineage', 'add', 'store', 'no-such.sig', '--json'], { error: { code: 'LINEAGE_NOT_BUNDLE' } }],
      [['drill', '--json', '--bogus'], { error: { code: 'UNKNOWN_OPTION' } }],
    ];
    for (const [args, shape] of want) {
      const r = await runCli(args, { cwd: dir });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBeGreaterThanOrEqual(1);
      expect(JSON.parse(r.stdout), args.join(' ')).toMatchObject(shape);
    }
    // lineage add has no verdict: its error is the error alone.
    const add = await runCli(['lineage', 'add', 'store', 'no-such.sig', '--json'], { cwd: dir });
    expect(Object.keys(JSON.parse(add.stdout))).toEqual(['error']);
  });

  it('MODELSIGN_JSON asks lineage and drill for JSON errors as it asks verify', async () => {
    for (const args of [['lineage', 'no-such.sig', '--bogus'], ['drill', '--bogus']]) {
      const r = await runCli(args, { cwd: dir, env: { MODELSIGN_JSON: '1' } });
      expect(r.code, args.join(' ')).toBe(2);
      expect(JSON.parse(r.stdout), args.join(' ')).toMatchObject({ error: { code: 'UNKNOWN_OPTION' } });
    }
  });
});

describe('inspect shows lineage; key hints', () => {
  it('inspect lists the parents and datasets a signature claims', async () => {
    const base = await signed('lineage-base', ['--name', 'acme/base']);
    const ft = await model('lineage-ft', 2);
    const digest = `sha256:${'ab'.repeat(32)}`;
    const s = await runCli(['sign', ft, '--key', keys.key, '--version', '1.1.0', '--name', 'acme/ft', '--parent', path.join(base, 'model.sig'), '--dataset', `hf://datasets/acme/chat=${digest}`, '--dataset', 's3://acme/extra']);
    expect(s.code, s.stderr).toBe(0);
    const baseRoot: string = JSON.parse((await runCli(['inspect', path.join(base, 'model.sig'), '--json'])).stdout).rootDigest;
    const r = await runCli(['inspect', path.join(ft, 'model.sig')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`parents:     1\n  finetune   acme/base@1.0.0  root ${baseRoot}\ndatasets:    2\n  hf://datasets/acme/chat  ${digest}\n  s3://acme/extra\n`);
    // A root model says nothing about lineage.
    expect((await runCli(['inspect', path.join(base, 'model.sig')])).stdout).not.toContain('parents:');
  });

  it('key fingerprint, inspect KEYFILE and keygen --json give the hint the signatures carry', async () => {
    const g = await runCli(['keygen', '--out', path.join(dir, 'hinted'), '--unencrypted', '--json']);
    expect(g.code, g.stderr).toBe(0);
    const hint: string = JSON.parse(g.stdout).hint;
    expect(hint).toMatch(/^[0-9a-f]{64}$/);
    const m = await model('hinted-model');
    expect((await runCli(['sign', m, '--key', path.join(dir, 'hinted.key'), '--version', '1.0.0'])).code).toBe(0);
    const sig: Json = JSON.parse(await readFile(path.join(m, 'model.sig'), 'utf8'));
    expect(sig.verificationMaterial.publicKey.hint).toBe(hint);
    const pub = path.join(dir, 'hinted.pub');
    const f = await runCli(['key', 'fingerprint', pub]);
    expect(f.code, f.stderr).toBe(0);
    expect(f.stdout).toBe(`key:  ${pub} (ecdsa-p256 public key)\nhint: sha256:${hint}\n`);
    const fromPrivate = await runCli(['key', 'fingerprint', path.join(dir, 'hinted.key'), '--json']);
    expect(JSON.parse(fromPrivate.stdout)).toEqual({ file: path.join(dir, 'hinted.key'), kind: 'private', fromCertificate: false, type: 'ecdsa-p256', hint });
    const i = await runCli(['inspect', pub]);
    expect(i.code, i.stderr).toBe(0);
    expect(i.stdout).toBe(f.stdout);
    expect((await runCli(['inspect', m + '/model.sig'])).stdout).toContain(`claimed signer: public key sha256:${hint}`);
    expect((await runCli(['verify', m, '--key', pub])).stdout).toContain(`signer:      ecdsa-p256 key sha256:${hint}`);
  });

  it('key fingerprint of a file that holds no key: exit 2; an encrypted key needs its passphrase', async () => {
    await writeFile(path.join(dir, 'nokey.pem'), 'nothing here\n');
    const r = await runCli(['key', 'fingerprint', path.join(dir, 'nokey.pem')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`modelsign: error: ${path.join(dir, 'nokey.pem')} holds no PEM public key [KEY_UNREADABLE]\n`);
    const missing = await runCli(['key', 'fingerprint', path.join(dir, 'absent.pub'), '--json']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout)).toEqual({ error: { code: 'KEY_UNREADABLE', message: `key not found: ${path.join(dir, 'absent.pub')}` } });
    const enc = path.join(dir, 'enc');
    expect((await runCli(['keygen', '--out', enc], { env: { MODELSIGN_PASSPHRASE: 'pw' } })).code).toBe(0);
    const noPass = await runCli(['key', 'fingerprint', `${enc}.key`]);
    expect(noPass.code).toBe(2);
    expect(noPass.stderr).toContain('[NO_PASSPHRASE]');
    const withPass = await runCli(['key', 'fingerprint', `${enc}.key`], { env: { MODELSIGN_PASSPHRASE: 'pw' } });
    expect(withPass.code, withPass.stderr).toBe(0);
    expect(withPass.stdout).toBe((await runCli(['key', 'fingerprint', `${enc}.pub`])).stdout.replace(`${enc}.pub (ecdsa-p256 public key)`, `${enc}.key (ecdsa-p256 private key)`));
    // A signature file still goes to the signature report, and a file that is neither is SIG_MALFORMED.
    await writeFile(path.join(dir, 'junk.sig'), '{}');
    const junk = await runCli(['inspect', path.join(dir, 'junk.sig')]);
    expect(junk.code).toBe(1);
    expect(junk.stderr).toContain('[SIG_MALFORMED]');
    const noSub = await runCli(['key']);
    expect(noSub.code).toBe(2);
    expect(noSub.stderr).toBe('modelsign: error: key needs a subcommand: modelsign key fingerprint FILE [MISSING_COMMAND]\n');
  });
});

describe('unknown MODELSIGN_* variables', () => {
  it('outside verify: one warning line each, with the near miss, and the command still runs', async () => {
    const m = await model('env-warn');
    const r = await runCli(['digest', m], { env: { MODELSIGN_KYE: 'x', MODELSIGN_PASSPHRSE: 'y', MODELSIGN_QQQQQQQQQQQQ: '1', MODELSIGN_KEY: 'verify reads it', MODELSIGN_SERVICE_HOST: '10.0.0.1', MODELSIGN_EMPTY: '' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(r.stderr).toBe(
      'modelsign: warning: unknown environment variable MODELSIGN_KYE (did you mean MODELSIGN_KEY?)\n' +
        'modelsign: warning: unknown environment variable MODELSIGN_PASSPHRSE (did you mean MODELSIGN_PASSPHRASE?)\n' +
        'modelsign: warning: unknown environment variable MODELSIGN_QQQQQQQQQQQQ\n',
    );
    // verify's own options and the fixed variables are known to every command.
    const known = await runCli(['digest', m], { env: { MODELSIGN_KEY: 'x', MODELSIGN_POLICY: 'p', MODELSIGN_LOG_FORMAT: 'json', MODELSIGN_NO_MMAP: '1', MODELSIGN_QUIET: '1' } });
    expect(known.stderr).toBe('');
  });

  it('verify refuses one (exit 2), naming the near miss', async () => {
    const m = await signed('env-verify');
    const r = await runCli(['verify', m, '--key', keys.pub], { env: { MODELSIGN_IGNORE_UNSINGED_FILES: '1' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('modelsign: error: MODELSIGN_IGNORE_UNSINGED_FILES is set, but verify has no --ignore-unsinged-files option in this build (did you mean MODELSIGN_IGNORE_UNSIGNED_FILES?) [UNKNOWN_ENV]\n');
  });
});

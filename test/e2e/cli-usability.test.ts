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

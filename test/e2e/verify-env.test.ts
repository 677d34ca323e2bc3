/**
 * verify as a Kubernetes init container runs it: configured only by MODELSIGN_* variables,
 * writing a termination reason on failure and JSON log lines with --log-format json.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTmp, keypair, makeHfModel, runCli, tmpDir } from '../helpers/cli.js';

let work: string;
let model: string;
let tampered: string;
let keys: { key: string; pub: string };
let other: { key: string; pub: string };

/** Run verify with no arguments at all unless given. */
function verifyEnv(env: Record<string, string>, args: string[] = []) {
  return runCli(['verify', ...args], { env });
}

beforeAll(async () => {
  work = await tmpDir('modelsign-env-');
  model = await makeHfModel(path.join(work, 'model'));
  tampered = await makeHfModel(path.join(work, 'tampered'));
  keys = await keypair(work);
  other = await keypair(work, 'ed25519', 'other');
  expect((await runCli(['sign', model, '--key', keys.key, '--version', '1.2.0', '--name', 'acme/llm'])).code).toBe(0);
  expect((await runCli(['sign', tampered, '--key', keys.key, '--version', '1.2.0', '--name', 'acme/llm'])).code).toBe(0);
  await writeFile(path.join(tampered, 'config.json'), '{"hidden_size": 65}');
});
afterAll(cleanupTmp);

describe('verify configured only by the environment', () => {
  it('passes: MODELSIGN_MODEL + MODELSIGN_KEY, no arguments', async () => {
    const term = path.join(work, 'term-ok');
    const r = await verifyEnv({ MODELSIGN_MODEL: model, MODELSIGN_KEY: keys.pub, MODELSIGN_TERMINATION_LOG: term });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('OK: acme/llm@1.2.0 verified (8 files)');
    expect(existsSync(term)).toBe(false);
  });

  it('fails on a changed file (exit 1) and writes the termination reason', async () => {
    const term = path.join(work, 'term-changed');
    const r = await verifyEnv({ MODELSIGN_MODEL: tampered, MODELSIGN_KEY: keys.pub, MODELSIGN_TERMINATION_LOG: term });
    expect(r.code).toBe(1);
    expect(await readFile(term, 'utf8')).toBe(
      `modelsign: acme/llm@1.2.0 (${tampered}) must not be used: 1 failure\nFILE_CHANGED config.json: file content does not match the signature\n`,
    );
  });

  it('fails on another key (exit 1) and names the reason', async () => {
    const term = path.join(work, 'term-key');
    const r = await verifyEnv({ MODELSIGN_MODEL: model, MODELSIGN_KEY: other.pub, MODELSIGN_TERMINATION_LOG: term });
    expect(r.code).toBe(1);
    expect(await readFile(term, 'utf8')).toBe(`modelsign: ${model} must not be used: 1 failure\nKEY_HINT_MISMATCH: ${r.stdout.split('KEY_HINT_MISMATCH: ')[1]!.split('\n')[0]}\n`);
  });

  it('a usage error (missing key file) exits 2 and writes the reason too', async () => {
    const term = path.join(work, 'term-usage');
    const r = await verifyEnv({ MODELSIGN_MODEL: model, MODELSIGN_KEY: path.join(work, 'nope.pub'), MODELSIGN_TERMINATION_LOG: term });
    expect(r.code).toBe(2);
    expect(await readFile(term, 'utf8')).toContain('[KEY_UNREADABLE] (exit 2)');
  });

  it('MODELSIGN_SIGNATURE, repeatable MODELSIGN_KEY (comma list) and MODELSIGN_JSON', async () => {
    const archive = path.join(work, 'model.tgz');
    execFileSync('tar', ['-C', model, '-czf', archive, '.']);
    const r = await verifyEnv({
      MODELSIGN_MODEL: archive,
      MODELSIGN_SIGNATURE: path.join(model, 'model.sig'),
      MODELSIGN_KEY: `${other.pub},${keys.pub}`,
      MODELSIGN_JSON: 'true',
    });
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.verified).toBe(true);
    expect(j.signature).toBe(path.join(model, 'model.sig'));
  });

  it('MODELSIGN_IGNORE_UNSIGNED_FILES switch', async () => {
    const dir = await makeHfModel(path.join(work, 'extra'));
    expect((await runCli(['sign', dir, '--key', keys.key, '--version', '1.0.0'])).code).toBe(0);
    await writeFile(path.join(dir, 'notes.txt'), 'added later');
    expect((await verifyEnv({ MODELSIGN_MODEL: dir, MODELSIGN_KEY: keys.pub })).code).toBe(1);
    expect((await verifyEnv({ MODELSIGN_MODEL: dir, MODELSIGN_KEY: keys.pub, MODELSIGN_IGNORE_UNSIGNED_FILES: '1' })).code).toBe(0);
    expect((await verifyEnv({ MODELSIGN_MODEL: dir, MODELSIGN_KEY: keys.pub, MODELSIGN_IGNORE_UNSIGNED_FILES: 'false' })).code).toBe(1);
  });

  it('command-line flags win over the environment', async () => {
    const a = await verifyEnv({ MODELSIGN_MODEL: tampered, MODELSIGN_KEY: other.pub }, [model, '--key', keys.pub]);
    expect(a.code, a.stderr).toBe(0);
    const b = await verifyEnv({ MODELSIGN_MODEL: model, MODELSIGN_KEY: keys.pub }, ['--key', other.pub]);
    expect(b.code).toBe(1);
  });

  it('bad values are usage errors naming the variable (exit 2)', async () => {
    const a = await verifyEnv({ MODELSIGN_MODEL: model, MODELSIGN_KEY: keys.pub, MODELSIGN_JOBS: 'many' });
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('modelsign: error: MODELSIGN_JOBS: --jobs must be a positive whole number (got "many") [BAD_OPTION]');
    const b = await verifyEnv({ MODELSIGN_MODEL: model, MODELSIGN_KEY: keys.pub, MODELSIGN_JSON: 'perhaps' });
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('MODELSIGN_JSON must be true or false (got "perhaps") [BAD_ENV]');
    const c = await verifyEnv({ MODELSIGN_MODEL: model, MODELSIGN_KEY: keys.pub, MODELSIGN_LOG_FORMAT: 'xml' });
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('MODELSIGN_LOG_FORMAT');
  });

  it('no model anywhere -> exit 2', async () => {
    const r = await verifyEnv({ MODELSIGN_KEY: keys.pub });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('verify needs MODEL (a directory, file or archive; or set MODELSIGN_MODEL) [MISSING_ARGUMENT]');
  });

  it('--help documents the environment', async () => {
    const r = await runCli(['verify', '--help']);
    expect(r.stdout).toContain('MODELSIGN_IDENTITY_PROVIDER');
    expect(r.stdout).toContain('--termination-log');
  });
});

describe('--log-format json', () => {
  const lines = (stderr: string) =>
    stderr
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; level: string; time: string; [k: string]: unknown });

  it('success: verify.start then verify.result, every stderr line is JSON', async () => {
    const r = await verifyEnv({ MODELSIGN_MODEL: model, MODELSIGN_KEY: keys.pub, MODELSIGN_LOG_FORMAT: 'json' });
    expect(r.code, r.stderr).toBe(0);
    const ev = lines(r.stderr);
    expect(ev.map((e) => e.event)).toEqual(['verify.start', 'verify.result', 'report']);
    expect(ev[1]).toMatchObject({ level: 'info', verified: true, name: 'acme/llm', version: '1.2.0', filesChecked: 8, failures: 0 });
    expect(r.stdout).toBe('');
  });

  it('failure: one verify.failure per failing file, then the result and the refusal', async () => {
    const r = await verifyEnv({ MODELSIGN_MODEL: tampered, MODELSIGN_KEY: keys.pub }, ['--log-format', 'json']);
    expect(r.code).toBe(1);
    const ev = lines(r.stderr);
    expect(ev.map((e) => e.event)).toEqual(['verify.start', 'verify.failure', 'verify.result', 'report', 'refused']);
    expect(ev[1]).toMatchObject({ level: 'error', code: 'FILE_CHANGED', path: 'config.json' });
    expect(ev[2]).toMatchObject({ verified: false, failures: 1 });
    expect(ev[4]).toMatchObject({ code: 'FILE_CHANGED' });
  });

  it('a termination log that cannot be written is a warning event; the verdict stands', async () => {
    const r = await verifyEnv({ MODELSIGN_MODEL: tampered, MODELSIGN_KEY: keys.pub, MODELSIGN_LOG_FORMAT: 'json', MODELSIGN_TERMINATION_LOG: work });
    expect(r.code).toBe(1);
    const ev = lines(r.stderr);
    const w = ev.filter((e) => e.event === 'warning');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ level: 'warn', message: `cannot write termination log ${work}: it is a directory (EISDIR)` });
    expect(ev.at(-1)).toMatchObject({ event: 'refused', code: 'FILE_CHANGED' });
  });

  it('usage errors are JSON too', async () => {
    const r = await verifyEnv({ MODELSIGN_MODEL: model, MODELSIGN_KEY: path.join(work, 'nope.pub'), MODELSIGN_LOG_FORMAT: 'json' });
    expect(r.code).toBe(2);
    const ev = lines(r.stderr);
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ level: 'error', event: 'error', code: 'KEY_UNREADABLE' });
  });
});

describe('unknown MODELSIGN_* variables fail closed', () => {
  it('a variable for a flag this build lacks is a usage error, never ignored', async () => {
    const r = await verifyEnv({ MODELSIGN_MODEL: model, MODELSIGN_KEY: keys.pub, MODELSIGN_KEYS: keys.pub });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('modelsign: error: MODELSIGN_KEYS is set, but verify has no --keys option in this build (did you mean MODELSIGN_KEY?) [UNKNOWN_ENV]');
  });

  it('MODELSIGN_PASSPHRASE is not a verify flag but is allowed', async () => {
    const r = await verifyEnv({ MODELSIGN_MODEL: model, MODELSIGN_KEY: keys.pub, MODELSIGN_PASSPHRASE: 'x' });
    expect(r.code, r.stderr).toBe(0);
  });

  it("sign's MODELSIGN_PKCS11_PIN and MODELSIGN_PKCS11_MODULE are allowed; MODELSIGN_TIMESTAMP_AUTHORITY is --timestamp-authority", async () => {
    const r = await verifyEnv({ MODELSIGN_MODEL: model, MODELSIGN_KEY: keys.pub, MODELSIGN_PKCS11_PIN: '1234', MODELSIGN_PKCS11_MODULE: '/usr/lib/x.so' });
    expect(r.code, r.stderr).toBe(0);
    const t = await verifyEnv({ MODELSIGN_MODEL: model, MODELSIGN_KEY: keys.pub, MODELSIGN_TIMESTAMP_AUTHORITY: path.join(work, 'no-such-tsa.pem') });
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('[TSA_UNREADABLE]');
  });
});

describe('errors in the environment itself are still reported the configured way', () => {
  it('a bad MODELSIGN_JOBS with JSON logs and a termination log', async () => {
    const term = path.join(work, 'term-env');
    const r = await verifyEnv({ MODELSIGN_MODEL: model, MODELSIGN_KEY: keys.pub, MODELSIGN_JOBS: '0', MODELSIGN_LOG_FORMAT: 'json', MODELSIGN_TERMINATION_LOG: term });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr.trim())).toMatchObject({ level: 'error', event: 'error', code: 'BAD_OPTION' });
    expect(await readFile(term, 'utf8')).toContain('MODELSIGN_JOBS: --jobs must be a positive whole number (got "0") [BAD_OPTION] (exit 2)');
  });
});

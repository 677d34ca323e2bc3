/**
 * Hostile directory trees, end to end through the built CLI: what the walk of a model
 * (src/hashing/enumerate.ts) meets on disk - names that are not UTF-8, paths too long to
 * open, directories it may not read - and models that produce more failures than a call's
 * argument list can hold. Each must fail closed: verify exit 1 with a clear code, sign and
 * digest a refusal, scan never "clean"; never "internal error" (exit 3), never exit 0.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, linkSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTmp, makeHfModel, runCli, tmpDir, unprivilegedCli } from '../helpers/cli.js';
import { craftStatement, makeKey, sha256hex, writeSigned, type TestKey } from '../helpers/craft.js';
import { expectCleanError, json } from '../helpers/verify-json.js';

let work: string;
let key: TestKey;
let priv: string;

beforeAll(async () => {
  work = await tmpDir('modelsign-walk-');
  key = await makeKey(work, 'trusted');
  priv = path.join(work, 'trusted.key');
  await writeFile(priv, key.priv.export({ type: 'pkcs8', format: 'pem' }).toString());
});
afterAll(async () => {
  // Trees deeper than PATH_MAX: Node's recursive rm cannot name their leaves; rm(1) can.
  execFileSync('rm', ['-rf', work]);
  await cleanupTmp();
});

const verify = (model: string, extra: string[] = []) => runCli(['verify', model, '--key', key.pubFile, '--json', ...extra], { timeoutMs: 60_000 });
const sign = (model: string) => runCli(['sign', model, '--key', priv, '--version', '1.0.0']);

/** A Hugging Face-style model, signed by the CLI. */
async function signedModel(name: string): Promise<string> {
  const dir = await makeHfModel(path.join(work, name), { shardBytes: 5000 });
  const r = await sign(dir);
  expect(r.code, r.stderr).toBe(0);
  return dir;
}

/** dir + "/" + raw name bytes: a path Node can only spell as a Buffer. */
function rawPath(dir: string, ...parts: (string | number[])[]): Buffer {
  return Buffer.concat([Buffer.from(dir + '/'), ...parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p)))]);
}

describe('names that are not valid UTF-8 are refused, never decoded to U+FFFD and skipped as deleted', () => {
  it('an injected file `model-00002-of-00002\\xff.safetensors` -> verify exit 1 UNSAFE_NAME, the name shown escaped', async () => {
    const dir = await signedModel('utf8-file');
    writeFileSync(rawPath(dir, 'model-00002-of-00002', [0xff], '.safetensors'), 'X'.repeat(7000));
    const r = await verify(dir);
    expect(r.code, r.stdout).toBe(1);
    expect(json(r).failures).toEqual([{ code: 'UNSAFE_NAME', path: 'model-00002-of-00002\\xff.safetensors', message: 'file name is not valid UTF-8' }]);
    expectCleanError(r);
    // --ignore-unsigned-files allows unsigned files, but not one whose name no signature can
    // hold and tools disagree on: still refused.
    const lax = await verify(dir, ['--ignore-unsigned-files']);
    expect(lax.code, lax.stdout).toBe(1);
    expect(json(lax).failures.map((f) => f.code)).toEqual(['UNSAFE_NAME']);
    // Text output: the escaped name, one line.
    const t = await runCli(['verify', dir, '--key', key.pubFile]);
    expect(t.code).toBe(1);
    expect(t.stdout).toMatch(/^ {2}UNSAFE_NAME model-00002-of-00002\\xff\.safetensors: file name is not valid UTF-8$/m);
  });

  it('an injected directory `sub\\xfe/` holding modeling_evil.py -> verify exit 1 UNSAFE_NAME; its content is never listed', async () => {
    const dir = await signedModel('utf8-dir');
    mkdirSync(rawPath(dir, 'sub', [0xfe]));
    writeFileSync(rawPath(dir, 'sub', [0xfe], '/modeling_evil.py'), 'import os; os.system("id")');
    const r = await verify(dir);
    expect(r.code, r.stdout).toBe(1);
    expect(json(r).failures).toEqual([{ code: 'UNSAFE_NAME', path: 'sub\\xfe', message: 'directory name is not valid UTF-8' }]);
    expectCleanError(r);
  });

  it('a name valid up to an invalid sequence deep in a tree: the path shows the valid parts and escapes only the bad bytes', async () => {
    const dir = await signedModel('utf8-nested');
    // "é" (valid), then an overlong "/" (C0 AF) and a lone continuation byte (80).
    writeFileSync(rawPath(dir, 'tokenizer/caf\u00e9', [0xc0, 0xaf, 0x80], '.json'), '{}');
    const r = await verify(dir);
    expect(r.code).toBe(1);
    expect(json(r).failures).toEqual([expect.objectContaining({ code: 'UNSAFE_NAME', path: 'tokenizer/caf\u00e9\\xc0\\xaf\\x80.json' })]);
  });

  it('sign and digest refuse such a name (exit 2, naming it), so no signature covers a model they cannot name', async () => {
    const dir = await makeHfModel(path.join(work, 'utf8-sign'), { shardBytes: 5000 });
    writeFileSync(rawPath(dir, 'x', [0xff], '.bin'), 'X');
    const s = await sign(dir);
    expect(s.code, s.stderr).toBe(2);
    expect(s.stderr).toBe('modelsign: error: x\\xff.bin: file name is not valid UTF-8 [UNSAFE_NAME]\n');
    const d = await runCli(['digest', dir]);
    expect(d.code, d.stderr).toBe(2);
    expect(d.stderr).toMatch(/x\\xff\.bin: file name is not valid UTF-8 \[UNSAFE_NAME\]/);
  });

  it('scan reports it as not scanned (high), never "clean", even with --fail-on high', async () => {
    const d = await tmpDir();
    await writeFile(path.join(d, 'config.json'), '{}');
    writeFileSync(rawPath(d, 'evil', [0xff], '.pkl'), 'not a pickle');
    mkdirSync(rawPath(d, 'dir', [0xfe]));
    writeFileSync(rawPath(d, 'dir', [0xfe], '/inner.pkl'), 'x');
    for (const flags of [[], ['--fail-on', 'high']]) {
      const r = await runCli(['scan', d, ...flags]);
      expect(r.code, r.stdout).toBe(1);
      expect(r.stdout).toMatch(/^HIGH +evil\\xff\.pkl: not scanned: file name is not valid UTF-8 \[SCAN_SKIPPED\]$/m);
      expect(r.stdout).toMatch(/^HIGH +dir\\xfe: not scanned: directory name is not valid UTF-8 \[SCAN_SKIPPED\]$/m);
      expect(r.stdout).not.toMatch(/^clean/m);
    }
  });

  it('control: a valid name that contains U+FFFD itself is listed, signed and verified like any other', async () => {
    const dir = await makeHfModel(path.join(work, 'utf8-fffd'), { shardBytes: 5000 });
    await writeFile(path.join(dir, 'repl\ufffd.bin'), 'R');
    await mkdir(path.join(dir, 'd\ufffd'));
    await writeFile(path.join(dir, 'd\ufffd', 'in.bin'), 'I');
    expect((await sign(dir)).code).toBe(0);
    const r = await verify(dir);
    expect(r.code, r.stdout).toBe(0);
    // ...and its directory still catches an invalid neighbour (the byte-exact re-read).
    writeFileSync(rawPath(dir, 'repl', [0xff], '.bin'), 'R');
    const bad = await verify(dir);
    expect(bad.code).toBe(1);
    expect(json(bad).failures).toEqual([expect.objectContaining({ code: 'UNSAFE_NAME', path: 'repl\\xff.bin' })]);
  });

  it('a link to a directory whose name is not UTF-8 is refused, not followed under a decoded name', async () => {
    const dir = await makeHfModel(path.join(work, 'utf8-link'), { shardBytes: 5000 });
    // A real directory named "t\uFFFD" and one named "t\xff": a decoded link target would find the wrong one.
    await mkdir(path.join(dir, 't\ufffd'));
    await writeFile(path.join(dir, 't\ufffd', 'w.bin'), 'decoy');
    const r0 = await runCli(['sign', dir, '--key', priv, '--version', '1.0.0', '--allow-symlinks']);
    expect(r0.code, r0.stderr).toBe(0);
    mkdirSync(rawPath(dir, 't', [0xff]));
    writeFileSync(rawPath(dir, 't', [0xff], '/w.bin'), 'decoy');
    symlinkSync(Buffer.from([0x74, 0xff]), path.join(dir, 'link'));
    const r = await verify(dir);
    expect(r.code).toBe(1);
    expect(json(r).failures.map((f) => f.code).sort()).toEqual(['UNSAFE_NAME', 'UNSAFE_NAME']);
    expect(json(r).failures).toContainEqual(expect.objectContaining({ code: 'UNSAFE_NAME', path: 'link' }));
    expectCleanError(r);
  });
});

/** Nest `levels` directories named `name` under dir (by relative cd: the full path is past PATH_MAX) with a file at the bottom. */
function nest(dir: string, levels: number, name: string): void {
  execFileSync('bash', ['-c', 'cd "$1" && for i in $(seq "$2"); do mkdir "$3" && cd "$3" || exit 1; done && echo x > deep.bin', '_', dir, String(levels), name]);
}

describe('file system errors during the walk are listing problems with their errno, never an internal error', () => {
  it('directories nested past PATH_MAX (ENAMETOOLONG) -> verify exit 1 PATH_TOO_LONG, sign/digest exit 2, scan reports it', async () => {
    const dir = await signedModel('too-long');
    const seg = 'd'.repeat(254);
    nest(dir, 20, seg);
    const r = await verify(dir);
    expect(r.code, r.stderr).toBe(1);
    expectCleanError(r);
    const f = json(r).failures;
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ code: 'PATH_TOO_LONG', message: expect.stringMatching(/^path too long to open \(ENAMETOOLONG\)/) });
    expect(f[0]!.path!.startsWith(`${seg}/${seg}/`)).toBe(true);
    // Text output shortens the path: one readable line, not 4 KiB of "d".
    const t = await runCli(['verify', dir, '--key', key.pubFile]);
    expect(t.code).toBe(1);
    expectCleanError(t);
    const line = t.stdout.split('\n').find((l) => l.includes('PATH_TOO_LONG'))!;
    expect(line.length).toBeLessThan(400);
    expect(line).toMatch(/…/);
    expect(t.stderr.length).toBeLessThan(500);
    // An unsigned tree under --ignore-unsigned-files holds nothing signed: allowed, like any unsigned file.
    const lax = await verify(dir, ['--ignore-unsigned-files']);
    expect(lax.code, lax.stdout).toBe(0);
    for (const cmd of [
      ['sign', dir, '--key', priv, '--version', '1.0.0'],
      ['digest', dir],
    ]) {
      const s = await runCli(cmd);
      expect(s.code, s.stderr).toBe(2);
      expectCleanError(s);
      expect(s.stderr).toMatch(/path too long to open \(ENAMETOOLONG\).*\[PATH_TOO_LONG\]\n$/);
      expect(s.stderr.length).toBeLessThan(500);
    }
    const sc = await runCli(['scan', dir]);
    expect(sc.code, sc.stderr).toBe(1);
    expectCleanError(sc);
    expect(sc.stdout).toMatch(/^HIGH .*not scanned: path too long to open.* \[SCAN_SKIPPED\]$/m);
  });
});

const runUnprivileged = unprivilegedCli();

describe.skipIf(!runUnprivileged)('an unreadable directory (EACCES; run unprivileged: as nobody via setpriv when root)', () => {
  it('verify exit 1 UNREADABLE; sign exit 2; scan reports it; --ignore-unsigned-files skips it only when nothing signed lies under it', async () => {
    const run = runUnprivileged!;
    const base = await tmpDir('modelsign-eacces-');
    chmodSync(base, 0o755);
    const pub = path.join(base, 'k.pub');
    await writeFile(pub, key.pub.export({ type: 'spki', format: 'pem' }).toString());
    const dir = await makeHfModel(path.join(base, 'model'), { shardBytes: 5000 });
    expect((await sign(dir)).code).toBe(0);
    execFileSync('chmod', ['-R', 'a+rX', base]);
    await mkdir(path.join(dir, 'secret'));
    await writeFile(path.join(dir, 'secret', 'modeling_evil.py'), 'import os');
    await chmod(path.join(dir, 'secret'), 0o300); // writable and searchable, not listable
    try {
      const r = run(['verify', dir, '--key', pub, '--json']);
      expectCleanError(r);
      expect(r.code, r.stderr).toBe(1);
      expect(json(r).failures).toEqual([{ code: 'UNREADABLE', path: 'secret', message: 'cannot list directory: permission denied (EACCES)' }]);
      const lax = run(['verify', dir, '--key', pub, '--json', '--ignore-unsigned-files']);
      expectCleanError(lax);
      expect(lax.code, lax.stdout).toBe(0);
      const s = run(['digest', dir]);
      expect(s.code, s.stderr).toBe(2);
      expect(s.stderr).toBe('modelsign: error: secret: cannot list directory: permission denied (EACCES) [UNREADABLE]\n');
      const sc = run(['scan', dir]);
      expect(sc.code, sc.stderr).toBe(1);
      expect(sc.stdout).toMatch(/^HIGH +secret: not scanned: cannot list directory: permission denied \(EACCES\) \[SCAN_SKIPPED\]$/m);

      // A signed file inside an unreadable directory: refused even under --ignore-unsigned-files.
      await chmod(path.join(dir, 'secret'), 0o755);
      await chmod(path.join(dir, 'secret', 'modeling_evil.py'), 0o644);
      await writeSigned(
        path.join(dir, 'model.sig'),
        craftStatement([
          { name: 'config.json', digest: sha256hex(JSON.stringify({ architectures: ['LlamaForCausalLM'], hidden_size: 64 })) },
          { name: 'secret/modeling_evil.py', digest: sha256hex('import os') },
        ]),
        key,
      );
      chmodSync(path.join(dir, 'model.sig'), 0o644);
      expect(run(['verify', dir, '--key', pub, '--json', '--ignore-unsigned-files']).code).toBe(0);
      await chmod(path.join(dir, 'secret'), 0o300);
      const signedInside = run(['verify', dir, '--key', pub, '--json', '--ignore-unsigned-files']);
      expectCleanError(signedInside);
      expect(signedInside.code).toBe(1);
      expect(json(signedInside).failures.map((f) => f.code)).toEqual(['UNREADABLE', 'FILE_MISSING']);
    } finally {
      await chmod(path.join(dir, 'secret'), 0o755);
    }
  });
});

describe('more failures than an argument list holds are all reported, never a stack overflow', () => {
  it('200,000 unsigned files -> verify --json exit 1, valid JSON listing every one; text output capped', async () => {
    const dir = await signedModel('many-unsigned');
    const extra = path.join(dir, 'extra');
    mkdirSync(extra);
    const N = 200_000;
    // Hard links to 4 empty files: creating 200,000 inodes takes minutes on some disks, a
    // link is a directory entry only (and ext4 allows 65,000 links per inode).
    for (let i = 0; i < 4; i++) writeFileSync(path.join(extra, `f${i}`), '');
    for (let i = 4; i < N; i++) linkSync(path.join(extra, `f${i % 4}`), path.join(extra, `f${i}`));
    const r = await verify(dir);
    expectCleanError(r);
    expect(r.code, r.stderr).toBe(1);
    const j = json(r);
    expect(j.verified).toBe(false);
    expect(j.failures).toHaveLength(N);
    expect(j.failures.every((f) => f.code === 'FILE_UNEXPECTED')).toBe(true);
    const t = await runCli(['verify', dir, '--key', key.pubFile], { timeoutMs: 60_000 });
    expectCleanError(t);
    expect(t.code).toBe(1);
    const lines = t.stdout.split('\n');
    expect(lines[0]).toMatch(/^FAILED: .* must not be used \(200000 failures\)$/);
    expect(lines.filter((l) => l.startsWith('  FILE_UNEXPECTED'))).toHaveLength(100);
    expect(t.stdout).toMatch(/^ {2}\.\.\. and 199900 more failures \(--json lists them all\)$/m);
  });

  it('a correctly signed payload with 150,000 unsafe names -> exit 1, every one reported', async () => {
    const dir = path.join(work, 'many-names');
    await mkdir(dir);
    const names = Array.from({ length: 150_000 }, (_, i) => ({ name: `../x${i}`, digest: sha256hex(String(i)) }));
    await writeSigned(path.join(dir, 'model.sig'), craftStatement(names), key);
    const r = await verify(dir);
    expectCleanError(r);
    expect(r.code, r.stderr).toBe(1);
    const f = json(r).failures;
    expect(f).toHaveLength(150_000);
    expect(f.every((x) => x.code === 'UNSAFE_NAME')).toBe(true);
  });
});

/**
 * A file changed while it is being hashed must not be reported as verified.
 *
 * How the race is made deterministic: the hasher module is wrapped (vi.mock) so that the
 * first `update()` call after arming runs a hook. The hasher is fed after each read of the
 * file, so the hook runs exactly between the first and the second read; it rewrites the file
 * there. With a buffer (or a file) sized so the file takes two reads, the bytes hashed are
 * the first half of the old content and the second half of the new one: a "torn read" that
 * we arrange to equal the signed bytes, although those bytes never existed on disk at once.
 * No timing, threads or sleeps decide the outcome (one test waits a few ms so the kernel's
 * coarse ctime clock ticks, see there).
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, rmSync, renameSync, symlinkSync, utimesSync, writeFileSync, openSync, writeSync, closeSync, statSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

const hook: { fn: (() => void) | undefined; seen: Buffer[] } = { fn: undefined, seen: [] };

vi.mock('../../src/hashing/algorithms.js', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../src/hashing/algorithms.js')>();
  return {
    ...orig,
    createHasher: (alg: import('../../src/hashing/algorithms.js').HashAlgorithm) => {
      const h = orig.createHasher(alg);
      return {
        update(d: Uint8Array) {
          h.update(d);
          hook.seen.push(Buffer.from(d));
          const f = hook.fn;
          hook.fn = undefined;
          f?.();
        },
        digestHex: () => h.digestHex(),
      };
    },
  };
});

const { hashRange } = await import('../../src/hashing/read.js');
const { hashTasks } = await import('../../src/hashing/engine.js');
const { enumerateModel } = await import('../../src/source/walk.js');
const { planResources, taskFor } = await import('../../src/hashing/serialize.js');
const { signModel, keySigner } = await import('../../src/sign/sign.js');
const { verifyModel: verify } = await import('../../src/verify/pipeline.js');
const { keyTrust } = await import('../../src/verify/trust-key.js');

// The JavaScript path is the one these tests can interrupt (the hasher is mocked above); the
// native path has its own race tests in native.test.ts.
const JS = { mmap: false } as const;

const work = mkdtempSync(path.join(os.tmpdir(), 'modelsign-race-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => {
  hook.fn = undefined;
  hook.seen = [];
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const fill = (n: number, v: number) => Buffer.alloc(n, v);

/** Overwrite the whole file in place (same inode, same size). */
function overwrite(file: string, data: Buffer): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, data, 0, data.length, 0);
  } finally {
    closeSync(fd);
  }
}

/** A file holding A|C, with an old mtime so any write moves it. */
function tornSetup(name: string, half: number) {
  const file = path.join(work, name);
  const A = fill(half, 0x41);
  const B = fill(half, 0x42);
  const C = fill(half, 0x43);
  const D = fill(half, 0x44);
  writeFileSync(file, Buffer.concat([A, C]));
  utimesSync(file, new Date(1_000_000), new Date(1_000_000));
  return { file, signed: sha(Buffer.concat([A, B])), rewrite: () => overwrite(file, Buffer.concat([D, B])) };
}

describe('hashRange: a file changed between reads', () => {
  it('a torn read that equals the signed bytes is refused (FILE_CHANGED_DURING_HASH)', () => {
    const half = 64 * 1024;
    const t = tornSetup('torn.bin', half);
    hook.fn = t.rewrite;
    const out = hashRange({ abs: t.file, start: 0, end: 2 * half, expectSize: 2 * half }, 'sha256', Buffer.alloc(half));
    // The bytes actually hashed are the signed ones: without the re-stat this would pass.
    expect(sha(Buffer.concat(hook.seen))).toBe(t.signed);
    expect(out).toEqual({ ok: false, code: 'FILE_CHANGED_DURING_HASH', message: expect.any(String) });
  });

  it('control: the same file, unchanged during the read, hashes to its digest', () => {
    const half = 64 * 1024;
    const t = tornSetup('torn-control.bin', half);
    const out = hashRange({ abs: t.file, start: 0, end: 2 * half, expectSize: 2 * half }, 'sha256', Buffer.alloc(half));
    expect(out).toEqual({ ok: true, digest: sha(Buffer.concat([fill(half, 0x41), fill(half, 0x43)])) });
  });

  it('a concurrent writer appending to the file is caught (size moved)', () => {
    const file = path.join(work, 'append.bin');
    writeFileSync(file, fill(8192, 1));
    hook.fn = () => writeFileSync(file, 'more', { flag: 'a' });
    const out = hashRange({ abs: file, start: 0, end: 8192, expectSize: 8192 }, 'sha256', Buffer.alloc(4096));
    expect(out).toMatchObject({ ok: false, code: 'FILE_CHANGED_DURING_HASH' });
  });

  it('a rewrite that sets mtime back (utimes) is still caught: ctime cannot be set back', async () => {
    const half = 4096;
    const t = tornSetup('mtime-reset.bin', half);
    const { mtime } = statSync(t.file);
    // The kernel stamps ctime from a coarse clock (a few ms); let it tick past the set-up.
    await new Promise((r) => setTimeout(r, 30));
    hook.fn = () => {
      t.rewrite();
      utimesSync(t.file, mtime, mtime);
    };
    const out = hashRange({ abs: t.file, start: 0, end: 2 * half, expectSize: 2 * half }, 'sha256', Buffer.alloc(half));
    expect(statSync(t.file).mtimeMs).toBe(mtime.getTime());
    expect(out).toMatchObject({ ok: false, code: 'FILE_CHANGED_DURING_HASH' });
  });

  it('a file whose size changed between listing and open is refused', () => {
    const file = path.join(work, 'grown.bin');
    writeFileSync(file, fill(100, 1));
    const out = hashRange({ abs: file, start: 0, end: 50, expectSize: 50 }, 'sha256', Buffer.alloc(64));
    expect(out).toMatchObject({ ok: false, code: 'FILE_CHANGED_DURING_HASH' });
  });
});

describe('the engine and verify', () => {
  it('hashTasks (the engine sign and verify use) refuses a torn read of a file larger than its read buffer', async () => {
    const half = 4 * 1024 * 1024; // a read buffer of half the file: exactly two reads
    const t = tornSetup('engine-torn.bin', half);
    hook.fn = t.rewrite;
    const [out] = await hashTasks([{ abs: t.file, start: 0, end: 2 * half, expectSize: 2 * half }], 'sha256', { readSize: half, ...JS });
    expect(sha(Buffer.concat(hook.seen))).toBe(t.signed);
    expect(out).toMatchObject({ ok: false, code: 'FILE_CHANGED_DURING_HASH' });
  });

  it('verify does not report a model verified when a signed file is rewritten under it, even if the bytes read match', async () => {
    const half = 4 * 1024 * 1024;
    const dir = path.join(work, 'verify-model');
    mkdirSync(dir);
    const file = path.join(dir, 'weights.bin');
    writeFileSync(file, Buffer.concat([fill(half, 0x41), fill(half, 0x42)]));
    const kp = generateKeyPairSync('ed25519');
    await signModel({ model: dir, version: '1.0.0', signer: keySigner(kp.privateKey, kp.publicKey) });
    // Now the attacker's content (A|C) is on disk; during the verifier's read it becomes D|B.
    const t = { rewrite: () => overwrite(file, Buffer.concat([fill(half, 0x44), fill(half, 0x42)])) };
    overwrite(file, Buffer.concat([fill(half, 0x41), fill(half, 0x43)]));
    utimesSync(file, new Date(1_000_000), new Date(1_000_000));
    hook.seen = [];
    hook.fn = t.rewrite;
    const r = await verify({ model: dir, trust: [keyTrust(kp.publicKey, 'test key')], engine: JS });
    expect(r.verified).toBe(false);
    expect(r.failures).toEqual([expect.objectContaining({ code: 'FILE_CHANGED_DURING_HASH', path: 'weights.bin' })]);
  });

  it('a directory swapped for a link out of the model after listing is caught (FILE_REPLACED), though the bytes are identical', async () => {
    const dir = path.join(work, 'swap-dir');
    const outside = path.join(work, 'swap-outside');
    mkdirSync(path.join(dir, 'sub'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(path.join(dir, 'sub', 'w.bin'), fill(1000, 7));
    writeFileSync(path.join(outside, 'w.bin'), fill(1000, 7));
    const listing = await enumerateModel(dir, { ignorePaths: [], allowSymlinks: false });
    const tasks = planResources(listing.files, 'files').map(taskFor);
    renameSync(path.join(dir, 'sub'), path.join(dir, 'sub.old'));
    symlinkSync(outside, path.join(dir, 'sub'));
    // O_NOFOLLOW guards only the last component: without the identity check the outside
    // file would be read and match.
    const [unchecked] = await hashTasks(tasks.map(({ expectId: _, ...t }) => t), 'sha256');
    expect(unchecked).toEqual({ ok: true, digest: sha(fill(1000, 7)) });
    const [checked] = await hashTasks(tasks, 'sha256');
    expect(checked).toMatchObject({ ok: false, code: 'FILE_REPLACED' });
  });
});

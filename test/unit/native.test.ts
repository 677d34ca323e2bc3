/**
 * The native addon's own failure paths: what the JavaScript path's race tests (hash-race)
 * prove by interrupting the hasher, proved here for the addon's threads, which the tests
 * reach through shared memory (the progress counter and the test hook) while they run.
 */
import { closeSync, openSync, statSync, truncateSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashNative, loadNative, type NativeAddon } from '../../src/hashing/native.js';
import type { HashTask } from '../../src/hashing/read.js';
import { bytes, cleanupTmp, keypair, makeHfModel, runCli, tmpDir } from '../helpers/cli.js';

const MiB = 1024 * 1024;
const native = loadNative();
const d = native || process.env.TEST_REQUIRE_NATIVE === '1' ? describe : describe.skip;

let dir: string;
beforeAll(async () => {
  dir = await tmpDir('modelsign-native-');
});
afterAll(cleanupTmp);

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const task = (abs: string): HashTask => {
  const s = statSync(abs);
  return { abs, start: 0, end: s.size, expectSize: s.size, expectId: { dev: s.dev, ino: s.ino } };
};

/** Resolve when the shared progress counter reaches `bytes` (the threads run meanwhile). */
async function progressReaches(counters: BigInt64Array, bytes: number): Promise<void> {
  const until = Date.now() + 10_000;
  while (Number(Atomics.load(counters, 0)) < bytes) {
    if (Date.now() > until) throw new Error(`progress stuck at ${Atomics.load(counters, 0)}`);
    await new Promise((r) => setImmediate(r));
  }
}

d('native addon: SHA-256 vectors (FIPS 180-4 examples)', () => {
  const vectors: [string, Buffer, string][] = [
    ['empty', Buffer.alloc(0), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', Buffer.from('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['448 bits', Buffer.from('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'), '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    ['a million a', Buffer.alloc(1_000_000, 'a'), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0'],
  ];
  for (const kernel of ['auto', 'x1', 'openssl'] as const) {
    it(`${kernel}: each vector, alone and with the million-a file mapped beside it (two streams in lockstep)`, async () => {
      const tasks = vectors.map(([name, data]) => {
        const f = path.join(dir, `vector-${name.replace(/ /g, '-')}`);
        writeFileSync(f, data);
        return task(f);
      });
      const want = vectors.map(([, , hex]) => ({ ok: true, digest: hex }));
      expect(await hashNative(native as NativeAddon, tasks, { threads: 1, kernel })).toEqual(want);
      // Two large streams on one thread: the pair kernel hashes both at once.
      expect(await hashNative(native as NativeAddon, [tasks[3]!, tasks[3]!], { threads: 1, kernel })).toEqual([want[3], want[3]]);
    });
  }
});

d('native addon: files changed while it hashes', () => {
  it('a rewrite between the hash and the final check (mtime set back) is refused: ctime moved', async () => {
    const f = path.join(dir, 'rewrite.bin');
    writeFileSync(f, bytes(3 * MiB, 1));
    utimesSync(f, new Date(1_000_000), new Date(1_000_000));
    await new Promise((r) => setTimeout(r, 30)); // let the coarse ctime clock tick past the set-up
    const counters = new BigInt64Array(new SharedArrayBuffer(8));
    const hook = new Int32Array(new SharedArrayBuffer(4));
    const run = hashNative(native as NativeAddon, [task(f)], { threads: 1, counters, hook });
    // The thread has hashed every byte and now waits on the hook: rewrite in place, same size,
    // then put mtime back as an attacker would.
    await progressReaches(counters, 3 * MiB);
    const fd = openSync(f, 'r+');
    writeSync(fd, Buffer.from('X'), 0, 1, 1234);
    closeSync(fd);
    utimesSync(f, new Date(1_000_000), new Date(1_000_000));
    Atomics.store(hook, 0, 1);
    expect(await run).toEqual([{ ok: false, code: 'FILE_CHANGED_DURING_HASH', message: 'file changed while it was being read' }]);
  });

  it('control: the same wait with no change gives the digest', async () => {
    const f = path.join(dir, 'unchanged.bin');
    writeFileSync(f, bytes(3 * MiB, 2));
    const counters = new BigInt64Array(new SharedArrayBuffer(8));
    const hook = new Int32Array(new SharedArrayBuffer(4));
    const run = hashNative(native as NativeAddon, [task(f)], { threads: 1, counters, hook });
    await progressReaches(counters, 3 * MiB);
    Atomics.store(hook, 0, 1);
    expect(await run).toEqual([{ ok: true, digest: sha(bytes(3 * MiB, 2)) }]);
  });

  it('a mapped file truncated mid-hash raises SIGBUS: reported as shrunk, the paired file still hashed right, the process lives', async () => {
    const big = path.join(dir, 'truncated.bin');
    writeFileSync(big, Buffer.alloc(0));
    // Sparse: quick to make, read as zeros. Large, so that even a main thread descheduled for
    // a second on a loaded machine truncates it long before the hash could finish.
    truncateSync(big, 4096 * MiB);
    const other = path.join(dir, 'other.bin');
    const otherBytes = bytes(64 * MiB, 3);
    writeFileSync(other, otherBytes);
    const counters = new BigInt64Array(new SharedArrayBuffer(8));
    // One thread hashes both in lockstep; no size check before each window, so only the
    // fault can notice the truncation.
    const run = hashNative(native as NativeAddon, [task(big), task(other)], { threads: 1, counters, noWindowCheck: true });
    await progressReaches(counters, 16 * MiB);
    truncateSync(big, 20 * MiB);
    const [a, b] = await run;
    expect(a).toEqual({ ok: false, code: 'FILE_CHANGED_DURING_HASH', message: 'file shrank while it was being read' });
    expect(b).toEqual({ ok: true, digest: sha(otherBytes) });
    // Still here, and the next job works.
    expect(await hashNative(native as NativeAddon, [task(other)], { threads: 1 })).toEqual([{ ok: true, digest: sha(otherBytes) }]);
  });

  it('with the size check (the default), a file already shorter than its range is refused before mapping', async () => {
    const f = path.join(dir, 'short.bin');
    writeFileSync(f, bytes(MiB, 4));
    const t = task(f);
    truncateSync(f, MiB / 2);
    expect(await hashNative(native as NativeAddon, [{ ...t, expectSize: MiB / 2, end: MiB / 2 }], { threads: 1 })).toEqual([{ ok: true, digest: sha(bytes(MiB, 4).subarray(0, MiB / 2)) }]);
    expect(await hashNative(native as NativeAddon, [t], { threads: 1 })).toEqual([{ ok: false, code: 'FILE_CHANGED_DURING_HASH', message: 'file size changed while it was being read' }]);
  });

  it('a file swapped for another (other inode) after listing is FILE_REPLACED', async () => {
    const f = path.join(dir, 'swapped.bin');
    writeFileSync(f, bytes(MiB, 5));
    const t = task(f);
    const tmp = path.join(dir, 'swapped.new');
    writeFileSync(tmp, bytes(MiB, 5));
    await import('node:fs/promises').then((fs) => fs.rename(tmp, f));
    expect(await hashNative(native as NativeAddon, [t], { threads: 2 })).toEqual([{ ok: false, code: 'FILE_REPLACED', message: expect.stringContaining('replaced') }]);
  });

  it('a range past the end of its file (a hostile shard) is refused without reaching the addon', async () => {
    const f = path.join(dir, 'range.bin');
    writeFileSync(f, bytes(1000, 6));
    const r = await hashNative(native as NativeAddon, [{ abs: f, start: 0, end: 5000, expectSize: 1000 }, task(f)], { threads: 1 });
    expect(r).toEqual([
      { ok: false, code: 'FILE_CHANGED_DURING_HASH', message: 'file shrank while it was being read' },
      { ok: true, digest: sha(bytes(1000, 6)) },
    ]);
  });

  it('bad arguments are a TypeError, not a crash', async () => {
    const n = native as NativeAddon;
    const f64 = (v: number) => new Float64Array([v]);
    const call = (slot: number) => n.hashFiles(['/nonexistent'], f64(0), f64(0), f64(0), f64(0), f64(NaN), new Uint8Array(1), 1, new BigInt64Array(1), slot);
    expect(() => call(0xffffffff)).toThrow(/BigInt64Array holding the slot/);
    expect(() => n.hashFiles(['/x'], f64(0), f64(10), f64(5), f64(0), f64(NaN), new Uint8Array(1), 1)).toThrow(/bad range/);
    expect(() => n.hashFiles(['/x'], f64(0.5), f64(1), f64(5), f64(0), f64(NaN), new Uint8Array(1), 1)).toThrow(/bad range/);
    expect(() => n.hashFiles(['/x'], f64(0), f64(1), f64(5), f64(0), f64(NaN), new Uint8Array(1), 0)).toThrow(/threads/);
  });
});

d('the CLI with and without the addon', () => {
  it('digest, sign and verify give the same results through both paths; MODELSIGN_NO_MMAP=1 is accepted by verify', async () => {
    const model = await makeHfModel(path.join(dir, 'model'), { shardBytes: 3 * MiB });
    const fast = await runCli(['digest', model, '--json']);
    const slow = await runCli(['digest', model, '--json'], { env: { MODELSIGN_NO_MMAP: '1' } });
    expect(fast.code).toBe(0);
    expect(slow.code).toBe(0);
    expect(JSON.parse(fast.stdout)).toEqual(JSON.parse(slow.stdout));
    const keys = await keypair(dir);
    expect((await runCli(['sign', model, '--key', keys.key, '--version', '1.0.0', '--shard-size', String(MiB)])).code).toBe(0);
    for (const env of [{}, { MODELSIGN_NO_MMAP: '1' }]) {
      const v = await runCli(['verify', model, '--key', keys.pub], { env });
      expect(v.stderr).toBe('');
      expect(v.code).toBe(0);
    }
  });
});

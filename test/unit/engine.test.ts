/**
 * The parallel engine must give exactly what a plain sequential hash of the same bytes gives,
 * whatever the shape of the model, the number of threads, the read size or the path taken:
 * inline on the main thread or through the worker pool (read(2)), or, for sha256, the native
 * addon's threads (mmap; SHA extensions two streams at a time, one at a time, or OpenSSL).
 */
import { createHash } from 'node:crypto';
import { mkfifo } from '../helpers/fifo.js';
import { readFileSync, symlinkSync, writeFileSync, mkdirSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blake3 } from '@noble/hashes/blake3.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { hashTasks, lastEngineRun, prewarmHashPool, shutdownHashPool, type HashTask } from '../../src/hashing/engine.js';
import { enumerateModel } from '../../src/source/walk.js';
import { hashResources, planResources, rootDigest } from '../../src/hashing/serialize.js';
import type { HashAlgorithm } from '../../src/hashing/algorithms.js';
import { bytes, cleanupTmp, tmpDir } from '../helpers/cli.js';
import { hashNative, loadNative } from '../../src/hashing/native.js';

/** The addon is built by `npm ci` where a compiler exists; CI requires it (TEST_REQUIRE_NATIVE). */
const native = loadNative();
const requireNative = process.env.TEST_REQUIRE_NATIVE === '1';
const itNative = native || requireNative ? it : it.skip;
/** Both sha256 paths: the JavaScript one (workers/inline, read(2)) and the native one. */
const PATHS = [
  { name: 'workers', opts: { mmap: false } },
  { name: 'native', opts: {} },
] as const;
const KERNELS = ['auto', 'x1', 'openssl'] as const;

const MiB = 1024 * 1024;

/** The reference: read the whole file, slice, hash once. Shares no code with the engine. */
const contents = new Map<string, Buffer>();
function reference(abs: string, start: number, end: number, alg: HashAlgorithm = 'sha256'): string {
  let whole = contents.get(abs);
  if (!whole) contents.set(abs, (whole = readFileSync(abs)));
  const data = whole.subarray(start, end);
  if (alg === 'sha256') return createHash('sha256').update(data).digest('hex');
  if (alg === 'blake2b') return Buffer.from(blake2b(data)).toString('hex');
  return Buffer.from(blake3(data)).toString('hex');
}

let dir: string;
const shapes: Record<string, string> = {};

beforeAll(async () => {
  dir = await tmpDir('modelsign-engine-');
  // Empty files only.
  shapes.empty = path.join(dir, 'empty');
  mkdirSync(shapes.empty);
  for (let i = 0; i < 5; i++) writeFileSync(path.join(shapes.empty, `e${i}`), '');
  // Enough empty files to go through the worker pool (over the inline task limit).
  shapes.manyEmpty = path.join(dir, 'many-empty');
  mkdirSync(shapes.manyEmpty);
  for (let i = 0; i < 300; i++) writeFileSync(path.join(shapes.manyEmpty, `e${i}`), '');
  // One file bigger than the inline limit (so it goes to a worker) with an odd size.
  shapes.huge = path.join(dir, 'huge');
  mkdirSync(shapes.huge);
  writeFileSync(path.join(shapes.huge, 'weights.bin'), bytes(24 * MiB + 12345, 7));
  // Many tiny files in folders (more than one batch), some empty, odd sizes.
  shapes.tiny = path.join(dir, 'tiny');
  for (let d = 0; d < 10; d++) {
    mkdirSync(path.join(shapes.tiny, `d${d}`), { recursive: true });
    for (let i = 0; i < 120; i++) writeFileSync(path.join(shapes.tiny, `d${d}`, `f${i}.json`), bytes((i * 37 + d) % 3000, d * 1000 + i));
  }
  // A mixed model: large, middle-sized, empty and tiny files.
  shapes.mixed = path.join(dir, 'mixed');
  mkdirSync(path.join(shapes.mixed, 'tok'), { recursive: true });
  writeFileSync(path.join(shapes.mixed, 'a.safetensors'), bytes(9 * MiB + 1, 11));
  writeFileSync(path.join(shapes.mixed, 'b.safetensors'), bytes(5 * MiB - 3, 12));
  writeFileSync(path.join(shapes.mixed, 'c.bin'), bytes(300_001, 13));
  writeFileSync(path.join(shapes.mixed, 'empty.txt'), '');
  for (let i = 0; i < 40; i++) writeFileSync(path.join(shapes.mixed, 'tok', `t${i}`), bytes(i * 11, 100 + i));
});

afterAll(async () => {
  await shutdownHashPool();
  await cleanupTmp();
});

async function tasksOf(model: string): Promise<HashTask[]> {
  const l = await enumerateModel(model, { ignorePaths: [], allowSymlinks: false });
  return l.files.map((f) => ({ abs: f.abs, start: 0, end: f.size, expectSize: f.size }));
}

function expected(tasks: HashTask[], alg: HashAlgorithm = 'sha256') {
  return tasks.map((t) => ({ ok: true, digest: reference(t.abs, t.start, t.end, alg) }));
}

describe('engine equals a sequential hash', () => {
  it('the native addon is loaded where it was built (CI requires it)', () => {
    if (requireNative) expect(native, 'native/build/Release/modelsign_native.node did not load').not.toBeNull();
    if (native) expect(['sha-ni', 'openssl']).toContain(native.kernel);
  });

  for (const p of PATHS) {
    for (const shape of ['empty', 'manyEmpty', 'huge', 'tiny', 'mixed']) {
      for (const jobs of [1, 2, 3, 8]) {
        (p.name === 'native' ? itNative : it)(`${p.name}: ${shape} with --jobs ${jobs}`, async () => {
          const tasks = await tasksOf(shapes[shape]!);
          expect(tasks.length).toBeGreaterThan(0);
          expect(await hashTasks(tasks, 'sha256', { jobs, ...p.opts })).toEqual(expected(tasks));
          // Proof of the path taken: the small shape inline (one native thread), the others
          // on min(jobs, tasks) threads.
          const threads = Math.min(jobs, tasks.length);
          if (p.name === 'native') expect(lastEngineRun()).toEqual({ mode: 'native', threadsUsed: shape === 'empty' ? 1 : threads });
          else if (shape === 'empty') expect(lastEngineRun()).toEqual({ mode: 'inline', threadsUsed: 0 });
          else expect(lastEngineRun()).toEqual({ mode: 'pool', threadsUsed: threads });
        });
      }
    }
  }

  for (const kernel of KERNELS) {
    itNative(`native kernel ${kernel}: every shape, 1-3 threads, and ranges crossing windows and file ends`, async () => {
      const all: HashTask[] = [];
      for (const shape of ['empty', 'huge', 'tiny', 'mixed']) all.push(...(await tasksOf(shapes[shape]!)));
      // Unaligned ranges of the huge file: odd starts, tails under one block, across the
      // addon's 16 MiB windows, and pairs of different lengths hashed in lockstep.
      const abs = path.join(shapes.huge!, 'weights.bin');
      const size = 24 * MiB + 12345;
      for (const [s, e] of [[1, size], [12_345, 20_000_001], [4096, 12_288], [size - 100, size], [7, 300_007], [16 * MiB - 1, 16 * MiB + 65], [0, 63], [0, 64], [0, 0]] as const) {
        all.push({ abs, start: s, end: e, expectSize: size });
      }
      for (const threads of [1, 2, 3]) {
        expect(await hashNative(native!, all, { threads, kernel })).toEqual(expected(all));
      }
    });
  }

  it('read sizes that do not divide the ranges (chunk boundaries)', async () => {
    const tasks = await tasksOf(shapes.mixed!);
    for (const readSize of [4096 + 1, 65_537, 1 * MiB]) {
      expect(await hashTasks(tasks, 'sha256', { jobs: 2, readSize })).toEqual(expected(tasks));
    }
  });

  for (const p of PATHS) {
    (p.name === 'native' ? itNative : it)(`${p.name}: byte ranges inside one file: shards hashed by different threads at once`, async () => {
      const abs = path.join(shapes.huge!, 'weights.bin');
      const size = 24 * MiB + 12345;
      const tasks: HashTask[] = [];
      for (let s = 0; s < size; s += 3 * MiB + 17) tasks.push({ abs, start: s, end: Math.min(size, s + 3 * MiB + 17), expectSize: size });
      expect(tasks.length).toBeGreaterThan(8);
      for (const jobs of [1, 2, 4]) {
        expect(await hashTasks(tasks, 'sha256', { jobs, ...p.opts })).toEqual(expected(tasks));
        expect(lastEngineRun()).toEqual({ mode: p.name === 'native' ? 'native' : 'pool', threadsUsed: jobs });
      }
    });
  }

  it('the inline path (small job) and the worker path agree', async () => {
    const tasks = (await tasksOf(shapes.tiny!)).slice(0, 50); // under the inline limits
    const big = await tasksOf(shapes.tiny!); // over them: workers
    const inline = await hashTasks(tasks, 'sha256', { jobs: 2, mmap: false });
    expect(lastEngineRun()?.mode).toBe('inline');
    const pooled = await hashTasks(big, 'sha256', { jobs: 2, mmap: false });
    expect(lastEngineRun()).toEqual({ mode: 'pool', threadsUsed: 2 });
    expect(inline).toEqual(expected(tasks));
    expect(pooled.slice(0, 50)).toEqual(inline);
  });

  for (const alg of ['blake3', 'blake2b'] as const) {
    it(`${alg} equals @noble/hashes on every shape`, async () => {
      for (const shape of ['empty', 'huge', 'mixed']) {
        const tasks = await tasksOf(shapes[shape]!);
        expect(await hashTasks(tasks, alg, { jobs: 2 })).toEqual(expected(tasks, alg));
      }
    });
  }

  it('two calls at once each get their own correct results', async () => {
    const a = await tasksOf(shapes.mixed!);
    const b = await tasksOf(shapes.tiny!);
    for (const p of PATHS) {
      const [ra, rb] = await Promise.all([hashTasks(a, 'sha256', { jobs: 2, ...p.opts }), hashTasks(b, 'sha256', { jobs: 2, ...p.opts })]);
      expect(ra).toEqual(expected(a));
      expect(rb).toEqual(expected(b));
    }
  });

  it('a prewarmed pool is used and gives the same digests', async () => {
    prewarmHashPool({ jobs: 2, alg: 'blake3' });
    const tasks = await tasksOf(shapes.mixed!);
    expect(await hashTasks(tasks, 'sha256', { jobs: 2, mmap: false })).toEqual(expected(tasks));
    expect(lastEngineRun()).toEqual({ mode: 'pool', threadsUsed: 2 });
  });

  for (const p of PATHS) {
    it(`${p.name}: reports monotonic progress that ends at the total, and calls onDone once`, async () => {
      const tasks = await tasksOf(shapes.mixed!);
      const total = tasks.reduce((s, t) => s + t.end - t.start, 0);
      const seen: number[] = [];
      let done = 0;
      await hashTasks(tasks, 'sha256', { jobs: 2, ...p.opts, onProgress: (d, t) => (expect(t).toBe(total), seen.push(d)), onDone: () => done++ });
      expect(seen.length).toBeGreaterThan(0);
      for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
      expect(seen.at(-1)).toBe(total);
      expect(done).toBe(1);
    });
  }
});

describe.each(PATHS)('engine failure outcomes ($name path)', (p) => {
  it('missing, replaced by a symlink, resized, special file: each one reported, the rest hashed', async () => {
    const d = path.join(dir, `bad-${p.name}`);
    mkdirSync(d);
    const ok = path.join(d, 'ok.bin');
    writeFileSync(ok, bytes(10 * MiB, 3));
    const grown = path.join(d, 'grown.bin');
    writeFileSync(grown, bytes(100, 4));
    const link = path.join(d, 'link.bin');
    symlinkSync(ok, link);
    const fifo = path.join(d, 'fifo');
    const haveFifo = mkfifo(fifo);
    const tasks: HashTask[] = [
      { abs: ok, start: 0, end: 10 * MiB, expectSize: 10 * MiB },
      { abs: path.join(d, 'gone.bin'), start: 0, end: 5, expectSize: 5 },
      { abs: link, start: 0, end: 10 * MiB, expectSize: 10 * MiB },
      { abs: grown, start: 0, end: 50, expectSize: 50 },
      ...(haveFifo ? [{ abs: fifo, start: 0, end: 0, expectSize: 0 }] : []),
    ];
    for (const jobs of [1, 2]) {
      for (const subset of [tasks, tasks.slice(1)]) {
        // With ok.bin: over the inline limit (workers); without it: inline.
        const r = await hashTasks(subset, 'sha256', { jobs, ...p.opts });
        const codes = r.map((o) => (o.ok ? 'ok' : o.code));
        const want = ['ok', 'FILE_MISSING', 'FILE_IS_SYMLINK', 'FILE_CHANGED_DURING_HASH', ...(haveFifo ? ['SPECIAL_FILE'] : [])];
        expect(codes).toEqual(subset === tasks ? want : want.slice(1));
      }
    }
  });

  it('a file that shrinks below the range is refused, not hashed short', async () => {
    const f = path.join(dir, `shrink-${p.name}.bin`);
    writeFileSync(f, bytes(2000, 9));
    truncateSync(f, 1000);
    const r = await hashTasks([{ abs: f, start: 0, end: 2000, expectSize: 1000 }], 'sha256', { jobs: 1, ...p.opts });
    expect(r[0]).toMatchObject({ ok: false, code: 'FILE_CHANGED_DURING_HASH', message: 'file shrank while it was being read' });
  });
});

describe.each(PATHS)('shards serialization ($name path)', (p) => {
  it('shards that cross file ends: root digest equals an independent computation', async () => {
    const l = await enumerateModel(shapes.mixed!, { ignorePaths: [], allowSymlinks: false });
    for (const shardSize of [1000, 1 * MiB + 3, 64 * MiB]) {
      const plans = planResources(l.files, 'shards', shardSize);
      const resources = await hashResources(plans, 'sha256', { jobs: 2, ...p.opts });
      // Independent: walk the files in order, cut each at multiples of shardSize (an empty
      // file has no shard: OMS §6.3.2).
      const ref: { name: string; digest: string }[] = [];
      for (const f of l.files) {
        for (let s = 0; s < f.size; s += shardSize) {
          const e = Math.min(f.size, s + shardSize);
          ref.push({ name: `${f.name}:${s}:${e}`, digest: reference(f.abs, s, e) });
        }
      }
      expect(resources.map((r) => ({ name: r.name, digest: r.digest }))).toEqual(ref);
      const root = createHash('sha256');
      for (const r of ref) root.update(Buffer.from(r.digest, 'hex'));
      expect(rootDigest(resources)).toBe(root.digest('hex'));
    }
  });

  it('files serialization of one huge file equals sha256 of the file', async () => {
    const l = await enumerateModel(shapes.huge!, { ignorePaths: [], allowSymlinks: false });
    const r = await hashResources(planResources(l.files, 'files'), 'sha256', { jobs: 2, ...p.opts });
    expect(r).toEqual([{ name: 'weights.bin', algorithm: 'sha256', digest: reference(l.files[0]!.abs, 0, l.files[0]!.size) }]);
  });
});

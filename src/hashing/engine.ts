/**
 * The parallel hash engine that sign, verify and digest share.
 *
 * - A pool of worker threads, one per core (or --jobs). It can be started early with
 *   prewarmHashPool() so thread start-up overlaps enumeration and key loading, and it is
 *   kept (unref'ed, so it never holds the process open) for the next call.
 * - Tasks (file byte ranges) go out largest first, so a big file starts at once and the tail
 *   is made of small tasks that balance out (longest-processing-time-first scheduling).
 * - Tasks are sent in batches whose size shrinks as the work runs out ("guided" scheduling):
 *   20,000 tiny files cost ~100 messages, yet the last batches are small enough to keep
 *   every core busy to the end. A worker holding only small work gets its next batch queued
 *   in advance, so it never waits for the main thread between batches.
 * - Progress is read from shared counters on a timer, so a single 100 GB file reports steady
 *   progress without any message traffic.
 * - Tiny jobs are hashed on the main thread: handing them to threads costs more than it saves.
 */
import os from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { isHashAlgorithm, prepareAlgorithm, type HashAlgorithm } from './algorithms.js';
import { hashRange, READ_SIZE, type HashOutcome, type HashTask } from './read.js';
import { hashNative, loadNative, type NativeAddon } from './native.js';
import type { WorkerInit, WorkerRequest, WorkerResponse } from './worker.js';
import { settings } from '../settings.js';

export type { HashTask, HashOutcome };

export interface EngineOptions {
  /** Worker threads; default: the machine's available parallelism. */
  jobs?: number;
  /** Called with bytes hashed so far (for progress display), at least every PROGRESS_TICK_MS. */
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
  /** Called once when hashing ends, successfully or not (e.g. to erase a progress bar). */
  onDone?: () => void;
  /** Read buffer per thread in bytes (default READ_SIZE); the benchmark's tuning runs set it. */
  readSize?: number;
  /**
   * false: worker threads and read(2) even where the native addon could hash sha256 (tests
   * compare the two paths; MODELSIGN_NO_MMAP=1 does the same for a whole process).
   */
  mmap?: boolean;
}

const MAX_JOBS = 64;
/** At or below both limits a job is hashed inline (well under a worker's start-up time). */
const INLINE_BYTES = 8 * 1024 * 1024;
const INLINE_TASKS = 128;
const BATCH_MAX_BYTES = 64 * 1024 * 1024;
const BATCH_MIN_BYTES = 1024 * 1024;
const BATCH_MAX_TASKS = 256;
/** A worker whose current batch is smaller than this gets the next one queued in advance. */
const PIPELINE_BYTES = 8 * 1024 * 1024;
const PROGRESS_TICK_MS = 100;

function workerUrl(): URL {
  // Compiled: dist/hashing/worker.js sits beside this file. Under vitest this module is
  // the .ts source, so point at the built worker (tests run after `npm run build`).
  const here = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL('../../dist/hashing/worker.js', import.meta.url);
}

function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

function resolveJobs(jobs: number | undefined): number {
  return Math.max(1, Math.min(jobs ?? defaultJobs(), MAX_JOBS));
}

class Pool {
  readonly workers: Worker[] = [];
  private readonly counters: BigInt64Array;
  inUse = false;
  broken = false;

  constructor(
    readonly size: number,
    readonly readSize: number,
  ) {
    const sab = new SharedArrayBuffer(8 * size);
    this.counters = new BigInt64Array(sab);
    const url = workerUrl();
    for (let slot = 0; slot < size; slot++) {
      const init: WorkerInit = { progress: sab, slot, readSize, settings: { nativeBlake: settings.nativeBlake } };
      const w = new Worker(url, { workerData: init });
      // Always listened to (an unheard 'error' would crash the process); calls add their own.
      w.on('error', () => (this.broken = true));
      w.on('exit', () => (this.broken = true));
      w.unref();
      this.workers.push(w);
    }
  }

  /** Bytes read by all workers since the pool started (monotonic). */
  bytesRead(): number {
    let s = 0n;
    for (let i = 0; i < this.size; i++) s += Atomics.load(this.counters, i);
    return Number(s);
  }

  hold(on: boolean): void {
    for (const w of this.workers) {
      if (on) w.ref();
      else w.unref();
    }
  }

  async terminate(): Promise<void> {
    this.broken = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

let shared: Pool | undefined;

/**
 * How the last call ran: inline on the main thread, through how many worker threads got
 * work, or on how many native threads (sha256 with the addon).
 */
export interface EngineRunInfo {
  mode: 'inline' | 'pool' | 'native';
  threadsUsed: number;
}
let lastRun: EngineRunInfo | undefined;
/** For tests and the benchmark: proof of which path hashed the last job. */
export function lastEngineRun(): EngineRunInfo | undefined {
  return lastRun;
}

/** The addon when it hashes this job (sha256, mmap not turned off, addon loads), else null. */
function nativeFor(alg: HashAlgorithm, mmap: boolean | undefined): NativeAddon | null {
  return alg === 'sha256' && mmap !== false ? loadNative() : null;
}

/**
 * Start the worker threads now, before the work is known, so their start-up (tens of ms
 * each) overlaps enumeration. Harmless if never used: idle workers do not keep the process
 * alive. `alg` may be the raw --hash value: anything but a known algorithm means sha256.
 */
export function prewarmHashPool(opts: { jobs?: number; alg?: string | undefined } = {}): void {
  const alg: HashAlgorithm = isHashAlgorithm(opts.alg) ? opts.alg : 'sha256';
  // sha256 with the native addon needs no worker threads: load the addon instead (its
  // threads start in microseconds when the work comes).
  if (nativeFor(alg, undefined)) return;
  const size = resolveJobs(opts.jobs);
  if (shared && !shared.broken && shared.size === size && shared.readSize === READ_SIZE) return;
  if (shared && !shared.inUse) void shared.terminate();
  shared = new Pool(size, READ_SIZE);
}

/** Stop the shared pool (tests, long-running hosts that want the threads gone). */
export async function shutdownHashPool(): Promise<void> {
  const p = shared;
  shared = undefined;
  if (p) await p.terminate();
}

/** A pool for one call: the shared one when it fits and is free, else a temporary one. */
function acquirePool(jobs: number, need: number, readSize: number): { pool: Pool; temporary: boolean } {
  const fits = (p: Pool) => !p.broken && p.readSize === readSize && p.size <= jobs && p.size >= Math.min(jobs, need);
  if (shared && !shared.inUse && fits(shared)) return { pool: shared, temporary: false };
  if (shared && shared.inUse) return { pool: new Pool(Math.min(jobs, need), readSize), temporary: true };
  if (shared) void shared.terminate();
  shared = new Pool(Math.min(jobs, need), readSize);
  return { pool: shared, temporary: false };
}

function hashInline(tasks: readonly HashTask[], alg: HashAlgorithm, total: number, readSize: number, opts: EngineOptions): HashOutcome[] {
  const buf = Buffer.allocUnsafe(Math.max(4096, Math.min(readSize, total)));
  let done = 0;
  opts.onProgress?.(0, total);
  const onRead = opts.onProgress ? (n: number) => opts.onProgress!((done += n), total) : undefined;
  return tasks.map((t) => hashRange(t, alg, buf, onRead));
}

/**
 * Report `bytesDone()` (capped at `total`) now and every PROGRESS_TICK_MS until stop(): the
 * display's clock starts with the hashing.
 */
function startProgress(opts: EngineOptions, total: number, bytesDone: () => number): { report: () => void; stop: () => void } {
  const report = () => opts.onProgress?.(Math.min(total, bytesDone()), total);
  report();
  const timer = opts.onProgress ? setInterval(report, PROGRESS_TICK_MS) : undefined;
  return { report, stop: () => clearInterval(timer) };
}

/**
 * sha256 through the addon: one queue in `order` (largest first), taken by `threads` native
 * threads; progress from the shared counter the threads raise.
 */
async function runNative(nat: NativeAddon, tasks: readonly HashTask[], order: readonly number[], total: number, threads: number, opts: EngineOptions): Promise<HashOutcome[]> {
  const counters = new BigInt64Array(new SharedArrayBuffer(8));
  const progress = startProgress(opts, total, () => Number(Atomics.load(counters, 0)));
  try {
    const sorted = await hashNative(nat, order.map((i) => tasks[i]!), { threads, counters });
    progress.report();
    const results = new Array<HashOutcome>(tasks.length);
    order.forEach((idx, j) => (results[idx] = sorted[j]!));
    lastRun = { mode: 'native', threadsUsed: threads };
    return results;
  } finally {
    progress.stop();
  }
}

export async function hashTasks(tasks: readonly HashTask[], alg: HashAlgorithm, opts: EngineOptions = {}): Promise<HashOutcome[]> {
  try {
    return await runTasks(tasks, alg, opts);
  } finally {
    opts.onDone?.();
  }
}

async function runTasks(tasks: readonly HashTask[], alg: HashAlgorithm, opts: EngineOptions): Promise<HashOutcome[]> {
  const results = new Array<HashOutcome>(tasks.length);
  if (tasks.length === 0) return results;
  const sizes = tasks.map((t) => Math.max(0, t.end - t.start));
  const total = sizes.reduce((s, n) => s + n, 0);
  const jobs = resolveJobs(opts.jobs);
  const readSize = opts.readSize ?? READ_SIZE;
  await prepareAlgorithm(alg);

  const small = total <= INLINE_BYTES && tasks.length <= INLINE_TASKS;
  const nat = nativeFor(alg, opts.mmap);
  if (!nat && small) {
    lastRun = { mode: 'inline', threadsUsed: 0 };
    return hashInline(tasks, alg, total, readSize, opts);
  }

  // Largest first (ties by position, so runs are repeatable).
  const order = sizes.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  // A small job takes one native thread (starting more costs more than it saves).
  if (nat) return runNative(nat, tasks, order, total, small ? 1 : Math.min(jobs, tasks.length), opts);

  const { pool, temporary } = acquirePool(jobs, tasks.length, readSize);
  const nWorkers = pool.size;
  let next = 0;
  let remaining = total;
  const takeBatch = (): { idx: number[]; bytes: number } => {
    // Aim for a quarter of each worker's fair share of what is left (bytes), and at most half
    // of its share of the files left, within bounds: big batches while there is plenty of
    // work, small ones at the end, and every thread gets some even when the job is small.
    const target = Math.min(BATCH_MAX_BYTES, Math.max(BATCH_MIN_BYTES, remaining / (4 * nWorkers)));
    const maxTasks = Math.min(BATCH_MAX_TASKS, Math.max(1, Math.ceil((order.length - next) / (2 * nWorkers))));
    const idx: number[] = [];
    let bytes = 0;
    while (next < order.length && idx.length < maxTasks) {
      const i = order[next]!;
      if (idx.length > 0 && bytes + sizes[i]! > target) break;
      idx.push(i);
      bytes += sizes[i]!;
      next++;
    }
    remaining -= bytes;
    return { idx, bytes };
  };

  const used = new Set<Worker>();
  pool.inUse = true;
  pool.hold(true);
  const base = pool.bytesRead();
  const progress = startProgress(opts, total, () => pool.bytesRead() - base);
  const cleanups: (() => void)[] = [];
  try {
    await new Promise<void>((resolve, rejectP) => {
      let completed = 0;
      let reqId = 0;
      const inflight = new Map<number, number[]>();
      const pending = new Map<Worker, number>();
      const small = new Map<Worker, boolean>();
      const sendOne = (w: Worker): boolean => {
        const batch = takeBatch();
        if (batch.idx.length === 0) return false;
        const id = reqId++;
        inflight.set(id, batch.idx);
        pending.set(w, (pending.get(w) ?? 0) + 1);
        small.set(w, batch.bytes < PIPELINE_BYTES);
        const req: WorkerRequest = { id, alg, tasks: batch.idx.map((i) => tasks[i]!) };
        w.postMessage(req);
        used.add(w);
        return true;
      };
      // One batch in flight, plus a second queued behind a small one: the worker then goes
      // straight on to it instead of waiting for a round trip through the main thread.
      const topUp = (w: Worker): void => {
        const n = pending.get(w) ?? 0;
        if (n === 0) sendOne(w);
        if ((pending.get(w) ?? 0) === 1 && small.get(w)) sendOne(w);
      };
      const active = pool.workers.slice(0, Math.min(nWorkers, tasks.length));
      for (const w of active) {
        const onMessage = (res: WorkerResponse) => {
          const batch = inflight.get(res.id);
          if (!batch) return;
          inflight.delete(res.id);
          pending.set(w, pending.get(w)! - 1);
          batch.forEach((idx, j) => (results[idx] = res.results[j]!));
          completed += batch.length;
          progress.report();
          if (completed === tasks.length) resolve();
          else topUp(w);
        };
        const onError = (e: Error) => rejectP(e);
        const onExit = (code: number) => rejectP(new Error(`hash worker exited with code ${code}`));
        w.on('message', onMessage);
        w.on('error', onError);
        w.on('exit', onExit);
        cleanups.push(() => {
          w.off('message', onMessage);
          w.off('error', onError);
          w.off('exit', onExit);
        });
      }
      // First one batch to every thread, then the queued second ones.
      for (const w of active) sendOne(w);
      for (const w of active) topUp(w);
    });
  } catch (e) {
    // A worker died: its state is unknown, so the pool goes.
    await pool.terminate();
    if (shared === pool) shared = undefined;
    throw e;
  } finally {
    progress.stop();
    for (const c of cleanups) c();
    pool.inUse = false;
    pool.hold(false);
    // A prewarm during this call may have replaced the shared pool: then nothing else will end this one.
    if (temporary || shared !== pool) await pool.terminate();
  }
  lastRun = { mode: 'pool', threadsUsed: used.size };
  return results;
}

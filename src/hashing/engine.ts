/**
 * The parallel hash engine that sign, verify and digest share.
 *
 * Tasks (file byte ranges) are sorted largest first and handed out in batches to a pool of
 * worker threads as each one finishes its previous batch, so one big file never leaves the
 * other cores idle at the end, and thousands of tiny files cost one message per batch rather
 * than one per file. Small jobs are hashed on the main thread: starting a worker costs more
 * than hashing a few megabytes.
 */
import os from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { prepareAlgorithm, type HashAlgorithm } from './algorithms.js';
import { hashRange, type HashOutcome, type HashTask } from './read.js';
import type { WorkerRequest, WorkerResponse } from './worker.js';

export type { HashTask, HashOutcome };

export interface EngineOptions {
  /** Worker threads; default: the machine's available parallelism. */
  jobs?: number;
  /** Called with bytes hashed so far (for progress display). */
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
}

const INLINE_LIMIT = 16 * 1024 * 1024;
const BATCH_BYTES = 64 * 1024 * 1024;
const BATCH_COUNT = 256;

function workerUrl(): URL {
  // Compiled: dist/hashing/worker.js sits beside this file. Under vitest this module is
  // the .ts source, so point at the built worker (tests run after `npm run build`).
  const here = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL('../../dist/hashing/worker.js', import.meta.url);
}

export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

export async function hashTasks(tasks: readonly HashTask[], alg: HashAlgorithm, opts: EngineOptions = {}): Promise<HashOutcome[]> {
  const results: HashOutcome[] = new Array(tasks.length);
  const total = tasks.reduce((s, t) => s + (t.end - t.start), 0);
  const jobs = Math.max(1, Math.min(opts.jobs ?? defaultJobs(), 64));
  let done = 0;
  if (tasks.length === 0) return results;

  if (jobs === 1 || total <= INLINE_LIMIT || tasks.length === 1) {
    await prepareAlgorithm(alg);
    const buf = Buffer.allocUnsafe(Math.min(4 * 1024 * 1024, Math.max(64 * 1024, total)));
    tasks.forEach((t, i) => {
      results[i] = hashRange(t, alg, buf);
      done += t.end - t.start;
      opts.onProgress?.(done, total);
    });
    return results;
  }

  // Largest first: the long tail is then made of small tasks that balance out.
  const order = tasks.map((_, i) => i).sort((a, b) => tasks[b]!.end - tasks[b]!.start - (tasks[a]!.end - tasks[a]!.start));
  let next = 0;
  const takeBatch = (): number[] => {
    const batch: number[] = [];
    let bytes = 0;
    while (next < order.length && batch.length < BATCH_COUNT) {
      const idx = order[next]!;
      const size = tasks[idx]!.end - tasks[idx]!.start;
      if (batch.length > 0 && bytes + size > BATCH_BYTES) break;
      batch.push(idx);
      bytes += size;
      next++;
    }
    return batch;
  };

  const nWorkers = Math.min(jobs, tasks.length);
  const url = workerUrl();
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, rejectP) => {
      let active = 0;
      let reqId = 0;
      const inflight = new Map<number, number[]>();
      const feed = (w: Worker) => {
        const batch = takeBatch();
        if (batch.length === 0) {
          if (active === 0) resolve();
          return;
        }
        active++;
        const id = reqId++;
        inflight.set(id, batch);
        const req: WorkerRequest = { id, alg, tasks: batch.map((i) => tasks[i]!) };
        w.postMessage(req);
      };
      for (let k = 0; k < nWorkers; k++) {
        const w = new Worker(url);
        workers.push(w);
        w.on('message', (res: WorkerResponse) => {
          const batch = inflight.get(res.id)!;
          inflight.delete(res.id);
          batch.forEach((idx, j) => {
            results[idx] = res.results[j]!;
            done += tasks[idx]!.end - tasks[idx]!.start;
          });
          opts.onProgress?.(done, total);
          active--;
          feed(w);
          if (active === 0 && next >= order.length) resolve();
        });
        w.on('error', rejectP);
        feed(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

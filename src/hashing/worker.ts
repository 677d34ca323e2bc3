/**
 * Worker thread: hashes batches of ranges with one reusable read buffer.
 *
 * Progress goes through shared memory, not messages: after every read the
 * byte count is added to the worker's own slot of a SharedArrayBuffer, which the main thread sums on a timer.
 * A 50 GB file then shows steady progress without a single extra message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareAlgorithm, type HashAlgorithm } from './algorithms.js';
import { configure } from '../settings.js';
import { hashRange, type HashOutcome, type HashTask } from './read.js';

export interface WorkerRequest {
  id: number;
  alg: HashAlgorithm;
  tasks: HashTask[];
}
export interface WorkerResponse {
  id: number;
  results: HashOutcome[];
}
export interface WorkerInit {
  /** BigInt64Array over this buffer: one cumulative byte counter per worker. */
  progress: SharedArrayBuffer;
  slot: number;
  readSize: number;
  /** The main thread's settings the worker's hashing follows. */
  settings: { nativeBlake: boolean };
}

const init = workerData as WorkerInit;
configure(init.settings);
const counters = new BigInt64Array(init.progress);
const slot = init.slot;
const buf = Buffer.allocUnsafeSlow(init.readSize);
const onRead = (n: number) => void Atomics.add(counters, slot, BigInt(n));

parentPort!.on('message', (req: WorkerRequest) => {
  void (async () => {
    let results: HashOutcome[];
    try {
      await prepareAlgorithm(req.alg);
      results = req.tasks.map((t) => hashRange(t, req.alg, buf, onRead));
    } catch (e) {
      const message = String((e as Error).message ?? e);
      results = req.tasks.map(() => ({ ok: false as const, code: 'FILE_UNREADABLE', message }));
    }
    parentPort!.postMessage({ id: req.id, results } satisfies WorkerResponse);
  })();
});

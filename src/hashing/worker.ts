/** Worker thread: hashes batches of ranges with one reusable read buffer. */
import { parentPort } from 'node:worker_threads';
import { prepareAlgorithm, type HashAlgorithm } from './algorithms.js';
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

const READ_SIZE = 4 * 1024 * 1024;
const buf = Buffer.allocUnsafe(READ_SIZE);

parentPort!.on('message', (req: WorkerRequest) => {
  void (async () => {
    await prepareAlgorithm(req.alg);
    const results = req.tasks.map((t) => {
      try {
        return hashRange(t, req.alg, buf);
      } catch (e) {
        return { ok: false as const, code: 'FILE_UNREADABLE', message: String((e as Error).message ?? e) };
      }
    });
    parentPort!.postMessage({ id: req.id, results } satisfies WorkerResponse);
  })();
});

/**
 * Appending to the audit log.
 *
 * The new line needs the hash of the current last line, so read-tail + append must not
 * interleave with another verifier doing the same (two lines naming the same `prev` would
 * look like tampering). A lock file beside the log (created with O_EXCL) serialises writers;
 * a lock older than STALE_MS is taken to be left by a crashed process and removed. The line
 * itself goes out in one write() on a descriptor opened with O_APPEND, so it lands whole at
 * the end even if something else appends without the lock.
 */
import { constants } from 'node:fs';
import { open, stat, unlink, writeFile } from 'node:fs/promises';
import { errnoCode, ModelsignError, usage } from '../errors.js';
import { errnoWords, writeFailureWords } from '../util/errno.js';
import { TOOL_VERSION } from '../version.js';
import { formatRecord, GENESIS, lineHash, MAX_LINE_BYTES, type AuditDecision } from './record.js';

const LOCK_WAIT_MS = 10_000;
const STALE_MS = 30_000;

async function withLock<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const lock = `${file}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      await writeFile(lock, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      break;
    } catch (e) {
      if (errnoCode(e) !== 'EEXIST') throw usage('AUDIT_WRITE_FAILED', `cannot lock audit log ${file}: ${writeFailureWords(e, lock)}`);
      const st = await stat(lock).catch(() => undefined);
      if (st && Date.now() - st.mtimeMs > STALE_MS) {
        await unlink(lock).catch(() => undefined);
        continue;
      }
      if (Date.now() > deadline) throw usage('AUDIT_WRITE_FAILED', `audit log ${file} is locked by another process (${lock})`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  try {
    return await fn();
  } finally {
    await unlink(lock).catch(() => undefined);
  }
}

/** The last line of the log (without newline), whether the file ends in a newline, and the line count hint. */
async function readTail(file: string): Promise<{ last: Buffer | undefined; endsWithNewline: boolean; lastSeq: number }> {
  let fh;
  try {
    fh = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return { last: undefined, endsWithNewline: true, lastSeq: 0 };
    throw usage('AUDIT_WRITE_FAILED', `cannot read audit log ${file}: ${errnoCode(e) ?? String(e)}`);
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw usage('AUDIT_WRITE_FAILED', `audit log is not a regular file: ${file}`);
    if (st.size === 0) return { last: undefined, endsWithNewline: true, lastSeq: 0 };
    const len = Math.min(st.size, MAX_LINE_BYTES + 2);
    const buf = Buffer.alloc(len);
    const { bytesRead } = await fh.read(buf, 0, len, st.size - len);
    const tail = buf.subarray(0, bytesRead);
    const endsWithNewline = tail[tail.length - 1] === 0x0a;
    const body = endsWithNewline ? tail.subarray(0, tail.length - 1) : tail;
    const nl = body.lastIndexOf(0x0a);
    if (nl < 0 && st.size > len) throw usage('AUDIT_WRITE_FAILED', `audit log ${file}: last line is longer than ${MAX_LINE_BYTES} bytes`);
    const last = body.subarray(nl + 1);
    let lastSeq = 0;
    try {
      const seq = (JSON.parse(last.toString('utf8')) as { seq?: unknown }).seq;
      if (typeof seq === 'number' && Number.isSafeInteger(seq)) lastSeq = seq;
    } catch {
      // A damaged last line: we still chain to its exact bytes; `audit verify` will name it.
    }
    return { last, endsWithNewline, lastSeq };
  } finally {
    await fh.close();
  }
}

/** Append one decision; returns the line written. */
export async function appendAudit(file: string, decision: AuditDecision): Promise<string> {
  return withLock(file, async () => {
    const tail = await readTail(file);
    const prev = tail.last === undefined ? GENESIS : lineHash(tail.last);
    const line = formatRecord(decision, tail.lastSeq + 1, prev, `modelsign/${TOOL_VERSION}`);
    if (Buffer.byteLength(line) > MAX_LINE_BYTES) throw usage('AUDIT_WRITE_FAILED', 'audit record too large');
    // A log cut mid-line gets the rest of that line closed off, so our record stays whole.
    const data = Buffer.from(`${tail.endsWithNewline ? '' : '\n'}${line}\n`, 'utf8');
    let fh;
    try {
      fh = await open(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o600);
    } catch (e) {
      throw usage('AUDIT_WRITE_FAILED', `cannot open audit log ${file}: ${writeFailureWords(e, file)}`);
    }
    try {
      const { bytesWritten } = await fh.write(data, 0, data.length);
      if (bytesWritten !== data.length) throw usage('AUDIT_WRITE_FAILED', `short write to audit log ${file}`);
      await fh.sync();
    } catch (e) {
      if (e instanceof ModelsignError) throw e;
      throw usage('AUDIT_WRITE_FAILED', `cannot write audit log ${file}: ${errnoWords(e)}`);
    } finally {
      await fh.close();
    }
    return line;
  });
}

/**
 * Hash one byte range of one file from a single open descriptor.
 *
 * The file is opened with O_NOFOLLOW (a link swapped in after enumeration is not followed)
 * and checked with fstat to be a regular file of the expected size. After hashing it is
 * fstat'ed again: if its size or mtime moved, the bytes we hashed may be a mix of two
 * versions, so the result is refused rather than reported as verified.
 *
 * This is the JavaScript path: every algorithm where the native addon is absent, and BLAKE3
 * and BLAKE2b always (sha256 with the addon goes through native.ts, which applies the same
 * checks in C and hashes through mmap).
 *
 * Speed: the caller's one reusable buffer is filled by read(2) and hashed straight out of it
 * (no other copy).
 * READ_SIZE (128 KiB) keeps that copy's destination in the core's L2 cache, so the hash
 * reads it back from there: ~4% less CPU than 1 MiB reads on the same model.
 */
import type { Code } from '../codes.js';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { createHasher, type HashAlgorithm } from './algorithms.js';

export interface HashTask {
  abs: string;
  start: number;
  end: number;
  /** Size the file had when enumerated; a different size at open time is a change. */
  expectSize: number;
  /** Follow a final symlink (only for links enumeration already resolved inside the root). */
  followLink?: boolean;
  /**
   * Device and inode enumeration saw. O_NOFOLLOW guards only the last path component; a
   * directory swapped for a link after listing would lead the open elsewhere (even out of
   * the model), and this check catches that.
   */
  expectId?: { dev: number; ino: number };
}

export type HashOutcome = { ok: true; digest: string } | { ok: false; code: Code; message: string };

/** The messages of each outcome; native.ts gives the same for the same cases. */
export const MSG = {
  symlink: 'file was replaced by a symlink',
  missing: 'file disappeared while verifying',
  special: 'not a regular file',
  replaced: 'a different file was found at this path than the one listed (replaced while verifying)',
  sizeMoved: 'file size changed while it was being read',
  shrank: 'file shrank while it was being read',
  changed: 'file changed while it was being read',
} as const;

/** The read size the engine uses unless told otherwise. */
export const READ_SIZE = 128 * 1024;

const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;

/**
 * Hash `task` reading through `buf` (any size > 0; reused across calls). `onRead` is told
 * the bytes of each read (workers add them to their slot of the shared progress counters).
 */
export function hashRange(task: HashTask, alg: HashAlgorithm, buf: Buffer, onRead?: (n: number) => void): HashOutcome {
  let fd: number;
  try {
    // O_NONBLOCK: should a FIFO be swapped in after enumeration, open() must not block on it.
    fd = openSync(task.abs, constants.O_RDONLY | O_NONBLOCK | (task.followLink ? 0 : O_NOFOLLOW));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ELOOP') return { ok: false, code: 'FILE_IS_SYMLINK', message: MSG.symlink };
    if (code === 'ENOENT') return { ok: false, code: 'FILE_MISSING', message: MSG.missing };
    return { ok: false, code: 'FILE_UNREADABLE', message: `cannot open: ${code ?? String(e)}` };
  }
  try {
    const before = fstatSync(fd);
    if (!before.isFile()) return { ok: false, code: 'SPECIAL_FILE', message: MSG.special };
    if (task.expectId && (before.ino !== task.expectId.ino || before.dev !== task.expectId.dev)) {
      return { ok: false, code: 'FILE_REPLACED', message: MSG.replaced };
    }
    if (before.size !== task.expectSize) {
      return { ok: false, code: 'FILE_CHANGED_DURING_HASH', message: MSG.sizeMoved };
    }
    const digest = readAndHash(fd, task, alg, buf, onRead);
    if (digest === null) return { ok: false, code: 'FILE_CHANGED_DURING_HASH', message: MSG.shrank };
    const after = fstatSync(fd);
    // ctime too: mtime can be set back with utimes(), ctime cannot.
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || after.ctimeMs !== before.ctimeMs) {
      return { ok: false, code: 'FILE_CHANGED_DURING_HASH', message: MSG.changed };
    }
    return { ok: true, digest };
  } catch (e) {
    const code = (e as { code?: string }).code;
    return { ok: false, code: 'FILE_UNREADABLE', message: `cannot read: ${code ?? String((e as Error).message ?? e)}` };
  } finally {
    closeSync(fd);
  }
}

/** read(2) into `buf` and hash; null if the file ended early. */
function readAndHash(fd: number, task: HashTask, alg: HashAlgorithm, buf: Buffer, onRead?: (bytes: number) => void): string | null {
  const h = createHasher(alg);
  const size = buf.length;
  let pos = task.start;
  while (pos < task.end) {
    const want = task.end - pos < size ? task.end - pos : size;
    const n = readSync(fd, buf, 0, want, pos);
    if (n === 0) return null;
    // A view, not a copy: OpenSSL hashes straight out of the reused buffer.
    h.update(n === size ? buf : buf.subarray(0, n));
    pos += n;
    onRead?.(n);
  }
  return h.digestHex();
}

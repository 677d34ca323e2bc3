/**
 * Hash one byte range of one file from a single open descriptor.
 *
 * The file is opened with O_NOFOLLOW (a link swapped in after enumeration is not followed)
 * and checked with fstat to be a regular file of the expected size. After hashing it is
 * fstat'ed again: if its size or mtime moved, the bytes we hashed may be a mix of two
 * versions, so the result is refused rather than reported as verified.
 *
 * Speed: the caller passes one reusable buffer. Node cannot mmap, so every byte is copied
 * from the page cache into that buffer by read(2) before OpenSSL hashes it straight out of
 * it (no other copy). READ_SIZE (128 KiB) keeps that copy's destination in the core's L2
 * cache, so the hash reads it back from there. Measured with the whole CLI on the 2 GiB
 * benchmark model (docs/performance.md): ~4% less CPU than 1 MiB reads, mostly system time
 * spent in the copy.
 */
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

export type HashOutcome = { ok: true; digest: string } | { ok: false; code: string; message: string };

/** The read size the engine uses unless told otherwise. */
export const READ_SIZE = 128 * 1024;

const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;

/**
 * Hash `task` reading through `buf` (any size > 0; reused across calls). `onRead` is told
 * the number of bytes after each read, for progress.
 */
export function hashRange(task: HashTask, alg: HashAlgorithm, buf: Buffer, onRead?: (bytes: number) => void): HashOutcome {
  let fd: number;
  try {
    // O_NONBLOCK: should a FIFO be swapped in after enumeration, open() must not block on it.
    fd = openSync(task.abs, constants.O_RDONLY | O_NONBLOCK | (task.followLink ? 0 : O_NOFOLLOW));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ELOOP') return { ok: false, code: 'FILE_IS_SYMLINK', message: 'file was replaced by a symlink' };
    if (code === 'ENOENT') return { ok: false, code: 'FILE_MISSING', message: 'file disappeared while verifying' };
    return { ok: false, code: 'FILE_UNREADABLE', message: `cannot open: ${code ?? String(e)}` };
  }
  try {
    const before = fstatSync(fd);
    if (!before.isFile()) return { ok: false, code: 'SPECIAL_FILE', message: 'not a regular file' };
    if (task.expectId && (before.ino !== task.expectId.ino || before.dev !== task.expectId.dev)) {
      return { ok: false, code: 'FILE_REPLACED', message: 'a different file was found at this path than the one listed (replaced while verifying)' };
    }
    if (before.size !== task.expectSize) {
      return { ok: false, code: 'FILE_CHANGED_DURING_HASH', message: 'file size changed while it was being read' };
    }
    const h = createHasher(alg);
    const size = buf.length;
    let pos = task.start;
    while (pos < task.end) {
      const want = task.end - pos < size ? task.end - pos : size;
      const n = readSync(fd, buf, 0, want, pos);
      if (n === 0) return { ok: false, code: 'FILE_CHANGED_DURING_HASH', message: 'file shrank while it was being read' };
      // A view, not a copy: OpenSSL hashes straight out of the reused buffer.
      h.update(n === size ? buf : buf.subarray(0, n));
      pos += n;
      onRead?.(n);
    }
    const after = fstatSync(fd);
    // ctime too: mtime can be set back with utimes(), ctime cannot.
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || after.ctimeMs !== before.ctimeMs) {
      return { ok: false, code: 'FILE_CHANGED_DURING_HASH', message: 'file changed while it was being read' };
    }
    return { ok: true, digest: h.digestHex() };
  } catch (e) {
    const code = (e as { code?: string }).code;
    return { ok: false, code: 'FILE_UNREADABLE', message: `cannot read: ${code ?? String((e as Error).message ?? e)}` };
  } finally {
    closeSync(fd);
  }
}

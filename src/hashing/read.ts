/**
 * Hash one byte range of one file from a single open descriptor.
 *
 * The file is opened with O_NOFOLLOW (a link swapped in after enumeration is not followed)
 * and checked with fstat to be a regular file of the expected size. After hashing it is
 * fstat'ed again: if its size or mtime moved, the bytes we hashed may be a mix of two
 * versions, so the result is refused rather than reported as verified.
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

const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;

export function hashRange(task: HashTask, alg: HashAlgorithm, buf: Buffer): HashOutcome {
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
    let pos = task.start;
    while (pos < task.end) {
      const want = Math.min(buf.length, task.end - pos);
      const n = readSync(fd, buf, 0, want, pos);
      if (n === 0) return { ok: false, code: 'FILE_CHANGED_DURING_HASH', message: 'file shrank while it was being read' };
      h.update(n === buf.length ? buf : buf.subarray(0, n));
      pos += n;
    }
    const after = fstatSync(fd);
    // ctime too: mtime can be set back with utimes(), ctime cannot.
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || after.ctimeMs !== before.ctimeMs) {
      return { ok: false, code: 'FILE_CHANGED_DURING_HASH', message: 'file changed while it was being read' };
    }
    return { ok: true, digest: h.digestHex() };
  } finally {
    closeSync(fd);
  }
}

/**
 * Open a listed local file again, after it was hashed, for an inspector to read.
 *
 * The descriptor must be the very file that was listed and hashed, unchanged: opened with
 * O_NOFOLLOW (a link swapped in is not followed), it must be a regular file with the listed
 * device, inode and size, and the listed modification and change times. The hasher checked
 * the same inode and that nothing moved while it read; the change time moves with every write
 * (and cannot be set back, unlike mtime), so equal times before and after the inspection mean
 * the inspector read the bytes that were hashed. Anything else is a failure of the file, never
 * bytes handed on.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Failure } from '../errors.js';
import { errnoCode } from '../errors.js';
import { ByteSource } from '../scan/source.js';
import type { ModelFile } from './walk.js';
import { handleReader } from './random-access.js';
import type { EntryContent } from './types.js';

const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;

export const REOPEN = {
  replaced: 'a different file was found at this path than the one hashed (replaced after hashing)',
  changed: 'file was written after it was hashed',
} as const;

interface Stats {
  isFile(): boolean;
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

/** Why the descriptor's file is not the listed one, or undefined when it is. */
export function identityProblem(file: ModelFile, st: Stats): Failure | undefined {
  if (!st.isFile()) return { code: 'SPECIAL_FILE', path: file.name, message: 'not a regular file' };
  if (file.id && (st.dev !== file.id.dev || st.ino !== file.id.ino)) return { code: 'FILE_REPLACED', path: file.name, message: REOPEN.replaced };
  if (st.size !== file.size || (file.stamp && (st.mtimeMs !== file.stamp.mtimeMs || st.ctimeMs !== file.stamp.ctimeMs))) {
    return { code: 'FILE_CHANGED_DURING_HASH', path: file.name, message: REOPEN.changed };
  }
  return undefined;
}

/**
 * Run `use` on the listed file's bytes, read through one descriptor checked to be the listed,
 * unchanged file before and after; the failure when it is not (then `use` is not run, or its
 * reading is void).
 */
export async function withVerifiedFile(file: ModelFile, use: (content: EntryContent) => Promise<void>): Promise<Failure | undefined> {
  let fh: FileHandle;
  try {
    fh = await open(file.abs, constants.O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (e) {
    const c = errnoCode(e);
    if (c === 'ELOOP') return { code: 'FILE_IS_SYMLINK', path: file.name, message: 'file was replaced by a symlink' };
    if (c === 'ENOENT') return { code: 'FILE_MISSING', path: file.name, message: 'file disappeared after it was hashed' };
    return { code: 'FILE_UNREADABLE', path: file.name, message: `cannot open: ${c ?? String(e)}` };
  }
  try {
    const before = identityProblem(file, await fh.stat());
    if (before) return before;
    const ra = handleReader(fh, file.size);
    try {
      await use({ file: { name: file.name, size: file.size, viaLink: file.viaLink }, bytes: () => ByteSource.fromRandom(ra), random: ra });
    } catch (e) {
      // EIO and the like: the file cannot be read as hashed. Anything else is a bug.
      const c = errnoCode(e);
      if (c === undefined || !/^E[A-Z0-9]+$/.test(c)) throw e;
      return { code: 'FILE_UNREADABLE', path: file.name, message: `cannot read: ${c}` };
    }
    return identityProblem(file, await fh.stat());
  } finally {
    await fh.close();
  }
}

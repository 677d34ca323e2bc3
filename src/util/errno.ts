/**
 * Node's errno codes in words, for messages about files we fail to write (and read): "cannot
 * write out/model.sig: directory out does not exist" says what to do, "ENOENT" does not. The
 * code stays in parentheses for searching and bug reports.
 */
import path from 'node:path';
import { errnoCode } from '../errors.js';

const WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EEXIST: 'already exists',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  ENAMETOOLONG: 'file name too long',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EBUSY: 'resource busy',
  EIO: 'input/output error',
  EXDEV: 'cannot move across file systems',
  ETXTBSY: 'file busy',
};

/** "permission denied (EACCES)"; an error without an errno code gives its message. */
export function errnoWords(e: unknown): string {
  const c = errnoCode(e);
  if (c === undefined) return e instanceof Error ? e.message : String(e);
  const w = WORDS[c];
  return w ? `${w} (${c})` : c;
}

/**
 * Why writing `file` failed, in words. ENOENT when creating a file means its directory is
 * missing, so that is what is said.
 */
export function writeFailureWords(e: unknown, file: string): string {
  if (errnoCode(e) === 'ENOENT') return `directory ${path.dirname(file)} does not exist`;
  return errnoWords(e);
}

import type { Code } from '../codes.js';
import { constants } from 'node:fs';
import { access, mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { errnoCode, usage } from '../errors.js';
import { errnoWords, writeFailureWords } from './errno.js';

export interface WriteAtomicOptions {
  /** Create missing parent directories first (mode 0755 less the umask). */
  createDirs?: boolean;
}

/**
 * Write to a temp file beside the target, then rename: readers never see half a file. A
 * failure is a usage error `code` naming `label` (the file, or e.g. "state file FILE").
 */
export async function writeAtomic(file: string, data: string | Buffer, code: Code = 'WRITE_FAILED', label = file, opts: WriteAtomicOptions = {}): Promise<void> {
  if (opts.createDirs) await makeDirs(path.dirname(file), code, label);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  let renaming = false;
  try {
    await writeFile(tmp, data, { flag: 'wx', mode: 0o644 });
    renaming = true;
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    // rename() onto a directory: say that, not EISDIR.
    const c = errnoCode(e);
    const isDir = renaming && (c === 'EISDIR' || c === 'ENOTEMPTY' || c === 'EEXIST');
    throw usage(code, `cannot write ${label}: ${isDir ? `${file} is a directory` : writeFailureWords(e, file)}`);
  }
}

/** mkdir -p, with a failure named in words (a file in the way, permissions). */
export async function makeDirs(dir: string, code: Code = 'WRITE_FAILED', label = dir, mode?: number): Promise<void> {
  try {
    await mkdir(dir, { recursive: true, ...(mode !== undefined ? { mode } : {}) });
  } catch (e) {
    const blocker = await firstExisting(dir);
    if (blocker && !blocker.isDir) throw usage(code, `cannot write ${label}: ${blocker.path} is not a directory`);
    throw usage(code, `cannot write ${label}: cannot create directory ${dir}: ${errnoWords(e)}`);
  }
}

/** The nearest path at or above `p` that exists, and whether it is a directory. */
async function firstExisting(p: string): Promise<{ path: string; isDir: boolean } | undefined> {
  let cur = p;
  for (;;) {
    try {
      const st = await stat(cur);
      return { path: cur, isDir: st.isDirectory() };
    } catch (e) {
      const c = errnoCode(e);
      if (c !== 'ENOENT' && c !== 'ENOTDIR') return undefined;
    }
    const up = path.dirname(cur);
    if (up === cur) return undefined;
    cur = up;
  }
}

/**
 * Check, before any work is done, that `target` can be written later (as a file, or as a
 * directory to create or fill): nothing in the way is a file where a directory is needed,
 * or a directory where a file is needed, and the directory it goes in (or the nearest one
 * that exists, where missing ones will be created) is writable. Writes nothing.
 */
export async function checkWritable(target: string, kind: 'file' | 'dir', code: Code = 'WRITE_FAILED', label = target): Promise<void> {
  let st;
  try {
    st = await stat(target);
  } catch (e) {
    const c = errnoCode(e);
    if (c !== 'ENOENT' && c !== 'ENOTDIR') throw usage(code, `cannot write ${label}: ${errnoWords(e)}`);
  }
  if (st) {
    if (kind === 'file' && st.isDirectory()) throw usage(code, `cannot write ${label}: ${target} is a directory`);
    if (kind === 'dir' && !st.isDirectory()) throw usage(code, `${label} is not a directory`);
    return checkAccess(kind === 'dir' ? target : path.dirname(target), code, label);
  }
  const parent = await firstExisting(path.dirname(target));
  if (!parent) return;
  if (!parent.isDir) throw usage(code, `cannot write ${label}: ${parent.path} is not a directory`);
  return checkAccess(parent.path, code, label);
}

async function checkAccess(dir: string, code: Code, label: string): Promise<void> {
  try {
    await access(dir, constants.W_OK);
  } catch (e) {
    throw usage(code, `cannot write ${label}: ${errnoCode(e) === 'EACCES' || errnoCode(e) === 'EPERM' ? `permission denied in directory ${dir}` : errnoWords(e)}`);
  }
}

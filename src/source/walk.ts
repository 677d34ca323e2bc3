/**
 * Walks a model (a directory or a single file) and lists the regular files to hash.
 *
 * Security: entries are lstat'ed, never followed blindly. A symlink is taken only with
 * allowSymlinks and only when its target resolves inside the model root; FIFOs, sockets and
 * devices are reported, never opened. Problems are returned, not thrown, so `verify` can list
 * them with the other failures and `sign` can turn them into a usage error - file system
 * errors too (EACCES, ENAMETOOLONG, EIO...: UNREADABLE, PATH_TOO_LONG), since a hostile tree
 * can make any call fail. Names are byte-exact: one that is not valid UTF-8 is a problem
 * (UNSAFE_NAME), never decoded to a look-alike or dropped as "deleted" (see readNames).
 *
 * Speed: the walk uses synchronous calls. A promise-based lstat goes through libuv's thread
 * pool and costs ~50 us per entry here against ~10 us for lstatSync, which for 20,000 tokenizer
 * or dataset files is most of the run time; enumeration has nothing else to overlap with, and
 * the hash workers start meanwhile on their own threads.
 */
import { isUtf8 } from 'node:buffer';
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { errnoCode, usage, type Failure } from '../errors.js';
import { modelPathError } from '../hashing/model-path.js';
import { compareCodePoints, isIgnored } from '../hashing/paths.js';

export interface ModelFile {
  /** POSIX path relative to the model root (for a single-file model: the file's base name). */
  name: string;
  /** Absolute path to open (for an allowed symlink: its resolved target). */
  abs: string;
  size: number;
  /** True when reached through a symlink. */
  viaLink: boolean;
  /** Device and inode when listed: the hasher refuses a different file opened by that name. */
  id?: FileId;
  /**
   * Modification and change times when listed. A reader that opens the file again after it was
   * hashed (an inspector) requires the same times: the file was not written since it was listed.
   */
  stamp?: FileStamp;
}

export interface FileStamp {
  mtimeMs: number;
  ctimeMs: number;
}

const stampOf = (s: { mtimeMs: number; ctimeMs: number }): FileStamp => ({ mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs });

export interface FileId {
  dev: number;
  ino: number;
}

export interface ModelListing {
  /** Absolute path of the model (directory or file). */
  root: string;
  isFile: boolean;
  files: ModelFile[];
  problems: Failure[];
}

export interface EnumerateOptions {
  ignorePaths: readonly string[];
  allowSymlinks: boolean;
  maxFiles?: number;
  maxDepth?: number;
}

const DEFAULT_MAX_FILES = 1_000_000;
const DEFAULT_MAX_DEPTH = 128;

function within(rootReal: string, target: string): boolean {
  return target === rootReal || target.startsWith(rootReal.endsWith(path.sep) ? rootReal : rootReal + path.sep);
}

function kindOf(st: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (st.isFIFO()) return 'FIFO';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice()) return 'character device';
  if (st.isBlockDevice()) return 'block device';
  return 'special file';
}

/** A directory's entries: names as exact strings, and the names that are not UTF-8 as raw bytes. */
interface DirNames {
  names: string[];
  invalid: Buffer[];
}

const NO_BYTES: Buffer[] = [];

/**
 * List a directory byte-exactly. Node decodes each name as UTF-8 and replaces every invalid
 * sequence with U+FFFD, so a name that is not UTF-8 would come back as a string naming some
 * other path (or none: the entry would then look deleted and silently drop out of the model).
 * A listing with no U+FFFD anywhere was decoded losslessly, and it is what almost every
 * directory gives: one string readdir, as fast as before. Only a directory where some name
 * holds U+FFFD is read again as raw bytes, and that second listing is the one used (the
 * caller's identity checks around readdir cover both reads): valid names are decoded from
 * the bytes, the others are returned for the caller to refuse. Reading every directory as
 * Buffers instead costs ~2x the readdir time (one Buffer per name, then a string).
 */
function readNames(absDir: string): DirNames {
  const names = readdirSync(absDir);
  let suspect = false;
  for (const n of names) {
    if (n.includes('\ufffd')) {
      suspect = true;
      break;
    }
  }
  if (!suspect) return { names, invalid: NO_BYTES };
  const valid: string[] = [];
  const invalid: Buffer[] = [];
  for (const raw of readdirSync(absDir, { encoding: 'buffer' })) {
    if (isUtf8(raw)) valid.push(raw.toString('utf8'));
    else invalid.push(raw);
  }
  return { names: valid, invalid };
}

/**
 * The real path of a link, byte-exact; undefined when it is not valid UTF-8 (it would decode
 * to another path, possibly an existing one under the link's name).
 */
function realTarget(abs: string): string | undefined {
  const target = realpathSync.native(abs);
  if (!target.includes('\ufffd')) return target;
  const raw = realpathSync.native(abs, { encoding: 'buffer' });
  return isUtf8(raw) ? raw.toString('utf8') : undefined;
}

/**
 * A name that is not valid UTF-8, for reports: its valid characters as they are, every other
 * byte (and control characters and backslashes) as \xHH. The result always holds a
 * backslash, which no safe resource name may hold: it can never equal a signed name.
 */
export function escapeName(raw: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const b = raw[i]!;
    const n = utf8SequenceLength(raw, i);
    if (n === 1 && b >= 0x20 && b !== 0x7f && b !== 0x5c) out += String.fromCharCode(b);
    else if (n > 1) out += Buffer.from(raw.subarray(i, i + n)).toString('utf8');
    else out += `\\x${b.toString(16).padStart(2, '0')}`;
    i += n > 0 ? n : 1;
  }
  return out;
}

/** Length of the well-formed UTF-8 sequence at raw[i] (1-4), or 0 if there is none. */
function utf8SequenceLength(raw: Uint8Array, i: number): number {
  const b = raw[i]!;
  if (b < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < raw.length && raw[i + k]! >= lo && raw[i + k]! <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (b === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0; // no UTF-16 surrogates
  if (b >= 0xe1 && b <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b >= 0xf1 && b <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** The errno code ("EACCES") of a file system error; undefined for anything else (a bug). */
function fsErrorCode(e: unknown): string | undefined {
  const c = e instanceof Error ? errnoCode(e) : undefined;
  return c !== undefined && /^E[A-Z0-9]+$/.test(c) ? c : undefined;
}

/**
 * A file system error on `rel` as a listing problem. Anything that is not an errno error is
 * a bug and is thrown on. `abs` only sizes the PATH_TOO_LONG message; reports shorten the path.
 */
export function fsProblem(e: unknown, rel: string, op: 'list' | 'stat', abs: string): Failure {
  const c = fsErrorCode(e);
  if (c === undefined) throw e;
  if (c === 'ENAMETOOLONG') {
    return { code: 'PATH_TOO_LONG', path: rel, message: `path too long to open (ENAMETOOLONG): ${Buffer.byteLength(abs)} bytes as an absolute path` };
  }
  const what = op === 'list' ? 'cannot list directory' : 'cannot read file information';
  return { code: 'UNREADABLE', path: rel, message: c === 'EACCES' || c === 'EPERM' ? `${what}: permission denied (${c})` : `${what} (${c})` };
}

export async function enumerateModel(model: string, opts: EnumerateOptions): Promise<ModelListing> {
  const root = path.resolve(model);
  let st;
  try {
    st = await lstat(root);
  } catch (e) {
    throw modelPathError(model, e);
  }
  const problems: Failure[] = [];
  if (st.isSymbolicLink()) {
    // The model path itself may be a link (e.g. a mounted volume's "current" pointer):
    // resolve it once, then everything inside must stay inside the resolved root.
    const real = await realpath(root);
    return enumerateModel(real, opts);
  }
  if (st.isFile()) {
    return { root, isFile: true, files: [{ name: path.basename(root), abs: root, size: st.size, viaLink: false, id: { dev: st.dev, ino: st.ino }, stamp: stampOf(st) }], problems };
  }
  if (!st.isDirectory()) {
    throw usage('SPECIAL_FILE', `model is a ${kindOf(st)}, not a file or directory: ${model}`);
  }
  const rootReal = await realpath(root);
  const maxFiles = opts.maxFiles ?? DEFAULT_MAX_FILES;
  const maxDepth = opts.maxDepth ?? DEFAULT_MAX_DEPTH;
  const files: ModelFile[] = [];
  const visitedDirs = new Set<string>();
  /** Set once files and problems together pass maxFiles: the walk stops everywhere. */
  let full = false;
  // Refused entries count too: each problem is held in memory like a file.
  const over = (): boolean => (full ||= files.length + problems.length > maxFiles);

  // `expect` is the directory as its parent's listing saw it. A directory swapped (e.g. for a
  // link out of the model) between that look and our readdir would list someone else's
  // files under our names, so it must still be the same directory, before and after readdir.
  const replaced = (rel: string): void => {
    problems.push({ code: 'FILE_REPLACED', path: rel === '' ? '.' : rel, message: 'directory was replaced while the model was being listed' });
  };
  /** True while absDir is still the directory `id` (listed), not moved away or swapped. */
  const stillDir = (absDir: string, id: FileId): boolean => {
    try {
      const s = lstatSync(absDir, { throwIfNoEntry: false });
      return s !== undefined && s.isDirectory() && s.dev === id.dev && s.ino === id.ino;
    } catch {
      return false;
    }
  };
  const walk = (absDir: string, rel: string, depth: number, viaLink: boolean, expect?: FileId): void => {
    const at = rel === '' ? '.' : rel;
    if (full) return;
    if (depth > maxDepth) {
      problems.push({ code: 'TOO_DEEP', path: rel, message: `directory nesting deeper than ${maxDepth}` });
      return;
    }
    // Every file system error becomes a problem for this path (verify: exit 1, sign: a
    // refusal), never an exception: a hostile tree can make any call here fail. A directory
    // that is gone or no longer a directory (ENOENT, ENOTDIR) was replaced under us.
    let dst;
    let listed: DirNames;
    let again;
    try {
      dst = lstatSync(absDir);
      if (!dst.isDirectory() || (expect && (dst.dev !== expect.dev || dst.ino !== expect.ino))) return replaced(rel);
      const key = `${dst.dev}:${dst.ino}`;
      if (visitedDirs.has(key)) {
        problems.push({ code: 'SYMLINK_LOOP', path: rel, message: 'directory reached twice through symlinks' });
        return;
      }
      visitedDirs.add(key);
      listed = readNames(absDir);
      again = lstatSync(absDir);
    } catch (e) {
      const c = fsErrorCode(e);
      if (c === 'ENOENT' || c === 'ENOTDIR') return replaced(rel);
      problems.push(fsProblem(e, at, 'list', absDir));
      return;
    }
    if (!again.isDirectory() || again.dev !== dst.dev || again.ino !== dst.ino) return replaced(rel);
    const id = { dev: dst.dev, ino: dst.ino };
    // absDir is absolute and normalised and entry names hold no separator: plain
    // concatenation equals path.join at a fraction of its cost (20,000 entries add up).
    const prefix = absDir.endsWith(path.sep) ? absDir : absDir + path.sep;
    for (const raw of listed.invalid) {
      const name = rel === '' ? escapeName(raw) : `${rel}/${escapeName(raw)}`;
      if (isIgnored(name, opts.ignorePaths)) continue;
      // The entry is real (readdir returned it) but Node can only name it as raw bytes.
      let isDir = false;
      try {
        isDir = lstatSync(Buffer.concat([Buffer.from(prefix), raw]), { throwIfNoEntry: false })?.isDirectory() ?? false;
      } catch {
        // What it is does not matter: it is refused either way.
      }
      problems.push({ code: 'UNSAFE_NAME', path: name, message: `${isDir ? 'directory' : 'file'} name is not valid UTF-8` });
      if (over()) return;
    }
    for (const entry of listed.names) {
      // Before each entry: a refused one (a broken link, say) is counted as it is kept.
      if (over()) return;
      const name = rel === '' ? entry : `${rel}/${entry}`;
      if (isIgnored(name, opts.ignorePaths)) continue;
      const abs = prefix + entry;
      let est;
      try {
        est = lstatSync(abs, { throwIfNoEntry: false });
      } catch (e) {
        // ENOTDIR: absDir itself is no longer a directory.
        if (!stillDir(absDir, id)) return replaced(rel);
        problems.push(fsProblem(e, name, 'stat', abs));
        continue;
      }
      if (!est) {
        // Gone since readdir: no longer part of the model - but only if absDir is still the
        // directory we listed. Moved away or swapped, every entry would look deleted.
        // (Names are byte-exact, see readNames: a name Node cannot spell never gets here.)
        if (!stillDir(absDir, id)) return replaced(rel);
        continue;
      }
      if (est.isSymbolicLink()) {
        let target: string | undefined;
        try {
          target = realTarget(abs);
        } catch (e) {
          const c = fsErrorCode(e);
          if (c === 'ENOENT' || c === 'ELOOP' || c === 'ENOTDIR') problems.push({ code: 'SYMLINK_BROKEN', path: name, message: 'symlink target does not exist' });
          else problems.push(fsProblem(e, name, 'stat', abs));
          continue;
        }
        if (target === undefined) {
          problems.push({ code: 'UNSAFE_NAME', path: name, message: 'symlink target path is not valid UTF-8' });
          continue;
        }
        if (!within(rootReal, target)) {
          problems.push({ code: 'SYMLINK_OUTSIDE', path: name, message: 'symlink points outside the model' });
          continue;
        }
        if (!opts.allowSymlinks) {
          problems.push({ code: 'SYMLINK_REFUSED', path: name, message: 'symlinks are not allowed (use --allow-symlinks for links inside the model)' });
          continue;
        }
        let tst;
        try {
          tst = statSync(target);
        } catch (e) {
          if (fsErrorCode(e) === 'ENOENT') problems.push({ code: 'SYMLINK_BROKEN', path: name, message: 'symlink target does not exist' });
          else problems.push(fsProblem(e, name, 'stat', target));
          continue;
        }
        if (tst.isDirectory()) walk(target, name, depth + 1, true, { dev: tst.dev, ino: tst.ino });
        else if (tst.isFile()) files.push({ name, abs: target, size: tst.size, viaLink: true, id: { dev: tst.dev, ino: tst.ino }, stamp: stampOf(tst) });
        else problems.push({ code: 'SPECIAL_FILE', path: name, message: `symlink to a ${kindOf(tst)}` });
      } else if (est.isDirectory()) {
        walk(abs, name, depth + 1, viaLink, { dev: est.dev, ino: est.ino });
      } else if (est.isFile()) {
        files.push({ name, abs, size: est.size, viaLink, id: { dev: est.dev, ino: est.ino }, stamp: stampOf(est) });
      } else {
        problems.push({ code: 'SPECIAL_FILE', path: name, message: `${kindOf(est)} is not a regular file` });
      }
    }
  };
  walk(root, '', 0, false);
  if (over()) {
    // The listing stops here: what was seen so far is no verdict on the rest.
    return { root, isFile: false, files: [], problems: [{ code: 'TOO_MANY_FILES', message: `model has more than ${maxFiles} files` }] };
  }
  files.sort((a, b) => compareCodePoints(a.name, b.name));
  // Problems in path order too: the same tree gives the same report whatever readdir's order.
  problems.sort((a, b) => compareCodePoints(a.path ?? '', b.path ?? ''));
  return { root, isFile: false, files, problems };
}

/**
 * Models shipped as tar archives (.tar, .tar.gz, .tgz): list and hash the entries while
 * the archive streams, never extracting anything, so an archive and the directory it was
 * made from have the same resources and the same root digest.
 *
 * Naming. Entry names are read relative to the model root:
 *   - `tar -C model -cf m.tar .` stores "./config.json": the "./" is dropped.
 *   - `tar -cf m.tar model/` stores "model/config.json": when every entry lies under one
 *     top-level folder (and the names carry no "./"), that folder is the model root and is
 *     dropped too. verify keeps the folder when the signature itself lists every file under
 *     it (a directory whose only content is that folder).
 *
 * Security: the archive is hostile until proven otherwise. Absolute names, ".." segments,
 * links that leave the model, devices, FIFOs, duplicate names, unknown or sparse entry
 * types and malformed headers are problems that fail verification (with no `path`, so even
 * --ignore-unsigned-files cannot skip them: whoever extracts the archive later would be
 * hurt by them). Memory is bounded: bytes are hashed as they stream and only names, sizes
 * and digests are kept; gzip bombs are cut off by the tar parser's decompression-ratio limit.
 */
import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
// The tar package is loaded only when an archive is read (it costs ~20 ms at start-up).
import type { ReadEntry } from 'tar';
import { usage, type Failure } from '../errors.js';
import { modelPathError } from './model-path.js';
import { createHasher, prepareAlgorithm, type Hasher } from './algorithms.js';
import type { ModelFile } from './enumerate.js';
import { compareCodePoints, isIgnored, unsafeNameReason } from './paths.js';
import type { HashOutcome } from './read.js';
import { rangeKey, type ModelSource, type SourceRequest, type SourceResult } from './source.js';

const ARCHIVE_RE = /\.(tar|tar\.gz|tgz)$/i;
const DEFAULT_MAX_ENTRIES = 1_000_000;
const MAX_LINK_HOPS = 40;
/** A directory's default signature; an archive of a signed directory carries it at its root. */
export const EMBEDDED_SIGNATURE = 'model.sig';

export function isArchivePath(p: string): boolean {
  return ARCHIVE_RE.test(p);
}

/** The archive source for MODEL when it is a .tar/.tar.gz/.tgz file (or missing), else undefined. */
export async function archiveSourceFor(model: string): Promise<ModelSource | undefined> {
  if (!isArchivePath(model)) return undefined;
  try {
    if (!(await stat(model)).isFile()) return undefined;
  } catch {
    // missing: scanArchive reports it
  }
  return (req) => scanArchive(model, req);
}

type Prefix = { mode: 'auto' } | { mode: 'none' } | { mode: 'strip'; folder: string };

interface RegularEntry {
  size: number;
  /** Whether this entry's ranges were hashed (false when ignored). */
  hashed: boolean;
}

class RestartWithoutPrefix extends Error {}

/** Strip leading "./" and (for directories) trailing "/". */
function cleanName(raw: string, isDir: boolean): string {
  let s = raw;
  while (s.startsWith('./')) s = s.slice(2);
  if (isDir) while (s.endsWith('/')) s = s.slice(0, -1);
  return s;
}

function entryKind(type: string): 'file' | 'dir' | 'hardlink' | 'symlink' | 'special' | 'other' {
  switch (type) {
    case 'File':
    case 'OldFile':
    case 'ContiguousFile':
      return 'file';
    case 'Directory':
      return 'dir';
    case 'Link':
      return 'hardlink';
    case 'SymbolicLink':
      return 'symlink';
    case 'CharacterDevice':
    case 'BlockDevice':
    case 'FIFO':
      return 'special';
    default:
      return 'other';
  }
}

export async function scanArchive(file: string, req: SourceRequest, opts: { maxEntries?: number } = {}): Promise<SourceResult> {
  await prepareAlgorithm(req.alg);
  const maxEntries = opts.maxEntries ?? DEFAULT_MAX_ENTRIES;
  try {
    return await scanPass(file, req, { mode: 'auto' }, maxEntries);
  } catch (e) {
    // The first entries suggested a single top-level folder; a later one was outside it.
    if (e instanceof RestartWithoutPrefix) return scanPass(file, req, { mode: 'none' }, maxEntries);
    throw e;
  }
}

/**
 * Open the archive for one pass. O_NONBLOCK: should a FIFO be swapped in for the file,
 * open() must not block on it; fstat on the open descriptor then refuses anything but a
 * regular file, with no window between the check and the read.
 */
async function openArchive(file: string): Promise<{ fh: FileHandle; size: number }> {
  let fh: FileHandle;
  try {
    fh = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw modelPathError(file, e, 'archive');
  }
  const st = await fh.stat();
  if (!st.isFile()) {
    await fh.close();
    throw usage('SPECIAL_FILE', `archive is not a regular file: ${file}`);
  }
  return { fh, size: st.size };
}

async function scanPass(file: string, req: SourceRequest, initial: Prefix, maxEntries: number): Promise<SourceResult> {
  const root = path.resolve(file);
  const { fh, size: archiveSize } = await openArchive(root);
  const ignorePaths = [...req.ignorePaths, EMBEDDED_SIGNATURE];
  const problems: Failure[] = [];
  const files: ModelFile[] = [];
  const hashed = new Map<string, HashOutcome>();
  const regular = new Map<string, RegularEntry>();
  const dirs = new Set<string>();
  const seen = new Set<string>();
  /** Symlink name to its resolved target, in archive order. */
  const symlinks = new Map<string, string>();
  let prefix: Prefix = initial;
  let entries = 0;

  const hostile = (code: string, raw: string, message: string) => problems.push({ code, message: `archive entry ${JSON.stringify(raw)}: ${message}` });

  /** Decide, at the first entry, whether a single top-level folder is the model root. */
  const decidePrefix = (raw: string, cleaned: string, kind: string): void => {
    if (prefix.mode !== 'auto') return;
    const segs = cleaned.split('/');
    if (raw.startsWith('./') || cleaned === '' || (segs.length === 1 && kind !== 'dir')) {
      prefix = { mode: 'none' };
      return;
    }
    const folder = segs[0]!;
    const signed = req.signedPaths;
    if (signed && signed.size > 0 && [...signed].every((p) => p.startsWith(`${folder}/`))) {
      prefix = { mode: 'none' };
      return;
    }
    prefix = { mode: 'strip', folder };
  };

  /** Model-relative name of an archive name, or undefined for the model root itself. */
  const toModelName = (cleaned: string): string | undefined => {
    if (cleaned === '' || cleaned === '.') return undefined;
    if (prefix.mode !== 'strip') return cleaned;
    if (cleaned === prefix.folder) return undefined;
    if (cleaned.startsWith(`${prefix.folder}/`)) return cleaned.slice(prefix.folder.length + 1);
    throw new RestartWithoutPrefix();
  };

  const hashEntry = (entry: ReadEntry, name: string, size: number): void => {
    const ranges = req.ranges(name, size).filter(([s, e]) => s >= 0 && e >= s && e <= size);
    ranges.sort((a, b) => a[0] - b[0]);
    const hashers: Hasher[] = ranges.map(() => createHasher(req.alg));
    let pos = 0;
    let lo = 0;
    entry.on('data', (chunk: Buffer) => {
      const cEnd = pos + chunk.length;
      while (lo < ranges.length && ranges[lo]![1] <= pos && ranges[lo]![1] !== ranges[lo]![0]) lo++;
      for (let i = lo; i < ranges.length && ranges[i]![0] < cEnd; i++) {
        const [s, e] = ranges[i]!;
        const from = Math.max(s, pos);
        const to = Math.min(e, cEnd);
        if (to > from) hashers[i]!.update(chunk.subarray(from - pos, to - pos));
      }
      pos = cEnd;
    });
    entry.on('end', () => {
      if (pos !== size) {
        hostile('ARCHIVE_MALFORMED', entry.path, `entry holds ${pos} bytes but its header says ${size}`);
      } else {
        ranges.forEach(([s, e], i) => hashed.set(rangeKey(name, s, e), { ok: true, digest: hashers[i]!.digestHex() }));
      }
    });
  };

  const onEntry = (entry: ReadEntry): void => {
    const raw = entry.path;
    const kind = entryKind(entry.type);
    entries++;
    if (entries > maxEntries) {
      entry.resume();
      throw usage('TOO_MANY_FILES', `archive has more than ${maxEntries} entries`);
    }
    const cleaned = cleanName(raw, kind === 'dir');
    decidePrefix(raw, cleaned, kind);
    const why = cleaned === '' ? undefined : unsafeNameReason(cleaned);
    if (why) {
      hostile('UNSAFE_NAME', raw, `unsafe name (${why})`);
      entry.resume();
      return;
    }
    const name = toModelName(cleaned);
    if (name === undefined) {
      if (kind !== 'dir') hostile('UNSAFE_NAME', raw, 'a non-directory entry names the model root');
      entry.resume();
      return;
    }
    if (seen.has(name)) {
      hostile('DUPLICATE_NAME', raw, 'name appears twice in the archive');
      entry.resume();
      return;
    }
    seen.add(name);
    const ignored = isIgnored(name, ignorePaths) && !(req.signedPaths?.has(name) ?? false);
    switch (kind) {
      case 'dir':
        dirs.add(name);
        entry.resume();
        return;
      case 'file': {
        const size = entry.size ?? 0;
        if (ignored) {
          regular.set(name, { size, hashed: false });
          entry.resume();
          return;
        }
        regular.set(name, { size, hashed: true });
        files.push({ name, abs: root, size, viaLink: false });
        hashEntry(entry, name, size);
        return;
      }
      case 'hardlink': {
        entry.resume();
        const target = resolveHardlink(entry.linkpath ?? '');
        const t = target === undefined ? undefined : regular.get(target);
        if (target === undefined || !t) {
          hostile('ARCHIVE_LINK_OUTSIDE', raw, `hard link to ${JSON.stringify(entry.linkpath)}, which is not an earlier file of the model`);
          return;
        }
        if (ignored) return;
        if (!t.hashed) {
          hostile('ARCHIVE_LINK_OUTSIDE', raw, `hard link to ignored file ${JSON.stringify(target)}`);
          return;
        }
        copyHashed(target, name, t.size);
        regular.set(name, { size: t.size, hashed: true });
        files.push({ name, abs: root, size: t.size, viaLink: false });
        return;
      }
      case 'symlink': {
        entry.resume();
        const lp = entry.linkpath ?? '';
        const resolved = lp.startsWith('/') ? undefined : path.posix.normalize(path.posix.join(path.posix.dirname(name), lp));
        if (resolved === undefined || resolved === '..' || resolved.startsWith('../') || resolved === '.') {
          hostile('SYMLINK_OUTSIDE', raw, `symlink to ${JSON.stringify(lp)} points outside the model`);
          return;
        }
        if (ignored) return;
        if (!req.allowSymlinks) {
          problems.push({ code: 'SYMLINK_REFUSED', path: name, message: 'symlinks are not allowed (use --allow-symlinks for links inside the model)' });
          return;
        }
        symlinks.set(name, resolved);
        return;
      }
      case 'special':
        entry.resume();
        hostile('SPECIAL_FILE', raw, `${entry.type} entries are not allowed in a model archive`);
        return;
      default:
        entry.resume();
        hostile('UNSUPPORTED_ENTRY', raw, `unsupported tar entry type ${entry.type}`);
    }
  };

  /** Hard link names are archive names (relative to the archive root, not the link). */
  const resolveHardlink = (linkpath: string): string | undefined => {
    const cleaned = cleanName(linkpath, false);
    if (unsafeNameReason(cleaned)) return undefined;
    try {
      return toModelName(cleaned);
    } catch (e) {
      if (e instanceof RestartWithoutPrefix) return undefined;
      throw e;
    }
  };

  /** A link's ranges have the digests of its target's (same content). */
  const copyHashed = (target: string, name: string, size: number): void => {
    for (const [s, e] of req.ranges(name, size)) {
      const h = hashed.get(rangeKey(target, s, e));
      if (h) hashed.set(rangeKey(name, s, e), h);
    }
  };

  const resolveSymlinks = (): void => {
    if (symlinks.size === 0) return;
    // Every folder that holds an entry (each "a" and "a/b" of "a/b/c"), built once.
    const parents = new Set<string>();
    for (const n of seen) {
      for (let i = n.indexOf('/'); i !== -1; i = n.indexOf('/', i + 1)) parents.add(n.slice(0, i));
    }
    for (const [name, linkTarget] of symlinks) {
      let target = linkTarget;
      let hops = 0;
      while (symlinks.has(target) && hops++ < MAX_LINK_HOPS) target = symlinks.get(target)!;
      const t = regular.get(target);
      if (symlinks.has(target)) {
        problems.push({ code: 'SYMLINK_LOOP', path: name, message: 'symlink chain loops or is too long' });
      } else if (dirs.has(target) || parents.has(target)) {
        problems.push({ code: 'SYMLINK_REFUSED', path: name, message: 'symlinks to directories are not supported inside archives' });
      } else if (!t) {
        problems.push({ code: 'SYMLINK_BROKEN', path: name, message: 'symlink target does not exist in the archive' });
      } else if (!t.hashed) {
        problems.push({ code: 'SYMLINK_REFUSED', path: name, message: 'symlink to an ignored file' });
      } else {
        copyHashed(target, name, t.size);
        files.push({ name, abs: root, size: t.size, viaLink: true });
      }
    }
  };

  const { Parser } = await import('tar');
  return new Promise<SourceResult>((resolve, rejectP) => {
    let finished = false;
    // Large reads: the parser slices entries out of them without copying.
    const rs = fh.createReadStream({ highWaterMark: 1024 * 1024 });
    let lastProgress = 0;
    rs.on('data', () => {
      // Progress in archive bytes read (compressed for .tar.gz), a few times a second at most.
      const now = Date.now();
      if (req.onProgress && now - lastProgress >= 200) {
        lastProgress = now;
        req.onProgress(rs.bytesRead, archiveSize);
      }
    });
    const finish = (err?: unknown): void => {
      if (finished) return;
      finished = true;
      if (err !== undefined) {
        rs.destroy();
        if (err instanceof RestartWithoutPrefix || (err instanceof Error && err.name === 'ModelsignError')) {
          rejectP(err);
          return;
        }
        const msg = err instanceof Error ? err.message : String(err);
        problems.push({ code: 'ARCHIVE_MALFORMED', message: `cannot read archive: ${msg.replace(/^TAR_[A-Z_]+: /, '')}` });
      }
      req.onProgress?.(archiveSize, archiveSize);
      resolveSymlinks();
      files.sort((a, b) => compareCodePoints(a.name, b.name));
      resolve({ listing: { root, isFile: false, files, problems }, hashed });
    };
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry) => {
        if (finished) {
          entry.resume();
          return;
        }
        try {
          onEntry(entry);
        } catch (e) {
          entry.resume();
          finish(e);
        }
      },
    });
    // Entry types tar skips on its own (sparse files, ACLs, tape headers...) are not silently dropped.
    parser.on('ignoredEntry', (entry: ReadEntry) => {
      if (!entry.meta) hostile('UNSUPPORTED_ENTRY', entry.path, `unsupported tar entry type ${entry.type}`);
      else hostile('ARCHIVE_MALFORMED', entry.path, 'oversized extended header');
    });
    parser.on('error', (e: unknown) => finish(e));
    parser.on('end', () => finish());
    rs.on('error', (e) => {
      if (finished) return;
      finished = true;
      rejectP(modelPathError(file, e, 'archive'));
    });
    rs.pipe(parser as unknown as NodeJS.WritableStream);
  });
}

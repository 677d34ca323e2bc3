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
 * names that are not valid UTF-8, links that leave the model, links to directories, entries
 * whose path goes through a link (or a file), devices, FIFOs, duplicate names, unknown or
 * sparse entry types and malformed headers are problems that fail verification (with no
 * `path`, so even --ignore-unsigned-files cannot skip them: whoever extracts the archive
 * later would be hurt by them). The link structure is judged for every entry, ignored or
 * not, once the whole archive is read (a link may come before or after the entries it
 * redirects), and symlink targets are resolved through the archive's own entries, component
 * by component, as the kernel would resolve them after extraction - never lexically.
 * Names are read as GNU tar and Python read them: a pax name is never cut between two reads
 * (TarFeed), and headers the parser would ignore but they obey (a global pax path,
 * GNU.sparse.name) are refused. Memory is bounded: bytes are hashed as they stream and only
 * names, sizes and digests are kept; gzip bombs are cut off by a decompression-ratio limit.
 */
import type { Code } from '../codes.js';
import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
// The tar package is loaded only when an archive is read (it costs ~20 ms at start-up).
import type { ReadEntry } from 'tar';
import { usage, type Failure } from '../errors.js';
import { modelPathError } from './model-path.js';
import { createHasher, prepareAlgorithm, type Hasher } from './algorithms.js';
import type { ModelFile } from '../source/walk.js';
import { compareCodePoints, isIgnored, unsafeNameReason } from './paths.js';
import type { HashOutcome } from './read.js';
import { rangeKey, type ModelSource, type SourceRequest, type SourceResult } from './source.js';

const ARCHIVE_RE = /\.(tar|tar\.gz|tgz)$/i;
const DEFAULT_MAX_ENTRIES = 1_000_000;
/** A gzip stream that inflates more than this many times its size is a bomb. */
const MAX_DECOMPRESSION_RATIO = 1000;
const MAX_LINK_HOPS = 40;
/** Longest symlink target accepted (Linux refuses longer ones: PATH_MAX). */
const MAX_LINK_TARGET = 4096;
/**
 * Characters of path looked up while resolving symlink targets, for the whole archive. Real
 * archives use a few hundred; a hostile one (a million deep targets) is refused, not walked.
 */
const LINK_WORK_BUDGET = 64 * 1024 * 1024;
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

type EntryKind = ReturnType<typeof entryKind>;

/** Where a symlink leads once extracted, resolved through the archive's own entries. */
type LinkOutcome =
  | { kind: 'file'; target: string }
  | { kind: 'dir' }
  | { kind: 'outside' }
  /** ".." out of a component that is not a folder of the archive (a file, or missing). */
  | { kind: 'climb'; from: string }
  /** A component before the last is itself a symlink. */
  | { kind: 'through'; via: string }
  | { kind: 'broken' }
  | { kind: 'loop' }
  | { kind: 'budget' };

/** Why a symlink target is refused outright, before any resolution. */
function linkTargetProblem(lp: string): { code: Code; message: string } | undefined {
  const q = JSON.stringify(lp);
  if (lp === '') return { code: 'UNSAFE_NAME', message: 'symlink with an empty target' };
  if (lp.startsWith('/')) return { code: 'SYMLINK_OUTSIDE', message: `symlink to ${q} points outside the model` };
  if (lp.length > MAX_LINK_TARGET) return { code: 'UNSAFE_NAME', message: `symlink target longer than ${MAX_LINK_TARGET} characters` };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(lp)) return { code: 'UNSAFE_NAME', message: `control character in symlink target ${q}` };
  if (lp.includes('\ufffd')) return { code: 'UNSAFE_NAME', message: `symlink target ${q} is not valid UTF-8` };
  return undefined;
}

/**
 * The signed ranges of an entry that can be hashed in one pass: inside the entry, sorted,
 * and not overlapping (an overlapping range is left out, so it reads as changed). Whatever
 * the caller asks, an entry's bytes are hashed at most once.
 */
function disjointRanges(ranges: Array<[number, number]>, size: number): Array<[number, number]> {
  const ok = ranges.filter(([s, e]) => Number.isSafeInteger(s) && Number.isSafeInteger(e) && s >= 0 && e >= s && e <= size);
  ok.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  let end = 0;
  for (const r of ok) {
    const prev = out[out.length - 1];
    if (r[0] === r[1]) {
      // An empty range needs no bytes; keep one per position.
      if (!prev || prev[0] !== r[0] || prev[1] !== r[1]) out.push(r);
      continue;
    }
    if (r[0] < end) continue;
    out.push(r);
    end = r[1];
  }
  return out;
}

/** How many bytes at the end of B begin a UTF-8 sequence that B does not complete (0 to 3). */
function incompleteUtf8Tail(b: Buffer): number {
  const n = b.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const c = b[n - k]!;
    if ((c & 0xc0) === 0x80) continue; // a continuation byte: the lead is further back
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

/**
 * What the tar parser reads: the archive's bytes (inflated here when gzipped), cut only
 * between whole UTF-8 characters. The parser decodes an extended header (pax, GNU long name)
 * one write at a time, so a character split between two writes became U+FFFD and the pax
 * record holding it was silently dropped - the entry then kept its plain header name, while
 * GNU tar and Python read the pax name whole (and wrote the entry over a signed file). Each
 * write now ends before an incomplete UTF-8 sequence (at most 3 bytes wait for the next).
 * The parser is never left to inflate anything itself, for the same reason. (Exported for
 * test/unit/archive-feed.test.ts.)
 */
export class TarFeed extends Transform {
  private carry: Buffer | undefined;
  private inflated = 0;
  private first = true;

  constructor(private readonly compressedBytes: (() => number) | undefined) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    if (this.compressedBytes) {
      this.inflated += chunk.length;
      const ratio = this.inflated / Math.max(1, this.compressedBytes());
      if (ratio > MAX_DECOMPRESSION_RATIO) {
        cb(new Error(`max decompression ratio exceeded: ${ratio.toFixed(2)} > ${MAX_DECOMPRESSION_RATIO}`));
        return;
      }
    }
    let b = chunk;
    if (this.first) {
      b = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
      this.carry = undefined;
      if (b.length < 4) {
        this.carry = b;
        cb();
        return;
      }
      this.first = false;
      // The parser would inflate a gzip or zstd stream inside the archive (a second layer).
      if ((b[0] === 0x1f && b[1] === 0x8b) || b.readUInt32BE(0) === 0x28b52ffd) {
        cb(new Error(this.compressedBytes ? 'a compressed stream inside the gzip stream' : 'not a tar or gzip stream'));
        return;
      }
    } else if (this.carry) {
      // Complete the held-back character with the continuation bytes this chunk starts with
      // (a small write of its own: no copy of the whole chunk).
      let k = 0;
      while (k < 3 && k < chunk.length && (chunk[k]! & 0xc0) === 0x80) k++;
      const head = Buffer.concat([this.carry, chunk.subarray(0, k)]);
      this.carry = undefined;
      b = chunk.subarray(k);
      if (b.length === 0 && incompleteUtf8Tail(head) > 0) {
        this.carry = head;
        cb();
        return;
      }
      this.push(head);
    }
    const tail = incompleteUtf8Tail(b);
    if (tail > 0) {
      this.carry = Buffer.from(b.subarray(b.length - tail));
      b = b.subarray(0, b.length - tail);
    }
    if (b.length > 0) this.push(b);
    cb();
  }

  override _flush(cb: TransformCallback): void {
    if (this.carry) this.push(this.carry);
    cb();
  }
}

/** Set on a parsed header whose name prefix the parser ignored (see notePrefixes). */
const IGNORED_PREFIX = Symbol('modelsign.ignoredPrefix');
let prefixesNoted = false;

/**
 * The parser reads the ustar name prefix (bytes 345-499) only under the POSIX magic; Python's
 * tarfile prepends it whatever the magic (GNU "ustar  ", V7). A header with another magic and
 * a prefix therefore names one file here and another when Python extracts it. The header
 * decoder is wrapped once to mark such headers; the entry check refuses them.
 */
function notePrefixes(Header: { prototype: object }): void {
  if (prefixesNoted) return;
  prefixesNoted = true;
  const proto = Header.prototype as { decode: (buf: Buffer, off?: number, ...rest: unknown[]) => void };
  const decode = proto.decode;
  proto.decode = function (this: Record<symbol, boolean>, buf: Buffer, off = 0, ...rest: unknown[]) {
    decode.call(this, buf, off, ...rest);
    if (buf.length >= off + 512 && buf[off + 345] !== 0 && buf.toString('latin1', off + 257, off + 265) !== 'ustar\u000000') this[IGNORED_PREFIX] = true;
  };
}

/** pax keys that rename or resize an entry: a reader that misses one extracts other bytes or names. */
const PAX_NAMING_KEYS = ['path', 'linkpath', 'size'];
const PAX_NAMING_LINE = new RegExp(`^\\d+ (?:${PAX_NAMING_KEYS.join('|')})=`);

/**
 * Why an extended header's records would be read differently by GNU tar and Python (which
 * cut records by their length field) than by the tar parser here (which splits on newlines
 * and drops a record whose length does not match its line), or undefined when they agree on
 * every naming record. E.g. "14 path=w.binX" (no newline): Python names the next entry
 * w.bin, the parser here drops the record. GNU long names (not records) are not checked.
 */
export function paxRecordProblem(meta: string): string | undefined {
  // Bytes that were not UTF-8 read as U+FFFD, and lengths no longer hold past them: the
  // naming records must come before any such byte (writers put path first; a binary xattr
  // after it is fine).
  const fffd = meta.indexOf('\ufffd');
  if (fffd >= 0 && meta.slice(fffd).split('\n').some((l, i) => i > 0 && PAX_NAMING_LINE.test(l))) return 'a naming record follows bytes that are not UTF-8';
  const b = Buffer.from(fffd >= 0 ? meta.slice(0, meta.lastIndexOf('\n', fffd) + 1) : meta, 'utf8');
  const strict = new Map<string, string>();
  for (let pos = 0; pos < b.length; ) {
    if (b[pos] === 0) break; // NUL padding ends the records for every reader
    const sp = b.indexOf(0x20, pos);
    const lenText = sp < 0 ? '' : b.toString('latin1', pos, sp);
    if (!/^\d{1,12}$/.test(lenText)) return 'a record without a length';
    const end = pos + Number(lenText);
    if (end <= sp + 1 || end > b.length) return 'a record length past the header';
    if (b[end - 1] !== 0x0a) return 'a record that does not end with a newline';
    const rec = b.subarray(sp + 1, end - 1);
    const eq = rec.indexOf(0x3d);
    if (eq <= 0) return 'a record without a key';
    strict.set(rec.toString('utf8', 0, eq), rec.toString('utf8', eq + 1));
    pos = end;
  }
  // The parser's reading: line by line, a record kept only when its length matches.
  const loose = new Map<string, string>();
  for (const line of meta.replace(/\n$/, '').split('\n')) {
    const n = parseInt(line, 10);
    if (n !== Buffer.byteLength(line) + 1) continue;
    const kv = line.slice(`${n} `.length);
    const eq = kv.indexOf('=');
    if (eq > 0) loose.set(kv.slice(0, eq), kv.slice(eq + 1));
  }
  for (const k of PAX_NAMING_KEYS) {
    if (strict.get(k) !== loose.get(k)) return `its "${k}" record is read differently by other tar readers`;
  }
  return undefined;
}

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

/** Where one pass reads the archive: a local file, or a stream (an OCI layer being downloaded). */
interface ArchiveInput {
  /** The archive as listings name it. */
  root: string;
  /** Its size as stored (progress), when known. */
  size: number;
  open(): Promise<{ stream: NodeJS.ReadableStream; gzipped: boolean }>;
  /** What a failing read of the input becomes. */
  readError(e: unknown): Error;
  /** An archive of a signed directory carries its model.sig at the root: left out. */
  embeddedSignature: boolean;
}

function fileInput(file: string): ArchiveInput {
  const root = path.resolve(file);
  return {
    root,
    size: 0,
    embeddedSignature: true,
    readError: (e) => modelPathError(file, e, 'archive'),
    async open() {
      const { fh, size } = await openArchive(root);
      this.size = size;
      // gzip is told by its first two bytes (as tar does), whatever the file is called.
      const magic = Buffer.alloc(2);
      const { bytesRead: got } = await fh.read(magic, 0, 2, 0);
      // Large reads: the parser slices entries out of them without copying.
      return { stream: fh.createReadStream({ highWaterMark: 1024 * 1024 }), gzipped: got === 2 && magic[0] === 0x1f && magic[1] === 0x8b };
    },
  };
}

export async function scanArchive(file: string, req: SourceRequest, opts: { maxEntries?: number } = {}): Promise<SourceResult> {
  await prepareAlgorithm(req.alg);
  const maxEntries = opts.maxEntries ?? DEFAULT_MAX_ENTRIES;
  try {
    return await scanPass(fileInput(file), req, { mode: 'auto' }, maxEntries);
  } catch (e) {
    // The first entries suggested a single top-level folder; a later one was outside it.
    if (e instanceof RestartWithoutPrefix) {
      req.onRestart?.();
      return scanPass(fileInput(file), req, { mode: 'none' }, maxEntries);
    }
    throw e;
  }
}

/**
 * A tar stream read once, as an archive file is (the same entry rules), with its names kept
 * whole: an OCI layer's entries are extracted where they are named, so no top-level folder
 * is taken for the model root and no model.sig is left out.
 */
export async function scanArchiveStream(stream: NodeJS.ReadableStream, opts: { label: string; size: number; gzipped: boolean; readError(e: unknown): Error }, req: SourceRequest): Promise<SourceResult> {
  await prepareAlgorithm(req.alg);
  const input: ArchiveInput = { root: opts.label, size: opts.size, embeddedSignature: false, readError: (e) => opts.readError(e), open: () => Promise.resolve({ stream, gzipped: opts.gzipped }) };
  return scanPass(input, req, { mode: 'none' }, DEFAULT_MAX_ENTRIES);
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

async function scanPass(input: ArchiveInput, req: SourceRequest, initial: Prefix, maxEntries: number): Promise<SourceResult> {
  const root = input.root;
  const { stream: rs, gzipped } = await input.open();
  const archiveSize = input.size;
  const ignorePaths = input.embeddedSignature ? [...req.ignorePaths, EMBEDDED_SIGNATURE] : req.ignorePaths;
  const problems: Failure[] = [];
  const files: ModelFile[] = [];
  const hashed = new Map<string, HashOutcome>();
  const regular = new Map<string, RegularEntry>();
  /** Every entry the archive holds (model names), ignored or not, and what it is. */
  const kinds = new Map<string, EntryKind>();
  /** Every symlink (ignored or not): its raw target, resolved once the archive is read. */
  const links = new Map<string, { target: string; ignored: boolean }>();
  let prefix: Prefix = initial;
  let entries = 0;

  const hostile = (code: Code, raw: string, message: string) => problems.push({ code, message: `archive entry ${JSON.stringify(raw)}: ${message}` });
  let globalNamed = false;

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
    const ranges = disjointRanges(req.ranges(name, size), size);
    const sink = req.sink?.open(name, size);
    // One hasher at a time: ranges are disjoint and sorted, so each byte is hashed once.
    const digests: string[] = [];
    let hasher: Hasher | undefined;
    let cur = 0;
    let pos = 0;
    const finishEmpty = (): void => {
      while (cur < ranges.length && ranges[cur]![0] === ranges[cur]![1] && ranges[cur]![0] <= pos) digests[cur++] = createHasher(req.alg).digestHex();
    };
    entry.on('data', (chunk: Buffer) => {
      sink?.write(chunk);
      const cEnd = pos + chunk.length;
      for (;;) {
        finishEmpty();
        if (cur >= ranges.length || ranges[cur]![0] >= cEnd) break;
        const [s, e] = ranges[cur]!;
        hasher ??= createHasher(req.alg);
        const from = Math.max(s, pos);
        const to = Math.min(e, cEnd);
        if (to > from) hasher.update(chunk.subarray(from - pos, to - pos));
        if (e > cEnd) break;
        digests[cur++] = hasher.digestHex();
        hasher = undefined;
      }
      pos = cEnd;
    });
    entry.on('end', () => {
      finishEmpty();
      sink?.end(pos === size);
      if (pos !== size || cur !== ranges.length) {
        hostile('ARCHIVE_MALFORMED', entry.path, `entry holds ${pos} bytes but its header says ${size}`);
      } else {
        ranges.forEach(([s, e], i) => hashed.set(rangeKey(name, s, e), { ok: true, digest: digests[i]! }));
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
    // The parser ignores path and linkpath in a global pax header; GNU tar and Python give
    // that name to every entry after it.
    const gex = entry.globalExtended;
    if (gex && (gex.path !== undefined || gex.linkpath !== undefined) && !globalNamed) {
      globalNamed = true;
      hostile('ARCHIVE_MALFORMED', raw, `a global extended header sets its ${gex.path !== undefined ? 'path' : 'link target'} (other tar readers rename it)`);
    }
    // (Python does not prefix GNU long names, long links or sparse maps: the first two never
    // reach here, sparse entries are refused as unsupported.)
    if ((entry.header as unknown as Record<symbol, boolean>)[IGNORED_PREFIX]) {
      hostile('ARCHIVE_MALFORMED', raw, 'its header has a name prefix outside the POSIX ustar format, which other tar readers (Python) put in front of the name');
    }
    const cleaned = cleanName(raw, kind === 'dir');
    decidePrefix(raw, cleaned, kind);
    // Undecodable bytes read as U+FFFD: such a name is not the one an extractor writes.
    const why = cleaned === '' ? undefined : (unsafeNameReason(cleaned) ?? (cleaned.includes('\ufffd') ? 'not valid UTF-8' : undefined));
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
    if (kinds.has(name)) {
      hostile('DUPLICATE_NAME', raw, 'name appears twice in the archive');
      entry.resume();
      return;
    }
    kinds.set(name, kind);
    const ignored = isIgnored(name, ignorePaths) && !(req.signedPaths?.has(name) ?? false);
    switch (kind) {
      case 'dir':
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
        const bad = linkTargetProblem(lp);
        if (bad) {
          hostile(bad.code, raw, bad.message);
          return;
        }
        // Judged (ignored or not) once every entry is known: judgeLinks.
        links.set(name, { target: lp, ignored });
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
    if (unsafeNameReason(cleaned) || cleaned.includes('\ufffd')) return undefined;
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

  /**
   * The archive's link structure, for every entry, ignored or not, whatever the order of
   * the entries: no entry may lie under a symlink or a file (an extractor would write it
   * through the link - over a signed file - or fail), and every symlink is resolved through
   * the archive's own entries as the kernel would after extraction (judgeLinks).
   */
  const judgeStructure = (): void => {
    // Sorted names: the entries under "X/" are one run of them, found by binary search.
    let sorted: string[] | undefined;
    const firstUnder = (dir: string): string | undefined => {
      sorted ??= [...kinds.keys()].sort();
      const key = `${dir}/`;
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid]! < key) lo = mid + 1;
        else hi = mid;
      }
      return lo < sorted.length && sorted[lo]!.startsWith(key) ? sorted[lo] : undefined;
    };
    for (const [name, kind] of kinds) {
      if (kind === 'dir') continue;
      const under = firstUnder(name);
      if (under === undefined) continue;
      if (kind === 'symlink') hostile('SYMLINK_REFUSED', under, `its path goes through the symlink ${JSON.stringify(name)}`);
      else hostile('DUPLICATE_NAME', under, `its path goes through ${JSON.stringify(name)}, which is not a folder`);
    }
    if (links.size > 0) judgeLinks(firstUnder);
  };

  const judgeLinks = (firstUnder: (dir: string) => string | undefined): void => {
    let work = 0;
    const memo = new Map<string, LinkOutcome>();
    const visiting = new Set<string>();
    /** A folder of the archive: a directory entry, or the parent of an entry. */
    const isDir = (p: string): boolean => {
      const k = kinds.get(p);
      if (k !== undefined) return k === 'dir';
      work += p.length;
      return firstUnder(p) !== undefined;
    };
    const resolve = (name: string, depth: number): LinkOutcome => {
      const done = memo.get(name);
      if (done) return done;
      if (visiting.has(name) || depth > MAX_LINK_HOPS) return { kind: 'loop' };
      visiting.add(name);
      const out = walk(name, links.get(name)!.target, depth);
      visiting.delete(name);
      memo.set(name, out);
      return out;
    };
    /** Resolve TARGET from the folder holding NAME, one component at a time. */
    const walk = (name: string, target: string, depth: number): LinkOutcome => {
      // The folders holding the link are real folders (judgeStructure refuses any other case).
      const stack: string[] = [];
      const known: boolean[] = [];
      for (let i = name.indexOf('/'); i !== -1; i = name.indexOf('/', i + 1)) {
        stack.push(name.slice(0, i));
        known.push(true);
      }
      const raw = target.split('/');
      // A trailing "/" or "/." asks for a folder.
      const wantDir = raw.length > 1 && (raw[raw.length - 1] === '' || raw[raw.length - 1] === '.');
      const segs = raw.filter((x) => x !== '' && x !== '.');
      work += stack.length + segs.length;
      for (let i = 0; i < segs.length; i++) {
        const seg = segs[i]!;
        const last = i === segs.length - 1;
        if (seg === '..') {
          if (stack.length === 0) return { kind: 'outside' };
          const top = stack[stack.length - 1]!;
          if (!known[known.length - 1] && !isDir(top)) return { kind: 'climb', from: top };
          stack.pop();
          known.pop();
          continue;
        }
        const p = stack.length === 0 ? seg : `${stack[stack.length - 1]!}/${seg}`;
        work += p.length;
        if (work > LINK_WORK_BUDGET) return { kind: 'budget' };
        const k = kinds.get(p);
        if (k === 'symlink') {
          if (!last) return { kind: 'through', via: p };
          const r = resolve(p, depth + 1);
          return r.kind === 'file' && wantDir ? { kind: 'broken' } : r;
        }
        if (last) {
          if (k === 'file' || k === 'hardlink') return wantDir ? { kind: 'broken' } : { kind: 'file', target: p };
          return k === 'dir' || (k === undefined && isDir(p)) ? { kind: 'dir' } : { kind: 'broken' };
        }
        // A file or a missing name: the kernel stops here (the link is broken), and a later
        // ".." out of it must not be read lexically.
        stack.push(p);
        known.push(k === 'dir');
      }
      // No component left (".", "sub/..", "a/b/../.."): the link names a folder.
      return { kind: 'dir' };
    };

    for (const [name, link] of links) {
      const r = resolve(name, 0);
      const q = JSON.stringify(link.target);
      switch (r.kind) {
        case 'budget':
          hostile('UNSUPPORTED_ENTRY', name, `the archive's symlinks are too many or too deep to check (over ${LINK_WORK_BUDGET} characters of path)`);
          return;
        case 'outside':
          hostile('SYMLINK_OUTSIDE', name, `symlink to ${q} points outside the model`);
          continue;
        case 'climb':
          hostile('SYMLINK_OUTSIDE', name, `symlink to ${q} climbs out of ${JSON.stringify(r.from)}, which is not a folder of the archive`);
          continue;
        case 'through':
          hostile('SYMLINK_REFUSED', name, `symlink to ${q} goes through the symlink ${JSON.stringify(r.via)}`);
          continue;
        case 'dir':
          hostile('SYMLINK_REFUSED', name, `symlink to ${q}: symlinks to directories are not supported inside archives`);
          continue;
        default:
      }
      // A broken or looping link, or a link to a file, under an ignored path harms no one.
      if (link.ignored) continue;
      if (!req.allowSymlinks) {
        problems.push({ code: 'SYMLINK_REFUSED', path: name, message: 'symlinks are not allowed (use --allow-symlinks for links inside the model)' });
        continue;
      }
      if (r.kind === 'loop') {
        problems.push({ code: 'SYMLINK_LOOP', path: name, message: 'symlink chain loops or is too long' });
        continue;
      }
      const t = r.kind === 'file' ? regular.get(r.target) : undefined;
      if (r.kind !== 'file' || !t) {
        problems.push({ code: 'SYMLINK_BROKEN', path: name, message: 'symlink target does not exist in the archive' });
      } else if (!t.hashed) {
        problems.push({ code: 'SYMLINK_REFUSED', path: name, message: 'symlink to an ignored file' });
      } else {
        copyHashed(r.target, name, t.size);
        files.push({ name, abs: root, size: t.size, viaLink: true });
      }
    }
  };

  const { Header, Parser } = await import('tar');
  notePrefixes(Header);
  return new Promise<SourceResult>((resolve, rejectP) => {
    let finished = false;
    let lastProgress = 0;
    let bytesIn = 0;
    rs.on('data', (chunk: Buffer) => {
      bytesIn += chunk.length;
      // Progress in archive bytes read (compressed for .tar.gz), a few times a second at most.
      const now = Date.now();
      if (req.onProgress && now - lastProgress >= 200) {
        lastProgress = now;
        req.onProgress(bytesIn, archiveSize);
      }
    });
    const finish = (err?: unknown): void => {
      if (finished) return;
      finished = true;
      if (err !== undefined) {
        (rs as NodeJS.ReadableStream & { destroy(): void }).destroy();
        if (err instanceof RestartWithoutPrefix || (err instanceof Error && err.name === 'ModelsignError')) {
          rejectP(err);
          return;
        }
        const msg = err instanceof Error ? err.message : typeof err === 'string' ? err : 'unreadable data';
        problems.push({ code: 'ARCHIVE_MALFORMED', message: `cannot read archive: ${msg.replace(/^TAR_[A-Z_]+: /, '')}` });
      }
      req.onProgress?.(archiveSize, archiveSize);
      judgeStructure();
      files.sort((a, b) => compareCodePoints(a.name, b.name));
      resolve({ listing: { root, isFile: false, files, problems }, hashed });
    };
    const parser = new Parser({
      strict: true,
      // Never inflate: TarFeed hands over plain tar (cut between whole characters).
      zstd: false,
      brotli: false,
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
    // Which kind of extended header the next 'meta' event carries: the parser's event gives
    // only the text, so its (private) emit step is wrapped to note the header type. Without
    // it (another tar version), text that starts like a record is read as pax records.
    let metaType: string | undefined;
    const emitMeta = Object.getOwnPropertySymbols(Object.getPrototypeOf(parser)).find((sym) => sym.description === 'emitMeta');
    if (emitMeta) {
      const p = parser as unknown as Record<symbol, (entry: ReadEntry) => void>;
      const original = p[emitMeta]!;
      p[emitMeta] = function (this: unknown, entry: ReadEntry) {
        metaType = entry.type;
        original.call(this, entry);
      };
    }
    // Extended headers as read (pax records, GNU long names), before the parser applies them.
    parser.on('meta', (meta: string) => {
      // A pax name with bytes that are not UTF-8 reads as U+FFFD, and the parser drops the
      // record when that changes its length: GNU tar and Python still use it. (A GNU long
      // name keeps the U+FFFD, so the entry's name is refused; other records, such as binary
      // xattrs, name nothing.)
      if (meta.includes('\ufffd') && /(?:^|\n)\d+ (?:path|linkpath)=[^\n]*\ufffd/.test(meta)) {
        problems.push({ code: 'UNSAFE_NAME', message: 'archive pax header names a path with bytes that are not valid UTF-8' });
      }
      const isPax = metaType === undefined ? /^\d+ /.test(meta) : metaType === 'ExtendedHeader' || metaType === 'GlobalExtendedHeader' || metaType === 'OldExtendedHeader';
      const pax = isPax ? paxRecordProblem(meta) : undefined;
      if (pax) problems.push({ code: 'ARCHIVE_MALFORMED', message: `archive extended header: ${pax}` });
      // GNU tar and Python take GNU.sparse.name as the entry's name; the parser ignores it.
      if (/(?:^|\n)\d+ GNU\.sparse\./.test(meta)) {
        problems.push({ code: 'UNSUPPORTED_ENTRY', message: 'archive extended header describes a GNU sparse file (GNU.sparse.*), which other tar readers rename' });
      }
    });
    parser.on('error', (e: unknown) => finish(e));
    parser.on('end', () => finish());
    const onReadError = (e: unknown): void => {
      if (finished) return;
      finished = true;
      rejectP(input.readError(e));
    };
    rs.on('error', onReadError);
    // A stream handed in may have failed already (a download checked at its end, before this read began).
    const early = (rs as { errored?: unknown }).errored;
    if (early) onReadError(early);
    // The ratio is taken against the compressed bytes inflated so far (not read ahead).
    const gunzip = gzipped ? createGunzip() : undefined;
    const feed = new TarFeed(gunzip ? () => gunzip.bytesWritten : undefined);
    feed.on('error', (e) => finish(e));
    if (gunzip) {
      gunzip.on('error', (e) => finish(e));
      rs.pipe(gunzip).pipe(feed);
    } else {
      rs.pipe(feed);
    }
    feed.pipe(parser);
  });
}

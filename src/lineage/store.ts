/**
 * The lineage store: a plain directory of signature bundles. `modelsign sign --record` and
 * `modelsign lineage add` file each bundle as
 *
 *     <name>@<version>.<64-hex root digest>.sig
 *
 * Finding an ancestor takes two steps:
 *   1. by name (the fast path): files whose name ends in `<64 hex>.sig` (optionally
 *      `<64 hex>.<hex>.sig`) are read for that root digest, and nothing else is read;
 *   2. by content, when no file named for the digest holds the bundle the child recorded:
 *      every other file in the folder is read once, parsed as a bundle, and indexed by the
 *      root digest its statement signs. So `--signature sigs/base.sig` files count too.
 * Only the top folder is listed (sub-folders are not searched). A symlink is followed when
 * its real path stays inside the store's real path (a Kubernetes ConfigMap mount links
 * `base.sig -> ..data/base.sig`); a link out of the store, a broken link or a loop is
 * skipped. FIFOs, sockets and devices are never opened. Everything skipped is remembered
 * with its reason, for the note the caller shows and for the message of a missing ancestor.
 * Nothing read is trusted: the caller verifies every bundle.
 */
import type { Dirent } from 'node:fs';
import { createHash } from 'node:crypto';
import { lstat, opendir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Code } from '../codes.js';
import { ModelsignError, errnoCode, reject, usage } from '../errors.js';
import { rootDigest as computeRootDigest } from '../hashing/serialize.js';
import { MAX_BUNDLE_BYTES, parseBundle } from '../oms/bundle.js';
import { parseStatement } from '../oms/statement.js';
import type { Notice } from '../verify/types.js';
import { checkWritable, makeDirs, writeAtomic } from '../util/write-atomic.js';
import { errnoWords } from '../util/errno.js';
import { clean } from '../util/one-line.js';
import { bareHex } from './metadata.js';
import { FileTooLarge, NotRegularFile, readRegularFile } from '../util/read-file.js';

/** Directory entries looked at; a store with more is refused rather than slowly scanned. */
const MAX_STORE_ENTRIES = 100_000;
/** Bundles kept per root digest (re-signatures of the same bytes). */
const MAX_CANDIDATES = 16;
/** Bytes read from one store in one walk, over all bundles found for ancestors. */
const MAX_STORE_READ_BYTES = 256 * 1024 * 1024;
/** Files read to index the store by content; the rest are skipped (and the store is said to be too large). */
const MAX_INDEX_FILES = 10_000;
/** Bytes read to index the store by content, over all files. */
const MAX_INDEX_BYTES = 128 * 1024 * 1024;
/**
 * Time spent indexing the store by content: files not reached by then are skipped (and the
 * store is said to be too large). 10,000 small bundles on local disk take about a second; a
 * store on a slow network mount stops here rather than holding the verify.
 */
const MAX_INDEX_MS = 30_000;
/** A file larger than this is not read (the size limit of any signature bundle). */
const MAX_STORE_FILE_BYTES = MAX_BUNDLE_BYTES;
/** Skipped files named in a note or a message; the rest are counted. */
const MAX_LISTED = 10;

const ENTRY_RE = /(?:^|[^0-9a-f])([0-9a-f]{64})(?:\.[0-9a-f]{1,64})?\.sig$/;

export interface StoredBundle {
  file: string;
  bytes: Buffer;
  /** "sha256:<hex>" of the file's bytes. */
  bundleDigest: string;
}

/** A store entry that was not used, and why (in words: "a link that points outside the store"). */
interface SkippedEntry {
  name: string;
  reason: string;
}

export function bundleDigestOf(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

interface Entry {
  name: string;
  /** A symlink is resolved (and kept inside the store) before it is read. */
  link: boolean;
}

/** What reading one entry gave: its bytes and real path, or why it was skipped. */
type Loaded = { bytes: Buffer; real: string } | { skip: string; directory?: boolean; tooLarge?: boolean };

function mib(n: number): string {
  return `${n / (1024 * 1024)} MiB`;
}

/** "sha256:<hex>" of the model a bundle signs, or why the bytes are not a model signature. */
function signedRootDigest(bytes: Buffer): { digest: string } | { skip: string } {
  try {
    const st = parseStatement(parseBundle(bytes).payload);
    return { digest: st.rootDigest ?? computeRootDigest(st.resources) };
  } catch (e) {
    if (e instanceof ModelsignError) return { skip: `not a signature bundle: ${clean(e.message.replace(/^signature bundle is (?:malformed: )?/, '')).slice(0, 120)}` };
    throw e;
  }
}

export class LineageStore {
  readonly dir: string;
  private readonly realRoot: string;
  private entries: Entry[] | undefined;
  private byName: Map<string, string[]> | undefined;
  private byContent: Map<string, string[]> | undefined;
  private readonly skipped = new Map<string, string>();
  /** Files read for the content index, and the bundles among them. */
  private indexed = 0;
  private bundles = 0;
  private indexTruncated = false;
  private bytesRead = 0;

  constructor(
    dir: string,
    realRoot: string = dir,
    private readonly indexMs: number = MAX_INDEX_MS,
  ) {
    this.dir = dir;
    this.realRoot = realRoot;
  }

  /** The same store, read afresh: nothing listed, indexed, skipped or counted yet (one per walk). */
  reopen(): LineageStore {
    return new LineageStore(this.dir, this.realRoot, this.indexMs);
  }

  /** The listing, once: regular files and links; special files are skipped here, folders ignored. */
  private async list(): Promise<Entry[]> {
    if (this.entries) return this.entries;
    const entries: Entry[] = [];
    let d;
    try {
      d = await opendir(this.dir);
    } catch (e) {
      throw usage('LINEAGE_STORE_UNREADABLE', `lineage store ${this.dir} cannot be read: ${errnoCode(e) ?? String(e)}`);
    }
    let n = 0;
    try {
      for await (const ent of d as AsyncIterable<Dirent>) {
        if (++n > MAX_STORE_ENTRIES) throw reject('LINEAGE_STORE_TOO_LARGE', `lineage store ${this.dir} has more than ${MAX_STORE_ENTRIES} entries`);
        if (ent.isDirectory()) continue;
        if (ent.isFIFO() || ent.isSocket() || ent.isBlockDevice() || ent.isCharacterDevice()) {
          this.skip(ent.name, 'not a regular file: a FIFO, socket or device is never opened');
          continue;
        }
        // A file system that does not report entry types lets the entry through to load(),
        // which opens with O_NOFOLLOW|O_NONBLOCK and checks fstat.
        entries.push({ name: ent.name, link: ent.isSymbolicLink() });
      }
    } finally {
      await d.close().catch(() => undefined);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.entries = entries;
    return entries;
  }

  private skip(name: string, reason: string): void {
    if (!this.skipped.has(name)) this.skipped.set(name, reason);
  }

  /** Root digest (hex) -> entry names that carry it in their name. */
  private async nameIndex(): Promise<Map<string, string[]>> {
    if (this.byName) return this.byName;
    const idx = new Map<string, string[]>();
    for (const e of await this.list()) {
      const m = ENTRY_RE.exec(e.name);
      if (!m) continue;
      const l = idx.get(m[1]!) ?? [];
      if (l.length < MAX_CANDIDATES) l.push(e.name);
      idx.set(m[1]!, l);
    }
    this.byName = idx;
    return idx;
  }

  /** The real path of a link, if it stays inside the store; otherwise why it is skipped. */
  private async resolveLink(name: string): Promise<{ real: string } | { skip: string }> {
    let real: string;
    try {
      real = await realpath(path.join(this.dir, name));
    } catch (e) {
      const c = errnoCode(e);
      if (c === 'ENOENT' || c === 'ENOTDIR') return { skip: 'a broken link: its target does not exist' };
      if (c === 'ELOOP') return { skip: 'a link that loops' };
      return { skip: `a link that cannot be resolved: ${errnoWords(e)}` };
    }
    const rel = path.relative(this.realRoot, real);
    // "..data/x" is inside (a ConfigMap's own folder); only a first component of ".." is out.
    // A link to the store itself is a folder, found as one when it is opened.
    if (path.isAbsolute(rel) || rel.split(path.sep)[0] === '..') return { skip: 'a link that points outside the store' };
    return { real };
  }

  /** Read one entry (a link through its real path), never more than `maxBytes`. */
  private async load(e: Entry, maxBytes: number): Promise<Loaded> {
    let file = path.join(this.dir, e.name);
    let real = path.join(this.realRoot, e.name);
    if (e.link) {
      const r = await this.resolveLink(e.name);
      if ('skip' in r) return r;
      file = r.real;
      real = r.real;
    }
    try {
      // O_NOFOLLOW: a link swapped in after listing (or after realpath) is not followed.
      return { bytes: await readRegularFile(file, maxBytes, { noFollow: true }), real };
    } catch (err) {
      if (err instanceof NotRegularFile) return err.isDirectory ? { skip: 'a directory', directory: true } : { skip: 'not a regular file' };
      if (err instanceof FileTooLarge) return { skip: `larger than ${mib(MAX_STORE_FILE_BYTES)}`, tooLarge: true };
      const c = errnoCode(err);
      if (c === 'ELOOP') return { skip: 'a link put in place after the store was listed' };
      if (c === 'ENOENT') return { skip: 'removed while the store was read' };
      if (c === 'ENXIO' || c === 'EISDIR') return { skip: 'not a regular file' };
      return { skip: `unreadable: ${errnoWords(err)}` };
    }
  }

  /**
   * Root digest (hex) -> entry names, from the content of every file (built once, on the
   * first digest the names do not answer). Bounded in files and bytes read.
   */
  private async contentIndex(): Promise<Map<string, string[]>> {
    if (this.byContent) return this.byContent;
    const idx = new Map<string, string[]>();
    const seen = new Set<string>();
    let bytes = 0;
    let looked = 0;
    const deadline = Date.now() + this.indexMs;
    const overLimit = `not read: over the content index limit of ${MAX_INDEX_FILES} files, ${mib(MAX_INDEX_BYTES)} or ${this.indexMs / 1000} s`;
    for (const e of await this.list()) {
      if (this.skipped.has(e.name)) continue;
      if (looked++ >= MAX_INDEX_FILES || bytes >= MAX_INDEX_BYTES || Date.now() > deadline) {
        this.indexTruncated = true;
        this.skip(e.name, overLimit);
        continue;
      }
      const budget = Math.min(MAX_STORE_FILE_BYTES, MAX_INDEX_BYTES - bytes);
      const got = await this.load(e, budget);
      if ('skip' in got) {
        if (got.tooLarge && budget < MAX_STORE_FILE_BYTES) {
          this.indexTruncated = true;
          this.skip(e.name, overLimit);
          bytes = MAX_INDEX_BYTES;
        } else if (!got.directory) {
          this.skip(e.name, got.skip);
        }
        continue;
      }
      this.indexed++;
      bytes += got.bytes.length;
      if (seen.has(got.real)) continue; // the same file under a second name (a link to it)
      seen.add(got.real);
      const signed = signedRootDigest(got.bytes);
      if ('skip' in signed) {
        this.skip(e.name, signed.skip);
        continue;
      }
      this.bundles++;
      const hex = bareHex(signed.digest);
      const l = idx.get(hex) ?? [];
      if (l.length < MAX_CANDIDATES) l.push(e.name);
      idx.set(hex, l);
    }
    this.byContent = idx;
    return idx;
  }

  /** Read the named entries as candidates, skipping (and remembering) what cannot be read. */
  private async read(names: readonly string[], out: StoredBundle[], seen: Set<string>): Promise<void> {
    const entries = await this.list();
    for (const name of names) {
      if (out.length >= MAX_CANDIDATES) return;
      const e = entries.find((x) => x.name === name);
      if (!e || this.skipped.has(name)) continue;
      const got = await this.load(e, MAX_STORE_FILE_BYTES);
      if ('skip' in got) {
        // A file named for the digest that is too large is a broken bundle, not a miss.
        if (got.tooLarge) throw reject('LINEAGE_MALFORMED', `${path.join(this.dir, name)} is larger than ${MAX_STORE_FILE_BYTES} bytes`);
        if (!got.directory) this.skip(name, got.skip);
        continue;
      }
      if (seen.has(got.real)) continue;
      seen.add(got.real);
      this.bytesRead += got.bytes.length;
      if (this.bytesRead > MAX_STORE_READ_BYTES) throw reject('LINEAGE_STORE_TOO_LARGE', `lineage store ${this.dir}: more than ${MAX_STORE_READ_BYTES} bytes of bundles read in one walk`);
      out.push({ file: path.join(this.dir, name), bytes: got.bytes, bundleDigest: bundleDigestOf(got.bytes) });
    }
  }

  /**
   * The bundles for this root digest (unverified bytes): the files named for it, and, when
   * none of them is `wanted` (the bundle digest the child recorded) or there are none, the
   * files whose content signs it.
   */
  async find(rootDigest: string, wanted?: string): Promise<StoredBundle[]> {
    const hex = bareHex(rootDigest);
    const out: StoredBundle[] = [];
    const seen = new Set<string>();
    await this.read((await this.nameIndex()).get(hex) ?? [], out, seen);
    if (out.length > 0 && (wanted === undefined || out.some((b) => b.bundleDigest === wanted))) return out;
    await this.read((await this.contentIndex()).get(hex) ?? [], out, seen);
    return out;
  }

  /** Entries skipped so far, in name order. */
  skippedEntries(): SkippedEntry[] {
    return [...this.skipped.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, reason]) => ({ name, reason }));
  }

  /** "a.txt (not a signature bundle ...); b.sig (a link that points outside the store)" and a count of the rest. */
  private skippedText(): string {
    const all = this.skippedEntries();
    const listed = all.slice(0, MAX_LISTED).map((s) => `${clean(s.name)} (${s.reason})`);
    if (all.length > MAX_LISTED) listed.push(`and ${all.length - MAX_LISTED} more`);
    return listed.join('; ');
  }

  /** Why no bundle was found for a root digest: what was looked at, and what was skipped. */
  explainMissing(rootDigest: string): { code: Code; message: string } {
    const n = this.skipped.size;
    const plural = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
    const looked = this.byContent ? `${plural(this.indexed, 'file')} read, ${plural(this.bundles, 'bundle')} indexed by content, none for this digest` : 'looked up by file name only';
    const skipped = n > 0 ? `; ${n} skipped: ${this.skippedText()}` : '';
    const message = `no bundle with root digest ${rootDigest} in lineage store ${this.dir} (${looked}${skipped})`;
    if (this.indexTruncated) {
      return { code: 'LINEAGE_STORE_TOO_LARGE', message: `${message}; the store holds more than modelsign indexes by content: file the bundle under its root digest (modelsign lineage add ${this.dir} SIG)` };
    }
    return { code: 'LINEAGE_MISSING', message };
  }

  /** A note listing the skipped entries, when there are any. */
  notices(): Notice[] {
    const n = this.skipped.size;
    if (n === 0) return [];
    return [{ code: 'LINEAGE_STORE_SKIPPED', message: `lineage store ${this.dir}: skipped ${n} file${n === 1 ? '' : 's'}: ${this.skippedText()}`, count: n }];
  }
}

/** Open a store for reading; the directory must exist. */
export async function openStore(dir: string): Promise<LineageStore> {
  let st;
  try {
    st = await stat(dir);
  } catch (e) {
    throw usage('LINEAGE_STORE_UNREADABLE', `lineage store ${dir} not found (${errnoCode(e) ?? String(e)})`);
  }
  if (!st.isDirectory()) throw usage('LINEAGE_STORE_UNREADABLE', `lineage store ${dir} is not a directory`);
  let real: string;
  try {
    real = await realpath(dir);
  } catch (e) {
    throw usage('LINEAGE_STORE_UNREADABLE', `lineage store ${dir} cannot be resolved: ${errnoWords(e)}`);
  }
  return new LineageStore(dir, real);
}

/** A file-name-safe form of a model name (which may hold "/" and worse). */
export function safeName(name: string): string {
  const s = name.replace(/[^A-Za-z0-9._+-]+/g, '_').replace(/^[._]+/, '').slice(0, 100);
  return s || 'model';
}

/**
 * Check, before signing, that DIR is a directory (or can be created as one) that can be
 * written: a file in its place is refused now, while nothing has been written. Writes nothing.
 */
export async function checkStoreDir(dir: string): Promise<void> {
  await checkWritable(dir, 'dir', 'WRITE_FAILED', `lineage store ${dir}`);
}

/** Create the store directory (and its parents) if missing, with `mode` when given. */
export async function createStoreDir(dir: string, mode?: number): Promise<void> {
  await makeDirs(dir, 'WRITE_FAILED', `lineage store ${dir}`, mode);
}

/**
 * Where --record would file a bundle (a new name never overwrites a different bundle), and
 * whether it is already there; reads only, so it can run before the signature is written.
 */
export async function findRecordSlot(
  dir: string,
  meta: { name: string; version: string; rootDigest: string },
  bytes: Buffer,
  /** Names already chosen for other bytes not yet written (several files filed at once). */
  claimed: ReadonlyMap<string, Buffer> = new Map(),
): Promise<{ file: string; added: boolean }> {
  const hex = bareHex(meta.rootDigest);
  const base = `${safeName(meta.name)}@${safeName(meta.version)}.${hex}`;
  const digest = bundleDigestOf(bytes);
  for (const name of [`${base}.sig`, `${base}.${digest.slice(7, 23)}.sig`]) {
    const file = path.join(dir, name);
    const mine = claimed.get(file);
    if (mine) {
      if (mine.equals(bytes)) return { file, added: false };
      continue;
    }
    let st;
    try {
      st = await lstat(file);
    } catch (e) {
      if (errnoCode(e) !== 'ENOENT') throw usage('WRITE_FAILED', `cannot read ${file}: ${errnoWords(e)}`);
    }
    if (st) {
      // Taken. A symlink or FIFO planted in the store is never read (it could point out of
      // the store or block); an oversized file is not compared.
      if (!st.isFile() || st.size !== bytes.length) continue;
      // Not followed if a link, never blocking on a FIFO; anything unreadable is not these bytes.
      const existing = await readRegularFile(file, MAX_BUNDLE_BYTES, { noFollow: true }).catch(() => undefined);
      if (existing && existing.equals(bytes)) return { file, added: false };
      continue;
    }
    return { file, added: true };
  }
  throw usage('WRITE_FAILED', `lineage store ${dir} already holds different bundles named ${base}.*`);
}

/** File a bundle in the store (created if missing) under a name of its own. */
export async function recordBundle(dir: string, meta: { name: string; version: string; rootDigest: string }, bytes: Buffer): Promise<{ file: string; added: boolean }> {
  await createStoreDir(dir);
  const slot = await findRecordSlot(dir, meta, bytes);
  if (slot.added) await writeAtomic(slot.file, bytes);
  return slot;
}

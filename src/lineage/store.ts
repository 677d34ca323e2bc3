/**
 * The lineage store: a plain directory of signature bundles, found by the root digest in
 * their file name. `modelsign sign --record` files each bundle as
 *
 *     <name>@<version>.<64-hex root digest>.sig
 *
 * and any file whose name ends in `<64 hex>.sig` (optionally `<64 hex>.<hex>.sig`) counts, so
 * a store can be filled by hand. Nothing is trusted from the store: entries are listed by
 * name only, symlinks and special files are skipped (never opened, so a FIFO cannot hang
 * us), sizes and counts are bounded, and every bundle read is verified by the caller.
 */
import type { Dirent } from 'node:fs';
import { createHash } from 'node:crypto';
import { lstat, opendir, stat } from 'node:fs/promises';
import path from 'node:path';
import { errnoCode, reject, usage } from '../errors.js';
import { MAX_BUNDLE_BYTES } from '../oms/bundle.js';
import { checkWritable, makeDirs, writeAtomic } from '../util/write-atomic.js';
import { errnoWords } from '../util/errno.js';
import { bareHex } from './metadata.js';
import { FileTooLarge, NotRegularFile, readRegularFile } from '../util/read-file.js';

/** Directory entries looked at; a store with more is refused rather than slowly scanned. */
export const MAX_STORE_ENTRIES = 100_000;
/** Bundles kept per root digest (re-signatures of the same bytes). */
export const MAX_CANDIDATES = 16;
/** Bytes read from one store in one walk, over all bundles. */
export const MAX_STORE_READ_BYTES = 256 * 1024 * 1024;

const ENTRY_RE = /(?:^|[^0-9a-f])([0-9a-f]{64})(?:\.[0-9a-f]{1,64})?\.sig$/;

export interface StoredBundle {
  file: string;
  bytes: Buffer;
  /** "sha256:<hex>" of the file's bytes. */
  bundleDigest: string;
}

export function bundleDigestOf(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export class LineageStore {
  readonly dir: string;
  private index: Map<string, string[]> | undefined;
  private bytesRead = 0;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** Map root digest (hex) -> candidate file names, built once from the listing. */
  private async buildIndex(): Promise<Map<string, string[]>> {
    if (this.index) return this.index;
    const idx = new Map<string, string[]>();
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
        // Symlinks, FIFOs, sockets, devices and folders are never opened. (A file system
        // that does not report entry types lets the entry through to readStoreFile, which
        // opens with O_NOFOLLOW|O_NONBLOCK and checks fstat.)
        if (ent.isDirectory() || ent.isSymbolicLink() || ent.isFIFO() || ent.isSocket() || ent.isBlockDevice() || ent.isCharacterDevice()) continue;
        const m = ENTRY_RE.exec(ent.name);
        if (!m) continue;
        const list = idx.get(m[1]!) ?? [];
        if (list.length < MAX_CANDIDATES) list.push(ent.name);
        idx.set(m[1]!, list);
      }
    } finally {
      await d.close().catch(() => undefined);
    }
    for (const l of idx.values()) l.sort();
    this.index = idx;
    return idx;
  }

  /** Every bundle filed under this root digest (unverified bytes). */
  async find(rootDigest: string): Promise<StoredBundle[]> {
    const idx = await this.buildIndex();
    const names = idx.get(bareHex(rootDigest)) ?? [];
    const out: StoredBundle[] = [];
    for (const name of names) {
      const file = path.join(this.dir, name);
      const bytes = await readStoreFile(file);
      if (!bytes) continue;
      this.bytesRead += bytes.length;
      if (this.bytesRead > MAX_STORE_READ_BYTES) throw reject('LINEAGE_STORE_TOO_LARGE', `lineage store ${this.dir}: more than ${MAX_STORE_READ_BYTES} bytes of bundles read in one walk`);
      out.push({ file, bytes, bundleDigest: bundleDigestOf(bytes) });
    }
    return out;
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
  return new LineageStore(dir);
}

/**
 * Read one store file without following a symlink or blocking on a FIFO that replaced it
 * after listing; returns undefined for anything that is not a regular file.
 */
async function readStoreFile(file: string): Promise<Buffer | undefined> {
  try {
    return await readRegularFile(file, MAX_BUNDLE_BYTES, { noFollow: true });
  } catch (e) {
    if (e instanceof NotRegularFile) return undefined;
    if (e instanceof FileTooLarge) throw reject('LINEAGE_MALFORMED', `${file} is larger than ${MAX_BUNDLE_BYTES} bytes`);
    const c = errnoCode(e);
    if (c === 'ENOENT' || c === 'ELOOP' || c === 'EISDIR' || c === 'ENXIO') return undefined;
    throw reject('LINEAGE_STORE_UNREADABLE', `cannot read ${file}: ${c ?? String(e)}`);
  }
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

/** Create the store directory (and its parents) if missing. */
export async function createStoreDir(dir: string): Promise<void> {
  await makeDirs(dir, 'WRITE_FAILED', `lineage store ${dir}`);
}

/**
 * Where --record would file a bundle (a new name never overwrites a different bundle), and
 * whether it is already there; reads only, so it can run before the signature is written.
 */
export async function findRecordSlot(dir: string, meta: { name: string; version: string; rootDigest: string }, bytes: Buffer): Promise<{ file: string; added: boolean }> {
  const hex = bareHex(meta.rootDigest);
  const base = `${safeName(meta.name)}@${safeName(meta.version)}.${hex}`;
  const digest = bundleDigestOf(bytes);
  for (const name of [`${base}.sig`, `${base}.${digest.slice(7, 23)}.sig`]) {
    const file = path.join(dir, name);
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
      const existing = await readStoreFile(file).catch(() => undefined);
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

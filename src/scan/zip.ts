/**
 * A small, bounded zip reader: enough to find the members of a PyTorch checkpoint or an .npz
 * and stream them out (stored or deflated). Written here rather than taken from a library
 * because the scanner needs every limit under its own control: entry count, directory size,
 * member size, compression ratio; and because hostile zips play tricks parsers disagree on,
 * which it must report, not resolve.
 *
 * The central directory is read as miniz (torch.load) reads it. Python's zipfile (np.load,
 * zipfile users) and streaming readers, which walk the local headers, differ from it in
 * places, and every such place is an *ambiguity* - what one loader sees is not what another
 * sees - reported for the scanner to refuse:
 *   - more than one end record (an end-of-central-directory signature inside the comment),
 *     zip records hidden in the comment, multi-disk fields;
 *   - a zip64 locator whose record is not where Python looks for it (just before the
 *     locator) or whose values differ from the 32-bit end record's;
 *   - a central directory that does not end where the end record begins (prepended data:
 *     Python shifts every offset by the difference, miniz does not), or holds more entries
 *     than the end record counts (Python reads them all, miniz only the count);
 *   - data before the first member, between members, or overlapping members (a streaming
 *     reader finds other entries there): the members must tile the file up to the directory;
 *   - a local header that disagrees with the directory (name, flags, method, sizes, CRC, or
 *     its data descriptor);
 *   - names listed twice, equal ignoring ASCII case (miniz looks names up case-insensitively),
 *     holding a NUL (Python cuts the name there), or not UTF-8 under the UTF-8 flag;
 *   - flag bits Python refuses (encryption, strong encryption, patch data) but PyTorch's
 *     reader ignores, or that mask header values; and a CRC-32 that does not match the data
 *     (Python refuses the member, PyTorch does not check).
 */
import { isUtf8 } from 'node:buffer';
import type { RandomAccess } from '../source/types.js';
import { crc32, createInflateRaw } from 'node:zlib';
import { Readable } from 'node:stream';
import { ByteSource } from './source.js';
import type { ScanLimits } from './types.js';

export interface ZipEntry {
  name: string;
  method: number;
  /** General purpose bit flags (central directory). */
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the local header. */
  localOffset: number;
  /** Offset of the member data (after the local header). */
  dataOffset: number;
  encrypted: boolean;
}

/** Something wrong with the archive: `ambiguous` when readers would disagree about it. */
export interface ZipProblem {
  ambiguous: boolean;
  message: string;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Structural problems and ambiguities found while reading (reported as findings). */
  problems: ZipProblem[];
}

/** Reads `len` bytes at `pos`, or throws ZipError when the data ends first. */
export type ReadAt = (pos: number, len: number) => Promise<Buffer>;

export class ZipError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CDH = 0x02014b50;
const LFH = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
/** Any zip record signature: none belongs in an archive comment. */
const SIGNATURES = [EOCD, ZIP64_LOCATOR, ZIP64_EOCD, CDH, LFH, DATA_DESCRIPTOR];

/** Flag bits: 0 encrypted, 3 data descriptor, 5 patch data, 6 strong encryption, 11 UTF-8 names, 13 masked local header. */
const FLAG_ENCRYPTED = 0x1;
const FLAG_DESCRIPTOR = 0x8;
const FLAG_UTF8 = 0x800;
/** Bits 1-2 (deflate level hints), 3 and 11 are all a model zip needs; readers act differently on the rest. */
const FLAGS_UNDERSTOOD = 0x2 | 0x4 | FLAG_DESCRIPTOR | FLAG_UTF8;

function big(b: Buffer, at: number): number {
  const v = b.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('zip64 field is impossibly large');
  return Number(v);
}

const show = (name: string) => JSON.stringify(name);

interface EndRecord {
  pos: number;
  count: number;
  cdSize: number;
  cdOffset: number;
  /** Where the central directory must end: the zip64 end record, or the end record itself. */
  cdEnd: number;
}

/** The end record (and zip64 record) as miniz and Python read it, with what makes them disagree. */
async function readEnd(read: ReadAt, size: number, problems: ZipProblem[]): Promise<EndRecord> {
  const ambiguous = (message: string) => problems.push({ ambiguous: true, message });
  const tailLen = Math.min(size, 22 + 0xffff);
  const tail = await read(size - tailLen, tailLen);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) === tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipError('no end-of-central-directory record');
  const pos = size - tailLen + at;
  const comment = tail.subarray(at + 22);
  for (let i = 0; i + 4 <= comment.length; i++) {
    if (comment[i] === 0x50 && comment[i + 1] === 0x4b && SIGNATURES.includes(comment.readUInt32LE(i))) {
      ambiguous(`the archive comment holds a zip record at offset ${pos + 22 + i} (a second end record or archive: readers pick different ones)`);
      break;
    }
  }
  const disk = tail.readUInt16LE(at + 4);
  const cdDisk = tail.readUInt16LE(at + 6);
  const onDisk = tail.readUInt16LE(at + 8);
  let count = tail.readUInt16LE(at + 10);
  let cdSize = tail.readUInt32LE(at + 12);
  let cdOffset = tail.readUInt32LE(at + 16);
  if (disk !== 0 || cdDisk !== 0) ambiguous(`the end record names disk ${disk}/${cdDisk} (a multi-disk archive some readers refuse)`);
  if (onDisk !== count) ambiguous(`the end record counts ${onDisk} entries on this disk but ${count} in total`);
  let cdEnd = pos;
  // Python looks for the zip64 locator just before the end record whatever the 32-bit fields
  // say, and for the zip64 record just before the locator; miniz follows the locator's offset.
  const loc = pos >= 20 ? await read(pos - 20, 20) : undefined;
  if (loc && loc.readUInt32LE(0) === ZIP64_LOCATOR) {
    const recPos = big(loc, 8);
    if (recPos + 56 > pos - 20) throw new ZipError('zip64 end record out of range');
    if (recPos !== pos - 20 - 56) ambiguous(`the zip64 locator points at offset ${recPos}, not at the record just before it (${pos - 76})`);
    if (loc.readUInt32LE(4) !== 0 || loc.readUInt32LE(16) > 1) ambiguous('the zip64 locator names another disk');
    const rec = await read(recPos, 56);
    if (rec.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipError('bad zip64 end record');
    const c64 = big(rec, 32);
    const s64 = big(rec, 40);
    const o64 = big(rec, 48);
    if (big(rec, 24) !== c64) ambiguous('the zip64 end record counts entries on this disk and in total differently');
    if ((count !== 0xffff && count !== c64) || (cdSize !== 0xffffffff && cdSize !== s64) || (cdOffset !== 0xffffffff && cdOffset !== o64)) {
      ambiguous('the zip64 end record and the 32-bit end record disagree about the central directory');
    }
    count = c64;
    cdSize = s64;
    cdOffset = o64;
    cdEnd = recPos;
  } else if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    throw new ZipError('zip64 locator missing');
  }
  return { pos, count, cdSize, cdOffset, cdEnd };
}

interface Local {
  entry: ZipEntry;
  /** One past the member's last byte (data descriptor included). */
  end: number;
}

/** The zip64 field of a local header's extra data (it holds both sizes there: APPNOTE 4.5.3). */
function zip64Field(extra: Buffer): Buffer | undefined {
  for (let x = 0; x + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(x);
    const len = extra.readUInt16LE(x + 2);
    if (x + 4 + len > extra.length) return undefined;
    if (id === 0x0001) return extra.subarray(x + 4, x + 4 + len);
    x += 4 + len;
  }
  return undefined;
}

interface Stated {
  crc: number;
  compressedSize: number;
  size: number;
}

/** Sizes and CRC the local header (or its zip64 extra field) states. */
function localValues(lh: Buffer, z64: Buffer | undefined): Stated {
  let compressedSize = lh.readUInt32LE(18);
  let size = lh.readUInt32LE(22);
  if (z64 && z64.length >= 16 && (size === 0xffffffff || compressedSize === 0xffffffff)) {
    size = big(z64, 0);
    compressedSize = big(z64, 8);
  }
  return { crc: lh.readUInt32LE(14), compressedSize, size };
}

const sameValues = (a: Stated, b: Stated) => a.crc === b.crc && a.compressedSize === b.compressedSize && a.size === b.size;

/** The data descriptor after a member's data: optional signature, CRC, then 4- or 8-byte sizes. */
async function readDescriptor(read: ReadAt, at: number, room: number, wide: boolean, name: string): Promise<{ values: Stated; len: number }> {
  const d = await read(at, Math.min(room, 24));
  const sig = d.length >= 4 && d.readUInt32LE(0) === DATA_DESCRIPTOR ? 4 : 0;
  const len = sig + 4 + (wide ? 16 : 8);
  if (d.length < len) throw new ZipError(`entry ${show(name)}: its data descriptor runs past the data area`);
  const values = { crc: d.readUInt32LE(sig), compressedSize: wide ? big(d, sig + 4) : d.readUInt32LE(sig + 4), size: wide ? big(d, sig + 12) : d.readUInt32LE(sig + 8) };
  return { values, len };
}

/** Read one member's local header (and data descriptor), comparing them with the directory. */
async function readLocal(read: ReadAt, e: ZipEntry, nameBytes: Buffer, cdOffset: number, problems: ZipProblem[]): Promise<Local> {
  const ambiguous = (message: string) => problems.push({ ambiguous: true, message });
  if (e.localOffset + 30 > cdOffset) throw new ZipError(`entry ${show(e.name)} starts outside the data area`);
  const lh = await read(e.localOffset, 30);
  if (lh.readUInt32LE(0) !== LFH) throw new ZipError(`entry ${show(e.name)} has no local header`);
  const lNameLen = lh.readUInt16LE(26);
  const lExtraLen = lh.readUInt16LE(28);
  if (e.localOffset + 30 + lNameLen + lExtraLen > cdOffset) throw new ZipError(`entry ${show(e.name)} runs past the data area`);
  const var_ = await read(e.localOffset + 30, lNameLen + lExtraLen);
  const lName = var_.subarray(0, lNameLen);
  if (!lName.equals(nameBytes)) ambiguous(`entry ${show(e.name)} is named ${show(lName.toString('latin1'))} in its local header`);
  const lFlags = lh.readUInt16LE(6);
  if (lFlags !== e.flags) ambiguous(`entry ${show(e.name)} has flags 0x${lFlags.toString(16)} in its local header, 0x${e.flags.toString(16)} in the directory`);
  if (lh.readUInt16LE(8) !== e.method) ambiguous(`entry ${show(e.name)} has compression method ${lh.readUInt16LE(8)} in its local header, ${e.method} in the directory`);
  e.dataOffset = e.localOffset + 30 + lNameLen + lExtraLen;
  if (e.dataOffset + e.compressedSize > cdOffset) throw new ZipError(`entry ${show(e.name)} runs past the data area`);
  const z64 = zip64Field(var_.subarray(lNameLen));
  const local = localValues(lh, z64);
  let end = e.dataOffset + e.compressedSize;
  let stated = local;
  if (lFlags & FLAG_DESCRIPTOR) {
    // The local header may leave the values zero (PyTorch's writer does); the descriptor after the data has them.
    const descriptor = await readDescriptor(read, end, cdOffset - end, z64 !== undefined, e.name);
    const zeros = local.crc === 0 && local.compressedSize === 0 && local.size === 0;
    if (zeros) stated = descriptor.values;
    else if (!sameValues(descriptor.values, local)) ambiguous(`entry ${show(e.name)}: its data descriptor and local header disagree`);
    end += descriptor.len;
  }
  if (!sameValues(stated, e)) {
    ambiguous(`entry ${show(e.name)}: its local header says ${stated.compressedSize} -> ${stated.size} bytes (CRC ${stated.crc.toString(16)}), the directory ${e.compressedSize} -> ${e.size} (CRC ${e.crc.toString(16)})`);
  }
  return { entry: e, end };
}

/** Members must tile the file from `from` (0, or a reported prefix) to the directory: no prefix, gap or overlap. */
function tilingProblem(locals: Local[], cdOffset: number, from: number): string | undefined {
  const sorted = [...locals].sort((a, b) => a.entry.localOffset - b.entry.localOffset);
  let pos = from;
  for (const l of sorted) {
    const at = l.entry.localOffset;
    if (at > pos) return `${at - pos} bytes at offset ${pos} belong to no member (${pos === 0 ? 'data before the first member' : 'a gap between members'}: a reader walking local headers finds other entries there)`;
    if (at < pos) return `entry ${show(l.entry.name)} at offset ${at} overlaps the member before it`;
    pos = l.end;
  }
  return pos < cdOffset ? `${cdOffset - pos} bytes at offset ${pos} before the central directory belong to no member` : undefined;
}

/** Problems of one directory entry's name and flags, alone and against the names seen before. */
function checkName(e: ZipEntry, nameBytes: Buffer, seen: Set<string>, folded: Map<string, string>, problems: ZipProblem[]): void {
  const ambiguous = (message: string) => problems.push({ ambiguous: true, message });
  if (seen.has(e.name)) ambiguous(`duplicate entry name ${show(e.name)} (readers disagree on which one counts)`);
  else {
    const f = e.name.toLowerCase();
    const prev = folded.get(f);
    if (prev !== undefined) ambiguous(`entries ${show(prev)} and ${show(e.name)} differ only in case (PyTorch's reader looks names up ignoring case)`);
    folded.set(f, e.name);
  }
  seen.add(e.name);
  if (nameBytes.includes(0)) ambiguous(`entry name ${show(e.name)} holds a NUL byte (Python's zipfile cuts the name there)`);
  if (e.flags & FLAG_UTF8 && !isUtf8(nameBytes)) ambiguous(`entry name ${show(e.name)} is flagged UTF-8 but is not (Python's zipfile cannot open the archive)`);
  const odd = e.flags & ~FLAGS_UNDERSTOOD & ~FLAG_ENCRYPTED;
  if (odd) ambiguous(`entry ${show(e.name)} has flag bits 0x${odd.toString(16)} (Python's zipfile refuses or reinterprets such a member, PyTorch's reader ignores them)`);
}

/** One central directory entry at `p` (pure): the entry, its raw name, and where the next one starts. */
function centralEntry(cd: Buffer, p: number, i: number, shift: number): { e: ZipEntry; nameBytes: Buffer; next: number; diskStart: number } {
  if (p + 46 > cd.length || cd.readUInt32LE(p) !== CDH) throw new ZipError(`central directory entry ${i} is malformed`);
  const flags = cd.readUInt16LE(p + 8);
  const nameLen = cd.readUInt16LE(p + 28);
  const extraLen = cd.readUInt16LE(p + 30);
  const next = p + 46 + nameLen + extraLen + cd.readUInt16LE(p + 32);
  if (next > cd.length) throw new ZipError(`central directory entry ${i} runs past the directory`);
  const nameBytes = cd.subarray(p + 46, p + 46 + nameLen);
  const name = nameBytes.toString(flags & FLAG_UTF8 ? 'utf8' : 'latin1');
  let compressedSize = cd.readUInt32LE(p + 20);
  let size = cd.readUInt32LE(p + 24);
  let localOffset = cd.readUInt32LE(p + 42);
  // zip64 extra field: only the fields that are saturated in the fixed header are present.
  for (let x = p + 46 + nameLen, xEnd = x + extraLen; x + 4 <= xEnd; ) {
    const id = cd.readUInt16LE(x);
    const len = cd.readUInt16LE(x + 2);
    if (x + 4 + len > xEnd) break;
    if (id === 0x0001) {
      let q = x + 4;
      const take = () => {
        if (q + 8 > x + 4 + len) throw new ZipError(`zip64 extra field of ${show(name)} is short`);
        q += 8;
        return big(cd, q - 8);
      };
      if (size === 0xffffffff) size = take();
      if (compressedSize === 0xffffffff) compressedSize = take();
      if (localOffset === 0xffffffff) localOffset = take();
    }
    x += 4 + len;
  }
  const e: ZipEntry = { name, method: cd.readUInt16LE(p + 10), flags, crc: cd.readUInt32LE(p + 16), compressedSize, size, localOffset: localOffset + shift, dataOffset: 0, encrypted: (flags & FLAG_ENCRYPTED) === FLAG_ENCRYPTED };
  return { e, nameBytes, next, diskStart: cd.readUInt16LE(p + 34) };
}

/** The directory entries, with every offset moved by `shift` (Python's view of prepended data). */
async function readEntries(read: ReadAt, end: EndRecord, shift: number, problems: ZipProblem[]): Promise<ZipEntry[]> {
  const { count, cdSize } = end;
  const cdOffset = end.cdOffset + shift;
  const cd = await read(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  const locals: Local[] = [];
  const seen = new Set<string>();
  const folded = new Map<string, string>();
  let p = 0;
  for (let i = 0; i < count; i++) {
    const { e, nameBytes, next, diskStart } = centralEntry(cd, p, i, shift);
    p = next;
    checkName(e, nameBytes, seen, folded, problems);
    if (diskStart !== 0) problems.push({ ambiguous: true, message: `entry ${show(e.name)} starts on disk ${diskStart}` });
    locals.push(await readLocal(read, e, nameBytes, cdOffset, problems));
    entries.push(e);
  }
  if (p !== cd.length) {
    problems.push({ ambiguous: true, message: `${cd.length - p} bytes in the central directory after the ${count} entries the end record counts (Python's zipfile reads entries there, miniz does not)` });
  }
  // With a shifted view the prefix is already reported; the members tile from the shift.
  const tiling = tilingProblem(locals, cdOffset, shift);
  if (tiling) problems.push({ ambiguous: true, message: tiling });
  return entries;
}

/**
 * Parse the central directory through `read` (any random-access source of `size` bytes).
 * Throws ZipError when nothing sensible can be read; otherwise returns the entries and every
 * problem found. Entries are as miniz sees them; when Python's zipfile would shift every
 * offset (data before the archive), the entries it finds that way are returned as well, so
 * whatever either loader reads is scanned.
 */
export async function parseZipDirectory(read: ReadAt, size: number, limits: ScanLimits): Promise<ZipDirectory> {
  const problems: ZipProblem[] = [];
  const end = await readEnd(read, size, problems);
  const { count, cdSize, cdOffset } = end;
  if (count > limits.maxZipEntries) throw new ZipError(`${count} entries, more than the limit of ${limits.maxZipEntries}`);
  if (cdSize > limits.maxZipDirectory) throw new ZipError(`central directory of ${cdSize} bytes exceeds the limit`);
  const shift = end.cdEnd - cdOffset - cdSize;
  if (shift < 0) throw new ZipError('central directory lies outside the file');
  if (shift === 0) return { entries: await readEntries(read, end, 0, problems), problems };
  problems.push({ ambiguous: true, message: `the central directory ends ${shift} bytes before the end record (prepended or inserted data: Python's zipfile shifts every offset by that much, miniz does not)` });
  const entries: ZipEntry[] = [];
  let firstError: ZipError | undefined;
  for (const view of [0, shift]) {
    try {
      for (const e of await readEntries(read, end, view, problems)) entries.push(e);
    } catch (e) {
      if (!(e instanceof ZipError)) throw e;
      firstError ??= e;
    }
  }
  if (entries.length === 0 && firstError) throw firstError;
  return { entries, problems };
}

/** The directory of a zip read with random access (a thin adapter over parseZipDirectory). */
export async function readZipDirectory(ra: RandomAccess, limits: ScanLimits): Promise<ZipDirectory> {
  const read: ReadAt = async (pos, len) => {
    const b = await ra.read(pos, len);
    if (b.length !== len) throw new ZipError(`unexpected end of file at offset ${pos + b.length}`);
    return b;
  };
  return parseZipDirectory(read, ra.size, limits);
}

/** Bytes [start, end) of a random-access reader, in 1 MiB chunks. */
async function* fileRange(ra: RandomAccess, start: number, end: number): AsyncGenerator<Buffer> {
  for (let pos = start; pos < end; ) {
    const b = await ra.read(pos, Math.min(1 << 20, end - pos));
    if (b.length === 0) return;
    pos += b.length;
    yield b;
  }
}

/** Pass chunks through, checking their CRC-32 against the directory's once all have passed. */
async function* checkCrc(chunks: AsyncIterable<Buffer>, e: ZipEntry, problems: ZipProblem[]): AsyncGenerator<Buffer> {
  let crc = 0;
  for await (const c of chunks) {
    crc = crc32(c, crc);
    yield c;
  }
  // Data that inflated wrongly is reported as such; its CRC says nothing more.
  if (problems.length === 0 && crc >>> 0 !== e.crc >>> 0) {
    problems.push({ ambiguous: true, message: `member's data has CRC-32 ${(crc >>> 0).toString(16)}, the directory says ${(e.crc >>> 0).toString(16)} (Python's zipfile refuses it, PyTorch's reader does not check)` });
  }
}

/**
 * Stream one member's uncompressed bytes. Inflation stops as soon as the output exceeds the
 * declared size, so a zip bomb costs only the bytes it takes to detect it. A member that
 * inflates wrongly ends early and the problem is recorded (not thrown), so whatever the
 * scanner found in the bytes before it is still reported. The CRC is checked when the
 * member has been read to its end.
 */
export function openZipMember(file: RandomAccess, e: ZipEntry, limits: ScanLimits): { src: ByteSource; problems: ZipProblem[] } {
  if (e.size > limits.maxMemberBytes) throw new ZipError(`member declares ${e.size} bytes, more than the limit of ${limits.maxMemberBytes}`);
  if (e.method === 0 && e.compressedSize !== e.size) throw new ZipError('stored member has different compressed and uncompressed sizes');
  const problems: ZipProblem[] = [];
  const raw = fileRange(file, e.dataOffset, e.dataOffset + e.compressedSize);
  if (e.method === 0) return { src: ByteSource.fromIterable(checkCrc(raw, e, problems), e.size), problems };
  if (e.method !== 8) throw new ZipError(`member uses compression method ${e.method}, which is not supported`);
  if (e.size > Math.max(1 << 20, e.compressedSize * limits.maxRatio)) throw new ZipError(`member expands ${e.compressedSize} bytes to ${e.size}: compression ratio over ${limits.maxRatio}`);
  const declared = e.size;
  const malformed = (message: string) => problems.push({ ambiguous: false, message });
  async function* inflate(): AsyncGenerator<Buffer> {
    const z = createInflateRaw();
    const input = Readable.from(raw);
    input.pipe(z);
    let out = 0;
    try {
      for await (const chunk of z as AsyncIterable<Buffer>) {
        if (out + chunk.length > declared) {
          malformed(`member inflates to more than its declared ${declared} bytes`);
          if (declared > out) yield chunk.subarray(0, declared - out);
          return;
        }
        out += chunk.length;
        yield chunk;
      }
    } catch (err) {
      malformed(`member's compressed data is corrupt: ${(err as Error).message}`);
      return;
    } finally {
      input.destroy();
      z.destroy();
    }
    if (out !== declared) malformed(`member inflates to ${out} bytes, not the declared ${declared}`);
  }
  return { src: ByteSource.fromIterable(checkCrc(inflate(), e, problems), declared), problems };
}

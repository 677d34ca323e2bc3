/**
 * A small, bounded zip reader: enough to find the members of a PyTorch checkpoint or an .npz
 * and stream them out (stored or deflated). Written here rather than taken from a library
 * because the scanner needs every limit under its own control: entry count, directory size,
 * member size, compression ratio; and because hostile zips play tricks parsers disagree on
 * (local header vs central directory, duplicate names), which it must report, not resolve.
 *
 * The central directory is authoritative, as in Python's zipfile (which torch.load uses).
 */
import type { RandomAccess } from '../source/types.js';
import { createInflateRaw } from 'node:zlib';
import { Readable } from 'node:stream';
import { ByteSource } from './source.js';
import type { ScanLimits } from './types.js';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the local header. */
  localOffset: number;
  /** Offset of the member data (after the local header). */
  dataOffset: number;
  encrypted: boolean;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Structural problems found while reading (reported as findings). */
  problems: string[];
}

export class ZipError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CDH = 0x02014b50;
const LFH = 0x04034b50;

async function readAt(ra: RandomAccess, pos: number, len: number): Promise<Buffer> {
  const b = await ra.read(pos, len);
  if (b.length !== len) throw new ZipError(`unexpected end of file at offset ${pos + b.length}`);
  return b;
}

function big(b: Buffer, at: number): number {
  const v = b.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('zip64 field is impossibly large');
  return Number(v);
}

export async function readZipDirectory(fh: RandomAccess, limits: ScanLimits): Promise<ZipDirectory> {
  const size = fh.size;
  const problems: string[] = [];
  const tailLen = Math.min(size, 22 + 0xffff);
  const tail = await readAt(fh, size - tailLen, tailLen);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) === tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipError('no end-of-central-directory record');
  const eocdPos = size - tailLen + at;
  let count = tail.readUInt16LE(at + 10);
  let cdSize = tail.readUInt32LE(at + 12);
  let cdOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    if (eocdPos < 20) throw new ZipError('zip64 locator missing');
    const loc = await readAt(fh, eocdPos - 20, 20);
    if (loc.readUInt32LE(0) !== ZIP64_LOCATOR) throw new ZipError('zip64 locator missing');
    const recPos = big(loc, 8);
    if (recPos + 56 > eocdPos) throw new ZipError('zip64 end record out of range');
    const rec = await readAt(fh, recPos, 56);
    if (rec.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipError('bad zip64 end record');
    count = big(rec, 32);
    cdSize = big(rec, 40);
    cdOffset = big(rec, 48);
  }
  if (count > limits.maxZipEntries) throw new ZipError(`${count} entries, more than the limit of ${limits.maxZipEntries}`);
  if (cdSize > limits.maxZipDirectory) throw new ZipError(`central directory of ${cdSize} bytes exceeds the limit`);
  if (cdOffset + cdSize > eocdPos) throw new ZipError('central directory lies outside the file');
  const cd = await readAt(fh, cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CDH) throw new ZipError(`central directory entry ${i} is malformed`);
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    let compressedSize = cd.readUInt32LE(p + 20);
    let usize = cd.readUInt32LE(p + 24);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    let localOffset = cd.readUInt32LE(p + 42);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > cd.length) throw new ZipError(`central directory entry ${i} runs past the directory`);
    const name = cd.subarray(p + 46, p + 46 + nameLen).toString(flags & 0x800 ? 'utf8' : 'latin1');
    // zip64 extra field: only the fields that are saturated in the fixed header are present.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = cd.readUInt16LE(x);
      const len = cd.readUInt16LE(x + 2);
      if (x + 4 + len > xEnd) break;
      if (id === 0x0001) {
        let q = x + 4;
        const take = () => {
          if (q + 8 > x + 4 + len) throw new ZipError(`zip64 extra field of ${JSON.stringify(name)} is short`);
          const v = big(cd, q);
          q += 8;
          return v;
        };
        if (usize === 0xffffffff) usize = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localOffset === 0xffffffff) localOffset = take();
      }
      x += 4 + len;
    }
    p = end;
    if (seen.has(name)) problems.push(`duplicate entry name ${JSON.stringify(name)} (readers disagree on which one counts)`);
    seen.add(name);
    if (localOffset + 30 > cdOffset) throw new ZipError(`entry ${JSON.stringify(name)} starts outside the data area`);
    const lh = await readAt(fh, localOffset, 30);
    if (lh.readUInt32LE(0) !== LFH) throw new ZipError(`entry ${JSON.stringify(name)} has no local header`);
    const lNameLen = lh.readUInt16LE(26);
    const lExtraLen = lh.readUInt16LE(28);
    const lName = (await readAt(fh, localOffset + 30, lNameLen)).toString(flags & 0x800 ? 'utf8' : 'latin1');
    if (lName !== name) problems.push(`entry ${JSON.stringify(name)} is named ${JSON.stringify(lName)} in its local header`);
    const dataOffset = localOffset + 30 + lNameLen + lExtraLen;
    if (dataOffset + compressedSize > cdOffset) throw new ZipError(`entry ${JSON.stringify(name)} runs past the data area`);
    entries.push({ name, method, compressedSize, size: usize, localOffset, dataOffset, encrypted: (flags & 1) === 1 });
  }
  if (p !== cd.length) problems.push(`${cd.length - p} unexplained bytes in the central directory`);
  return { entries, problems };
}

/**
 * Stream one member's uncompressed bytes. Inflation stops as soon as the output exceeds the
 * declared size, so a zip bomb costs only the bytes it takes to detect it. A member that
 * inflates wrongly ends early and the problem is recorded (not thrown), so whatever the
 * scanner found in the bytes before it is still reported.
 */
export function openZipMember(file: RandomAccess, e: ZipEntry, limits: ScanLimits): { src: ByteSource; problems: string[] } {
  if (e.size > limits.maxMemberBytes) throw new ZipError(`member declares ${e.size} bytes, more than the limit of ${limits.maxMemberBytes}`);
  if (e.method === 0 && e.compressedSize !== e.size) throw new ZipError('stored member has different compressed and uncompressed sizes');
  if (e.method === 0) return { src: ByteSource.fromRandom(file, e.dataOffset, e.dataOffset + e.compressedSize), problems: [] };
  if (e.method !== 8) throw new ZipError(`member uses compression method ${e.method}, which is not supported`);
  if (e.size > Math.max(1 << 20, e.compressedSize * limits.maxRatio)) throw new ZipError(`member expands ${e.compressedSize} bytes to ${e.size}: compression ratio over ${limits.maxRatio}`);
  const raw = ByteSource.fromRandom(file, e.dataOffset, e.dataOffset + e.compressedSize);
  const declared = e.size;
  const problems: string[] = [];
  async function* inflate(): AsyncGenerator<Buffer> {
    const z = createInflateRaw();
    const input = Readable.from(
      (async function* () {
        for (;;) {
          if (!(await raw.ensure(1))) return;
          yield Buffer.from(raw.take(raw.buffered));
        }
      })(),
    );
    input.pipe(z);
    let out = 0;
    try {
      for await (const chunk of z as AsyncIterable<Buffer>) {
        if (out + chunk.length > declared) {
          problems.push(`member inflates to more than its declared ${declared} bytes`);
          if (declared > out) yield chunk.subarray(0, declared - out);
          return;
        }
        out += chunk.length;
        yield chunk;
      }
    } catch (err) {
      problems.push(`member's compressed data is corrupt: ${(err as Error).message}`);
      return;
    } finally {
      input.destroy();
      z.destroy();
      await raw.close();
    }
    if (out !== declared) problems.push(`member inflates to ${out} bytes, not the declared ${declared}`);
  }
  return { src: ByteSource.fromIterable(inflate(), declared), problems };
}

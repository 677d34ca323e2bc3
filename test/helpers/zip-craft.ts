/**
 * Zip files built field by field, for the scanner's ambiguity checks: each member's local
 * header and directory entry can be made to disagree (name, flags, sizes, CRC), members can
 * carry data descriptors, and the archive can have prepended data, a comment, a second end
 * record or a zip64 record. `torchLikeZip` writes the layout PyTorch's writer (miniz) uses -
 * FB padding to 64-byte data alignment, flags 0x0808 with data descriptors, a zip64 end
 * record - so the checks are shown not to refuse real checkpoints.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface CraftMember {
  name: string;
  data: Buffer;
  deflate?: boolean;
  /** General purpose flags in both headers (default 0x800, UTF-8 names). */
  flags?: number;
  /** Flags in the local header only. */
  localFlags?: number;
  /** A different name in the local header. */
  localName?: string;
  /** CRC written in the headers (default: the data's). */
  crc?: number;
  /** Extra field of the local header. */
  localExtra?: Buffer;
  /** Write sizes and CRC as zeros in the local header and a data descriptor after the data. */
  descriptor?: boolean;
  /** Raw bytes written after this member's data (a gap, a hidden member). */
  after?: Buffer;
}

export interface CraftOptions {
  /** Bytes before the first member (offsets in the directory stay relative to the members). */
  prepend?: Buffer;
  comment?: Buffer;
  /** Write a zip64 end record and locator before the end record. */
  zip64?: boolean;
  /** Entries the end record counts (default: all). */
  count?: number;
}

const u16 = (n: number) => { const b = Buffer.alloc(2); b.writeUInt16LE(n); return b; };
const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(n >>> 0); return b; };
const u64 = (n: number) => { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(n)); return b; };

export function craftZip(members: CraftMember[], opts: CraftOptions = {}): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name, 'utf8');
    const localName = Buffer.from(m.localName ?? m.name, 'utf8');
    const body = m.deflate ? deflateRawSync(m.data) : m.data;
    const crc = m.crc ?? crc32(m.data);
    const flags = (m.flags ?? 0x800) | (m.descriptor ? 0x8 : 0);
    const lflags = m.localFlags ?? flags;
    const extra = m.localExtra ?? Buffer.alloc(0);
    const method = m.deflate ? 8 : 0;
    const [lc, ls, lu] = m.descriptor ? [0, 0, 0] : [crc, body.length, m.data.length];
    const lh = Buffer.concat([u32(0x04034b50), u16(20), u16(lflags), u16(method), u16(0), u16(0), u32(lc), u32(ls), u32(lu), u16(localName.length), u16(extra.length)]);
    const desc = m.descriptor ? Buffer.concat([u32(0x08074b50), u32(crc), u32(body.length), u32(m.data.length)]) : Buffer.alloc(0);
    parts.push(lh, localName, extra, body, desc, m.after ?? Buffer.alloc(0));
    central.push(Buffer.concat([u32(0x02014b50), u16(20), u16(20), u16(flags), u16(method), u16(0), u16(0), u32(crc), u32(body.length), u32(m.data.length), u16(name.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(offset), name]));
    offset += lh.length + localName.length + extra.length + body.length + desc.length + (m.after?.length ?? 0);
  }
  const cd = Buffer.concat(central);
  const n = opts.count ?? members.length;
  const tail: Buffer[] = [];
  if (opts.zip64) {
    const recAt = offset + cd.length;
    tail.push(Buffer.concat([u32(0x06064b50), u64(44), u16(45), u16(45), u32(0), u32(0), u64(n), u64(n), u64(cd.length), u64(offset)]));
    tail.push(Buffer.concat([u32(0x07064b50), u32(0), u64(recAt), u32(1)]));
  }
  const comment = opts.comment ?? Buffer.alloc(0);
  tail.push(Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(n), u16(n), u32(cd.length), u32(offset), u16(comment.length), comment]));
  return Buffer.concat([opts.prepend ?? Buffer.alloc(0), ...parts, cd, ...tail]);
}

/** The FB extra field PyTorch's writer pads each local header with, aligning data to 64 bytes. */
function fbPadding(cursor: number, nameLength: number): Buffer {
  const start = cursor + 30 + nameLength + 4;
  const pad = (64 - (start % 64)) % 64;
  return Buffer.concat([Buffer.from('FB'), u16(pad), Buffer.alloc(pad, 0x5a)]);
}

/** A checkpoint laid out as PyTorch's writer (miniz) writes torch.save's zip format. */
export function torchLikeZip(dataPkl: Buffer, storages: Buffer[] = [Buffer.alloc(16, 7)]): Buffer {
  const records: [string, Buffer][] = [
    ['archive/data.pkl', dataPkl],
    ['archive/.format_version', Buffer.from('1')],
    ['archive/.storage_alignment', Buffer.from('64')],
    ['archive/byteorder', Buffer.from('little')],
    ...storages.map((s, i): [string, Buffer] => [`archive/data/${i}`, s]),
    ['archive/version', Buffer.from('3\n')],
    ['archive/.data/serialization_id', Buffer.from('0123456789012345678901234567890123456789')],
  ];
  const members: CraftMember[] = [];
  let cursor = 0;
  for (const [name, data] of records) {
    const localExtra = fbPadding(cursor, Buffer.byteLength(name));
    members.push({ name, data, flags: 0x800, descriptor: true, localExtra });
    cursor += 30 + Buffer.byteLength(name) + localExtra.length + data.length + 16;
  }
  return craftZip(members, { zip64: true });
}

/**
 * One 512-byte tar header, parsed the way GNU tar and Python's tarfile both read it, or
 * refused. Each field is accepted only in a form on which the two agree: where one reader
 * would take a field another way, or stop at it (Python ends the archive silently at a
 * header it cannot parse, GNU tar skips ahead to the next one it can), the archive is
 * malformed here. Pure: a block in, a header (or a TarError) out.
 */
import { TarError } from './errors.js';

export const BLOCK = 512;

/** What an entry is, from its type flag. */
export type HeaderType =
  | 'file'
  | 'hardlink'
  | 'symlink'
  | 'chardev'
  | 'blockdev'
  | 'dir'
  | 'fifo'
  /** Extended headers: pax (per entry, global) and GNU long name / long link target. */
  | 'pax'
  | 'global'
  | 'longname'
  | 'longlink';

export interface TarHeader {
  type: HeaderType;
  /** The type flag byte as stored ('0', '\0', '5', 'x', ...). */
  flag: number;
  /** Name as stored: the POSIX prefix, "/" and the name field, cut at the first NUL each. */
  name: Buffer;
  /** The name field alone ends with "/" (a V7 directory is a regular entry named "dir/"). */
  nameFieldSlash: boolean;
  linkname: Buffer;
  size: number;
  /**
   * The prefix field (bytes 345-499) holds bytes under a magic other than POSIX ustar: GNU
   * tar reads no prefix there, Python prepends it to the name whatever the magic.
   */
  strayPrefix: boolean;
}

/** Type flags read as regular files by both readers: '0', NUL (old tar) and '7' (contiguous). */
const TYPES: ReadonlyMap<number, HeaderType> = new Map<number, HeaderType>([
  [0x30, 'file'],
  [0x00, 'file'],
  [0x37, 'file'],
  [0x31, 'hardlink'],
  [0x32, 'symlink'],
  [0x33, 'chardev'],
  [0x34, 'blockdev'],
  [0x35, 'dir'],
  [0x36, 'fifo'],
  [0x78, 'pax'],
  [0x67, 'global'],
  [0x4c, 'longname'],
  [0x4b, 'longlink'],
]);

/** Names of the type flags refused as unsupported, for messages. */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  S: 'GNU sparse file',
  D: 'GNU dump directory',
  M: 'GNU multi-volume continuation',
  N: 'GNU old long name',
  V: 'GNU volume label',
  X: 'Solaris extended header',
  A: 'Solaris access control list',
  E: 'Solaris extended attributes',
  I: 'inode-only entry',
};

export function typeName(flag: number): string {
  const c = String.fromCharCode(flag);
  const printable = flag > 0x20 && flag < 0x7f ? `'${c}'` : `0x${flag.toString(16).padStart(2, '0')}`;
  return UNSUPPORTED[c] ? `${UNSUPPORTED[c]} (${printable})` : printable;
}

/** Bytes up to the first NUL (how both readers cut a string field). */
export function cString(b: Buffer): Buffer {
  const nul = b.indexOf(0);
  return nul < 0 ? b : b.subarray(0, nul);
}

const isSpaceOrNul = (c: number): boolean => c === 0x20 || c === 0x00;

/**
 * A numeric field. Accepted forms, on which GNU tar and Python agree:
 *   - octal: optional leading spaces, octal digits, then only NULs and spaces to the end;
 *   - all NULs, or spaces then NULs (read as 0 by both);
 *   - base-256: first byte 0x80, the rest big-endian (0xFF, negative, only where `negative`).
 * Python's int() would also take "+17", "0o17", "1_7" or tabs, and GNU tar "+17" as
 * base-64, or digits followed by junk: all refused.
 */
export function parseNumber(field: Buffer, what: string, opts: { negative?: boolean; required?: boolean } = {}): number {
  const first = field[0]!;
  if (first === 0x80 || first === 0xff) {
    if (first === 0xff && !opts.negative) throw new TarError('ARCHIVE_MALFORMED', `negative ${what} in a tar header`);
    let n = 0;
    for (let i = 1; i < field.length; i++) {
      n = n * 256 + (first === 0xff ? 0xff - field[i]! : field[i]!);
      if (n > Number.MAX_SAFE_INTEGER) throw new TarError('ARCHIVE_MALFORMED', `${what} in a tar header is too large`);
    }
    return first === 0xff ? -(n + 1) : n;
  }
  let i = 0;
  while (i < field.length && field[i] === 0x20) i++;
  const start = i;
  let n = 0;
  while (i < field.length && field[i]! >= 0x30 && field[i]! <= 0x37) n = n * 8 + (field[i++]! - 0x30);
  const digits = i - start;
  for (; i < field.length; i++) {
    if (!isSpaceOrNul(field[i]!)) throw new TarError('ARCHIVE_MALFORMED', `${what} field of a tar header is not an octal number`);
  }
  if (digits === 0) {
    // Only spaces: GNU tar refuses the header ("blanks where a number is expected"), Python reads 0.
    if (opts.required || (field.length > 0 && field.every((c) => c === 0x20))) throw new TarError('ARCHIVE_MALFORMED', `${what} field of a tar header is empty`);
    return 0;
  }
  if (n > Number.MAX_SAFE_INTEGER) throw new TarError('ARCHIVE_MALFORMED', `${what} in a tar header is too large`);
  return n;
}

/** The header checksum: the sum of its bytes as unsigned, the checksum field read as spaces. */
export function headerChecksum(block: Buffer): number {
  let sum = 8 * 0x20;
  for (let i = 0; i < 148; i++) sum += block[i]!;
  for (let i = 156; i < BLOCK; i++) sum += block[i]!;
  return sum;
}

export function isZeroBlock(block: Buffer): boolean {
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false;
  return true;
}

type Magic = 'ustar' | 'gnu' | 'v7';

function magicOf(block: Buffer): Magic {
  const m = block.toString('latin1', 257, 265);
  if (m === 'ustar\u000000' || m === 'ustar\u0000\u0000\u0000') return 'ustar';
  if (m === 'ustar  \u0000') return 'gnu';
  if (m === '\u0000'.repeat(8)) return 'v7';
  throw new TarError('ARCHIVE_MALFORMED', `tar header with an unknown format (magic ${JSON.stringify(m)})`);
}

/**
 * Parse a header block that is not all zeros (the caller tells the end-of-archive marker).
 * Every numeric field is checked, used or not: Python parses them all and ends the archive
 * at the first it cannot read.
 */
export function parseHeader(block: Buffer): TarHeader {
  if (block.length !== BLOCK) throw new TarError('ARCHIVE_MALFORMED', 'truncated tar header');
  const stored = parseNumber(block.subarray(148, 156), 'checksum', { required: true });
  if (stored !== headerChecksum(block)) throw new TarError('ARCHIVE_MALFORMED', 'bad tar header checksum (not a tar archive, or a corrupt one)');
  const magic = magicOf(block);
  parseNumber(block.subarray(100, 108), 'mode');
  parseNumber(block.subarray(108, 116), 'uid');
  parseNumber(block.subarray(116, 124), 'gid');
  const size = parseNumber(block.subarray(124, 136), 'size');
  parseNumber(block.subarray(136, 148), 'mtime', { negative: true });
  parseNumber(block.subarray(329, 337), 'device major');
  parseNumber(block.subarray(337, 345), 'device minor');
  const flag = block[156]!;
  const type = TYPES.get(flag);
  if (type === undefined) throw new TarError('UNSUPPORTED_ENTRY', `unsupported tar entry type ${typeName(flag)}`);
  const field = cString(block.subarray(0, 100));
  const prefix = block[345] === 0 ? undefined : cString(block.subarray(345, 500));
  const name = prefix !== undefined && magic === 'ustar' ? Buffer.concat([prefix, Buffer.from('/'), field]) : Buffer.from(field);
  return {
    type,
    flag,
    name,
    nameFieldSlash: field.length > 0 && field[field.length - 1] === 0x2f,
    linkname: Buffer.from(cString(block.subarray(157, 257))),
    size,
    strayPrefix: prefix !== undefined && magic !== 'ustar',
  };
}

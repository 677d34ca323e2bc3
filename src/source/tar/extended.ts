/**
 * Extended headers: pax records (type 'x' for the next entry, 'g' for every later one) and
 * GNU long names ('L') and long link targets ('K'), and how they rename, retarget and resize
 * the entry they precede. Only what GNU tar and Python's tarfile read alike is accepted:
 *
 *   - pax records are cut by their length field, each "LEN KEY=VALUE\n" exactly, with no
 *     key twice; NULs may only pad the end (Python matches records over the whole padded
 *     block and GNU tar checks the newline, so anything looser reads two ways);
 *   - the padding after an extended header's data is zeros (Python parses pax records over
 *     the padded block, and both extractors read a long name on into it);
 *   - at most one pax header, or one long name and one long link target, before an entry:
 *     with two (pax path twice, 'L' twice, 'L' then pax) GNU tar keeps the last and Python
 *     the first;
 *   - records that rename or resize entries in ways one reader applies and another does
 *     not are refused: GNU.sparse.* (sparse files, renamed by both extractors), other GNU.*
 *     keys, hdrcharset, and path / linkpath / size in a global header.
 */
import { TarError } from './errors.js';
import type { HeaderType, TarHeader } from './header.js';

/** Largest extended header data accepted (names are at most 4096 bytes; xattrs fit too). */
export const MAX_EXTENDED_BYTES = 1024 * 1024;

/** Parse pax records, strictly by length. Values are raw bytes (names are decoded later). */
export function parsePaxRecords(data: Buffer): Map<string, Buffer> {
  const records = new Map<string, Buffer>();
  let pos = 0;
  while (pos < data.length) {
    if (data[pos] === 0) {
      for (let i = pos; i < data.length; i++) if (data[i] !== 0) throw paxError('bytes after the NUL that ends its records');
      break;
    }
    let sp = pos;
    while (sp < data.length && sp - pos <= 12 && data[sp]! >= 0x30 && data[sp]! <= 0x39) sp++;
    if (sp === pos || sp - pos > 12 || data[sp] !== 0x20) throw paxError('a record without a length');
    const end = pos + Number(data.toString('latin1', pos, sp));
    if (end > data.length) throw paxError('a record length past the header');
    const eq = data.indexOf(0x3d, sp + 1);
    if (eq < 0 || eq >= end - 1) throw paxError('a record without a key');
    if (data[end - 1] !== 0x0a) throw paxError('a record that does not end with a newline');
    const key = data.subarray(sp + 1, eq);
    if (key.length === 0 || !isKey(key)) throw paxError('a record with an unusual key');
    const k = key.toString('utf8');
    if (records.has(k)) throw paxError(`its "${k}" record appears twice`);
    records.set(k, Buffer.from(data.subarray(eq + 1, end - 1)));
    pos = end;
  }
  return records;
}

/** A key: no controls, spaces, "=" or bytes that are not UTF-8 (GNU tar skips blanks Python keeps). */
function isKey(key: Buffer): boolean {
  for (const c of key) if (c <= 0x20 || c === 0x7f) return false;
  return !key.toString('utf8').includes('\ufffd');
}

function paxError(why: string): TarError {
  return new TarError('ARCHIVE_MALFORMED', `archive extended header: ${why}`);
}

/** What a pax header changes about its entry. */
export interface PaxNaming {
  path?: Buffer;
  linkpath?: Buffer;
  size?: number;
}

/**
 * Numeric records, in the one form both readers take: GNU tar fails the entry on anything
 * else ("malformed extended header: invalid uid"), where Python reads 0 or a float such as
 * "1e3" or "nan". uid_t is 32 bits for GNU tar.
 */
const NUMERIC: ReadonlyMap<string, { re: RegExp; max?: number }> = new Map([
  ['uid', { re: /^\d{1,10}$/, max: 2 ** 32 - 1 }],
  ['gid', { re: /^\d{1,10}$/, max: 2 ** 32 - 1 }],
  ['SCHILY.devmajor', { re: /^\d{1,10}$/, max: 2 ** 32 - 1 }],
  ['SCHILY.devminor', { re: /^\d{1,10}$/, max: 2 ** 32 - 1 }],
  ['SCHILY.dev', { re: /^\d{1,15}$/ }],
  ['SCHILY.ino', { re: /^\d{1,15}$/ }],
  ['SCHILY.nlink', { re: /^\d{1,15}$/ }],
  ['mtime', { re: /^-?\d{1,15}(?:\.\d{1,9})?$/ }],
  ['atime', { re: /^-?\d{1,15}(?:\.\d{1,9})?$/ }],
  ['ctime', { re: /^-?\d{1,15}(?:\.\d{1,9})?$/ }],
]);

/** The naming records of a pax header, refusing the ones other readers apply differently. */
export function paxNaming(records: ReadonlyMap<string, Buffer>, global: boolean): PaxNaming {
  const out: PaxNaming = {};
  for (const [k, v] of records) {
    const num = NUMERIC.get(k);
    if (num) {
      const text = v.toString('latin1');
      if (!num.re.test(text) || (num.max !== undefined && Number(text) > num.max)) throw paxError(`a "${k}" record that is not a number GNU tar reads (${JSON.stringify(text.slice(0, 40))})`);
      continue;
    }
    if (k.startsWith('GNU.sparse.')) {
      throw new TarError('UNSUPPORTED_ENTRY', 'archive extended header describes a GNU sparse file (GNU.sparse.*), which other tar readers rename');
    }
    if (k.startsWith('GNU.') || k === 'hdrcharset') throw new TarError('UNSUPPORTED_ENTRY', `archive extended header record "${k}" is not supported`);
    if (k !== 'path' && k !== 'linkpath' && k !== 'size') continue;
    if (global) throw new TarError('ARCHIVE_MALFORMED', `a global extended header sets "${k}" (GNU tar and Python apply it to every later entry)`);
    if (k === 'size') {
      const text = v.toString('latin1');
      if (!/^\d{1,16}$/.test(text) || Number(text) > Number.MAX_SAFE_INTEGER) throw paxError(`a "size" record that is not a size (${JSON.stringify(text)})`);
      out.size = Number(text);
    } else out[k] = v;
  }
  return out;
}

/**
 * A GNU long name or link target: the data up to its first NUL. Both extractors cut there,
 * and read on into the padding when the data holds none: bytes after the NUL or in the
 * padding are refused, so the name is the data's whichever way it is read.
 */
export function gnuLongName(data: Buffer, padding: Buffer): Buffer {
  const nul = data.indexOf(0);
  const name = nul < 0 ? data : data.subarray(0, nul);
  for (let i = name.length; i < data.length; i++) if (data[i] !== 0) throw new TarError('ARCHIVE_MALFORMED', 'archive GNU long name with bytes after its end');
  if (!isZero(padding)) throw new TarError('ARCHIVE_MALFORMED', 'archive GNU long name with bytes in its padding');
  return Buffer.from(name);
}

export function isZero(b: Buffer): boolean {
  for (const c of b) if (c !== 0) return false;
  return true;
}

/** An entry as GNU tar and Python both read it, extended headers applied. */
export interface TarEntry {
  type: 'file' | 'dir' | 'hardlink' | 'symlink' | 'chardev' | 'blockdev' | 'fifo';
  /** The name as stored (raw bytes; a directory may end with "/"). */
  name: Buffer;
  linkname: Buffer;
  size: number;
}

/** How each entry type is named in messages. */
export const ENTRY_LABEL: Record<TarEntry['type'], string> = {
  file: 'file',
  dir: 'directory',
  hardlink: 'hard link',
  symlink: 'symlink',
  chardev: 'CharacterDevice',
  blockdev: 'BlockDevice',
  fifo: 'FIFO',
};

const shown = (raw: Buffer): string => JSON.stringify(raw.toString('utf8'));

/** The extended headers read since the last entry, applied to the next one. */
export class PendingHeaders {
  private pax: PaxNaming | undefined;
  private longName: Buffer | undefined;
  private longLink: Buffer | undefined;
  private what: string[] = [];
  private afterGlobal = false;

  get empty(): boolean {
    return this.what.length === 0;
  }

  /** The archive ends here: an extended header with no entry after it is refused (Python fails on it). */
  end(): void {
    if (!this.empty || this.afterGlobal) throw new TarError('ARCHIVE_MALFORMED', `archive ends after ${this.empty ? 'a global pax header' : this.what.join(' and ')}, with no entry for it`);
  }

  /** One more extended header: refused when the entry already has one that competes with it. */
  add(type: Extract<HeaderType, 'pax' | 'global' | 'longname' | 'longlink'>, data: Buffer, padding: Buffer): void {
    const label = { pax: 'a pax header', global: 'a global pax header', longname: 'a GNU long name', longlink: 'a GNU long link target' }[type];
    const clash =
      (type === 'pax' || type === 'global' ? !this.empty : this.pax !== undefined) || (type === 'longname' && this.longName) || (type === 'longlink' && this.longLink);
    if (clash) throw new TarError('ARCHIVE_MALFORMED', `archive has ${label} after ${this.what.join(' and ')} for the same entry (tar readers disagree on which applies)`);
    if (type === 'pax' || type === 'global') {
      if (!isZero(padding)) throw paxError('bytes in its padding');
      const naming = paxNaming(parsePaxRecords(data), type === 'global');
      if (type === 'global') {
        this.afterGlobal = true;
        return;
      }
      this.pax = naming;
    } else if (type === 'longname') this.longName = gnuLongName(data, padding);
    else this.longLink = gnuLongName(data, padding);
    this.what.push(label);
  }

  /** Apply what is pending to the entry header H (and forget it). */
  take(h: TarHeader): TarEntry {
    const pax = this.pax;
    const name = pax?.path ?? this.longName ?? h.name;
    const linkname = pax?.linkpath ?? this.longLink ?? h.linkname;
    const size = pax?.size ?? h.size;
    const renamed = pax?.path !== undefined || this.longName !== undefined;
    this.pax = this.longName = this.longLink = undefined;
    this.what = [];
    this.afterGlobal = false;
    if (!renamed && h.strayPrefix) {
      throw new TarError('ARCHIVE_MALFORMED', `archive entry ${shown(name)}: its header has a name prefix outside the POSIX ustar format, which other tar readers (Python) put in front of the name`);
    }
    const type = entryType(h, name);
    if (type !== 'file' && (size !== 0 || h.size !== 0)) {
      throw new TarError('ARCHIVE_MALFORMED', `archive entry ${shown(name)}: a ${ENTRY_LABEL[type]} entry that carries ${Math.max(size, h.size)} bytes (GNU tar and Python read them as the next header, other readers skip them)`);
    }
    return { type, name, linkname, size };
  }
}

/**
 * The entry's type as both extractors take it. A regular entry whose name ends with "/" is
 * a directory to GNU tar (for every regular type flag), and to Python only for the old NUL
 * type flag with the slash in the header's own name field: any other mix is refused.
 */
function entryType(h: TarHeader, name: Buffer): TarEntry['type'] {
  if (h.type !== 'file') return h.type as TarEntry['type'];
  const slash = name.length > 0 && name[name.length - 1] === 0x2f;
  if (!slash && !(h.flag === 0 && h.nameFieldSlash)) return 'file';
  if (h.flag === 0 && slash && h.nameFieldSlash) return 'dir';
  throw new TarError('ARCHIVE_MALFORMED', `archive entry ${shown(name)}: read as a directory by one tar reader and as a file by another (a regular entry named with a trailing "/")`);
}

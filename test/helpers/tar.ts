/**
 * A minimal tar writer for hostile test archives the system `tar` will not make (hard links
 * out of the archive, devices without root, pax names with "..", bad checksums, unknown
 * entry types). ustar headers, 512-byte blocks.
 */
import { gzipSync } from 'node:zlib';

export interface TarEntry {
  /** The name field; a Buffer is written as raw bytes (names that are not valid UTF-8). */
  name: string | Buffer;
  type?: string; // typeflag: '0' file, '1' hard link, '2' symlink, '3' char dev, '5' dir, 'x' pax, 'S' sparse...
  data?: Buffer | string;
  linkname?: string;
  /** Corrupt the header checksum. */
  badChecksum?: boolean;
  /** The GNU magic ("ustar  \0") instead of the POSIX one. */
  gnuMagic?: boolean;
  /** Bytes 345-499: the ustar name prefix (the GNU format keeps times there). */
  prefix?: string;
}

function field(buf: Buffer, off: number, len: number, value: string | Buffer): void {
  if (Buffer.isBuffer(value)) value.copy(buf, off, 0, Math.min(len, value.length));
  else buf.write(value.slice(0, len), off, len, 'utf8');
}

function octal(buf: Buffer, off: number, len: number, n: number): void {
  field(buf, off, len, n.toString(8).padStart(len - 1, '0') + '\0');
}

function header(e: TarEntry, size: number): Buffer {
  const h = Buffer.alloc(512);
  field(h, 0, 100, e.name);
  octal(h, 100, 8, e.type === '5' ? 0o755 : 0o644);
  octal(h, 108, 8, 1000);
  octal(h, 116, 8, 1000);
  octal(h, 124, 12, size);
  octal(h, 136, 12, 1_700_000_000);
  h.write('        ', 148, 8, 'latin1');
  field(h, 156, 1, e.type ?? '0');
  field(h, 157, 100, e.linkname ?? '');
  h.write(e.gnuMagic ? 'ustar  \u0000' : 'ustar\u000000', 257, 8, 'latin1');
  if (e.prefix !== undefined) field(h, 345, 155, e.prefix);
  let sum = 0;
  for (const b of h) sum += b;
  if (e.badChecksum) sum += 1;
  field(h, 148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
  return h;
}

export function paxData(records: Record<string, string>): string {
  let out = '';
  for (const [k, v] of Object.entries(records)) {
    const body = ` ${k}=${v}\n`;
    // The length counts bytes (UTF-8), not UTF-16 units.
    const n = Buffer.byteLength(body);
    let len = n + 1;
    while (String(len).length + n !== len) len = String(len).length + n;
    out += `${len}${body}`;
  }
  return out;
}

export function makeTar(entries: TarEntry[], opts: { gzip?: boolean } = {}): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const data = Buffer.from(e.data ?? '');
    parts.push(header(e, data.length), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  const tar = Buffer.concat(parts);
  return opts.gzip ? gzipSync(tar) : tar;
}

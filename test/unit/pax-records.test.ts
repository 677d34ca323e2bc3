/**
 * Tar headers and extended headers (src/source/tar/header.ts, extended.ts): only the forms
 * GNU tar and Python's tarfile read alike are accepted.
 */
import { describe, expect, it } from 'vitest';
import { TarError } from '../../src/source/tar/errors.js';
import { gnuLongName, PendingHeaders, paxNaming, parsePaxRecords } from '../../src/source/tar/extended.js';
import { BLOCK, headerChecksum, parseHeader, parseNumber, type TarHeader } from '../../src/source/tar/header.js';
import { makeTar, paxData } from '../helpers/tar.js';

const f = (s: string | number[], len = 12): Buffer => {
  const b = Buffer.alloc(len);
  if (typeof s === 'string') b.write(s, 'latin1');
  else Buffer.from(s).copy(b);
  return b;
};
const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof TarError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'accepted';
};

describe('parseNumber: numeric fields in the forms both readers take', () => {
  it('octal with leading spaces and NUL or space terminators, all NULs, base-256', () => {
    expect(parseNumber(f('00000000644\0'), 'size')).toBe(0o644);
    expect(parseNumber(f('  644 \0'), 'size')).toBe(0o644);
    expect(parseNumber(f('777777777777'), 'size')).toBe(0o777777777777); // all twelve bytes digits
    expect(parseNumber(f(''), 'size')).toBe(0);
    expect(parseNumber(f('   \0'), 'size')).toBe(0);
    expect(parseNumber(f([0x80, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0]), 'size')).toBe(2 * 65536);
    expect(parseNumber(f([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe]), 'mtime', { negative: true })).toBe(-2);
  });

  it('refuses what one reader reads another way (Python int() and GNU tar base-64, junk after digits)', () => {
    for (const s of ['+17', '0o17', '1_7', '\t17', '17 x', '17\0x', '8', '12 34']) {
      expect(refusal(() => parseNumber(f(s), 'size')), s).toMatch(/^ARCHIVE_MALFORMED: size field of a tar header is not an octal number/);
    }
    expect(refusal(() => parseNumber(f('            '), 'size'))).toBe('ARCHIVE_MALFORMED: size field of a tar header is empty');
    expect(refusal(() => parseNumber(f(''), 'checksum', { required: true }))).toBe('ARCHIVE_MALFORMED: checksum field of a tar header is empty');
    expect(refusal(() => parseNumber(f([0xff, 0xff]), 'size'))).toBe('ARCHIVE_MALFORMED: negative size in a tar header');
    expect(refusal(() => parseNumber(f([0x80, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), 'size'))).toBe('ARCHIVE_MALFORMED: size in a tar header is too large');
  });
});

/** A header block from the test writer, then patched (checksum recomputed unless told). */
function block(entry: Parameters<typeof makeTar>[0][number], patch?: (b: Buffer) => void, fixSum = true): Buffer {
  const b = Buffer.from(makeTar([entry]).subarray(0, BLOCK));
  if (patch) {
    patch(b);
    if (fixSum) b.write(headerChecksum(b).toString(8).padStart(6, '0') + '\0 ', 148, 8, 'latin1');
  }
  return b;
}

describe('parseHeader', () => {
  it('reads name, type, size and link target; POSIX prefix joined with "/"', () => {
    const h = parseHeader(block({ name: 'b.bin', prefix: 'a/dir', data: 'xyz' }));
    expect(h).toMatchObject({ type: 'file', name: Buffer.from('a/dir/b.bin'), size: 3, strayPrefix: false, nameFieldSlash: false });
    expect(parseHeader(block({ name: 'l', type: '2', linkname: 'target' }))).toMatchObject({ type: 'symlink', linkname: Buffer.from('target') });
    expect(parseHeader(block({ name: 'd/', type: '5' }))).toMatchObject({ type: 'dir', nameFieldSlash: true });
  });

  it('a prefix under the GNU or V7 magic is kept apart (Python prepends it, GNU tar does not)', () => {
    expect(parseHeader(block({ name: 'w.bin', gnuMagic: true, prefix: 'sub' }))).toMatchObject({ name: Buffer.from('w.bin'), strayPrefix: true });
    const v7 = parseHeader(block({ name: 'w.bin', prefix: 'sub' }, (b) => b.fill(0, 257, 265)));
    expect(v7).toMatchObject({ name: Buffer.from('w.bin'), strayPrefix: true });
    expect(parseHeader(block({ name: 'w.bin', gnuMagic: true }))).toMatchObject({ strayPrefix: false });
  });

  it('refuses a bad checksum, an unknown magic, a bad number in any field and unsupported types', () => {
    expect(refusal(() => parseHeader(block({ name: 'a', badChecksum: true })))).toMatch(/bad tar header checksum/);
    expect(refusal(() => parseHeader(block({ name: 'a' }, (b) => b.write('ustar\u0000xy', 257, 'latin1'))))).toMatch(/unknown format/);
    for (const [off, what] of [
      [100, 'mode'],
      [108, 'uid'],
      [116, 'gid'],
      [136, 'mtime'],
      [329, 'device major'],
      [337, 'device minor'],
    ] as const) {
      expect(refusal(() => parseHeader(block({ name: 'a' }, (b) => b.write('9', off, 'latin1'))))).toContain(`${what} field`);
    }
    expect(refusal(() => parseHeader(block({ name: 'a', type: 'S' })))).toBe("UNSUPPORTED_ENTRY: unsupported tar entry type GNU sparse file ('S')");
    expect(refusal(() => parseHeader(block({ name: 'a', type: 'X' })))).toMatch(/Solaris extended header/);
    expect(refusal(() => parseHeader(Buffer.alloc(100)))).toMatch(/truncated/);
  });
});

describe('parsePaxRecords: strictly by length', () => {
  it('reads well-formed records, raw bytes as values, NUL padding at the end', () => {
    const r = parsePaxRecords(Buffer.from(paxData({ path: `models/${'x'.repeat(300)}.bin`, mtime: '1700000000.5', 'SCHILY.xattr.user.k': 'v' }) + '\0\0\0'));
    expect([...r.keys()]).toEqual(['path', 'mtime', 'SCHILY.xattr.user.k']);
    expect(r.get('path')!.toString()).toBe(`models/${'x'.repeat(300)}.bin`);
    // A value may hold newlines and record-shaped text: it is one value to every reader.
    expect(parsePaxRecords(Buffer.from(paxData({ comment: 'x\n13 path=evil' }))).get('comment')!.toString()).toBe('x\n13 path=evil');
  });

  it('refuses records read two ways', () => {
    const bad: Array<[string, string]> = [
      ['14 path=w.binX', 'a record that does not end with a newline'],
      ['x path=a\n', 'a record without a length'],
      ['99 path=a\n', 'a record length past the header'],
      ['6 =ab\n', 'a record with an unusual key'],
      ['12  path=ab\n', 'a record with an unusual key'], // GNU tar skips the second blank, Python keeps it in the key
      ['9 pathab\n', 'a record without a key'],
      [paxData({ path: 'a' }) + paxData({ path: 'b' }), 'its "path" record appears twice'],
      [paxData({ path: 'a' }) + '\0x', 'bytes after the NUL that ends its records'],
    ];
    for (const [text, why] of bad) expect(refusal(() => parsePaxRecords(Buffer.from(text))), text).toBe(`ARCHIVE_MALFORMED: archive extended header: ${why}`);
  });

  it('paxNaming: path, linkpath and size; refuses sparse, other GNU keys, hdrcharset, global naming and a bad size', () => {
    const n = paxNaming(parsePaxRecords(Buffer.from(paxData({ path: 'p', linkpath: 'l', size: '12', uid: '1' }))), false);
    expect(n).toEqual({ path: Buffer.from('p'), linkpath: Buffer.from('l'), size: 12 });
    expect(paxNaming(parsePaxRecords(Buffer.from(paxData({ mtime: '1', comment: 'c' }))), true)).toEqual({});
    const naming = (rec: Record<string, string>, global = false) => refusal(() => paxNaming(parsePaxRecords(Buffer.from(paxData(rec))), global));
    expect(naming({ 'GNU.sparse.name': 'x' })).toMatch(/^UNSUPPORTED_ENTRY: .*GNU sparse file/);
    expect(naming({ 'GNU.dumpdir': 'x' })).toMatch(/^UNSUPPORTED_ENTRY: .*"GNU.dumpdir"/);
    expect(naming({ hdrcharset: 'BINARY' })).toMatch(/^UNSUPPORTED_ENTRY/);
    for (const k of ['path', 'linkpath', 'size']) expect(naming({ [k]: '1' }, true)).toBe(`ARCHIVE_MALFORMED: a global extended header sets "${k}" (GNU tar and Python apply it to every later entry)`);
    for (const v of ['+1', ' 1', '1e3', '']) expect(naming({ size: v })).toMatch(/a "size" record that is not a size/);
    // Numbers GNU tar refuses and Python reads as 0 or a float.
    for (const [k, v] of [['uid', 'a'], ['gid', '4294967296'], ['mtime', '1e3'], ['atime', 'nan'], ['ctime', ' 1'], ['mtime', '']]) {
      expect(naming({ [k!]: v! }), `${k}=${v}`).toMatch(new RegExp(`^ARCHIVE_MALFORMED: archive extended header: a "${k}" record that is not a number GNU tar reads`));
    }
    expect(naming({ uid: '0', gid: '4294967295', mtime: '-1700000000.123456789', atime: '1' })).toBe('accepted');
  });
});

describe('GNU long names and pending extended headers', () => {
  const h = (over: Partial<TarHeader> = {}): TarHeader => ({ type: 'file', flag: 0x30, name: Buffer.from('short'), nameFieldSlash: false, linkname: Buffer.alloc(0), size: 0, strayPrefix: false, ...over });
  const pad = Buffer.alloc(10);

  it('a long name is the data up to its NUL; bytes after it or in the padding are refused', () => {
    expect(gnuLongName(Buffer.from('long/name\0'), pad).toString()).toBe('long/name');
    expect(gnuLongName(Buffer.from('no-nul'), pad).toString()).toBe('no-nul');
    expect(refusal(() => gnuLongName(Buffer.from('a\0b'), pad))).toMatch(/bytes after its end/);
    expect(refusal(() => gnuLongName(Buffer.from('a\0'), Buffer.from('zz')))).toMatch(/bytes in its padding/);
  });

  it('applies pax path, size and linkpath over the header, and a long name and long link together', () => {
    const p = new PendingHeaders();
    p.add('pax', Buffer.from(paxData({ path: 'from/pax', size: '5' })), pad);
    expect(p.take(h({ size: 0 }))).toEqual({ type: 'file', name: Buffer.from('from/pax'), linkname: Buffer.alloc(0), size: 5 });
    expect(p.empty).toBe(true);
    p.add('longlink', Buffer.from('t/target\0'), pad);
    p.add('longname', Buffer.from('n/name\0'), pad);
    expect(p.take(h({ type: 'symlink', flag: 0x32 }))).toMatchObject({ type: 'symlink', name: Buffer.from('n/name'), linkname: Buffer.from('t/target') });
  });

  it('refuses two competing extended headers before one entry, and one with no entry after it', () => {
    const two = (a: 'pax' | 'longname' | 'longlink' | 'global', b: 'pax' | 'longname' | 'longlink' | 'global') => {
      const p = new PendingHeaders();
      const data = (t: string) => Buffer.from(t === 'pax' ? paxData({ path: 'x' }) : t === 'global' ? paxData({ comment: 'c' }) : 'x\0');
      return refusal(() => {
        p.add(a, data(a), pad);
        p.add(b, data(b), pad);
      });
    };
    for (const [a, b] of [
      ['pax', 'pax'],
      ['longname', 'longname'],
      ['longlink', 'longlink'],
      ['longname', 'pax'],
      ['pax', 'longname'],
      ['longlink', 'pax'],
      ['pax', 'global'],
      ['longname', 'global'],
    ] as const) {
      expect(two(a, b), `${a} then ${b}`).toMatch(/^ARCHIVE_MALFORMED: archive has .* for the same entry \(tar readers disagree on which applies\)$/);
    }
    expect(two('global', 'pax')).toBe('accepted');
    expect(two('longname', 'longlink')).toBe('accepted');
    const p = new PendingHeaders();
    p.add('longname', Buffer.from('x\0'), pad);
    expect(refusal(() => p.end())).toBe('ARCHIVE_MALFORMED: archive ends after a GNU long name, with no entry for it');
    const g = new PendingHeaders();
    g.add('global', Buffer.from(paxData({ comment: 'c' })), pad);
    expect(refusal(() => g.end())).toBe('ARCHIVE_MALFORMED: archive ends after a global pax header, with no entry for it');
  });

  it('a non-regular entry that carries bytes is refused (extractors read them as headers)', () => {
    for (const type of ['symlink', 'hardlink', 'dir', 'chardev', 'fifo'] as const) {
      expect(refusal(() => new PendingHeaders().take(h({ type, size: 100 })))).toMatch(/entry that carries 100 bytes/);
    }
    const p = new PendingHeaders();
    p.add('pax', Buffer.from(paxData({ size: '7' })), pad);
    expect(refusal(() => p.take(h({ type: 'symlink' })))).toMatch(/symlink entry that carries 7 bytes/);
  });

  it('a regular entry named "x/" is a directory only where both readers say so', () => {
    expect(new PendingHeaders().take(h({ flag: 0, name: Buffer.from('d/'), nameFieldSlash: true }))).toMatchObject({ type: 'dir' });
    expect(refusal(() => new PendingHeaders().take(h({ name: Buffer.from('d/'), nameFieldSlash: true })))).toMatch(/read as a directory by one tar reader/);
    const p = new PendingHeaders();
    p.add('pax', Buffer.from(paxData({ path: 'd' })), pad);
    expect(refusal(() => p.take(h({ flag: 0, name: Buffer.from('d/'), nameFieldSlash: true })))).toMatch(/read as a directory by one tar reader/);
    expect(refusal(() => new PendingHeaders().take(h({ strayPrefix: true })))).toMatch(/name prefix outside the POSIX ustar format/);
    const q = new PendingHeaders();
    q.add('longname', Buffer.from('renamed\0'), pad);
    expect(q.take(h({ strayPrefix: true }))).toMatchObject({ name: Buffer.from('renamed') });
  });
});

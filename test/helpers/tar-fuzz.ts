/**
 * Random tar archives for the differential test against GNU tar and Python's tarfile: a
 * header writer that can get every field wrong in the ways readers disagree on (magic,
 * prefix, number forms, checksum, padding), fast-check arbitraries for entries, extended
 * headers, names and link targets, and byte-level mutations of whole archives that keep
 * header checksums right (so a mutated header is read, not just refused).
 */
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';

export type NumberForm = 'octal' | 'spaces' | 'base256' | 'plus' | 'blank' | 'junk';
export type Magic = 'ustar' | 'gnu' | 'v7' | 'ustar-nul' | 'junk';

export interface FuzzEntry {
  /** Name field bytes (cut to 100). */
  name: Buffer;
  flag: number;
  data: Buffer;
  linkname?: Buffer;
  prefix?: Buffer;
  /** The size field's value (default: data length) and form. */
  size?: number;
  sizeForm?: NumberForm;
  /** Form of the mode, uid, gid and mtime fields. */
  modeForm?: NumberForm;
  magic?: Magic;
  checksum?: 'unsigned' | 'signed' | 'bad';
  /** Non-zero bytes in the padding after the data. */
  junkPadding?: boolean;
}

function writeNumber(h: Buffer, off: number, len: number, n: number, form: NumberForm = 'octal'): void {
  const f = h.subarray(off, off + len);
  f.fill(0);
  switch (form) {
    case 'octal':
      f.write(n.toString(8).padStart(len - 1, '0').slice(-(len - 1)), 'latin1');
      return;
    case 'spaces':
      f.write(n.toString(8).padStart(len - 2, ' ') + ' ', 'latin1');
      return;
    case 'base256': {
      f[0] = 0x80;
      let v = n;
      for (let i = len - 1; i > 0; i--) {
        f[i] = v % 256;
        v = Math.floor(v / 256);
      }
      return;
    }
    case 'plus':
      f.write(`+${n.toString(8)}`, 'latin1');
      return;
    case 'blank':
      f.fill(0x20);
      return;
    case 'junk':
      f.write(`${n.toString(8)}x`, 'latin1');
  }
}

const MAGIC: Record<Magic, string> = { ustar: 'ustar\u000000', gnu: 'ustar  \u0000', v7: '\u0000'.repeat(8), 'ustar-nul': 'ustar\u0000\u0000\u0000', junk: 'ustar\u0000zz' };

export function setChecksum(h: Buffer, how: 'unsigned' | 'signed' | 'bad' = 'unsigned'): void {
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += how === 'signed' && b > 127 ? b - 256 : b;
  if (how === 'bad') sum += 1;
  h.write((sum & 0o777777).toString(8).padStart(6, '0') + '\0 ', 148, 8, 'latin1');
}

export function header(e: FuzzEntry): Buffer {
  const h = Buffer.alloc(512);
  e.name.copy(h, 0, 0, Math.min(100, e.name.length));
  writeNumber(h, 100, 8, e.flag === 0x35 ? 0o755 : 0o644, e.modeForm);
  writeNumber(h, 108, 8, 1000, e.modeForm);
  writeNumber(h, 116, 8, 1000, e.modeForm);
  writeNumber(h, 124, 12, e.size ?? e.data.length, e.sizeForm);
  writeNumber(h, 136, 12, 1_700_000_000, e.modeForm);
  h[156] = e.flag;
  e.linkname?.copy(h, 157, 0, Math.min(100, e.linkname.length));
  h.write(MAGIC[e.magic ?? 'ustar'], 257, 8, 'latin1');
  if (e.magic !== 'v7') {
    h.write('root', 265, 'latin1');
    h.write('root', 297, 'latin1');
    writeNumber(h, 329, 8, 0);
    writeNumber(h, 337, 8, 0);
  }
  e.prefix?.copy(h, 345, 0, Math.min(155, e.prefix.length));
  setChecksum(h, e.checksum);
  return h;
}

export interface Built {
  bytes: Buffer;
  /** Offset of every header block. */
  headers: number[];
}

/** Entries, then the trailer (end marker and whatever follows it). */
export function writeTar(entries: FuzzEntry[], trailer: Buffer): Built {
  const parts: Buffer[] = [];
  const headers: number[] = [];
  let off = 0;
  for (const e of entries) {
    const h = header(e);
    headers.push(off);
    const pad = (512 - (e.data.length % 512)) % 512;
    const padding = e.junkPadding && pad > 0 ? Buffer.alloc(pad, 0x41) : Buffer.alloc(pad);
    parts.push(h, e.data, padding);
    off += 512 + e.data.length + pad;
  }
  parts.push(trailer);
  return { bytes: Buffer.concat(parts), headers };
}

/** pax records, each "LEN KEY=VALUE\n" with LEN right unless `skew` is given. */
export function paxRecord(key: string, value: Buffer | string, skew = 0): Buffer {
  const body = Buffer.concat([Buffer.from(` ${key}=`), Buffer.from(value), Buffer.from('\n')]);
  let len = body.length + 1;
  while (String(len).length + body.length !== len) len = String(len).length + body.length;
  return Buffer.concat([Buffer.from(String(len + skew)), body]);
}

// ---- arbitraries ----

const COMMON = ['a', 'b', 'sub', 'x.bin', 'w.pkl', '.git', '\u00e9.bin', 'model.sig', 'A', 'c d'];
const ODD = ['..', '.', '', 'a\\b', 'x\u0000y', 'long-' + 'n'.repeat(120), 'w\ufffd'];
export const segment = fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...COMMON) }, { weight: 1, arbitrary: fc.constantFrom(...ODD) });

/** A path: 1-3 segments, sometimes "./" in front, rarely a "/" behind or absolute. */
export const pathArb = fc
  .tuple(
    fc.array(segment, { minLength: 1, maxLength: 3 }),
    fc.oneof({ weight: 10, arbitrary: fc.constantFrom('', './') }, { weight: 1, arbitrary: fc.constantFrom('/modelsign-fuzz-absent/', '././', './/') }),
    fc.oneof({ weight: 15, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('/', '//') }),
  )
  .map(([segs, lead, trail]) => lead + segs.join('/') + trail);

export const targetArb = fc.oneof(pathArb, fc.constantFrom('../x.bin', '../../etc/passwd', '/etc/passwd', 'sub/../x.bin', '.', 'sub', 'x.bin', 'a/x.bin', ''));

const dataArb = fc.oneof(
  fc.constantFrom(Buffer.alloc(0), Buffer.from('{"a":1}'), Buffer.alloc(700, 0x57)),
  fc.uint8Array({ minLength: 0, maxLength: 1100 }).map((u) => Buffer.from(u)),
);

/** A name either in the header (name field, maybe split into prefix) or through an extended header. */
type Naming = { via: 'header' } | { via: 'pax' } | { via: 'gnu' } | { via: 'prefix' };
const namingArb: fc.Arbitrary<Naming> = fc.constantFrom<Naming>({ via: 'header' }, { via: 'header' }, { via: 'header' }, { via: 'pax' }, { via: 'gnu' }, { via: 'prefix' });

export interface EntrySpec {
  kind: 'file' | 'dir' | 'symlink' | 'hardlink' | 'special' | 'unknown' | 'global' | 'extra-pax' | 'junk-block';
  path: string;
  flag: number;
  data: Buffer;
  target: string;
  naming: Naming;
  /** Extra pax records (some malformed), or how a GNU long name is written. */
  records: Array<{ key: string; value: string; skew: number }>;
  longNul: 'nul' | 'none' | 'junk-after';
  magic: Magic;
  checksum: 'unsigned' | 'signed' | 'bad';
  sizeForm: NumberForm;
  modeForm: NumberForm;
  sizeDelta: number;
  junkPadding: boolean;
  strayPrefix: boolean;
}

const recordArb = fc.record({
  key: fc.constantFrom('path', 'linkpath', 'size', 'mtime', 'comment', 'uid', 'GNU.sparse.name', 'hdrcharset', 'SCHILY.xattr.user.k', 'path'),
  value: fc.oneof(pathArb, fc.constantFrom('1', '0', '12', '+3', 'x\n9 path=evil', 'BINARY')),
  skew: fc.constantFrom(0, 0, 0, 0, 0, 0, 1, -1),
});

const rare = <T>(common: T, ...others: T[]): fc.Arbitrary<T> => fc.oneof({ weight: 40, arbitrary: fc.constant(common) }, { weight: 1, arbitrary: fc.constantFrom(...others) });

export const entrySpecArb: fc.Arbitrary<EntrySpec> = fc
  .record({
    kind: fc.oneof(
      { weight: 10, arbitrary: fc.constant('file' as const) },
      { weight: 4, arbitrary: fc.constant('dir' as const) },
      { weight: 3, arbitrary: fc.constant('symlink' as const) },
      { weight: 2, arbitrary: fc.constant('hardlink' as const) },
      { weight: 1, arbitrary: fc.constantFrom('special' as const, 'unknown' as const, 'global' as const, 'extra-pax' as const, 'junk-block' as const) },
    ),
    path: pathArb,
    fileFlag: rare(0x30, 0x00, 0x37),
    specialFlag: fc.constantFrom(0x33, 0x34, 0x36),
    unknownFlag: fc.constantFrom(0x53, 0x56, 0x44, 0x4d, 0x4e, 0x58, 0x41, 0x5a, 0x38),
    data: dataArb,
    target: targetArb,
    naming: namingArb,
    records: fc.oneof({ weight: 4, arbitrary: fc.constant<Array<{ key: string; value: string; skew: number }>>([]) }, { weight: 1, arbitrary: fc.array(recordArb, { minLength: 1, maxLength: 3 }) }),
    longNul: rare('nul' as const, 'none' as const, 'junk-after' as const),
    magic: rare<Magic>('ustar', 'gnu', 'v7', 'ustar-nul', 'junk'),
    checksum: rare('unsigned' as const, 'signed' as const, 'bad' as const),
    sizeForm: rare<NumberForm>('octal', 'spaces', 'base256', 'plus', 'blank', 'junk'),
    modeForm: rare<NumberForm>('octal', 'spaces', 'base256', 'plus', 'blank', 'junk'),
    sizeDelta: rare(0, 1, -1, 512, 100),
    junkPadding: rare(false, true),
    strayPrefix: rare(false, true),
  })
  .map((r) => ({
    kind: r.kind,
    path: r.path,
    flag: r.kind === 'file' ? r.fileFlag : r.kind === 'special' ? r.specialFlag : r.kind === 'unknown' ? r.unknownFlag : { dir: 0x35, symlink: 0x32, hardlink: 0x31, global: 0x67, 'extra-pax': 0x78, 'junk-block': 0x30 }[r.kind],
    data: r.kind === 'file' || r.kind === 'unknown' ? r.data : r.sizeDelta !== 0 ? r.data.subarray(0, 16) : Buffer.alloc(0),
    target: r.target,
    naming: r.naming,
    records: r.records,
    longNul: r.longNul,
    magic: r.magic,
    checksum: r.checksum,
    sizeForm: r.sizeForm,
    modeForm: r.modeForm,
    sizeDelta: r.kind === 'file' ? r.sizeDelta : 0,
    junkPadding: r.junkPadding,
    strayPrefix: r.strayPrefix,
  }));

function longEntry(flag: number, name: Buffer, how: EntrySpec['longNul'], magic: Magic): FuzzEntry {
  const data = how === 'nul' ? Buffer.concat([name, Buffer.from([0])]) : how === 'none' ? name : Buffer.concat([name, Buffer.from('\0junk')]);
  return { name: Buffer.from('././@LongLink'), flag, data, magic: magic === 'v7' ? 'gnu' : magic };
}

/** The raw entries (extended headers first) one spec stands for. */
export function entriesOf(s: EntrySpec): FuzzEntry[] {
  const out: FuzzEntry[] = [];
  const name = Buffer.from(s.path);
  const target = Buffer.from(s.target);
  if (s.kind === 'junk-block') return [{ name: Buffer.from('junk'), flag: 0x30, data: Buffer.alloc(0), checksum: 'bad' }];
  if (s.kind === 'global' || s.kind === 'extra-pax') {
    const body = Buffer.concat(s.records.map((r) => paxRecord(r.key, r.value, r.skew)));
    return [{ name: Buffer.from('pax_global_header'), flag: s.flag, data: body, magic: s.magic }];
  }
  const common = { flag: s.flag, magic: s.magic, checksum: s.checksum, sizeForm: s.sizeForm, modeForm: s.modeForm, junkPadding: s.junkPadding };
  const size = Math.max(0, s.data.length + s.sizeDelta);
  const base: FuzzEntry = { ...common, name, data: s.data, size, linkname: s.kind === 'symlink' || s.kind === 'hardlink' ? target : undefined };
  if (s.naming.via === 'pax') {
    const recs = [paxRecord('path', name), ...(base.linkname ? [paxRecord('linkpath', target)] : []), ...s.records.map((r) => paxRecord(r.key, r.value, r.skew))];
    out.push({ name: Buffer.from('PaxHeaders/x'), flag: 0x78, data: Buffer.concat(recs), magic: s.magic === 'v7' ? 'ustar' : s.magic });
    base.name = Buffer.from(s.path.slice(0, 30));
  } else if (s.naming.via === 'gnu') {
    if (base.linkname) out.push(longEntry(0x4b, target, s.longNul, s.magic));
    out.push(longEntry(0x4c, name, s.longNul, s.magic));
    base.name = Buffer.from(s.path.slice(0, 30));
  } else if (s.naming.via === 'prefix') {
    const slash = s.path.lastIndexOf('/', s.path.length - 2);
    if (slash > 0) {
      base.prefix = Buffer.from(s.path.slice(0, slash));
      base.name = Buffer.from(s.path.slice(slash + 1));
    }
  }
  if (s.strayPrefix && !base.prefix) base.prefix = Buffer.from('sub');
  out.push(base);
  return out;
}

export type TrailerKind = 'two-zero' | 'none' | 'one-zero' | 'record' | 'zero-junk' | 'zero-entry';
export const trailerArb = rare<TrailerKind>('two-zero', 'none', 'one-zero', 'record', 'zero-junk', 'zero-entry');

export function trailerOf(kind: TrailerKind): Buffer {
  switch (kind) {
    case 'two-zero':
      return Buffer.alloc(1024);
    case 'none':
      return Buffer.alloc(0);
    case 'one-zero':
      return Buffer.alloc(512);
    case 'record':
      return Buffer.alloc(10240);
    case 'zero-junk':
      return Buffer.concat([Buffer.alloc(1024), Buffer.from('junk')]);
    case 'zero-entry':
      return Buffer.concat([Buffer.alloc(512), header({ name: Buffer.from('hidden.bin'), flag: 0x30, data: Buffer.alloc(0) }), Buffer.alloc(1024)]);
  }
}

export interface ArchiveSpec {
  entries: EntrySpec[];
  trailer: TrailerKind;
  gzip: 'no' | 'yes' | 'yes-junk' | 'two-members';
  allowSymlinks: boolean;
  ignoreGit: boolean;
}

/**
 * Most links name an earlier file of the same archive (a random target rarely exists).
 * PICKS: for each entry, which earlier file (mod their count), or -1 to keep its target.
 */
function linkToEarlier(entries: EntrySpec[], picks: number[], fileFirst = false): EntrySpec[] {
  const files: string[] = [];
  return entries.map((e, i) => {
    const pick = picks[i % picks.length] ?? -1;
    let out = e;
    // A link with no file before it becomes that file (valid archives only).
    if (fileFirst && files.length === 0 && (e.kind === 'symlink' || e.kind === 'hardlink')) out = e = { ...e, kind: 'file', flag: 0x30 };
    if ((e.kind === 'symlink' || e.kind === 'hardlink') && pick >= 0 && files.length > 0) {
      const t = files[pick % files.length]!;
      // A hard link names the archive root; a symlink is relative to its own folder.
      const depth = e.path.replace(/^(\.\/)+/, '').split('/').length - 1;
      out = { ...e, target: e.kind === 'hardlink' ? t : '../'.repeat(depth) + t };
    }
    if (e.kind === 'file') files.push(e.path.replace(/^(\.\/)+/, ''));
    return out;
  });
}

const picksArb = fc.array(fc.oneof({ weight: 3, arbitrary: fc.nat(20) }, { weight: 1, arbitrary: fc.constant(-1) }), { minLength: 1, maxLength: 6 });

export const archiveSpecArb: fc.Arbitrary<ArchiveSpec> = fc
  .record({
    entries: fc.array(entrySpecArb, { minLength: 1, maxLength: 6 }),
    picks: picksArb,
    trailer: trailerArb,
    gzip: fc.constantFrom('no', 'no', 'no', 'yes', 'yes', 'yes-junk', 'two-members'),
    allowSymlinks: fc.boolean(),
    ignoreGit: fc.boolean(),
  })
  .map(({ picks, ...s }) => ({ ...s, entries: linkToEarlier(s.entries, picks) }));

export function buildArchive(spec: ArchiveSpec): Built {
  return writeTar(spec.entries.flatMap(entriesOf), trailerOf(spec.trailer));
}

export function compress(tar: Buffer, how: ArchiveSpec['gzip']): Buffer {
  switch (how) {
    case 'no':
      return tar;
    case 'yes':
      return gzipSync(tar, { level: 1 });
    case 'yes-junk':
      return Buffer.concat([gzipSync(tar, { level: 1 }), Buffer.from('\0\0junk')]);
    case 'two-members': {
      const cut = Math.floor(tar.length / 2);
      return Buffer.concat([gzipSync(tar.subarray(0, cut), { level: 1 }), gzipSync(tar.subarray(cut), { level: 1 })]);
    }
  }
}

/** A byte-level change to a whole archive; header checksums are fixed afterwards unless `keepSum`. */
export interface Mutation {
  kind: 'set' | 'flip' | 'truncate' | 'insert-block' | 'dup-block' | 'field';
  /** Relative position (0..1) in the archive, or which header (mod their count). */
  at: number;
  value: number;
  field: 'size' | 'type' | 'name' | 'magic' | 'prefix' | 'linkname';
  keepSum: boolean;
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('set', 'flip', 'field', 'field') }, { weight: 1, arbitrary: fc.constantFrom('truncate', 'insert-block', 'dup-block') }),
  at: fc.integer({ min: 0, max: 9999 }).map((n) => n / 10000),
  value: fc.integer({ min: 0, max: 255 }),
  field: fc.constantFrom('size', 'type', 'name', 'magic', 'prefix', 'linkname'),
  keepSum: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

const FIELD: Record<Mutation['field'], [number, number]> = { name: [0, 100], size: [124, 12], type: [156, 1], linkname: [157, 100], magic: [257, 8], prefix: [345, 155] };
const INTERESTING = [0x00, 0x20, 0x2f, 0x2e, 0x30, 0x31, 0x32, 0x35, 0x37, 0x78, 0x4c, 0x4b, 0x67, 0x80, 0xff];

/** Apply mutations to a built archive (header offsets known), fixing checksums where asked. */
export function mutate(built: Built, mutations: Mutation[]): Buffer {
  let b = Buffer.from(built.bytes);
  let headers = [...built.headers];
  const touched = new Set<number>();
  for (const m of mutations) {
    const pos = Math.floor(m.at * b.length);
    const block = pos - (pos % 512);
    switch (m.kind) {
      case 'set':
        b[pos] = m.value;
        if (!m.keepSum && headers.includes(block)) touched.add(block);
        break;
      case 'flip':
        b[pos] = b[pos]! ^ (1 << (m.value % 8));
        if (!m.keepSum && headers.includes(block)) touched.add(block);
        break;
      case 'truncate':
        b = b.subarray(0, pos);
        break;
      case 'insert-block':
      case 'dup-block': {
        const ins = m.kind === 'dup-block' && headers.length > 0 ? b.subarray(headers[m.value % headers.length]!, headers[m.value % headers.length]! + 512) : Buffer.alloc(512, m.value);
        b = Buffer.concat([b.subarray(0, block), ins, b.subarray(block)]);
        headers = headers.map((h) => (h >= block ? h + 512 : h));
        touched.clear();
        break;
      }
      case 'field': {
        if (headers.length === 0) break;
        const h = headers[m.value % headers.length]!;
        const [off, len] = FIELD[m.field];
        if (h + off + len > b.length) break;
        const at = h + off + Math.floor(m.at * len);
        b[at] = INTERESTING[m.value % INTERESTING.length]!;
        if (!m.keepSum) touched.add(h);
        break;
      }
    }
  }
  for (const h of touched) if (h + 512 <= b.length) setChecksum(b.subarray(h, h + 512));
  return b;
}

const cleanPath = fc
  .tuple(fc.array(fc.constantFrom('a', 'b', 'sub', 'x.bin', 'w.pkl', '\u00e9.bin', 'A', '.git'), { minLength: 1, maxLength: 3 }), fc.constantFrom('', './'))
  .map(([segs, lead]) => lead + segs.join('/'));

/** Archives most readers take as they are: the starting point of byte-level mutation. */
export const validArchiveArb: fc.Arbitrary<ArchiveSpec> = fc
  .tuple(
    fc.array(
      fc.record({
        entry: entrySpecArb,
        kind: fc.constantFrom('file', 'file', 'file', 'dir', 'symlink', 'hardlink') as fc.Arbitrary<EntrySpec['kind']>,
        path: cleanPath,
        target: fc.constantFrom('x.bin', 'a/x.bin', 'sub/w.pkl', 'b'),
        naming: fc.constantFrom<Naming>({ via: 'header' }, { via: 'header' }, { via: 'pax' }, { via: 'gnu' }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    fc.constantFrom<ArchiveSpec['gzip']>('no', 'no', 'yes'),
    fc.boolean(),
    fc.boolean(),
    picksArb,
  )
  .map(([es, gzip, allowSymlinks, ignoreGit, picks]) => ({
    entries: linkToEarlier(es.map(({ entry, kind, path, target, naming }) => ({
      ...entry,
      kind,
      path: kind === 'dir' ? `${path}/` : path,
      flag: { file: 0x30, dir: 0x35, symlink: 0x32, hardlink: 0x31 }[kind as 'file'] ?? 0x30,
      data: kind === 'file' ? entry.data : Buffer.alloc(0),
      target,
      naming,
      records: [],
      longNul: 'nul' as const,
      magic: 'ustar' as const,
      checksum: 'unsigned' as const,
      sizeForm: 'octal' as const,
      modeForm: 'octal' as const,
      sizeDelta: 0,
      junkPadding: false,
      strayPrefix: false,
    })), picks, true),
    trailer: 'two-zero' as const,
    gzip,
    allowSymlinks,
    ignoreGit,
  }));

import { describe, expect, it, afterAll } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { create as tarCreate } from 'tar';
import { scanPath } from '../../src/scan/scan-path.js';
import path from 'node:path';
import { checkSafetensors } from '../../src/scan/safetensors.js';
import { checkGguf } from '../../src/scan/gguf.js';
import { sniff } from '../../src/scan/detect.js';
import { scanFile } from '../../src/scan/scan-file.js';
import { ByteSource } from '../../src/scan/source.js';
import { DEFAULT_LIMITS } from '../../src/scan/types.js';
import { cleanupTmp, tmpDir } from '../helpers/cli.js';
import * as F from '../helpers/scan-fixtures.js';

afterAll(cleanupTmp);

const st = (b: Buffer) => checkSafetensors(ByteSource.fromBuffer(b), b.length, 'm.safetensors', DEFAULT_LIMITS);
const gg = (b: Buffer) => checkGguf(ByteSource.fromBuffer(b), b.length, 'm.gguf', DEFAULT_LIMITS);
const codes = (f: { code: string }[]) => f.map((x) => x.code);
const T = (dtype: string, shape: number[], a: number, b: number) => ({ dtype, shape, data_offsets: [a, b] });

describe('safetensors structure', () => {
  it('accepts a valid file, including header padding and an empty tensor', async () => {
    expect(await st(F.validSafetensors())).toEqual([]);
    expect(await st(F.safetensors(JSON.stringify({ a: T('BF16', [3], 0, 6), e: T('F32', [0, 4], 6, 6) }) + '   ', Buffer.alloc(6)))).toEqual([]);
    expect(await st(F.safetensors({ q: T('F4', [4], 0, 2) }, Buffer.alloc(2)))).toEqual([]);
  });
  it('trailing bytes after the last tensor', async () => {
    const f = await st(Buffer.concat([F.validSafetensors(), Buffer.from('hidden payload')]));
    expect(codes(f)).toEqual(['SAFETENSORS_TRAILING_BYTES']);
    expect(f[0]!.message).toContain('14 bytes after the last tensor');
  });
  it('a header length that lies (past the end, too short for the JSON, too large)', async () => {
    const json = JSON.stringify({ w: T('F32', [1], 0, 4) });
    expect(codes(await st(F.safetensors(json, Buffer.alloc(4), { declaredLength: 5000 })))).toEqual(['SAFETENSORS_HEADER_LENGTH']);
    expect(codes(await st(F.safetensors(json, Buffer.alloc(4), { declaredLength: json.length - 3 })))).toEqual(['SAFETENSORS_HEADER_JSON']);
    expect(codes(await st(F.safetensors(json, Buffer.alloc(4), { declaredLength: 2 ** 40 })))).toEqual(['SAFETENSORS_HEADER_LENGTH']);
    expect(codes(await st(Buffer.alloc(5)))).toEqual(['SAFETENSORS_TRUNCATED']);
  });
  it('overlapping tensors, gaps, and data that runs short', async () => {
    const over = await st(F.safetensors({ a: T('F32', [2], 0, 8), b: T('F32', [2], 4, 12) }, Buffer.alloc(12)));
    expect(codes(over)).toContain('SAFETENSORS_OFFSETS');
    expect(over.find((x) => x.code === 'SAFETENSORS_OFFSETS')!.message).toContain('overlaps');
    const gap = await st(F.safetensors({ a: T('F32', [1], 0, 4), b: T('F32', [1], 8, 12) }, Buffer.alloc(12)));
    expect(codes(gap)).toEqual(['SAFETENSORS_OFFSETS']);
    expect(gap[0]!.message).toContain('belong to no tensor');
    expect(codes(await st(F.safetensors({ a: T('F32', [4], 0, 16) }, Buffer.alloc(8))))).toEqual(['SAFETENSORS_TRUNCATED']);
    expect(codes(await st(F.safetensors({ a: T('F32', [1], 4, 8) }, Buffer.alloc(8))))).toEqual(['SAFETENSORS_OFFSETS']);
  });
  it('size must equal shape x dtype width; dtypes must be known', async () => {
    expect(codes(await st(F.safetensors({ a: T('F32', [3], 0, 8) }, Buffer.alloc(8))))).toEqual(['SAFETENSORS_SIZE']);
    expect(codes(await st(F.safetensors({ a: T('F31', [2], 0, 8) }, Buffer.alloc(8))))).toContain('SAFETENSORS_DTYPE');
    expect(codes(await st(F.safetensors({ a: T('F4', [3], 0, 2) }, Buffer.alloc(2))))).toEqual(['SAFETENSORS_SIZE']);
  });
  it('duplicate keys, non-object header, bad UTF-8, non-string metadata', async () => {
    const dup = '{"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1]}}';
    expect(codes(await st(F.safetensors(dup, Buffer.alloc(1))))).toEqual(['SAFETENSORS_DUPLICATE_KEY']);
    expect(codes(await st(F.safetensors('["a"]  ', Buffer.alloc(0))))).toEqual(['SAFETENSORS_HEADER_JSON']);
    const bad = Buffer.concat([Buffer.from([4, 0, 0, 0, 0, 0, 0, 0]), Buffer.from([0x7b, 0xff, 0xfe, 0x7d])]);
    expect(codes(await st(bad))).toEqual(['SAFETENSORS_HEADER_JSON']);
    expect(codes(await st(F.safetensors({ __metadata__: { n: 1 } }, Buffer.alloc(0))))).toEqual(['SAFETENSORS_METADATA']);
  });
});

describe('GGUF structure', () => {
  it('accepts a valid file', async () => {
    expect(await gg(F.validGguf())).toEqual([]);
  });
  it('bad magic, unknown version', async () => {
    const f = await gg(F.validGguf({ magic: 'GGML' }));
    expect(codes(f)).toEqual(['GGUF_BAD_MAGIC']);
    expect(f[0]!.message).toContain('"GGML"');
    const v = F.validGguf();
    v.writeUInt32LE(99, 4);
    expect(codes(await gg(v))).toEqual(['GGUF_VERSION']);
  });
  it('counts, strings and arrays are bounded by limits and by the file size', async () => {
    const huge = F.validGguf();
    huge.writeBigUInt64LE(1n << 40n, 8); // tensor count
    expect((await gg(huge))[0]!.message).toMatch(/tensor count .* exceeds/);
    const lying = F.validGguf();
    lying.writeBigUInt64LE(1000n, 16); // key/value count that cannot fit
    expect((await gg(lying))[0]!.message).toContain('cannot fit');
    const longStr = F.validGguf();
    longStr.writeBigUInt64LE(1n << 50n, 24); // first key's length
    expect(codes(await gg(longStr))).toEqual(['GGUF_MALFORMED']);
    const arr = F.validGguf();
    const at = arr.indexOf('tokenizer.ggml.tokens') + 'tokenizer.ggml.tokens'.length + 8;
    arr.writeBigUInt64LE(1n << 33n, at); // array length
    expect((await gg(arr))[0]!.message).toMatch(/array .* (more than the limit|runs past)/);
    expect(codes(await gg(F.validGguf().subarray(0, 60)))).toEqual(['GGUF_MALFORMED']);
  });
  it('tensor data must lie inside the file', async () => {
    const short = F.validGguf();
    expect(codes(await gg(short.subarray(0, short.length - 8)))).toEqual(['GGUF_TENSOR']);
  });
});

describe('containers and detection', () => {
  it('recognises formats by content, whatever the name', () => {
    expect(sniff(F.osSystemProtocol2(), 'notes.txt')).toBe('pickle');
    expect(sniff(Buffer.from('cos\nsystem\n(S\'ls\'\ntR.'), 'x.dat')).toBe('pickle');
    expect(sniff(F.torchZip(F.benignOrderedDict()), 'weights')).toBe('zip');
    expect(sniff(F.validSafetensors(), 'a.bin')).toBe('safetensors');
    expect(sniff(F.validGguf(), 'a')).toBe('gguf');
    // Loaders unpickle .bin and extension-less files too: content that is not recognised there is a candidate.
    expect(sniff(Buffer.from('random bytes here'), 'pytorch_model.bin')).toBe('candidate');
    expect(sniff(Buffer.from('random bytes here'), 'weights.json')).toBe('unknown');
    expect(sniff(Buffer.from('random bytes here'), 'model.pt')).toBe('pickle');
    expect(sniff(Buffer.from('(dp0\nS\'a\'\np1\nI1\ns.'), 'old.dat')).toBe('pickle');
    // Text that merely starts like protocol 0 is left alone (an extension-less name is still a candidate).
    expect(sniff(Buffer.from('config\nvalues\nare here'), 'README.md')).toBe('unknown');
    expect(sniff(Buffer.from('config\nvalues\nare here'), 'README')).toBe('candidate');
    expect(sniff(Buffer.from('(draft) notes'), 'notes.txt')).toBe('unknown');
  });

  it('scans every pickle in a PyTorch zip, stored or deflated, and object .npy inside .npz', async () => {
    const d = await tmpDir();
    const good = path.join(d, 'good.pt');
    await writeFile(good, F.torchZip(F.tensorStateDict(), { deflate: true }));
    const r = await scanFile(good, 'good.pt', DEFAULT_LIMITS);
    expect(r).toMatchObject({ format: 'pytorch', pickle: true, findings: [] });
    expect(r.imports.map((i) => i.member)).toContain('archive/data.pkl');

    const npz = path.join(d, 'a.npz');
    await writeFile(npz, F.makeZip([{ name: 'x.npy', data: F.npy('<f4', '(2,)', Buffer.alloc(8)) }, { name: 'y.npy', data: F.npy('|O', '(1,)', F.osSystemProtocol2()), deflate: true }]));
    const n = await scanFile(npz, 'a.npz', DEFAULT_LIMITS);
    expect(n).toMatchObject({ format: 'npz', pickle: true });
    expect(n.findings).toMatchObject([{ code: 'PICKLE_DANGEROUS_GLOBAL', member: 'y.npy', global: 'os.system' }]);
  });

  it('zip bombs, lying sizes, duplicate names and broken directories are findings', async () => {
    const d = await tmpDir();
    const bombData = Buffer.alloc(16 << 20);
    const bomb = F.makeZip([{ name: 'archive/data.pkl', data: bombData, deflate: true }]);
    await writeFile(path.join(d, 'bomb.pt'), bomb);
    const b = await scanFile(path.join(d, 'bomb.pt'), 'bomb.pt', DEFAULT_LIMITS);
    expect(b.findings[0]!.message).toContain('compression ratio');

    // Declared size smaller than the real inflated data: inflation stops at the declared size,
    // and what the walker saw before that point is still reported.
    const pkl = F.osSystemProtocol2();
    const liar = F.makeZip([{ name: 'data.pkl', data: pkl, deflate: true }]);
    const cdAt = liar.lastIndexOf(Buffer.from([0x50, 0x4b, 1, 2]));
    liar.writeUInt32LE(pkl.length - 2, cdAt + 24);
    await writeFile(path.join(d, 'liar.pt'), liar);
    const l = await scanFile(path.join(d, 'liar.pt'), 'liar.pt', DEFAULT_LIMITS);
    expect(codes(l.findings).sort()).toEqual(['PICKLE_DANGEROUS_GLOBAL', 'PICKLE_MALFORMED', 'ZIP_AMBIGUOUS', 'ZIP_MALFORMED']);
    expect(l.findings.find((x) => x.code === 'ZIP_MALFORMED')).toMatchObject({ member: 'data.pkl', message: `member inflates to more than its declared ${pkl.length - 2} bytes` });

    // Corrupt deflate data.
    const corrupt = F.makeZip([{ name: 'data.pkl', data: Buffer.alloc(5000, 1), deflate: true }]);
    corrupt.fill(0xff, 40, 60);
    await writeFile(path.join(d, 'corrupt.pt'), corrupt);
    expect((await scanFile(path.join(d, 'corrupt.pt'), 'corrupt.pt', DEFAULT_LIMITS)).findings.map((x) => x.message).join('\n')).toMatch(/corrupt|inflates/);

    const dup = F.makeZip([{ name: 'archive/data.pkl', data: F.benignOrderedDict() }, { name: 'archive/data.pkl', data: F.osSystemProtocol2() }]);
    await writeFile(path.join(d, 'dup.pt'), dup);
    const u = await scanFile(path.join(d, 'dup.pt'), 'dup.pt', DEFAULT_LIMITS);
    expect(codes(u.findings).sort()).toEqual(['PICKLE_DANGEROUS_GLOBAL', 'ZIP_AMBIGUOUS']);

    await writeFile(path.join(d, 'cut.pt'), F.torchZip(F.benignOrderedDict()).subarray(0, 100));
    expect(codes((await scanFile(path.join(d, 'cut.pt'), 'cut.pt', DEFAULT_LIMITS)).findings)).toEqual(['ZIP_MALFORMED']);
  });

  it('empty zip members and empty files are handled', async () => {
    const d = await tmpDir();
    await writeFile(path.join(d, 'e.pt'), F.makeZip([{ name: 'archive/data.pkl', data: Buffer.alloc(0) }]));
    expect((await scanFile(path.join(d, 'e.pt'), 'e.pt', DEFAULT_LIMITS)).findings).toMatchObject([{ code: 'PICKLE_MALFORMED', member: 'archive/data.pkl' }]);
    await writeFile(path.join(d, 'empty.safetensors'), '');
    expect(codes((await scanFile(path.join(d, 'empty.safetensors'), 'empty.safetensors', DEFAULT_LIMITS)).findings)).toEqual(['SAFETENSORS_TRUNCATED']);
    await writeFile(path.join(d, 'empty.txt'), '');
    expect((await scanFile(path.join(d, 'empty.txt'), 'empty.txt', DEFAULT_LIMITS))).toMatchObject({ format: 'unknown', findings: [] });
  });

  it('a zip member of a tar over the copy-out limit is reported, not spooled', async () => {
    const d = await tmpDir();
    await mkdir(path.join(d, 'm'));
    await writeFile(path.join(d, 'm', 'w.pt'), F.torchZip(F.osSystemProtocol2()));
    await writeFile(path.join(d, 'm', 'p.pkl'), F.osSystemProtocol2());
    await tarCreate({ file: path.join(d, 'm.tar'), cwd: d, portable: true }, ['m']);
    const r = await scanPath(path.join(d, 'm.tar'), { limits: { maxMemberBytes: 100 } });
    expect(r.findings.filter((x) => x.file === 'm.tar:w.pt')).toMatchObject([{ code: 'SCAN_LIMIT', severity: 'high' }]);
    // The zip was never opened: nothing inside it was looked at; the plain pickle was.
    expect(r.files.find((x) => x.file === 'm.tar:w.pt')).toMatchObject({ format: 'zip', imports: [] });
    expect(r.files.find((x) => x.file === 'm.tar:p.pkl')?.findings.map((x) => x.code)).toContain('PICKLE_DANGEROUS_GLOBAL');
  });

  it('tar entries beyond the file limit are reported, not silently left unscanned', async () => {
    const d = await tmpDir();
    await mkdir(path.join(d, 'm'));
    await writeFile(path.join(d, 'm', 'a.txt'), 'benign');
    await writeFile(path.join(d, 'm', 'b.pkl'), F.osSystemProtocol2());
    await tarCreate({ file: path.join(d, 'm.tar'), cwd: d, portable: true }, ['m/a.txt', 'm/b.pkl']);
    const r = await scanPath(path.join(d, 'm.tar'), { limits: { maxFiles: 1 } });
    expect(r.files.map((x) => x.file)).toEqual(['m.tar:a.txt']);
    expect(r.findings).toMatchObject([{ code: 'SCAN_LIMIT', severity: 'high', file: 'm.tar:b.pkl' }]);
    expect(r.filesRefused).toBe(1);
  });

  it('a zip member that cannot be copied out (no writable temp dir) is a finding, not a crash', async () => {
    const d = await tmpDir();
    await mkdir(path.join(d, 'm'));
    await writeFile(path.join(d, 'm', 'w.pt'), F.torchZip(F.osSystemProtocol2()));
    await tarCreate({ file: path.join(d, 'm.tar'), cwd: d, portable: true }, ['m']);
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = path.join(d, 'no-such-dir');
    try {
      const r = await scanPath(path.join(d, 'm.tar'));
      expect(r.findings).toMatchObject([{ code: 'SCAN_SKIPPED', severity: 'high', file: 'm.tar:w.pt' }]);
      expect(r.findings[0]!.message).toMatch(/cannot be copied out of the archive to scan it \(ENOENT; set TMPDIR/);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });

  it('archives it cannot open are reported, not passed as clean', async () => {
    const d = await tmpDir();
    await writeFile(path.join(d, 'model.tar.zst'), Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 1, 2, 3]));
    expect((await scanFile(path.join(d, 'model.tar.zst'), 'model.tar.zst', DEFAULT_LIMITS)).findings).toMatchObject([{ code: 'SCAN_SKIPPED', severity: 'medium' }]);
    await writeFile(path.join(d, 'notes.txt'), 'hello');
    expect((await scanFile(path.join(d, 'notes.txt'), 'notes.txt', DEFAULT_LIMITS)).findings).toEqual([]);
  });

  it('a malformed .npy header is reported', async () => {
    const d = await tmpDir();
    await writeFile(path.join(d, 'x.npy'), Buffer.concat([Buffer.from([0x93]), Buffer.from('NUMPY'), Buffer.from([9, 0, 1, 0])]));
    expect(codes((await scanFile(path.join(d, 'x.npy'), 'x.npy', DEFAULT_LIMITS)).findings)).toEqual(['NPY_MALFORMED']);
  });
});

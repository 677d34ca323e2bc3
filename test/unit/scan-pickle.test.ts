import { describe, expect, it } from 'vitest';
import { walkPickles } from '../../src/scan/pickle.js';
import { classifyGlobal } from '../../src/scan/globals.js';
import { ByteSource } from '../../src/scan/source.js';
import { DEFAULT_LIMITS, type ScanLimits } from '../../src/scan/types.js';
import * as F from '../helpers/scan-fixtures.js';

const walk = (b: Buffer, limits: Partial<ScanLimits> = {}) => walkPickles(ByteSource.fromBuffer(b), { file: 'x.pkl', limits: { ...DEFAULT_LIMITS, ...limits } });
const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

describe('pickle walker: hostile pickles', () => {
  it('protocol 2 GLOBAL os.system called by REDUCE is critical', async () => {
    const r = await walk(F.osSystemProtocol2());
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ code: 'PICKLE_DANGEROUS_GLOBAL', severity: 'critical', global: 'os.system', file: 'x.pkl' });
    expect(r.imports).toEqual([{ module: 'os', name: 'system', via: ['GLOBAL'], usedBy: ['REDUCE'], verdict: 'dangerous' }]);
  });

  it('protocol 4 STACK_GLOBAL over memoized strings in a frame resolves to os.system', async () => {
    const r = await walk(F.osSystemProtocol4());
    expect(r.imports).toEqual([{ module: 'os', name: 'system', via: ['STACK_GLOBAL'], usedBy: ['REDUCE'], verdict: 'dangerous' }]);
    expect(r.findings[0]!.message).toContain('os.system');
  });

  it('follows BINGET back to the memo to resolve STACK_GLOBAL operands', async () => {
    const r = await walk(F.memoEvasion());
    expect(r.findings.map((f) => f.global)).toEqual(['subprocess.check_output']);
  });

  it('flags STACK_GLOBAL whose operand is not a plain string', async () => {
    const r = await walk(F.nonStringStackGlobal());
    expect(codes(r)).toEqual(['PICKLE_NONSTRING_GLOBAL']);
    expect(r.findings[0]!.severity).toBe('critical');
  });

  it('resolves protocol 0 STRING operands and LONG_BINGET / GET', async () => {
    const b = new F.P().str0('o\\x73').raw('p0\n', '0').str0('system').raw('r', Buffer.from([7, 0, 0, 0]), '0').raw('g0\n').raw('j', Buffer.from([7, 0, 0, 0])).stackGlobal().emptyTuple().reduce().stop().bytes();
    const r = await walk(b);
    expect(r.findings.map((f) => f.global)).toEqual(['os.system']);
  });

  it('reports INST, OBJ, NEWOBJ, NEWOBJ_EX and BUILD uses', async () => {
    const inst = await walk(new F.P().mark().u('ls').inst('subprocess', 'Popen').stop().bytes());
    expect(inst.imports[0]).toMatchObject({ module: 'subprocess', name: 'Popen', via: ['INST'], usedBy: ['INST'] });
    const obj = await walk(new F.P().mark().global('builtins', 'eval').u('1+1').raw('o').stop().bytes());
    expect(obj.imports[0]).toMatchObject({ name: 'eval', usedBy: ['OBJ'], verdict: 'dangerous' });
    const newobj = await walk(new F.P().proto(2).global('mypkg.models', 'Net').emptyTuple().newobj().emptyDict().build().stop().bytes());
    expect(newobj.imports[0]).toMatchObject({ module: 'mypkg.models', name: 'Net', usedBy: ['NEWOBJ', 'BUILD'], verdict: 'unknown' });
    expect(newobj.findings[0]).toMatchObject({ code: 'PICKLE_UNKNOWN_GLOBAL', severity: 'medium' });
    const ex = await walk(new F.P().proto(4).global('webbrowser', 'open').emptyTuple().emptyDict().raw(0x92).stop().bytes());
    expect(ex.imports[0]).toMatchObject({ usedBy: ['NEWOBJ_EX'], verdict: 'dangerous' });
  });

  it('catches dangerous callables reached through a harmless module by attribute lookup', async () => {
    const r = await walk(new F.P().proto(4).su('torch').su('os.system').stackGlobal().stop().bytes());
    expect(r.findings[0]).toMatchObject({ code: 'PICKLE_DANGEROUS_GLOBAL', global: 'torch.os.system' });
  });

  it('maps Python 2 module names and denies builtins getattr/__import__', async () => {
    for (const [m, n] of [['__builtin__', 'getattr'], ['builtins', '__import__'], ['builtins', 'exec'], ['runpy', '_run_code'], ['nt', 'system'], ['pty', 'spawn'], ['socket', 'create_connection'], ['shutil', 'rmtree'], ['sys', 'modules'], ['importlib', 'import_module'], ['pickle', 'loads'], ['marshal', 'loads'], ['types', 'FunctionType'], ['requests', 'get'], ['httplib', 'HTTPConnection'], ['http.client', 'HTTPSConnection'], ['urllib.request', 'urlopen']]) {
      expect(classifyGlobal(m!, n!).verdict, `${m}.${n}`).toBe('dangerous');
    }
  });

  it('allows what tensors need and nothing broader', () => {
    for (const [m, n] of [['torch._utils', '_rebuild_tensor_v2'], ['torch', 'FloatStorage'], ['torch', 'BFloat16Storage'], ['torch', 'UntypedStorage'], ['collections', 'OrderedDict'], ['numpy.core.multiarray', '_reconstruct'], ['numpy', 'dtype'], ['numpy', 'ndarray'], ['__builtin__', 'set'], ['_codecs', 'encode'], ['torch', 'float16']]) {
      expect(classifyGlobal(m!, n!).verdict, `${m}.${n}`).toBe('allowed');
    }
    expect(classifyGlobal('torch.jit._pickle', 'build_intlist').verdict).toBe('allowed');
    expect(classifyGlobal('torch', 'load').verdict).toBe('dangerous');
    expect(classifyGlobal('torch.jit', 'load').verdict).toBe('dangerous');
    expect(classifyGlobal('collections', 'OrderedDict.__class__').verdict).toBe('dangerous');
    expect(classifyGlobal('numpy', 'array').verdict).toBe('unknown');
  });
});

describe('pickle walker: benign pickles give no findings', () => {
  it('an OrderedDict', async () => {
    const r = await walk(F.benignOrderedDict());
    expect(r.findings).toEqual([]);
    expect(r.imports.map((i) => `${i.module}.${i.name}:${i.verdict}`)).toEqual(['collections.OrderedDict:allowed']);
  });
  it('a protocol 2 tensor state dict (torch rebuild, storages, BINPERSID, BUILD)', async () => {
    const r = await walk(F.tensorStateDict());
    expect(r.findings).toEqual([]);
    expect(r.imports.map((i) => `${i.module}.${i.name}`).sort()).toEqual(['collections.OrderedDict', 'torch.FloatStorage', 'torch._utils._rebuild_tensor_v2']);
  });
  it('a protocol 4 state dict with a numpy array', async () => {
    const r = await walk(F.tensorStateDictProtocol4());
    expect(r.findings).toEqual([]);
    expect(r.imports).toHaveLength(5);
  });
  it('walks several pickles in a row (legacy torch.save) and stops at raw bytes', async () => {
    const b = Buffer.concat([F.benignOrderedDict(), F.benignOrderedDict(), F.osSystemProtocol2(), Buffer.from([0x80, 0x80, 1, 2, 3])]);
    const r = await walk(b);
    expect(r.pickles).toBe(3);
    expect(codes(r)).toEqual(['PICKLE_DANGEROUS_GLOBAL']);
  });
});

describe('legacy torch.save format', () => {
  it('walks exactly the five pickles after the magic number, then stops before raw storages', async () => {
    const magic = new F.P().proto(2).raw(0x8a, 10, Buffer.from('6cfc9c46f9206aa85019', 'hex')).stop().bytes();
    const version = new F.P().proto(2).raw('M', Buffer.from([0xe9, 0x03])).stop().bytes();
    const sysInfo = new F.P().proto(2).emptyDict().mark().u('little_endian').raw(0x88).setitems().stop().bytes();
    const keys = new F.P().proto(2).mark().u('0').u('1').raw('l').stop().bytes();
    // Storage 0 holds 640 elements: its u64 count starts with the bytes 0x80 0x02, like a pickle header.
    const count = Buffer.alloc(8);
    count.writeBigUInt64LE(640n);
    const file = Buffer.concat([magic, version, sysInfo, F.tensorStateDict(), keys, count, Buffer.alloc(2560, 7)]);
    const r = await walk(file);
    expect(r.pickles).toBe(5);
    expect(r.findings).toEqual([]);
    // Without the magic number the same bytes would be taken for a sixth pickle and fail closed.
    const r2 = await walk(file.subarray(magic.length));
    expect(codes(r2)).toEqual(['PICKLE_MALFORMED']);
  });
});

describe('pickle walker: malformed and hostile structure fails closed', () => {
  it('truncated stream still reports imports seen before the cut', async () => {
    const full = F.osSystemProtocol2();
    const r = await walk(full.subarray(0, full.length - 3));
    expect(codes(r).sort()).toEqual(['PICKLE_DANGEROUS_GLOBAL', 'PICKLE_MALFORMED']);
  });
  it('unknown opcode, memo miss, stack underflow, missing STOP', async () => {
    expect((await walk(Buffer.from([0x80, 2, 0xff]))).findings[0]!.message).toContain('unknown opcode 0xff');
    expect((await walk(new F.P().proto(2).get(5).stop().bytes())).findings[0]!.message).toContain('memo key 5');
    expect((await walk(new F.P().proto(2).reduce().stop().bytes())).findings[0]!.message).toContain('empty stack');
    expect((await walk(new F.P().proto(2).emptyDict().bytes())).findings[0]!.message).toContain('without STOP');
    expect((await walk(Buffer.from([0x80, 9]))).findings[0]!.message).toContain('protocol 9');
  });
  it('EXT codes are reported (they name globals through the copyreg registry)', async () => {
    expect(codes(await walk(new F.P().proto(2).raw(0x82, 1).emptyTuple().reduce().stop().bytes()))).toEqual(['PICKLE_EXTENSION']);
  });
  it('opcode, memo and stack limits end the walk with SCAN_LIMIT', async () => {
    const many = new F.P().proto(2).emptyList();
    for (let i = 0; i < 100; i++) many.int1(1).raw('a');
    expect(codes(await walk(many.stop().bytes(), { maxOpcodes: 50 }))).toEqual(['SCAN_LIMIT']);
    const memo = new F.P().proto(4).emptyDict();
    for (let i = 0; i < 20; i++) memo.memoize();
    expect(codes(await walk(memo.stop().bytes(), { maxMemo: 10 }))).toEqual(['SCAN_LIMIT']);
    const imports = new F.P().proto(2);
    for (let i = 0; i < 30; i++) imports.global('m', `f${i}`).raw('0');
    expect(codes(await walk(imports.stop().bytes(), { maxImports: 20 }))).toEqual(['SCAN_LIMIT', ...Array(20).fill('PICKLE_UNKNOWN_GLOBAL')]);
    const deep = new F.P().proto(2);
    for (let i = 0; i < 30; i++) deep.emptyDict();
    expect(codes(await walk(deep.stop().bytes(), { maxStack: 20 }))).toEqual(['SCAN_LIMIT']);
  });
  it('huge declared byte strings are skipped, not buffered', async () => {
    const b = Buffer.concat([Buffer.from([0x80, 4, 0x8e]), Buffer.from([0, 0, 0, 0x40, 0, 0, 0, 0])]); // 1 GiB BINBYTES8, then nothing
    const r = await walk(b);
    expect(codes(r)).toEqual(['PICKLE_MALFORMED']);
    expect(r.findings[0]!.message).toContain('truncated');
  });
  it('long strings are opaque and cannot smuggle a STACK_GLOBAL operand', async () => {
    const r = await walk(new F.P().proto(4).u('o'.repeat(5000)).su('system').stackGlobal().stop().bytes());
    expect(codes(r)).toEqual(['PICKLE_NONSTRING_GLOBAL']);
  });
});

describe('legacy torch.save: the five pickles torch.load reads, whatever their first byte', () => {
  const magic = new F.P().proto(2).raw(0x8a, 10, Buffer.from('6cfc9c46f9206aa85019', 'hex')).stop().bytes();
  const version = new F.P().proto(2).raw('M', Buffer.from([0xe9, 0x03])).stop().bytes();
  const sysInfo = new F.P().proto(2).emptyDict().stop().bytes();
  const keys = new F.P().proto(2).emptyList().stop().bytes();
  /** os.system as protocol 0 writes it: no PROTO header, so no 0x80 to recognise it by. */
  const p0 = Buffer.from("cposix\nsystem\n(S'id'\ntR.", 'latin1');

  it('a protocol 0 data pickle (the 4th) is walked and its import reported', async () => {
    const r = await walk(Buffer.concat([magic, version, sysInfo, p0, keys, Buffer.alloc(64, 1)]));
    expect(r.pickles).toBe(5);
    expect(r.findings.map((f) => f.global)).toEqual(['posix.system']);
  });

  it('a protocol 0 pickle in any of the five places is walked; after the fifth, raw storage bytes are not', async () => {
    for (let at = 1; at < 5; at++) {
      const parts = [magic, version, sysInfo, F.tensorStateDict(), keys];
      parts[at] = p0;
      const r = await walk(Buffer.concat([...parts, Buffer.from("cos\nsystem\n(S'x'\ntR.")]));
      expect(r.findings.map((f) => f.global), `pickle ${at + 1}`).toEqual(['posix.system']);
    }
  });

  it('the magic number as protocol 0 text (LONG, INT) starts the legacy walk too', async () => {
    for (const m of ['L119547037146038801333356L\n.', 'I119547037146038801333356\n.']) {
      const r = await walk(Buffer.concat([Buffer.from(m), version, sysInfo, p0, keys]));
      expect(r.findings.map((f) => f.global), m).toEqual(['posix.system']);
    }
  });

  it('a first pickle that computes its value (eval) may yield the magic number: the other four are walked', async () => {
    const evalMagic = new F.P().proto(2).global('builtins', 'eval').u('0x1950A86A20F9469CFC6C').tuple1().reduce().stop().bytes();
    const r = await walk(Buffer.concat([evalMagic, version, sysInfo, keys, p0]));
    expect(r.findings.map((f) => f.global).sort()).toEqual(['builtins.eval', 'posix.system']);
  });

  it('a first pickle that is a plain value other than the magic number ends it (torch.load stops there too)', async () => {
    const r = await walk(Buffer.concat([F.benignOrderedDict(), p0]));
    expect(r.pickles).toBe(1);
    expect(r.findings).toEqual([]);
  });
});

describe('candidates: files loaders may unpickle, walked by content', () => {
  const cand = (b: Buffer) => walkPickles(ByteSource.fromBuffer(b), { file: 'training_args.bin', limits: DEFAULT_LIMITS, candidate: true });

  it('bytes CPython refuses before any import are not a pickle (raw weights, text)', async () => {
    for (const b of [Buffer.from([0x00, 0x01, 0x02]), Buffer.from('MIT License\n'), Buffer.from([0x4b, 7]), Buffer.alloc(4096, 0x3f), Buffer.from('.')]) {
      expect(await cand(b), b.toString('hex')).toMatchObject({ notPickle: true, findings: [], imports: [] });
    }
  });

  it('a protocol 0 pickle without PROTO is a pickle, imports reported', async () => {
    const r = await cand(Buffer.from("(S'echo pwned'\ncos\nsystem\np0\n0g0\n(S'id'\ntR.", 'latin1'));
    expect(r.notPickle).toBe(false);
    expect(r.findings.map((f) => f.global)).toEqual(['os.system']);
  });

  it('an import before the bad byte makes it a pickle (CPython imported it before failing)', async () => {
    const r = await cand(Buffer.from('cos\nsystem\n\xff', 'latin1'));
    expect(r.notPickle).toBe(false);
    expect(r.findings.map((f) => f.code).sort()).toEqual(['PICKLE_DANGEROUS_GLOBAL', 'PICKLE_MALFORMED']);
  });

  it('a stop CPython would read past (a line over 1 MiB) is reported, never taken for "not a pickle"', async () => {
    const r = await cand(Buffer.concat([Buffer.from('I'), Buffer.alloc(1 << 21, 0x31), Buffer.from('\n.')]));
    expect(r.notPickle).toBe(false);
    expect(r.findings).toMatchObject([{ code: 'SCAN_LIMIT', severity: 'high' }]);
  });
});

describe('reading as CPython reads', () => {
  it('GLOBAL at the end of the data without a newline: the pure-Python unpickler imports it, so it is reported', async () => {
    const r = await walk(Buffer.from('cos\nsystemX'));
    expect(r.imports).toMatchObject([{ module: 'os', name: 'system' }]);
  });

  it('memo indices written as int() reads them (" 1", "+1", "0_1", "1\\0junk") resolve', async () => {
    for (const line of [' 1', '+1', '0_1', '1\u0000junk']) {
      const b = new F.P().proto(2).su('os').raw(`p${line}\n`).raw('0').su('x').raw('0').raw('g1\n').su('system').stackGlobal().stop().bytes();
      expect((await walk(b)).findings.map((f) => f.global), JSON.stringify(line)).toEqual(['os.system']);
    }
  });

  it('a string with lone surrogates (valid under surrogatepass) is opaque, not an error', async () => {
    const odd = Buffer.from([0x58, 3, 0, 0, 0, 0xed, 0xa0, 0x80]);
    expect((await walk(Buffer.concat([Buffer.from([0x80, 4]), odd, Buffer.from('.')]))).findings).toEqual([]);
    expect(codes(await walk(Buffer.concat([Buffer.from([0x80, 4]), odd, new F.P().su('system').stackGlobal().stop().bytes()])))).toEqual(['PICKLE_NONSTRING_GLOBAL']);
  });

  it('an opcode whose argument runs past the end of its FRAME is an evasion (file reads and buffer reads differ)', async () => {
    const frame = Buffer.concat([Buffer.from([0x95]), Buffer.from([2, 0, 0, 0, 0, 0, 0, 0])]);
    const b = Buffer.concat([Buffer.from([0x80, 5]), frame, Buffer.from([0x43, 7]), Buffer.from("cos\nsystem\n(S'id'\ntR.", 'latin1')]);
    const r = await walk(b);
    expect(r.findings).toMatchObject([{ code: 'PICKLE_FRAME_MISMATCH', severity: 'critical', offset: 11 }]);
    // A FRAME opening inside another one, likewise.
    const nested = Buffer.concat([Buffer.from([0x80, 5]), Buffer.from([0x95, 20, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('N'), Buffer.from([0x95, 1, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('.')]);
    expect(codes(await walk(nested))).toEqual(['PICKLE_FRAME_MISMATCH']);
  });

  it('frames as pickle.dumps writes them are fine', async () => {
    expect((await walk(F.osSystemProtocol4())).findings.map((f) => f.code)).toEqual(['PICKLE_DANGEROUS_GLOBAL']);
    expect((await walk(F.tensorStateDictProtocol4())).findings).toEqual([]);
  });
});

/**
 * Sample model files for the scanner, built byte by byte (no Python needed): pickles written
 * opcode by opcode, a PyTorch-style zip assembled here, safetensors and GGUF files.
 */

/** A tiny pickle assembler. */
export class P {
  private parts: Buffer[] = [];
  raw(...b: (number | Buffer | string)[]): this {
    for (const x of b) this.parts.push(typeof x === 'number' ? Buffer.from([x]) : typeof x === 'string' ? Buffer.from(x, 'latin1') : x);
    return this;
  }
  proto(n: number): this { return this.raw(0x80, n); }
  frame(n: number): this { const b = Buffer.alloc(9); b[0] = 0x95; b.writeBigUInt64LE(BigInt(n), 1); return this.raw(b); }
  global(mod: string, name: string): this { return this.raw('c', `${mod}\n${name}\n`); }
  inst(mod: string, name: string): this { return this.raw('i', `${mod}\n${name}\n`); }
  /** SHORT_BINUNICODE */
  su(s: string): this { const b = Buffer.from(s, 'utf8'); return this.raw(0x8c, b.length, b); }
  /** BINUNICODE */
  u(s: string): this { const b = Buffer.from(s, 'utf8'); const l = Buffer.alloc(4); l.writeUInt32LE(b.length); return this.raw('X', l, b); }
  /** protocol 0 STRING */
  str0(s: string): this { return this.raw('S', `'${s}'\n`); }
  binbytes(b: Buffer): this { const l = Buffer.alloc(4); l.writeUInt32LE(b.length); return this.raw('B', l, b); }
  int1(n: number): this { return this.raw('K', n); }
  put(i: number): this { return this.raw('q', i); }
  get(i: number): this { return this.raw('h', i); }
  memoize(): this { return this.raw(0x94); }
  mark(): this { return this.raw('('); }
  tuple(): this { return this.raw('t'); }
  tuple1(): this { return this.raw(0x85); }
  tuple2(): this { return this.raw(0x86); }
  emptyTuple(): this { return this.raw(')'); }
  emptyDict(): this { return this.raw('}'); }
  emptyList(): this { return this.raw(']'); }
  stackGlobal(): this { return this.raw(0x93); }
  reduce(): this { return this.raw('R'); }
  build(): this { return this.raw('b'); }
  setitem(): this { return this.raw('s'); }
  setitems(): this { return this.raw('u'); }
  newobj(): this { return this.raw(0x81); }
  binpersid(): this { return this.raw('Q'); }
  newfalse(): this { return this.raw(0x89); }
  stop(): this { return this.raw('.'); }
  bytes(): Buffer { return Buffer.concat(this.parts); }
}

/** os.system("echo pwned") as protocol 2 writes it: GLOBAL + REDUCE. */
export function osSystemProtocol2(cmd = 'echo pwned'): Buffer {
  return new P().proto(2).global('os', 'system').put(0).u(cmd).put(1).tuple1().put(2).reduce().put(3).stop().bytes();
}

/** os.system via protocol 4: STACK_GLOBAL over memoized strings, in a frame. */
export function osSystemProtocol4(cmd = 'echo pwned'): Buffer {
  const body = new P().su('os').memoize().su('system').memoize().stackGlobal().memoize().su(cmd).memoize().tuple1().memoize().reduce().memoize().stop().bytes();
  return Buffer.concat([new P().proto(4).frame(body.length).bytes(), body]);
}

/** STACK_GLOBAL whose operands come back from the memo (BINGET), hiding them from naive scanners. */
export function memoEvasion(): Buffer {
  return new P().proto(4).su('subprocess').memoize().su('check_output').memoize().raw('0', '0')
    .get(0).get(1).stackGlobal().mark().su('id').raw('l').tuple1().reduce().stop().bytes();
}

/** STACK_GLOBAL with an operand that is not a string (the result of a call). */
export function nonStringStackGlobal(): Buffer {
  return new P().proto(4).global('builtins', 'str').su('os').tuple1().reduce().su('system').stackGlobal().su('id').tuple1().reduce().stop().bytes();
}

/** collections.OrderedDict({"a": 1, "b": 2}) at protocol 2. */
export function benignOrderedDict(): Buffer {
  return new P().proto(2).global('collections', 'OrderedDict').put(0).emptyTuple().reduce().put(1)
    .mark().u('a').int1(1).u('b').int1(2).setitems().stop().bytes();
}

/**
 * A state_dict as torch.save writes it into archive/data.pkl (protocol 2): an OrderedDict of
 * tensors rebuilt by torch._utils._rebuild_tensor_v2 from persistent storage ids.
 */
export function tensorStateDict(): Buffer {
  const p = new P().proto(2).global('collections', 'OrderedDict').put(0).emptyTuple().reduce().put(1).mark();
  for (const [i, name] of ['layer.weight', 'layer.bias'].entries()) {
    p.u(name).put(2 + i * 10)
      .global('torch._utils', '_rebuild_tensor_v2').put(3 + i * 10)
      .mark().mark().u('storage').put(4 + i * 10).global('torch', 'FloatStorage').put(5 + i * 10).u(String(i)).put(6 + i * 10).u('cpu').put(7 + i * 10).int1(4).tuple().put(8 + i * 10).binpersid()
      .int1(0).int1(2).int1(2).tuple2().int1(2).int1(1).tuple2().newfalse()
      .global('collections', 'OrderedDict').emptyTuple().reduce().tuple().reduce().put(9 + i * 10);
  }
  p.setitems().emptyDict().u('_metadata').raw('0').build().stop();
  return p.bytes();
}

/** The same kind of state dict at protocol 4 (STACK_GLOBAL, MEMOIZE, FRAME) with a numpy array. */
export function tensorStateDictProtocol4(): Buffer {
  const body = new P().su('collections').memoize().su('OrderedDict').memoize().stackGlobal().memoize().emptyTuple().reduce().memoize()
    .mark().su('w').memoize()
    .su('torch._utils').memoize().su('_rebuild_tensor_v2').memoize().stackGlobal().memoize()
    .mark().mark().su('storage').su('torch').su('BFloat16Storage').stackGlobal().su('0').su('cpu').int1(8).tuple().binpersid()
    .int1(0).int1(8).tuple1().int1(1).tuple1().newfalse().get(0).get(1).stackGlobal().emptyTuple().reduce().tuple().reduce()
    .su('n').su('numpy.core.multiarray').su('_reconstruct').stackGlobal().mark().su('numpy').su('ndarray').stackGlobal().int1(0).tuple1().binbytes(Buffer.from('b')).tuple().reduce()
    .setitems().stop().bytes();
  return Buffer.concat([new P().proto(4).frame(body.length).bytes(), body]);
}

// The zip writer is shared with the drill (product code builds its hostile checkpoint with it).
export { makeZip, type ZipMember } from '../../src/drill/hostile.js';
import { makeZip } from '../../src/drill/hostile.js';

/** A PyTorch-style checkpoint zip around the given data.pkl. */
export function torchZip(dataPkl: Buffer, opts: { deflate?: boolean } = {}): Buffer {
  return makeZip([
    { name: 'archive/data.pkl', data: dataPkl, deflate: opts.deflate ?? false },
    { name: 'archive/byteorder', data: Buffer.from('little') },
    { name: 'archive/data/0', data: Buffer.alloc(16, 0x80) },
    { name: 'archive/data/1', data: Buffer.alloc(8, 0x80) },
    { name: 'archive/version', data: Buffer.from('3\n') },
    { name: 'archive/.data/serialization_id', data: Buffer.from('1234567890') },
  ]);
}

/** A .npy file; with an object dtype its data is the given pickle. */
export function npy(descr: string, shape: string, data: Buffer): Buffer {
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shape}, }`;
  header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n';
  const len = Buffer.alloc(2);
  len.writeUInt16LE(header.length);
  return Buffer.concat([Buffer.from([0x93]), Buffer.from('NUMPY'), Buffer.from([1, 0]), len, Buffer.from(header, 'latin1'), data]);
}

export interface StTensor { dtype: string; shape: number[]; data_offsets: [number, number] }

/** A safetensors file from a header object (written as given) and a data section. */
export function safetensors(header: Record<string, unknown> | string, data: Buffer, opts: { declaredLength?: number } = {}): Buffer {
  const json = Buffer.from(typeof header === 'string' ? header : JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(opts.declaredLength ?? json.length));
  return Buffer.concat([len, json, data]);
}

/** A valid two-tensor safetensors file: w F32 [2,2] (16 bytes), b F16 [2] (4 bytes). */
export function validSafetensors(): Buffer {
  return safetensors(
    { __metadata__: { format: 'pt' }, w: { dtype: 'F32', shape: [2, 2], data_offsets: [0, 16] }, b: { dtype: 'F16', shape: [2], data_offsets: [16, 20] } },
    Buffer.alloc(20, 1),
  );
}

function ggufString(s: string): Buffer {
  const b = Buffer.from(s, 'utf8');
  const l = Buffer.alloc(8);
  l.writeBigUInt64LE(BigInt(b.length));
  return Buffer.concat([l, b]);
}

/** A valid GGUF v3 file: two metadata keys and one F32 tensor of 8 elements. */
export function validGguf(opts: { magic?: string } = {}): Buffer {
  const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(n); return b; };
  const u64 = (n: number) => { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(n)); return b; };
  const head = Buffer.concat([
    Buffer.from(opts.magic ?? 'GGUF', 'latin1'), u32(3), u64(1), u64(3),
    ggufString('general.architecture'), u32(8), ggufString('llama'),
    ggufString('general.alignment'), u32(4), u32(32),
    ggufString('tokenizer.ggml.tokens'), u32(9), u32(8), u64(2), ggufString('<s>'), ggufString('</s>'),
    ggufString('w'), u32(1), u64(8), u32(0), u64(0),
  ]);
  const pad = Buffer.alloc((32 - (head.length % 32)) % 32);
  return Buffer.concat([head, pad, Buffer.alloc(32, 2)]);
}

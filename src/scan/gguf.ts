/**
 * GGUF structure check (llama.cpp's format): magic "GGUF", version, tensor and key/value
 * counts, then typed key/values and tensor descriptors, then aligned tensor data. Readers
 * size allocations from these counts, so each count, string and array length is checked
 * against both a limit and the bytes actually left in the file before anything is read.
 */
import type { FindingCode } from '../codes.js';
import { Truncated, type ByteSource } from './source.js';
import type { Finding, ScanLimits } from './types.js';

/** Value types: fixed widths in bytes; 8 = string, 9 = array. */
const FIXED: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
const GGUF_STRING = 8;
const GGUF_ARRAY = 9;
const MAX_DIMS = 4;

/** ggml tensor types whose block layout is certain: [elements per block, bytes per block]. */
const GGML_BLOCKS: Record<number, [number, number]> = {
  0: [1, 4], 1: [1, 2], 2: [32, 18], 3: [32, 20], 6: [32, 22], 7: [32, 24], 8: [32, 34], 9: [32, 36],
  10: [256, 84], 11: [256, 110], 12: [256, 144], 13: [256, 176], 14: [256, 210], 15: [256, 292],
  24: [1, 1], 25: [1, 2], 26: [1, 4], 27: [1, 8], 28: [1, 8], 30: [1, 2],
};

class Bad extends Error {}

export async function checkGguf(src: ByteSource, size: number, file: string, limits: ScanLimits, member?: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  const add = (code: FindingCode, message: string, severity: Finding['severity'] = 'high') =>
    findings.push({ code, severity, file, ...(member !== undefined ? { member } : {}), message });
  const left = () => size - src.pos;
  const u32 = async () => (await src.read(4)).readUInt32LE(0);
  const u64 = async (what: string) => {
    const v = (await src.read(8)).readBigUInt64LE(0);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new Bad(`${what} ${v} is impossibly large`);
    return Number(v);
  };
  let version = 0;
  const count = async (what: string) => (version === 1 ? u32() : u64(what));
  const string = async (what: string, keep: boolean): Promise<string | undefined> => {
    const n = await count(`${what} length`);
    if (n > limits.maxGgufString) throw new Bad(`${what} length ${n} exceeds the ${limits.maxGgufString}-byte limit`);
    if (n > left()) throw new Bad(`${what} length ${n} runs past the end of the file`);
    if (!keep) {
      await src.skip(n);
      return undefined;
    }
    return (await src.read(n)).toString('utf8');
  };

  try {
    if (size < 8 || !(await src.ensure(4)) || src.peek(4).toString('latin1') !== 'GGUF') {
      const got = (await src.ensure(4)) ? JSON.stringify(src.peek(4).toString('latin1')) : 'too few bytes';
      add('GGUF_BAD_MAGIC', `not a GGUF file: magic is ${got}, expected "GGUF"`);
      return findings;
    }
    await src.skip(4);
    version = await u32();
    if (version < 1 || version > 3) {
      add('GGUF_VERSION', `unsupported GGUF version ${version} (known: 1-3)`);
      return findings;
    }
    const tensors = await count('tensor count');
    const kvs = await count('key/value count');
    if (tensors > limits.maxGgufCount) throw new Bad(`tensor count ${tensors} exceeds the limit of ${limits.maxGgufCount}`);
    if (kvs > limits.maxGgufCount) throw new Bad(`key/value count ${kvs} exceeds the limit of ${limits.maxGgufCount}`);
    // Every key/value needs at least a key length and a type; every tensor a name length, dims, type, offset.
    if (kvs * 12 + tensors * 24 > left()) throw new Bad(`${tensors} tensors and ${kvs} key/values cannot fit in ${size} bytes`);

    let alignment = 32;
    const value = async (type: number, key: string, depth: number): Promise<void> => {
      const w = FIXED[type];
      if (w !== undefined) {
        if (key === 'general.alignment' && type === 4) {
          alignment = await u32();
          return;
        }
        await src.read(w);
        return;
      }
      if (type === GGUF_STRING) {
        await string(`value of ${key}`, false);
        return;
      }
      if (type === GGUF_ARRAY) {
        if (depth > 2) throw new Bad(`array nesting too deep in ${key}`);
        const et = await u32();
        const n = await count(`array length of ${key}`);
        if (n > limits.maxGgufArray) throw new Bad(`array ${key} has ${n} elements, more than the limit of ${limits.maxGgufArray}`);
        const ew = FIXED[et];
        if (ew !== undefined) {
          if (n * ew > left()) throw new Bad(`array ${key} (${n} x ${ew} bytes) runs past the end of the file`);
          await src.skip(n * ew);
          return;
        }
        if (et !== GGUF_STRING && et !== GGUF_ARRAY) throw new Bad(`array ${key} has unknown element type ${et}`);
        if (n * 8 > left()) throw new Bad(`array ${key} of ${n} elements runs past the end of the file`);
        if (et === GGUF_ARRAY) {
          for (let i = 0; i < n; i++) await value(et, key, depth + 1);
          return;
        }
        // String arrays (tokenizer vocabularies) can hold millions of entries: skip them
        // synchronously while the buffer allows, awaiting only to refill.
        const lenBytes = version === 1 ? 4 : 8;
        for (let i = 0; i < n; i++) {
          if (src.buffered < lenBytes && !(await src.ensure(lenBytes))) throw new Truncated(src.pos + src.buffered);
          const b = src.take(lenBytes);
          const len = lenBytes === 4 ? b.readUInt32LE(0) : Number(b.readBigUInt64LE(0));
          if (len > limits.maxGgufString) throw new Bad(`string ${i} of array ${key} is ${len} bytes, over the ${limits.maxGgufString}-byte limit`);
          if (len > left()) throw new Bad(`string ${i} of array ${key} runs past the end of the file`);
          if (src.buffered >= len) src.take(len);
          else await src.skip(len);
        }
        return;
      }
      throw new Bad(`key ${key} has unknown value type ${type}`);
    };
    for (let i = 0; i < kvs; i++) {
      const key = (await string(`key ${i}`, true))!;
      const type = await u32();
      await value(type, JSON.stringify(key.slice(0, 120)), 0);
    }
    if (alignment === 0 || (alignment & (alignment - 1)) !== 0) throw new Bad(`general.alignment ${alignment} is not a power of two`);
    const infos: { name: string; offset: number; bytes: number | undefined }[] = [];
    for (let i = 0; i < tensors; i++) {
      const name = (await string(`tensor ${i} name`, true))!;
      const dims = await u32();
      if (dims > MAX_DIMS) throw new Bad(`tensor ${JSON.stringify(name.slice(0, 120))} has ${dims} dimensions (at most ${MAX_DIMS})`);
      let elems = 1n;
      for (let d = 0; d < dims; d++) elems *= BigInt(await u64('dimension'));
      const type = await u32();
      const offset = await u64('tensor offset');
      const block = GGML_BLOCKS[type];
      let bytes: number | undefined;
      if (block) {
        if (elems % BigInt(block[0]) !== 0n) throw new Bad(`tensor ${JSON.stringify(name.slice(0, 120))} has ${elems} elements, not a multiple of its type's block of ${block[0]}`);
        const b = (elems / BigInt(block[0])) * BigInt(block[1]);
        if (b > BigInt(size)) throw new Bad(`tensor ${JSON.stringify(name.slice(0, 120))} needs ${b} bytes, more than the whole file`);
        bytes = Number(b);
      } else if (type > 63) {
        add('GGUF_TENSOR', `tensor ${JSON.stringify(name.slice(0, 120))} has unknown type ${type}`, 'medium');
      }
      infos.push({ name, offset, bytes });
    }
    const dataStart = Math.ceil(src.pos / alignment) * alignment;
    const dataLen = size - dataStart;
    if (tensors > 0 && dataLen < 0) throw new Bad('tensor data would start past the end of the file');
    for (const t of infos) {
      const shown = JSON.stringify(t.name.slice(0, 120));
      if (t.offset % alignment !== 0) add('GGUF_TENSOR', `tensor ${shown} offset ${t.offset} is not aligned to ${alignment}`);
      if (t.offset + (t.bytes ?? 0) > dataLen) add('GGUF_TENSOR', `tensor ${shown} (offset ${t.offset}${t.bytes !== undefined ? `, ${t.bytes} bytes` : ''}) lies outside the ${dataLen} data bytes`);
    }
    infos.sort((a, b) => a.offset - b.offset);
    for (let i = 1; i < infos.length; i++) {
      const p = infos[i - 1]!;
      if (p.bytes !== undefined && p.offset + p.bytes > infos[i]!.offset) add('GGUF_TENSOR', `tensors ${JSON.stringify(p.name.slice(0, 120))} and ${JSON.stringify(infos[i]!.name.slice(0, 120))} overlap`);
    }
  } catch (e) {
    if (e instanceof Bad) add('GGUF_MALFORMED', e.message);
    else if (e instanceof Truncated) add('GGUF_MALFORMED', `file ends inside the GGUF header (${e.message})`);
    else throw e;
  }
  return findings;
}

/**
 * safetensors structure check. The format is an 8-byte little-endian header length, a JSON
 * header, then the tensor bytes. Loaders trust the header, so a header can hide bytes the
 * tensors do not cover (trailing data, gaps), describe overlapping tensors (one write seen
 * through two names) or disagree with another loader (duplicate keys). Nothing here reads the
 * tensor bytes: only the header and the total size.
 */
import type { FindingCode } from '../codes.js';
import { ModelsignError } from '../errors.js';
import { isObject, parseStrictJson } from '../util/strict-json.js';
import type { ByteSource } from './source.js';
import type { Finding, ScanLimits } from './types.js';

/** Bits per element of every dtype the safetensors format defines. */
export const SAFETENSORS_DTYPE_BITS: Record<string, number> = {
  BOOL: 8, U8: 8, I8: 8, F8_E5M2: 8, F8_E4M3: 8, F8_E8M0: 8, I16: 16, U16: 16, F16: 16, BF16: 16,
  I32: 32, U32: 32, F32: 32, I64: 64, U64: 64, F64: 64, C64: 64, F4: 4, F6_E2M3: 6, F6_E3M2: 6,
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

export async function checkSafetensors(src: ByteSource, size: number, file: string, limits: ScanLimits, member?: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  const add = (code: FindingCode, message: string) => findings.push({ code, severity: 'high', file, ...(member !== undefined ? { member } : {}), message });
  if (size < 8) {
    add('SAFETENSORS_TRUNCATED', `file is ${size} bytes, too short for the 8-byte header length`);
    return findings;
  }
  const n = (await src.read(8)).readBigUInt64LE(0);
  if (n > BigInt(limits.maxSafetensorsHeader)) {
    add('SAFETENSORS_HEADER_LENGTH', `header length ${n} is larger than the ${limits.maxSafetensorsHeader}-byte limit`);
    return findings;
  }
  const hlen = Number(n);
  if (8 + hlen > size) {
    add('SAFETENSORS_HEADER_LENGTH', `header length ${hlen} points past the end of the ${size}-byte file`);
    return findings;
  }
  if (hlen < 2) {
    add('SAFETENSORS_HEADER_LENGTH', `header length ${hlen} is too small for a JSON object`);
    return findings;
  }
  const raw = await src.read(hlen);
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    add('SAFETENSORS_HEADER_JSON', 'header is not valid UTF-8');
    return findings;
  }
  if (!text.startsWith('{')) {
    add('SAFETENSORS_HEADER_JSON', 'header does not start with "{"');
    return findings;
  }
  let header;
  try {
    header = parseStrictJson(text, { what: 'safetensors header', code: 'SAFETENSORS_HEADER_JSON', maxDepth: 8 });
  } catch (e) {
    if (e instanceof ModelsignError) {
      add(/duplicate key/.test(e.message) ? 'SAFETENSORS_DUPLICATE_KEY' : 'SAFETENSORS_HEADER_JSON', e.message);
      return findings;
    }
    throw e;
  }
  if (!isObject(header)) {
    add('SAFETENSORS_HEADER_JSON', 'header is not a JSON object');
    return findings;
  }
  const dataLen = size - 8 - hlen;
  const spans: { name: string; begin: number; end: number }[] = [];
  for (const [name, info] of Object.entries(header)) {
    const shown = JSON.stringify(name.slice(0, 120));
    if (name === '__metadata__') {
      if (!isObject(info)) add('SAFETENSORS_METADATA', '__metadata__ is not an object');
      else for (const [k, v] of Object.entries(info)) if (typeof v !== 'string') add('SAFETENSORS_METADATA', `__metadata__ value ${JSON.stringify(k.slice(0, 120))} is not a string`);
      continue;
    }
    if (!isObject(info)) {
      add('SAFETENSORS_TENSOR', `tensor ${shown} is not an object`);
      continue;
    }
    const extra = Object.keys(info).filter((k) => k !== 'dtype' && k !== 'shape' && k !== 'data_offsets');
    if (extra.length) add('SAFETENSORS_TENSOR', `tensor ${shown} has unexpected fields: ${extra.slice(0, 5).join(', ')}`);
    const { dtype, shape, data_offsets: offs } = info;
    if (typeof dtype !== 'string' || SAFETENSORS_DTYPE_BITS[dtype] === undefined) {
      add('SAFETENSORS_DTYPE', `tensor ${shown} has unknown dtype ${JSON.stringify(dtype)}`);
      continue;
    }
    if (!Array.isArray(shape) || !shape.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)) {
      add('SAFETENSORS_TENSOR', `tensor ${shown} has a shape that is not a list of non-negative integers`);
      continue;
    }
    if (!Array.isArray(offs) || offs.length !== 2 || !offs.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0) || (offs[1] as number) < (offs[0] as number)) {
      add('SAFETENSORS_OFFSETS', `tensor ${shown} has data_offsets that are not [begin, end] with begin <= end`);
      continue;
    }
    const [begin, end] = offs as [number, number];
    const bits = (shape as number[]).reduce((a, d) => a * BigInt(d), 1n) * BigInt(SAFETENSORS_DTYPE_BITS[dtype]);
    if (bits % 8n !== 0n || bits / 8n !== BigInt(end - begin)) {
      add('SAFETENSORS_SIZE', `tensor ${shown} is ${end - begin} bytes but shape [${(shape as number[]).join(', ')}] x ${dtype} needs ${bits % 8n === 0n ? `${bits / 8n} bytes` : `${bits} bits (not whole bytes)`}`);
    }
    spans.push({ name, begin, end });
  }
  spans.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let pos = 0;
  let prev: string | undefined;
  for (const s of spans) {
    const shown = JSON.stringify(s.name.slice(0, 120));
    if (s.begin < pos) add('SAFETENSORS_OFFSETS', `tensor ${shown} [${s.begin}, ${s.end}) overlaps tensor ${JSON.stringify((prev ?? '').slice(0, 120))} (which ends at ${pos})`);
    else if (s.begin > pos) add('SAFETENSORS_OFFSETS', `${s.begin - pos} bytes at data offset ${pos} belong to no tensor (gap before ${shown})`);
    if (s.end > pos) {
      pos = s.end;
      prev = s.name;
    }
  }
  if (pos > dataLen) add('SAFETENSORS_TRUNCATED', `tensors need ${pos} data bytes but the file has ${dataLen}`);
  else if (pos < dataLen) add('SAFETENSORS_TRAILING_BYTES', `${dataLen - pos} bytes after the last tensor (data ends at ${8 + hlen + pos}, file is ${size} bytes)`);
  return findings;
}

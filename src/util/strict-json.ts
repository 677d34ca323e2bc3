/**
 * A strict JSON reader for untrusted input (signature bundles, payloads, stores).
 *
 * JSON.parse keeps the last of duplicate keys; other readers keep the first. A bundle with
 * `"resources"` twice could then show one manifest to us and another to a second verifier,
 * so duplicates anywhere are an error. Nesting depth and input size are bounded so hostile
 * input cannot exhaust the stack or memory. Values are built with null-prototype objects so
 * a key like `__proto__` is plain data.
 */
import type { Code } from '../codes.js';
import { reject } from '../errors.js';

export interface StrictJsonOptions {
  maxDepth?: number;
  /** What the error says it was reading, e.g. "signature bundle". */
  what?: string;
  /** Error code for malformed input. */
  code?: Code;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

// eslint-disable-next-line no-control-regex
const NEEDS_SLOW_STRING = /[\u0000-\u001f\\]/;

export function parseStrictJson(text: string, opts: StrictJsonOptions = {}): JsonValue {
  const maxDepth = opts.maxDepth ?? 64;
  const what = opts.what ?? 'JSON';
  const code = opts.code ?? 'JSON_MALFORMED';
  let i = 0;
  const fail = (msg: string): never => {
    throw reject(code, `${what} is not valid JSON: ${msg} at offset ${i}`);
  };
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else return;
    }
  };
  const parseString = (): string => {
    // text[i] === '"'
    i++;
    // Fast path, natively: up to the next quote, no escape and no control character. Most
    // strings qualify, among them the megabytes of base64 payload in a bundle.
    const q = text.indexOf('"', i);
    if (q < 0) {
      i = text.length;
      fail('unterminated string');
    }
    const plain = text.slice(i, q);
    if (!NEEDS_SLOW_STRING.test(plain)) {
      i = q + 1;
      return plain;
    }
    let out = '';
    let start = i;
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(start, i);
        i++;
        return out;
      }
      if (c < 0x20) fail('control character in string');
      if (c === 0x5c) {
        out += text.slice(start, i);
        const e = text[i + 1];
        i += 2;
        switch (e) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            const hex = text.slice(i, i + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          default:
            fail('bad escape');
        }
        start = i;
        continue;
      }
      i++;
    }
  };
  const numberRe = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  const parseValue = (depth: number): JsonValue => {
    if (depth > maxDepth) fail(`nesting deeper than ${maxDepth}`);
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj = Object.create(null) as { [k: string]: JsonValue };
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a key');
        const key = parseString();
        if (Object.prototype.hasOwnProperty.call(obj, key)) fail(`duplicate key "${key.slice(0, 80)}"`);
        ws();
        if (text[i] !== ':') fail('expected ":"');
        i++;
        obj[key] = parseValue(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const arr: JsonValue[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(parseValue(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail('expected "," or "]"');
      }
    }
    if (c === '"') return parseString();
    if (text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    numberRe.lastIndex = i;
    const m = numberRe.exec(text);
    if (m && m[0].length > 0) {
      i += m[0].length;
      return Number(m[0]);
    }
    return fail('unexpected character');
  };
  const value = parseValue(0);
  ws();
  if (i !== text.length) fail('trailing data');
  return value;
}

/** Type guards for reading parsed JSON without casts everywhere. */
export function isObject(v: unknown): v is { [k: string]: JsonValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

import type { Code } from '../codes.js';
import { reject } from '../errors.js';

/**
 * Strict standard base64 (Buffer.from silently skips junk, which hides tampering): groups of
 * four alphabet characters, the last one optionally "xx==" or "xxx=". The payload of a
 * signature over 20,000 files is megabytes: one anchored character-class test runs natively
 * (~9 ms for 3.4 MB on first use, against ~23 ms for a JavaScript loop not yet optimised).
 */
const ALPHABET_ONLY = /^[A-Za-z0-9+/]*$/;

export function isStrictBase64(s: string): boolean {
  const n = s.length;
  if (n % 4 !== 0) return false;
  let end = n;
  if (n > 0 && s.charCodeAt(n - 1) === 61 /* = */) end = s.charCodeAt(n - 2) === 61 ? n - 2 : n - 1;
  return ALPHABET_ONLY.test(end === n ? s : s.slice(0, end));
}

export function decodeBase64(s: string, what: string, code: Code = 'SIG_MALFORMED'): Buffer {
  const clean = /\s/.test(s) ? s.replace(/\s+/g, '') : s;
  if (!isStrictBase64(clean)) throw reject(code, `${what} is not valid base64`);
  return Buffer.from(clean, 'base64');
}

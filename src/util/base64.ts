import { reject } from '../errors.js';

/**
 * Strict standard base64 check, by a plain loop: a regular expression with a repeated group
 * overflows V8's backtracking stack on inputs of a few megabytes (a large but legitimate
 * signature payload), which would crash instead of decoding or refusing.
 */
function isStrictBase64(s: string): boolean {
  if (s.length % 4 !== 0) return false;
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  for (let i = 0; i < s.length - pad; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f;
    if (!ok) return false;
  }
  return true;
}

/** Strict standard base64 (Buffer.from silently skips junk, which hides tampering). */
export function decodeBase64(s: string, what: string, code = 'SIG_MALFORMED'): Buffer {
  const clean = s.replace(/\s+/g, '');
  if (!isStrictBase64(clean)) throw reject(code, `${what} is not valid base64`);
  return Buffer.from(clean, 'base64');
}

import { reject } from '../errors.js';

const B64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict standard base64 (Buffer.from silently skips junk, which hides tampering). */
export function decodeBase64(s: string, what: string, code = 'SIG_MALFORMED'): Buffer {
  const clean = s.replace(/\s+/g, '');
  if (!B64.test(clean)) throw reject(code, `${what} is not valid base64`);
  return Buffer.from(clean, 'base64');
}

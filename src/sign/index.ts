/**
 * Signing: digest (digest.ts: the model read through its source, every file sized before it
 * is hashed, budget.ts) -> statement -> DSSE signature by a key, a certificate, a PKCS #11
 * token (method.ts, certificate.ts, timestamp.ts) or Sigstore keyless (keyless.ts) -> bundle,
 * written atomically or attached to the model (sign.ts).
 */
export { signModel, signWithKey, keySigner, type BundleSigner, type SignOptions, type SignResult } from './sign.js';
export { digestModel, type DigestOptions, type DigestResult } from './digest.js';

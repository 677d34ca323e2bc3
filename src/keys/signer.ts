/**
 * A private key that signs, wherever it lives: a key file in memory (node:crypto) or a
 * PKCS #11 token (src/keys/pkcs11.ts). Signatures are what signBytes makes: Ed25519 over the
 * message, ECDSA DER with the curve's own hash.
 */
import type { KeyObject } from 'node:crypto';
import { signBytes } from './algorithms.js';

export interface RawSigner {
  /** The public half of the signing key. */
  readonly publicKey: KeyObject;
  /** What the key is, for messages ("key release.key", "PKCS #11 key pkcs11:token=..."). */
  readonly label: string;
  sign(data: Buffer): Promise<Buffer>;
  /** Release the key (a token session); idempotent. */
  close(): Promise<void>;
}

export function keyObjectSigner(key: KeyObject, publicKey: KeyObject, label: string): RawSigner {
  return { publicKey, label, sign: (data) => Promise.resolve(signBytes(key, data)), close: () => Promise.resolve() };
}

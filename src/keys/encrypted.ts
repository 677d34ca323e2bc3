/**
 * Private keys encrypted at rest, in cosign's format so keys move between the two tools:
 * a PEM block "ENCRYPTED SIGSTORE PRIVATE KEY" (older cosign: "ENCRYPTED COSIGN PRIVATE KEY")
 * around JSON {kdf: scrypt(N, r, p, salt), cipher: nacl/secretbox(nonce), ciphertext}, where
 * the plaintext is the PKCS#8 DER private key. secretbox (XSalsa20-Poly1305) authenticates,
 * so a wrong passphrase is detected rather than yielding garbage.
 */
import { randomBytes, scryptSync } from 'node:crypto';
import { xsalsa20poly1305 } from '@noble/ciphers/salsa.js';
import { usage } from '../errors.js';
import { LEGACY_ENCRYPTED_PEM_TYPES, toPem } from './pem.js';

/** The type modelsign writes: cosign's current one (the first of the types it reads). */
const ENCRYPTED_PEM_TYPE = LEGACY_ENCRYPTED_PEM_TYPES[0]!;

/** cosign's defaults. */
const SCRYPT = { N: 32768, r: 8, p: 1 };

function deriveKey(passphrase: string, salt: Buffer, N: number, r: number, p: number): Buffer {
  return scryptSync(Buffer.from(passphrase, 'utf8'), salt, 32, { N, r, p, maxmem: 256 * N * r + 16 * 1024 * 1024 });
}

export function encryptPrivateKey(pkcs8Der: Buffer, passphrase: string): string {
  const salt = randomBytes(32);
  const nonce = randomBytes(24);
  const key = deriveKey(passphrase, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p);
  const ct = xsalsa20poly1305(key, nonce).encrypt(pkcs8Der);
  const doc = {
    kdf: { name: 'scrypt', params: { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p }, salt: salt.toString('base64') },
    cipher: { name: 'nacl/secretbox', nonce: nonce.toString('base64') },
    ciphertext: Buffer.from(ct).toString('base64'),
  };
  return toPem(ENCRYPTED_PEM_TYPE, Buffer.from(JSON.stringify(doc)));
}

export function decryptPrivateKey(blockDer: Buffer, passphrase: string, file: string): Buffer {
  let doc: {
    kdf?: { name?: string; params?: { N?: number; r?: number; p?: number }; salt?: string };
    cipher?: { name?: string; nonce?: string };
    ciphertext?: string;
  };
  try {
    doc = JSON.parse(blockDer.toString('utf8')) as typeof doc;
  } catch {
    throw usage('KEY_UNREADABLE', `encrypted key ${file} is malformed`);
  }
  const { kdf, cipher, ciphertext } = doc;
  const N = kdf?.params?.N;
  const r = kdf?.params?.r;
  const p = kdf?.params?.p;
  if (kdf?.name !== 'scrypt' || cipher?.name !== 'nacl/secretbox' || !kdf.salt || !cipher.nonce || !ciphertext || !N || !r || !p) {
    throw usage('KEY_UNREADABLE', `encrypted key ${file} uses an unsupported format`);
  }
  // Bound the KDF cost a key file can demand (N up to 2^20, r up to 32).
  if (N > 1 << 20 || r > 32 || p > 16 || (N & (N - 1)) !== 0) throw usage('KEY_UNREADABLE', `encrypted key ${file} asks for unreasonable scrypt parameters`);
  const key = deriveKey(passphrase, Buffer.from(kdf.salt, 'base64'), N, r, p);
  try {
    return Buffer.from(xsalsa20poly1305(key, Buffer.from(cipher.nonce, 'base64')).decrypt(Buffer.from(ciphertext, 'base64')));
  } catch {
    throw usage('BAD_PASSPHRASE', `wrong passphrase for ${file}`);
  }
}

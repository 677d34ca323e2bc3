/**
 * Signing and verification per key type. Everything goes through node:crypto KeyObjects
 * (OpenSSL): Ed25519 signs the message itself; ECDSA signs with the curve's own hash
 * (P-256/SHA-256, P-384/SHA-384, P-521/SHA-512, as model_signing does) and a DER signature.
 */
import { createHash, sign as cSign, verify as cVerify, type KeyObject } from 'node:crypto';

export type KeyType = 'ed25519' | 'ecdsa-p256' | 'ecdsa-p384' | 'ecdsa-p521' | 'rsa';
/** What keygen makes, default first: ECDSA is what model_signing and cosign make; Ed25519 verifies in modelsign and cosign only. */
export const SIGNING_KEY_TYPES = ['ecdsa-p256', 'ecdsa-p384', 'ecdsa-p521', 'ed25519'] as const;
export type SigningKeyType = (typeof SIGNING_KEY_TYPES)[number];

export function keyTypeOf(key: KeyObject): KeyType | undefined {
  const t = key.asymmetricKeyType;
  if (t === 'ed25519') return 'ed25519';
  if (t === 'rsa') return 'rsa';
  if (t === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve === 'prime256v1' || curve === 'P-256') return 'ecdsa-p256';
    if (curve === 'secp384r1' || curve === 'P-384') return 'ecdsa-p384';
    if (curve === 'secp521r1' || curve === 'P-521') return 'ecdsa-p521';
  }
  return undefined;
}

function digestFor(type: KeyType): string | null {
  switch (type) {
    case 'ed25519':
      return null;
    case 'ecdsa-p256':
      return 'sha256';
    case 'ecdsa-p384':
      return 'sha384';
    case 'ecdsa-p521':
      return 'sha512';
    case 'rsa':
      return 'sha256';
  }
}

export function signBytes(key: KeyObject, data: Uint8Array): Buffer {
  const type = keyTypeOf(key);
  if (!type) throw new Error(`unsupported key type ${key.asymmetricKeyType}`);
  return cSign(digestFor(type), data, key);
}

/** False on any mismatch, wrong key type or malformed signature; never throws. */
export function verifyBytes(key: KeyObject, data: Uint8Array, sig: Uint8Array): boolean {
  const type = keyTypeOf(key);
  if (!type) return false;
  try {
    if (type === 'rsa') {
      // Certificates in the wild use RSA PKCS#1 v1.5 or PSS with SHA-256.
      return cVerify('sha256', data, key, sig) || cVerify('sha256', data, { key, padding: 6 /* RSA_PKCS1_PSS_PADDING */ }, sig);
    }
    return cVerify(digestFor(type), data, key, sig);
  } catch {
    return false;
  }
}

/** The public key in canonical SPKI PEM (64-column lines, trailing newline). */
export function publicKeyPem(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

/**
 * The key hint written to `verificationMaterial.publicKey.hint`: SHA-256 over the key's
 * canonical SPKI PEM text, hex. This is what model_signing writes, so hints match across tools.
 */
export function keyHint(pub: KeyObject): string {
  return createHash('sha256').update(publicKeyPem(pub)).digest('hex');
}

/**
 * Keys: key files (keyfile.ts: PEM, cosign-compatible encrypted keys, encrypted.ts), the
 * signing algorithms per key type (algorithms.ts), passphrases (passphrase.ts) and PKCS #11
 * tokens (pkcs11.ts, RFC 7512 URIs in pkcs11-uri.ts), all behind one RawSigner (signer.ts).
 */
export { generateKeyPair, loadPrivateKey, loadPublicKey, writeKeyPair } from './keyfile.js';
export { keyHint, keyTypeOf, signBytes, verifyBytes, SIGNING_KEY_TYPES, type KeyType, type SigningKeyType } from './algorithms.js';
export type { RawSigner } from './signer.js';

/**
 * Trust by public key: the DSSE signature must verify under one of the given keys. If the
 * bundle names a key (publicKey.hint), it must be the key that verified: a bundle claiming
 * one signer but signed by another is refused even if we trust both.
 */
import type { KeyObject } from 'node:crypto';
import { reject } from '../errors.js';
import { keyHint, keyTypeOf, publicKeyPem } from '../keys/algorithms.js';
import { loadPublicKey } from '../keys/keyfile.js';
import { findPemBlocks } from '../keys/pem.js';
import type { ParsedBundle } from '../oms/bundle.js';
import type { SignerInfo, TrustCheck } from './types.js';
import { verifyEnvelope } from './envelope.js';

/** Far more than any PEM public key (RSA-16384 is ~3 KB). */
const MAX_EMBEDDED_KEY_BYTES = 16 * 1024;

export function keyTrust(key: KeyObject, label: string): TrustCheck {
  const hint = keyHint(key);
  const type = keyTypeOf(key);
  return {
    kind: 'key',
    label,
    verify(bundle: ParsedBundle, pae: Buffer): SignerInfo {
      const m = bundle.material;
      if (m.kind !== 'publicKey') {
        throw reject('SIG_WRONG_MATERIAL', `signature was made with a ${m.kind === 'certificate' ? 'Sigstore certificate' : 'certificate chain'}, not a public key; verify it with ${m.kind === 'certificate' ? '--identity/--identity-provider' : '--certificate-chain'}`);
      }
      if (m.hint !== undefined && m.hint !== '' && m.hint !== hint) {
        throw reject('KEY_HINT_MISMATCH', `signature names key ${m.hint.slice(0, 16)}…, not the trusted ${label} (${hint.slice(0, 16)}…)`);
      }
      if (m.rawBytes !== undefined) {
        // Older bundles embed the signer's public key (as PEM text, base64'd). It must be ours.
        // A public key is well under a kilobyte; bound what the PEM scanner is given (it is
        // quadratic on many unterminated BEGIN lines, and this text is the attacker's).
        if (m.rawBytes.length > MAX_EMBEDDED_KEY_BYTES) throw reject('KEY_HINT_MISMATCH', `signature embeds a ${m.rawBytes.length}-byte public key; not the trusted ${label}`);
        const embedded = findPemBlocks(m.rawBytes.toString('utf8'))[0];
        const ours = findPemBlocks(publicKeyPem(key))[0]!;
        const same = embedded ? embedded.der.equals(ours.der) : m.rawBytes.equals(ours.der);
        if (!same) throw reject('KEY_HINT_MISMATCH', `signature embeds a different public key than the trusted ${label}`);
      }
      const ok = verifyEnvelope(key, bundle, pae) !== undefined;
      if (!ok) throw reject('SIG_INVALID', `signature does not verify with ${label}`);
      return { kind: 'key', description: `${type} key sha256:${hint}`, keyHint: hint, keyType: type ?? 'unknown', authority: label };
    },
  };
}

/**
 * One trust check per public key file, each labelled `key FILE`;
 * `needs` words the error for a private key given instead (see loadPublicKey).
 */
export function keyFileTrust(files: readonly string[], needs?: string): Promise<TrustCheck[]> {
  return Promise.all(files.map(async (k) => keyTrust(await loadPublicKey(k, needs), `key ${k}`)));
}

/**
 * Does a DSSE envelope's signature verify under a key? Every signature the bundle holds is
 * tried over the DSSE PAE (with the key type's own hash). For a legacy model_signing v0.2
 * payload - and only for one - the bytes that tool really signed are tried as well: its
 * broken PAE, hashed with SHA-256 (what v0.2 always used) or the curve's hash.
 */
import { verify as cVerify, type KeyObject } from 'node:crypto';
import { keyTypeOf, verifyBytes } from '../keys/algorithms.js';
import type { ParsedBundle } from '../oms/bundle.js';
import { isLegacyPayload, legacyPae } from '../oms/legacy.js';

export type EnvelopeMatch = 'dsse' | 'legacy-v0.2' | undefined;

/**
 * The legacy signed bytes per bundle (null: not a legacy payload), built once however many
 * keys or authorities are tried: for a large v0.2 payload that takes a JSON parse and a
 * Python-repr rebuild.
 */
const legacyBytes = new WeakMap<ParsedBundle, Buffer | null>();
function legacyBytesOf(bundle: ParsedBundle): Buffer | null {
  let b = legacyBytes.get(bundle);
  if (b === undefined) {
    b = isLegacyPayload(bundle.payload) ? legacyPae(bundle.payloadType, bundle.payload) : null;
    legacyBytes.set(bundle, b);
  }
  return b;
}

export function verifyEnvelope(key: KeyObject, bundle: ParsedBundle, pae: Buffer): EnvelopeMatch {
  if (bundle.signatures.some((s) => verifyBytes(key, pae, s.sig))) return 'dsse';
  const bytes = legacyBytesOf(bundle);
  if (!bytes) return undefined;
  const type = keyTypeOf(key);
  for (const s of bundle.signatures) {
    if (verifyBytes(key, bytes, s.sig)) return 'legacy-v0.2';
    if (type === 'ecdsa-p384' || type === 'ecdsa-p521') {
      try {
        if (cVerify('sha256', bytes, key, s.sig)) return 'legacy-v0.2';
      } catch {
        // malformed signature: not a match
      }
    }
  }
  return undefined;
}

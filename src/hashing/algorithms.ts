/**
 * Hash algorithms a signature may name. sha256 and blake2b come from OpenSSL through
 * node:crypto (SHA extensions make sha256 ~1.4 GB/s per core here); blake3 has no OpenSSL
 * implementation, so it comes from @noble/hashes (pure JS, loaded only when asked for).
 */
import { createHash } from 'node:crypto';
import { usage } from '../errors.js';

export type HashAlgorithm = 'sha256' | 'blake2b' | 'blake3';
export const HASH_ALGORITHMS: readonly HashAlgorithm[] = ['sha256', 'blake2b', 'blake3'];

/** The streaming interface every hasher offers. */
export interface Hasher {
  update(data: Uint8Array): void;
  digestHex(): string;
}

export function isHashAlgorithm(s: unknown): s is HashAlgorithm {
  return typeof s === 'string' && (HASH_ALGORITHMS as readonly string[]).includes(s);
}

export function parseHashAlgorithm(s: string): HashAlgorithm {
  if (!isHashAlgorithm(s)) throw usage('BAD_HASH', `unknown hash algorithm "${s}" (expected ${HASH_ALGORITHMS.join(', ')})`);
  return s;
}

type Blake3Factory = () => { update(d: Uint8Array): unknown; digest(): Uint8Array };
let blake3Factory: Blake3Factory | undefined;

/** Load the blake3 implementation once; call before createHasher('blake3'). */
export async function prepareAlgorithm(alg: HashAlgorithm): Promise<void> {
  if (alg === 'blake3' && !blake3Factory) {
    const mod = await import('@noble/hashes/blake3.js');
    blake3Factory = () => mod.blake3.create();
  }
}

export function createHasher(alg: HashAlgorithm): Hasher {
  switch (alg) {
    case 'sha256':
    case 'blake2b': {
      // model_signing's blake2b is Python's hashlib.blake2b(): 64-byte digest = blake2b512.
      const h = createHash(alg === 'sha256' ? 'sha256' : 'blake2b512');
      return { update: (d) => void h.update(d), digestHex: () => h.digest('hex') };
    }
    case 'blake3': {
      if (!blake3Factory) throw new Error('blake3 not prepared: call prepareAlgorithm first');
      const h = blake3Factory();
      return { update: (d) => void h.update(d), digestHex: () => Buffer.from(h.digest()).toString('hex') };
    }
  }
}

/** Hex digest of a small in-memory buffer. */
export function hashBytes(alg: HashAlgorithm, data: Uint8Array): string {
  const h = createHasher(alg);
  h.update(data);
  return h.digestHex();
}

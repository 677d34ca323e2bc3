/**
 * Hash algorithms a signature may name.
 *
 *   sha256  - OpenSSL through node:crypto (SHA extensions: ~1.7 GB/s per core here).
 *   blake3  - @napi-rs/blake-hash: the BLAKE3 team's Rust crate with its SIMD kernels, shipped
 *             as prebuilt N-API binaries in per-platform npm packages (no compiler, no download
 *             beyond the npm registry; N-API, so one binary serves Node 20, 22 and 24). ~6 GB/s
 *             per core here against 0.6 for hash-wasm and 0.05 for pure-JS @noble/hashes; see
 *             docs/performance.md. Where no binary exists for the platform, @noble/hashes.
 *   blake2b - the same native package (~1.2 GB/s, 20% over OpenSSL's), else node:crypto's
 *             blake2b512. model_signing's blake2b is Python's hashlib.blake2b(): a 64-byte digest.
 *
 * Implementations load only when an algorithm is prepared, so `--version` and sha256 runs
 * never pay for them.
 */
import { settings } from '../settings.js';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

export type HashAlgorithm = 'sha256' | 'blake2b' | 'blake3';
const HASH_ALGORITHMS: readonly HashAlgorithm[] = ['sha256', 'blake2b', 'blake3'];

/** The streaming interface every hasher offers. */
export interface Hasher {
  update(data: Uint8Array): void;
  digestHex(): string;
}

export function isHashAlgorithm(s: unknown): s is HashAlgorithm {
  return typeof s === 'string' && (HASH_ALGORITHMS as readonly string[]).includes(s);
}

type Factory = () => Hasher;

/** The native module's streaming hashers (only the parts used here). */
interface NativeBlake {
  Blake3Hasher: new () => { update(d: Uint8Array): unknown; digest(format: 'hex'): string };
  Blake2BHasher: new () => { update(d: Uint8Array): unknown; digest(format: 'hex'): string };
}

const factories: Partial<Record<HashAlgorithm, Factory>> = {
  sha256: () => nodeHasher('sha256'),
};

function nodeHasher(name: string): Hasher {
  const h = createHash(name);
  return { update: (d) => void h.update(d), digestHex: () => h.digest('hex') };
}

let native: NativeBlake | null | undefined;
function loadNative(): NativeBlake | null {
  if (native !== undefined) return native;
  if (!settings.nativeBlake) return (native = null);
  try {
    native = createRequire(import.meta.url)('@napi-rs/blake-hash') as NativeBlake;
  } catch {
    native = null; // no prebuilt binary for this platform: fall back below
  }
  return native;
}

/** Load the implementation of `alg` once; call before createHasher(alg). */
export async function prepareAlgorithm(alg: HashAlgorithm): Promise<void> {
  if (factories[alg]) return;
  const nat = loadNative();
  // Both native hashers share one interface.
  const nativeFactory = (C: NativeBlake['Blake3Hasher']): Factory => () => {
    const h = new C();
    return { update: (d) => void h.update(d), digestHex: () => h.digest('hex') };
  };
  if (alg === 'blake3') {
    if (nat) {
      factories.blake3 = nativeFactory(nat.Blake3Hasher);
    } else {
      const mod = await import('@noble/hashes/blake3.js');
      factories.blake3 = () => {
        const h = mod.blake3.create();
        return { update: (d) => void h.update(d), digestHex: () => Buffer.from(h.digest()).toString('hex') };
      };
    }
  } else if (alg === 'blake2b') {
    if (nat) {
      factories.blake2b = nativeFactory(nat.Blake2BHasher);
    } else {
      factories.blake2b = () => nodeHasher('blake2b512');
    }
  }
}

export function createHasher(alg: HashAlgorithm): Hasher {
  const f = factories[alg];
  if (!f) {
    if (alg === 'blake2b') return nodeHasher('blake2b512'); // always available, same digest
    throw new Error(`${alg} not prepared: call prepareAlgorithm first`);
  }
  return f();
}

/** Hex digest of a small in-memory buffer. */
export function hashBytes(alg: HashAlgorithm, data: Uint8Array): string {
  const h = createHasher(alg);
  h.update(data);
  return h.digestHex();
}

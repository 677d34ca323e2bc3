/**
 * The OCI client: where OCI artifacts live (a registry over the distribution API, or a local
 * image layout), read and written with every digest checked and every size bounded, and the
 * Sigstore bundles attached to them as referrers. The model source (src/source/oci/) reads
 * models through it; nothing here knows OMS statements.
 */
import { settings } from '../settings.js';
import { Layout } from './layout.js';
import { Registry } from './registry.js';
import { Secrets } from './secrets.js';
import type { OciReference } from './reference.js';
import type { Store } from './store.js';

export { isOciReference, parseReference, formatReference, pinned, type OciReference } from './reference.js';
export { listAttached, attachBundle, MAX_ATTACHED, type AttachedBundle } from './signatures.js';
export { classifyLayer, type LayerKind } from './layers.js';
export { parseManifest, MEDIA, type Descriptor, type ImageManifest } from './manifest.js';
export { DigestMismatch } from './digest-check.js';
export type { Store, FetchedManifest } from './store.js';

export interface RegistryOptions {
  /** Registries (host[:port]) reached over plain HTTP instead of HTTPS (--insecure-registry). */
  insecureRegistries?: readonly string[];
  /** The Docker configuration directory (default: the dockerConfigDir setting; none: anonymous access). */
  dockerConfigDir?: string;
  /** A registry request fails when no byte arrives for this long (default 60 s). */
  idleTimeoutMs?: number;
  /**
   * A registry request fails when it takes longer than twice the idle limit plus its bytes at
   * this rate (default 256 KiB/s: a 10 GB layer may take about 11 hours, a manifest 136 s).
   */
  minBytesPerSecond?: number;
}

export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
export const DEFAULT_MIN_BYTES_PER_SECOND = 256 * 1024;

/** The store a reference names, counting the bytes it reads into `received`. */
export function openStore(ref: OciReference, opts: RegistryOptions, received: { bytes: number }): Store {
  if (ref.kind === 'layout') return new Layout(ref, received);
  return new Registry(ref, {
    insecure: new Set((opts.insecureRegistries ?? []).map((h) => h.toLowerCase())),
    idleTimeoutMs: opts.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    minBytesPerSecond: opts.minBytesPerSecond ?? DEFAULT_MIN_BYTES_PER_SECOND,
    secrets: new Secrets(),
    received,
    ...((opts.dockerConfigDir ?? settings.dockerConfigDir) !== undefined ? { dockerConfigDir: opts.dockerConfigDir ?? settings.dockerConfigDir } : {}),
  });
}

/**
 * What the OCI source and the signature store need from where an artifact lives: a
 * registry (registry.ts) or a local image layout (layout.ts). Everything a store returns by
 * digest has been checked against that digest; what it returns by tag is hashed here, and
 * the hash is what the artifact is pinned to.
 */
import type { Readable } from 'node:stream';
import type { Descriptor } from './manifest.js';

export interface FetchedManifest {
  /** sha256 of the bytes as received (never a digest the store claims). */
  digest: string;
  mediaType: string | undefined;
  bytes: Buffer;
}

export interface Store {
  /** oci://REGISTRY/REPO or oci:DIR, for messages. */
  readonly where: string;
  /** The manifest a tag or digest names (by digest: checked against it). */
  manifest(ref: { tag?: string; digest?: string }): Promise<FetchedManifest>;
  /** The blob's bytes as a stream that errors unless they are exactly the descriptor's. */
  blob(desc: Descriptor): Promise<Readable>;
  /**
   * Descriptors of the manifests whose subject is `digest`, as the store lists them: the
   * referrers API or the `sha256-<hex>` tag (a registry), or the layout's index. Untrusted:
   * each one is fetched by digest and its subject checked before use.
   */
  referrers(digest: string): Promise<Descriptor[]>;
  pushBlob(bytes: Buffer): Promise<Descriptor>;
  /** Store a referrer manifest (its subject set) and make it listed as one. */
  pushReferrer(manifest: Buffer, subject: Descriptor, listed: Descriptor): Promise<void>;
}

/** A descriptor of bytes held in memory. */
export function describe(bytes: Buffer, mediaType: string, digestHex: string): Descriptor {
  return { mediaType, digest: `sha256:${digestHex}`, size: bytes.length };
}

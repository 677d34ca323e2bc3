/**
 * Sigstore bundles attached to an artifact the way cosign stores them (its bundle spec): an
 * OCI 1.1 manifest with `artifactType application/vnd.dev.sigstore.bundle.v0.3+json`, an
 * empty config, the bundle as its one layer and `subject` the signed manifest, found through
 * the store's referrers listing. The listing is untrusted: every referrer is fetched by
 * digest, and one whose subject is not the artifact, or that is not shaped as above, is
 * refused when read.
 *
 * Order: newest first by the `org.opencontainers.image.created` annotation (then by
 * digest), at most MAX_ATTACHED; verify tries them in this order.
 */
import { createHash } from 'node:crypto';
import { ModelsignError, reject } from '../errors.js';
import { MAX_BUNDLE_BYTES } from '../oms/bundle.js';
import { OMS_PREDICATE_TYPE } from '../oms/statement.js';
import { EMPTY_CONFIG, MEDIA, bundleManifest, parseManifest, type Descriptor } from './manifest.js';
import type { Store } from './store.js';

/** Attached bundles verify looks at (a registry may list any number). */
export const MAX_ATTACHED = 32;

export interface AttachedBundle {
  /** The referrer manifest, pinned (oci://REGISTRY/REPO@sha256:...). */
  location: string;
  digest: string;
  created: string | undefined;
  /** The bundle's bytes, checked against the referrer's descriptor; SIG_* when it is not a bundle of this artifact. */
  read(): Promise<Buffer>;
}

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;

function createdOf(d: Descriptor): string | undefined {
  const c = d.annotations?.['org.opencontainers.image.created'];
  return c !== undefined && RFC3339.test(c) && !Number.isNaN(Date.parse(c)) ? c : undefined;
}

/** Newest first (undated last), then by digest: the order verify tries bundles in. */
export function orderAttached(ds: readonly Descriptor[]): Descriptor[] {
  const seen = new Set<string>();
  const unique = ds.filter((d) => d.artifactType === MEDIA.bundle && !seen.has(d.digest) && seen.add(d.digest));
  const time = (d: Descriptor) => {
    const c = createdOf(d);
    return c === undefined ? -Infinity : Date.parse(c);
  };
  return unique.sort((a, b) => time(b) - time(a) || (a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0));
}

async function collect(stream: NodeJS.ReadableStream, max: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let n = 0;
  for await (const c of stream as AsyncIterable<Buffer>) {
    n += c.length;
    if (n > max) throw reject('SIG_TOO_LARGE', `attached signature is larger than ${max} bytes`);
    parts.push(c);
  }
  return Buffer.concat(parts);
}

/** Read one referrer: its manifest (by digest), its shape and subject, then its bundle blob. */
async function readReferrer(store: Store, d: Descriptor, subject: string, at: string): Promise<Buffer> {
  let m;
  try {
    const f = await store.manifest({ digest: d.digest });
    m = parseManifest(f.bytes, f.mediaType ?? d.mediaType, `signature manifest ${d.digest}`);
  } catch (e) {
    throw reject('SIG_UNREADABLE', `attached signature ${at}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (m.kind !== 'manifest') throw reject('SIG_MALFORMED', `attached signature ${at} is an index, not a bundle manifest`);
  if (m.subject?.digest !== subject) throw reject('SIG_MALFORMED', `attached signature ${at} is attached to ${m.subject?.digest ?? 'nothing'}, not to ${subject}`);
  const layer = m.layers[0];
  if ((m.artifactType ?? m.config.mediaType) !== MEDIA.bundle || m.layers.length !== 1 || layer?.mediaType !== MEDIA.bundle) {
    throw reject('SIG_MALFORMED', `attached signature ${at} is not a Sigstore bundle manifest (one layer of ${MEDIA.bundle})`);
  }
  if (layer.size > MAX_BUNDLE_BYTES) throw reject('SIG_TOO_LARGE', `attached signature ${at} is ${layer.size} bytes, more than the ${MAX_BUNDLE_BYTES} read`);
  try {
    return await collect(await store.blob(layer), MAX_BUNDLE_BYTES);
  } catch (e) {
    if (e instanceof ModelsignError && e.code.startsWith('SIG_')) throw e;
    throw reject('SIG_UNREADABLE', `attached signature ${at}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The bundles attached to `subject`, in the order verify tries them. */
export async function listAttached(store: Store, subject: string, pin: (digest: string) => string): Promise<AttachedBundle[]> {
  const ordered = orderAttached(await store.referrers(subject)).slice(0, MAX_ATTACHED);
  return ordered.map((d) => {
    const location = pin(d.digest);
    return { location, digest: d.digest, created: createdOf(d), read: () => readReferrer(store, d, subject, location) };
  });
}

/** Attach a bundle to `subject`; returns the referrer manifest's digest. */
export async function attachBundle(store: Store, subject: Descriptor, bundle: Buffer, created: Date): Promise<string> {
  const blob = await store.pushBlob(bundle);
  const hex = blob.digest.slice('sha256:'.length);
  await store.pushBlob(EMPTY_CONFIG);
  const layer: Descriptor = { mediaType: MEDIA.bundle, digest: blob.digest, size: blob.size, annotations: { 'org.opencontainers.image.title': `sha256-${hex}.sigstore.json` } };
  // Also on the listed descriptor: registries copy them into the referrers list, and the
  // fallback tag's index carries them for ordering.
  const annotations = { 'dev.sigstore.bundle.content': 'dsse-envelope', 'dev.sigstore.bundle.predicateType': OMS_PREDICATE_TYPE, 'org.opencontainers.image.created': created.toISOString() };
  const manifest = bundleManifest(layer, subject, annotations);
  const digest = `sha256:${createHash('sha256').update(manifest).digest('hex')}`;
  const listed: Descriptor = { mediaType: MEDIA.ociManifest, digest, size: manifest.length, artifactType: MEDIA.bundle, annotations };
  await store.pushReferrer(manifest, subject, listed);
  return digest;
}

/**
 * OCI manifests, indexes and descriptors, read strictly from untrusted bytes (pure): a
 * registry or layout may send anything, so every field used is type-checked, digests must
 * be sha256/sha512 hex, sizes safe integers, and the counts are bounded.
 */
import { reject } from '../errors.js';
import { isObject, parseStrictJson, type JsonValue } from '../util/strict-json.js';

export const MEDIA = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  empty: 'application/vnd.oci.empty.v1+json',
  bundle: 'application/vnd.dev.sigstore.bundle.v0.3+json',
  modelManifest: 'application/vnd.cncf.model.manifest.v1+json',
} as const;

/** What GET /manifests asks for: every manifest and index type read here. */
export const MANIFEST_ACCEPT = [MEDIA.ociManifest, MEDIA.ociIndex, MEDIA.dockerManifest, MEDIA.dockerList].join(', ');

/** The empty JSON object `{}` that artifacts without a config point at (OCI 1.1). */
export const EMPTY_CONFIG = Buffer.from('{}');

/** Manifests larger than this are refused (registries must accept 4 MiB; none needs more). */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** Layers of one manifest / entries of one index. */
export const MAX_DESCRIPTORS = 100_000;
const MAX_ANNOTATIONS_PER_DESCRIPTOR = 256;

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
  annotations?: Record<string, string>;
}

export interface ImageManifest {
  kind: 'manifest';
  mediaType: string;
  artifactType?: string;
  config: Descriptor;
  layers: Descriptor[];
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

export interface ImageIndex {
  kind: 'index';
  mediaType: string;
  manifests: Descriptor[];
}

const DIGEST = /^(?:sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})$/;

export function isDigest(s: string): boolean {
  return DIGEST.test(s);
}

function bad(what: string, msg: string): never {
  throw reject('OCI_MANIFEST_MALFORMED', `${what} is malformed: ${msg}`);
}

function str(v: JsonValue | undefined, what: string, field: string, max = 1024): string {
  if (typeof v !== 'string' || v.length === 0 || v.length > max) bad(what, `${field} must be a non-empty string of at most ${max} characters`);
  return v;
}

function annotations(v: JsonValue | undefined, what: string): Record<string, string> | undefined {
  if (v === undefined) return undefined;
  if (!isObject(v)) bad(what, 'annotations must be an object');
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  const keys = Object.keys(v);
  if (keys.length > MAX_ANNOTATIONS_PER_DESCRIPTOR) bad(what, `more than ${MAX_ANNOTATIONS_PER_DESCRIPTOR} annotations`);
  for (const k of keys) {
    const val = v[k];
    if (typeof val !== 'string') bad(what, `annotation ${JSON.stringify(k.slice(0, 100))} is not a string`);
    out[k] = val;
  }
  return out;
}

export function parseDescriptor(v: JsonValue | undefined, what: string): Descriptor {
  if (!isObject(v)) bad(what, 'a descriptor is not an object');
  const mediaType = str(v.mediaType, what, 'mediaType', 255);
  const digest = str(v.digest, what, 'digest', 200);
  if (!DIGEST.test(digest)) bad(what, `digest ${JSON.stringify(digest.slice(0, 80))} is not sha256:<64 hex> or sha512:<128 hex>`);
  const size = v.size;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) bad(what, `size of ${digest} is not a whole number of bytes`);
  const d: Descriptor = { mediaType, digest, size };
  if (v.artifactType !== undefined) d.artifactType = str(v.artifactType, what, 'artifactType', 255);
  const a = annotations(v.annotations, what);
  if (a) d.annotations = a;
  return d;
}

function descriptors(v: JsonValue | undefined, what: string, field: string): Descriptor[] {
  if (!Array.isArray(v)) bad(what, `${field} must be an array`);
  if (v.length > MAX_DESCRIPTORS) bad(what, `more than ${MAX_DESCRIPTORS} ${field}`);
  return v.map((d) => parseDescriptor(d, what));
}

/**
 * A manifest or index from its bytes. `contentType` is the registry's header (or the
 * layout descriptor's media type): the body's own mediaType, when present, must agree.
 */
export function parseManifest(bytes: Buffer, contentType: string | undefined, what = 'OCI manifest'): ImageManifest | ImageIndex {
  if (bytes.length > MAX_MANIFEST_BYTES) bad(what, `larger than ${MAX_MANIFEST_BYTES} bytes`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    bad(what, 'not UTF-8');
  }
  const json = parseStrictJson(text, { what, code: 'OCI_MANIFEST_MALFORMED', maxDepth: 16 });
  if (!isObject(json)) bad(what, 'not a JSON object');
  if (json.schemaVersion !== 2) bad(what, 'schemaVersion is not 2');
  const header = contentType?.split(';')[0]!.trim();
  const mediaType = json.mediaType === undefined ? header : str(json.mediaType, what, 'mediaType', 255);
  if (json.mediaType !== undefined && header && header !== mediaType && header !== 'application/json' && header !== 'application/octet-stream') {
    bad(what, `its mediaType ${JSON.stringify(mediaType)} differs from the media type it was served as (${JSON.stringify(header.slice(0, 100))})`);
  }
  const isIndex = mediaType === MEDIA.ociIndex || mediaType === MEDIA.dockerList || (mediaType === undefined && json.manifests !== undefined);
  if (isIndex) {
    if (json.layers !== undefined) bad(what, 'an index with layers');
    return { kind: 'index', mediaType: mediaType ?? MEDIA.ociIndex, manifests: descriptors(json.manifests, what, 'manifests') };
  }
  if (mediaType !== undefined && mediaType !== MEDIA.ociManifest && mediaType !== MEDIA.dockerManifest) bad(what, `unknown manifest media type ${JSON.stringify(mediaType.slice(0, 100))}`);
  if (json.manifests !== undefined) bad(what, 'a manifest with an index\'s manifests list');
  const m: ImageManifest = {
    kind: 'manifest',
    mediaType: mediaType ?? MEDIA.ociManifest,
    config: parseDescriptor(json.config, what),
    layers: descriptors(json.layers, what, 'layers'),
  };
  if (json.artifactType !== undefined) m.artifactType = str(json.artifactType, what, 'artifactType', 255);
  if (json.subject !== undefined) m.subject = parseDescriptor(json.subject, what);
  const a = annotations(json.annotations, what);
  if (a) m.annotations = a;
  return m;
}

/** The manifest of an artifact: a Sigstore bundle as its one layer, `subject` the signed model. */
export function bundleManifest(bundle: Descriptor, subject: Descriptor, annotations: Record<string, string>): Buffer {
  const body = {
    schemaVersion: 2,
    mediaType: MEDIA.ociManifest,
    artifactType: MEDIA.bundle,
    config: { mediaType: MEDIA.empty, digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a', size: 2 },
    layers: [bundle],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    annotations,
  };
  return Buffer.from(JSON.stringify(body));
}

/** An index listing `manifests` (the referrers tag's content). */
export function indexOf(manifests: readonly Descriptor[]): Buffer {
  return Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MEDIA.ociIndex, manifests }));
}

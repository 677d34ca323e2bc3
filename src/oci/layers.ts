/**
 * What a manifest layer is, as a model's content (pure):
 *
 *   - one file: a ModelPack raw layer (`application/vnd.cncf.model.<kind>.v1.raw`) named by
 *     `org.cncf.model.filepath`, or an ORAS blob named by `org.opencontainers.image.title`
 *     (whatever its media type: oras pushes files as `...layer.v1.tar` without tarring them).
 *     The layer's bytes are the file's bytes, so its sha256 digest is the file's digest.
 *   - a tar archive of files: ModelPack `.tar` / `.tar+gzip` layers, ORAS directories
 *     (title plus `io.deis.oras.content.unpack`), and image layers (`...layer.v1.tar[+gzip]`).
 *   - anything else (zstd, encrypted, non-distributable, unknown types) is refused, never
 *     skipped: a layer the verifier cannot read is a layer it cannot vouch for.
 */
import type { Code } from '../codes.js';
import { unsafeNameReason } from '../hashing/paths.js';
import type { Descriptor } from './manifest.js';

export const ANNOTATION = {
  filepath: 'org.cncf.model.filepath',
  title: 'org.opencontainers.image.title',
  unpack: 'io.deis.oras.content.unpack',
} as const;

export type LayerKind = { kind: 'file'; name: string } | { kind: 'tar'; gzip: boolean } | { kind: 'refused'; code: Code; why: string };

const MODELPACK = /^application\/vnd\.cncf\.model\.[a-z]+(?:\.[a-z]+)*\.v1\.(raw|tar|tar\+gzip|tar\+zstd)$/;
const IMAGE_TAR = new Set(['application/vnd.oci.image.layer.v1.tar', 'application/vnd.docker.image.rootfs.diff.tar']);
const IMAGE_TGZ = new Set(['application/vnd.oci.image.layer.v1.tar+gzip', 'application/vnd.docker.image.rootfs.diff.tar.gzip']);

function fileNamed(name: string | undefined, field: string): LayerKind {
  if (name === undefined) return { kind: 'refused', code: 'OCI_LAYER_UNSUPPORTED', why: `a raw layer without the ${field} annotation (no file name)` };
  const why = unsafeNameReason(name);
  if (why) return { kind: 'refused', code: 'UNSAFE_NAME', why: `layer file name ${JSON.stringify(name.slice(0, 200))}: ${why}` };
  return { kind: 'file', name };
}

function tarOf(mediaType: string): LayerKind {
  if (/zstd/.test(mediaType)) return { kind: 'refused', code: 'OCI_LAYER_UNSUPPORTED', why: `zstd-compressed layers are not supported (${mediaType})` };
  return { kind: 'tar', gzip: /gzip/.test(mediaType) };
}

export function classifyLayer(d: Descriptor): LayerKind {
  const a = d.annotations ?? {};
  const mp = MODELPACK.exec(d.mediaType);
  if (mp) {
    if (mp[1] === 'raw') return fileNamed(a[ANNOTATION.filepath] ?? a[ANNOTATION.title], ANNOTATION.filepath);
    return tarOf(d.mediaType);
  }
  const title = a[ANNOTATION.title];
  if (title !== undefined) {
    if (a[ANNOTATION.unpack] === 'true') return IMAGE_TAR.has(d.mediaType) || IMAGE_TGZ.has(d.mediaType) ? tarOf(d.mediaType) : refusedType(d.mediaType);
    return fileNamed(title, ANNOTATION.title);
  }
  if (IMAGE_TAR.has(d.mediaType) || IMAGE_TGZ.has(d.mediaType)) return tarOf(d.mediaType);
  return refusedType(d.mediaType);
}

function refusedType(mediaType: string): LayerKind {
  return { kind: 'refused', code: 'OCI_LAYER_UNSUPPORTED', why: `layer media type ${JSON.stringify(mediaType.slice(0, 120))} is neither a named file nor a tar archive` };
}

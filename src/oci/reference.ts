/**
 * Model references that name an OCI artifact (pure string logic):
 *
 *   oci://REGISTRY/REPO:TAG             a registry, by tag (resolved to a digest once)
 *   oci://REGISTRY/REPO@sha256:HEX      a registry, pinned by digest
 *   oci:DIR[:TAG]  oci:DIR@sha256:HEX   a local OCI image layout (as skopeo and oras write)
 *
 * A reference with credentials in it (oci://user:pass@host/...) is refused without echoing
 * it: credentials come from the Docker configuration only.
 */
import { usage } from '../errors.js';

export interface RemoteReference {
  kind: 'remote';
  /** host[:port] as given (lower-cased). */
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

export interface LayoutReference {
  kind: 'layout';
  dir: string;
  tag?: string;
  digest?: string;
}

export type OciReference = RemoteReference | LayoutReference;

const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
/** A repository path component (distribution spec), components separated by "/". */
const COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?$/;
const MAX_REPOSITORY = 255;

export function isOciReference(model: string): boolean {
  return model.startsWith('oci:');
}

/** The reference as text (the digest wins over the tag). */
export function formatReference(r: OciReference): string {
  const at = r.digest ? `@${r.digest}` : r.tag ? `:${r.tag}` : '';
  return r.kind === 'remote' ? `oci://${r.registry}/${r.repository}${at}` : `oci:${r.dir}${at}`;
}

/** The same artifact pinned to DIGEST. */
export function pinned(r: OciReference, digest: string): string {
  return r.kind === 'remote' ? `oci://${r.registry}/${r.repository}@${digest}` : `oci:${r.dir}@${digest}`;
}

function bad(what: string): never {
  throw usage('OCI_BAD_REFERENCE', what);
}

/** Split "NAME[:TAG][@sha256:HEX]" (the tag after the last "/"). */
function splitTagDigest(s: string): { name: string; tag?: string; digest?: string } {
  let name = s;
  let digest: string | undefined;
  const at = name.lastIndexOf('@');
  if (at >= 0) {
    digest = name.slice(at + 1);
    name = name.slice(0, at);
    if (!DIGEST.test(digest)) bad(`the digest in an OCI reference must be sha256: and 64 lowercase hex digits (got ${JSON.stringify(digest.slice(0, 80))})`);
  }
  let tag: string | undefined;
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
    if (!TAG.test(tag)) bad(`the tag in an OCI reference must match [A-Za-z0-9_][A-Za-z0-9._-]{0,127} (got ${JSON.stringify(tag.slice(0, 140))})`);
  }
  return { name, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

export function parseRemote(model: string): RemoteReference {
  const rest = model.slice('oci://'.length);
  const slash = rest.indexOf('/');
  const host = (slash < 0 ? rest : rest.slice(0, slash)).toLowerCase();
  // Never echo this part: it may hold a password.
  if (host.includes('@')) bad('an OCI reference must not carry credentials (user:password@host): put them in the Docker configuration (docker login)');
  if (!HOST.test(host)) bad(`not a registry host: ${JSON.stringify(host.slice(0, 260))} (expected oci://REGISTRY/REPOSITORY:TAG)`);
  if (slash < 0) bad(`${JSON.stringify(model.slice(0, 300))} names no repository (expected oci://REGISTRY/REPOSITORY:TAG)`);
  const { name, tag, digest } = splitTagDigest(rest.slice(slash + 1));
  if (name.length === 0 || name.length > MAX_REPOSITORY || !name.split('/').every((c) => COMPONENT.test(c))) {
    bad(`not a repository name: ${JSON.stringify(name.slice(0, 300))} (lowercase letters, digits and . _ - separators, components joined by /)`);
  }
  if (tag === undefined && digest === undefined) bad(`${JSON.stringify(model.slice(0, 300))} names no tag or digest: add :TAG or @sha256:DIGEST`);
  return { kind: 'remote', registry: host, repository: name, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/**
 * oci:DIR[:TAG] splits at the first ":" after the prefix, as skopeo does (so DIR itself holds
 * no ":"); oci:DIR@sha256:HEX names a manifest by digest.
 */
export function parseLayout(model: string): LayoutReference {
  let rest = model.slice('oci:'.length);
  let digest: string | undefined;
  const m = /@(sha256:[0-9a-f]{64})$/.exec(rest);
  if (m) {
    digest = m[1]!;
    rest = rest.slice(0, m.index);
  }
  const colon = rest.indexOf(':');
  const dir = colon < 0 ? rest : rest.slice(0, colon);
  const tag = colon < 0 ? undefined : rest.slice(colon + 1);
  if (dir === '') bad('oci:DIR names no directory (expected oci:DIR or oci:DIR:TAG)');
  if (tag !== undefined && !TAG.test(tag)) bad(`the tag in ${JSON.stringify(model.slice(0, 300))} must match [A-Za-z0-9_][A-Za-z0-9._-]{0,127} (a layout directory cannot contain ":")`);
  if (tag !== undefined && digest !== undefined) bad('name a layout manifest by tag or by digest, not both');
  return { kind: 'layout', dir, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

export function parseReference(model: string): OciReference {
  return model.startsWith('oci://') ? parseRemote(model) : parseLayout(model);
}

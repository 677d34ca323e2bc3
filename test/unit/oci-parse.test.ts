/** The OCI client's pure parts: references, manifests, layer kinds, challenges, ordering, redaction. */
import { describe, expect, it } from 'vitest';
import { ModelsignError } from '../../src/errors.js';
import { normaliseRegistryKey, parseChallenge } from '../../src/oci/auth.js';
import { classifyLayer } from '../../src/oci/layers.js';
import { MEDIA, parseManifest } from '../../src/oci/manifest.js';
import { formatReference, parseReference } from '../../src/oci/reference.js';
import { Secrets } from '../../src/oci/secrets.js';
import { orderAttached } from '../../src/oci/signatures.js';

const D = `sha256:${'a'.repeat(64)}`;
const E = `sha256:${'b'.repeat(64)}`;

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ModelsignError) return `${e.code}/${e.kind}: ${e.message}`;
    throw e;
  }
  return 'no error';
}

describe('OCI references', () => {
  it('read registry, repository, tag and digest', () => {
    expect(parseReference('oci://Reg.example.com:5000/acme/llm:1.0')).toEqual({ kind: 'remote', registry: 'reg.example.com:5000', repository: 'acme/llm', tag: '1.0' });
    expect(parseReference(`oci://127.0.0.1:5000/a/b/c@${D}`)).toEqual({ kind: 'remote', registry: '127.0.0.1:5000', repository: 'a/b/c', digest: D });
    // Both: the digest pins, the tag is kept for messages only.
    expect(formatReference(parseReference(`oci://r.io/x:t@${D}`))).toBe(`oci://r.io/x@${D}`);
    expect(parseReference('oci:./layout:v1')).toEqual({ kind: 'layout', dir: './layout', tag: 'v1' });
    expect(parseReference('oci:/abs/layout')).toEqual({ kind: 'layout', dir: '/abs/layout' });
    expect(parseReference(`oci:layout@${D}`)).toEqual({ kind: 'layout', dir: 'layout', digest: D });
  });

  it('refuse what names no single artifact, as usage errors', () => {
    expect(codeOf(() => parseReference('oci://r.io/acme/llm'))).toMatch(/^OCI_BAD_REFERENCE\/usage: .*names no tag or digest/);
    expect(codeOf(() => parseReference('oci://r.io'))).toMatch(/^OCI_BAD_REFERENCE\/usage: .*names no repository/);
    expect(codeOf(() => parseReference('oci://r.io/Acme/LLM:1'))).toMatch(/not a repository name/);
    expect(codeOf(() => parseReference('oci://r.io/acme:bad tag'))).toMatch(/the tag/);
    expect(codeOf(() => parseReference('oci://r.io/acme@sha256:abc'))).toMatch(/the digest/);
    expect(codeOf(() => parseReference('oci://bad_host!/x:1'))).toMatch(/not a registry host/);
    expect(codeOf(() => parseReference('oci:'))).toMatch(/names no directory/);
    expect(codeOf(() => parseReference('oci:a:b:c'))).toMatch(/cannot contain ":"/);
  });

  it('refuse credentials in a reference without repeating them', () => {
    const msg = codeOf(() => parseReference('oci://alice:s3cr3t-pass@r.io/acme/llm:1'));
    expect(msg).toMatch(/^OCI_BAD_REFERENCE\/usage: an OCI reference must not carry credentials/);
    expect(msg).not.toContain('s3cr3t');
    expect(msg).not.toContain('alice');
  });
});

describe('OCI manifests', () => {
  const layer = { mediaType: 'application/vnd.cncf.model.weight.v1.raw', digest: D, size: 3, annotations: { 'org.cncf.model.filepath': 'w.bin' } };
  const good = { schemaVersion: 2, mediaType: MEDIA.ociManifest, config: { mediaType: 'application/vnd.cncf.model.config.v1+json', digest: E, size: 2 }, layers: [layer] };
  const parse = (v: unknown, type: string | undefined = MEDIA.ociManifest) => parseManifest(Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)), type);

  it('read a manifest and an index', () => {
    const m = parse(good);
    expect(m.kind).toBe('manifest');
    expect(m.kind === 'manifest' && m.layers[0]).toEqual(layer);
    expect(parse({ schemaVersion: 2, manifests: [{ mediaType: MEDIA.ociManifest, digest: D, size: 1 }] }, MEDIA.ociIndex).kind).toBe('index');
  });

  it('refuse duplicate keys, bad digests and sizes, and a media type other than the one served', () => {
    const dup = JSON.stringify(good).replace('"layers":', '"layers":[],"layers":');
    expect(codeOf(() => parse(dup))).toMatch(/^OCI_MANIFEST_MALFORMED\/reject: .*duplicate/);
    expect(codeOf(() => parse({ ...good, layers: [{ ...layer, digest: 'sha256:XYZ' }] }))).toMatch(/is not sha256:<64 hex>/);
    expect(codeOf(() => parse({ ...good, layers: [{ ...layer, size: -1 }] }))).toMatch(/not a whole number/);
    expect(codeOf(() => parse({ ...good, layers: [{ ...layer, size: 2 ** 60 }] }))).toMatch(/not a whole number/);
    expect(codeOf(() => parse(good, MEDIA.ociIndex))).toMatch(/differs from the media type it was served as/);
    expect(codeOf(() => parse({ ...good, schemaVersion: 1 }))).toMatch(/schemaVersion is not 2/);
    expect(codeOf(() => parse({ ...good, layers: [{ ...layer, annotations: { a: 1 } }] }))).toMatch(/is not a string/);
    expect(codeOf(() => parseManifest(Buffer.from(JSON.stringify({ ...good, mediaType: 'application/x-other' })), undefined))).toMatch(/unknown manifest media type/);
  });
});

describe('OCI layer kinds', () => {
  const d = (mediaType: string, annotations?: Record<string, string>) => ({ mediaType, digest: D, size: 1, ...(annotations ? { annotations } : {}) });
  it('raw ModelPack layers and ORAS blobs are files; tar layers are archives', () => {
    expect(classifyLayer(d('application/vnd.cncf.model.weight.v1.raw', { 'org.cncf.model.filepath': 'a/w.bin' }))).toEqual({ kind: 'file', name: 'a/w.bin' });
    expect(classifyLayer(d('application/vnd.cncf.model.weight.config.v1.raw', { 'org.opencontainers.image.title': 'c.json' }))).toEqual({ kind: 'file', name: 'c.json' });
    // oras pushes files with the image layer type, untarred.
    expect(classifyLayer(d('application/vnd.oci.image.layer.v1.tar', { 'org.opencontainers.image.title': 'model.gguf' }))).toEqual({ kind: 'file', name: 'model.gguf' });
    expect(classifyLayer(d('application/vnd.oci.image.layer.v1.tar+gzip', { 'org.opencontainers.image.title': 'dir', 'io.deis.oras.content.unpack': 'true' }))).toEqual({ kind: 'tar', gzip: true });
    expect(classifyLayer(d('application/vnd.cncf.model.weight.v1.tar', { 'org.cncf.model.filepath': 'weights' }))).toEqual({ kind: 'tar', gzip: false });
    expect(classifyLayer(d('application/vnd.cncf.model.dataset.v1.tar+gzip'))).toEqual({ kind: 'tar', gzip: true });
    expect(classifyLayer(d('application/vnd.docker.image.rootfs.diff.tar.gzip'))).toEqual({ kind: 'tar', gzip: true });
  });

  it('refuse what cannot be read or named safely', () => {
    expect(classifyLayer(d('application/vnd.cncf.model.weight.v1.raw'))).toMatchObject({ kind: 'refused', code: 'OCI_LAYER_UNSUPPORTED' });
    expect(classifyLayer(d('application/vnd.cncf.model.weight.v1.tar+zstd'))).toMatchObject({ kind: 'refused', code: 'OCI_LAYER_UNSUPPORTED', why: expect.stringMatching(/zstd/) });
    expect(classifyLayer(d('application/vnd.oci.image.layer.v1.tar+encrypted'))).toMatchObject({ kind: 'refused', code: 'OCI_LAYER_UNSUPPORTED' });
    expect(classifyLayer(d('application/vnd.cncf.model.weight.v1.raw', { 'org.cncf.model.filepath': '../../etc/passwd' }))).toMatchObject({ kind: 'refused', code: 'UNSAFE_NAME' });
    expect(classifyLayer(d('application/vnd.cncf.model.weight.v1.raw', { 'org.cncf.model.filepath': '/abs' }))).toMatchObject({ kind: 'refused', code: 'UNSAFE_NAME' });
  });
});

describe('registry challenges and configuration keys', () => {
  it('read Bearer and Basic challenges', () => {
    expect(parseChallenge('Bearer realm="https://auth.example/token",service="registry.example",scope="repository:acme/llm:pull,push"')).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://auth.example/token', service: 'registry.example', scope: 'repository:acme/llm:pull,push' },
    });
    expect(parseChallenge('Basic realm="a \\"quoted\\" realm"')).toEqual({ scheme: 'basic', params: { realm: 'a "quoted" realm' } });
    expect(parseChallenge('Bearer realm=https://x/t, service=s')).toEqual({ scheme: 'bearer', params: { realm: 'https://x/t', service: 's' } });
    expect(parseChallenge('')).toBeUndefined();
  });

  it('match docker config keys by host', () => {
    expect(normaliseRegistryKey('https://index.docker.io/v1/')).toBe('docker.io');
    expect(normaliseRegistryKey('https://Reg.example.com:5000/v2/')).toBe('reg.example.com:5000');
    expect(normaliseRegistryKey('127.0.0.1:5000')).toBe('127.0.0.1:5000');
  });

  it('scrub every form of a credential from a message', () => {
    const s = new Secrets();
    s.addBasic('alice', 'p@ss word!');
    const b64 = Buffer.from('alice:p@ss word!').toString('base64');
    expect(s.scrub(`Basic ${b64} and p@ss word! and ${encodeURIComponent('p@ss word!')}`)).toBe('Basic *** and *** and ***');
  });
});

describe('attached signatures', () => {
  const ref = (digest: string, created?: string, artifactType: string = MEDIA.bundle) => ({ mediaType: MEDIA.ociManifest, digest, size: 1, artifactType, ...(created ? { annotations: { 'org.opencontainers.image.created': created } } : {}) });
  it('are tried newest first, undated last, once each, bundles only', () => {
    const F = `sha256:${'f'.repeat(64)}`;
    const order = orderAttached([ref(D, '2024-01-01T00:00:00Z'), ref(E), ref(F, '2025-06-01T10:00:00.5Z'), ref(D, '2024-01-01T00:00:00Z'), ref(`sha256:${'c'.repeat(64)}`, '2030-01-01T00:00:00Z', 'application/spdx+json')]);
    expect(order.map((d) => d.digest)).toEqual([F, D, E]);
    // A date that is not RFC 3339 counts as none.
    expect(orderAttached([ref(D, 'yesterday'), ref(E, '2020-01-01T00:00:00Z')]).map((d) => d.digest)).toEqual([E, D]);
  });
});

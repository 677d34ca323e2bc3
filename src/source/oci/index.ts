/**
 * A model that is an OCI artifact: `oci://REGISTRY/REPO:TAG|@sha256:...` in a registry, or
 * `oci:DIR[:TAG]` in a local image layout. Opening it resolves the reference to one
 * manifest, once: a tag is read once and the manifest's own digest (the sha256 of the bytes
 * received) is what everything after is pinned to - the layers the files are compared with,
 * the referrers the signatures are found under, the digest sign records. Nothing is trusted
 * from the tag afterwards.
 */
import path from 'node:path';
import { usage, type Failure } from '../../errors.js';
import {
  attachBundle,
  classifyLayer,
  formatReference,
  listAttached,
  openStore,
  parseManifest,
  parseReference,
  pinned,
  type Descriptor,
  type RegistryOptions,
} from '../../oci/index.js';
import type { AttachedSignatures, ModelSource } from '../types.js';
import { readOci, type OciLayer, type OciModel } from './read.js';
import { TreeWriter } from './tree-writer.js';

export interface OciOpenOptions {
  registry?: RegistryOptions;
  /** Write every file the read hashes into this directory (empty or new), re-hashed as written. */
  pullTo?: string;
}

/** What --pull-to leaves behind, decided once the verification is. */
export interface PullTarget {
  readonly dir: string;
  /** Keep the pulled files (and the attached bundle verify used, as DIR/model.sig); else remove them. */
  finish(verified: boolean, signatureLocation?: string): Promise<void>;
}

export interface OciSource extends ModelSource {
  readonly kind: 'oci';
  readonly attached: AttachedSignatures;
  readonly pull?: PullTarget;
}

export async function ociSource(model: string, opts: OciOpenOptions = {}): Promise<OciSource> {
  const ref = parseReference(model);
  const received = { bytes: 0 };
  const store = openStore(ref, opts.registry ?? {}, received);
  const root = await store.manifest(ref.digest !== undefined ? { digest: ref.digest } : ref.tag !== undefined ? { tag: ref.tag } : {});
  const m = parseManifest(root.bytes, root.mediaType, `manifest ${root.digest} of ${store.where}`);
  if (m.kind === 'index') {
    const first = m.manifests.slice(0, 3).map((d) => pinned(ref, d.digest));
    throw usage('OCI_INDEX', `${formatReference(ref)} names an image index of ${m.manifests.length} manifests, not one artifact: name one by digest${first.length ? ` (${first.join(', ')}${m.manifests.length > 3 ? ', ...' : ''})` : ''}`);
  }
  const at = pinned(ref, root.digest);
  const subject: Descriptor = { mediaType: m.mediaType, digest: root.digest, size: root.bytes.length };
  const layers: OciLayer[] = m.layers.map((desc) => ({ desc, kind: classifyLayer(desc) }));
  const problems: Failure[] = [];
  for (const l of layers) if (l.kind.kind === 'refused') problems.push({ code: l.kind.code, message: `layer ${l.desc.digest}: ${l.kind.why}` });
  const pull = opts.pullTo !== undefined ? await TreeWriter.target(opts.pullTo) : undefined;
  const model_: OciModel = { store, pinned: at, layers, received, ...(pull ? { pull } : {}) };
  /** Bundles read from the registry, by location: --pull-to keeps the one verify used. */
  const bundles = new Map<string, Buffer>();
  const attached: AttachedSignatures = {
    where: at,
    list: async () =>
      (await listAttached(store, root.digest, (d) => pinned(ref, d))).map((a) => ({
        location: a.location,
        read: async () => {
          const b = await a.read();
          bundles.set(a.location, b);
          return b;
        },
      })),
    attach: async (bundle) => pinned(ref, await attachBundle(store, subject, bundle, new Date())),
  };
  return {
    kind: 'oci',
    model,
    defaultIgnores: [],
    defaultName: () => (ref.kind === 'remote' ? ref.repository : path.basename(path.resolve(ref.dir))),
    // Signatures are attached to the manifest; this names them in messages.
    defaultSignaturePath: () => `${at} (attached signatures)`,
    provenance: { reference: formatReference(ref), manifest: root.digest, ...(m.artifactType ? { artifactType: m.artifactType } : {}) },
    attached,
    read: (req) => readOci(model_, problems, req),
    ...(pull ? { pull: pullTarget(pull, bundles) } : {}),
  };
}

function pullTarget(w: TreeWriter, bundles: ReadonlyMap<string, Buffer>): PullTarget {
  return {
    dir: w.root,
    async finish(verified, location) {
      if (!verified) return w.discard();
      const bundle = location !== undefined ? bundles.get(location) : undefined;
      if (!bundle || w.isWritten('model.sig')) return;
      const sink = w.open('model.sig');
      sink.write(bundle);
      sink.end(true);
      const f = w.failure('model.sig');
      if (f) throw usage('PULL_FAILED', f.message);
    },
  };
}

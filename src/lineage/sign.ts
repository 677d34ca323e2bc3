/**
 * Signing with lineage: each parent's signature is verified before it is linked, the links
 * (and datasets) go into the signed metadata, and the new bundle (with its parents') can be
 * filed in a lineage store. Trust for parents is given by the caller; signing with a key, the
 * default is that key's own public half (a chain signed by one release key needs no more).
 */
import { usage } from '../errors.js';
import type { JsonValue } from '../util/strict-json.js';
import type { TrustSpec } from '../verify/spec.js';
import { parseDatasetFlag } from './metadata.js';
import { buildLineageMeta, loadParents, resolveRelations } from './parents.js';
import { checkStoreDir, createStoreDir, findRecordSlot, recordBundle } from './store.js';

export interface SignLineage {
  /** Parent models' signature files. */
  parents?: readonly string[];
  /** One relation for all parents or one per parent (finetune, quantized, merge, adapter, distill). */
  relations?: readonly string[];
  /** Training data: URI, optionally `=sha256:<digest>`. */
  datasets?: readonly string[];
  /** Who is trusted to have signed the parents. */
  parentTrust?: TrustSpec;
  /** File the new bundle (and its parents') in this lineage store. */
  record?: string;
}

/** A bundle filed in the store: which file, and whether it was new there. */
export interface Recorded {
  what: 'parent' | 'model';
  name: string;
  version: string;
  file: string;
  added: boolean;
}

export interface PreparedLineage {
  /** Metadata to merge into annotations.modelsign (undefined: no lineage). */
  extraMetadata: Record<string, JsonValue> | undefined;
  /**
   * Runs once the bundle is signed, before it is written: refuses a parent with the model's
   * own root digest (a cycle no verifier could accept), creates the store and checks the
   * bundle can be filed there. A throw here means nothing is written.
   */
  beforeWrite(signed: SignedChild): Promise<void>;
  /** File the bundle (and the parents) in the store, once the signature is written. */
  record(signed: SignedChild): Promise<Recorded[]>;
}

export interface SignedChild {
  name: string;
  version: string;
  rootDigest: string;
  bundle: Buffer;
}

const hasAny = (l: SignLineage): boolean => (l.parents?.length ?? 0) + (l.datasets?.length ?? 0) + (l.relations?.length ?? 0) > 0 || l.record !== undefined;

/** Verify the parents and prepare the links; before anything is hashed. */
export async function prepareLineage(l: SignLineage, child: { name: string; version: string }): Promise<PreparedLineage | undefined> {
  if (!hasAny(l)) return undefined;
  const parents = l.parents ?? [];
  if (l.record === '') throw usage('BAD_OPTION', 'the lineage store to record in needs a directory');
  const relations = resolveRelations([...(l.relations ?? [])], parents.length);
  const datasets = (l.datasets ?? []).map(parseDatasetFlag);
  // Before hashing: a store that can never be written (a file in its place) is refused now.
  if (l.record !== undefined) await checkStoreDir(l.record);
  let loaded: Awaited<ReturnType<typeof loadParents>> = [];
  if (parents.length > 0) {
    if (!l.parentTrust) throw usage('MISSING_OPTION', 'parents need a trusted key to verify them against');
    const { trustChecks } = await import('../verify/trust.js');
    loaded = await loadParents([...parents], (await trustChecks(l.parentTrust)).checks);
  }
  const meta = buildLineageMeta({ parents: loaded, relations, datasets, childName: child.name, childVersion: child.version });
  const store = l.record;
  return {
    extraMetadata: meta ? { lineage: meta as unknown as JsonValue } : undefined,
    async beforeWrite(s) {
      const self = loaded.find((p) => p.verified.rootDigest === `sha256:${s.rootDigest}`);
      if (self) throw usage('LINEAGE_CYCLE', `parent ${self.file} has the same root digest as the model (sha256:${s.rootDigest}): a model cannot be its own parent; nothing was written`);
      if (store === undefined) return;
      await createStoreDir(store);
      // Refuses when the store holds different bundles under every name one could take.
      for (const p of loaded) await findRecordSlot(store, p.verified, p.bytes);
      await findRecordSlot(store, s, s.bundle);
    },
    async record(s) {
      if (store === undefined) return [];
      const out: Recorded[] = [];
      for (const p of loaded) {
        const w = await recordBundle(store, p.verified, p.bytes);
        out.push({ what: 'parent', name: p.verified.name, version: p.verified.version, ...w });
      }
      const w = await recordBundle(store, s, s.bundle);
      out.push({ what: 'model', name: s.name, version: s.version, ...w });
      return out;
    },
  };
}

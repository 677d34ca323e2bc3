/**
 * sign flags for lineage: --parent SIG (repeatable), --relation, --dataset URI[=sha256:D]
 * (repeatable), --parent-key PUB (repeatable), --record [DIR].
 *
 * Each parent's signature is verified before it is linked. Trust for parents: the
 * --parent-key files if given; otherwise the public half of the signing key (a signer trusts
 * its own key by construction, so a chain signed by one release key needs no extra flag).
 */
import type { Command } from 'commander';
import type { KeyObject } from 'node:crypto';
import { usage } from '../errors.js';
import type { SignResult } from '../sign/sign.js';
import type { ModelSource } from '../source/types.js';
import { collect, info } from './io.js';

export interface SignLineageFlags {
  key?: string;
  name?: string;
  version?: string;
  parent?: string[];
  relation?: string[];
  dataset?: string[];
  parentKey?: string[];
  record?: string | boolean;
}

const DEFAULT_STORE = 'manifests';

export function addLineageSignOptions(cmd: Command): void {
  cmd
    .option('--parent <sig>', "parent model's signature; verified, then linked (repeatable for merges)", collect, [])
    .option('--relation <rel>', 'finetune | quantized | merge | adapter | distill (one for all parents, or one per --parent; default finetune, merge for several)', collect, [])
    .option('--dataset <uri[=sha256:digest]>', 'training data used (repeatable)', collect, [])
    .option('--parent-key <pub>', "public key trusted for --parent signatures (repeatable; default: the signing key's own public key)", collect, [])
    .option('--record [dir]', `also file the new bundle (and its parents') in a lineage store (default: ./${DEFAULT_STORE})`);
}

export interface PreparedLineage {
  /** Metadata to merge into annotations.modelsign (undefined: no lineage). */
  extraMetadata: Record<string, import('../util/strict-json.js').JsonValue> | undefined;
  /** The private key, when it had to be loaded here (so the passphrase is asked once). */
  key: KeyObject | undefined;
  /**
   * Runs after signing, before the signature is written (signModel's beforeWrite): refuses
   * a parent with the model's own root digest (a cycle no verifier could ever accept), and
   * creates the store and checks the new bundle can be filed there. A failure here leaves
   * nothing written.
   */
  beforeWrite: ((r: SignResult) => Promise<void>) | undefined;
  /** File the signed bundle (and the parents) in the store, once the signature is written. */
  record(r: SignResult): Promise<void>;
}

export async function prepareLineage(model: string, o: SignLineageFlags, source?: ModelSource): Promise<PreparedLineage> {
  const parents = o.parent ?? [];
  const datasetsRaw = o.dataset ?? [];
  // No lineage flag at all (the common case): nothing to load or check.
  const storeDir = o.record === undefined || o.record === false ? undefined : o.record === true ? DEFAULT_STORE : o.record;
  if (parents.length === 0 && datasetsRaw.length === 0 && (o.relation ?? []).length === 0 && (o.parentKey ?? []).length === 0 && storeDir === undefined) {
    return { extraMetadata: undefined, key: undefined, beforeWrite: undefined, record: async () => undefined };
  }
  const { parseDatasetFlag, resolveRelations, loadParents, buildLineageMeta, recordBundle, checkStoreDir, createStoreDir, findRecordSlot } = await import('../lineage/index.js');
  if (storeDir === '') throw usage('BAD_OPTION', '--record needs a directory (or no value for ./manifests)');
  const relations = resolveRelations(o.relation ?? [], parents.length);
  const datasets = datasetsRaw.map(parseDatasetFlag);
  if (parents.length === 0 && (o.parentKey ?? []).length > 0) throw usage('BAD_OPTION', '--parent-key needs --parent PARENT_SIG');
  // Before hashing: a store that can never be written (a file in its place) is refused now.
  if (storeDir !== undefined) await checkStoreDir(storeDir);
  let key: KeyObject | undefined;
  let loaded: Awaited<ReturnType<typeof loadParents>> = [];
  if (parents.length > 0) {
    const { loadPrivateKey } = await import('../keys/keyfile.js');
    const { keyTrust, keyFileTrust } = await import('../verify/trust-key.js');
    let trust;
    if ((o.parentKey ?? []).length > 0) {
      trust = await keyFileTrust(o.parentKey!);
    } else {
      if (!o.key) throw usage('MISSING_OPTION', '--parent needs --parent-key PUB when signing without --key');
      const { createPublicKey } = await import('node:crypto');
      key = await loadPrivateKey(o.key);
      trust = [keyTrust(createPublicKey(key), `signing key ${o.key}`)];
    }
    loaded = await loadParents(parents, trust);
  }
  const { defaultModelName } = await import('../sign/sign.js');
  const childName = o.name ?? source?.defaultName() ?? (await defaultModelName(model));
  const meta = buildLineageMeta({ parents: loaded, relations, datasets, childName, childVersion: o.version ?? '' });
  const childMeta = (r: SignResult) => {
    const m = r.statement.subject[0].annotations?.modelsign;
    return { name: m?.name ?? childName, version: m?.version ?? o.version ?? '0.0.0', rootDigest: r.rootDigest };
  };
  return {
    extraMetadata: meta ? { lineage: meta as unknown as import('../util/strict-json.js').JsonValue } : undefined,
    key,
    async beforeWrite(r: SignResult) {
      const self = loaded.find((p) => p.verified.rootDigest === `sha256:${r.rootDigest}`);
      if (self) throw usage('LINEAGE_CYCLE', `--parent ${self.file} has the same root digest as the model (sha256:${r.rootDigest}): a model cannot be its own parent; nothing was written`);
      if (storeDir === undefined) return;
      await createStoreDir(storeDir);
      // Refuses when the store holds different bundles under every name one could take.
      for (const p of loaded) await findRecordSlot(storeDir, p.verified, p.bytes);
      await findRecordSlot(storeDir, childMeta(r), Buffer.from(r.bundleText, 'utf8'));
    },
    async record(r: SignResult) {
      if (storeDir === undefined) return;
      for (const p of loaded) {
        const w = await recordBundle(storeDir, p.verified, p.bytes);
        if (w.added) info(`recorded parent ${p.verified.name}@${p.verified.version} in ${w.file}`);
      }
      const w = await recordBundle(storeDir, childMeta(r), Buffer.from(r.bundleText, 'utf8'));
      info(`recorded ${w.file}`);
    },
  };
}

/**
 * Sign side: turn `--parent SIG` files into verified parent links. A parent is linked only
 * after its signature verifies under the given trust; the link records the digest of the
 * exact signature bytes that were verified, so a later verifier can insist on them.
 */
import semver from 'semver';
import { usage } from '../errors.js';
import { readBundleFile } from '../oms/bundle.js';
import type { TrustCheck } from '../verify/types.js';
import { BundleCheckError, verifyLineageBundle, type VerifiedBundle } from './ancestor.js';
import { MAX_PARENTS, RELATIONS, isRelation, type DatasetRef, type LineageMeta, type Relation } from './metadata.js';
import { reject } from '../errors.js';
import { clean } from '../util/one-line.js';

export interface ParentInput {
  file: string;
  bytes: Buffer;
  verified: VerifiedBundle;
}

/**
 * One --relation for all parents, or one per --parent in order. Default: finetune for one
 * parent, merge for several.
 */
export function resolveRelations(relations: string[], parentCount: number): Relation[] {
  for (const r of relations) {
    if (!isRelation(r)) throw usage('BAD_OPTION', `--relation must be one of ${RELATIONS.join(', ')} (got "${r}")`);
  }
  if (parentCount === 0) {
    if (relations.length > 0) throw usage('BAD_OPTION', '--relation needs --parent PARENT_SIG');
    return [];
  }
  const valid = relations.filter(isRelation);
  if (valid.length === 0) return new Array<Relation>(parentCount).fill(parentCount === 1 ? 'finetune' : 'merge');
  if (valid.length === 1) return new Array<Relation>(parentCount).fill(valid[0]!);
  if (valid.length !== parentCount) throw usage('BAD_OPTION', `give one --relation for all parents or one per --parent (${parentCount} parents, ${valid.length} relations)`);
  return valid;
}

export async function loadParents(files: string[], trust: readonly TrustCheck[]): Promise<ParentInput[]> {
  if (files.length > MAX_PARENTS) throw usage('BAD_OPTION', `at most ${MAX_PARENTS} --parent signatures`);
  const out: ParentInput[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = await readBundleFile(file);
    } catch (e) {
      throw usage('PARENT_UNREADABLE', `--parent ${file}: ${(e as Error).message}`);
    }
    let verified: VerifiedBundle;
    try {
      verified = await verifyLineageBundle(bytes, trust, 'the signature');
    } catch (e) {
      if (e instanceof BundleCheckError && e.inner.code === 'LINEAGE_NO_VERSION') {
        // Trusted, but not something a version chain can hang on: a usage problem.
        throw usage('PARENT_NO_VERSION', `parent ${file}: ${e.inner.message}`);
      }
      if (e instanceof BundleCheckError) {
        // The parent must not be used: exit 1, as verify would.
        const what = e.problem === 'untrusted' ? 'is not signed by a trusted key (see --parent-key)' : 'is not a usable modelsign signature';
        throw reject(e.problem === 'untrusted' ? 'PARENT_UNTRUSTED' : 'PARENT_MALFORMED', `parent ${file} ${what}: ${e.inner.message} [${e.inner.code}]`);
      }
      throw e;
    }
    if (out.some((p) => p.verified.rootDigest === verified.rootDigest)) throw usage('BAD_OPTION', `--parent ${file} is the same model as another --parent (${verified.rootDigest})`);
    out.push({ file, bytes, verified });
  }
  return out;
}

/** The lineage record for the new signature; refuses a same-name parent that is not older. */
export function buildLineageMeta(opts: { parents: ParentInput[]; relations: Relation[]; datasets: DatasetRef[]; childName: string; childVersion: string }): LineageMeta | undefined {
  if (opts.parents.length === 0 && opts.datasets.length === 0) return undefined;
  const child = semver.clean(opts.childVersion) ?? opts.childVersion;
  const parents = opts.parents.map((p, i) => {
    const v = p.verified;
    if (v.name === opts.childName && semver.valid(child) && !semver.lt(v.version, child)) {
      throw usage('LINEAGE_VERSION_ORDER', `parent ${p.file} is ${clean(`${v.name}@${v.version}`)}: a new version of ${clean(opts.childName)} must be higher (got --version ${child})`);
    }
    return { name: v.name, version: v.version, rootDigest: v.rootDigest, bundleDigest: v.bundleDigest, relation: opts.relations[i]! };
  });
  const meta: LineageMeta = { parents };
  if (opts.datasets.length > 0) meta.datasets = opts.datasets;
  return meta;
}

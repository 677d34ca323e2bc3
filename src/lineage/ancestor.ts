/**
 * Verify one lineage bundle on its own: signature under the given trust, then the signed
 * statement (OMS v1.0, root digest consistent with its resource list, a semver version),
 * then its lineage record. Used for a parent at sign time and for each ancestor in a walk;
 * the model files of an ancestor are not needed (and usually not present): the root digest
 * ties the signature to exactly those bytes.
 */
import semver from 'semver';
import { ModelsignError, reject } from '../errors.js';
import { rootDigest } from '../hashing/serialize.js';
import { parseBundle } from '../oms/bundle.js';
import { parseStatement } from '../oms/statement.js';
import { checkTrust } from '../verify/pipeline.js';
import type { SignerInfo, TrustCheck } from '../verify/types.js';
import { bundleDigestOf } from './store.js';
import { parseLineageMeta, type LineageMeta } from './metadata.js';

export interface VerifiedBundle {
  name: string;
  version: string;
  license: string | undefined;
  /** "sha256:<hex>" */
  rootDigest: string;
  /** "sha256:<hex>" of the bundle bytes */
  bundleDigest: string;
  /** Who signed it; undefined when it was read without trust (nothing checked the signature). */
  signer: SignerInfo | undefined;
  lineage: LineageMeta | undefined;
}

/** Which step failed, so callers can name it ("not trusted" vs "malformed"). */
export type BundleProblem = 'malformed' | 'untrusted';

export class BundleCheckError extends Error {
  constructor(
    readonly problem: BundleProblem,
    readonly inner: ModelsignError,
  ) {
    super(inner.message);
  }
}

/**
 * `trust` null reads the bundle without checking its signature (`modelsign lineage` with no
 * trust given shows what the bundles claim, marked as not verified); every other check runs.
 */
export async function verifyLineageBundle(bytes: Buffer, trust: readonly TrustCheck[] | null, what: string): Promise<VerifiedBundle> {
  const step = async <T>(problem: BundleProblem, f: () => Promise<T> | T): Promise<T> => {
    try {
      return await f();
    } catch (e) {
      if (e instanceof ModelsignError && e.kind === 'reject') throw new BundleCheckError(problem, e);
      throw e;
    }
  };
  const bundle = await step('malformed', () => parseBundle(bytes));
  const signer = trust === null ? undefined : await step('untrusted', () => checkTrust(bundle, trust));
  return step('malformed', () => {
    const st = parseStatement(bundle.payload);
    if (st.format !== 'oms-v1.0' || st.rootDigest === undefined) throw reject('LINEAGE_MALFORMED', `${what} is not an OMS v1.0 signature with a root digest`);
    if (rootDigest(st.resources) !== st.rootDigest) throw reject('ROOT_DIGEST_MISMATCH', `${what}: signed root digest does not match its signed resource list`);
    const meta = st.metadata;
    // Canonical form ("v1.0.0" -> "1.0.0"), as links record it and the schema requires.
    const version = typeof meta?.version === 'string' ? semver.valid(meta.version) : null;
    if (version === null) {
      throw reject('LINEAGE_NO_VERSION', `${what} carries no modelsign semver version (made by another tool? check the model, then sign it with modelsign sign --version and link that signature)`);
    }
    return {
      name: meta?.name ?? st.subjectName,
      version,
      license: typeof meta?.license === 'string' ? meta.license : undefined,
      rootDigest: `sha256:${st.rootDigest}`,
      bundleDigest: bundleDigestOf(bytes),
      signer,
      lineage: parseLineageMeta(meta?.lineage, what),
    };
  });
}

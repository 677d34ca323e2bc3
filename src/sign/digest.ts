/**
 * Hash a model the way sign does (`modelsign digest` prints the root). Kept apart from
 * sign.ts so `digest` loads only the hashing modules, not keys, bundles and DSSE: less to
 * load before the first byte is hashed.
 */
import { usage } from '../errors.js';
import type { HashAlgorithm } from '../hashing/algorithms.js';
import type { EngineOptions } from '../hashing/engine.js';
import { enumerateModel, type ModelListing } from '../hashing/enumerate.js';
import { effectiveIgnores } from '../hashing/paths.js';
import { hashResources, planResources, rootDigest, type Resource } from '../hashing/serialize.js';
import { archiveSourceFor, EMBEDDED_SIGNATURE } from '../hashing/archive.js';
import { lookupRange, plannedRanges, type ModelSource } from '../hashing/source.js';
import type { Serialization } from '../oms/statement.js';
import { checkResourceNames } from '../verify/names.js';
import { defaultSignaturePath } from './signature-path.js';
import { SizeBudget } from './budget.js';
import { displayPath } from '../util/one-line.js';

export interface DigestOptions {
  model: string;
  ignorePaths?: string[];
  allowSymlinks?: boolean;
  hash?: HashAlgorithm;
  shardSize?: number;
  engine?: EngineOptions;
  /** Leave out .git, .github, .gitattributes and .gitignore (default true). */
  ignoreGitPaths?: boolean;
  /** Signature path to leave out of the model (default: the default signature path). */
  signature?: string;
  listing?: ModelListing;
  /** Lists and hashes the model itself (archives); default: detected from MODEL's name. */
  source?: ModelSource;
  /**
   * Told every file of the model; `check` (which may refuse: sign's signature too large for
   * any verifier to read) runs before anything is hashed, except for an archive, which is
   * listed as it is hashed.
   */
  budget?: SizeBudget;
}

export interface DigestResult {
  listing: ModelListing;
  serialization: Serialization;
  resources: Resource[];
  rootDigest: string;
}

/** Hash a model the way sign does; `modelsign digest` prints the root. */
export async function digestModel(opts: DigestOptions): Promise<DigestResult> {
  const hash = opts.hash ?? 'sha256';
  // digest prints the root sign would sign: it refuses what sign would refuse as too large
  // to verify, and so never plans millions of ranges for a tiny --shard-size either.
  const budget = opts.budget ?? new SizeBudget(hash, opts.shardSize);
  const sigPath = opts.signature ?? (await defaultSignaturePath(opts.model));
  const ignorePaths = effectiveIgnores(opts.model, sigPath, undefined, opts.ignorePaths ?? [], opts.ignoreGitPaths ?? true);
  if (opts.shardSize !== undefined && (!Number.isSafeInteger(opts.shardSize) || opts.shardSize <= 0)) {
    throw usage('BAD_SHARD_SIZE', '--shard-size must be a positive whole number of bytes');
  }
  const method = opts.shardSize ? 'shards' : 'files';
  // An archive is listed and hashed in one streaming pass (src/hashing/archive.ts).
  const source = opts.listing ? undefined : (opts.source ?? (await archiveSourceFor(opts.model)));
  // The archive leaves out a root model.sig (a signed directory's own signature): record it.
  if (source && !ignorePaths.includes(EMBEDDED_SIGNATURE)) ignorePaths.push(EMBEDDED_SIGNATURE);
  // An archive is sized entry by entry as it streams, before each entry is hashed: a tiny
  // --shard-size on a big entry must be refused before millions of ranges are planned.
  const counted = new Set<string>();
  const rangesOf = (name: string, size: number) => {
    if (!counted.has(name)) {
      counted.add(name);
      budget.add(name, size);
      budget.check();
    }
    return plannedRanges(method, opts.shardSize, size);
  };
  const pre = source
    ? await source({ alg: hash, ranges: rangesOf, onRestart: () => (counted.clear(), budget.reset()), allowSymlinks: opts.allowSymlinks ?? false, ignorePaths, ...(opts.engine?.onProgress ? { onProgress: opts.engine.onProgress } : {}) })
    : undefined;
  const listing = opts.listing ?? pre?.listing ?? (await enumerateModel(opts.model, { ignorePaths, allowSymlinks: opts.allowSymlinks ?? false }));
  if (listing.problems.length > 0) {
    const p = listing.problems[0]!;
    const more = listing.problems.length > 1 ? ` (and ${listing.problems.length - 1} more)` : '';
    // The path as a report shows it: one line, shortened when long (a tree past PATH_MAX).
    throw usage(p.code, `${p.path !== undefined ? displayPath(p.path) : opts.model}: ${p.message}${more}`, p.path);
  }
  // Refuse names every verifier would refuse (backslashes, control characters, collisions
  // after NFC or case folding): signing them would make a signature nothing can verify.
  const nameProblems = listing.isFile ? [] : checkResourceNames(listing.files.map((f) => f.name));
  if (nameProblems.length > 0) {
    const p = nameProblems[0]!;
    const more = nameProblems.length > 1 ? ` (and ${nameProblems.length - 1} more)` : '';
    throw usage(p.code, `${JSON.stringify(p.path)}: ${p.message.replace(' in signature', '')}${more}`, p.path);
  }
  // OMS v1.0 §6.1: a model with no file left after exclusions is refused, never signed.
  if (listing.files.length === 0) throw usage('EMPTY_MODEL', `${displayPath(opts.model)}: no file to sign after exclusions (${ignorePaths.join(', ')})`);
  if (!pre) {
    for (const f of listing.files) budget.add(f.name, f.size);
    budget.check();
  }
  // No prepareAlgorithm here: the archive source and hashResources (hashTasks) prepare it.
  const plans = planResources(listing.files, method, opts.shardSize);
  const resources = pre
    ? plans.map((p) => {
        const o = lookupRange(pre.hashed, p.file.name, p.start, p.end);
        if (!o.ok) throw usage(o.code, `${p.file.name}: ${o.message}`, p.file.name);
        return { name: p.name, algorithm: hash, digest: o.digest };
      })
    : await hashResources(plans, hash, opts.engine);
  // The shards method omits empty files (§6.3.2): a model of empty files only lists nothing.
  if (resources.length === 0) throw usage('EMPTY_MODEL', `${displayPath(opts.model)}: every file is empty, and the shards method omits empty files (OMS §6.3.2); sign without --shard-size`);
  const serialization: Serialization = { method, hash_type: hash, allow_symlinks: opts.allowSymlinks ?? false };
  if (method === 'shards') serialization.shard_size = opts.shardSize!;
  serialization.ignore_paths = ignorePaths;
  return { listing, serialization, resources, rootDigest: rootDigest(resources) };
}

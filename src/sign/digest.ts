/**
 * Hash a model the way sign does (`modelsign digest` prints the root). Kept apart from
 * sign.ts so `digest` loads only the hashing modules, not keys, bundles and DSSE: less to
 * load before the first byte is hashed.
 */
import { reject, usage, type ModelsignError } from '../errors.js';
import type { HashAlgorithm } from '../hashing/algorithms.js';
import type { EngineOptions } from '../hashing/engine.js';
import { effectiveIgnores } from '../hashing/paths.js';
import { rootDigest, type Resource } from '../hashing/serialize.js';
import type { Serialization } from '../oms/statement.js';
import { openSource, type OpenOptions } from '../source/index.js';
import { lookupRange, plannedRanges } from '../source/ranges.js';
import type { ModelSource, ReadResult, SourceListing } from '../source/types.js';
import { checkResourceNames } from '../verify/names.js';
import { LFS_PULL, LfsPointerInspector, lfsPointerText } from '../scan/lfs-pointer.js';
import { SizeBudget } from './budget.js';
import { bundlesAmong, judgesSignatures, SignatureCandidates, signatureCandidates } from './stray-signatures.js';
import { displayPath } from '../util/one-line.js';

export interface DigestOptions {
  model: string;
  /** Reads the model; default: the source openSource chooses for `model`. */
  source?: ModelSource;
  /** How the model is opened when no source is given (registry access for oci:// models...). */
  open?: OpenOptions;
  ignorePaths?: string[];
  allowSymlinks?: boolean;
  hash?: HashAlgorithm;
  shardSize?: number;
  engine?: EngineOptions;
  /** Leave out .git, .github, .gitattributes and .gitignore (default true). */
  ignoreGitPaths?: boolean;
  /** Signature path to leave out of the model (default: the source's default signature path). */
  signature?: string;
  /**
   * Told every file of the model before it is hashed; `check` may refuse (sign's signature
   * too large for any verifier to read). A directory is sized whole before anything is
   * hashed, an archive entry by entry as it streams.
   */
  budget?: SizeBudget;
}

export interface DigestResult {
  source: ModelSource;
  listing: SourceListing;
  serialization: Serialization;
  resources: Resource[];
  rootDigest: string;
  /** `*.sig` files of the model that are signatures (bundles), left out and listed in ignore_paths. */
  excludedSignatures: string[];
}

/** The first listing problem as sign's refusal (exit 2), with how many more there are. */
function listingRefusal(listing: SourceListing, model: string): ModelsignError {
  const p = listing.problems[0]!;
  const more = listing.problems.length > 1 ? ` (and ${listing.problems.length - 1} more)` : '';
  // The path as a report shows it: one line, shortened when long (a tree past PATH_MAX).
  return usage(p.code, `${p.path !== undefined ? displayPath(p.path) : model}: ${p.message}${more}`, p.path);
}

/**
 * Names every verifier would refuse (backslashes, control characters, collisions after NFC
 * or case folding): signing them would make a signature nothing can verify.
 */
function nameRefusal(listing: SourceListing): ModelsignError | undefined {
  if (listing.isFile) return undefined;
  const nameProblems = checkResourceNames(listing.files.map((f) => f.name));
  if (nameProblems.length === 0) return undefined;
  const p = nameProblems[0]!;
  const more = nameProblems.length > 1 ? ` (and ${nameProblems.length - 1} more)` : '';
  return usage(p.code, `${JSON.stringify(p.path)}: ${p.message.replace(' in signature', '')}${more}`, p.path);
}

/** OMS v1.0 §6.1: a model with no file left after exclusions is refused, never signed. */
function emptyModel(model: string, ignorePaths: readonly string[]): ModelsignError {
  return usage('EMPTY_MODEL', `${displayPath(model)}: no file to sign after exclusions (${ignorePaths.join(', ')})`);
}

/** Git LFS pointers in place of the files (a clone without `git lfs pull`): signing them would sign the pointers. */
function lfsRefusal(lfs: LfsPointerInspector): ModelsignError | undefined {
  const [first] = lfs.found;
  if (!first) return undefined;
  const more = lfs.found.size > 1 ? ` (and ${lfs.found.size - 1} more)` : '';
  return usage('LFS_POINTER', `${displayPath(first[0])} is ${lfsPointerText(first[1])}: ${LFS_PULL}${more}`, first[0]);
}

/** Hash a model the way sign does; `modelsign digest` prints the root. */
export async function digestModel(opts: DigestOptions): Promise<DigestResult> {
  const hash = opts.hash ?? 'sha256';
  if (opts.shardSize !== undefined && (!Number.isSafeInteger(opts.shardSize) || opts.shardSize <= 0)) {
    throw usage('BAD_SHARD_SIZE', '--shard-size must be a positive whole number of bytes');
  }
  // digest prints the root sign would sign: it refuses what sign would refuse as too large
  // to verify, and so never plans millions of ranges for a tiny --shard-size either.
  const budget = opts.budget ?? new SizeBudget(hash, opts.shardSize);
  const source = opts.source ?? (await openSource(opts.model, opts.open));
  const sigPath = opts.signature ?? source.defaultSignaturePath();
  let ignorePaths = effectiveIgnores(source.model, sigPath, source.defaultIgnores, opts.ignorePaths ?? [], opts.ignoreGitPaths ?? true);
  const method = opts.shardSize ? 'shards' : 'files';
  // Signatures left in the model are judged once, from the listing, before any byte is hashed:
  // the read stops there, and starts again without those that are bundles.
  let judgeSignatures = judgesSignatures(source);
  const excludedSignatures: string[] = [];
  let attempt: Awaited<ReturnType<typeof readModel>>;
  for (;;) {
    try {
      attempt = await readModel(opts, source, method, budget, ignorePaths, judgeSignatures);
      break;
    } catch (e) {
      if (!(e instanceof SignatureCandidates)) throw e;
      judgeSignatures = false;
      const bundles = await bundlesAmong(source.model, e.names, source.kind === 'directory');
      excludedSignatures.push(...bundles);
      ignorePaths = [...ignorePaths, ...bundles];
    }
  }
  const { read, judged, lfs } = attempt;
  // A streamed source (an archive) knows its problems only once it is read, and a listed one
  // can find more while reading (a Hugging Face blob whose bytes are not its name).
  const listing = read.listing;
  if (!judged) refuseListing(listing, opts.model, ignorePaths);
  else if (listing.problems.length > 0) throw listingRefusal(listing, opts.model);
  const pointers = lfsRefusal(lfs);
  if (pointers) throw pointers;
  const resources: Resource[] = [];
  // Index loops, no destructuring (see local-read.ts): this runs once per file, unoptimised.
  const files = listing.files;
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    if (method === 'files') {
      resources.push(resourceOf(read.hashed, f.name, 0, f.size, f.name, hash));
      continue;
    }
    const ranges = plannedRanges(method, opts.shardSize, f.size);
    for (let j = 0; j < ranges.length; j++) {
      const start = ranges[j]![0];
      const end = ranges[j]![1];
      resources.push(resourceOf(read.hashed, f.name, start, end, `${f.name}:${start}:${end}`, hash));
    }
  }
  // The shards method omits empty files (§6.3.2): a model of empty files only lists nothing.
  if (resources.length === 0) throw usage('EMPTY_MODEL', `${displayPath(opts.model)}: every file is empty, and the shards method omits empty files (OMS §6.3.2); sign without --shard-size`);
  const serialization: Serialization = { method, hash_type: hash, allow_symlinks: opts.allowSymlinks ?? false };
  if (method === 'shards') serialization.shard_size = opts.shardSize!;
  serialization.ignore_paths = ignorePaths;
  return { source, listing, serialization, resources, rootDigest: rootDigest(resources), excludedSignatures };
}

/** A listing sign refuses: a problem in it, a name no verifier accepts, or no file at all. */
function refuseListing(listing: SourceListing, model: string, ignorePaths: readonly string[]): void {
  if (listing.problems.length > 0) throw listingRefusal(listing, model);
  const bad = nameRefusal(listing);
  if (bad) throw bad;
  if (listing.files.length === 0) throw emptyModel(model, ignorePaths);
}

/** The resource for one hashed range, or the refusal its outcome is. */
function resourceOf(hashed: ReadResult['hashed'], file: string, start: number, end: number, name: string, algorithm: HashAlgorithm): Resource {
  const o = lookupRange(hashed, file, start, end);
  if (!o.ok) throw reject(o.code, `${file}: ${o.message}`, file);
  return { name, algorithm, digest: o.digest };
}

/** One read of the model (listing, sizing, hashing); `judgeSignatures` stops it at the listing when it holds `*.sig` files. */
async function readModel(opts: DigestOptions, source: ModelSource, method: 'files' | 'shards', budget: SizeBudget, ignorePaths: string[], judgeSignatures: boolean) {
  // Each file is sized before its bytes are hashed: a tiny --shard-size on a big file must be
  // refused before millions of ranges are planned. A listed model is sized whole first.
  const counted = new Set<string>();
  const count = (name: string, size: number): void => {
    if (counted.has(name)) return;
    counted.add(name);
    budget.add(name, size);
  };
  // A source that lists before it reads (a directory) is judged whole in onListed, once.
  let judged = false;
  const lfs = new LfsPointerInspector();
  const read = await source.read({
    alg: opts.hash ?? 'sha256',
    inspector: lfs,
    allowSymlinks: opts.allowSymlinks ?? false,
    ignorePaths,
    ...(opts.engine ? { engine: opts.engine } : {}),
    onListed: (listing) => {
      const candidates = judgeSignatures ? signatureCandidates(listing) : [];
      if (candidates.length > 0) throw new SignatureCandidates(candidates);
      refuseListing(listing, opts.model, ignorePaths);
      const files = listing.files;
      for (let i = 0; i < files.length; i++) budget.add(files[i]!.name, files[i]!.size);
      budget.check();
      judged = true;
    },
    ranges: (name, size) => {
      if (!judged && !counted.has(name)) {
        count(name, size);
        budget.check();
      }
      return plannedRanges(method, opts.shardSize, size);
    },
    onRestart: () => (counted.clear(), budget.reset()),
  });
  return { read, judged, lfs };
}

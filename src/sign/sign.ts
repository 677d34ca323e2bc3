/**
 * Signing: enumerate -> hash -> statement -> DSSE signature -> bundle -> atomic write.
 * How the DSSE signature and verification material are produced is a `BundleSigner`: a key
 * here; Sigstore keyless plugs in the same way.
 */
import { rename, writeFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { usage, errnoCode } from '../errors.js';
import { prepareAlgorithm, type HashAlgorithm } from '../hashing/algorithms.js';
import type { EngineOptions } from '../hashing/engine.js';
import { enumerateModel, type ModelListing } from '../hashing/enumerate.js';
import { DEFAULT_IGNORES, normaliseIgnorePath } from '../hashing/paths.js';
import { hashResources, planResources, rootDigest, type Resource } from '../hashing/serialize.js';
import { archiveSourceFor, EMBEDDED_SIGNATURE } from '../hashing/archive.js';
import { lookupRange, plannedRanges, type ModelSource } from '../hashing/source.js';
import { keyHint, signBytes } from '../keys/algorithms.js';
import { buildBundle, serializeBundle } from '../oms/bundle.js';
import { IN_TOTO_PAYLOAD_TYPE, pae } from '../oms/dsse.js';
import { buildStatement, type ModelMetadata, type Serialization, type Statement } from '../oms/statement.js';
import { defaultSignaturePath } from '../verify/pipeline.js';
import { checkResourceNames } from '../verify/names.js';
import { TOOL_VERSION } from '../version.js';

/** Produces a complete bundle (as a JSON-ready object) for the given statement payload. */
export type BundleSigner = (payload: Buffer) => Promise<object>;

export function keySigner(key: KeyObject, publicKey: KeyObject): BundleSigner {
  return async (payload) => {
    const signature = signBytes(key, pae(IN_TOTO_PAYLOAD_TYPE, payload));
    return buildBundle({ payload, signature, material: { publicKeyHint: keyHint(publicKey) } });
  };
}

export interface DigestOptions {
  model: string;
  ignorePaths?: string[];
  allowSymlinks?: boolean;
  hash?: HashAlgorithm;
  shardSize?: number;
  engine?: EngineOptions;
  /** Signature path to leave out of the model (default: the default signature path). */
  signature?: string;
  listing?: ModelListing;
  /** Lists and hashes the model itself (archives); default: detected from MODEL's name. */
  source?: ModelSource;
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
  const sigPath = opts.signature ?? (await defaultSignaturePath(opts.model));
  const ignores = new Set<string>([...DEFAULT_IGNORES, ...(opts.ignorePaths ?? []).map(normaliseIgnorePath)]);
  const rel = path.relative(path.resolve(opts.model), path.resolve(sigPath));
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) ignores.add(rel.split(path.sep).join('/'));
  const ignorePaths = [...ignores].filter((p) => p !== '' && p !== '.');
  if (opts.shardSize !== undefined && (!Number.isSafeInteger(opts.shardSize) || opts.shardSize <= 0)) {
    throw usage('BAD_SHARD_SIZE', '--shard-size must be a positive whole number of bytes');
  }
  const method = opts.shardSize ? 'shards' : 'files';
  // An archive is listed and hashed in one streaming pass (src/hashing/archive.ts).
  const source = opts.listing ? undefined : (opts.source ?? (await archiveSourceFor(opts.model)));
  // The archive leaves out a root model.sig (a signed directory's own signature): record it.
  if (source && !ignorePaths.includes(EMBEDDED_SIGNATURE)) ignorePaths.push(EMBEDDED_SIGNATURE);
  const pre = source
    ? await source({ alg: hash, ranges: (_n, size) => plannedRanges(method, opts.shardSize, size), allowSymlinks: opts.allowSymlinks ?? false, ignorePaths, ...(opts.engine?.onProgress ? { onProgress: opts.engine.onProgress } : {}) })
    : undefined;
  const listing = opts.listing ?? pre?.listing ?? (await enumerateModel(opts.model, { ignorePaths, allowSymlinks: opts.allowSymlinks ?? false }));
  if (listing.problems.length > 0) {
    const p = listing.problems[0]!;
    const more = listing.problems.length > 1 ? ` (and ${listing.problems.length - 1} more)` : '';
    throw usage(p.code, `${p.path ?? opts.model}: ${p.message}${more}`, p.path);
  }
  // Refuse names every verifier would refuse (backslashes, control characters, collisions
  // after NFC or case folding): signing them would make a signature nothing can verify.
  const nameProblems = listing.isFile ? [] : checkResourceNames(listing.files.map((f) => f.name));
  if (nameProblems.length > 0) {
    const p = nameProblems[0]!;
    const more = nameProblems.length > 1 ? ` (and ${nameProblems.length - 1} more)` : '';
    throw usage(p.code, `${JSON.stringify(p.path)}: ${p.message.replace(' in signature', '')}${more}`, p.path);
  }
  await prepareAlgorithm(hash);
  const plans = planResources(listing.files, method, opts.shardSize);
  const resources = pre
    ? plans.map((p) => {
        const o = lookupRange(pre.hashed, p.file.name, p.start, p.end);
        if (!o.ok) throw usage(o.code, `${p.file.name}: ${o.message}`, p.file.name);
        return { name: p.name, algorithm: hash, digest: o.digest };
      })
    : await hashResources(plans, hash, opts.engine);
  const serialization: Serialization = { method, hash_type: hash, allow_symlinks: opts.allowSymlinks ?? false };
  if (method === 'shards') serialization.shard_size = opts.shardSize!;
  serialization.ignore_paths = ignorePaths;
  return { listing, serialization, resources, rootDigest: rootDigest(resources) };
}

export interface SignOptions extends DigestOptions {
  signer: BundleSigner;
  version: string;
  name?: string;
  license?: string;
  /** Extra metadata fields (lineage and others) merged into annotations.modelsign. */
  extraMetadata?: Record<string, ModelMetadata[string]>;
  /** Write the bundle (default true). */
  write?: boolean;
}

export interface SignResult {
  signaturePath: string;
  rootDigest: string;
  statement: Statement;
  bundleText: string;
  files: number;
  bytes: number;
}

export function defaultModelName(model: string): string {
  const base = path.basename(path.resolve(model));
  return base.replace(/\.(tar\.gz|tgz|tar)$/i, '') || 'model';
}

/** The version, cleaned; semver is loaded here rather than at start-up (~20 ms). */
export async function checkVersion(version: string): Promise<string> {
  const semver = (await import('semver')).default;
  if (!semver.valid(version)) throw usage('BAD_VERSION', `--version must be a semantic version like 1.2.0 (got "${version}")`);
  return semver.clean(version) ?? version;
}

export async function signModel(opts: SignOptions): Promise<SignResult> {
  const version = await checkVersion(opts.version);
  const signaturePath = opts.signature ?? (await defaultSignaturePath(opts.model));
  const d = await digestModel({ ...opts, signature: signaturePath });
  const name = opts.name ?? defaultModelName(opts.model);
  const metadata: ModelMetadata = {
    name,
    version,
    ...(opts.license ? { license: opts.license } : {}),
    created: new Date().toISOString(),
    tool: `modelsign/${TOOL_VERSION}`,
    ...(opts.extraMetadata ?? {}),
  };
  const statement = buildStatement({ name, rootDigest: d.rootDigest, serialization: d.serialization, resources: d.resources, metadata });
  const payload = Buffer.from(JSON.stringify(statement), 'utf8');
  const bundle = await opts.signer(payload);
  const bundleText = serializeBundle(bundle);
  if (opts.write !== false) await writeAtomic(signaturePath, bundleText);
  return {
    signaturePath,
    rootDigest: d.rootDigest,
    statement,
    bundleText,
    files: d.listing.files.length,
    bytes: d.listing.files.reduce((s, f) => s + f.size, 0),
  };
}

/** Write to a temp file beside the target, then rename: readers never see half a file. */
export async function writeAtomic(file: string, data: string | Buffer): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(tmp, data, { flag: 'wx', mode: 0o644 });
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw usage('WRITE_FAILED', `cannot write ${file}: ${errnoCode(e) ?? String(e)}`);
  }
}

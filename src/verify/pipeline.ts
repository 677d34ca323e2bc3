/**
 * The verification pipeline:  bundle -> signature (trust) -> statement -> files -> stages.
 *
 * Each step either passes or adds failures; a failure in an early step (no valid signature,
 * malformed statement) stops the pipeline, since nothing after it could be trusted. Later
 * features (lineage, policy, scanning) plug in as `stages` and see everything established
 * before them.
 */
import path from 'node:path';
import { ModelsignError, reject, toFailure, usage, type Failure } from '../errors.js';
import { rootDigest } from '../hashing/serialize.js';
import type { EngineOptions } from '../hashing/engine.js';
import { parseBundle, readBundleFile, type ParsedBundle } from '../oms/bundle.js';
import { IN_TOTO_PAYLOAD_TYPE, pae } from '../oms/dsse.js';
import { parseStatement, type ParsedStatement } from '../oms/statement.js';
import { checkFiles, parseShardName } from './files.js';
import { checkResourceNames } from './names.js';
import { statModel } from '../hashing/model-path.js';
import { defaultSignaturePath } from '../sign/signature-path.js';
import { NEED_IDENTITY, type SignerInfo, type TrustCheck, type VerifyResult } from './types.js';

export interface VerifyContext {
  options: VerifyOptions;
  bundle: ParsedBundle;
  statement: ParsedStatement;
  signer: SignerInfo;
  result: VerifyResult;
}

/** A check run after the files verified (lineage, policy, scan); returns its failures. */
export type VerifyStage = (ctx: VerifyContext) => Promise<Failure[]>;

export interface VerifyOptions {
  model: string;
  /** Default: MODEL/model.sig for a directory, MODEL.sig for a file. */
  signature?: string;
  trust: TrustCheck[];
  ignorePaths?: string[];
  ignoreUnsignedFiles?: boolean;
  engine?: EngineOptions;
  stages?: VerifyStage[];
  /** Supplies the model's files instead of walking a directory (archives). */
  listing?: import('../hashing/enumerate.js').ModelListing;
  /** Lists and hashes the model while streaming it; default: detected (.tar, .tar.gz, .tgz). */
  source?: import('../hashing/source.js').ModelSource;
}

/**
 * A Sigstore keyless signature verified with no identity policy (no Sigstore or certificate
 * authority configured) would have to accept anyone Fulcio certified: that is a usage error
 * (exit 2), not a verdict on the model.
 */
function refuseKeylessWithoutIdentity(bundle: ParsedBundle, trust: TrustCheck[]): void {
  if (bundle.material.kind === 'publicKey') return;
  const vm = (bundle.json as { verificationMaterial?: { tlogEntries?: unknown[] } }).verificationMaterial;
  if ((vm?.tlogEntries?.length ?? 0) === 0) return;
  if (trust.some((t) => t.kind === 'sigstore' || t.kind === 'certificate')) return;
  throw usage('MISSING_IDENTITY', `the signature is a Sigstore keyless signature: ${NEED_IDENTITY}`);
}

/** Establish the signer: any one trust check suffices. */
export async function checkTrust(bundle: ParsedBundle, trust: TrustCheck[]): Promise<SignerInfo> {
  if (bundle.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw reject('SIG_MALFORMED', `DSSE payloadType is ${JSON.stringify(bundle.payloadType)}, expected ${IN_TOTO_PAYLOAD_TYPE}`);
  }
  if (trust.length === 0) throw usage('NO_TRUST', 'no key, certificate chain or identity to verify against');
  const bytes = pae(bundle.payloadType, bundle.payload);
  const errors: ModelsignError[] = [];
  for (const t of trust) {
    try {
      return await t.verify(bundle, bytes);
    } catch (e) {
      if (e instanceof ModelsignError && e.kind === 'reject') errors.push(e);
      else throw e;
    }
  }
  if (errors.length === 1) throw errors[0]!;
  const first = errors[0]!;
  throw reject(first.code, `no trusted authority accepts the signature: ${errors.map((e) => e.message).join('; ')}`);
}

export async function verifyModel(opts: VerifyOptions): Promise<VerifyResult> {
  // A missing model is MODEL_NOT_FOUND (exit 2) before anything else, with or without
  // --signature: never a missing signature or a signature refusal. defaultSignaturePath
  // checks it; with a given signature and listing the path itself is never read.
  if (opts.signature !== undefined && !opts.listing) await statModel(opts.model);
  const signature = opts.signature ?? (await defaultSignaturePath(opts.model));
  const result: VerifyResult = {
    verified: false,
    model: opts.model,
    signature,
    rootDigest: undefined,
    subjectName: undefined,
    signer: undefined,
    signerInfo: undefined,
    metadata: undefined,
    serialization: undefined,
    filesChecked: 0,
    bytesHashed: 0,
    failures: [],
    extra: {},
  };
  try {
    // The default path lies in the model directory: a link there is not followed.
    const bundle = parseBundle(await readBundleFile(signature, undefined, { noFollow: opts.signature === undefined }));
    refuseKeylessWithoutIdentity(bundle, opts.trust);
    const signer = await checkTrust(bundle, opts.trust);
    result.signerInfo = signer;
    result.signer = signer.description;
    const statement = parseStatement(bundle.payload);
    result.subjectName = statement.subjectName;
    result.metadata = statement.metadata;
    result.serialization = statement.serialization;
    result.rootDigest = statement.rootDigest;
    // OMS v1.0 §5.2.1: resources holds at least one entry; an empty list signs nothing.
    if (statement.resources.length === 0) throw reject('EMPTY_MANIFEST', 'the signature lists no file: it covers nothing');

    const shardPath = statement.serialization.method === 'shards' ? (n: string) => parseShardName(n)?.path ?? n : undefined;
    const nameFailures = checkResourceNames(statement.resources.map((r) => r.name), shardPath);
    if (nameFailures.length > 0) {
      // Loops, not push(...list): a hostile model controls these lengths, and a spread of
      // ~120,000+ arguments overflows the stack ("Maximum call stack size exceeded").
      for (const f of nameFailures) result.failures.push(f);
      return result;
    }
    if (statement.rootDigest !== undefined) {
      const computed = rootDigest(statement.resources);
      if (computed !== statement.rootDigest) {
        result.failures.push({ code: 'ROOT_DIGEST_MISMATCH', message: 'signed root digest does not match the signed resource list' });
        return result;
      }
    } else {
      result.rootDigest = rootDigest(statement.resources);
    }
    const files = await checkFiles({
      model: opts.model,
      signaturePath: signature,
      serialization: statement.serialization,
      resources: statement.resources,
      ignorePaths: opts.ignorePaths ?? [],
      ignoreUnsignedFiles: opts.ignoreUnsignedFiles ?? false,
      ...(opts.engine ? { engine: opts.engine } : {}),
      ...(opts.listing ? { listing: opts.listing } : {}),
      ...(await modelSource(opts, statement.resources, statement.serialization.method)),
    });
    for (const f of files.failures) result.failures.push(f);
    result.filesChecked = files.filesChecked;
    result.bytesHashed = files.bytesHashed;
    if (result.failures.length === 0) {
      const ctx: VerifyContext = { options: opts, bundle, statement, signer, result };
      for (const stage of opts.stages ?? []) for (const f of await stage(ctx)) result.failures.push(f);
    }
  } catch (e) {
    if (e instanceof ModelsignError && e.kind === 'reject') result.failures.push(toFailure(e));
    else throw e;
  }
  result.verified = result.failures.length === 0;
  return result;
}

async function modelSource(opts: VerifyOptions, resources: { name: string }[], method: string): Promise<{ source?: import('../hashing/source.js').ModelSource }> {
  if (opts.listing) return {};
  // An archive signed as one opaque file (e.g. by model_signing) lists only itself: verify
  // it as that file, not as its entries.
  const base = path.basename(opts.model);
  const fileOf = (n: string) => (method === 'shards' ? (parseShardName(n)?.path ?? n) : n);
  if (!opts.source && resources.length > 0 && resources.every((r) => fileOf(r.name) === '.' || fileOf(r.name) === base)) return {};
  const { archiveSourceFor } = await import('../hashing/archive.js');
  const source = opts.source ?? (await archiveSourceFor(opts.model));
  return source ? { source } : {};
}

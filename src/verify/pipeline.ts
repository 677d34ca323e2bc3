/**
 * The verification pipeline, as a short sequence of named checks:
 *
 *   readSignature -> requireIdentityPolicy -> checkTrust -> parseStatement -> checkNames
 *   -> checkRootDigest -> checkFiles (one read of the model, scanners attached) -> stages
 *
 * Each step either passes or adds failures; a failure in an early step (no valid signature,
 * malformed statement) stops the pipeline, since nothing after it could be trusted. The
 * stages (lineage, policy, formats) run only on a model whose files verified.
 */
import { ModelsignError, reject, toFailure, usage } from '../errors.js';
import type { EngineOptions } from '../hashing/engine.js';
import { rootDigest } from '../hashing/serialize.js';
import { parseBundle, readBundleFile, type ParsedBundle } from '../oms/bundle.js';
import { IN_TOTO_PAYLOAD_TYPE, pae } from '../oms/dsse.js';
import { parseStatement, type ParsedStatement } from '../oms/statement.js';
import { openSource } from '../source/index.js';
import type { AttachedSignatures, ModelSource } from '../source/types.js';
import { checkFiles, parseShardName } from './files.js';
import { checkResourceNames } from './names.js';
import { checkStageOrder, stageInspector, type VerifyContext, type VerifyStage } from './stage.js';
import { NEED_IDENTITY, type SignerInfo, type TrustCheck, type VerifyResult } from './types.js';
import path from 'node:path';

export type { VerifyContext, VerifyStage } from './stage.js';

export interface VerifyOptions {
  model: string;
  /** Reads the model; default: the source openSource chooses for `model`. */
  source?: ModelSource;
  /** Default: the source's own (MODEL/model.sig for a directory, MODEL.sig for a file). */
  signature?: string;
  trust: TrustCheck[];
  ignorePaths?: string[];
  ignoreUnsignedFiles?: boolean;
  engine?: EngineOptions;
  stages?: VerifyStage[];
  /** Called between hashing and the scanners' reading (tests swap a file there). */
  onHashed?: () => Promise<void> | void;
}

/**
 * A Sigstore keyless signature verified with no identity policy (no Sigstore or certificate
 * authority configured) would have to accept anyone Fulcio certified: that is a usage error
 * (exit 2), not a verdict on the model.
 */
function requireIdentityPolicy(bundle: ParsedBundle, trust: readonly TrustCheck[]): void {
  if (bundle.material.kind === 'publicKey') return;
  const vm = (bundle.json as { verificationMaterial?: { tlogEntries?: unknown[] } }).verificationMaterial;
  if ((vm?.tlogEntries?.length ?? 0) === 0) return;
  if (trust.some((t) => t.kind === 'sigstore' || t.kind === 'certificate')) return;
  throw usage('MISSING_IDENTITY', `the signature is a Sigstore keyless signature: ${NEED_IDENTITY}`);
}

/** Establish the signer: any one trust check suffices. */
export async function checkTrust(bundle: ParsedBundle, trust: readonly TrustCheck[]): Promise<SignerInfo> {
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

/** The signed resource names refused outright (unsafe, colliding), before anything is read. */
function checkNames(statement: ParsedStatement, result: VerifyResult): boolean {
  const failures = checkResourceNames(statement.resources.map((r) => r.name), { method: statement.serialization.method });
  // Loops, not push(...list): a hostile model controls these lengths, and a spread of
  // ~120,000+ arguments overflows the stack ("Maximum call stack size exceeded").
  for (const f of failures) result.failures.push(f);
  return failures.length === 0;
}

/** The signed root digest must be the digest of the signed resource list. */
function checkRootDigest(statement: ParsedStatement, result: VerifyResult): boolean {
  const computed = rootDigest(statement.resources);
  if (statement.rootDigest === undefined) {
    result.rootDigest = computed;
    return true;
  }
  if (computed === statement.rootDigest) return true;
  result.failures.push({ code: 'ROOT_DIGEST_MISMATCH', message: 'signed root digest does not match the signed resource list' });
  return false;
}

/**
 * An archive signed as one opaque file (e.g. by model_signing) lists only itself: it is
 * verified as that file, not as its entries.
 */
function signedAsOneFile(model: string, statement: ParsedStatement): boolean {
  const base = path.basename(model);
  const fileOf = (n: string) => (statement.serialization.method === 'shards' ? (parseShardName(n)?.path ?? n) : n);
  return statement.resources.length > 0 && statement.resources.every((r) => fileOf(r.name) === '.' || fileOf(r.name) === base);
}

function emptyResult(model: string, signature: string): VerifyResult {
  return {
    verified: false,
    model,
    signature,
    rootDigest: undefined,
    subjectName: undefined,
    signer: undefined,
    signerInfo: undefined,
    metadata: undefined,
    serialization: undefined,
    filesChecked: 0,
    bytesHashed: 0,
    bytesRead: 0,
    failures: [],
    reports: {},
    notes: [],
  };
}

export async function verifyModel(opts: VerifyOptions): Promise<VerifyResult> {
  const stages = opts.stages ?? [];
  checkStageOrder(stages);
  // A missing model is MODEL_NOT_FOUND (exit 2) before anything else, with or without
  // --signature: never a missing signature or a signature refusal.
  const source = opts.source ?? (await openSource(opts.model));
  if (opts.signature === undefined && source.attached) return verifyAttached(opts, source, source.attached, stages);
  const signature = opts.signature ?? source.defaultSignaturePath();
  // The default path lies in the model directory: a link there is not followed.
  return verifyBundle(opts, source, stages, signature, () => readBundleFile(signature, undefined, { noFollow: opts.signature === undefined }));
}

/**
 * Signatures attached to the model (OCI referrers), tried in the source's order (newest
 * first): the first that verifies wins. None attached is SIG_MISSING. When none verifies,
 * the result is that of the first one signed by a trusted signer (its failures say why the
 * model is refused), else that of the first.
 */
async function verifyAttached(opts: VerifyOptions, source: ModelSource, attached: AttachedSignatures, stages: VerifyStage[]): Promise<VerifyResult> {
  let list;
  try {
    list = await attached.list();
  } catch (e) {
    if (!(e instanceof ModelsignError)) throw e;
    const r = emptyResult(opts.model, attached.where);
    r.failures.push({ code: 'SIG_UNREADABLE', message: `cannot list the signatures attached to ${attached.where}: ${e.message}` });
    return finish(r);
  }
  if (list.length === 0) {
    const r = emptyResult(opts.model, attached.where);
    r.failures.push({ code: 'SIG_MISSING', message: `no signature is attached to ${attached.where} (name a signature file with --signature)` });
    return finish(r);
  }
  let first: VerifyResult | undefined;
  let trusted: VerifyResult | undefined;
  for (const sig of list) {
    const r = await verifyBundle(opts, source, stages, sig.location, () => sig.read());
    if (r.verified) return r;
    first ??= r;
    if (r.signerInfo) trusted ??= r;
  }
  return trusted ?? first!;
}

/** Verify the model against one signature (its bytes from `readBytes`). */
async function verifyBundle(opts: VerifyOptions, source: ModelSource, stages: VerifyStage[], signature: string, readBytes: () => Promise<Buffer>): Promise<VerifyResult> {
  const result = emptyResult(opts.model, signature);
  try {
    const bundle = parseBundle(await readBytes());
    requireIdentityPolicy(bundle, opts.trust);
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
    if (!checkNames(statement, result) || !checkRootDigest(statement, result)) return finish(result);

    const runs = stages.map((s) => s.start());
    for (const run of runs) await run.beforeFiles?.({ statement, result });
    const inspector = stageInspector(runs);
    const reader = source.kind === 'archive' && signedAsOneFile(opts.model, statement) ? await openSource(opts.model, { archiveAsFile: true }) : source;
    const files = await checkFiles({
      model: opts.model,
      source: reader,
      signaturePath: signature,
      serialization: statement.serialization,
      resources: statement.resources,
      ignorePaths: opts.ignorePaths ?? [],
      ignoreUnsignedFiles: opts.ignoreUnsignedFiles ?? false,
      ...(opts.engine ? { engine: opts.engine } : {}),
      ...(inspector ? { inspector } : {}),
      ...(opts.onHashed ? { onHashed: opts.onHashed } : {}),
    });
    for (const f of files.failures) result.failures.push(f);
    result.filesChecked = files.filesChecked;
    result.bytesHashed = files.bytesHashed;
    result.bytesRead = files.bytesRead;
    if (result.failures.length === 0) {
      const ctx: VerifyContext = { bundle, statement, signer, trust: opts.trust, result };
      for (const run of runs) for (const f of await run.check(ctx)) result.failures.push(f);
    }
  } catch (e) {
    if (e instanceof ModelsignError && e.kind === 'reject') result.failures.push(toFailure(e));
    else throw e;
  }
  return finish(result);
}

function finish(result: VerifyResult): VerifyResult {
  result.verified = result.failures.length === 0;
  return result;
}

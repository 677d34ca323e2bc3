/**
 * Signing: enumerate -> hash -> statement -> DSSE signature -> bundle -> atomic write.
 * How the DSSE signature and verification material are produced is a `BundleSigner`: a key
 * here; Sigstore keyless plugs in the same way.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { usage } from '../errors.js';
import { checkWritable, writeAtomic } from '../util/write-atomic.js';
import { SizeBudget } from './budget.js';
import { keyHint, signBytes } from '../keys/algorithms.js';
import { buildBundle, serializeBundle } from '../oms/bundle.js';
import { IN_TOTO_PAYLOAD_TYPE, pae } from '../oms/dsse.js';
import { buildStatement, type ModelMetadata, type Statement } from '../oms/statement.js';
import { openSource } from '../source/index.js';
import { prepareLineage, type Recorded, type SignLineage } from '../lineage/sign.js';
import { digestModel, type DigestOptions } from './digest.js';
import { TOOL_VERSION } from '../version.js';
import type { KeySignOptions, PreparedSigner } from './method.js';

export { digestModel, type DigestOptions, type DigestResult } from './digest.js';

/** Produces a complete bundle (as a JSON-ready object) for the given statement payload. */
export type BundleSigner = (payload: Buffer) => Promise<object>;

export function keySigner(key: KeyObject, publicKey: KeyObject): BundleSigner {
  return (payload) => {
    const signature = signBytes(key, pae(IN_TOTO_PAYLOAD_TYPE, payload));
    return Promise.resolve(buildBundle({ payload, signature, material: { publicKeyHint: keyHint(publicKey) } }));
  };
}

/**
 * Sign with a private key (a file, a PKCS #11 URI, or a KeyObject), optionally with a signing
 * certificate and chain and an RFC 3161 timestamp (src/sign/method.ts): what
 * `modelsign sign --key` runs. The key, certificates and TSA are tried before hashing.
 */
export async function signWithKey(opts: Omit<SignOptions, 'signer'> & KeySignOptions): Promise<SignResult> {
  await checkVersion(opts.version);
  const plain = typeof opts.key !== 'string' && !opts.signingCertificate && opts.tsaUrl === undefined;
  const prepared: PreparedSigner = plain
    ? { signer: keySigner(opts.key as KeyObject, createPublicKey(opts.key)), publicKey: createPublicKey(opts.key), label: 'signing key', close: () => Promise.resolve() }
    : await (await import('./method.js')).prepareKeySigner(opts);
  try {
    // A signer trusts its own key: parents signed with it need no other trust.
    const lineage = opts.lineage && !opts.lineage.parentTrust ? { ...opts.lineage, parentTrust: { publicKeys: [{ key: prepared.publicKey, label: prepared.label }] } } : opts.lineage;
    return await signModel({ ...opts, ...(lineage ? { lineage } : {}), signer: prepared.signer });
  } finally {
    await prepared.close();
  }
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
  /** Parents (verified before hashing), datasets, and a lineage store to file the bundle in. */
  lineage?: SignLineage;
  /** Runs once the bundle is signed and checked, before it is written; a throw means nothing is written. */
  beforeWrite?: (r: SignResult) => Promise<void>;
}

export interface SignResult {
  signaturePath: string;
  rootDigest: string;
  statement: Statement;
  bundleText: string;
  files: number;
  bytes: number;
  /** Bundles filed in the lineage store (the parents', then the model's). */
  recorded: Recorded[];
  /** `*.sig` files of the model that are signatures, left out (listed in ignore_paths). */
  excludedSignatures: string[];
}

/** The name sign gives MODEL when --name is not given (the source decides: a folder's name, an archive's without .tar.gz). */
export async function defaultModelName(model: string): Promise<string> {
  return (await openSource(model)).defaultName();
}

/** SemVer 2.0.0 without build metadata (which semver.clean drops) and without a "v" prefix. */
const ID = '(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)';
const PLAIN_SEMVER = new RegExp(`^(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)(?:-${ID}(?:\\.${ID})*)?$`);

/** The version, cleaned; semver is loaded here rather than at start-up (~20 ms). */
export async function checkVersion(version: string): Promise<string> {
  // The common case, a plain MAJOR.MINOR.PATCH[-PRERELEASE] that semver would return
  // unchanged, needs no library: loading semver costs ~20 ms before hashing can start.
  if (version.length <= 256 && PLAIN_SEMVER.test(version) && version.split(/[.-]/, 3).every((n) => Number(n) <= Number.MAX_SAFE_INTEGER)) return version;
  const semver = (await import('semver')).default;
  if (!semver.valid(version)) {
    const { didYouMeanVersion } = await import('../util/semver-hint.js');
    throw usage('BAD_VERSION', `--version must be a semantic version like 1.2.0 (got "${version}"${didYouMeanVersion(version)})`);
  }
  return semver.clean(version) ?? version;
}

export async function signModel(opts: SignOptions): Promise<SignResult> {
  const version = await checkVersion(opts.version);
  const source = opts.source ?? (await openSource(opts.model, opts.open));
  const signaturePath = opts.signature ?? source.signatureWritePath?.() ?? source.defaultSignaturePath();
  const write = opts.write !== false;
  // A source that keeps signatures with the model (OCI referrers) gets it there, unless a file is named.
  const attach = opts.signature === undefined ? source.attached : undefined;
  // Before hashing: a signature that cannot be written is found out now, not after an hour.
  if (write && !attach) await checkWritable(signaturePath, 'file');
  const name = opts.name ?? source.defaultName();
  // Parents are verified before anything is hashed: a bad one is found out now.
  const lineage = opts.lineage ? await prepareLineage(opts.lineage, { name, version }) : undefined;
  const budget = new SizeBudget(opts.hash ?? 'sha256', opts.shardSize);
  const d = await digestModel({ ...opts, source, signature: signaturePath, budget });
  const metadata: ModelMetadata = {
    name,
    version,
    ...(opts.license ? { license: opts.license } : {}),
    created: new Date().toISOString(),
    tool: `modelsign/${TOOL_VERSION}`,
    // Where the bytes came from (a hub cache snapshot's repo and revision, an OCI manifest digest).
    ...(source.provenance ? { source: { ...source.provenance } } : {}),
    ...(lineage?.extraMetadata ?? {}),
    ...(opts.extraMetadata ?? {}),
  };
  const statement = buildStatement({ name, rootDigest: d.rootDigest, serialization: d.serialization, resources: d.resources, metadata });
  const payload = Buffer.from(JSON.stringify(statement), 'utf8');
  // Verifiers refuse a bundle over MAX_BUNDLE_BYTES: refuse to sign (and, keyless, to log in
  // Rekor) one that would be, and check the bundle itself before writing it.
  budget.checkExact('payload', payload.length, d.resources.length);
  const bundle = await opts.signer(payload);
  const bundleText = serializeBundle(bundle);
  budget.checkExact('bundle', Buffer.byteLength(bundleText), d.resources.length);
  const r: SignResult = {
    signaturePath,
    rootDigest: d.rootDigest,
    statement,
    bundleText,
    files: d.listing.files.length,
    bytes: d.listing.files.reduce((s, f) => s + f.size, 0),
    recorded: [],
    excludedSignatures: d.excludedSignatures,
  };
  const child = { name, version, rootDigest: d.rootDigest, bundle: Buffer.from(bundleText, 'utf8') };
  await lineage?.beforeWrite(child);
  if (opts.beforeWrite) await opts.beforeWrite(r);
  if (!write) return r;
  // A source that keeps signatures with the model (OCI referrers) gets it there.
  if (attach) r.signaturePath = await attach.attach(child.bundle);
  else await writeAtomic(signaturePath, bundleText, 'WRITE_FAILED', signaturePath, { createDirs: true });
  if (lineage) r.recorded = await lineage.record(child);
  return r;
}


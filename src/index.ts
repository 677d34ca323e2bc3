/**
 * The modelsign library: what the CLI, the GitHub Action and the drill are built on, and the
 * API for programs of your own (docs/library.md).
 *
 *   digest({ model })                    -> the root digest sign would sign
 *   sign({ model, key, version })        -> writes (or attaches) an OMS v1.0 signature
 *   createVerifier(spec).verify(model)   -> a VerifyResult; never throws for a bad model
 *   verify(spec, model)                  -> the same, for one model
 *   scan(path)                           -> what the scanners find, without loading anything
 *
 * Failures a caller should handle are ModelsignError (a stable `code` from CODES, a `kind`
 * that maps to the CLI's exit code); a model that must not be used is a VerifyResult with
 * `verified: false` and its `failures`.
 */
export { ModelsignError, EXIT, type ErrorKind, type Failure } from './errors.js';
export { CODE_AREAS, isCode, type Code } from './codes.js';
export { configure, settingsFromEnv, settings, type Settings } from './settings.js';
export { TOOL_VERSION } from './version.js';

// Reading models: directories, files, archives, Hugging Face cache snapshots, OCI artifacts.
export { openSource, isReference, type OpenOptions, type ModelSource, type OciOpenOptions, type PullTarget } from './source/index.js';

// Signing.
export { signWithKey as sign, signModel, keySigner, type SignOptions, type SignResult, type BundleSigner } from './sign/sign.js';
export { digestModel as digest, type DigestOptions, type DigestResult } from './sign/digest.js';
export { keylessSigner, type KeylessOptions } from './sign/keyless.js';
export type { KeySignOptions } from './sign/method.js';
export type { SignLineage, Recorded } from './lineage/sign.js';
export { generateKeyPair, writeKeyPair, loadPrivateKey, loadPublicKey } from './keys/keyfile.js';
export { keyHint, SIGNING_KEY_TYPES, type SigningKeyType } from './keys/algorithms.js';

// Verifying.
export { createVerifier, verifyOnce as verify, type Verifier, type VerifyCall } from './verify/verifier.js';
export type { VerifySpec, TrustSpec, LineageSpec, PolicySpec } from './verify/spec.js';
export type { VerifyResult, SignerInfo, TrustCheck, Notice, Reports } from './verify/types.js';
export type { LineageReport, AncestorRecord } from './lineage/report.js';
export type { PolicyReport } from './policy/report.js';
export type { ScanReport } from './scan/report.js';
export { loadPolicy, type LoadedPolicy } from './policy/load.js';
export type { Policy, Purpose } from './policy/types.js';

// Scanning.
export { scanPath as scan, type ScanResult, type ScanOptions } from './scan/scan-path.js';
export type { Finding, FileReport, Severity } from './scan/types.js';

// Audit log.
export { checkAuditLog, type ChainReport } from './audit/check.js';

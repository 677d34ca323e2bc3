/**
 * modelsign library API. The CLI and the GitHub Action are clients of these functions.
 *
 *   digest(model)            -> root digest, as sign computes it
 *   sign({model, key, ...})  -> writes an OMS v1.0 signature bundle
 *   verify({model, ...})     -> a VerifyResult; never throws for a bad model
 */
export { ModelsignError, EXIT, type Failure, type ErrorKind } from './errors.js';
export { digestModel as digest, signModel, keySigner, defaultModelName, type SignOptions, type SignResult, type DigestResult, type BundleSigner } from './sign/sign.js';
export { defaultSignaturePath } from './sign/signature-path.js';
export { verifyModel as verify, checkTrust, type VerifyOptions, type VerifyStage, type VerifyContext } from './verify/pipeline.js';
export { keyTrust } from './verify/trust-key.js';
export type { VerifyResult, SignerInfo, TrustCheck } from './verify/types.js';
export { loadPrivateKey, loadPublicKey, parsePublicKey, writeKeyPair, generateKeyPair } from './keys/keyfile.js';
export { keyHint, keyTypeOf, signBytes, verifyBytes, publicKeyPem, SIGNING_KEY_TYPES, type KeyType, type SigningKeyType } from './keys/algorithms.js';
export { parseBundle, readBundleFile, buildBundle, BUNDLE_MEDIA_TYPE } from './oms/bundle.js';
export { parseStatement, buildStatement, OMS_PREDICATE_TYPE, type ParsedStatement, type ModelMetadata } from './oms/statement.js';
export { pae } from './oms/dsse.js';
export { rootDigest } from './hashing/serialize.js';
export { enumerateModel } from './source/walk.js';
export { TOOL_VERSION } from './version.js';

import { signWithKey } from './sign/sign.js';
import { keyFileTrust } from './verify/trust-key.js';
import { verifyModel, type VerifyOptions } from './verify/pipeline.js';
import type { VerifyResult } from './verify/types.js';

/** Sign with a private key (a file or a PKCS #11 URI), optionally with a certificate and a timestamp. */
export const sign = signWithKey;

/** Verify against public key files (the common case). */
export async function verifyWithKeys(opts: Omit<VerifyOptions, 'trust'> & { keys: string[] }): Promise<VerifyResult> {
  const trust = await keyFileTrust(opts.keys);
  return verifyModel({ ...opts, trust });
}

// Verification policy (docs/policy.md).
export { loadPolicy, parsePolicyText, validatePolicy, type LoadedPolicy } from './policy/load.js';
export { policyStage, type PolicyReport } from './policy/stage.js';
export { policyTrust } from './policy/trust.js';
export { normalizeLicense, evaluateLicense, type License, type LicenseVerdict } from './policy/licenses.js';
export type { Policy, Purpose, IdentityRule, FormatsPolicy, PolicyTrust } from './policy/types.js';
// Model file safety scanning (issue 9).
export { scanPath, type ScanResult, type ScanOptions } from './scan/scan-path.js';
export { formatsStage, DENIABLE_FORMATS, type FormatsPolicy as ScanFormatsPolicy } from './scan/stage.js';
export type { Finding as ScanFinding, FileReport as ScanFileReport, PickleImport, Severity, ScanLimits } from './scan/types.js';
// Version lineage (docs/lineage.md): store, walk, anti-rollback state, revocation lists.
export {
  RELATIONS,
  parseLineageMeta,
  walkLineage,
  openStore,
  LineageStore,
  lineageStage,
  checkRevoked,
  parseRevokedList,
  readRevokedFile,
  readState,
  recordVerified,
  type LineageMeta,
  type ParentLink,
  type AncestorRecord,
  type LineageNode,
  type RevokedList,
} from './lineage/index.js';
// Model archives (.tar, .tar.gz, .tgz): streamed, never extracted. digest/sign/verify detect them.
export { isArchivePath } from './source/archive.js';
export type { ModelSource, ReadRequest, ReadResult } from './source/types.js';
// Models in OCI registries and image layouts (docs/oci.md): open one with registry options
// and pass it as `source` to digest, sign (attaches the bundle) and verify (reads attached ones).
export { openSource, type OpenOptions, type OciSource, type OciOpenOptions, type PullTarget } from './source/index.js';
export type { RegistryOptions } from './oci/index.js';
// Hostile-input hardening (issue 8): audit log and attack drill.
export { appendAudit } from './audit/append.js';
export { checkAuditLog, type ChainReport } from './audit/check.js';
export { GENESIS as AUDIT_GENESIS, type AuditRecord, type AuditDecision } from './audit/record.js';
export { runDrill, type DrillReport } from './drill/run.js';
export { drillVerifier, type DrillConfig } from './drill/verifier.js';
export { ATTACKS } from './drill/attacks.js';
export type { Attack, AttackReport, DrillVerifier } from './drill/types.js';
// Interoperability (issue 3): legacy v0.2 reader (registers itself), certificate-chain and
// Sigstore trust, keyless signing, the Sigstore trusted root.
export { legacyPae, pythonBytesRepr, readLegacyStatement } from './oms/legacy.js';
export { certificateChainTrust } from './verify/trust-cert.js';
export { sigstoreTrust, type IdentityRule as SigstoreIdentityRule } from './verify/trust-sigstore.js';
export { keylessSigner, type KeylessOptions } from './sign/keyless.js';
export { loadTrustedRoot, updateTrustedRoot, shippedSnapshot } from './sigstore/trusted-root.js';
// Every signing method of model_signing: certificate chains, PKCS #11 keys, RFC 3161 timestamps.
export { prepareKeySigner, methodSigner, type KeySignOptions, type PreparedSigner } from './sign/method.js';
export { loadSigningCertificates, type SigningCertificates } from './sign/certificate.js';
export { timestampClient, type TimestampClient, type TimestampReply } from './sign/timestamp.js';
export { openPkcs11Key, type Pkcs11Options } from './keys/pkcs11.js';
export { parsePkcs11Uri, redactPkcs11Uri, isPkcs11Uri, type Pkcs11Uri } from './keys/pkcs11-uri.js';
export { keyObjectSigner, type RawSigner } from './keys/signer.js';
export { timestampAuthorityTrust, withTimestamps, type TimestampTrust } from './verify/timestamp.js';
export type { TrustContext } from './verify/types.js';
export { AttackNotApplicable, type DrillSetup, type DrillLicenses } from './drill/types.js';

/**
 * modelsign library API. The CLI and the GitHub Action are clients of these functions.
 *
 *   digest(model)            -> root digest, as sign computes it
 *   sign({model, key, ...})  -> writes an OMS v1.0 signature bundle
 *   verify({model, ...})     -> a VerifyResult; never throws for a bad model
 */
export { ModelsignError, EXIT, type Failure, type ErrorKind } from './errors.js';
export { digestModel as digest, signModel, keySigner, defaultModelName, type SignOptions, type SignResult, type DigestResult, type BundleSigner } from './sign/sign.js';
export { verifyModel as verify, checkTrust, defaultSignaturePath, type VerifyOptions, type VerifyStage, type VerifyContext } from './verify/pipeline.js';
export { keyTrust } from './verify/trust-key.js';
export type { VerifyResult, SignerInfo, TrustCheck } from './verify/types.js';
export { loadPrivateKey, loadPublicKey, parsePublicKey, writeKeyPair, generateKeyPair } from './keys/keyfile.js';
export { keyHint, keyTypeOf, signBytes, verifyBytes, publicKeyPem, SIGNING_KEY_TYPES, type KeyType, type SigningKeyType } from './keys/algorithms.js';
export { parseBundle, readBundleFile, buildBundle, BUNDLE_MEDIA_TYPE } from './oms/bundle.js';
export { parseStatement, buildStatement, OMS_PREDICATE_TYPE, type ParsedStatement, type ModelMetadata } from './oms/statement.js';
export { pae } from './oms/dsse.js';
export { rootDigest } from './hashing/serialize.js';
export { enumerateModel } from './hashing/enumerate.js';
export { TOOL_VERSION } from './version.js';

import type { KeyObject } from 'node:crypto';
import { createPublicKey } from 'node:crypto';
import { loadPrivateKey, loadPublicKey } from './keys/keyfile.js';
import { keySigner, signModel, type SignOptions, type SignResult } from './sign/sign.js';
import { keyTrust } from './verify/trust-key.js';
import { verifyModel, type VerifyOptions } from './verify/pipeline.js';
import type { VerifyResult } from './verify/types.js';

/** Sign with a private key file (the common case). */
export async function sign(opts: Omit<SignOptions, 'signer'> & { key: string | KeyObject }): Promise<SignResult> {
  const key = typeof opts.key === 'string' ? await loadPrivateKey(opts.key) : opts.key;
  return signModel({ ...opts, signer: keySigner(key, createPublicKey(key)) });
}

/** Verify against public key files (the common case). */
export async function verifyWithKeys(opts: Omit<VerifyOptions, 'trust'> & { keys: string[] }): Promise<VerifyResult> {
  const trust = await Promise.all(opts.keys.map(async (k) => keyTrust(await loadPublicKey(k), `key ${k}`)));
  return verifyModel({ ...opts, trust });
}

// Interoperability (issue 3): legacy v0.2 reader (registers itself), certificate-chain and
// Sigstore trust, keyless signing, the Sigstore trusted root.
export { legacyPae, pythonBytesRepr, readLegacyStatement } from './oms/legacy.js';
export { certificateChainTrust } from './verify/trust-cert.js';
export { sigstoreTrust, type IdentityRule } from './verify/trust-sigstore.js';
export { keylessSigner, type KeylessOptions } from './sign/keyless.js';
export { loadTrustedRoot, updateTrustedRoot, shippedSnapshot } from './sigstore/trusted-root.js';

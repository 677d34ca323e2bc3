/**
 * Verification: a VerifySpec (spec.ts) assembled once by createVerifier (verifier.ts) into
 * trust checks (trust.ts: keys, certificate chains, Sigstore identities, timestamps) and
 * stages (stage.ts), run as a short sequence of named checks (pipeline.ts): the signature,
 * the statement, the resource names and root digest, every file through the model's source
 * (files.ts), then lineage, policy and formats.
 */
export { createVerifier, verifyOnce, type Verifier, type VerifyCall } from './verifier.js';
export { verifyModel, type VerifyOptions } from './pipeline.js';
export type { LineageSpec, PolicySpec, TrustSpec, VerifySpec } from './spec.js';
export type { Notice, Reports, SignerInfo, TrustCheck, VerifyResult } from './types.js';

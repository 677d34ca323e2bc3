/**
 * What a verification checks, as one typed value: the CLI flags, the MODELSIGN_* environment,
 * the Action's inputs and the drill all become a VerifySpec, and createVerifier (verifier.ts)
 * is the one place that turns it into trust checks and stages.
 */
import type { KeyObject } from 'node:crypto';
import type { EngineOptions } from '../hashing/engine.js';
import type { LoadedPolicy } from '../policy/load.js';
import type { OpenOptions } from '../source/index.js';
import type { FormatsPolicy, IdentityRule, Purpose } from '../policy/types.js';
import type { TrustCheck } from './types.js';

/** Who is trusted to sign the model (and every ancestor): any one authority suffices. */
export interface TrustSpec {
  /** Public key files (PEM). */
  keys?: readonly string[];
  /** Public keys already loaded, with how to name each in messages. */
  publicKeys?: readonly { key: KeyObject; label: string }[];
  /** Root CA certificate files (PEM) for certificate-chain signatures. */
  certificateChains?: readonly string[];
  /** Sigstore keyless identities (each with its OIDC issuer, or any issuer). */
  identities?: readonly IdentityRule[];
  /** Sigstore trusted root JSON (default: the refreshed copy, else the shipped snapshot). */
  trustedRoot?: string;
  /** Where `trusted-root update` keeps the refreshed Sigstore root. */
  cacheDir?: string;
  /** Trust checks of the caller's own. */
  checks?: readonly TrustCheck[];
  /**
   * RFC 3161 timestamp authorities whose timestamps are trusted (each file: the TSA's signing
   * certificate, then its chain): a certificate is then judged at the time stamped.
   */
  timestampAuthorities?: readonly string[];
}

export interface LineageSpec {
  /** Lineage store: verify every ancestor with the same trust, and the links between them. */
  store?: string;
  /** Refuse a model whose version is lower than this (semver). */
  minVersion?: string;
  /** Anti-rollback state: refuse a version lower than the highest verified before; record this one. */
  stateFile?: string;
  /** Revocation list file (sha256:<root digest> per line). */
  revoked?: string;
}

export interface PolicySpec {
  /** The policy file (YAML or JSON, docs/policy.md). */
  file: string;
  /** The policy already loaded from `file` (it is then not read again). */
  loaded?: LoadedPolicy;
  /** What the model will be used for (default deploy). */
  purpose?: Purpose;
}

export interface VerifySpec {
  trust?: TrustSpec;
  policy?: PolicySpec;
  /**
   * The policy's trust section and `trust` both name authorities: which counts. Without this
   * the combination is refused (a key given on the command line would silently replace the
   * policy's trust, so removing a key from the policy would change nothing).
   */
  trustPrecedence?: 'spec' | 'policy';
  lineage?: LineageSpec;
  /**
   * Format rules in force with a policy's `formats` section, never instead of it: denied
   * formats add up, either side's scan runs, the stricter failOn decides.
   */
  formats?: Partial<FormatsPolicy>;
  /** Signature file (default: the model source's own, e.g. MODEL/model.sig). */
  signature?: string;
  ignorePaths?: readonly string[];
  ignoreUnsignedFiles?: boolean;
  /** Append every decision to this hash-chained audit log. */
  auditLog?: string;
  /** How models are opened (registry access for oci:// models, a directory to pull them to). */
  open?: OpenOptions;
  engine?: EngineOptions;
}

/** The verification policy, as loaded and validated from a policy file. */

export const POLICY_API_VERSION = 'modelsign/v1';
export const PURPOSES = ['deploy', 'retrain'] as const;
export type Purpose = (typeof PURPOSES)[number];

/** A Sigstore identity the policy trusts (exactly one of identity / identityRegExp). */
export interface IdentityRule {
  identity?: string;
  /** Anchored: stored as `^(?:...)$` so it must match the whole identity. */
  identityRegExp?: string;
  issuer?: string;
}

export interface PolicyTrust {
  /** Absolute paths (resolved against the policy file's folder). */
  keys: string[];
  certificateChains: string[];
  identities: IdentityRule[];
}

/** License entries as written in the policy, each normalised once at load. */
export interface LicenseRule {
  allow: string[];
  deny: string[];
}

export interface FormatsPolicy {
  deny: string[];
  scan: boolean;
  /** Lowest scan finding severity that fails verify (default: any finding). */
  failOn?: import('../scan/types.js').Severity;
}

export interface Policy {
  /** Absolute path of the file it came from (for messages). */
  file: string;
  apiVersion: typeof POLICY_API_VERSION;
  /** Absent: the policy does not name who to trust (the command line must). */
  trust: PolicyTrust | undefined;
  /** Absent: licenses are not checked. A section without a rule for a purpose refuses it. */
  license: Partial<Record<Purpose, LicenseRule>> | undefined;
  lineage: { require: boolean; minVersion: Record<string, string> };
  /** Lowercase `sha256:<64 hex>` root digests. */
  revoked: string[];
  /** Parsed for the file scanner (src/scan); not enforced by the policy stage itself. */
  formats: FormatsPolicy | undefined;
}

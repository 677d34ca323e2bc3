/**
 * verify's flags (already filled from MODELSIGN_* by verify-env.ts) -> one VerifySpec. The
 * checks here are about the command line itself, worded in its flags; everything else is the
 * library's (createVerifier), whose refusals are reworded by code in rephraseSetupError.
 */
import { ModelsignError, usage } from '../errors.js';
import type { EngineOptions } from '../hashing/engine.js';
import type { Purpose } from '../policy/types.js';
import type { LineageSpec, TrustSpec, VerifySpec } from '../verify/spec.js';
import { NEED_IDENTITY, type Notice } from '../verify/types.js';
import { registryOptions } from './oci.js';
import { didYouMeanVersion } from '../util/semver-hint.js';

export interface VerifyFlags {
  key?: string[];
  certificateChain?: string[];
  identity?: string[];
  identityRegexp?: string[];
  identityProvider?: string;
  trustedRoot?: string;
  timestampAuthority?: string[];
  lineage?: string;
  minVersion?: string;
  state?: string;
  revoked?: string;
  policy?: string;
  purpose?: string;
  replacePolicyTrust?: boolean;
  signature?: string;
  ignorePaths?: string[];
  ignoreUnsignedFiles?: boolean;
  auditLog?: string;
  insecureRegistry?: string[];
  pullTo?: string;
  [flag: string]: unknown;
}

const list = (v: string[] | undefined): string[] => v ?? [];

/** The trust flags as a TrustSpec (verify and lineage take the same ones). */
export function trustFromFlags(f: VerifyFlags): TrustSpec {
  const ids = list(f.identity);
  const res = list(f.identityRegexp);
  const issuer = f.identityProvider;
  if (ids.length + res.length === 0) {
    if (issuer !== undefined) throw usage('MISSING_IDENTITY', `--identity-provider alone trusts anyone that issuer certified: ${NEED_IDENTITY}`);
    if (f.trustedRoot !== undefined) throw usage('MISSING_IDENTITY', `--trusted-root needs an identity: ${NEED_IDENTITY}`);
  }
  const withIssuer = issuer !== undefined ? { issuer } : {};
  return {
    keys: list(f.key),
    certificateChains: list(f.certificateChain),
    identities: [...ids.map((identity) => ({ identity, ...withIssuer })), ...res.map((identityRegExp) => ({ identityRegExp, ...withIssuer }))],
    ...(f.trustedRoot !== undefined ? { trustedRoot: f.trustedRoot } : {}),
    ...(list(f.timestampAuthority).length > 0 ? { timestampAuthorities: list(f.timestampAuthority) } : {}),
  };
}

/** Whether the flags name any authority. */
export function trustGiven(t: TrustSpec): boolean {
  return (t.keys?.length ?? 0) + (t.certificateChains?.length ?? 0) + (t.identities?.length ?? 0) > 0;
}

function lineageFromFlags(f: VerifyFlags): LineageSpec | undefined {
  const l: LineageSpec = {
    ...(f.lineage !== undefined ? { store: f.lineage } : {}),
    ...(f.minVersion !== undefined ? { minVersion: f.minVersion } : {}),
    ...(f.state !== undefined ? { stateFile: f.state } : {}),
    ...(f.revoked !== undefined ? { revoked: f.revoked } : {}),
  };
  return Object.keys(l).length > 0 ? l : undefined;
}

/** verify's flags as a VerifySpec. */
export function specFromFlags(f: VerifyFlags, engine?: EngineOptions): VerifySpec {
  if (f.policy === undefined && f.purpose !== undefined) throw usage('MISSING_OPTION', '--purpose needs --policy FILE');
  if (f.minVersion !== undefined && !/^v?\d+\.\d+\.\d+/.test(f.minVersion)) {
    throw usage('BAD_OPTION', `--min-version must be a semantic version like 1.2.0 (got "${f.minVersion}"${didYouMeanVersion(f.minVersion)})`);
  }
  const trust = trustFromFlags(f);
  if (!trustGiven(trust) && f.policy === undefined) throw usage('MISSING_OPTION', 'verify needs something to trust: --key PUBLIC_KEY (or another trust option, see --help)');
  const lineage = lineageFromFlags(f);
  return {
    trust,
    ...(f.policy !== undefined ? { policy: { file: f.policy, ...(f.purpose !== undefined ? { purpose: f.purpose as Purpose } : {}) } } : {}),
    ...(f.replacePolicyTrust ? { trustPrecedence: 'spec' as const } : {}),
    ...(lineage ? { lineage } : {}),
    ...(f.signature ? { signature: f.signature } : {}),
    ignorePaths: list(f.ignorePaths),
    ignoreUnsignedFiles: !!f.ignoreUnsignedFiles,
    ...(f.auditLog !== undefined ? { auditLog: f.auditLog } : {}),
    open: { oci: { registry: registryOptions(f), ...(f.pullTo !== undefined ? { pullTo: f.pullTo } : {}) } },
    ...(engine ? { engine } : {}),
  };
}

/** Which trust flags were given, as the user typed them ("--key and --identity"). */
function trustFlagsGiven(f: VerifyFlags): string {
  const given = (['key', 'certificateChain', 'identity', 'identityRegexp'] as const).filter((k) => list(f[k]).length > 0);
  const names = given.map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
  return names.length <= 1 ? (names[0] ?? 'the trust flags') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The library's set-up refusals in the command line's words (`who`: "verify", "drill"). */
export function rephraseSetupError(e: unknown, who: string, f: VerifyFlags): unknown {
  if (!(e instanceof ModelsignError)) return e;
  switch (e.code) {
    case 'NO_TRUST':
      return usage(
        'MISSING_OPTION',
        f.policy !== undefined
          ? `${who} needs something to trust: the policy ${f.policy} has no trust section, so give --key PUBLIC_KEY`
          : `${who} needs something to trust: --key PUBLIC_KEY (or another trust option, see --help)`,
      );
    case 'REVOKED_NEEDS_LINEAGE':
      return usage('REVOKED_NEEDS_LINEAGE', `--revoked needs --lineage DIR for this model: ${e.message}`);
    case 'TRUST_CONFLICT':
      return usage('TRUST_CONFLICT', `${trustFlagsGiven(f)} and the trust section of policy ${f.policy} both name who to trust: give only one, or add --replace-policy-trust to let the flags replace the policy's trust`);
    default:
      return e;
  }
}

/** A notice from the library, worded for the command line. */
export function noticeText(n: Notice): string {
  switch (n.code) {
    case 'ANY_ISSUER':
      return 'no --identity-provider: the identity is accepted from any OIDC issuer Fulcio trusts';
    case 'LINEAGE_NOT_CHECKED':
      return `note: this model links ${n.count ?? 0} parent model(s); pass --lineage DIR to verify its ancestry`;
    case 'LINEAGE_STORE_SKIPPED':
      return `note: ${n.message}`;
    default:
      return n.message;
  }
}

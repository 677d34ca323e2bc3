/**
 * The drill's verifier: the verification `modelsign verify` would run with the same options,
 * built by the library's createVerifier from the same VerifySpec:
 *   --key K...               -> the same key trust checks as `verify --key K`;
 *   --policy F [--purpose P] -> the policy's trust (unless --key replaces it), license,
 *                               revocation and formats rules, exactly as verify applies them.
 * On top of that every verification gets a lineage store and anti-rollback state file of the
 * drill's OWN (never the user's), because rollback and ancestry attacks need them: a rollback
 * is only visible against a record of what was verified before, a revoked ancestor only
 * through the walk.
 */
import { ModelsignError, usage } from '../errors.js';
import type { LoadedPolicy } from '../policy/load.js';
import { PURPOSES, type Purpose } from '../policy/types.js';
import type { VerifySpec } from '../verify/spec.js';
import { createVerifier, type Verifier } from '../verify/verifier.js';
import type { DrillLicenses, DrillSetup, DrillVerifier } from './types.js';

export interface DrillConfig {
  keys: string[];
  policy?: string;
  purpose?: string;
  /** Hashing threads (the drill's models are small; default 1). */
  jobs?: number;
}

/** The license the drill signs legitimate models with when the policy does not constrain it. */
const DEFAULT_DRILL_LICENSE = 'apache-2.0';
/** Licenses tried, in order, for the license-outside-policy attack (after the policy's deny list). */
const OUTSIDE_CANDIDATES = ['LicenseRef-modelsign-drill-proprietary', 'cc-by-nc-4.0', 'proprietary', 'gpl-3.0'];

/**
 * Which license a legitimate drill model carries (one the policy allows for the purpose, so
 * the baseline can pass) and which one falls outside the policy (denied first, else not allowed).
 */
async function pickLicenses(policy: LoadedPolicy | undefined, purpose: Purpose): Promise<DrillLicenses> {
  const rule = policy?.rules[purpose];
  if (!policy || policy.license === undefined || !rule) return { allowed: DEFAULT_DRILL_LICENSE };
  const { evaluateLicense, normalizeLicense } = await import('../policy/licenses.js');
  const ok = (l: string) => evaluateLicense(normalizeLicense(l), rule).ok;
  const written = policy.license[purpose]!;
  const allowed = [DEFAULT_DRILL_LICENSE, ...written.allow].find(ok) ?? DEFAULT_DRILL_LICENSE;
  const outside = [...written.deny, ...OUTSIDE_CANDIDATES].find((l) => !ok(l));
  return { allowed, ...(outside !== undefined ? { outside } : {}) };
}

/** The user's set-up as a VerifySpec. */
function userSpec(cfg: DrillConfig): VerifySpec {
  if (cfg.purpose !== undefined && cfg.policy === undefined) throw usage('MISSING_OPTION', '--purpose needs --policy FILE');
  if (cfg.purpose !== undefined && !(PURPOSES as readonly string[]).includes(cfg.purpose)) {
    throw usage('BAD_OPTION', `--purpose must be one of ${PURPOSES.join(', ')} (got "${cfg.purpose}")`);
  }
  return {
    trust: { keys: cfg.keys },
    ...(cfg.policy !== undefined ? { policy: { file: cfg.policy, ...(cfg.purpose !== undefined ? { purpose: cfg.purpose as Purpose } : {}) } } : {}),
    // Keys on the drill's command line replace the policy's trust section, as they are meant to stand for it.
    trustPrecedence: 'spec',
  };
}

/** The library's refusals of the set-up, in the drill's flags. */
function drillWords(e: unknown, cfg: DrillConfig): unknown {
  if (!(e instanceof ModelsignError)) return e;
  if (e.code === 'NO_TRUST') {
    return usage('MISSING_OPTION', cfg.policy !== undefined ? `drill needs something to trust: the policy ${cfg.policy} has no trust section, so give --key PUBLIC_KEY` : 'drill needs something to trust: --key PUBLIC_KEY');
  }
  if (e.code === 'KEY_WRONG_KIND') {
    return usage('KEY_WRONG_KIND', e.message.replace(/; verify needs the public key \(\.pub\)$/, '; drill --key needs the public key (.pub) your set-up trusts; the private key goes to --signing-key'));
  }
  return e;
}

export async function drillVerifier(cfg: DrillConfig): Promise<DrillVerifier> {
  const spec = userSpec(cfg);
  let base: Verifier;
  try {
    base = await createVerifier(spec);
  } catch (e) {
    throw drillWords(e, cfg);
  }
  const policy = base.policy;
  const purpose = base.purpose ?? 'deploy';
  const features = new Set<string>(['keys', 'lineage']);
  if (policy) features.add('policy');
  if (policy?.formats && (policy.formats.scan || policy.formats.deny.length > 0)) features.add('scan');
  /** The same trust and rules, with the drill's own store, state and revocations for one attack. */
  const verifierFor = async (setup: DrillSetup): Promise<Verifier> => {
    const revoked = setup.revoked ?? [];
    // Without a policy, the drill's revocations go through `verify --revoked FILE`.
    const revokedFile = !policy ? setup.revokedFile : undefined;
    return createVerifier({
      trust: { checks: base.trust },
      trustPrecedence: 'spec',
      // With a policy, they are added to its own `revoked` list, judged by the policy stage.
      ...(policy ? { policy: { file: policy.file, loaded: revoked.length > 0 ? { ...policy, revoked: [...policy.revoked, ...revoked] } : policy, purpose } } : {}),
      lineage: {
        ...(setup.storeDir !== undefined ? { store: setup.storeDir } : {}),
        ...(setup.stateFile !== undefined ? { stateFile: setup.stateFile } : {}),
        ...(revokedFile !== undefined ? { revoked: revokedFile } : {}),
      },
      ignoreUnsignedFiles: false,
      engine: { jobs: cfg.jobs ?? 1 },
    });
  };

  return {
    description: policy ? `policy ${cfg.policy} (${cfg.keys.length > 0 ? `keys ${cfg.keys.join(', ')}` : `trust section of ${cfg.policy}`}; purpose ${purpose})` : `keys ${cfg.keys.join(', ')}`,
    features,
    licenses: await pickLicenses(policy, purpose),
    verify: async (model, signature, setup = {}) => (await verifierFor(setup)).verify(model, signature ? { signature } : {}),
  };
}

/**
 * The one place the drill builds its verifier from the user's options, so the attacks run
 * through the same verification `modelsign verify` would do with the same options:
 *   --key K...           -> the same key trust checks as `verify --key K`;
 *   --policy F [--purpose P] -> loadPolicy, then policyTrust (unless --key replaces the trust
 *                           section, as in verify), policyStage and formatsStages, exactly as the
 *                           verify policy plugin (src/cli/verify-policy.ts) builds them.
 * On top of that every verification gets the lineage stage (src/lineage) as `verify --lineage
 * DIR --state FILE` would run it, pointed at the drill's OWN temp store and state file (never
 * the user's), because rollback and ancestry attacks need them: a rollback is only visible
 * against a record of what was verified before, a revoked ancestor only through the walk.
 */
import path from 'node:path';
import { usage } from '../errors.js';
import type { VerifyStage } from '../verify/pipeline.js';
import type { TrustCheck } from '../verify/types.js';
import { PURPOSES, type Purpose } from '../policy/types.js';
import type { LoadedPolicy } from '../policy/load.js';
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

export async function drillVerifier(cfg: DrillConfig): Promise<DrillVerifier> {
  if (cfg.purpose !== undefined && cfg.policy === undefined) throw usage('MISSING_OPTION', '--purpose needs --policy FILE');
  if (cfg.purpose !== undefined && !(PURPOSES as readonly string[]).includes(cfg.purpose)) {
    throw usage('BAD_OPTION', `--purpose must be one of ${PURPOSES.join(', ')} (got "${cfg.purpose}")`);
  }
  const purpose = (cfg.purpose ?? 'deploy') as Purpose;
  let policy: LoadedPolicy | undefined;
  if (cfg.policy !== undefined) policy = await (await import('../policy/load.js')).loadPolicy(cfg.policy);

  // Trust: as verify does it. Keys on the command line replace the policy's trust section.
  let trust: TrustCheck[];
  let trustDesc: string;
  if (cfg.keys.length > 0 || !policy?.trust) {
    if (cfg.keys.length === 0) throw usage('MISSING_OPTION', `drill needs something to trust: the policy ${cfg.policy} has no trust section, so give --key PUBLIC_KEY`);
    const { keyFileTrust } = await import('../verify/trust-key.js');
    trust = await keyFileTrust(cfg.keys, 'drill --key needs the public key (.pub) your set-up trusts; the private key goes to --signing-key');
    trustDesc = `keys ${cfg.keys.join(', ')}`;
  } else {
    const { policyTrust } = await import('../policy/trust.js');
    const file = policy.file;
    trust = await policyTrust(policy.trust, (f) => path.relative(path.dirname(file), f));
    trustDesc = `trust section of ${cfg.policy}`;
  }
  if (trust.length === 0) throw usage('MISSING_OPTION', `drill needs something to trust: the policy ${cfg.policy} trusts nobody, so give --key PUBLIC_KEY`);

  const [{ lineageStage, openStore }, { policyStage }, { formatsStages }, { verifyModel }] = await Promise.all([
    import('../lineage/index.js'),
    import('../policy/stage.js'),
    import('../policy/formats.js'),
    import('../verify/pipeline.js'),
  ]);
  // Formats stages are built once, as verify builds them (an invalid formats section is a usage error here too).
  const formats = policy ? await formatsStages(policy.formats) : [];

  const features = new Set<string>(['keys', 'lineage']);
  if (policy) features.add('policy');
  if (policy?.formats && (policy.formats.scan || policy.formats.deny.length > 0)) features.add('scan');

  const stagesFor = async (setup: DrillSetup): Promise<VerifyStage[]> => {
    const store = setup.storeDir !== undefined ? await openStore(setup.storeDir) : undefined;
    const drillRevoked = setup.revoked ?? [];
    const stages: VerifyStage[] = [
      lineageStage({
        ...(store ? { store } : {}),
        ...(setup.stateFile !== undefined ? { stateFile: setup.stateFile } : {}),
        // Without a policy, the drill's revocations go through the lineage stage (verify --revoked).
        ...(!policy && drillRevoked.length > 0 ? { revoked: { digests: new Set(drillRevoked), reasons: new Map<string, string>() } } : {}),
      }),
    ];
    if (policy) {
      // With a policy, they are added to its own `revoked` list, judged by the policy stage.
      const p: LoadedPolicy = drillRevoked.length > 0 ? { ...policy, revoked: [...policy.revoked, ...drillRevoked] } : policy;
      stages.push(policyStage(p, purpose), ...formats);
    }
    return stages;
  };

  return {
    description: policy ? `policy ${cfg.policy} (${trustDesc}; purpose ${purpose})` : trustDesc,
    features,
    licenses: await pickLicenses(policy, purpose),
    verify: async (model, signature, setup = {}) =>
      verifyModel({
        model,
        trust,
        stages: await stagesFor(setup),
        ...(signature ? { signature } : {}),
        ignorePaths: [],
        ignoreUnsignedFiles: false,
        engine: { jobs: cfg.jobs ?? 1 },
      }),
  };
}

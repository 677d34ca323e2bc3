/**
 * The verification the drill tests is the user's VerifySpec, built by the library's
 * createVerifier: nothing here assembles trust checks or stages. What this file adds is
 * what the drill needs to know about that set-up: which checks it has (SetupFacts, so a
 * missed attack can name what would stop it), the version its legitimate models must carry
 * (at or above the set-up's minimum) and the licenses to sign them with (one the policy
 * allows, one it does not).
 */
import semver from 'semver';
import type { LoadedPolicy } from '../policy/load.js';
import type { Purpose } from '../policy/types.js';
import type { VerifySpec } from '../verify/spec.js';
import { combineFormats, type Verifier } from '../verify/verifier.js';
import type { DrillLicenses, Remedy, SetupFacts } from './types.js';

/** The license the drill signs legitimate models with when the policy does not constrain it. */
const DEFAULT_DRILL_LICENSE = 'apache-2.0';
/** Licenses tried, in order, for the license-outside-policy attack (after the policy's deny list). */
const OUTSIDE_CANDIDATES = ['LicenseRef-modelsign-drill-proprietary', 'cc-by-nc-4.0', 'proprietary', 'gpl-3.0'];

/** What the set-up checks, read from the spec and the policy its verifier loaded. */
export function setupFacts(spec: VerifySpec, v: Pick<Verifier, 'policy' | 'purpose'>): SetupFacts {
  const formats = combineFormats(v.policy?.formats, spec.formats);
  const l = spec.lineage;
  return {
    stateFile: l?.stateFile !== undefined,
    store: l?.store !== undefined,
    revocation: l?.revoked !== undefined ? 'list' : v.policy ? 'policy' : undefined,
    policyFile: spec.policy?.file,
    purpose: v.purpose,
    licenseRule: v.policy?.license !== undefined,
    formats: (formats.deny?.length ?? 0) > 0 || formats.scan === true,
    minVersion: l?.minVersion,
    ignoreUnsignedFiles: spec.ignoreUnsignedFiles === true,
    ignorePaths: spec.ignorePaths ?? [],
  };
}

/** The version of the drill's legitimate models: 1.0.0, or the set-up's minimum if higher. */
export function drillVersion(minVersion: string | undefined): string {
  const min = minVersion !== undefined ? semver.valid(minVersion) : null;
  return min !== null && semver.gt(min, '1.0.0') ? min : '1.0.0';
}

/** What the set-up's loosening options let through: the remedy for an attack without its own. */
export function defaultRemedy(f: SetupFacts): Remedy | undefined {
  if (f.ignoreUnsignedFiles) return 'no-ignore-unsigned';
  if (f.ignorePaths.length > 0) return 'no-ignore-paths';
  return undefined;
}

/**
 * Which license a legitimate drill model carries (one the policy allows for the purpose, so
 * the baseline can pass) and which one falls outside the policy (denied first, else not
 * allowed). Without a license rule nothing is outside it: the attack then signs the first
 * candidate, which such a set-up accepts.
 */
export async function pickLicenses(policy: LoadedPolicy | undefined, purpose: Purpose): Promise<DrillLicenses> {
  const rule = policy?.rules[purpose];
  if (!policy || policy.license === undefined || !rule) return { allowed: DEFAULT_DRILL_LICENSE, outside: OUTSIDE_CANDIDATES[0]! };
  const { evaluateLicense, normalizeLicense } = await import('../policy/licenses.js');
  const ok = (l: string) => evaluateLicense(normalizeLicense(l), rule).ok;
  const written = policy.license[purpose]!;
  const allowed = [DEFAULT_DRILL_LICENSE, ...written.allow].find(ok) ?? DEFAULT_DRILL_LICENSE;
  const outside = [...written.deny, ...OUTSIDE_CANDIDATES].find((l) => !ok(l));
  return { allowed, ...(outside !== undefined ? { outside } : {}) };
}

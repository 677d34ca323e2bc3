/**
 * The one place the drill builds its verifier from the user's options, so the attacks run
 * through the same verification `modelsign verify` would do with the same options.
 *
 * Today: trusted keys (--key, repeatable). `--policy` is accepted and refused with a usage
 * error until the policy feature is part of this build; when features land (policy: trust
 * rules + license stage; lineage: state and ancestry stages; scan: pickle stage), extend
 * `drillVerifier` to add their trust checks and stages and their names to `features`, and
 * the attacks that need them (attacks.ts) start running instead of being skipped.
 */
import { usage } from '../errors.js';
import { loadPublicKey } from '../keys/keyfile.js';
import { keyTrust } from '../verify/trust-key.js';
import { verifyModel, type VerifyStage } from '../verify/pipeline.js';
import type { TrustCheck } from '../verify/types.js';
import type { DrillVerifier } from './types.js';

export interface DrillConfig {
  keys: string[];
  policy?: string;
  purpose?: string;
  /** Hashing threads (the drill's models are small; default 1). */
  jobs?: number;
}

export async function drillVerifier(cfg: DrillConfig): Promise<DrillVerifier> {
  if (cfg.policy !== undefined) {
    throw usage('DRILL_POLICY_UNSUPPORTED', `drill --policy: this build of modelsign has no policy support yet, so it cannot build the verifier ${cfg.policy} describes; use --key PUBLIC_KEY`);
  }
  if (cfg.keys.length === 0) throw usage('MISSING_OPTION', 'drill needs the set-up to test: --key PUBLIC_KEY (repeatable) or --policy FILE');
  const trust: TrustCheck[] = await Promise.all(cfg.keys.map(async (k) => keyTrust(await loadPublicKey(k), `key ${k}`)));
  const stages: VerifyStage[] = [];
  const features = new Set<string>(['keys']);
  return {
    description: `keys ${cfg.keys.join(', ')}${cfg.purpose ? ` (purpose ${cfg.purpose})` : ''}`,
    features,
    verify: (model, signature) =>
      verifyModel({
        model,
        trust,
        stages,
        ...(signature ? { signature } : {}),
        ignorePaths: [],
        ignoreUnsignedFiles: false,
        engine: { jobs: cfg.jobs ?? 1 },
      }),
  };
}

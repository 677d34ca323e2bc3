/**
 * verify plugin: --policy FILE [--purpose deploy|retrain].
 *
 * The policy supplies who to trust (unless the command line names keys or identities, which
 * then replace its trust section) and adds a stage that applies its license, lineage,
 * revocation and minimum-version rules for the purpose. It runs after the lineage plugin,
 * whose ancestry it reads.
 */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { usage } from '../errors.js';
import type { LoadedPolicy } from '../policy/load.js';
import type { Purpose } from '../policy/types.js';
import type { Flags, VerifyPlugin } from './verify-plugins.js';

/**
 * Flags (camel-cased, as commander stores them) by which the command line names an
 * authority; any of them given replaces the policy's trust section.
 */
const CLI_TRUST_FLAGS = ['key', 'certificateChain', 'identity', 'identityRegexp', 'identityRegExp', 'certificateIdentity', 'certificateIdentityRegexp'];

const loaded = new WeakMap<Flags, LoadedPolicy>();

function cliTrustGiven(flags: Flags): boolean {
  return CLI_TRUST_FLAGS.some((f) => {
    const v = flags[f];
    return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== false && v !== '';
  });
}

export const policyPlugin: VerifyPlugin = {
  name: 'policy',
  addOptions(cmd: Command) {
    cmd.option('--policy <file>', 'verification policy (YAML or JSON): who is trusted, which licenses may be used, revocations; see docs/policy.md');
    cmd.addOption(new Option('--purpose <purpose>', 'what the model will be used for, checked against the policy (default: deploy)').choices(['deploy', 'retrain']));
    cmd.addHelpText(
      'after',
      `
Policy (exit 1 when it refuses the model: license, revoked, minimum version, formats):
  modelsign verify ./llama-ft --policy policy.yaml --purpose retrain --lineage manifests
  modelsign policy check policy.yaml                 # validate the policy file first`,
    );
  },
  async prepare(flags) {
    if (flags.policy === undefined) {
      if (flags.purpose !== undefined) throw usage('MISSING_OPTION', '--purpose needs --policy FILE');
      return;
    }
    const { loadPolicy } = await import('../policy/load.js');
    loaded.set(flags, await loadPolicy(flags.policy as string));
  },
  async trust(flags) {
    const policy = loaded.get(flags);
    if (!policy?.trust || cliTrustGiven(flags)) return [];
    const { policyTrust } = await import('../policy/trust.js');
    return policyTrust(policy.trust, (f) => path.relative(path.dirname(policy.file), f));
  },
  async stages(flags) {
    const policy = loaded.get(flags);
    if (!policy) return [];
    const { policyStage } = await import('../policy/stage.js');
    const { formatsStages } = await import('../policy/formats.js');
    return [policyStage(policy, ((flags.purpose as string | undefined) ?? 'deploy') as Purpose), ...(await formatsStages(policy.formats))];
  },
};

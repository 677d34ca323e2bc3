/**
 * verify plugin: models in OCI registries and layouts (oci://, oci:). It opens the model's
 * source with the registry flags (--insecure-registry, the Docker configuration) and
 * --pull-to DIR, and once the verdict is final (after lineage may still refuse) keeps the
 * pulled directory of a verified model or removes it.
 */
import type { Command } from 'commander';
import { usage } from '../errors.js';
import type { PullTarget } from '../source/index.js';
import { info } from './io.js';
import { addRegistryOptions, isOciModel, registryOptions } from './oci.js';
import type { Flags, VerifyPlugin } from './verify-plugins.js';

const pulls = new WeakMap<Flags, PullTarget>();

export const ociPlugin: VerifyPlugin = {
  name: 'oci',
  addOptions(cmd: Command) {
    addRegistryOptions(cmd);
    cmd.option('--pull-to <dir>', 'oci:// models: download the signed files into DIR (new or empty), re-hashed as written; kept only when the model verifies');
  },
  async options(flags, opts) {
    const pullTo = typeof flags.pullTo === 'string' ? flags.pullTo : undefined;
    if (!isOciModel(opts.model)) {
      if (pullTo !== undefined) throw usage('BAD_OPTION', '--pull-to applies to oci:// and oci: models only');
      return;
    }
    const { openSource } = await import('../source/index.js');
    const source = await openSource(opts.model, { oci: { registry: registryOptions(flags), ...(pullTo !== undefined ? { pullTo } : {}) } });
    opts.source = source;
    const pull = (source as { pull?: PullTarget }).pull;
    if (pull) pulls.set(flags, pull);
  },
  async after(flags, result) {
    const pull = pulls.get(flags);
    if (!pull) return;
    pulls.delete(flags);
    await pull.finish(result.verified, result.signature);
    if (result.verified) info(`pulled the verified model into ${pull.dir}`);
  },
  async error(flags) {
    const pull = pulls.get(flags);
    pulls.delete(flags);
    await pull?.finish(false);
  },
};

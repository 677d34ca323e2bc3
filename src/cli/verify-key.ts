/** verify plugin: trust by public key files (--key, repeatable). */
import type { Command } from 'commander';
import { collect } from './io.js';
import type { VerifyPlugin } from './verify-plugins.js';

export const keyPlugin: VerifyPlugin = {
  name: 'key',
  addOptions(cmd: Command) {
    cmd.option('--key <file>', 'trusted public key (PEM); repeatable, any one suffices', collect, []);
  },
  async trust(flags) {
    const keys = (flags.key as string[] | undefined) ?? [];
    if (keys.length === 0) return [];
    const { keyFileTrust } = await import('../verify/trust-key.js');
    return keyFileTrust(keys);
  },
};

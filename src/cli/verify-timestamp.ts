/**
 * verify plugin: RFC 3161 timestamps on key and certificate signatures.
 *   --timestamp-authority CHAIN.pem (repeatable) a TSA whose timestamps are trusted: its
 *                                   signing certificate first, then intermediates and root
 * Every configured authority's check is wrapped so that the bundle's timestamps are verified
 * first and a certificate is judged at their time (see src/verify/timestamp.ts).
 */
import type { Command } from 'commander';
import { collect } from './io.js';
import type { VerifyPlugin } from './verify-plugins.js';

export const timestampPlugin: VerifyPlugin = {
  name: 'timestamp',
  addOptions(cmd: Command) {
    cmd.option('--timestamp-authority <chain.pem>', 'trust RFC 3161 timestamps from this TSA (its certificate, then its chain): a certificate is judged at the time stamped; repeatable', collect, []);
  },
  async options(flags, opts) {
    const files = (flags.timestampAuthority as string[] | undefined) ?? [];
    const { timestampAuthorityTrust, withTimestamps } = await import('../verify/timestamp.js');
    const tsa = files.length > 0 ? await timestampAuthorityTrust(files) : undefined;
    opts.trust = opts.trust.map((t) => withTimestamps(t, tsa));
  },
};

/**
 * verify plugin: certificate-chain and Sigstore keyless trust.
 *   --certificate-chain ROOTS.pem   (repeatable) trusted root CAs for certificate signatures
 *   --identity ID / --identity-regexp RE (repeatable) whom to trust for Sigstore signatures
 *   --identity-provider URL         the OIDC issuer that must have certified that identity
 *   --trusted-root FILE             Sigstore trusted root (default: refreshed copy, else the
 *                                   shipped public-good snapshot)
 */
import type { Command } from 'commander';
import { usage } from '../errors.js';
import { collect, warn } from './io.js';
import type { Flags, VerifyPlugin } from './verify-plugins.js';
import { NEED_IDENTITY, type TrustCheck } from '../verify/types.js';

function list(v: unknown): string[] {
  return Array.isArray(v) ? (v as string[]) : [];
}

/** The certificate and Sigstore trust flags (verify and lineage take the same ones). */
export function addSigstoreTrustOptions(cmd: Command): Command {
  return cmd
    .option('--certificate-chain <roots.pem>', 'trusted root CA certificates (PEM) for certificate signatures; repeatable, any root suffices', collect, [])
    .option('--identity <id>', 'Sigstore: the signer identity (certificate SAN) to trust, exact match; repeatable', collect, [])
    .option('--identity-regexp <re>', 'Sigstore: trust identities fully matching this regular expression (anchored); repeatable', collect, [])
    .option('--identity-provider <issuer>', 'Sigstore: the OIDC issuer that must have certified the identity (exact match)')
    .option('--trusted-root <file>', 'Sigstore trusted root JSON (default: "trusted-root update" copy, else the shipped public-good snapshot)');
}

/** The trust checks those flags configure (none when none is given). */
export async function sigstoreTrustFromFlags(flags: Flags): Promise<TrustCheck[]> {
  const checks: TrustCheck[] = [];
  const chains = list(flags.certificateChain);
  if (chains.length > 0) {
    const { certificateChainTrust } = await import('../verify/trust-cert.js');
    checks.push(await certificateChainTrust(chains));
  }
  const ids = list(flags.identity);
  const res = list(flags.identityRegexp);
  const issuer = flags.identityProvider as string | undefined;
  const trustedRoot = flags.trustedRoot as string | undefined;
  if (ids.length + res.length === 0) {
    if (issuer !== undefined) throw usage('MISSING_IDENTITY', `--identity-provider alone trusts anyone that issuer certified: ${NEED_IDENTITY}`);
    if (trustedRoot !== undefined) throw usage('MISSING_IDENTITY', `--trusted-root needs an identity: ${NEED_IDENTITY}`);
    return checks;
  }
  const { sigstoreTrust } = await import('../verify/trust-sigstore.js');
  const identities = [
    ...ids.map((identity) => ({ identity, ...(issuer ? { issuer } : {}) })),
    ...res.map((identityRegExp) => ({ identityRegExp, ...(issuer ? { issuer } : {}) })),
  ];
  if (!issuer) warn('no --identity-provider: the identity is accepted from any OIDC issuer Fulcio trusts');
  checks.push(await sigstoreTrust({ identities, ...(trustedRoot !== undefined ? { trustedRootPath: trustedRoot } : {}) }));
  return checks;
}

export const sigstorePlugin: VerifyPlugin = {
  name: 'sigstore',
  addOptions(cmd: Command) {
    addSigstoreTrustOptions(cmd).addHelpText(
      'after',
      `
Certificate and Sigstore examples (all offline):
  modelsign verify ./model --certificate-chain ca-root.pem
  modelsign verify ./model --identity release@acme.com --identity-provider https://accounts.google.com
  modelsign verify ./model --identity-provider https://token.actions.githubusercontent.com \\
      --identity-regexp 'https://github\\.com/acme/models/\\.github/workflows/release\\.yml@refs/tags/v.*'
  modelsign verify ./model --identity ci@corp --identity-provider https://sso.corp --trusted-root corp-sigstore-root.json
A Sigstore signature is never accepted without --identity or --identity-regexp (exit 2).`,
    );
  },
  trust: sigstoreTrustFromFlags,
  // A keyless bundle with no identity policy is refused by the pipeline itself (exit 2).
};

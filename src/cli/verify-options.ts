/**
 * The flags that describe a verification, shared by `verify`, `drill` and (trust only)
 * `lineage`: each command adds the groups it takes, and verify-spec.ts turns them into one
 * VerifySpec. Every flag can also come from MODELSIGN_* (verify-env.ts).
 */
import { Option, type Command } from 'commander';
import { collect } from './io.js';

/** Who is trusted: keys, certificate roots, Sigstore identities. */
export function addTrustOptions(cmd: Command, keyHelp = 'trusted public key (PEM); repeatable, any one suffices'): Command {
  return cmd
    .option('--key <file>', keyHelp, collect, [])
    .option('--certificate-chain <roots.pem>', 'trusted root CA certificates (PEM) for certificate signatures; repeatable, any root suffices', collect, [])
    .option('--identity <id>', 'Sigstore: the signer identity (certificate SAN) to trust, exact match; repeatable', collect, [])
    .option('--identity-regexp <re>', 'Sigstore: trust identities fully matching this regular expression (anchored); repeatable', collect, [])
    .option('--identity-provider <issuer>', 'Sigstore: the OIDC issuer that must have certified the identity (exact match)')
    .option('--trusted-root <file>', 'Sigstore trusted root JSON (default: "trusted-root update" copy, else the shipped public-good snapshot)')
    .option('--timestamp-authority <chain.pem>', 'trust RFC 3161 timestamps from this TSA (its certificate, then its chain): a certificate is judged at the time stamped; repeatable', collect, []);
}

export const TRUST_HELP = `
Certificate and Sigstore examples (all offline):
  modelsign verify ./model --certificate-chain ca-root.pem
  modelsign verify ./model --identity release@acme.com --identity-provider https://accounts.google.com
  modelsign verify ./model --identity-provider https://token.actions.githubusercontent.com \\
      --identity-regexp 'https://github\\.com/acme/models/\\.github/workflows/release\\.yml@refs/tags/v.*'
  modelsign verify ./model --identity ci@corp --identity-provider https://sso.corp --trusted-root corp-sigstore-root.json
A Sigstore signature is never accepted without --identity or --identity-regexp (exit 2).`;

export function addLineageOptions(cmd: Command): Command {
  return cmd
    .option('--lineage <dir>', 'lineage store: verify every ancestor (same trust as the model) and the links between them')
    .option('--min-version <semver>', 'refuse the model if its version is lower than this')
    .option('--state <file>', 'anti-rollback state: refuse a version lower than the highest verified before; record this one')
    .option('--revoked <file>', 'revocation list (sha256:<root digest> per line, # comments): refuse the model or any ancestor listed');
}

export const LINEAGE_HELP = `
Lineage and anti-rollback (exit 1 on a broken link, a rollback or a revoked digest):
  modelsign verify ./llama-ft --key release.pub --lineage manifests --state /var/lib/modelsign/state.json --revoked revoked.txt
  modelsign verify ./llama-ft --key release.pub --min-version 1.2.0`;

export function addPolicyOptions(cmd: Command): Command {
  cmd.option('--policy <file>', 'verification policy (YAML or JSON): who is trusted, which licenses may be used, revocations; see docs/policy.md');
  cmd.addOption(new Option('--purpose <purpose>', 'what the model will be used for, checked against the policy (default: deploy)').choices(['deploy', 'retrain']));
  cmd.option('--replace-policy-trust', "the trust flags (--key, --certificate-chain, --identity...) replace the policy's trust section; without it, giving both is refused");
  return cmd;
}

export const POLICY_HELP = `
Policy (exit 1 when it refuses the model: license, revoked, minimum version, formats):
  modelsign verify ./llama-ft --policy policy.yaml --purpose retrain --lineage manifests
  modelsign policy check policy.yaml                 # validate the policy file first`;

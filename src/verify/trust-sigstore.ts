/**
 * Trust by Sigstore keyless signature, offline. sigstore-js (@sigstore/verify) checks, against
 * the trusted root:
 *   - the Fulcio certificate chains to a certificate authority of the root, and carries a
 *     valid SCT from a CT log of the root;
 *   - every Rekor entry's inclusion: the signed entry timestamp (SET) and/or the inclusion
 *     proof against a signed checkpoint, and that the entry's body is this envelope;
 *   - RFC 3161 timestamps against the root's timestamp authorities;
 *   - the certificate was valid at every verified time (the log's integrated time, the TSA's
 *     time), not now: Fulcio certificates live ten minutes;
 *   - the DSSE signature with the certificate's key.
 * Then the identity policy: the certificate's subject alternative name must equal an
 * `identity` or fully match an `identityRegExp`, and its OIDC issuer must equal that rule's
 * `issuer` when one is given. Any one rule suffices; with no rule at all nothing is trusted.
 */
import type { Code } from '../codes.js';
import { reject, usage } from '../errors.js';
import type { ParsedBundle } from '../oms/bundle.js';
import { loadTrustedRoot } from '../sigstore/trusted-root.js';
import type { SignerInfo, TrustCheck } from './types.js';

export interface IdentityRule {
  identity?: string;
  identityRegExp?: string;
  issuer?: string;
}

interface CompiledRule {
  rule: IdentityRule;
  test: (san: string) => boolean;
  describe: string;
}

function compile(rule: IdentityRule): CompiledRule {
  const has = (s: string | undefined): s is string => typeof s === 'string' && s.length > 0;
  if (has(rule.identity) && has(rule.identityRegExp)) throw usage('BAD_IDENTITY', 'an identity rule takes --identity or --identity-regexp, not both');
  if (has(rule.identity)) {
    const want = rule.identity;
    return { rule, test: (san) => san === want, describe: `identity "${want}"` };
  }
  if (has(rule.identityRegExp)) {
    let re: RegExp;
    try {
      // Anchored: the whole identity must match, never a part of it.
      re = new RegExp(`^(?:${rule.identityRegExp})$`);
    } catch (e) {
      throw usage('BAD_IDENTITY', `--identity-regexp is not a valid regular expression: ${(e as Error).message}`);
    }
    return { rule, test: (san) => re.test(san), describe: `identity matching /${rule.identityRegExp}/` };
  }
  throw usage('MISSING_IDENTITY', 'a Sigstore signature needs an identity to trust: --identity or --identity-regexp (anyone can get a Fulcio certificate)');
}

function describeRule(c: CompiledRule): string {
  return `${c.describe}${c.rule.issuer ? ` from issuer "${c.rule.issuer}"` : ''}`;
}

/** Map sigstore-js errors to one line with a stable code. */
function sigstoreFailure(e: unknown): never {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e).code) : 'VERIFY_ERROR';
  const msg = e instanceof Error ? e.message : String(e);
  const ours: Record<string, Code> = {
    CERTIFICATE_ERROR: 'SIGSTORE_CERT_INVALID',
    TIMESTAMP_ERROR: 'SIGSTORE_TIMESTAMP_INVALID',
    TLOG_ERROR: 'SIGSTORE_TLOG_INVALID',
    TLOG_INCLUSION_PROOF_ERROR: 'SIGSTORE_TLOG_INVALID',
    TLOG_INCLUSION_PROMISE_ERROR: 'SIGSTORE_TLOG_INVALID',
    TLOG_MISSING_INCLUSION_ERROR: 'SIGSTORE_TLOG_INVALID',
    TLOG_BODY_ERROR: 'SIGSTORE_TLOG_MISMATCH',
    SIGNATURE_ERROR: 'SIG_INVALID',
  };
  throw reject(ours[code] ?? 'SIGSTORE_INVALID', `Sigstore verification failed: ${msg}`);
}

export async function sigstoreTrust(opts: { identities: IdentityRule[]; trustedRootPath?: string }): Promise<TrustCheck> {
  if (opts.identities.length === 0) {
    throw usage('MISSING_IDENTITY', 'a Sigstore signature needs an identity to trust: --identity or --identity-regexp (anyone can get a Fulcio certificate)');
  }
  const rules = opts.identities.map(compile);
  const root = await loadTrustedRoot(opts.trustedRootPath);
  const [{ Verifier, toSignedEntity }, { bundleFromJSON }] = await Promise.all([import('@sigstore/verify'), import('@sigstore/bundle')]);
  // SCTs are required whenever the trusted root lists CT logs (public good does); a private
  // instance that runs no CT log cannot provide them.
  const ctlogThreshold = root.material.ctlogs.length > 0 ? 1 : 0;
  const verifier = new Verifier(root.material, { tlogThreshold: 1, ctlogThreshold, timestampThreshold: 1 });
  return {
    kind: 'sigstore',
    label: `Sigstore ${rules.map(describeRule).join(' or ')}`,
    verify(bundle: ParsedBundle): SignerInfo {
      const m = bundle.material;
      if (m.kind === 'publicKey') {
        throw reject('SIG_WRONG_MATERIAL', 'signature was made with a public key, not Sigstore keyless signing; verify it with --key');
      }
      const json = bundle.json as { verificationMaterial?: { tlogEntries?: unknown[]; timestampVerificationData?: { rfc3161Timestamps?: unknown[] } } };
      const tlogs = json.verificationMaterial?.tlogEntries ?? [];
      if (tlogs.length === 0) {
        throw reject('SIG_WRONG_MATERIAL', 'signature has no transparency log entry: it is not a Sigstore keyless signature (certificate signatures verify with --certificate-chain)');
      }
      let signer;
      try {
        const entity = toSignedEntity(bundleFromJSON(bundle.json));
        signer = verifier.verify(entity);
      } catch (e) {
        sigstoreFailure(e);
      }
      const san = signer.identity?.subjectAlternativeName;
      const issuer = signer.identity?.extensions?.issuer;
      if (san === undefined) throw reject('IDENTITY_MISMATCH', 'Sigstore certificate carries no identity (subject alternative name)');
      const match = rules.find((r) => r.test(san) && (r.rule.issuer === undefined || r.rule.issuer === '' || r.rule.issuer === issuer));
      if (!match) {
        const sameId = rules.some((r) => r.test(san));
        throw reject(
          sameId ? 'ISSUER_MISMATCH' : 'IDENTITY_MISMATCH',
          sameId
            ? `signed by "${san}" through issuer "${issuer ?? '(none)'}", but that identity is trusted only from ${rules.filter((r) => r.test(san)).map((r) => `"${r.rule.issuer}"`).join(', ')}`
            : `signed by "${san}" (issuer "${issuer ?? '(none)'}"), which is not a trusted ${rules.map(describeRule).join(' or ')}`,
        );
      }
      return {
        kind: 'sigstore',
        description: `${san} (issuer ${issuer ?? 'unknown'}, Sigstore)`,
        identity: san,
        ...(issuer !== undefined ? { issuer } : {}),
        authority: `${describeRule(match)}; trusted root: ${root.source}`,
      };
    },
  };
}

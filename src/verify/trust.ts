/** A TrustSpec -> the trust checks it names (keys, certificate roots, Sigstore identities). */
import { usage } from '../errors.js';
import type { TrustSpec } from './spec.js';
import { NEED_IDENTITY, type Notice, type TrustCheck } from './types.js';

export function hasAuthority(t: TrustSpec | undefined): boolean {
  return !!t && ((t.keys?.length ?? 0) + (t.publicKeys?.length ?? 0) + (t.certificateChains?.length ?? 0) + (t.identities?.length ?? 0) + (t.checks?.length ?? 0) > 0);
}

/** The trust checks a TrustSpec names, with the warnings worth showing about them. */
export async function trustChecks(t: TrustSpec): Promise<{ checks: TrustCheck[]; warnings: Notice[] }> {
  const checks: TrustCheck[] = [...(t.checks ?? [])];
  const warnings: Notice[] = [];
  if ((t.keys?.length ?? 0) > 0) {
    const { keyFileTrust } = await import('./trust-key.js');
    for (const c of await keyFileTrust(t.keys!)) checks.push(c);
  }
  if ((t.publicKeys?.length ?? 0) > 0) {
    const { keyTrust } = await import('./trust-key.js');
    for (const k of t.publicKeys!) checks.push(keyTrust(k.key, k.label));
  }
  if ((t.certificateChains?.length ?? 0) > 0) {
    const { certificateChainTrust } = await import('./trust-cert.js');
    checks.push(await certificateChainTrust([...t.certificateChains!]));
  }
  const ids = t.identities ?? [];
  if (ids.length === 0) {
    if (t.trustedRoot !== undefined) throw usage('MISSING_IDENTITY', `a Sigstore trusted root needs an identity to trust: ${NEED_IDENTITY}`);
    return { checks, warnings };
  }
  for (const r of ids) {
    if (!r.identity && !r.identityRegExp) throw usage('MISSING_IDENTITY', `an OIDC issuer alone trusts anyone that issuer certified: ${NEED_IDENTITY}`);
  }
  if (ids.some((r) => !r.issuer)) warnings.push({ code: 'ANY_ISSUER', message: 'no OIDC issuer given: the identity is accepted from any OIDC issuer Fulcio trusts' });
  const { sigstoreTrust } = await import('./trust-sigstore.js');
  checks.push(await sigstoreTrust({ identities: [...ids], ...(t.trustedRoot !== undefined ? { trustedRootPath: t.trustedRoot } : {}) }));
  return { checks, warnings };
}

export function describeTrust(t: TrustSpec): string {
  const parts: string[] = [];
  if (t.keys?.length) parts.push(`keys ${t.keys.join(', ')}`);
  if (t.publicKeys?.length) parts.push(t.publicKeys.map((k) => k.label).join(', '));
  if (t.certificateChains?.length) parts.push(`certificate roots ${t.certificateChains.join(', ')}`);
  if (t.identities?.length) parts.push(`identities ${t.identities.map((r) => r.identity ?? r.identityRegExp).join(', ')}`);
  if (t.checks?.length) parts.push(t.checks.map((c) => c.label).join(', '));
  return parts.join('; ') || 'nothing';
}


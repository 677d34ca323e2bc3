/**
 * The policy's `trust` section -> trust checks. Any one configured authority suffices.
 *
 * Keys are checked here (keyTrust). Certificate chains and Sigstore identities are verified
 * by the interop feature (src/verify/trust-cert.ts `certificateChainTrust`,
 * src/verify/trust-sigstore.ts `sigstoreTrust`); this module is the single place that wires
 * them in. Until that is done a policy using them is refused as a usage error rather than
 * half-applied: trusting only the keys of a policy that also names identities would verify
 * against a different set of authorities than the one its author wrote.
 */
import { usage } from '../errors.js';
import type { TrustCheck } from '../verify/types.js';
import type { IdentityRule, PolicyTrust } from './types.js';

/**
 * Hooks for the trust kinds implemented elsewhere; undefined = not available in this build.
 * Wiring after the interop merge is these two lines:
 *   import { certificateChainTrust } from '../verify/trust-cert.js';
 *   import { sigstoreTrust } from '../verify/trust-sigstore.js';
 * and `= { certificateChains: certificateChainTrust, identities: sigstoreTrust }` below.
 */
export const trustFactories: {
  certificateChains?: (rootFiles: string[]) => Promise<TrustCheck>;
  identities?: (opts: { identities: IdentityRule[]; trustedRootPath?: string }) => Promise<TrustCheck>;
} = {};

function unsupported(kind: string): never {
  throw usage('POLICY_TRUST_UNSUPPORTED', `policy trust.${kind} is not supported by this build of modelsign; use trust.keys, or give --key on the command line`);
}

export async function policyTrust(trust: PolicyTrust, relativeTo: (file: string) => string = (f) => f): Promise<TrustCheck[]> {
  const checks: TrustCheck[] = [];
  if (trust.keys.length > 0) {
    const { loadPublicKey } = await import('../keys/keyfile.js');
    const { keyTrust } = await import('../verify/trust-key.js');
    for (const k of trust.keys) checks.push(keyTrust(await loadPublicKey(k), `policy key ${relativeTo(k)}`));
  }
  if (trust.certificateChains.length > 0) {
    const make = trustFactories.certificateChains;
    if (!make) unsupported('certificateChains');
    checks.push(await make(trust.certificateChains));
  }
  if (trust.identities.length > 0) {
    const make = trustFactories.identities;
    if (!make) unsupported('identities');
    checks.push(await make({ identities: trust.identities }));
  }
  return checks;
}

/**
 * The policy's `trust` section -> trust checks. Any one configured authority suffices.
 *
 * Keys go to keyTrust, certificate chains to certificateChainTrust (src/verify/trust-cert.ts)
 * and Sigstore identities to sigstoreTrust (src/verify/trust-sigstore.ts), each loaded only
 * when the policy uses it.
 */
import type { TrustCheck } from '../verify/types.js';
import { namedField } from './files.js';
import type { IdentityRule, PolicyTrust } from './types.js';

/** How each trust kind is built (tests may substitute them). */
export const trustFactories: {
  certificateChains: (rootFiles: string[]) => Promise<TrustCheck>;
  identities: (opts: { identities: IdentityRule[]; trustedRootPath?: string }) => Promise<TrustCheck>;
} = {
  certificateChains: async (roots) => (await import('../verify/trust-cert.js')).certificateChainTrust(roots),
  identities: async (opts) => (await import('../verify/trust-sigstore.js')).sigstoreTrust(opts),
};

/**
 * `policyFile`, when given, names the policy in a load failure along with the field
 * (`policy p.yaml: trust.keys[1]: ...`), as `policy check` does (files.ts).
 */
export async function policyTrust(trust: PolicyTrust, relativeTo: (file: string) => string = (f) => f, policyFile?: string): Promise<TrustCheck[]> {
  const named = <T>(at: string, load: () => Promise<T>): Promise<T> => (policyFile === undefined ? load() : namedField(policyFile, at, load));
  const checks: TrustCheck[] = [];
  if (trust.keys.length > 0) {
    const { loadPublicKey } = await import('../keys/keyfile.js');
    const { keyTrust } = await import('../verify/trust-key.js');
    for (const [i, k] of trust.keys.entries()) checks.push(keyTrust(await named(`trust.keys[${i}]`, () => loadPublicKey(k)), `policy key ${relativeTo(k)}`));
  }
  if (trust.certificateChains.length > 0) {
    checks.push(await named('trust.certificateChains', () => trustFactories.certificateChains(trust.certificateChains)));
  }
  if (trust.identities.length > 0) {
    checks.push(await trustFactories.identities({ identities: trust.identities }));
  }
  return checks;
}

/**
 * The files a policy names (trust.keys, trust.certificateChains), each read and parsed as
 * verify will, so a missing or broken one is found by `policy check` and not first at
 * deployment. A failure keeps its code (KEY_UNREADABLE, ROOTS_UNREADABLE, ...; exit 2) and
 * names the policy, the field and the file.
 */
import { ModelsignError } from '../errors.js';
import type { Policy } from './types.js';

/** Run `load`; a ModelsignError it raises is reworded to name the policy field. */
export async function namedField<T>(policyFile: string, at: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if (!(e instanceof ModelsignError)) throw e;
    throw new ModelsignError(e.code, `policy ${policyFile}: ${at}: ${e.message}`, { kind: e.kind, cause: e });
  }
}

/** Every key and certificate chain file the policy names, loaded once; the first problem is thrown. */
export async function checkPolicyFiles(p: Pick<Policy, 'file' | 'trust'>, policyFile: string = p.file): Promise<void> {
  if (!p.trust) return;
  const { keys, certificateChains } = p.trust;
  if (keys.length > 0) {
    const { loadPublicKey } = await import('../keys/keyfile.js');
    for (const [i, k] of keys.entries()) await namedField(policyFile, `trust.keys[${i}]`, () => loadPublicKey(k));
  }
  if (certificateChains.length > 0) {
    const { loadRoots } = await import('../verify/trust-cert.js');
    for (const [i, c] of certificateChains.entries()) await namedField(policyFile, `trust.certificateChains[${i}]`, () => loadRoots(c));
  }
}

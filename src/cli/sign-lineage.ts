/**
 * sign flags for lineage: --parent SIG (repeatable), --relation, --dataset URI[=sha256:D]
 * (repeatable), --parent-key PUB (repeatable), --record [DIR].
 *
 * Each parent's signature is verified before it is linked. Trust for parents: the
 * --parent-key files if given; otherwise the public half of the signing key (a signer trusts
 * its own key by construction, so a chain signed by one release key needs no extra flag).
 */
import type { Command } from 'commander';
import { usage } from '../errors.js';
import type { SignLineage } from '../lineage/sign.js';
import { collect } from './io.js';

export interface SignLineageFlags {
  key?: string;
  name?: string;
  version?: string;
  parent?: string[];
  relation?: string[];
  dataset?: string[];
  parentKey?: string[];
  record?: string | boolean;
}

/** The lineage store `sign --record` files into, and `lineage` reads, when none is named. */
export const DEFAULT_STORE = 'manifests';

export function addLineageSignOptions(cmd: Command): void {
  cmd
    .option('--parent <sig>', "parent model's signature; verified, then linked (repeatable for merges)", collect, [])
    .option('--relation <rel>', 'finetune | quantized | merge | adapter | distill (one for all parents, or one per --parent; default finetune, merge for several)', collect, [])
    .option('--dataset <uri[=sha256:digest]>', 'training data used (repeatable)', collect, [])
    .option('--parent-key <pub>', "public key trusted for --parent signatures (repeatable; default: the signing key's own public key)", collect, [])
    .option('--record [dir]', `also file the new bundle (and its parents') in a lineage store (default: ./${DEFAULT_STORE})`);
}

/** The lineage flags as the library's SignLineage (undefined when none is given). */
export function lineageFromFlags(o: SignLineageFlags): SignLineage | undefined {
  const parents = o.parent ?? [];
  const parentKeys = o.parentKey ?? [];
  const store = o.record === undefined || o.record === false ? undefined : o.record === true ? DEFAULT_STORE : o.record;
  if (store === '') throw usage('BAD_OPTION', '--record needs a directory (or no value for ./manifests)');
  if (parents.length === 0 && parentKeys.length > 0) throw usage('BAD_OPTION', '--parent-key needs --parent PARENT_SIG');
  // A token key never leaves the token: its parents' signer is named by --parent-key.
  if (parents.length > 0 && parentKeys.length === 0 && (!o.key || /^pkcs11:/i.test(o.key))) {
    throw usage('MISSING_OPTION', `--parent needs --parent-key PUB when signing ${o.key ? 'with a PKCS #11 key' : 'without --key'}`);
  }
  if (parents.length === 0 && (o.dataset ?? []).length === 0 && (o.relation ?? []).length === 0 && store === undefined) return undefined;
  return {
    parents,
    relations: o.relation ?? [],
    datasets: o.dataset ?? [],
    ...(parentKeys.length > 0 ? { parentTrust: { keys: parentKeys } } : {}),
    ...(store !== undefined ? { record: store } : {}),
  };
}

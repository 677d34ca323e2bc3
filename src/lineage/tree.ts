/** Text rendering of a lineage tree (modelsign lineage). One line per model. */
import { clean } from '../util/one-line.js';
import type { LineageNode } from './walk.js';

/**
 * "none": the signature records no license. "unknown": an ancestor whose bundle could not
 * be read or verified (missing, untrusted, broken): it has no signer, and what its bundle
 * says about a license is not known.
 */
function licenseOf(n: LineageNode): string {
  if (n.license !== null) return clean(n.license);
  return n.depth > 0 && n.signer === null ? 'unknown' : 'none';
}

/**
 * Without trust nothing was verified: every node says so (with the code of a problem found
 * all the same, such as a missing ancestor), and no signer is named.
 */
function describe(n: LineageNode, trusted: boolean): string {
  const id = clean(`${n.name}@${n.version ?? '?'}`);
  const code = n.failure ? ` [${n.failure.code}]` : '';
  if (!trusted) {
    const license = n.license !== null ? clean(n.license) : n.depth > 0 && n.failure ? 'unknown' : 'none';
    return [n.relation ? `${n.relation} of ${id}` : id, n.rootDigest, 'signer: not checked', `license: ${license}`, `not verified (no trust given)${code}`].join('  ');
  }
  const parts = [n.relation ? `${n.relation} of ${id}` : id, n.rootDigest, `signer: ${clean(n.signer ?? 'unknown')}`, `license: ${licenseOf(n)}`];
  parts.push(n.verified ? 'verified' : `NOT VERIFIED${code}`);
  return parts.join('  ');
}

/** One line per model; `trusted` false: the tree was walked without trust (nothing verified). */
export function renderTree(root: LineageNode, trusted = true): string {
  const describe_ = (n: LineageNode) => describe(n, trusted);
  const lines: string[] = [describe_(root)];
  const walk = (n: LineageNode, prefix: string) => {
    n.parents.forEach((p, i) => {
      const last = i === n.parents.length - 1;
      lines.push(`${prefix}${last ? '└─ ' : '├─ '}${describe_(p)}`);
      walk(p, `${prefix}${last ? '   ' : '│  '}`);
    });
  };
  walk(root, '');
  return lines.join('\n');
}

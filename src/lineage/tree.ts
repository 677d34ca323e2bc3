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

function describe(n: LineageNode): string {
  const id = clean(`${n.name}@${n.version ?? '?'}`);
  const parts = [n.relation ? `${n.relation} of ${id}` : id, n.rootDigest, `signer: ${clean(n.signer ?? 'unknown')}`, `license: ${licenseOf(n)}`];
  parts.push(n.verified ? 'verified' : `NOT VERIFIED${n.failure ? ` [${n.failure.code}]` : ''}`);
  return parts.join('  ');
}

export function renderTree(root: LineageNode): string {
  const lines: string[] = [describe(root)];
  const walk = (n: LineageNode, prefix: string) => {
    n.parents.forEach((p, i) => {
      const last = i === n.parents.length - 1;
      lines.push(`${prefix}${last ? '└─ ' : '├─ '}${describe(p)}`);
      walk(p, `${prefix}${last ? '   ' : '│  '}`);
    });
  };
  walk(root, '');
  return lines.join('\n');
}

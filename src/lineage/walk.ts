/**
 * Walk a model's ancestry through a lineage store.
 *
 * Each link (child -> parent) is checked in this order, and the first problem is reported
 * against that link, naming both ends:
 *   1. depth limit, cycle (a root digest already on the path), link budget;
 *   2. version order: an ancestor must have a lower version than every descendant on the
 *      path that has its name (its direct child included);
 *   3. a bundle with the parent's root digest exists in the store (LINEAGE_MISSING, or
 *      LINEAGE_STORE_TOO_LARGE when the store holds more than it indexes by content);
 *   4. its signature verifies under the SAME trust as the model (LINEAGE_UNTRUSTED);
 *   5. its bytes are the bundle the child recorded (LINEAGE_BUNDLE_MISMATCH);
 *   6. its signed name, version and root digest are what the link says.
 * Only a verified ancestor's own links are followed: an unverified bundle's claims are noise.
 * The walk never throws for a bad store; it returns every problem it found and the tree.
 */
import type { Code } from '../codes.js';
import semver from 'semver';
import { ModelsignError, type Failure } from '../errors.js';
import type { TrustCheck } from '../verify/types.js';
import { BundleCheckError, verifyLineageBundle, type VerifiedBundle } from './ancestor.js';
import type { DatasetRef, LineageMeta, ParentLink, Relation } from './metadata.js';
import type { AncestorRecord } from './report.js';

export type { AncestorRecord } from './report.js';
import type { LineageStore, StoredBundle } from './store.js';
import { clean } from '../util/one-line.js';

export const DEFAULT_MAX_DEPTH = 32;
/** Links visited in one walk (diamond merges revisit shared ancestors). */
export const MAX_LINKS = 1024;

export interface LineageNode {
  name: string;
  version: string | null;
  license: string | null;
  /** "sha256:<hex>" */
  rootDigest: string;
  bundleDigest: string | null;
  /** How this model was made from its parent... set on ancestors (null for the model itself). */
  relation: Relation | null;
  signer: string | null;
  depth: number;
  /** The child that links to this ancestor (null for the model itself). */
  childName: string | null;
  childVersion: string | null;
  verified: boolean;
  /** Store file the ancestor was read from. */
  file: string | null;
  datasets: DatasetRef[];
  failure: Failure | null;
  parents: LineageNode[];
}


export interface WalkRoot {
  name: string;
  version: string | undefined;
  license: string | undefined;
  /** "sha256:<hex>" */
  rootDigest: string;
  signer: string | undefined;
  lineage: LineageMeta | undefined;
}

export interface WalkResult {
  tree: LineageNode;
  ancestors: AncestorRecord[];
  failures: Failure[];
}

function short(d: string): string {
  return `${d.slice(0, 19)}…`;
}

/** The tree's ancestors (the model itself left out), pre-order: each before its own parents. */
function flatten(node: LineageNode, out: AncestorRecord[] = []): AncestorRecord[] {
  for (const p of node.parents) {
    out.push({
      name: p.name,
      version: p.version,
      license: p.license,
      rootDigest: p.rootDigest,
      relation: p.relation,
      signer: p.signer,
      depth: p.depth,
      childName: p.childName,
      childVersion: p.childVersion,
      bundleDigest: p.bundleDigest,
      verified: p.verified,
    });
    flatten(p, out);
  }
  return out;
}

/**
 * `trust` null walks without checking any signature: every link is followed as the bundles
 * claim it and every node stays unverified (what `modelsign lineage` shows with no trust).
 */
export async function walkLineage(opts: { root: WalkRoot; store: LineageStore; trust: readonly TrustCheck[] | null; maxDepth?: number }): Promise<WalkResult> {
  const maxDepth = opts.maxDepth ?? DEFAULT_MAX_DEPTH;
  const trusted = opts.trust !== null;
  const failures: Failure[] = [];
  const cache = new Map<string, Promise<StoredBundle[]>>();
  const verified = new Map<string, VerifiedBundle>();
  let links = 0;
  let budgetReported = false;

  const root = opts.root;
  const tree: LineageNode = {
    name: root.name,
    version: root.version ?? null,
    license: root.license ?? null,
    rootDigest: root.rootDigest,
    bundleDigest: null,
    relation: null,
    signer: root.signer ?? null,
    depth: 0,
    childName: null,
    childVersion: null,
    verified: trusted,
    file: null,
    datasets: root.lineage?.datasets ?? [],
    failure: null,
    parents: [],
  };

  const find = (rootDigest: string, bundleDigest: string) => {
    const key = `${rootDigest} ${bundleDigest}`;
    let p = cache.get(key);
    if (!p) {
      p = opts.store.find(rootDigest, bundleDigest);
      cache.set(key, p);
    }
    return p;
  };

  /**
   * `below`: per model name, the lowest version among the descendants on this path. An
   * ancestor must be older than every descendant with its name, not only its direct child
   * (ft@2 -> base@1 -> ft@3 is as wrong as ft@2 -> ft@3).
   */
  const visit = async (link: ParentLink, child: LineageNode, depth: number, onPath: Set<string>, below: Map<string, string | null>): Promise<LineageNode> => {
    const label = `lineage link ${clean(`${child.name}@${child.version ?? '?'}`)} -> ${clean(`${link.name}@${link.version}`)} (${short(link.rootDigest)})`;
    const node: LineageNode = {
      name: link.name,
      version: link.version,
      license: null,
      rootDigest: link.rootDigest,
      bundleDigest: link.bundleDigest,
      relation: link.relation,
      signer: null,
      depth,
      childName: child.name,
      childVersion: child.version,
      verified: false,
      file: null,
      datasets: [],
      failure: null,
      parents: [],
    };
    const fail = (code: Code, msg: string): LineageNode => {
      const f: Failure = { code, message: `${label}: ${msg}` };
      node.failure = f;
      failures.push(f);
      return node;
    };

    if (depth > maxDepth) {
      return fail('LINEAGE_TOO_DEEP', `ancestry is deeper than ${maxDepth} links`);
    }
    if (onPath.has(link.rootDigest)) {
      return fail('LINEAGE_CYCLE', 'the ancestry loops back to a model already on this path');
    }
    const floor = below.get(link.name);
    if (floor === null || (floor !== undefined && !semver.lt(link.version, floor))) {
      // Reported, but the ancestor is still checked so every broken link shows.
      const why = floor === null ? `a descendant named ${clean(link.name)} has no version` : `an ancestor must have a lower version than ${clean(`${link.name}@${floor}`)} built from it`;
      fail('LINEAGE_VERSION_ORDER', why);
    }

    let stored: StoredBundle[];
    try {
      stored = await find(link.rootDigest, link.bundleDigest);
    } catch (e) {
      if (e instanceof ModelsignError && e.kind === 'reject') {
        return fail(e.code, e.message);
      }
      throw e;
    }
    if (stored.length === 0) {
      const why = opts.store.explainMissing(link.rootDigest);
      return fail(why.code, why.message);
    }
    // Prefer the exact bundle the child recorded; otherwise report on the first one found.
    const chosen = stored.find((s) => s.bundleDigest === link.bundleDigest) ?? stored[0]!;
    node.file = chosen.file;
    let vb = verified.get(chosen.bundleDigest);
    if (!vb) {
      try {
        vb = await verifyLineageBundle(chosen.bytes, opts.trust, `ancestor ${chosen.file}`);
        verified.set(chosen.bundleDigest, vb);
      } catch (e) {
        if (e instanceof BundleCheckError) {
          const code = e.problem === 'untrusted' ? 'LINEAGE_UNTRUSTED' : 'LINEAGE_MALFORMED';
          const what = e.problem === 'untrusted' ? 'ancestor signature is not trusted' : 'ancestor bundle is broken';
          return fail(code, `${what}: ${e.inner.message} [${e.inner.code}] (${chosen.file})`);
        }
        if (e instanceof ModelsignError && e.kind === 'reject') {
          return fail('LINEAGE_MALFORMED', `${e.message} [${e.code}]`);
        }
        throw e;
      }
    }
    node.signer = vb.signer?.description ?? null;
    node.license = vb.license ?? null;
    if (chosen.bundleDigest !== link.bundleDigest) {
      return fail('LINEAGE_BUNDLE_MISMATCH', `the store holds a different signature for these bytes (${chosen.file} is ${short(chosen.bundleDigest)}, the child recorded ${short(link.bundleDigest)})`);
    }
    if (vb.rootDigest !== link.rootDigest || vb.name !== link.name || vb.version !== link.version) {
      return fail('LINEAGE_LINK_MISMATCH', `the ancestor's signature says ${clean(`${vb.name}@${vb.version}`)} (${short(vb.rootDigest)}), not what the link records`);
    }
    node.verified = trusted && node.failure === null;
    node.datasets = vb.lineage?.datasets ?? [];
    const path = new Set(onPath).add(link.rootDigest);
    const nextBelow = new Map(below);
    const prev = nextBelow.get(vb.name);
    if (prev === undefined || (prev !== null && semver.lt(vb.version, prev))) nextBelow.set(vb.name, vb.version);
    for (const p of vb.lineage?.parents ?? []) {
      if (++links > MAX_LINKS) {
        if (!budgetReported) {
          budgetReported = true;
          failures.push({ code: 'LINEAGE_TOO_LARGE', message: `lineage of ${clean(root.name)}: more than ${MAX_LINKS} links; refusing to walk further` });
        }
        break;
      }
      node.parents.push(await visit(p, node, depth + 1, path, nextBelow));
    }
    return node;
  };

  for (const p of root.lineage?.parents ?? []) {
    if (++links > MAX_LINKS) break;
    tree.parents.push(await visit(p, tree, 1, new Set([root.rootDigest]), new Map([[root.name, root.version ?? null]])));
  }
  return { tree, ancestors: flatten(tree), failures };
}

/**
 * The lineage record carried in a signed statement:
 *
 *   subject[0].annotations.modelsign.lineage = {
 *     parents:   [{ name, version, rootDigest: "sha256:<hex>", bundleDigest: "sha256:<hex>", relation }],
 *     datasets?: [{ uri, digest?: "sha256:<hex>" }]
 *   }
 *
 * It is read from bundles that may be hostile (a lineage store is just files), so the reader
 * is strict: known keys only, bounded counts and lengths, exact digest syntax. The JSON Schema
 * in manifests/lineage.schema.json says the same thing for other tools.
 */
import semver from 'semver';
import { reject, usage } from '../errors.js';
import { isObject, type JsonValue } from '../util/strict-json.js';

export const RELATIONS = ['finetune', 'quantized', 'merge', 'adapter', 'distill'] as const;
export type Relation = (typeof RELATIONS)[number];

/** A merge of more parents than this is refused (and any bundle claiming more). */
export const MAX_PARENTS = 64;
export const MAX_DATASETS = 1024;
export const MAX_NAME_LENGTH = 256;
export const MAX_URI_LENGTH = 4096;

export const DIGEST_RE = /^sha256:[0-9a-f]{64}$/;

export interface ParentLink {
  name: string;
  version: string;
  /** "sha256:<hex>": the parent's root digest (what its files hash to). */
  rootDigest: string;
  /** "sha256:<hex>": SHA-256 of the parent's signature file bytes. */
  bundleDigest: string;
  relation: Relation;
}

export interface DatasetRef {
  uri: string;
  digest?: string;
}

export interface LineageMeta {
  parents: ParentLink[];
  datasets?: DatasetRef[];
}

export function isRelation(v: unknown): v is Relation {
  return typeof v === 'string' && (RELATIONS as readonly string[]).includes(v);
}

/** "sha256:<hex>" from a bare hex digest or an already prefixed one (lower case). */
export function prefixed(digest: string): string {
  const d = digest.toLowerCase();
  return d.startsWith('sha256:') ? d : `sha256:${d}`;
}

/** Bare lowercase hex from "sha256:<hex>" or hex. */
export function bareHex(digest: string): string {
  const d = digest.toLowerCase();
  return d.startsWith('sha256:') ? d.slice(7) : d;
}

function hasControl(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f]/.test(s);
}

function onlyKeys(o: { [k: string]: JsonValue }, allowed: string[], what: string, bad: (m: string) => never): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) bad(`${what} has an unknown field "${k.slice(0, 40)}"`);
}

/**
 * Parse the lineage annotation of a signed statement. `undefined` means no lineage (a root
 * model). Malformed input is a rejection (exit 1): the bundle cannot be trusted to say where
 * the model came from.
 */
export function parseLineageMeta(v: JsonValue | undefined, where = 'lineage'): LineageMeta | undefined {
  if (v === undefined) return undefined;
  const bad = (m: string): never => {
    throw reject('LINEAGE_MALFORMED', `${where}: ${m}`);
  };
  if (!isObject(v)) bad('annotations.modelsign.lineage must be an object');
  const o = v as { [k: string]: JsonValue };
  onlyKeys(o, ['parents', 'datasets'], 'lineage', bad);
  if (!Array.isArray(o.parents)) bad('lineage.parents must be an array');
  const ps = o.parents as JsonValue[];
  if (ps.length > MAX_PARENTS) bad(`more than ${MAX_PARENTS} parents`);
  const parents = ps.map((p, i): ParentLink => {
    if (!isObject(p)) bad(`parents[${i}] must be an object`);
    const q = p as { [k: string]: JsonValue };
    onlyKeys(q, ['name', 'version', 'rootDigest', 'bundleDigest', 'relation'], `parents[${i}]`, bad);
    const { name, version, rootDigest, bundleDigest, relation } = q;
    if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME_LENGTH || hasControl(name)) bad(`parents[${i}].name must be a non-empty string of at most ${MAX_NAME_LENGTH} characters`);
    if (typeof version !== 'string' || version.length > MAX_NAME_LENGTH || semver.valid(version) !== version) bad(`parents[${i}].version must be a semantic version like 1.2.0`);
    if (typeof rootDigest !== 'string' || !DIGEST_RE.test(rootDigest)) bad(`parents[${i}].rootDigest must be sha256:<64 lowercase hex>`);
    if (typeof bundleDigest !== 'string' || !DIGEST_RE.test(bundleDigest)) bad(`parents[${i}].bundleDigest must be sha256:<64 lowercase hex>`);
    if (!isRelation(relation)) bad(`parents[${i}].relation must be one of ${RELATIONS.join(', ')}`);
    return { name: name as string, version: version as string, rootDigest: rootDigest as string, bundleDigest: bundleDigest as string, relation: relation as Relation };
  });
  const out: LineageMeta = { parents };
  if (o.datasets !== undefined) {
    if (!Array.isArray(o.datasets)) bad('lineage.datasets must be an array');
    const ds = o.datasets as JsonValue[];
    if (ds.length > MAX_DATASETS) bad(`more than ${MAX_DATASETS} datasets`);
    out.datasets = ds.map((d, i): DatasetRef => {
      if (!isObject(d)) bad(`datasets[${i}] must be an object`);
      const q = d as { [k: string]: JsonValue };
      onlyKeys(q, ['uri', 'digest'], `datasets[${i}]`, bad);
      if (typeof q.uri !== 'string' || q.uri.length === 0 || q.uri.length > MAX_URI_LENGTH || hasControl(q.uri)) bad(`datasets[${i}].uri must be a non-empty string`);
      const r: DatasetRef = { uri: q.uri as string };
      if (q.digest !== undefined) {
        if (typeof q.digest !== 'string' || !DIGEST_RE.test(q.digest)) bad(`datasets[${i}].digest must be sha256:<64 lowercase hex>`);
        r.digest = q.digest as string;
      }
      return r;
    });
  }
  return out;
}

/** `--dataset URI[=sha256:DIGEST]`: the digest is split off the last "=sha256:" only. */
export function parseDatasetFlag(v: string): DatasetRef {
  const m = /^(.*)=(sha256:.*)$/is.exec(v);
  const uri = m ? m[1]! : v;
  if (uri.length === 0 || uri.length > MAX_URI_LENGTH || hasControl(uri)) {
    throw usage('BAD_OPTION', `--dataset needs URI[=sha256:DIGEST] with a non-empty URI of at most ${MAX_URI_LENGTH} characters (got "${v.slice(0, 80)}")`);
  }
  if (!m) return { uri };
  const digest = m[2]!.toLowerCase();
  if (!DIGEST_RE.test(digest)) throw usage('BAD_OPTION', `--dataset digest must be sha256:<64 hex characters> (got "${m[2]!.slice(0, 80)}")`);
  return { uri, digest };
}

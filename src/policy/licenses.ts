/**
 * License ids and expressions, and whether one is allowed for a purpose.
 *
 * Everything is first normalised to a canonical SPDX expression: ids compare
 * case-insensitively, Hugging Face ids map to their SPDX id where one exists, and any other
 * id (llama3, gemma, other, a vendor's own name) becomes `LicenseRef-<id, lowercased>`, which
 * only ever matches itself - so an unknown license is allowed only when the policy names it.
 * Parsing and id matching (ranges like GPL-2.0+, WITH exceptions) are left to
 * spdx-expression-parse and spdx-satisfies; this module adds the allow/deny rule on top.
 */
import { createRequire } from 'node:module';
import parse, { type SpdxNode, type SpdxLicense } from 'spdx-expression-parse';
import satisfies from 'spdx-satisfies';
import { HF_LICENSES, NO_LICENSE } from './hf-licenses.js';
import { clean } from '../util/one-line.js';

const require = createRequire(import.meta.url);
// The SPDX id lists spdx-expression-parse itself is built on (resolved from it, so both agree).
const fromParser = createRequire(require.resolve('spdx-expression-parse'));
const SPDX_IDS = new Map<string, string>();
for (const list of ['spdx-license-ids', 'spdx-license-ids/deprecated.json']) {
  for (const id of fromParser(list) as string[]) SPDX_IDS.set(id.toLowerCase(), id);
}
// A Map, not the object: a license called "constructor" must not find Object.prototype's.
const HF = new Map(Object.entries(HF_LICENSES));
const SPDX_EXCEPTIONS = new Map<string, string>((fromParser('spdx-exceptions') as string[]).map((id) => [id.toLowerCase(), id]));

/** Longest license string we read from a (possibly hostile) signature. */
export const MAX_LICENSE_LENGTH = 1024;
/** Bound on the OR-of-ANDs expansion of one expression (it can grow exponentially). */
const MAX_CHOICES = 256;

export interface License {
  /** As written (the model's metadata, a lineage record, or the policy). */
  raw: string;
  /** Canonical SPDX expression; undefined when `raw` is neither an id nor an expression. */
  spdx: string | undefined;
  node: SpdxNode | undefined;
  /** False when some id in it is neither an SPDX nor a Hugging Face id. */
  known: boolean;
}

const ID_CHARS = /^[A-Za-z0-9.+-]+$/;

function refId(id: string): string {
  // '+' means "or later" in SPDX, so it cannot stay inside a LicenseRef (openrail++).
  return `LicenseRef-${id.toLowerCase().replace(/\+/g, 'plus')}`;
}

/** One id token -> canonical id, and whether we recognised it. */
function canonicalId(token: string): { id: string; known: boolean } | undefined {
  if (!ID_CHARS.test(token)) return undefined;
  const lower = token.toLowerCase();
  if (HF.has(lower)) return { id: HF.get(lower) ?? refId(lower), known: true };
  const spdx = SPDX_IDS.get(lower);
  if (spdx) return { id: spdx, known: true };
  if (lower.endsWith('+') && !lower.slice(0, -1).includes('+')) {
    // "or later" applies to the SPDX id as written (GPL-2.0+), not to HF's reading of it.
    const base = SPDX_IDS.get(lower.slice(0, -1)) ?? HF.get(lower.slice(0, -1));
    if (base) return { id: `${base.replace(/-only$/, '')}+`, known: true };
  }
  if (lower.startsWith('licenseref-') && lower.length > 'licenseref-'.length) return { id: refId(lower.slice('licenseref-'.length)), known: true };
  return { id: refId(lower), known: false };
}

/** The words and parentheses of a license expression, without whitespace. */
function licenseTokens(text: string): string[] {
  return text.split(/(\(|\)|\s+)/).filter((t) => t !== '' && !/^\s+$/.test(t));
}

/** Normalise a license id or expression; a missing one becomes the name `none`. */
export function normalizeLicense(raw: unknown): License {
  // Anything but a string or nothing is malformed, never "no license".
  if (raw !== undefined && raw !== null && typeof raw !== 'string') return { raw: JSON.stringify(raw)?.slice(0, 80) ?? typeof raw, spdx: undefined, node: undefined, known: false };
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return { raw: NO_LICENSE, spdx: refId(NO_LICENSE), node: { license: refId(NO_LICENSE) }, known: false };
  const bad: License = { raw: text, spdx: undefined, node: undefined, known: false };
  if (text.length > MAX_LICENSE_LENGTH) return bad;
  const tokens = licenseTokens(text);
  const out: string[] = [];
  let known = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const upper = t.toUpperCase();
    if (t === '(' || t === ')' || upper === 'AND' || upper === 'OR') {
      out.push(upper);
    } else if (upper === 'WITH') {
      const ex = SPDX_EXCEPTIONS.get((tokens[i + 1] ?? '').toLowerCase());
      if (!ex) return bad;
      out.push('WITH', ex);
      i++;
    } else {
      const c = canonicalId(t);
      if (!c) return bad;
      known &&= c.known;
      out.push(c.id);
    }
  }
  const spdx = out.join(' ').replace(/\( /g, '(').replace(/ \)/g, ')');
  try {
    return { raw: text, spdx, node: parse(spdx), known };
  } catch {
    return bad;
  }
}

/** One license in an OR-of-ANDs choice, as the string spdx-satisfies reads. */
function termText(t: SpdxLicense): string {
  return `${t.license}${t.plus ? '+' : ''}${t.exception ? ` WITH ${t.exception}` : ''}`;
}

/** `a OR (b AND c)` -> [[a], [b, c]]: the licensee picks one inner list and must meet all of it. */
function choices(node: SpdxNode): SpdxLicense[][] | undefined {
  if (!('conjunction' in node)) return [[node]];
  const l = choices(node.left);
  const r = choices(node.right);
  if (!l || !r) return undefined;
  if (node.conjunction === 'or') return l.length + r.length > MAX_CHOICES ? undefined : [...l, ...r];
  if (l.length * r.length > MAX_CHOICES) return undefined;
  return l.flatMap((a) => r.map((b) => [...a, ...b]));
}

/** A policy's allow/deny list for one purpose, normalised. */
export interface CompiledRule {
  allow: License[];
  deny: License[];
}

function matches(term: string, entry: License): boolean {
  const e = entry.spdx!;
  if (term === e) return true;
  try {
    return satisfies(term, [e]);
  } catch {
    // spdx-satisfies bundles its own (older) id list; an id it does not know matches only itself.
    return false;
  }
}

export interface Blocker {
  /** The id as it appears in the canonical expression. */
  term: string;
  reason: 'denied' | 'not-allowed' | 'unknown';
}

export type LicenseVerdict = { ok: true; spdx: string } | { ok: false; blockers: Blocker[] };

/**
 * Is this license acceptable under the rule? Deny wins over allow: a denied id is never
 * acceptable. With OR the licensee may pick any branch, so one acceptable branch suffices;
 * with AND every id must be acceptable.
 */
export function evaluateLicense(lic: License, rule: CompiledRule): LicenseVerdict {
  if (!lic.node) return { ok: false, blockers: [{ term: lic.raw, reason: 'unknown' }] };
  const opts = choices(lic.node);
  if (!opts) return { ok: false, blockers: [{ term: lic.raw, reason: 'unknown' }] };
  const blockers = new Map<string, Blocker>();
  for (const choice of opts) {
    const blocked: Blocker[] = [];
    for (const t of choice) {
      const text = termText(t);
      if (rule.deny.some((d) => matches(text, d))) blocked.push({ term: text, reason: 'denied' });
      else if (!rule.allow.some((a) => matches(text, a))) blocked.push({ term: text, reason: t.license.startsWith('LicenseRef-') && !isNamedRef(t.license) ? 'unknown' : 'not-allowed' });
    }
    if (blocked.length === 0) return { ok: true, spdx: lic.spdx! };
    for (const b of blocked) if (!blockers.has(b.term)) blockers.set(b.term, b);
  }
  return { ok: false, blockers: [...blockers.values()] };
}

/** LicenseRefs we know the meaning of (HF community licenses), as opposed to unknown names. */
const NAMED_REFS = new Set(
  Object.entries(HF_LICENSES)
    .filter(([id, spdx]) => spdx === null && id !== 'other' && id !== 'unknown')
    .map(([id]) => refId(id)),
);
function isNamedRef(ref: string): boolean {
  return NAMED_REFS.has(ref);
}

/** Show a canonical id the way users write it: LicenseRef-llama3 -> llama3. */
export function displayId(term: string): string {
  return term.startsWith('LicenseRef-') ? term.slice('LicenseRef-'.length) : term;
}

/**
 * Hugging Face ids that name a family of licenses rather than one (which BSD? which GPL?),
 * and the exact ids to use instead. A policy can match them only by name.
 */
const FAMILIES: Readonly<Record<string, string>> = {
  bsd: 'bsd-2-clause or bsd-3-clause',
  gpl: 'gpl-2.0 or gpl-3.0',
  lgpl: 'lgpl-2.1 or lgpl-3.0',
  cc: 'cc-by-4.0, cc-by-sa-4.0, cc0-1.0, ...',
  gfdl: 'GFDL-1.3-only or GFDL-1.3-or-later',
};

/**
 * sign --license: why the value will not mean what was likely intended, or undefined when it
 * is fine. Fine: a Hugging Face id (including `other` and `unknown`, the documented ways to
 * say "a license of our own" and "not known"), an SPDX id or expression, LicenseRef-NAME, or
 * `none`. Not fine: a typo or a name nobody knows (`foobar`), which a policy can only ever
 * treat as unknown, text that is not an expression, or a family id such as `bsd`.
 */
export function licenseProblem(raw: string, what = '--license'): string | undefined {
  const text = raw.trim();
  const shown = JSON.stringify(clean(text, 100));
  const expected = 'expected a Hugging Face license id (apache-2.0, mit, llama3, other), an SPDX expression ("MIT OR Apache-2.0"), or LicenseRef-NAME for a license of your own';
  if (text === '') return `${what} is empty; ${expected}`;
  if (text.toLowerCase() === NO_LICENSE) return undefined;
  const lic = normalizeLicense(text);
  if (!lic.spdx) return `${what} ${shown} is neither a known license id nor a valid SPDX expression, so a policy can only treat it as unknown; ${expected}`;
  const ids = licenseTokens(text).filter((t) => !['(', ')', 'AND', 'OR', 'WITH'].includes(t.toUpperCase()));
  const unknown = ids.filter((t) => canonicalId(t)?.known === false && !SPDX_EXCEPTIONS.has(t.toLowerCase()));
  if (unknown.length > 0) {
    const subject = unknown.length === 1 && unknown[0] === text ? `${what} ${shown} is` : `${what} ${shown}: ${unknown.map((u) => JSON.stringify(clean(u, 60))).join(', ')} ${unknown.length === 1 ? 'is' : 'are'}`;
    return `${subject} neither a Hugging Face license id nor an SPDX license id, so a policy can only treat it as unknown; ${expected}`;
  }
  const family = ids.map((t) => t.toLowerCase()).find((t) => Object.hasOwn(FAMILIES, t));
  if (family) return `${what} ${shown}: "${family}" names a family of licenses, not one, and a policy can match it only by name; if you can, name the license exactly (${FAMILIES[family]})`;
  return undefined;
}

/**
 * Read and validate a policy file (YAML, or JSON - a subset of YAML).
 *
 * The schema is strict: an unknown field, a wrong type, a duplicate key, a bad regexp or a
 * license that is not an id is an error (exit 2) naming the field's path
 * (`trust.identities[1].identityRegExp`), so a typo can never silently loosen the policy.
 */
import { FileTooLarge, NotRegularFile, readRegularFile } from '../util/read-file.js';
import path from 'node:path';
import semver from 'semver';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { errnoCode, ModelsignError } from '../errors.js';
import { normalizeLicense, type CompiledRule } from './licenses.js';
import { DIGEST_RE } from '../lineage/metadata.js';
import { DENIABLE_FORMATS, SEVERITIES, type Severity } from '../scan/types.js';
import { POLICY_API_VERSION, PURPOSES, type FormatsPolicy, type IdentityRule, type Policy, type PolicyTrust, type Purpose } from './types.js';
import { clean } from '../util/one-line.js';

/** A policy is a short hand-written file; anything bigger is a mistake or an attack. */
export const MAX_POLICY_BYTES = 1024 * 1024;
const MAX_REGEXP_LENGTH = 1024;

export interface LoadedPolicy extends Policy {
  /** License rules, normalised for evaluation. */
  rules: Partial<Record<Purpose, CompiledRule>>;
}

function invalid(file: string, where: string, msg: string): ModelsignError {
  return new ModelsignError('POLICY_INVALID', `policy ${file}: ${where ? `${where}: ` : ''}${msg}`, { kind: 'usage' });
}

/** Closest known field name, to turn "unknown field identites" into a useful hint. */
function suggest(name: string, known: string[]): string {
  // The edit distance is quadratic: a hostile megabyte-long key gets the plain list.
  if (name.length > 64) return ` (known fields: ${known.join(', ')})`;
  const dist = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0]![j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++)
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
    return d[a.length]![b.length]!;
  };
  const best = known.map((k) => [k, dist(name, k)] as const).sort((x, y) => x[1] - y[1])[0];
  return best && best[1] <= Math.max(2, Math.floor(name.length / 3)) ? ` (did you mean "${best[0]}"?)` : ` (known fields: ${known.join(', ')})`;
}

/** Walks the parsed value, keeping the path for messages. */
class Reader {
  constructor(readonly file: string) {}

  fail(at: string, msg: string): never {
    throw invalid(this.file, at, msg);
  }

  object(v: unknown, at: string, fields: string[]): Record<string, unknown> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(at, `must be a mapping (object), got ${describe(v)}`);
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (!fields.includes(k)) this.fail(join(at, clean(k, 80)), `unknown field${suggest(k, fields)}`);
    }
    return o;
  }

  string(v: unknown, at: string): string {
    if (typeof v !== 'string' || v === '') this.fail(at, `must be a non-empty string, got ${describe(v)}`);
    return v;
  }

  bool(v: unknown, at: string): boolean {
    if (typeof v !== 'boolean') this.fail(at, `must be true or false, got ${describe(v)}`);
    return v;
  }

  strings(v: unknown, at: string): string[] {
    if (!Array.isArray(v)) this.fail(at, `must be a list, got ${describe(v)}`);
    return v.map((x, i) => this.string(x, `${at}[${i}]`));
  }
}

function join(at: string, key: string): string {
  return at === '' ? key : `${at}.${key}`;
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}

function readTrust(r: Reader, v: unknown, dir: string): PolicyTrust {
  const o = r.object(v, 'trust', ['keys', 'certificateChains', 'identities']);
  const files = (key: string): string[] => (o[key] === undefined ? [] : r.strings(o[key], `trust.${key}`).map((f) => path.resolve(dir, f)));
  const identities: IdentityRule[] = [];
  if (o.identities !== undefined) {
    if (!Array.isArray(o.identities)) r.fail('trust.identities', `must be a list, got ${describe(o.identities)}`);
    o.identities.forEach((item, i) => {
      const at = `trust.identities[${i}]`;
      const id = r.object(item, at, ['identity', 'identityRegExp', 'issuer']);
      if ((id.identity === undefined) === (id.identityRegExp === undefined)) r.fail(at, 'needs exactly one of identity or identityRegExp');
      // An identity without its issuer would accept the same name from any OIDC provider.
      if (id.issuer === undefined) r.fail(join(at, 'issuer'), 'is required (the OIDC issuer that vouches for the identity)');
      const rule: IdentityRule = { issuer: r.string(id.issuer, join(at, 'issuer')) };
      if (id.identity !== undefined) rule.identity = r.string(id.identity, join(at, 'identity'));
      else rule.identityRegExp = anchoredRegExp(r, id.identityRegExp, join(at, 'identityRegExp'));
      identities.push(rule);
    });
  }
  const trust = { keys: files('keys'), certificateChains: files('certificateChains'), identities };
  if (trust.keys.length + trust.certificateChains.length + trust.identities.length === 0) {
    r.fail('trust', 'names no key, certificate chain or identity (leave the section out to take trust from the command line)');
  }
  return trust;
}

/** Identity patterns match the whole identity: `acme/.+` must not accept `evil.com/?acme/x`. */
function anchoredRegExp(r: Reader, v: unknown, at: string): string {
  const src = r.string(v, at);
  if (src.length > MAX_REGEXP_LENGTH) r.fail(at, `is longer than ${MAX_REGEXP_LENGTH} characters`);
  const anchored = `^(?:${src})$`;
  try {
    new RegExp(anchored, 'u');
  } catch (e) {
    r.fail(at, `is not a valid regular expression: ${(e as Error).message}`);
  }
  return anchored;
}

function readLicenseRule(r: Reader, v: unknown, at: string): { raw: { allow: string[]; deny: string[] }; rule: CompiledRule } {
  const o = r.object(v, at, ['allow', 'deny']);
  if (o.allow === undefined) r.fail(join(at, 'allow'), 'is required (list the licenses allowed for this purpose; [] allows none)');
  const allow = r.strings(o.allow, join(at, 'allow'));
  const deny = o.deny === undefined ? [] : r.strings(o.deny, join(at, 'deny'));
  const compile = (list: string[], key: string) =>
    list.map((s, i) => {
      const lic = normalizeLicense(s);
      if (!lic.node) r.fail(`${join(at, key)}[${i}]`, `"${s}" is not a license id`);
      if ('conjunction' in lic.node) r.fail(`${join(at, key)}[${i}]`, `"${s}" must be one license id, not an expression (list each id separately)`);
      return lic;
    });
  return { raw: { allow, deny }, rule: { allow: compile(allow, 'allow'), deny: compile(deny, 'deny') } };
}

/** Validate an already-parsed policy document. `file` is for messages and relative paths. */
export function validatePolicy(doc: unknown, file: string): LoadedPolicy {
  const r: Reader = new Reader(file);
  const dir = path.dirname(path.resolve(file));
  const o = r.object(doc, '', ['apiVersion', 'trust', 'license', 'lineage', 'revoked', 'formats']);
  if (o.apiVersion === undefined) r.fail('apiVersion', `is required (apiVersion: ${POLICY_API_VERSION})`);
  if (o.apiVersion !== POLICY_API_VERSION) r.fail('apiVersion', `must be ${POLICY_API_VERSION}, got ${describe(o.apiVersion)}`);

  const trust = o.trust === undefined ? undefined : readTrust(r, o.trust, dir);

  let license: Policy['license'];
  const rules: LoadedPolicy['rules'] = {};
  if (o.license !== undefined) {
    const l = r.object(o.license, 'license', [...PURPOSES]);
    license = {};
    for (const p of PURPOSES) {
      if (l[p] === undefined) continue;
      const { raw, rule } = readLicenseRule(r, l[p], `license.${p}`);
      license[p] = raw;
      rules[p] = rule;
    }
  }

  // Null prototype: a model may be called "__proto__" or "constructor".
  const lineage = { require: false, minVersion: Object.create(null) as Record<string, string> };
  if (o.lineage !== undefined) {
    const l = r.object(o.lineage, 'lineage', ['require', 'minVersion']);
    if (l.require !== undefined) lineage.require = r.bool(l.require, 'lineage.require');
    if (l.minVersion !== undefined) {
      const mv = l.minVersion;
      const m = r.object(mv, 'lineage.minVersion', typeof mv === 'object' && mv !== null ? Object.keys(mv) : []);
      for (const [name, v] of Object.entries(m)) {
        const at = `lineage.minVersion.${name}`;
        if (typeof v !== 'string') r.fail(at, `must be a quoted semver string such as "2.0.0", got ${describe(v)}`);
        if (semver.valid(v) === null) r.fail(at, `"${v}" is not a semver version (e.g. 2.0.0)`);
        lineage.minVersion[name] = v;
      }
    }
  }

  const revoked = o.revoked === undefined ? [] : r.strings(o.revoked, 'revoked').map((d, i) => {
    const lower = d.toLowerCase();
    if (!DIGEST_RE.test(lower)) r.fail(`revoked[${i}]`, `"${d}" is not a root digest (sha256:<64 hex digits>)`);
    return lower;
  });

  let formats: FormatsPolicy | undefined;
  if (o.formats !== undefined) {
    const f = r.object(o.formats, 'formats', ['deny', 'scan', 'failOn']);
    const deny = f.deny === undefined ? [] : r.strings(f.deny, 'formats.deny').map((s) => s.toLowerCase());
    deny.forEach((d, i) => {
      if (!(DENIABLE_FORMATS as readonly string[]).includes(d)) r.fail(`formats.deny[${i}]`, `unknown format "${d}" (known: ${DENIABLE_FORMATS.join(', ')})`);
    });
    formats = { deny, scan: f.scan === undefined ? false : r.bool(f.scan, 'formats.scan') };
    if (f.failOn !== undefined) {
      if (typeof f.failOn !== 'string' || !(SEVERITIES as readonly string[]).includes(f.failOn)) {
        r.fail('formats.failOn', `must be one of ${SEVERITIES.join(', ')}`);
      }
      formats.failOn = f.failOn as Severity;
    }
  }

  return { file: path.resolve(file), apiVersion: POLICY_API_VERSION, trust, license, lineage, revoked, formats, rules };
}

/** A key given twice is refused (the yaml package would keep one silently or say only "not unique"). */
function findDuplicateKey(node: unknown, at: string): string | undefined {
  if (isMap(node)) {
    const seen = new Set<string>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const here = join(at, key);
      if (seen.has(key)) return here;
      seen.add(key);
      const inner = findDuplicateKey(pair.value, here);
      if (inner) return inner;
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const inner = findDuplicateKey(node.items[i], `${at}[${i}]`);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** Parse policy text. YAML 1.2 core schema: no custom tags, duplicate keys refused. */
export function parsePolicyText(text: string, file: string): LoadedPolicy {
  const doc = parseDocument(text, { uniqueKeys: false, schema: 'core', prettyErrors: true, strict: true });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const line = problem.linePos?.[0] ? `line ${problem.linePos[0].line}: ` : '';
    throw invalid(file, '', `${line}${problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  const dup = findDuplicateKey(doc.contents, '');
  if (dup) throw invalid(file, dup, 'is given more than once');
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw invalid(file, '', isSeq(doc.contents) ? 'must be a mapping, not a list' : 'must be a mapping of fields (apiVersion, trust, license, ...)');
  }
  // Aliases are bounded: a policy has no need for them, and many can expand exponentially.
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    throw invalid(file, '', `cannot be read: ${(e as Error).message.split('\n')[0]}`);
  }
  return validatePolicy(value ?? {}, file);
}

/** Read and validate a policy file. Every problem is a usage error (exit 2). */
export async function loadPolicy(file: string): Promise<LoadedPolicy> {
  let text: string;
  try {
    // A FIFO in place of the policy must not hang the verifier (see readRegularFile).
    const buf = await readRegularFile(file, MAX_POLICY_BYTES);
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch (e) {
    if (e instanceof NotRegularFile) {
      // Not a policy that is wrong but a path that names no policy file: unreadable.
      throw new ModelsignError('POLICY_UNREADABLE', `cannot read policy ${file}: it ${e.isDirectory ? 'is a directory, not a regular file' : 'is not a regular file'}`, { kind: 'usage' });
    }
    if (e instanceof FileTooLarge) throw invalid(file, '', `is larger than ${MAX_POLICY_BYTES} bytes`);
    if (e instanceof TypeError) throw invalid(file, '', 'is not UTF-8 text');
    const code = errnoCode(e);
    throw new ModelsignError('POLICY_UNREADABLE', `cannot read policy ${file}: ${code === 'ENOENT' ? 'no such file' : (code ?? (e as Error).message)}`, { kind: 'usage' });
  }
  return parsePolicyText(text, file);
}

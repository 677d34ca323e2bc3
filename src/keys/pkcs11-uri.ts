/**
 * PKCS #11 URIs (RFC 7512), as `sign --key pkcs11:token=...;object=...` takes them: pure
 * string logic, no token access (src/keys/pkcs11.ts uses the result).
 *
 *   pkcs11:<path attributes, ";"-separated>[?<query attributes, "&"-separated>]
 *   path:  token manufacturer serial model library-manufacturer library-description
 *          library-version object type id slot-description slot-manufacturer slot-id
 *   query: pin-value pin-source module-name module-path
 *
 * Values are percent-decoded to bytes (`id` is binary; the others must be UTF-8 text). An
 * attribute given twice, an unknown attribute (vendor `x-` ones included: modelsign cannot
 * honour them, and a URI it cannot honour must not match some other key), both pin-value and
 * pin-source, or a malformed percent escape are usage errors. A PIN is never repeated in a
 * message: `redactPkcs11Uri` is what messages show.
 */
import { usage } from '../errors.js';

export const PATH_ATTRIBUTES = [
  'token',
  'manufacturer',
  'serial',
  'model',
  'library-manufacturer',
  'library-description',
  'library-version',
  'object',
  'type',
  'id',
  'slot-description',
  'slot-manufacturer',
  'slot-id',
] as const;
export const QUERY_ATTRIBUTES = ['pin-value', 'pin-source', 'module-name', 'module-path'] as const;

export type PathAttribute = (typeof PATH_ATTRIBUTES)[number];
export type QueryAttribute = (typeof QUERY_ATTRIBUTES)[number];

export interface Pkcs11Uri {
  /** Text attributes (all but id), decoded. */
  path: Partial<Record<Exclude<PathAttribute, 'id'>, string>>;
  /** CKA_ID, as bytes. */
  id?: Buffer;
  query: Partial<Record<QueryAttribute, string>>;
}

export function isPkcs11Uri(s: string): boolean {
  return /^pkcs11:/i.test(s);
}

/** The URI with any pin-value replaced, for messages and logs. */
export function redactPkcs11Uri(uri: string): string {
  // Wherever it stands (query, or wrongly in the path) and however it is written.
  return uri.replace(/pin-value[^&;?]*/gi, 'pin-value=<redacted>');
}

function decode(raw: string, name: string, shown: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '%') {
      const hex = raw.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) throw usage('PKCS11_URI_INVALID', `${shown}: attribute ${name} has a malformed percent escape`);
      out.push(parseInt(hex, 16));
      i += 2;
    } else {
      for (const b of Buffer.from(c, 'utf8')) out.push(b);
    }
  }
  return Buffer.from(out);
}

function text(bytes: Buffer, name: string, shown: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw usage('PKCS11_URI_INVALID', `${shown}: attribute ${name} is not UTF-8 text`);
  }
}

function attributes(part: string, sep: string, shown: string): [string, Buffer][] {
  if (part === '') return [];
  return part.split(sep).map((a) => {
    const eq = a.indexOf('=');
    if (eq <= 0) throw usage('PKCS11_URI_INVALID', `${shown}: ${/pin/i.test(a) ? 'an attribute' : `"${a}"`} is not an attribute=value pair`);
    const name = a.slice(0, eq).toLowerCase();
    return [name, decode(a.slice(eq + 1), name, shown)];
  });
}

export function parsePkcs11Uri(uri: string): Pkcs11Uri {
  const shown = redactPkcs11Uri(uri);
  if (!isPkcs11Uri(uri)) throw usage('PKCS11_URI_INVALID', `${shown} is not a PKCS #11 URI (pkcs11:...)`);
  if (uri.length > 4096) throw usage('PKCS11_URI_INVALID', 'the PKCS #11 URI is longer than 4096 characters');
  const rest = uri.slice('pkcs11:'.length);
  const q = rest.indexOf('?');
  const pathPart = q < 0 ? rest : rest.slice(0, q);
  const queryPart = q < 0 ? '' : rest.slice(q + 1);
  const result: Pkcs11Uri = { path: {}, query: {} };
  const seen = new Set<string>();
  const once = (name: string) => {
    if (seen.has(name)) throw usage('PKCS11_URI_INVALID', `${shown}: attribute ${name} is given twice`);
    seen.add(name);
  };
  for (const [name, value] of attributes(pathPart, ';', shown)) {
    if (!(PATH_ATTRIBUTES as readonly string[]).includes(name)) {
      throw usage('PKCS11_URI_UNSUPPORTED', `${shown}: path attribute ${name} is not supported (known: ${PATH_ATTRIBUTES.join(', ')})`);
    }
    once(name);
    if (name === 'id') result.id = value;
    else result.path[name as Exclude<PathAttribute, 'id'>] = text(value, name, shown);
  }
  for (const [name, value] of attributes(queryPart, '&', shown)) {
    if (!(QUERY_ATTRIBUTES as readonly string[]).includes(name)) {
      throw usage('PKCS11_URI_UNSUPPORTED', `${shown}: query attribute ${name} is not supported (known: ${QUERY_ATTRIBUTES.join(', ')})`);
    }
    once(name);
    result.query[name as QueryAttribute] = text(value, name, shown);
  }
  checkValues(result, shown);
  return result;
}

function checkValues(u: Pkcs11Uri, shown: string): void {
  const bad = (msg: string) => usage('PKCS11_URI_INVALID', `${shown}: ${msg}`);
  if (u.query['pin-value'] !== undefined && u.query['pin-source'] !== undefined) throw bad('pin-value and pin-source exclude each other');
  const slot = u.path['slot-id'];
  if (slot !== undefined && (!/^\d{1,10}$/.test(slot) || Number(slot) > 0xffffffff)) throw bad(`slot-id must be a decimal number below 2^32 (got "${slot}")`);
  const lv = u.path['library-version'];
  if (lv !== undefined && !/^\d{1,3}(\.\d{1,3})?$/.test(lv)) throw bad(`library-version must be MAJOR or MAJOR.MINOR (got "${lv}")`);
  const type = u.path.type;
  if (type !== undefined && type !== 'private') throw bad(`type=${type} names no private key (sign needs type=private, or no type)`);
  const src = u.query['pin-source'];
  if (src !== undefined) {
    if (src.startsWith('|')) throw usage('PKCS11_URI_UNSUPPORTED', `${shown}: pin-source naming a program is not supported: give a file path or file: URI`);
    if (/^[a-z][a-z0-9+.-]*:/i.test(src) && !/^file:/i.test(src)) throw usage('PKCS11_URI_UNSUPPORTED', `${shown}: pin-source ${src} is not supported: give a file path or file: URI`);
    if (!/^(file:)?\//i.test(src)) throw bad(`pin-source must be an absolute path or file: URI (got "${src}")`);
  }
  const mp = u.query['module-path'];
  if (mp !== undefined && !mp.startsWith('/')) throw bad(`module-path must be an absolute path (got "${mp}")`);
  if (u.path.object === undefined && u.id === undefined) throw bad('the URI names no key: add object=LABEL or id=%XX');
}

/** `library-version` as numbers: "2" is 2.0. */
export function parseLibraryVersion(v: string): { major: number; minor: number } {
  const [major, minor] = v.split('.');
  return { major: Number(major), minor: Number(minor ?? '0') };
}

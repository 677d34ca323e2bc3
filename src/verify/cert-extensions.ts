/**
 * The X.509 v3 extensions a certificate-chain check acts on, read strictly from the
 * certificate's DER (RFC 5280 §4.2). The certificate itself has already been parsed by
 * OpenSSL (node:crypto); this reads only the extension list, and every structural problem -
 * a wrong tag, a length that runs past its parent, a BER-only form, an extension listed twice,
 * a basic-constraints path length without the CA flag - is a CertParseError, never a crash:
 * the bundle's certificates come from whoever made the signature.
 *
 * Extensions acted on: basicConstraints, keyUsage, extKeyUsage. Recognised without acting on
 * them: subjectAltName (shown as the signer's identity), subject and authority key
 * identifiers (used by OpenSSL's issuer match). Any other extension marked critical is listed
 * in `unknownCritical`, for the caller to refuse.
 */

export const OID_BASIC_CONSTRAINTS = '2.5.29.19';
export const OID_KEY_USAGE = '2.5.29.15';
export const OID_EXT_KEY_USAGE = '2.5.29.37';
export const OID_SUBJECT_ALT_NAME = '2.5.29.17';
export const OID_SUBJECT_KEY_ID = '2.5.29.14';
export const OID_AUTHORITY_KEY_ID = '2.5.29.35';
export const OID_CODE_SIGNING = '1.3.6.1.5.5.7.3.3';

/** Well-known names for messages (the OID is always shown too). */
const NAMES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  [OID_CODE_SIGNING]: 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
  '2.5.29.37.0': 'anyExtendedKeyUsage',
  '2.5.29.30': 'nameConstraints',
  '2.5.29.32': 'certificatePolicies',
  '2.5.29.36': 'policyConstraints',
  '2.5.29.54': 'inhibitAnyPolicy',
  '2.5.29.33': 'policyMappings',
};

export function oidName(oid: string): string {
  const n = NAMES[oid];
  return n ? `${n} (${oid})` : oid;
}

export interface KeyUsage {
  digitalSignature: boolean;
  keyCertSign: boolean;
}

export interface CertExtensions {
  basicConstraints?: { ca: boolean; pathLen?: number };
  keyUsage?: KeyUsage;
  /** Extended key usage OIDs, in certificate order. */
  extKeyUsage?: string[];
  /** OIDs of critical extensions this module does not recognise. */
  unknownCritical: string[];
}

export class CertParseError extends Error {}

interface Tlv {
  tag: number;
  /** First content byte. */
  start: number;
  /** One past the last content byte. */
  end: number;
}

/** A certificate is a few KiB; far more nesting than X.509 uses means a hostile input. */
const MAX_OID_ARCS = 64;

function tlv(b: Uint8Array, pos: number, limit: number, what: string): Tlv {
  if (pos + 2 > limit) throw new CertParseError(`${what}: truncated`);
  const tag = b[pos]!;
  if ((tag & 0x1f) === 0x1f) throw new CertParseError(`${what}: multi-byte tag`);
  const first = b[pos + 1]!;
  let len: number;
  let start: number;
  if (first < 0x80) {
    len = first;
    start = pos + 2;
  } else {
    const n = first & 0x7f;
    // 0x80 is BER's indefinite length; DER lengths are definite, minimal and at most 4 bytes here.
    if (n === 0 || n > 4) throw new CertParseError(`${what}: length form not allowed in DER`);
    if (pos + 2 + n > limit) throw new CertParseError(`${what}: truncated length`);
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[pos + 2 + i]!;
    if (b[pos + 2]! === 0 || len < 0x80) throw new CertParseError(`${what}: length not minimally encoded`);
    start = pos + 2 + n;
  }
  if (start + len > limit) throw new CertParseError(`${what}: runs past its enclosing structure`);
  return { tag, start, end: start + len };
}

function expect(t: Tlv, tag: number, what: string): Tlv {
  if (t.tag !== tag) throw new CertParseError(`${what}: expected tag 0x${tag.toString(16)}, found 0x${t.tag.toString(16)}`);
  return t;
}

/** The one value an extension's OCTET STRING holds, filling it exactly. */
function only(b: Uint8Array, value: Tlv, tag: number, what: string): Tlv {
  const t = expect(tlv(b, value.start, value.end, what), tag, what);
  if (t.end !== value.end) throw new CertParseError(`${what}: bytes after the value`);
  return t;
}

/** The elements of a constructed value, each checked to lie inside it. */
function children(b: Uint8Array, parent: Tlv, what: string): Tlv[] {
  const out: Tlv[] = [];
  for (let p = parent.start; p < parent.end; ) {
    const t = tlv(b, p, parent.end, what);
    out.push(t);
    p = t.end;
  }
  return out;
}

function oid(b: Uint8Array, t: Tlv, what: string): string {
  expect(t, 0x06, what);
  if (t.end === t.start) throw new CertParseError(`${what}: empty object identifier`);
  const arcs: number[] = [];
  let v = 0;
  let fresh = true;
  for (let i = t.start; i < t.end; i++) {
    const c = b[i]!;
    if (fresh && c === 0x80) throw new CertParseError(`${what}: object identifier arc not minimally encoded`);
    fresh = false;
    v = v * 128 + (c & 0x7f);
    if (v > Number.MAX_SAFE_INTEGER / 128) throw new CertParseError(`${what}: object identifier arc too large`);
    if ((c & 0x80) === 0) {
      arcs.push(v);
      v = 0;
      fresh = true;
      if (arcs.length > MAX_OID_ARCS) throw new CertParseError(`${what}: object identifier too long`);
    }
  }
  if (!fresh) throw new CertParseError(`${what}: object identifier ends mid-arc`);
  const head = arcs[0]!;
  const [a, bArc] = head < 40 ? [0, head] : head < 80 ? [1, head - 40] : [2, head - 80];
  return [a, bArc, ...arcs.slice(1)].join('.');
}

function boolean(b: Uint8Array, t: Tlv, what: string): boolean {
  expect(t, 0x01, what);
  if (t.end - t.start !== 1) throw new CertParseError(`${what}: a BOOLEAN is one byte`);
  const v = b[t.start]!;
  if (v !== 0x00 && v !== 0xff) throw new CertParseError(`${what}: BOOLEAN byte 0x${v.toString(16)} is not DER (0x00 or 0xff)`);
  return v === 0xff;
}

function nonNegativeInt(b: Uint8Array, t: Tlv, what: string): number {
  expect(t, 0x02, what);
  const n = t.end - t.start;
  if (n === 0) throw new CertParseError(`${what}: empty INTEGER`);
  if (b[t.start]! & 0x80) throw new CertParseError(`${what}: negative INTEGER`);
  if (n > 1 && b[t.start] === 0 && !(b[t.start + 1]! & 0x80)) throw new CertParseError(`${what}: INTEGER not minimally encoded`);
  if (n > 5) throw new CertParseError(`${what}: INTEGER too large`);
  let v = 0;
  for (let i = t.start; i < t.end; i++) v = v * 256 + b[i]!;
  return v;
}

function parseBasicConstraints(b: Uint8Array, value: Tlv): { ca: boolean; pathLen?: number } {
  const what = 'basicConstraints';
  const seq = only(b, value, 0x30, what);
  const items = children(b, seq, what);
  let i = 0;
  let ca = false;
  if (items[i]?.tag === 0x01) ca = boolean(b, items[i++]!, `${what} cA`);
  let pathLen: number | undefined;
  if (items[i]?.tag === 0x02) pathLen = nonNegativeInt(b, items[i++]!, `${what} pathLenConstraint`);
  if (i !== items.length) throw new CertParseError(`${what}: unexpected element (tag 0x${items[i]!.tag.toString(16)})`);
  // RFC 5280 §4.2.1.9: a path length only makes sense on a CA (OpenSSL marks such a certificate invalid).
  if (pathLen !== undefined && !ca) throw new CertParseError(`${what}: a path length without the CA flag`);
  return pathLen === undefined ? { ca } : { ca, pathLen };
}

function parseKeyUsage(b: Uint8Array, value: Tlv): KeyUsage {
  const what = 'keyUsage';
  const bits = only(b, value, 0x03, what);
  const len = bits.end - bits.start;
  if (len < 2) throw new CertParseError(`${what}: no usage bits (RFC 5280 requires at least one)`);
  const unused = b[bits.start]!;
  if (unused > 7) throw new CertParseError(`${what}: ${unused} unused bits`);
  const bit = (i: number) => {
    const byte = 1 + (i >> 3);
    return byte < len && ((b[bits.start + byte]! >> (7 - (i & 7))) & 1) === 1;
  };
  return { digitalSignature: bit(0), keyCertSign: bit(5) };
}

function parseExtKeyUsage(b: Uint8Array, value: Tlv): string[] {
  const what = 'extKeyUsage';
  const seq = only(b, value, 0x30, what);
  const items = children(b, seq, what);
  if (items.length === 0) throw new CertParseError(`${what}: empty (RFC 5280 requires at least one purpose)`);
  return items.map((t) => oid(b, t, `${what} purpose`));
}

/** Structure only: a SEQUENCE of context-tagged names (the value itself is shown via node:crypto). */
function checkGeneralNames(b: Uint8Array, value: Tlv, what: string): void {
  const seq = only(b, value, 0x30, what);
  for (const t of children(b, seq, what)) {
    if ((t.tag & 0xc0) !== 0x80) throw new CertParseError(`${what}: a name that is not context-tagged`);
  }
}

/** Locate the [3] extensions of the TBSCertificate; undefined for a certificate without any. */
function extensionsOf(der: Uint8Array): Tlv | undefined {
  const cert = expect(tlv(der, 0, der.length, 'certificate'), 0x30, 'certificate');
  if (cert.end !== der.length) throw new CertParseError('certificate: bytes after the certificate');
  const tbs = expect(tlv(der, cert.start, cert.end, 'tbsCertificate'), 0x30, 'tbsCertificate');
  const fields = children(der, tbs, 'tbsCertificate');
  const idx = fields.findIndex((f) => f.tag === 0xa3);
  if (idx < 0) return undefined;
  if (idx !== fields.length - 1) throw new CertParseError('tbsCertificate: fields after the extensions');
  const wrapper = fields[idx]!;
  const list = expect(tlv(der, wrapper.start, wrapper.end, 'extensions'), 0x30, 'extensions');
  if (list.end !== wrapper.end) throw new CertParseError('extensions: bytes after the list');
  return list;
}

export function parseCertExtensions(der: Uint8Array): CertExtensions {
  const out: CertExtensions = { unknownCritical: [] };
  const list = extensionsOf(der);
  if (!list) return out;
  const items = children(der, list, 'extensions');
  if (items.length === 0) throw new CertParseError('extensions: an empty list (RFC 5280 requires at least one)');
  const seen = new Set<string>();
  for (const item of items) {
    expect(item, 0x30, 'extension');
    const parts = children(der, item, 'extension');
    if (parts.length < 2 || parts.length > 3) throw new CertParseError(`extension: ${parts.length} fields, expected 2 or 3`);
    const id = oid(der, parts[0]!, 'extension id');
    const critical = parts.length === 3 ? boolean(der, parts[1]!, `extension ${oidName(id)} critical flag`) : false;
    const value = expect(parts[parts.length - 1]!, 0x04, `extension ${oidName(id)} value`);
    // RFC 5280 §4.2: "A certificate MUST NOT include more than one instance of a particular extension."
    if (seen.has(id)) throw new CertParseError(`extension ${oidName(id)} appears twice`);
    seen.add(id);
    switch (id) {
      case OID_BASIC_CONSTRAINTS:
        out.basicConstraints = parseBasicConstraints(der, value);
        break;
      case OID_KEY_USAGE:
        out.keyUsage = parseKeyUsage(der, value);
        break;
      case OID_EXT_KEY_USAGE:
        out.extKeyUsage = parseExtKeyUsage(der, value);
        break;
      case OID_SUBJECT_ALT_NAME:
        checkGeneralNames(der, value, 'subjectAltName');
        break;
      case OID_SUBJECT_KEY_ID:
        only(der, value, 0x04, 'subjectKeyIdentifier');
        break;
      case OID_AUTHORITY_KEY_ID:
        only(der, value, 0x30, 'authorityKeyIdentifier');
        break;
      default:
        if (critical) out.unknownCritical.push(id);
    }
  }
  return out;
}

/**
 * The strict reader of X.509 extensions (src/verify/cert-extensions.ts) and the certificate
 * chain check around it: what it reads from real certificates (made with openssl), what it
 * refuses, and - for any mutation of a certificate in a bundle - that the check only ever
 * refuses with a ModelsignError, never throws anything else (which the CLI reports as exit 3).
 */
import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelsignError } from '../../src/errors.js';
import { parseBundle } from '../../src/oms/bundle.js';
import { pae } from '../../src/oms/dsse.js';
import { CertParseError, parseCertExtensions } from '../../src/verify/cert-extensions.js';
import { certificateChainTrust } from '../../src/verify/trust-cert.js';
import { CA_EXT, CODE_SIGNING_EXT, certBundle, issue, makeRoot, type Issued } from '../helpers/certs.js';

let dir: string;
let root: Issued;
let mid: Issued;
let leaf: Issued;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'modelsign-certext-'));
  root = await makeRoot(dir);
  mid = await issue(dir, root, 'mid', `${CA_EXT.replace('CA:TRUE', 'CA:TRUE,pathlen:0')}extendedKeyUsage=codeSigning\n`);
  leaf = await issue(dir, mid, 'leaf', `${CODE_SIGNING_EXT}subjectAltName=email:signer@example.com\n1.3.6.1.4.1.55555.1=DER:05:00\n`);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** DER TLV with a definite length. */
function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const n = body.length;
  const len = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), len, body]);
}
const OID_BC = Buffer.from('0603551d13', 'hex');
const OID_KU = Buffer.from('0603551d0f', 'hex');
const TRUE = Buffer.from('0101ff', 'hex');
/** A certificate-shaped DER whose TBS has the given extensions (the other fields are placeholders). */
function certWith(extensions: Buffer[]): Buffer {
  const filler = [tlv(0xa0, tlv(0x02, Buffer.from([2]))), tlv(0x02, Buffer.from([1])), tlv(0x30), tlv(0x30), tlv(0x30), tlv(0x30), tlv(0x30)];
  const tbs = tlv(0x30, ...filler, tlv(0xa3, tlv(0x30, ...extensions)));
  return tlv(0x30, tbs, tlv(0x30), tlv(0x03, Buffer.from([0])));
}
const ext = (oid: Buffer, value: Buffer, critical = false) => tlv(0x30, oid, ...(critical ? [TRUE] : []), tlv(0x04, value));

describe('parseCertExtensions on real certificates', () => {
  it('reads CA flag, path length, key usage and EKU; a non-critical unknown extension is ignored', () => {
    expect(parseCertExtensions(mid.der)).toEqual({ basicConstraints: { ca: true, pathLen: 0 }, keyUsage: { digitalSignature: false, keyCertSign: true }, extKeyUsage: ['1.3.6.1.5.5.7.3.3'], unknownCritical: [] });
    expect(parseCertExtensions(leaf.der)).toEqual({ basicConstraints: { ca: false }, keyUsage: { digitalSignature: true, keyCertSign: false }, extKeyUsage: ['1.3.6.1.5.5.7.3.3'], unknownCritical: [] });
  });
});

describe('parseCertExtensions refuses what RFC 5280 and DER forbid', () => {
  it('basicConstraints SEQUENCE { INTEGER 0 }: a path length without the CA flag', () => {
    expect(() => parseCertExtensions(certWith([ext(OID_BC, tlv(0x30, tlv(0x02, Buffer.from([0]))), true)]))).toThrow(new CertParseError('basicConstraints: a path length without the CA flag'));
  });
  it('an extension listed twice, a non-DER BOOLEAN, BER indefinite length, an empty key usage, trailing bytes', () => {
    const bc = ext(OID_BC, tlv(0x30, TRUE), true);
    expect(() => parseCertExtensions(certWith([bc, bc]))).toThrow(/appears twice/);
    expect(() => parseCertExtensions(certWith([ext(OID_BC, tlv(0x30, Buffer.from('010101', 'hex')))]))).toThrow(/not DER/);
    const indefinite = Buffer.from(certWith([bc]));
    indefinite[1] = 0x80;
    expect(() => parseCertExtensions(indefinite)).toThrow(/length form not allowed in DER/);
    expect(() => parseCertExtensions(certWith([ext(OID_KU, tlv(0x03, Buffer.from([0])), true)]))).toThrow(/no usage bits/);
    expect(() => parseCertExtensions(certWith([ext(OID_BC, Buffer.concat([tlv(0x30, TRUE), Buffer.from([0])]))]))).toThrow(/bytes after the value/);
  });
  it('lists an unknown critical extension for the caller to refuse', () => {
    const unknown = ext(Buffer.from('06032a0304', 'hex'), Buffer.from('0500', 'hex'), true);
    expect(parseCertExtensions(certWith([unknown])).unknownCritical).toEqual(['1.2.3.4']);
  });
  it('never throws anything but CertParseError, whatever bytes it is given', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: leaf.der.length - 1 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: leaf.der.length }), (at, v, cut) => {
        const b = Buffer.from(leaf.der.subarray(0, cut));
        if (at < b.length) b[at] = v;
        try {
          parseCertExtensions(b);
        } catch (e) {
          expect(e).toBeInstanceOf(CertParseError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('certificateChainTrust: any damage to the bundled certificates is a refusal', () => {
  it('a byte changed anywhere in the leaf or the intermediate only ever yields a ModelsignError', async () => {
    const trust = await certificateChainTrust([root.pem]);
    const payload = Buffer.from('{"_type":"https://in-toto.io/Statement/v1"}');
    const good = parseBundle(Buffer.from(JSON.stringify(await certBundle(payload, leaf, [leaf.der, mid.der]))));
    const bytes = pae(good.payloadType, good.payload);
    expect(await trust.verify(good, bytes)).toMatchObject({ kind: 'certificate' });
    const codes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.nat(), fc.integer({ min: 0, max: 255 }), async (inLeaf, at, v) => {
        const certs = [Buffer.from(leaf.der), Buffer.from(mid.der)];
        const c = certs[inLeaf ? 0 : 1]!;
        const i = at % c.length;
        if (c[i] === v) return;
        c[i] = v;
        const bundle = { ...good, material: { kind: 'x509CertificateChain' as const, certificates: certs } };
        try {
          await trust.verify(bundle, bytes);
        } catch (e) {
          if (!(e instanceof ModelsignError)) throw e;
          expect(e.kind).toBe('reject');
          codes.add(e.code);
        }
      }),
      { numRuns: 400 },
    );
    expect(codes.has('CERT_MALFORMED')).toBe(true);
  });
});

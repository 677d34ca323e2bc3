/** RFC 7512 PKCS #11 URIs (pure parsing), and the DER conversions the token signer needs. */
import { describe, expect, it } from 'vitest';
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { isPkcs11Uri, parsePkcs11Uri, redactPkcs11Uri } from '../../src/keys/pkcs11-uri.js';
import { ecPublicKey, p1363ToDer, resolveModule } from '../../src/keys/pkcs11.js';
import { ModelsignError } from '../../src/errors.js';

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as ModelsignError).code;
  }
  return 'no error';
}

describe('parsePkcs11Uri', () => {
  it('reads path and query attributes, percent-decoding them (id as bytes)', () => {
    const u = parsePkcs11Uri('pkcs11:token=My%20Token;object=sig%3Bkey;id=%01%ff;slot-id=3;type=private?module-path=/usr/lib/softhsm/libsofthsm2.so&pin-value=12%2634');
    expect(u.path).toEqual({ token: 'My Token', object: 'sig;key', 'slot-id': '3', type: 'private' });
    expect(u.id).toEqual(Buffer.from([0x01, 0xff]));
    expect(u.query).toEqual({ 'module-path': '/usr/lib/softhsm/libsofthsm2.so', 'pin-value': '12&34' });
    expect(isPkcs11Uri('PKCS11:object=a')).toBe(true);
    expect(isPkcs11Uri('keys/release.key')).toBe(false);
  });

  it.each([
    ['pkcs11:object=a;object=b', 'PKCS11_URI_INVALID', 'given twice'],
    ['pkcs11:object=a;x-vendor=1', 'PKCS11_URI_UNSUPPORTED', 'path attribute x-vendor is not supported'],
    ['pkcs11:object=a?module-name=x&color=red', 'PKCS11_URI_UNSUPPORTED', 'query attribute color is not supported'],
    ['pkcs11:object=a?pin-value=1&pin-source=/p', 'PKCS11_URI_INVALID', 'pin-value and pin-source exclude each other'],
    ['pkcs11:object=%zz', 'PKCS11_URI_INVALID', 'malformed percent escape'],
    ['pkcs11:object=%ff', 'PKCS11_URI_INVALID', 'is not UTF-8 text'],
    ['pkcs11:object', 'PKCS11_URI_INVALID', 'is not an attribute=value pair'],
    ['pkcs11:object=a;slot-id=-1', 'PKCS11_URI_INVALID', 'slot-id must be a decimal number'],
    ['pkcs11:object=a;library-version=x', 'PKCS11_URI_INVALID', 'library-version must be MAJOR or MAJOR.MINOR'],
    ['pkcs11:object=a;type=cert', 'PKCS11_URI_INVALID', 'type=cert names no private key'],
    ['pkcs11:object=a?module-path=lib.so', 'PKCS11_URI_INVALID', 'module-path must be an absolute path'],
    ['pkcs11:object=a?pin-source=pin.txt', 'PKCS11_URI_INVALID', 'pin-source must be an absolute path or file: URI'],
    ['pkcs11:object=a?pin-source=https://pins.example/p', 'PKCS11_URI_UNSUPPORTED', 'is not supported'],
    ['pkcs11:token=t', 'PKCS11_URI_INVALID', 'the URI names no key'],
    ['release.key', 'PKCS11_URI_INVALID', 'is not a PKCS #11 URI'],
  ])('%s is refused (%s)', (uri, want, msg) => {
    expect(code(() => parsePkcs11Uri(uri))).toBe(want);
    expect(() => parsePkcs11Uri(uri)).toThrow(msg);
  });

  it('messages never carry the PIN, wherever it was written', () => {
    for (const uri of [
      'pkcs11:object=a?pin-value=s3cret&pin-value=s3cret',
      'pkcs11:object=a;pin-value=s3cret',
      'pkcs11:object=a?pin-values3cret',
      'pkcs11:object=a?pin-value=s3cret&pin-source=/p',
      'pkcs11:object=%zz?pin-value=s3cret',
    ]) {
      let msg = '';
      try {
        parsePkcs11Uri(uri);
      } catch (e) {
        msg = (e as Error).message;
      }
      expect(msg).not.toBe('');
      expect(msg).not.toContain('s3cret');
    }
    expect(redactPkcs11Uri('pkcs11:object=a?module-name=m&pin-value=s3cret')).toBe('pkcs11:object=a?module-name=m&pin-value=<redacted>');
  });
});

describe('resolveModule', () => {
  const u = (q: string) => parsePkcs11Uri(`pkcs11:object=k${q ? `?${q}` : ''}`);
  it('takes module-path, else module-name looked up in the module directories, else the option', () => {
    expect(resolveModule(u('module-path=/opt/hsm/lib.so'), {})).toBe('/opt/hsm/lib.so');
    expect(resolveModule(u(''), { module: '/opt/other.so' })).toBe('/opt/other.so');
    expect(code(() => resolveModule(u(''), {}))).toBe('PKCS11_MODULE_NOT_FOUND');
    expect(code(() => resolveModule(u('module-name=x'), { moduleDirs: ['/nonexistent'] }))).toBe('PKCS11_MODULE_NOT_FOUND');
    expect(code(() => resolveModule(u('module-path=/a.so'), { module: '/b.so' }))).toBe('BAD_OPTION');
    expect(resolveModule(u('module-path=/a.so'), { module: '/a.so' })).toBe('/a.so');
  });
});

describe('token signature conversions', () => {
  it.each(['P-256', 'P-384', 'P-521'])('p1363ToDer gives the DER node verifies (%s), whatever the leading bytes', (curve) => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: curve });
    for (let i = 0; i < 40; i++) {
      const data = Buffer.from(`message ${i}`);
      const raw = sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      const der = p1363ToDer(raw);
      expect(verify('sha256', data, publicKey, der)).toBe(true);
      expect(der[0]).toBe(0x30);
    }
  });

  it.each([
    ['P-256', '06082a8648ce3d030107'],
    ['P-384', '06052b81040022'],
    ['P-521', '06052b81040023'],
  ])('ecPublicKey rebuilds the %s key from CKA_EC_PARAMS and CKA_EC_POINT (wrapped or bare)', (curve, params) => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: curve });
    const jwk = publicKey.export({ format: 'jwk' });
    const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')]);
    const wrapped = Buffer.concat([Buffer.from([0x04]), point.length < 0x80 ? Buffer.from([point.length]) : Buffer.from([0x81, point.length]), point]);
    const want = publicKey.export({ type: 'spki', format: 'der' });
    for (const p of [wrapped, point]) {
      expect(ecPublicKey(Buffer.from(params, 'hex'), p).export({ type: 'spki', format: 'der' }).equals(want)).toBe(true);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { ModelsignError } from '../../src/errors.js';
import { parseStrictJson } from '../../src/util/strict-json.js';
import { pae } from '../../src/oms/dsse.js';
import { rootDigest, planResources } from '../../src/hashing/serialize.js';
import { compareCodePoints, isIgnored, normaliseIgnorePath, unsafeNameReason } from '../../src/hashing/paths.js';
import { decryptPrivateKey, encryptPrivateKey } from '../../src/keys/encrypted.js';
import { findPemBlocks } from '../../src/keys/pem.js';
import { keyHint, signBytes, verifyBytes } from '../../src/keys/algorithms.js';
import { parsePublicKey } from '../../src/keys/keyfile.js';
import { checkResourceNames } from '../../src/verify/names.js';
import { parseShardName } from '../../src/verify/files.js';
import { hashBytes } from '../../src/hashing/algorithms.js';

describe('strict JSON', () => {
  it('parses what JSON.parse parses', () => {
    const text = '{"a":[1,2.5,-3e2,true,false,null,"x\\n\\u00e9"],"b":{"c":{}}}';
    expect(JSON.stringify(parseStrictJson(text))).toBe(JSON.stringify(JSON.parse(text)));
  });
  it('rejects duplicate keys at any depth', () => {
    expect(() => parseStrictJson('{"a":1,"a":2}')).toThrow(/duplicate key "a"/);
    expect(() => parseStrictJson('{"x":[{"b":1,"b":1}]}')).toThrow(/duplicate key "b"/);
  });
  it('rejects deep nesting and trailing data', () => {
    expect(() => parseStrictJson('['.repeat(100) + ']'.repeat(100))).toThrow(/nesting deeper than 64/);
    expect(() => parseStrictJson('{} x')).toThrow(/trailing data/);
    expect(() => parseStrictJson('{"a":1,}')).toThrow(ModelsignError);
  });
  it('keeps __proto__ as data', () => {
    const v = parseStrictJson('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(v)).toEqual(['__proto__']);
  });
});

describe('DSSE PAE', () => {
  it('matches the DSSE spec vector', () => {
    // From the DSSE protocol description: PAE("http://example.com/HelloWorld", "hello world")
    expect(pae('http://example.com/HelloWorld', Buffer.from('hello world')).toString()).toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
  });
  it('counts bytes, not characters', () => {
    expect(pae('t', Buffer.from('é', 'utf8')).toString('utf8')).toBe('DSSEv1 1 t 2 é');
  });
});

describe('root digest', () => {
  it('is SHA-256 over the concatenated raw digests (model_signing corpus values)', () => {
    // v1.0.1-elliptic-key: signme-1 and signme-2 -> subject digest in the corpus.
    const r = rootDigest([
      { digest: 'bc9a717db6064a32cbe9eae6fc40651dd6d36ef1757183f590eff2b1765d7ebc' },
      { digest: '32dcb1f8e1ae52d5963e56a6ba06ab58b424c15ed2a6b70d2feca1d089370028' },
    ]);
    expect(r).toBe('92745110b1ab4368471cbe31664e10174e954b113a3df333db860317b2c6dec4');
  });
  it('of no resources is SHA-256 of nothing', () => {
    expect(rootDigest([])).toBe(createHash('sha256').digest('hex'));
  });
});

describe('paths', () => {
  it('orders by code point, not UTF-16 unit', () => {
    // U+FF5E (fullwidth tilde) < U+1F600 (emoji) by code point, but not by UTF-16 units.
    const names = ['\u{1F600}', '\uFF5E', 'a', 'B'];
    expect([...names].sort(compareCodePoints)).toEqual(['B', 'a', '\uFF5E', '\u{1F600}']);
  });
  it('flags unsafe names', () => {
    expect(unsafeNameReason('a/b.bin')).toBeUndefined();
    for (const bad of ['/etc/passwd', '../x', 'a/../b', 'a//b', 'a\\b', 'a\0b', '', './a', 'C:/x']) expect(unsafeNameReason(bad)).toBeDefined();
  });
  it('ignores a path and everything below it, nothing else', () => {
    expect(isIgnored('.git/config', ['.git'])).toBe(true);
    expect(isIgnored('.gitx', ['.git'])).toBe(false);
    expect(normaliseIgnorePath('./a/b/')).toBe('a/b');
  });
  it('detects collisions in signed names', () => {
    const f = checkResourceNames(['Config.json', 'config.json', 'caf\u00e9', 'cafe\u0301', 'x', 'x']);
    expect(f.map((x) => x.code).sort()).toEqual(['DUPLICATE_NAME', 'NAME_COLLISION', 'NAME_COLLISION']);
  });
});

describe('shards', () => {
  const file = { name: 'w.bin', abs: '/x', size: 10, viaLink: false };
  it('split files into ranges that cover them exactly', () => {
    expect(planResources([file], 'shards', 4).map((p) => p.name)).toEqual(['w.bin:0:4', 'w.bin:4:8', 'w.bin:8:10']);
    // OMS §6.3.2: the shards method omits an empty file (the files method lists it).
    expect(planResources([{ ...file, size: 0 }], 'shards', 4).map((p) => p.name)).toEqual([]);
    expect(planResources([{ ...file, size: 0 }], 'files').map((p) => p.name)).toEqual(['w.bin']);
  });
  it('names parse back even with ":" in the path', () => {
    expect(parseShardName('a:b.bin:8:10')).toEqual({ path: 'a:b.bin', start: 8, end: 10 });
    expect(parseShardName('a.bin:10:8')).toBeUndefined();
  });
});

describe('keys', () => {
  it('encrypted keys round-trip and a wrong passphrase is detected', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const der = privateKey.export({ type: 'pkcs8', format: 'der' });
    const pem = encryptPrivateKey(der, 'pw');
    const block = findPemBlocks(pem)[0]!;
    expect(block.type).toBe('ENCRYPTED SIGSTORE PRIVATE KEY');
    const doc = JSON.parse(block.der.toString());
    expect(doc.kdf).toMatchObject({ name: 'scrypt', params: { N: 32768, r: 8, p: 1 } });
    expect(doc.cipher.name).toBe('nacl/secretbox');
    expect(decryptPrivateKey(block.der, 'pw', 'k').equals(der)).toBe(true);
    expect(() => decryptPrivateKey(block.der, 'nope', 'k')).toThrow(/wrong passphrase/);
  });
  it('reads PEM blocks after arbitrary text', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const k = parsePublicKey(`Public Key Info:\n\tcurve: SECP384R1\n-----\n${pem}`);
    expect(k.equals(publicKey)).toBe(true);
  });
  it('hint is SHA-256 of the canonical SPKI PEM', () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(keyHint(publicKey)).toBe(createHash('sha256').update(pem).digest('hex'));
  });
  it.each([['ed25519'], ['P-256'], ['P-384']])('signs and verifies with %s; other data fails', (curve) => {
    const kp = curve === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: curve });
    const sig = signBytes(kp.privateKey, Buffer.from('data'));
    expect(verifyBytes(createPublicKey(kp.privateKey), Buffer.from('data'), sig)).toBe(true);
    expect(verifyBytes(kp.publicKey, Buffer.from('datb'), sig)).toBe(false);
    expect(verifyBytes(kp.publicKey, Buffer.from('data'), Buffer.from('junk'))).toBe(false);
  });
});

describe('hash algorithms', () => {
  it('sha256 and blake2b (64-byte, as hashlib.blake2b) test vectors', () => {
    expect(hashBytes('sha256', Buffer.from('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashBytes('blake2b', Buffer.from('abc'))).toBe(
      'ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923',
    );
  });
});

describe('Ed25519 against an independent implementation (@noble/ed25519) and RFC 8032', () => {
  it('RFC 8032 test 2: our signer reproduces the published signature; noble verifies it', async () => {
    const { createPrivateKey } = await import('node:crypto');
    const ed = await import('@noble/ed25519');
    const seed = Buffer.from('4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb', 'hex');
    // PKCS#8 wrapper for a raw Ed25519 seed.
    const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
    const key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    const msg = Buffer.from('72', 'hex');
    const sig = signBytes(key, msg);
    expect(sig.toString('hex')).toBe(
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
    );
    const pub = Buffer.from('3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c', 'hex');
    expect(await ed.verifyAsync(sig, msg, pub)).toBe(true);
    expect(createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(-32).equals(pub)).toBe(true);
  });
});

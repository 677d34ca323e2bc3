/** Unit tests for the interop pieces that are pure logic. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { legacyPae, pythonBytesRepr, readLegacyStatement } from '../../src/oms/legacy.js';
import { keylessEndpoints } from '../../src/sign/keyless.js';
import { sigstoreTrust } from '../../src/verify/trust-sigstore.js';
import { ModelsignError } from '../../src/errors.js';

describe("Python's bytes repr (model_signing v0.2's PAE)", () => {
  // Expected strings printed by CPython 3.11's repr() for the same bytes.
  it.each([
    [Buffer.from('plain'), "b'plain'"],
    [Buffer.from("it's"), `b"it's"`],
    [Buffer.from('say "hi"'), `b'say "hi"'`],
    [Buffer.from(`both ' and "`), `b'both \\' and "'`],
    [Buffer.from('tab\tnl\ncr\rbs\\'), "b'tab\\tnl\\ncr\\rbs\\\\'"],
    [Buffer.from([0, 1, 0x1f, 0x7f, 0x80, 0xff]), "b'\\x00\\x01\\x1f\\x7f\\x80\\xff'"],
    [Buffer.from('é✓'), "b'\\xc3\\xa9\\xe2\\x9c\\x93'"],
  ])('%s', (input, expected) => {
    expect(pythonBytesRepr(input)).toBe(expected);
  });

  it('equals a piece-by-piece rendering of the same rules on any bytes (and on every byte value)', () => {
    // The straightforward form of CPython's bytes_repr, kept here as the reference.
    const reference = (data: Uint8Array) => {
      const quote = data.includes(0x27) && !data.includes(0x22) ? '"' : "'";
      let s = `b${quote}`;
      for (const c of data) {
        const ch = String.fromCharCode(c);
        if (ch === quote || ch === '\\') s += `\\${ch}`;
        else if (ch === '\t') s += '\\t';
        else if (ch === '\n') s += '\\n';
        else if (ch === '\r') s += '\\r';
        else if (c < 0x20 || c >= 0x7f) s += `\\x${c.toString(16).padStart(2, '0')}`;
        else s += ch;
      }
      return s + quote;
    };
    const every = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(pythonBytesRepr(every)).toBe(reference(every));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.constantFrom(0x27, 0x22, 0x5c, 0x41), (bytes, extra) => {
        const data = Uint8Array.from([...bytes, extra]);
        expect(pythonBytesRepr(data)).toBe(reference(data));
      }),
      { numRuns: 500 },
    );
  });

  it('legacy PAE keeps the raw payload length and the capital V', () => {
    const p = Buffer.from('{\n  "a": 1\n}');
    expect(legacyPae('application/vnd.in-toto+json', p).toString()).toBe(`DSSEV1 28 application/vnd.in-toto+json ${p.length} b'{\\n  "a": 1\\n}'`);
  });
});

describe('legacy statement reader', () => {
  const st = (subject: unknown) => ({ _type: 'https://in-toto.io/Statement/v1', predicateType: 'https://model_signing/Digests/v0.1', subject, predicate: { unused: 'x' } }) as never;
  const d = 'a'.repeat(64);

  it('turns subjects into sha256 file resources', () => {
    const r = readLegacyStatement(st([{ name: 'x/y', digest: { sha256: d }, annotations: { actual_hash_algorithm: 'file-sha256' } }, { name: 'z', digest: { sha256: d } }]));
    expect(r.format).toBe('legacy-v0.1');
    expect(r.rootDigest).toBeUndefined();
    expect(r.serialization).toEqual({ method: 'files', hash_type: 'sha256', allow_symlinks: false });
    expect(r.resources).toEqual([{ name: 'x/y', digest: d, algorithm: 'sha256' }, { name: 'z', digest: d, algorithm: 'sha256' }]);
  });

  it.each([
    ['no subjects', []],
    ['a bad digest', [{ name: 'a', digest: { sha256: 'zz' } }]],
    ['a name that is not a string', [{ name: 1, digest: { sha256: d } }]],
  ])('refuses %s', (_w, subject) => {
    expect(() => readLegacyStatement(st(subject))).toThrow(/legacy \(model_signing v0.2\) statement is malformed/);
  });

  it('refuses a hash it cannot reproduce', () => {
    expect(() => readLegacyStatement(st([{ name: 'a', digest: { sha256: d }, annotations: { actual_hash_algorithm: 'file-sha256-1000000' } }]))).toThrow(/only file-sha256 is supported/);
  });
});

describe('keyless endpoints', () => {
  it('defaults to public good, no TSA', () => {
    expect(keylessEndpoints({})).toEqual({ fulcioURL: 'https://fulcio.sigstore.dev', rekorURL: 'https://rekor.sigstore.dev', tsaURL: undefined });
  });
  it('--staging uses the staging instance, explicit URLs win', () => {
    expect(keylessEndpoints({ staging: true, rekorURL: 'http://127.0.0.1:1/' })).toEqual({
      fulcioURL: 'https://fulcio.sigstage.dev',
      rekorURL: 'http://127.0.0.1:1',
      tsaURL: 'https://timestamp.sigstage.dev/api/v1/timestamp',
    });
  });
  it('refuses non-http URLs', () => {
    expect(() => keylessEndpoints({ fulcioURL: 'file:///etc/passwd' })).toThrow(/must be an http\(s\) URL/);
  });
  it('refuses plain http except on loopback (the token would travel in clear)', () => {
    expect(() => keylessEndpoints({ fulcioURL: 'http://fulcio.example.com' })).toThrow(/must use https \(http is allowed only on loopback\)/);
    expect(keylessEndpoints({ fulcioURL: 'http://localhost:8080' }).fulcioURL).toBe('http://localhost:8080');
  });
});

describe('identity rules', () => {
  const usageCode = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      return e instanceof ModelsignError ? `${e.kind}:${e.code}` : String(e);
    }
    return 'no error';
  };
  it('no rule, or a rule without identity, is a usage error', async () => {
    expect(await usageCode(sigstoreTrust({ identities: [] }))).toBe('usage:MISSING_IDENTITY');
    expect(await usageCode(sigstoreTrust({ identities: [{ issuer: 'https://x' }] }))).toBe('usage:MISSING_IDENTITY');
  });
  it('identity and regexp together, or a broken regexp, are usage errors', async () => {
    expect(await usageCode(sigstoreTrust({ identities: [{ identity: 'a', identityRegExp: 'a' }] }))).toBe('usage:BAD_IDENTITY');
    expect(await usageCode(sigstoreTrust({ identities: [{ identityRegExp: '(' }] }))).toBe('usage:BAD_IDENTITY');
  });
});

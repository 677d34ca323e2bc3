/** The loop-based strict base64 check accepts exactly what the strict pattern accepts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, isStrictBase64 } from '../../src/util/base64.js';

const STRICT = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const chars = fc.constantFrom(...'AZaz09+/=-_ .!'.split(''), 'Q', 'w');

describe('strict base64', () => {
  it('agrees with the strict pattern on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 14 }).map((a) => a.join('')), (s) => {
        expect(isStrictBase64(s)).toBe(STRICT.test(s));
      }),
      { numRuns: 50_000 },
    );
  });

  it('accepts real encodings of any bytes and decodes them back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        const s = Buffer.from(b).toString('base64');
        expect(isStrictBase64(s)).toBe(true);
        expect(decodeBase64(s, 'x').equals(Buffer.from(b))).toBe(true);
      }),
    );
  });

  it('refuses junk that Buffer.from would skip, padding in the middle, url-safe letters', () => {
    for (const bad of ['QUJD!', 'QU=D', 'QUJ', 'Q===', 'QUJD-_8=', 'QUJD====']) {
      expect(() => decodeBase64(bad, 'payload')).toThrow(/payload is not valid base64/);
    }
    expect(decodeBase64('QU JD\n', 'x').toString()).toBe('ABC');
  });
});

/** decodeBase64: strict, and linear on large inputs (a large signature must not crash verify). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ModelsignError } from '../../src/errors.js';
import { decodeBase64 } from '../../src/util/base64.js';

describe('decodeBase64', () => {
  it('decodes a 30 MB payload and refuses a 30 MB one with junk at the end (no stack overflow)', () => {
    const big = Buffer.alloc(22_500_000, 7);
    const text = big.toString('base64');
    expect(decodeBase64(text, 'payload').equals(big)).toBe(true);
    expect(() => decodeBase64(`${text.slice(0, -4)}AA!A`, 'payload')).toThrow(ModelsignError);
  });

  it('accepts exactly what round-trips through standard base64 (whitespace ignored)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        const t = Buffer.from(b).toString('base64');
        expect(decodeBase64(t.replace(/(.{4})/g, '$1\n'), 'x').equals(Buffer.from(b))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses junk, URL-safe alphabet, missing or misplaced padding', () => {
    for (const bad of ['A', 'AB', 'ABC', 'AB=C', 'A===', '-_AA', 'AAAA=', 'AA=A', '=AAA', 'AAA*']) {
      expect(() => decodeBase64(bad, 'x'), bad).toThrow(/not valid base64/);
    }
  });
});

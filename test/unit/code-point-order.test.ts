/** The fast code-point comparison must order exactly as comparing whole code points does. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints } from '../../src/hashing/paths.js';

/** The obvious definition: walk both strings by code point (lone surrogates count as themselves). */
function byCodePoints(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return Math.sign(x.length - y.length);
}

// Characters around the places where UTF-16 order and code-point order disagree.
const tricky = fc.constantFrom('a', 'z', '/', '.', '\u00e9', '\ud7ff', '\ue000', '\uffff', '\ufffd', '\u{10000}', '\u{1f600}', '\u{10ffff}', '\ud800', '\udbff', '\udc00', '\udfff');
const name = fc.array(fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 2 })), { maxLength: 8 }).map((p) => p.join(''));

describe('compareCodePoints', () => {
  it('agrees with a code-point walk on any pair of strings', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(byCodePoints(a, b));
      }),
      { numRuns: 20_000 },
    );
  });

  it('puts characters above U+FFFF after U+E000..U+FFFF (where UTF-16 order differs)', () => {
    const names = ['\u{1f600}.bin', '\uffff.bin', '\ue000.bin', 'a.bin'];
    expect([...names].sort(compareCodePoints)).toEqual(['a.bin', '\ue000.bin', '\uffff.bin', '\u{1f600}.bin']);
    expect([...names].sort()).not.toEqual([...names].sort(compareCodePoints));
  });
});

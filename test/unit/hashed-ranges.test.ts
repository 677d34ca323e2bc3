/**
 * The table of hashed ranges by file: one range per file kept as it is, a second one turning
 * it into a list, a range set again replacing its outcome, and a file failed whole.
 */
import { describe, expect, it } from 'vitest';
import { HashedRanges, lookupRange } from '../../src/source/ranges.js';

const ok = (d: string) => ({ ok: true as const, digest: d });
const bad = { ok: false as const, code: 'FILE_CHANGED' as const, message: 'changed' };

describe('HashedRanges', () => {
  it('keeps one range, then several, for a file; unknown ranges and files are absent', () => {
    const h = new HashedRanges();
    h.set('a', 0, 5, ok('1'));
    expect(h.get('a', 0, 5)).toEqual(ok('1'));
    expect(h.get('a', 0, 6)).toBeUndefined();
    expect(h.get('b', 0, 5)).toBeUndefined();
    h.set('a', 5, 9, ok('2'));
    expect(h.of('a')).toEqual([{ start: 0, end: 5, outcome: ok('1') }, { start: 5, end: 9, outcome: ok('2') }]);
    expect(h.has('a', 5, 9)).toBe(true);
    expect(lookupRange(h, 'a', 9, 12)).toMatchObject({ ok: false, code: 'FILE_CHANGED' });
  });

  it('a range set again takes the new outcome, whether the file has one range or several', () => {
    const h = new HashedRanges();
    h.set('one', 0, 3, ok('x'));
    h.set('one', 0, 3, ok('y'));
    expect(h.of('one')).toEqual([{ start: 0, end: 3, outcome: ok('y') }]);
    h.set('two', 0, 3, ok('x'));
    h.set('two', 3, 6, ok('x'));
    h.set('two', 3, 6, ok('z'));
    expect(h.get('two', 3, 6)).toEqual(ok('z'));
    expect(h.of('two')).toHaveLength(2);
  });

  it('failAll fails every range of a file, a lone range too, and no other file', () => {
    const h = new HashedRanges();
    h.set('lone', 0, 3, ok('x'));
    h.set('many', 0, 3, ok('x'));
    h.set('many', 3, 6, ok('x'));
    h.set('other', 0, 3, ok('x'));
    h.failAll('lone', bad);
    h.failAll('many', bad);
    expect(h.get('lone', 0, 3)).toEqual(bad);
    expect(h.of('many').map((r) => r.outcome)).toEqual([bad, bad]);
    expect(h.get('other', 0, 3)).toEqual(ok('x'));
  });
});

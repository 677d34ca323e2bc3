/** Property tests of resource-name handling (src/hashing/paths.ts, src/verify/names.ts). */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, effectiveIgnores, isIgnored, unsafeNameReason } from '../../src/hashing/paths.js';
import { checkResourceNames } from '../../src/verify/names.js';

/** Names built from the pieces traversal tricks are made of, and arbitrary text. */
const piece = fc.oneof(
  fc.constantFrom('', '.', '..', '...', '.hidden', 'a', 'B', 'C:', 'c:', '\\', '..\\..', '\u0000', '\u001f', '\u007f', 'caf\u00e9', 'cafe\u0301', '~', ':', 'x:y', '%2e%2e', '\u2024\u2024', '\uff0e\uff0e'),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const hostileName = fc.tuple(fc.boolean(), fc.array(piece, { minLength: 1, maxLength: 6 })).map(([abs, ps]) => (abs ? '/' : '') + ps.join('/'));

const RUNS = { numRuns: 1000 };

describe('unsafeNameReason', () => {
  it('a name it accepts, joined to a root, stays strictly inside the root (POSIX and Windows rules)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(hostileName, (name) => {
        if (unsafeNameReason(name) !== undefined) return;
        accepted++;
        for (const [p, root] of [
          [path.posix, '/srv/model'],
          [path.win32, 'C:\\srv\\model'],
        ] as const) {
          const joined = p.join(root, name);
          const rel = p.relative(root, joined);
          const escapes = rel === '' || rel === '..' || rel.startsWith(`..${p.sep}`) || p.isAbsolute(rel);
          expect(escapes, `${JSON.stringify(name)} -> ${joined}`).toBe(false);
          // Windows trims trailing dots and spaces from segments: none may become "." or "..".
          for (const seg of name.split('/')) expect(/^[. ]+$/.test(seg), JSON.stringify(name)).toBe(false);
          expect(p.resolve(root, name)).toBe(joined);
        }
      }),
      RUNS,
    );
    // The generator must actually exercise the accepting branch.
    expect(accepted).toBeGreaterThan(50);
  });

  it('accepts exactly the clean relative POSIX names', () => {
    fc.assert(
      fc.property(hostileName, (name) => {
        const segs = name.split('/');
        const clean =
          name.length > 0 &&
          name.length <= 4096 &&
          !name.startsWith('/') &&
          !/^[A-Za-z]:/.test(name) &&
          !name.includes('\\') &&
          // eslint-disable-next-line no-control-regex -- the oracle refuses control characters, as the code under test does
          !/[\u0000-\u001f\u007f]/.test(name) &&
          segs.every((s) => s !== '' && !/^[. ]+$/.test(s));
        expect(unsafeNameReason(name) === undefined).toBe(clean);
      }),
      RUNS,
    );
  });
});

describe('checkResourceNames', () => {
  it('passes a list only if its names are safe and distinct even after NFC and case folding', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(hostileName, fc.constantFrom('a', 'A', 'caf\u00e9', 'cafe\u0301', 'CAF\u00c9', 'x/y', 'X/Y')), { maxLength: 8 }), (names) => {
        const failures = checkResourceNames(names);
        const folded = names.map((n) => n.normalize('NFC').toLowerCase());
        // A lone "." is model_signing's name for the one file of a single-file model: allowed.
        const singleFile = names.length === 1 && names[0] === '.';
        const ok = singleFile || (names.every((n) => unsafeNameReason(n) === undefined) && new Set(folded).size === names.length);
        expect(failures.length === 0).toBe(ok);
        for (const f of failures) expect(['UNSAFE_NAME', 'DUPLICATE_NAME', 'NAME_COLLISION']).toContain(f.code);
      }),
      RUNS,
    );
  });
});

describe('compareCodePoints', () => {
  it('orders like the UTF-8 bytes (the OMS code-point order), and is a total order', () => {
    const s = fc.string({ unit: 'binary', maxLength: 6 });
    fc.assert(
      fc.property(s, s, s, (a, b, c) => {
        const sign = (x: number) => Math.sign(x) + 0; // no -0
        expect(sign(compareCodePoints(a, b))).toBe(sign(Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))));
        expect(sign(compareCodePoints(a, b))).toBe(sign(-compareCodePoints(b, a)));
        if (compareCodePoints(a, b) <= 0 && compareCodePoints(b, c) <= 0) expect(compareCodePoints(a, c)).toBeLessThanOrEqual(0);
      }),
      RUNS,
    );
  });
});

describe('isIgnored', () => {
  it('ignores a path itself and what lies below it, never a sibling sharing a prefix', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-c][a-c.]{0,2}$/), { minLength: 1, maxLength: 4 }), fc.array(fc.stringMatching(/^[a-c][a-c.]{0,2}$/), { minLength: 1, maxLength: 4 }), (n, p) => {
        const name = n.join('/');
        const ig = p.join('/');
        const expected = name === ig || (name.split('/').length > ig.split('/').length && n.slice(0, p.length).join('/') === ig);
        expect(isIgnored(name, [ig])).toBe(expected);
      }),
      RUNS,
    );
  });
});

describe('effectiveIgnores: the signature file', () => {
  it('is left out when it lies inside the model, even under a name starting with ".."', () => {
    expect(effectiveIgnores('/m', '/m/..x.sig', undefined, [])).toContain('..x.sig');
    expect(effectiveIgnores('/m', '/m/sub/model.sig', undefined, [])).toContain('sub/model.sig');
  });
  it('adds nothing when it lies outside the model', () => {
    const base = effectiveIgnores('/m', '/elsewhere/model.sig', undefined, []);
    expect(effectiveIgnores('/m', '/m.sig', undefined, [])).toEqual(base);
    expect(effectiveIgnores('/m/sub', '/m/x.sig', undefined, [])).toEqual(base);
    expect(base.some((p) => p.endsWith('.sig') && p !== 'model.sig')).toBe(false);
  });
});

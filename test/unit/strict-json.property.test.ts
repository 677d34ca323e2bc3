/** Property tests of the strict JSON reader (src/util/strict-json.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ModelsignError } from '../../src/errors.js';
import { parseStrictJson } from '../../src/util/strict-json.js';

const RUNS = { numRuns: 500 };

/** Parse, and fail the property on anything thrown that is not a ModelsignError. */
function parseOrModelsignError(text: string): { ok: true; value: unknown } | { ok: false; error: ModelsignError } {
  try {
    return { ok: true, value: parseStrictJson(text, { what: 'test', code: 'STATEMENT_MALFORMED' }) };
  } catch (e) {
    if (!(e instanceof ModelsignError)) throw e;
    expect(e.code).toBe('STATEMENT_MALFORMED');
    expect(e.kind).toBe('reject');
    return { ok: false, error: e };
  }
}

/** A JSON string with every character of `s` written as \uXXXX or as itself, at random. */
const escapedKey = (s: string) =>
  fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).map(
    (esc) =>
      '"' +
      [...s]
        .map((ch, i) => {
          const code = ch.charCodeAt(0);
          if (esc[i] || code < 0x20 || ch === '"' || ch === '\\') {
            return [...ch].map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
          }
          return ch;
        })
        .join('') +
      '"',
  );

describe('parseStrictJson', () => {
  it('agrees with JSON.parse on valid JSON without duplicate keys (compact and indented)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), (v, pretty) => {
        const text = JSON.stringify(v, null, pretty ? 2 : undefined);
        const r = parseOrModelsignError(text);
        expect(r.ok).toBe(true);
        if (r.ok) expect(JSON.stringify(r.value)).toBe(JSON.stringify(JSON.parse(text)));
      }),
      RUNS,
    );
  });

  it('never throws anything but ModelsignError, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        parseOrModelsignError(s);
      }),
      RUNS,
    );
  });

  it('never throws anything but ModelsignError on mutated valid JSON, and accepts only what JSON.parse accepts', () => {
    const mutated = fc
      .tuple(fc.json({ maxDepth: 4 }), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom('{', '}', '[', ']', '"', '\\', ',', ':', '0', '-', 'e', 'u', ' ', 'n', '\u0000')), { maxLength: 4 }))
      .map(([text, edits]) => {
        let t = text;
        for (const [pos, op, ch] of edits) {
          const p = t.length === 0 ? 0 : pos % t.length;
          t = op === 0 ? t.slice(0, p) + t.slice(p + 1) : op === 1 ? t.slice(0, p) + ch + t.slice(p) : op === 2 ? t.slice(0, p) + ch + t.slice(p + 1) : t.slice(0, p);
        }
        return t;
      });
    fc.assert(
      fc.property(mutated, (t) => {
        const r = parseOrModelsignError(t);
        if (r.ok) {
          // Whatever we accept is valid JSON meaning the same thing.
          expect(JSON.stringify(r.value)).toBe(JSON.stringify(JSON.parse(t)));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('rejects a duplicate key at any depth, including one spelled with \\u escapes', () => {
    const dup = fc
      .record({
        key: fc.string({ maxLength: 8 }),
        v1: fc.jsonValue({ maxDepth: 2 }),
        v2: fc.jsonValue({ maxDepth: 2 }),
        others: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }),
        wrap: fc.array(fc.oneof(fc.constant('array'), fc.string({ maxLength: 5 })), { maxLength: 5 }),
      })
      .chain((r) => fc.tuple(fc.constant(r), escapedKey(r.key), escapedKey(r.key)));
    fc.assert(
      fc.property(dup, ([r, k1, k2]) => {
        const rest = Object.entries(r.others)
          .filter(([k]) => k !== r.key)
          .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
        let text = `{${[`${k1}:${JSON.stringify(r.v1)}`, ...rest, `${k2}:${JSON.stringify(r.v2)}`].join(',')}}`;
        for (const w of r.wrap) text = w === 'array' ? `[1,${text}]` : `{${JSON.stringify(w)}:${text}}`;
        // JSON.parse accepts it (keeping the last value): two readers, two meanings.
        expect(() => JSON.parse(text)).not.toThrow();
        const out = parseOrModelsignError(text);
        expect(out.ok).toBe(false);
        if (!out.ok) expect(out.error.message).toMatch(/duplicate key/);
      }),
      RUNS,
    );
  });

  it('bounds nesting: deeper than the limit is refused without exhausting the stack', () => {
    fc.assert(
      fc.property(fc.integer({ min: 65, max: 50_000 }), fc.constantFrom('[', '{"a":'), (depth, open) => {
        const close = open === '[' ? ']' : '}';
        const r = parseOrModelsignError(open.repeat(depth) + '0' + close.repeat(depth));
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.message).toMatch(/nesting deeper than 64/);
      }),
      { numRuns: 200 },
    );
  });

  it('"__proto__" and "constructor" keys are plain data, not prototype changes', () => {
    fc.assert(
      fc.property(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.jsonValue({ maxDepth: 2 }), (k, v) => {
        const r = parseOrModelsignError(`{${JSON.stringify(k)}:${JSON.stringify(v)}}`);
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect(Object.getPrototypeOf(r.value)).toBe(null);
          expect(Object.keys(r.value as object)).toEqual([k]);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseStrictJson strings (fast path and escapes)', () => {
  const parse = (t: string) => parseStrictJson(t, { what: 'test', code: 'STATEMENT_MALFORMED' });
  const err = (t: string) => {
    try {
      parse(t);
    } catch (e) {
      return (e as Error).message;
    }
    return 'no error';
  };
  it('reads plain strings, escapes after a long plain run, and an escaped quote before the real end', () => {
    const long = 'A'.repeat(100_000);
    expect(parse(`"${long}"`)).toBe(long);
    expect(parse(`["${long}\\n\\u00e9\\"x"]`)).toEqual([`${long}\n\u00e9"x`]);
    expect(parse('{"a\\"b":"c"}')).toEqual({ 'a"b': 'c' });
  });
  it('refuses raw control characters and bad escapes, and names the offset', () => {
    expect(err('"ab\tc"')).toBe('test is not valid JSON: control character in string at offset 3');
    expect(err('"ab\\qc"')).toBe('test is not valid JSON: bad escape at offset 5');
    expect(err('"abc')).toBe('test is not valid JSON: unterminated string at offset 4');
    expect(err('"ab\\"')).toBe('test is not valid JSON: unterminated string at offset 5');
  });
});

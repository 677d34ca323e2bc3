/**
 * One registry of codes (src/codes.ts): every code the sources can emit is registered, no
 * code is registered twice, and docs/cli.md lists exactly the registry.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_AREAS, isCode } from '../../src/codes.js';
import { ROOT } from '../helpers/cli.js';
// @ts-expect-error: a plain .mjs script without type declarations
import { DOC, withCodes } from '../../scripts/codes-doc.mjs';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Strings in the places a code is written: reject/usage/new ModelsignError, `code: '...'`, code tables. */
const CODE_SITES = [/\b(?:reject|usage)\(\s*'([A-Z][A-Z0-9_]+)'/g, /new ModelsignError\(\s*'([A-Z][A-Z0-9_]+)'/g, /\bcode: '([A-Z][A-Z0-9_]+)'/g, /\bcode: ([A-Z_]+) \?/g];

describe('the code registry', () => {
  it('registers every code written in the sources', () => {
    const unregistered: string[] = [];
    for (const file of sources(path.join(ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const re of CODE_SITES) {
        for (const m of text.matchAll(re)) if (!isCode(m[1]!) && !(m[1]! in CODE_AREAS.notices)) unregistered.push(`${path.relative(ROOT, file)}: ${m[1]}`);
      }
    }
    expect(unregistered).toEqual([]);
  });

  it('holds each code in one area only', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [area, codes] of Object.entries(CODE_AREAS)) {
      for (const code of Object.keys(codes)) {
        if (seen.has(code)) twice.push(`${code} in ${seen.get(code)} and ${area}`);
        seen.set(code, area);
      }
    }
    expect(twice).toEqual([]);
  });

  it('docs/cli.md lists exactly the registry (run `npm run docs:codes` after changing it)', () => {
    const doc = readFileSync(DOC, 'utf8');
    expect(withCodes(doc, CODE_AREAS)).toBe(doc);
  });

  it('a string that is not a registered code is refused by isCode', () => {
    expect(isCode('FILE_CHANGED')).toBe(true);
    expect(isCode('FILE_CHANGEDX')).toBe(false);
    expect(isCode('ANY_ISSUER')).toBe(false); // a notice, not an error or failure code
  });
});

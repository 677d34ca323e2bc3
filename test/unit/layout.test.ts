/**
 * The shape of the sources: each folder of src/ starts with a module comment that states its
 * seam, the library never imports its clients (src/cli, src/action), and no comment or test
 * name speaks of issues or reviews instead of behaviour.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? [p, ...walk(p)] : [];
  });
}

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(n) ? [p] : [];
  });
}

const SRC = path.join(ROOT, 'src');
/** Folders whose entry is not index.ts: the two clients start at main.ts; type declarations only. */
const ENTRY: Record<string, string> = { cli: 'main.ts', action: 'main.ts' };
const DECLARATIONS_ONLY = new Set(['types']);

describe('the source tree', () => {
  it('every folder of src/ has an entry module that opens with a comment stating its seam', () => {
    const missing: string[] = [];
    for (const dir of walk(SRC)) {
      const rel = path.relative(SRC, dir);
      if (DECLARATIONS_ONLY.has(rel)) continue;
      const entry = path.join(dir, ENTRY[rel] ?? 'index.ts');
      let text = '';
      try {
        text = readFileSync(entry, 'utf8').replace(/^#!.*\n/, '');
      } catch {
        missing.push(`${rel}: no ${path.basename(entry)}`);
        continue;
      }
      if (!/^\/\*\*\n( \*.*\n){2,}/.test(text)) missing.push(`${rel}: ${path.basename(entry)} does not open with a module comment`);
    }
    expect(missing).toEqual([]);
  });

  it('nothing outside src/cli and src/action imports them', () => {
    const offenders: string[] = [];
    for (const f of files(SRC, /\.ts$/)) {
      const rel = path.relative(SRC, f);
      if (rel.startsWith('cli/') || rel.startsWith('action/')) continue;
      if (/from '(\.\.\/)+(cli|action)\/|import\('(\.\.\/)+(cli|action)\//.test(readFileSync(f, 'utf8'))) offenders.push(rel);
    }
    expect(offenders).toEqual([]);
  });

  it('comments and test names speak of behaviour, not of issues, reviews or fixes', () => {
    const offenders: string[] = [];
    const self = path.join(ROOT, 'test/unit/layout.test.ts'); // its own pattern names the words
    for (const f of [...files(SRC, /\.ts$/), ...files(path.join(ROOT, 'test'), /\.(ts|py)$/)].filter((x) => x !== self)) {
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/\bissue \d+|\(issue \d|\breview\b|fixed here/i.test(line)) offenders.push(`${path.relative(ROOT, f)}:${i + 1}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});

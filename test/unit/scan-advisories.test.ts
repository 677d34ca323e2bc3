/**
 * The regression corpus of published pickle-scanner bypasses (test/helpers/advisories.ts):
 * each case, built as test data, is refused by the scanner with the expected findings, and
 * docs/scanning.md lists each one with its advisory.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanFile } from '../../src/scan/scan-file.js';
import { DEFAULT_LIMITS, severityRank } from '../../src/scan/types.js';
import { ADVISORY_CASES } from '../helpers/advisories.js';
import { cleanupTmp, ROOT, tmpDir } from '../helpers/cli.js';

let dir: string;
beforeAll(async () => {
  dir = await tmpDir('modelsign-advisories-');
});
afterAll(cleanupTmp);

describe('published scanner bypasses are refused', () => {
  it.each(ADVISORY_CASES.map((c, i) => ({ ...c, i })))('$id: $what ($file)', async (c) => {
    const f = path.join(dir, `${c.i}-${c.file}`);
    await writeFile(f, c.bytes());
    const r = await scanFile(f, c.file, DEFAULT_LIMITS);
    const codes = r.findings.map((x) => x.code);
    for (const code of c.codes) expect(codes, JSON.stringify(r.findings)).toContain(code);
    const flagged = r.findings.filter((x) => x.global !== undefined).map((x) => x.global);
    for (const g of c.globals ?? []) expect(flagged, JSON.stringify(r.findings)).toContain(g);
    // Dangerous globals are critical; an import no list names is medium (allow-list first); nothing passes.
    for (const x of r.findings.filter((y) => y.code === 'PICKLE_DANGEROUS_GLOBAL')) expect(x.severity).toBe('critical');
    const worst = Math.max(...r.findings.map((x) => severityRank(x.severity)));
    expect(worst).toBeGreaterThanOrEqual(severityRank(codes.every((x) => x === 'PICKLE_UNKNOWN_GLOBAL') ? 'medium' : 'high'));
  });
});

describe('docs/scanning.md', () => {
  it('lists every case of the corpus with its advisory', async () => {
    const doc = await readFile(path.join(ROOT, 'docs/scanning.md'), 'utf8');
    for (const c of ADVISORY_CASES) {
      expect(doc, c.id).toContain(`[${c.id}](${c.url})`);
      expect(doc, c.what).toContain(`| ${c.what} |`);
    }
  });
});

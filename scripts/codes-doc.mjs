#!/usr/bin/env node
/**
 * The code tables of docs/cli.md, generated from src/codes.ts (through dist/codes.js):
 *   node scripts/codes-doc.mjs          rewrite the section between the markers
 *   node scripts/codes-doc.mjs --check  exit 1 when the docs differ from the registry
 * test/unit/codes.test.ts runs the check.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DOC = path.join(ROOT, 'docs/cli.md');
export const START = '<!-- codes:start (generated from src/codes.ts by scripts/codes-doc.mjs; do not edit) -->';
export const END = '<!-- codes:end -->';

const TITLES = {
  usage: 'Usage (exit 2)',
  model: 'The model and its files (exit 1; sign and digest: exit 2)',
  signature: 'The signature and its signer (exit 1)',
  keys: 'Keys and passphrases (exit 2)',
  lineage: 'Lineage, anti-rollback and revocation (exit 1; an unreadable store or state file: exit 2)',
  policy: 'Policy (exit 1; an invalid or unreadable policy: exit 2)',
  scan: 'Formats and scanning (exit 1)',
  findings: 'Scanner findings (in `scan` reports and `SCAN_FINDING` messages)',
  audit: 'Audit log (exit 1 when the chain is broken; exit 2 when it cannot be read or written)',
  drill: 'Attack drill (exit 1)',
  internal: 'Internal (exit 3)',
  notices: 'Notes and warnings (never change the exit code)',
};

/** The generated section for the registry's areas. */
export function renderCodes(areas) {
  const out = [START, ''];
  for (const [area, codes] of Object.entries(areas)) {
    out.push(`### ${TITLES[area] ?? area}`, '', '| code | meaning |', '| --- | --- |');
    for (const [code, meaning] of Object.entries(codes)) out.push(`| \`${code}\` | ${meaning.replace(/\|/g, '\\|')} |`);
    out.push('');
  }
  out.push(END);
  return out.join('\n');
}

/** docs/cli.md with its generated section replaced. */
export function withCodes(doc, areas) {
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${DOC} has no ${START} ... ${END} section`);
  return doc.slice(0, a) + renderCodes(areas) + doc.slice(b + END.length);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { CODE_AREAS } = await import(pathToFileURL(path.join(ROOT, 'dist/codes.js')).href);
  const doc = readFileSync(DOC, 'utf8');
  const next = withCodes(doc, CODE_AREAS);
  if (process.argv.includes('--check')) {
    if (next !== doc) {
      console.error('docs/cli.md code tables differ from src/codes.ts: run `npm run docs:codes`');
      process.exit(1);
    }
  } else {
    writeFileSync(DOC, next);
  }
}

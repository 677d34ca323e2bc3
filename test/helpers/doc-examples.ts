/**
 * Reading a doc's examples and samples for tests: the command lines of the fenced block after
 * `<!-- examples: NAME`, and whether real output matches a sample that shortens digests.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './cli.js';

/** The fenced blocks of docs/DOC, in order (their text, without the fences). */
export async function docBlocks(doc: string): Promise<{ text: string; before: string }[]> {
  const text = await readFile(path.join(ROOT, 'docs', doc), 'utf8');
  const out: { text: string; before: string }[] = [];
  for (const m of text.matchAll(/```[a-z]*\n([\s\S]*?)```/g)) out.push({ text: m[1]!, before: text.slice(Math.max(0, m.index! - 400), m.index!) });
  return out;
}

/**
 * The commands of the block after `<!-- examples: NAME`, each as argv: continuation lines
 * joined, `#` comment lines dropped, single quotes keeping a word whole.
 */
export async function docExamples(doc: string, name: string): Promise<{ line: string; argv: string[] }[]> {
  const text = await readFile(path.join(ROOT, 'docs', doc), 'utf8');
  const at = text.indexOf(`<!-- examples: ${name}`);
  if (at < 0) throw new Error(`${doc} has no "${name}" examples`);
  const block = /```[a-z]*\n([\s\S]*?)```/.exec(text.slice(at))![1]!;
  return block
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.trim().startsWith('#'))
    .map((line) => ({ line, argv: [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!) }));
}

/**
 * Whether `actual` is what `sample` shows, where the sample shortens: `<hex>...` stands for any
 * hex digits, `<hex>…` for a digest prefix as modelsign prints it, and other `...` for anything
 * on the line.
 */
export function matchesSample(sample: string, actual: string): boolean {
  const parts = sample.split(/([0-9a-f]*\.\.\.|[0-9a-f]+…)/);
  const re = parts
    .map((p, i) => {
      if (i % 2 === 0) return p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (p.endsWith('…')) return '[0-9a-f]+…';
      return p === '...' ? '[^\\n]*?' : '[0-9a-f]+';
    })
    .join('');
  return new RegExp(`^${re}$`).test(actual);
}

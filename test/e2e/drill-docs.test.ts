/**
 * docs/drill.md as written: every command of its examples block runs in a directory holding
 * the files the block names and exits with the code its "# exit N" says; the policy it shows
 * is the one used; the outputs it shows are what the drill prints (key hints aside); and the
 * user's files are left as they were.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTmp, ROOT, runCli, tmpDir, type Json } from '../helpers/cli.js';

let doc: string;
let work: string;

/** The fenced block after the first `<!-- KIND: ...` marker whose text starts with `label`. */
function block(kind: string, label: string): string {
  const at = doc.indexOf(`<!-- ${kind}: ${label}`);
  expect(at, `docs/drill.md has no "${kind}: ${label}" block`).toBeGreaterThanOrEqual(0);
  return /```[a-z]*\n([\s\S]*?)```/.exec(doc.slice(at))![1]!;
}

/** VAR=value prefixes, the words, and the exit code its `# exit N` comment names. */
function parseLine(line: string): { env: Record<string, string>; argv: string[]; exit: number } {
  const m = /^(.*?)\s+# exit (\d)\s*$/.exec(line);
  expect(m, `"${line}" has no "# exit N"`).not.toBeNull();
  const words = m![1]!.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (words.length > 0 && /^[A-Z][A-Z0-9_]*=/.test(words[0]!)) {
    const [k, ...v] = words.shift()!.split('=');
    env[k!] = v.join('=');
  }
  expect(words[0], line).toBe('modelsign');
  return { env, argv: words.slice(1), exit: Number(m![2]) };
}

/** Key hints differ run to run (the throwaway key is new each time). */
const hints = (s: string) => s.replace(/[0-9a-f]{16}…/g, 'HINT…');

beforeAll(async () => {
  doc = await readFile(path.join(ROOT, 'docs', 'drill.md'), 'utf8');
  work = await tmpDir('modelsign-drill-docs-');
  await mkdir(path.join(work, 'keys'));
  await mkdir(path.join(work, 'manifests'));
  await writeFile(path.join(work, 'revoked.txt'), '');
  await writeFile(path.join(work, 'policy.yaml'), block('file', 'policy.yaml'));
  const rel = await runCli(['keygen', '--out', 'keys/release'], { cwd: work, env: { MODELSIGN_PASSPHRASE: '...' } });
  expect(rel.code, rel.stderr).toBe(0);
  const other = await runCli(['keygen', '--out', 'keys/other', '--unencrypted'], { cwd: work });
  expect(other.code, other.stderr).toBe(0);
});
afterAll(cleanupTmp);

describe('docs/drill.md', () => {
  it('every example runs as written and exits as it says; the files it names are left as they were', async () => {
    const lines = block('examples', 'drill').split('\n').filter((l) => l.trim() !== '');
    expect(lines.length).toBeGreaterThanOrEqual(5);
    const policy = await readFile(path.join(work, 'policy.yaml'), 'utf8');
    for (const line of lines) {
      const { env, argv, exit } = parseLine(line);
      const r = await runCli(argv, { cwd: work, env });
      expect(r.code, `${line}\n${r.stdout}\n${r.stderr}`).toBe(exit);
    }
    expect(existsSync(path.join(work, 'state.json'))).toBe(false);
    expect(await readdir(path.join(work, 'manifests'))).toEqual([]);
    expect(await readFile(path.join(work, 'revoked.txt'), 'utf8')).toBe('');
    expect(await readFile(path.join(work, 'policy.yaml'), 'utf8')).toBe(policy);
  });

  it('the report shown for --key alone is what the drill prints (stderr and stdout, as a terminal shows them)', async () => {
    const shown = block('output', 'modelsign drill --key keys/release.pub (stderr').trimEnd().split('\n');
    const r = await runCli(['drill', '--key', 'keys/release.pub'], { cwd: work });
    const err = r.stderr.trimEnd().split('\n');
    const printed = [err[0]!, ...r.stdout.trimEnd().split('\n'), ...err.slice(1)];
    expect(printed.map(hints)).toEqual(shown.map(hints));
  });

  it('the baseline refusal shown is the last line the drill prints on stderr', async () => {
    const shown = block('output', 'modelsign drill --key keys/release.pub --signing-key keys/other.key').trimEnd();
    const r = await runCli(['drill', '--key', 'keys/release.pub', '--signing-key', 'keys/other.key'], { cwd: work });
    expect(r.code).toBe(2);
    expect(hints(r.stderr.trimEnd().split('\n').at(-1)!)).toBe(hints(shown));
  });

  it('the --json attack shown is the one the drill reports', async () => {
    const shown = JSON.parse(block('json', 'modelsign drill --key keys/release.pub --json')) as { id: string };
    const r = await runCli(['drill', '--key', 'keys/release.pub', '--json'], { cwd: work });
    const j = JSON.parse(r.stdout) as Json;
    expect((j.attacks as { id: string }[]).find((a) => a.id === shown.id)).toEqual(shown);
  });
});

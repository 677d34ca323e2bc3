/**
 * Every example of docs/huggingface.md, run as written, in order, each ```sh block in its own
 * shell: `modelsign` is the built CLI, `hf` an offline stand-in that writes what huggingface_hub
 * writes (test/helpers/fake-hf.ts), `git` and `git lfs` are the real ones, with
 * https://huggingface.co/ redirected to a local bare repository. Absolute paths of the init
 * container example (/models, /keys) are moved under the test's directory. A line marked
 * `# exit N` must exit N; every other line must succeed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, cleanupTmp, tmpDir } from '../helpers/cli.js';
import { sampleRepo } from '../helpers/hf-hub.js';

const hasGitLfs = spawnSync('git', ['lfs', 'version']).status === 0;
if (process.env.TEST_REQUIRE_GIT_LFS === '1' && !hasGitLfs) throw new Error('git lfs is not installed (TEST_REQUIRE_GIT_LFS=1)');

const doc = readFileSync(path.join(ROOT, 'docs', 'huggingface.md'), 'utf8');

/** The ```sh blocks under each "## " or "### " heading, in document order. */
function examples(): { heading: string; script: string }[] {
  const out: { heading: string; script: string }[] = [];
  let heading = '';
  for (const part of doc.split(/^(#{2,3} .*)$/m)) {
    if (/^#{2,3} /.test(part)) heading = part.replace(/^#+ /, '');
    else for (const m of part.matchAll(/```sh\n([\s\S]*?)```/g)) out.push({ heading, script: m[1]! });
  }
  return out;
}

/** The script with `# exit N` lines checked for that exit code, and /models and /keys under `base`. */
function runnable(script: string, base: string): string {
  const lines = script
    .replace(/(?<=[\s=])\/(models|keys)\b/g, `${base}/$1`)
    .split('\n')
    .map((line) => {
      const want = /#\s*exit (\d+)/.exec(line)?.[1];
      if (want === undefined) return line;
      const cmd = line.slice(0, line.indexOf('#')).trim();
      return `set +e; ${cmd}; rc=$?; set -e; [ "$rc" -eq ${want} ] || { echo "expected exit ${want}, got $rc: ${cmd.replace(/"/g, '')}" >&2; exit 99; }`;
    });
  return ['set -euo pipefail', ...lines].join('\n');
}

let work: string;
let env: Record<string, string>;
const run = (script: string) => spawnSync('bash', ['-c', runnable(script, work)], { cwd: path.join(work, 'run'), env, encoding: 'utf8', timeout: 60_000 });

beforeAll(async () => {
  work = await tmpDir('modelsign-hfdocs-');
  for (const d of ['bin', 'run', 'home', 'keys', 'fakehub/acme/tiny-llm', 'git']) mkdirSync(path.join(work, d), { recursive: true });
  await build({ entryPoints: [path.join(ROOT, 'test', 'helpers', 'fake-hf.ts')], bundle: true, platform: 'node', format: 'esm', outfile: path.join(work, 'fake-hf.mjs'), logLevel: 'silent' });
  const shim = (name: string, target: string) => {
    writeFileSync(path.join(work, 'bin', name), `#!/bin/sh\nexec "${process.execPath}" "${target}" "$@"\n`);
    chmodSync(path.join(work, 'bin', name), 0o755);
  };
  shim('hf', path.join(work, 'fake-hf.mjs'));
  shim('modelsign', CLI);
  for (const f of sampleRepo()) {
    mkdirSync(path.dirname(path.join(work, 'fakehub/acme/tiny-llm', f.path)), { recursive: true });
    writeFileSync(path.join(work, 'fakehub/acme/tiny-llm', f.path), f.content);
  }
  env = { PATH: `${path.join(work, 'bin')}:${process.env.PATH}`, HOME: path.join(work, 'home'), FAKE_HF_HUB: path.join(work, 'fakehub'), GIT_CONFIG_NOSYSTEM: '1', MODELSIGN_PROGRESS: 'off' };
  execFileSync(process.execPath, [CLI, 'keygen', '--out', path.join(work, 'run', 'release'), '--unencrypted'], { stdio: 'ignore' });
  cpSync(path.join(work, 'run', 'release.pub'), path.join(work, 'keys', 'release.pub'));
});
afterAll(cleanupTmp);

/** The Hub repo as a git repository with LFS, where `git clone https://huggingface.co/acme/tiny-llm` finds it. */
function publishGitRepo(): void {
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env, stdio: 'pipe' });
  const src = path.join(work, 'git-src');
  cpSync(path.join(work, 'fakehub', 'acme', 'tiny-llm'), src, { recursive: true });
  git(work, 'config', '--global', 'user.email', 'release@example.com');
  git(work, 'config', '--global', 'user.name', 'release');
  git(work, 'config', '--global', `url.${path.join(work, 'git')}/.insteadOf`, 'https://huggingface.co/');
  // The user's machine has Git LFS set up (`git lfs install`, once): the clone is made without it on purpose.
  git(work, 'lfs', 'install');
  git(src, 'init', '-q', '-b', 'main');
  git(src, 'lfs', 'install', '--local');
  git(src, 'lfs', 'track', '*.safetensors');
  git(src, 'add', '.');
  git(src, 'commit', '-qm', 'release');
  const bare = path.join(work, 'git', 'acme', 'tiny-llm');
  git(work, 'clone', '-q', '--bare', src, bare);
  // A bare clone leaves the LFS objects behind; the LFS server of a local remote is its lfs/ folder.
  cpSync(path.join(src, '.git', 'lfs', 'objects'), path.join(bare, 'lfs', 'objects'), { recursive: true });
}

describe('docs/huggingface.md examples, run as written', () => {
  const all = examples();

  it('has an example for each layout', () => {
    expect(all.map((e) => e.heading)).toEqual(['Example: sign at release from the cache', 'Example: verify in an init container after `hf download`', '`--local-dir` downloads', 'Git LFS clones']);
  });

  it('sign at release from the cache: downloads, signs hf://, verifies, publishes model.sig', () => {
    const r = run(all[0]!.script);
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toMatch(/^signed acme\/tiny-llm@1\.0\.0 \(5 files, \d+ bytes\)$/m);
    // The source line the page shows.
    const shown = /^ {2}source: {6}type=huggingface repo=acme\/tiny-llm revision=<commit> ref=main$/m.exec(doc)![0].replace('<commit>', '[0-9a-f]{40}');
    expect(r.stdout).toMatch(new RegExp(`^${shown}$`, 'm'));
    expect(r.stdout).toMatch(/^OK: acme\/tiny-llm@1\.0\.0 verified \(5 files\)$/m);
    expect(readFileSync(path.join(work, 'fakehub', 'acme', 'tiny-llm', 'model.sig'))).toEqual(readFileSync(path.join(work, 'run', 'model.sig')));
  });

  it('verify in an init container: the published model.sig arrives with `hf download` and verifies', () => {
    const r = run(all[1]!.script);
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toMatch(/^OK: acme\/tiny-llm@1\.0\.0 verified \(5 files\)$/m);
  });

  it('--local-dir: verifies, and verifies again after a re-download rewrote the metadata', () => {
    const r = run(all[2]!.script);
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout.match(/^OK: acme\/tiny-llm@1\.0\.0 verified \(5 files\)$/gm)).toHaveLength(2);
  });

  it.skipIf(!hasGitLfs)('a Git LFS clone: sign refuses the pointers as the page shows, `git lfs pull` fetches the files, verify passes', () => {
    publishGitRepo();
    const r = run(all[3]!.script);
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    const shown = /^modelsign: error: model-00001-of-00002\.safetensors is a Git LFS pointer .*$/m.exec(doc)![0];
    const pattern = shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('sha256:…', 'sha256:[0-9a-f]{64}');
    expect(r.stderr).toMatch(new RegExp(`^${pattern}$`, 'm'));
    expect(r.stdout).toMatch(/^OK: acme\/tiny-llm@1\.0\.0 verified \(5 files\)$/m);
  });
});

/**
 * A stand-in for huggingface_hub's `hf` command, offline, for running the examples of
 * docs/huggingface.md: the "Hub" is a folder (FAKE_HF_HUB) with one folder of files per repo
 * id. It writes what huggingface_hub writes (test/helpers/hf-hub.ts):
 *
 *   hf download REPO [--revision REV] [--local-dir DIR]   the cache (HF_HUB_CACHE, else
 *       HF_HOME/hub, else ~/.cache/huggingface/hub; LFS files in Xet's shared store unless
 *       HF_HUB_DISABLE_SHARED_BLOBS=1), or a local-dir download with its metadata
 *   hf upload REPO FILE [PATH_IN_REPO]                    adds a file to the repo
 *
 * Every revision name resolves to the repo's current files. Bundled with esbuild by the
 * test that runs the examples, and run as a plain node script.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commitOf, writeCacheSnapshot, writeLocalDir, type RepoFile } from './hf-hub.js';

function repoFiles(dir: string, rel = ''): RepoFile[] {
  const out: RepoFile[] = [];
  for (const name of readdirSync(path.join(dir, rel))) {
    const p = rel === '' ? name : `${rel}/${name}`;
    if (statSync(path.join(dir, p)).isDirectory()) out.push(...repoFiles(dir, p));
    else out.push({ path: p, content: readFileSync(path.join(dir, p)) });
  }
  return out;
}

function hubCache(): string {
  if (process.env.HF_HUB_CACHE) return process.env.HF_HUB_CACHE;
  return path.join(process.env.HF_HOME ?? path.join(os.homedir(), '.cache', 'huggingface'), 'hub');
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
}

function main(argv: string[]): void {
  const hub = process.env.FAKE_HF_HUB;
  if (!hub) throw new Error('FAKE_HF_HUB is not set');
  const [cmd, ...args] = argv;
  if (cmd === 'download') {
    const revision = flag(args, '--revision');
    const localDir = flag(args, '--local-dir');
    const repo = args[0]!;
    const files = repoFiles(path.join(hub, repo));
    if (localDir) {
      writeLocalDir(localDir, files);
      console.log(path.resolve(localDir));
    } else {
      const snap = writeCacheSnapshot(hubCache(), repo, files, { ...(revision ? { revision } : {}), xet: process.env.HF_HUB_DISABLE_SHARED_BLOBS !== '1' });
      console.log(snap.snapshot);
    }
    return;
  }
  if (cmd === 'upload') {
    const [repo, file, inRepo] = args;
    const dest = path.join(hub, repo!, inRepo ?? path.basename(file!));
    mkdirSync(path.dirname(dest), { recursive: true });
    copyFileSync(file!, dest);
    console.log(`uploaded ${inRepo ?? path.basename(file!)} to ${repo} (commit ${commitOf(repoFiles(path.join(hub, repo!)))})`);
    return;
  }
  throw new Error(`fake hf: unknown command ${cmd ?? ''}`);
}

main(process.argv.slice(2));

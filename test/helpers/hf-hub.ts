/**
 * The three layouts a Hugging Face model reaches a disk in, written the way huggingface_hub
 * writes them (file_download.py, _local_folder.py), for tests:
 *
 *   - the hub cache: CACHE/models--org--name/{blobs,refs,snapshots}, blobs named by sha256
 *     (LFS files) or git blob sha1 (small files), snapshot files as relative links
 *     ../../blobs/<hash> (one more ../ per folder), refs/<revision> holding the commit hash
 *     without a newline, CACHE/.locks/<repo folder>/<etag>.lock, CACHE/CACHEDIR.TAG; with the
 *     Xet shared store, an LFS file's bytes at CACHE/blobs/<2 hex>/<xet hash> and the repo's
 *     blobs/<sha256> a relative link to it;
 *   - a --local-dir download: the files themselves, plus .cache/huggingface/.gitignore ("*")
 *     and download/<path>.metadata ("commit\netag\ntimestamp\n") and <path>.lock;
 *   - a git clone without `git lfs pull`: LFS files as pointer files.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, symlinkSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { safetensors } from './scan-fixtures.js';

export interface RepoFile {
  path: string;
  content: Buffer;
}

/** Files the hub stores with LFS (Xet): the patterns of its default .gitattributes that models use. */
export function isLfsPath(p: string): boolean {
  return /\.(safetensors|bin|gguf|pt|pth|ckpt|onnx|h5|msgpack|npy|npz|pkl|zip|tar|gz)$/.test(p);
}

export const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');
/** The git blob id: sha1 over "blob <size>\0" and the bytes. */
export const gitBlobSha1 = (b: Buffer): string => createHash('sha1').update(`blob ${b.length}\0`).update(b).digest('hex');

/** The etag huggingface_hub names a blob by. */
export function etagOf(f: RepoFile): string {
  return isLfsPath(f.path) ? sha256(f.content) : gitBlobSha1(f.content);
}

/** A commit hash standing for this set of files (deterministic). */
export function commitOf(files: readonly RepoFile[]): string {
  const h = createHash('sha1');
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) h.update(`${f.path}\0${etagOf(f)}\n`);
  return h.digest('hex');
}

export function repoFolder(repoId: string, type = 'model'): string {
  return [`${type}s`, ...repoId.split('/')].join('--');
}

const CACHEDIR_TAG = 'Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by huggingface_hub.\n';

/** A link at `dst` to `src` as _create_symlink makes it: relative to the link's folder. */
function relLink(src: string, dst: string): void {
  mkdirSync(path.dirname(dst), { recursive: true });
  if (existsSync(dst)) rmSync(dst);
  symlinkSync(path.relative(path.dirname(dst), src), dst);
}

export interface CacheWrite {
  /** A branch or tag name to record under refs/ (default main); a commit hash records none. */
  revision?: string;
  /** Store LFS files in Xet's shared store (CACHE/blobs/<prefix>/<xet hash>). */
  xet?: boolean;
  commit?: string;
}

export interface CacheSnapshot {
  repoDir: string;
  snapshot: string;
  commit: string;
}

/** Write (or add to) the cache entry of one revision of a repo, as hf_hub_download does file by file. */
export function writeCacheSnapshot(cache: string, repoId: string, files: readonly RepoFile[], opts: CacheWrite = {}): CacheSnapshot {
  const folder = repoFolder(repoId);
  const repoDir = path.join(cache, folder);
  const commit = opts.commit ?? commitOf(files);
  const snapshot = path.join(repoDir, 'snapshots', commit);
  mkdirSync(path.join(repoDir, 'blobs'), { recursive: true });
  mkdirSync(snapshot, { recursive: true });
  writeFileSync(path.join(cache, 'CACHEDIR.TAG'), CACHEDIR_TAG);
  const revision = opts.revision ?? 'main';
  if (!/^[0-9a-f]{40}$/.test(revision)) {
    const ref = path.join(repoDir, 'refs', ...revision.split('/'));
    mkdirSync(path.dirname(ref), { recursive: true });
    writeFileSync(ref, commit);
  }
  for (const f of files) {
    const etag = etagOf(f);
    const blob = path.join(repoDir, 'blobs', etag);
    mkdirSync(path.join(cache, '.locks', folder), { recursive: true });
    writeFileSync(path.join(cache, '.locks', folder, `${etag}.lock`), '');
    if (!existsSync(blob)) {
      if (opts.xet && isLfsPath(f.path)) {
        const xetHash = sha256(Buffer.concat([Buffer.from('xet:'), f.content]));
        const entry = path.join(cache, 'blobs', xetHash.slice(0, 2), xetHash);
        mkdirSync(path.dirname(entry), { recursive: true });
        writeFileSync(entry, f.content, { mode: 0o444 });
        relLink(entry, blob);
      } else {
        writeFileSync(blob, f.content);
      }
    }
    relLink(blob, path.join(snapshot, ...f.path.split('/')));
  }
  return { repoDir, snapshot, commit };
}

/** A --local-dir download: the files, and huggingface_hub's metadata and locks beside them. */
export function writeLocalDir(dir: string, files: readonly RepoFile[], commit = commitOf(files), timestamp = Date.now() / 1000): void {
  const meta = path.join(dir, '.cache', 'huggingface');
  mkdirSync(meta, { recursive: true });
  writeFileSync(path.join(meta, '.gitignore'), '*');
  for (const f of files) {
    const file = path.join(dir, ...f.path.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, f.content);
    const m = path.join(meta, 'download', ...f.path.split('/'));
    mkdirSync(path.dirname(m), { recursive: true });
    writeFileSync(`${m}.metadata`, `${commit}\n${etagOf(f)}\n${timestamp}\n`);
    writeFileSync(`${m}.lock`, '');
  }
}

/** The pointer file git-lfs leaves in a checkout in place of `content` (docs/spec.md's canonical form). */
export function lfsPointer(content: Buffer): Buffer {
  return Buffer.from(`version https://git-lfs.github.com/spec/v1\noid sha256:${sha256(content)}\nsize ${content.length}\n`);
}

/** A valid safetensors file of one U8 tensor holding `data`. */
function tensorFile(data: Buffer): Buffer {
  return safetensors({ w: { dtype: 'U8', shape: [data.length], data_offsets: [0, data.length] } }, data);
}

/** A small model repo: config, tokenizer in a folder, two safetensors shards (LFS). */
export function sampleRepo(seed = 1, shardBytes = 4000): RepoFile[] {
  const fill = (n: number, s: number) => {
    const b = Buffer.alloc(n);
    let x = s * 2654435761;
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      b[i] = x >>> 24;
    }
    return b;
  };
  return [
    { path: 'config.json', content: Buffer.from(JSON.stringify({ architectures: ['LlamaForCausalLM'], hidden_size: 64, seed })) },
    { path: 'tokenizer/tokenizer.json', content: Buffer.from(JSON.stringify({ version: '1.0', model: { vocab: { a: 0, b: 1 } } })) },
    { path: 'model-00001-of-00002.safetensors', content: tensorFile(fill(shardBytes, seed)) },
    { path: 'model-00002-of-00002.safetensors', content: tensorFile(fill(shardBytes, seed + 100)) },
    { path: 'model.safetensors.index.json', content: Buffer.from('{"weight_map":{}}') },
  ];
}

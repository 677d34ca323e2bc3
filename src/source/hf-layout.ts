/**
 * The Hugging Face hub cache as huggingface_hub lays it out, as pure name and path logic (the
 * file system side is hf-cache.ts):
 *
 *   CACHE/models--org--name/              one folder per repo (datasets--, spaces--, kernels--)
 *     blobs/<sha256>                      an LFS or Xet file, named by its content's sha256
 *     blobs/<git sha1>                    a small file, named by its git blob id
 *     refs/main                           a ref (branch, tag, refs/pr/1) holding a commit hash
 *     snapshots/<commit>/config.json  ->  ../../blobs/<git sha1>      (a relative link)
 *   CACHE/blobs/<prefix>/<xet hash>       Xet's store shared by every repo: a repo's
 *                                         blobs/<sha256> is then a link to its entry
 *
 * Repo ids cannot hold "--" or "..", so a repo folder's name splits back into its id.
 */
import path from 'node:path';
import { unsafeNameReason } from '../hashing/paths.js';

export type RepoType = 'model' | 'dataset' | 'space' | 'kernel';

export interface HfRepo {
  type: RepoType;
  /** "org/name", or "name" for the few repos without a namespace. */
  id: string;
}

/** Where a directory lies in a hub cache: a snapshot, or a folder inside one. */
export interface SnapshotPlace {
  cacheRoot: string;
  /** CACHE/models--org--name */
  repoDir: string;
  repo: HfRepo;
  /** The snapshot folder's name: the commit it holds. */
  revision: string;
  /** The path below the snapshot ("" for the snapshot itself), POSIX. */
  sub: string;
}

const FOLDER_PREFIX: Readonly<Record<string, RepoType>> = { models: 'model', datasets: 'dataset', spaces: 'space', kernels: 'kernel' };
/** The hf:// prefixes HfFileSystem takes for repos that are not models. */
const URL_PREFIX: Readonly<Record<string, RepoType>> = { datasets: 'dataset', spaces: 'space', kernels: 'kernel' };

export const COMMIT_RE = /^[0-9a-f]{40}$/;
const SHA256_RE = /^[0-9a-f]{64}$/;
/** A namespace or repo name, as huggingface_hub's validate_repo_id has it (ASCII word characters, '-' and '.'). */
const ID_PART = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,94}[A-Za-z0-9_])?$/;

function validId(id: string): boolean {
  const parts = id.split('/');
  return parts.length <= 2 && parts.every((p) => ID_PART.test(p)) && !id.includes('--') && !id.includes('..');
}

/** "models--org--name" for a model org/name. */
export function repoFolderName(repo: HfRepo): string {
  return [`${repo.type}s`, ...repo.id.split('/')].join('--');
}

/** The repo a cache folder name stands for, or undefined when it is not one. */
export function parseRepoFolder(name: string): HfRepo | undefined {
  const parts = name.split('--');
  const type = Object.hasOwn(FOLDER_PREFIX, parts[0]!) ? FOLDER_PREFIX[parts[0]!] : undefined;
  if (!type || parts.length < 2 || parts.length > 3) return undefined;
  const id = parts.slice(1).join('/');
  return validId(id) ? { type, id } : undefined;
}

/**
 * Where `real` (an absolute path with no links in it) lies in a hub cache: inside
 * CACHE/<repo folder>/snapshots/<revision>. Undefined for any other directory.
 */
export function snapshotPlace(real: string): SnapshotPlace | undefined {
  const segs = real.split(path.sep);
  for (let i = segs.length - 1; i >= 3; i--) {
    if (segs[i - 1] !== 'snapshots') continue;
    const repo = parseRepoFolder(segs[i - 2]!);
    const revision = segs[i]!;
    if (!repo || revision === '' || revision.startsWith('.')) continue;
    const repoDir = segs.slice(0, i - 1).join(path.sep) || path.sep;
    return { cacheRoot: path.dirname(repoDir), repoDir, repo, revision, sub: segs.slice(i + 1).join('/') };
  }
  return undefined;
}

export interface HfReference {
  repo: HfRepo;
  /** A ref name under refs/ or a commit hash; undefined: main. */
  revision: string | undefined;
}

export const HF_SCHEME = 'hf://';

/**
 * Parse `hf://[datasets/|spaces/|kernels/]<repo id>[@<revision>]`, the form HfFileSystem
 * takes, without a path inside the repo. The revision may be URL-encoded (refs%2Fpr%2F1).
 * Returns why it is not one when it is not.
 */
export function parseHfReference(ref: string): HfReference | string {
  if (!ref.startsWith(HF_SCHEME)) return 'it does not start with hf://';
  let rest = ref.slice(HF_SCHEME.length);
  const at = rest.indexOf('@');
  let revision: string | undefined;
  if (at >= 0) {
    try {
      revision = decodeURIComponent(rest.slice(at + 1));
    } catch {
      return 'the revision is not valid URL encoding';
    }
    rest = rest.slice(0, at);
    const why = revisionProblem(revision);
    if (why) return why;
  }
  if (rest.endsWith('/')) rest = rest.slice(0, -1);
  let type: RepoType = 'model';
  const first = rest.split('/')[0]!;
  if (Object.hasOwn(URL_PREFIX, first) && rest.length > first.length + 1) {
    type = URL_PREFIX[first]!;
    rest = rest.slice(first.length + 1);
  }
  if (rest.split('/').length > 2) return 'a path inside the repo is not a model: name the repo itself (hf://org/name[@revision])';
  if (!validId(rest)) return `"${rest}" is not a Hugging Face repo id (org/name: letters, digits, '-', '_' and '.'; no "--" or "..")`;
  return { repo: { type, id: rest }, revision };
}

/** Why a revision cannot name a ref or commit in the cache, or undefined when it can. */
export function revisionProblem(revision: string): string | undefined {
  if (revision === '') return 'the revision after "@" is empty';
  if (revision.length > 256) return 'the revision is longer than 256 characters';
  const why = unsafeNameReason(revision);
  return why ? `the revision is not a ref or commit hash (${why})` : undefined;
}

/** Whether the cache names this blob by its content's sha256 (an LFS or Xet file). */
export function namedBySha256(blobName: string): boolean {
  return SHA256_RE.test(blobName);
}

/**
 * Whether `target` (a link's resolved real path) is a blob the snapshot may use: a file
 * directly in the repo's own blobs/ folder, or an entry of Xet's shared store
 * (CACHE/blobs/<prefix>/<name>). Both folders are given as real paths.
 */
export function isRepoBlob(target: string, blobsDir: string, sharedBlobsDir: string): boolean {
  const dir = path.dirname(target);
  if (dir === blobsDir) return true;
  return path.dirname(dir) === sharedBlobsDir && path.basename(dir) !== '';
}

/** The default cache directory when no environment names one: ~/.cache/huggingface/hub. */
export function defaultHubCache(home: string): string {
  return path.join(home, '.cache', 'huggingface', 'hub');
}

/**
 * A Hugging Face hub cache snapshot read in place (a path .../models--org--name/snapshots/REV,
 * or hf://org/name[@revision] resolved offline in a cache directory the caller names). The
 * layout is in hf-layout.ts.
 *
 * Every file of a snapshot is a link to a blob. The directory walk (walk.ts) lists the
 * snapshot as any model and refuses those links as leading outside it; this source then
 * takes back exactly the links whose resolved target is a regular file in the same repo
 * folder's blobs/ or in Xet's shared store under the cache root, and nothing else: a link to
 * another repo's blob, out of the cache, to a missing blob or round in a loop stays refused
 * with the walk's code. An adopted file is named as in the snapshot and opened at the
 * resolved blob path, free of links, so the hasher's O_NOFOLLOW and inode checks hold there
 * as for any listed file: a blob swapped after listing is caught, never followed.
 *
 * Blobs named by a sha256 (LFS and Xet files) are checked against it whenever the read
 * hashes them whole with sha256: a blob whose bytes are not the ones its name says was
 * written through a snapshot link (HF_BLOB_MISMATCH).
 */
import { lstatSync, readlinkSync, realpathSync, type Stats } from 'node:fs';
import { lstat, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { errnoCode, usage, type Failure } from '../errors.js';
import { compareCodePoints, isIgnored } from '../hashing/paths.js';
import { FileTooLarge, NotRegularFile, readRegularFile } from '../util/read-file.js';
import { COMMIT_RE, isRepoBlob, namedBySha256, parseHfReference, parseRepoFolder, repoFolderName, snapshotPlace, type SnapshotPlace } from './hf-layout.js';
import { readWalked } from './local-read.js';
import type { ModelSource, ReadRequest, ReadResult } from './types.js';
import { enumerateModel, fsProblem, type ModelFile, type ModelListing } from './walk.js';

/** A snapshot as found on disk: where it is and which folders its links may reach. */
export interface Snapshot {
  place: SnapshotPlace;
  /** The directory read, as a real path. */
  root: string;
  /** The repo's blobs/ folder and the shared store, as real paths (undefined: absent or not a plain directory). */
  blobsDir: string | undefined;
  sharedDir: string | undefined;
}

/** lstat of `p`, or undefined when there is nothing there or it cannot be looked at. */
function lstatQuiet(p: string): Stats | undefined {
  try {
    return lstatSync(p, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** A plain directory at `p` (not a link), as its path; undefined otherwise. */
function plainDir(p: string): string | undefined {
  return lstatQuiet(p)?.isDirectory() ? p : undefined;
}

function snapshotOf(root: string, place: SnapshotPlace): Snapshot {
  return { place, root, blobsDir: plainDir(path.join(place.repoDir, 'blobs')), sharedDir: plainDir(path.join(place.cacheRoot, 'blobs')) };
}

type Judged = { file: ModelFile; blob: string | undefined } | Failure;

/**
 * lstat that turns any file system error but a missing entry into the link's problem: an
 * unreadable blobs/ (EACCES) or a path through a file (ENOTDIR) refuses the link, never
 * ends the read.
 */
function lstatFor(name: string, p: string): Stats | undefined | Failure {
  try {
    return lstatSync(p, { throwIfNoEntry: false });
  } catch (e) {
    return fsProblem(e, name, 'stat', p);
  }
}

/** Whether `p` is a symlink; false when it cannot be looked at (the generic lookup then says why). */
function isLink(p: string): boolean {
  return lstatQuiet(p)?.isSymbolicLink() ?? false;
}

const NOT_PLAIN = "symlink into the repo's blobs/, which is not a plain folder (a link or another file): not followed";

/**
 * Judges a snapshot's links, each as a file of the snapshot when it resolves to a regular file
 * among the blobs it may use, otherwise why not. The usual link names a file of the repo's
 * blobs/ in one step and is judged with one readlink and one lstat; any other is resolved
 * whole. The real path of each folder links sit in is looked up once. Measured on a snapshot
 * of 20,000 links (2 cores, load ~10): `digest` took 5.0-5.5 s against 1.3-1.9 s for a plain
 * copy when every link was resolved whole, 3.3-4.9 s against 2.0-2.4 s like this; the rest is
 * the walk's own resolving of each link it meets.
 */
class LinkJudge {
  private readonly realDirs = new Map<string, string | undefined>();

  constructor(private readonly snap: Snapshot) {}

  private realDir(dir: string): string | undefined {
    if (!this.realDirs.has(dir)) {
      let real: string | undefined;
      try {
        real = realpathSync.native(dir);
      } catch {
        real = undefined;
      }
      this.realDirs.set(dir, real);
    }
    return this.realDirs.get(dir);
  }

  /** Where the link at `abs` points, one step, resolved against its folder's real path. */
  hop(abs: string): string | undefined {
    const dir = this.realDir(path.dirname(abs));
    if (dir === undefined) return undefined;
    try {
      return path.resolve(dir, readlinkSync(abs));
    } catch {
      return undefined;
    }
  }

  /** The repo blob `p` names (its file name), when it is an entry of the repo's own blobs/. */
  private blobNamed(p: string | undefined): string | undefined {
    return p !== undefined && this.snap.blobsDir !== undefined && this.realDir(path.dirname(p)) === this.snap.blobsDir ? path.basename(p) : undefined;
  }

  judge(name: string, abs: string): Judged {
    const hop = this.hop(abs);
    const blob = this.blobNamed(hop);
    if (blob !== undefined) {
      const st = lstatFor(name, hop!);
      if (st && 'code' in st) return st;
      if (!st) return { code: 'SYMLINK_BROKEN', path: name, message: `blob ${blob} is missing from the cache: download the file again` };
      if (st.isFile()) return adopt(name, hop!, st, blob);
      // A link on (into Xet's store) or something else: resolved whole below.
    }
    return this.resolved(name, abs, blob);
  }

  private resolved(name: string, abs: string, blob: string | undefined): Judged {
    let target: string;
    try {
      target = realpathSync.native(abs);
    } catch (e) {
      if (errnoCode(e) === 'ELOOP') return { code: 'SYMLINK_BROKEN', path: name, message: 'symlink loop: the target can never be reached' };
      return { code: 'SYMLINK_BROKEN', path: name, message: 'symlink target does not exist' };
    }
    if (target.includes('\ufffd')) return { code: 'UNSAFE_NAME', path: name, message: 'symlink target path is not valid UTF-8' };
    if (!this.snap.blobsDir) return { code: 'SYMLINK_OUTSIDE', path: name, message: NOT_PLAIN };
    if (!isRepoBlob(target, this.snap.blobsDir, this.snap.sharedDir ?? this.snap.blobsDir)) return { code: 'SYMLINK_OUTSIDE', path: name, message: outsideWhy(this.snap, target) };
    const st = lstatFor(name, target);
    if (st && 'code' in st) return st;
    if (!st) return { code: 'SYMLINK_BROKEN', path: name, message: 'symlink target does not exist' };
    if (!st.isFile()) return { code: 'SPECIAL_FILE', path: name, message: 'symlink into the blobs is not to a regular file' };
    return adopt(name, target, st, blob);
  }
}

/**
 * A blob as a listed file: `abs` is its path free of links, so the hasher opens it with
 * O_NOFOLLOW and checks this inode, as for a file the walk listed itself.
 */
function adopt(name: string, abs: string, st: Stats, blob: string | undefined): Judged {
  return { file: { name, abs, size: st.size, viaLink: false, id: { dev: st.dev, ino: st.ino }, stamp: { mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs } }, blob };
}

/** Why a link's target is not one of the snapshot's blobs, naming the other repo when it is another repo's blob. */
function outsideWhy(snap: Snapshot, target: string): string {
  const repoDir = path.dirname(path.dirname(target));
  const other = parseRepoFolder(path.basename(repoDir));
  if (other && path.dirname(repoDir) === snap.place.cacheRoot && path.basename(path.dirname(target)) === 'blobs' && repoDir !== snap.place.repoDir) {
    return `symlink points to a blob of another repo (${repoFolderName(other)}): a snapshot's links are followed only into its own repo's blobs/`;
  }
  return `symlink points outside the repo's blobs/ (a snapshot's links are followed only into ${repoFolderName(snap.place.repo)}/blobs/)`;
}

/** The files taken in from blob links, and the repo blob name of each (when it has one). */
export interface Adopted {
  names: Set<string>;
  blobs: Map<string, string>;
}

/**
 * The walk's listing with the blob links taken in: each link it refused as leading outside
 * the snapshot (or to nothing) is judged again here.
 */
function adoptBlobLinks(walked: ModelListing, judge: LinkJudge): Adopted {
  const taken: Adopted = { names: new Set(), blobs: new Map() };
  const kept: Failure[] = [];
  for (const p of walked.problems) {
    if ((p.code !== 'SYMLINK_OUTSIDE' && p.code !== 'SYMLINK_BROKEN') || p.path === undefined) {
      kept.push(p);
      continue;
    }
    const j = judge.judge(p.path, path.join(walked.root, p.path));
    if ('code' in j) kept.push(j);
    else take(walked, taken, j);
  }
  walked.problems = kept;
  return taken;
}

function take(walked: ModelListing, taken: Adopted, j: { file: ModelFile; blob: string | undefined }): void {
  walked.files.push(j.file);
  taken.names.add(j.file.name);
  if (j.blob !== undefined) taken.blobs.set(j.file.name, j.blob);
}

/**
 * verify: signed files under an ignored path (the walk skipped them) that are blob links.
 * Every directory on the way must be a plain directory; anything else is left to the
 * generic lookup (local-read.ts), which refuses links. Returns the names judged here, taken
 * or refused, which that lookup must not judge again.
 */
function adoptSignedUnderIgnored(walked: ModelListing, judge: LinkJudge, req: ReadRequest, taken: Adopted): Set<string> {
  const judged = new Set<string>();
  if (!req.signedPaths) return judged;
  const listed = new Set(walked.files.map((f) => f.name));
  for (const name of req.signedPaths) {
    if (listed.has(name) || !isIgnored(name, req.ignorePaths)) continue;
    const segs = name.split('/');
    const dirs = segs.slice(0, -1).map((_, i) => path.join(walked.root, ...segs.slice(0, i + 1)));
    const abs = path.join(walked.root, ...segs);
    if (!dirs.every((d) => plainDir(d) !== undefined) || !isLink(abs)) continue;
    judged.add(name);
    const j = judge.judge(name, abs);
    if ('code' in j) walked.problems.push(j);
    else take(walked, taken, j);
  }
  return judged;
}

/** HF_BLOB_MISMATCH for each sha256-named blob whose whole-file sha256 is another. */
function blobMismatches(read: ReadResult, blobs: ReadonlyMap<string, string>, req: ReadRequest): Failure[] {
  if (req.alg !== 'sha256') return [];
  const out: Failure[] = [];
  for (const f of read.listing.files) {
    const blob = blobs.get(f.name);
    if (blob === undefined || !namedBySha256(blob)) continue;
    const o = read.hashed.get(f.name, 0, f.size);
    if (o?.ok && o.digest !== blob) {
      out.push({ code: 'HF_BLOB_MISMATCH', path: f.name, message: `blob ${blob} holds other bytes (sha256 ${o.digest}): the cache was written through a snapshot link; download the file again` });
    }
  }
  return out;
}

/** A plain directory's identity ("dev:ino"), or undefined when `p` is not one. */
function dirId(p: string | undefined): string | undefined {
  const st = p === undefined ? undefined : lstatQuiet(p);
  return st?.isDirectory() ? `${st.dev}:${st.ino}` : undefined;
}

/**
 * Blobs taken while blobs/ was swapped for another folder would be someone else's files (the
 * walk checks its own folders the same way): they are refused when it changed identity.
 */
export function refuseIfBlobsMoved(walked: ModelListing, snap: Snapshot, before: string | undefined, taken: Adopted): void {
  if (dirId(snap.blobsDir) === before) return;
  walked.files = walked.files.filter((f) => !taken.names.has(f.name));
  for (const name of taken.names) {
    taken.blobs.delete(name);
    walked.problems.push({ code: 'FILE_REPLACED', path: name, message: "the repo's blobs/ folder was replaced while the model was being listed" });
  }
}

async function readSnapshot(snap: Snapshot, req: ReadRequest): Promise<ReadResult> {
  const blobsId = dirId(snap.blobsDir);
  const walked = await enumerateModel(snap.root, { ignorePaths: req.ignorePaths, allowSymlinks: req.allowSymlinks });
  const judge = new LinkJudge(snap);
  const taken = adoptBlobLinks(walked, judge);
  const judged = adoptSignedUnderIgnored(walked, judge, req, taken);
  refuseIfBlobsMoved(walked, snap, blobsId, taken);
  walked.files.sort((a, b) => compareCodePoints(a.name, b.name));
  walked.problems.sort((a, b) => compareCodePoints(a.path ?? '', b.path ?? ''));
  const signedPaths = req.signedPaths && judged.size > 0 ? new Set([...req.signedPaths].filter((n) => !judged.has(n))) : req.signedPaths;
  const read = await readWalked(walked, { ...req, ...(signedPaths ? { signedPaths } : {}) });
  for (const p of blobMismatches(read, taken.blobs, req)) read.listing.problems.push(p);
  return read;
}

/** The blob MODEL/model.sig links to, when it is one of the snapshot's (a signature published in the repo); undefined otherwise. */
function publishedSignature(snap: Snapshot): string | undefined {
  const abs = path.join(snap.root, 'model.sig');
  if (!isLink(abs)) return undefined;
  const j = new LinkJudge(snap).judge('model.sig', abs);
  return 'code' in j ? undefined : j.file.abs;
}

function snapshotSource(model: string, snap: Snapshot, ref?: string): ModelSource {
  const { repo, revision, sub } = snap.place;
  const sigWrite = path.join(model, 'model.sig');
  const sigRead = publishedSignature(snap) ?? sigWrite;
  return {
    kind: 'hf-snapshot',
    model,
    // The signature's own name inside the model: a published model.sig is a blob, not beside it.
    defaultIgnores: ['model.sig'],
    defaultName: () => (sub === '' ? repo.id : `${repo.id}/${sub}`),
    defaultSignaturePath: () => sigRead,
    signatureWritePath: () => sigWrite,
    provenance: {
      type: 'huggingface',
      repo: repo.id,
      ...(repo.type !== 'model' ? { repo_type: repo.type } : {}),
      revision,
      ...(ref !== undefined ? { ref } : {}),
      ...(sub !== '' ? { path: sub } : {}),
    },
    read: (req) => readSnapshot(snap, req),
  };
}

/** The source for a directory that lies in a hub cache snapshot; undefined for any other directory. */
export async function hubSnapshotSource(model: string): Promise<ModelSource | undefined> {
  const root = await realpath(model);
  const place = snapshotPlace(root);
  return place ? snapshotSource(model, snapshotOf(root, place)) : undefined;
}

function notCached(message: string): never {
  throw usage('HF_NOT_CACHED', message);
}

/** The commit a revision names in the repo folder: a commit hash as it is, a ref by its file under refs/. */
async function resolveRevision(ref: string, repoDir: string, revision: string, download: string): Promise<string> {
  if (COMMIT_RE.test(revision)) return revision;
  const file = path.join(repoDir, 'refs', ...revision.split('/'));
  let text: string;
  try {
    text = (await readRegularFile(file, 1024, { noFollow: true })).toString('utf8').trim();
  } catch (e) {
    const c = errnoCode(e);
    if (c === 'ENOENT' || c === 'ENOTDIR') notCached(`${ref}: revision "${revision}" is not in the cache (no ${file}; a commit is named by its 40-hex hash): download it first (${download} --revision ${revision})`);
    const why = e instanceof NotRegularFile ? 'not a regular file' : e instanceof FileTooLarge ? 'larger than 1 KiB' : c === 'ELOOP' ? 'a symlink (not followed)' : (c ?? String(e));
    return notCached(`${ref}: ${file} cannot be read as a ref: ${why}`);
  }
  if (!COMMIT_RE.test(text)) notCached(`${ref}: ${file} does not hold a commit hash`);
  return text;
}

/**
 * hf://org/name[@revision] resolved offline in the cache at `cacheDir` (HF_HUB_CACHE as
 * huggingface_hub has it): the repo folder, the revision's commit (main by default), its
 * snapshot. Nothing is downloaded; what is not there is HF_NOT_CACHED (exit 2), naming the
 * path looked at.
 */
export async function hubReferenceSource(ref: string, cacheDir: string): Promise<ModelSource> {
  const parsed = parseHfReference(ref);
  if (typeof parsed === 'string') throw usage('HF_BAD_REFERENCE', `${ref} is not a Hugging Face model reference: ${parsed}`);
  const cache = path.resolve(cacheDir);
  const repoDir = path.join(cache, repoFolderName(parsed.repo));
  const download = `hf download ${parsed.repo.type !== 'model' ? `--repo-type ${parsed.repo.type} ` : ''}${parsed.repo.id}`;
  const folder = await stat(repoDir).catch(() => undefined);
  if (!folder) notCached(`${ref} is not in the Hugging Face cache at ${cache} (no ${repoFolderName(parsed.repo)}): download it first (${download}); modelsign never downloads`);
  if (!folder.isDirectory()) notCached(`${ref}: ${repoDir} is not a directory`);
  const revision = parsed.revision ?? 'main';
  const commit = await resolveRevision(ref, repoDir, revision, download);
  const snapDir = path.join(repoDir, 'snapshots', commit);
  const st = await lstat(snapDir).catch(() => undefined);
  if (!st?.isDirectory()) notCached(`${ref}: revision ${commit} has no snapshot in the cache (no ${snapDir}): download it first (${download} --revision ${commit})`);
  const root = await realpath(snapDir);
  const place: SnapshotPlace = { cacheRoot: await realpath(cache), repoDir: await realpath(repoDir), repo: parsed.repo, revision: commit, sub: '' };
  return snapshotSource(snapDir, snapshotOf(root, place), COMMIT_RE.test(revision) ? undefined : revision);
}

/**
 * How a model on the local file system is read (a directory, or a single file): walk it, look
 * up signed files under ignored paths, hash the requested ranges on the parallel engine, then
 * hand the files an inspector wants to it through a descriptor checked to be the hashed file.
 */
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Failure } from '../errors.js';
import { hashTasks, type HashTask } from '../hashing/engine.js';
import { compareCodePoints, isIgnored } from '../hashing/paths.js';
import { HashedRanges } from './ranges.js';
import type { Inspector, ReadRequest, ReadResult, SourceListing } from './types.js';
import { withVerifiedFile } from './verified-file.js';
import type { ModelFile, ModelListing } from './walk.js';

/**
 * Look up one signed path directly (it lies under an ignored path, so the walk skipped it),
 * refusing special files and links on the way. With links allowed, the resolved path must
 * still lie inside the model: a directory link out of the model is never followed.
 */
export async function statInside(root: string, name: string, allowSymlinks: boolean): Promise<ModelFile | Failure> {
  const missing: Failure = { code: 'FILE_MISSING', path: name, message: 'signed file is missing' };
  let cur = root;
  let viaLink = false;
  for (const seg of name.split('/')) {
    cur = path.join(cur, seg);
    let st;
    try {
      st = await lstat(cur);
    } catch {
      return missing;
    }
    if (st.isSymbolicLink()) {
      if (!allowSymlinks) return { code: 'SYMLINK_REFUSED', path: name, message: 'signed path goes through a symlink' };
      viaLink = true;
    }
  }
  let abs = cur;
  if (viaLink) {
    try {
      abs = await realpath(cur);
    } catch {
      return { code: 'SYMLINK_BROKEN', path: name, message: 'symlink target does not exist' };
    }
    const rootReal = await realpath(root);
    if (!abs.startsWith(rootReal.endsWith(path.sep) ? rootReal : rootReal + path.sep)) {
      return { code: 'SYMLINK_OUTSIDE', path: name, message: 'signed path goes through a symlink out of the model' };
    }
  }
  let st;
  try {
    st = await lstat(abs);
  } catch {
    return missing;
  }
  if (!st.isFile()) return { code: 'SPECIAL_FILE', path: name, message: 'signed path is not a regular file' };
  // `abs` is now free of links, so the hasher may open it with O_NOFOLLOW.
  return { name, abs, size: st.size, viaLink: false, id: { dev: st.dev, ino: st.ino }, stamp: { mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs } };
}

/** The signed files the walk left out (they lie under an ignored path), looked up one by one. */
async function signedUnderIgnored(walked: ModelListing, req: ReadRequest): Promise<{ files: ModelFile[]; problems: Failure[] }> {
  const files: ModelFile[] = [];
  const problems: Failure[] = [];
  if (walked.isFile || !req.signedPaths) return { files, problems };
  const listed = new Set(walked.files.map((f) => f.name));
  for (const name of req.signedPaths) {
    if (listed.has(name) || !isIgnored(name, req.ignorePaths)) continue;
    const found = await statInside(walked.root, name, req.allowSymlinks);
    if ('code' in found) {
      // A signed file that is simply absent is for the caller to report as missing.
      if (found.code !== 'FILE_MISSING') problems.push(found);
    } else files.push(found);
  }
  return { files, problems };
}

function taskOf(f: ModelFile, start: number, end: number): HashTask {
  // Built in one literal (no spread): one of these per file of a 20,000-file model.
  const t: HashTask = { abs: f.abs, start, end, expectSize: f.size, followLink: f.viaLink };
  if (f.id) t.expectId = f.id;
  return t;
}

/** Read a walked local model as the request asks. */
export async function readWalked(walked: ModelListing, req: ReadRequest): Promise<ReadResult> {
  const extra = await signedUnderIgnored(walked, req);
  const all = extra.files.length > 0 ? [...walked.files, ...extra.files].sort((a, b) => compareCodePoints(a.name, b.name)) : walked.files;
  // A ModelFile is a SourceFile (name, size, viaLink) with more: listed as it is, no copy of
  // 20,000 objects for a tokenizer-heavy model.
  const listing: SourceListing = { root: walked.root, isFile: walked.isFile, files: all, problems: walked.problems };
  for (const p of extra.problems) listing.problems.push(p);
  req.onListed?.(listing);

  const tasks: HashTask[] = [];
  const of: ModelFile[] = [];
  // Index loops, no destructuring: unoptimised (run once) code allocates an iterator for each
  // `[s, e]` taken apart, 9 MB of garbage for 20,000 files.
  for (let i = 0; i < all.length; i++) {
    const f = all[i]!;
    const ranges = req.ranges(f.name, f.size);
    for (let j = 0; j < ranges.length; j++) {
      const r = ranges[j]!;
      tasks.push(taskOf(f, r[0], r[1]));
      of.push(f);
    }
  }
  const hashed = new HashedRanges();
  let bytesRead = 0;
  if (req.alg !== undefined) {
    const outcomes = await hashTasks(tasks, req.alg, req.engine);
    for (let i = 0; i < outcomes.length; i++) {
      const t = tasks[i]!;
      hashed.set(of[i]!.name, t.start, t.end, outcomes[i]!);
      bytesRead += t.end - t.start;
    }
  }
  await req.onHashed?.();
  if (req.inspector) bytesRead += await inspectAll(all, req.inspector, hashed);
  return { listing, hashed, bytesRead };
}

/**
 * Hand every wanted file to the inspector through a verified descriptor. A file found changed
 * or replaced since it was hashed fails its hashed ranges too: verify must not pass a file
 * whose scanned bytes may not be the signed ones.
 */
async function inspectAll(files: readonly ModelFile[], inspector: Inspector, hashed: HashedRanges): Promise<number> {
  let bytes = 0;
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    if (!inspector.wants(f)) continue;
    const failure = await withVerifiedFile(f, (content) => inspector.inspect(content));
    if (!failure) {
      bytes += f.size;
      continue;
    }
    inspector.unreadable(f, failure);
    hashed.failAll(f.name, { ok: false, code: failure.code, message: failure.message });
  }
  return bytes;
}

/**
 * Compare what the signature lists with what is on disk: every listed file is hashed and
 * compared, and every failing file is reported (changed, missing, unexpected), not just
 * the first.
 */
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { ModelsignError, reject, type Failure } from '../errors.js';
import type { HashAlgorithm } from '../hashing/algorithms.js';
import { hashTasks, type EngineOptions, type HashTask } from '../hashing/engine.js';
import { enumerateModel, type ModelFile, type ModelListing } from '../hashing/enumerate.js';
import { effectiveIgnores, isIgnored, unsafeNameReason } from '../hashing/paths.js';
import { taskFor, type Resource } from '../hashing/serialize.js';
import type { Serialization } from '../oms/statement.js';
import { lookupRange, plannedRanges, type ModelSource } from '../hashing/source.js';

export interface FileCheckInput {
  model: string;
  /** Absolute path of the signature file (ignored when it lies inside the model). */
  signaturePath: string;
  serialization: Serialization;
  resources: Resource[];
  ignorePaths: string[];
  ignoreUnsignedFiles: boolean;
  engine?: EngineOptions;
  /** Pre-computed listing (archives supply their own). */
  listing?: ModelListing;
  /** Lists and hashes the model itself while streaming it (archives). */
  source?: ModelSource;
}

export interface FileCheckResult {
  failures: Failure[];
  filesChecked: number;
  bytesHashed: number;
}

interface Range {
  resource: Resource;
  start: number;
  end: number;
}

/** "path:start:end" with the path possibly containing ':' itself. */
export function parseShardName(name: string): { path: string; start: number; end: number } | undefined {
  const m = /^(.*):(\d{1,16}):(\d{1,16})$/s.exec(name);
  if (!m) return undefined;
  const start = Number(m[2]);
  const end = Number(m[3]);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start) return undefined;
  return { path: m[1]!, start, end };
}

/**
 * Where the signed shards of one file end, or undefined when they do not cover it exactly
 * once: sorted (in place) by start, they must run from 0 without gap or overlap, and only an
 * empty file has an empty (0:0) shard. Checked before anything is hashed - for a directory
 * and an archive alike - so a hostile list of overlapping ranges costs nothing to refuse.
 */
function shardsEnd(ranges: { start: number; end: number }[]): number | undefined {
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  if (ranges.length === 1 && ranges[0]!.start === 0 && ranges[0]!.end === 0) return 0;
  let pos = 0;
  for (const r of ranges) {
    if (r.start !== pos || r.end <= r.start) return undefined;
    pos = r.end;
  }
  return ranges.length > 0 ? pos : undefined;
}

/** The signed resources grouped by file path, with the names that cannot be a file refused. */
function groupResources(resources: Resource[], ser: Serialization, onlyFile: string | undefined): { byFile: Map<string, Range[]>; failures: Failure[] } {
  const failures: Failure[] = [];
  const byFile = new Map<string, Range[]>();
  for (const r of resources) {
    let p: string;
    let start = 0;
    let end = -1;
    if (ser.method === 'shards') {
      const s = parseShardName(r.name);
      if (!s) {
        failures.push({ code: 'UNSAFE_NAME', path: r.name, message: 'shard resource name is not "path:start:end"' });
        continue;
      }
      ({ path: p, start, end } = s);
    } else {
      p = r.name;
    }
    if (onlyFile !== undefined) {
      // A single-file model: the one file may be named "." or by its own name.
      if (p === '.' || p === onlyFile) p = onlyFile;
    } else if (p !== '.' || ser.method !== 'files') {
      const why = unsafeNameReason(p);
      if (why) {
        failures.push({ code: 'UNSAFE_NAME', path: p, message: `unsafe resource name in signature: ${why}` });
        continue;
      }
    }
    const list = byFile.get(p) ?? [];
    list.push({ resource: r, start, end });
    byFile.set(p, list);
  }
  return { byFile, failures };
}

/**
 * Look up one signed path directly (it lies under an ignored path, so the walk skipped it),
 * refusing special files and links on the way. With links allowed, the resolved path must
 * still lie inside the model: a directory link out of the model is never followed.
 */
async function statInside(root: string, name: string, allowSymlinks: boolean): Promise<ModelFile | Failure> {
  const missing: Failure = { code: 'FILE_MISSING', path: name, message: 'signed file is missing' };
  const segs = name.split('/');
  let cur = root;
  let viaLink = false;
  for (let i = 0; i < segs.length; i++) {
    cur = path.join(cur, segs[i]!);
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
  return { name, abs, size: st.size, viaLink: false, id: { dev: st.dev, ino: st.ino } };
}

/** sign refuses a FIFO/socket/device given as the model (usage, 2); verify refuses the model (1). */
function specialModelIsRejection(e: unknown): never {
  if (e instanceof ModelsignError && e.code === 'SPECIAL_FILE') throw reject('SPECIAL_FILE', e.message);
  throw e;
}

export async function checkFiles(input: FileCheckInput): Promise<FileCheckResult> {
  const { serialization: ser } = input;
  const failures: Failure[] = [];
  const ignores = effectiveIgnores(input.model, input.signaturePath, ser.ignore_paths, input.ignorePaths);
  // An archive is listed and hashed in one pass; its signed ranges are grouped and checked
  // first, so the pass hashes only ranges that can verify (at most each byte once).
  const source = input.listing ? undefined : input.source;
  let grouped = source ? groupResources(input.resources, ser, undefined) : undefined;
  const pre = source ? await source(sourceRequest(input, ignores, grouped!.byFile)) : undefined;
  const listing =
    input.listing ?? pre?.listing ?? (await enumerateModel(input.model, { ignorePaths: ignores, allowSymlinks: ser.allow_symlinks }).catch(specialModelIsRejection));
  const onDisk = new Map<string, ModelFile>(listing.files.map((f) => [f.name, f]));
  if (!grouped || listing.isFile) grouped = groupResources(input.resources, ser, listing.isFile ? listing.files[0]!.name : undefined);
  const byFile = grouped.byFile;
  for (const f of grouped.failures) failures.push(f); // a loop: the signature controls the count

  // Under --ignore-unsigned-files a listing problem is dropped when it concerns unsigned
  // content only: its path is not signed and no signed file lies beneath it. That covers an
  // unreadable or too deeply nested directory (UNREADABLE, PATH_TOO_LONG) that holds nothing
  // signed, e.g. a root-only lost+found on a model volume: what we cannot list there is
  // unsigned, which the flag accepts. One with a signed file beneath it stays a failure
  // (its signed files are also reported missing), as does the model root itself. Names that
  // are not UTF-8 (UNSAFE_NAME) always fail: no signature can list one (resource names are
  // JSON strings), tools disagree on what it is called, so no legitimate model holds one.
  let signedDirs: Set<string> | undefined;
  const concernsSigned = (p: string): boolean => {
    if (byFile.has(p)) return true;
    if (!signedDirs) {
      signedDirs = new Set();
      for (const name of byFile.keys()) {
        for (let i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) signedDirs.add(name.slice(0, i));
      }
    }
    return signedDirs.has(p);
  };
  for (const p of listing.problems) {
    if (input.ignoreUnsignedFiles && p.path !== undefined && p.path !== '.' && p.code !== 'UNSAFE_NAME' && !concernsSigned(p.path)) continue;
    failures.push(p);
  }

  const tasks: HashTask[] = [];
  const taskRanges: { file: string; range: Range }[] = [];
  // A set, not a scan per missing file: a hostile model can hold any number of problems.
  const problemPaths = new Set(listing.problems.map((x) => x.path));
  for (const [name, ranges] of byFile) {
    let f = onDisk.get(name);
    if (!f) {
      if (listing.isFile || !isIgnored(name, ignores)) {
        if (!problemPaths.has(name)) failures.push({ code: 'FILE_MISSING', path: name, message: 'signed file is missing' });
        continue;
      }
      // A signed file under an ignored path is still checked.
      const found = await statInside(listing.root, name, ser.allow_symlinks);
      if ('code' in found) {
        failures.push(found);
        continue;
      }
      f = found;
    }
    if (ser.method === 'files') {
      if (ranges.length !== 1) continue; // duplicates are reported by the name checks
      ranges[0]!.end = f.size;
    } else {
      if (shardsEnd(ranges) !== f.size) {
        failures.push({ code: 'FILE_CHANGED', path: name, message: `file size ${f.size} does not match the signed shards` });
        continue;
      }
    }
    for (const r of ranges) {
      tasks.push(taskFor({ name, file: f, start: r.start, end: r.end }));
      taskRanges.push({ file: name, range: r });
    }
  }

  if (!input.ignoreUnsignedFiles) {
    for (const f of listing.files) {
      // The shards method omits empty files (OMS §6.3.2): an unlisted empty file is expected.
      if (ser.method === 'shards' && f.size === 0) continue;
      if (!byFile.has(f.name)) failures.push({ code: 'FILE_UNEXPECTED', path: f.name, message: 'file is not in the signature' });
    }
  }

  // No prepareAlgorithm here: hashTasks prepares it; the archive lookup hashes nothing.
  const alg = ser.hash_type as HashAlgorithm;
  const outcomes = pre ? taskRanges.map(({ file, range }) => lookupRange(pre.hashed, file, range.start, range.end)) : await hashTasks(tasks, alg, input.engine);
  const changed = new Set<string>();
  let bytesHashed = 0;
  outcomes.forEach((o, i) => {
    const { file, range } = taskRanges[i]!;
    bytesHashed += range.end - range.start;
    if (changed.has(file)) return;
    if (!o.ok) {
      changed.add(file);
      failures.push({ code: o.code, path: file, message: o.message });
    } else if (o.digest !== range.resource.digest) {
      changed.add(file);
      failures.push({ code: 'FILE_CHANGED', path: file, message: 'file content does not match the signature' });
    }
  });
  return { failures, filesChecked: byFile.size, bytesHashed };
}

/**
 * What an archive source must hash: the signed shards of a signed file when they cover it
 * exactly (nothing otherwise: checkFiles reports the mismatch), whole files otherwise.
 */
function sourceRequest(input: FileCheckInput, ignorePaths: string[], byFile: Map<string, Range[]>): Parameters<ModelSource>[0] {
  const ser = input.serialization;
  const shards = new Map<string, { end: number | undefined; ranges: Array<[number, number]> }>();
  if (ser.method === 'shards') {
    for (const [p, list] of byFile) {
      const end = shardsEnd(list);
      shards.set(p, { end, ranges: end === undefined ? [] : list.map((r): [number, number] => [r.start, r.end]) });
    }
  }
  return {
    alg: ser.hash_type as HashAlgorithm,
    allowSymlinks: ser.allow_symlinks,
    ignorePaths,
    signedPaths: new Set(byFile.keys()),
    ...(input.engine?.onProgress ? { onProgress: input.engine.onProgress } : {}),
    ranges: (name, size) => {
      const s = shards.get(name);
      if (!s) return plannedRanges('files', undefined, size);
      return s.end === size ? s.ranges : [];
    },
  };
}

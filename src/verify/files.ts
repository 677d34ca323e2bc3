/**
 * Compare what the signature lists with what is on disk: every listed file is hashed and
 * compared, and every failing file is reported (changed, missing, unexpected), not just
 * the first.
 */
import { ModelsignError, reject, type Failure } from '../errors.js';
import type { EngineOptions } from '../hashing/engine.js';
import { effectiveIgnores, unsafeNameReason } from '../hashing/paths.js';
import type { Resource } from '../hashing/serialize.js';
import type { Serialization } from '../oms/statement.js';
import { lookupRange } from '../source/ranges.js';
import type { Inspector, ModelSource, ReadRequest, SourceFile } from '../source/types.js';
import { parseShardName } from './names.js';

export { parseShardName };
import { LFS_PULL, LfsPointerInspector, lfsPointerText } from '../scan/lfs-pointer.js';

/** Listing problems --ignore-unsigned-files never drops (see checkFiles). */
const ALWAYS_FAILS: ReadonlySet<string> = new Set(['UNSAFE_NAME', 'OCI_WHITEOUT']);

export interface FileCheckInput {
  model: string;
  source: ModelSource;
  /** Absolute path of the signature file (ignored when it lies inside the model). */
  signaturePath: string;
  serialization: Serialization;
  resources: Resource[];
  ignorePaths: string[];
  ignoreUnsignedFiles: boolean;
  engine?: EngineOptions;
  /** Looks at the files' bytes in the same read (the scanners). */
  inspector?: Inspector;
  /** Called between hashing and inspection (tests swap a file there). */
  onHashed?: () => Promise<void> | void;
}

export interface FileCheckResult {
  failures: Failure[];
  filesChecked: number;
  bytesHashed: number;
  /** Bytes the source read from the model's storage (hashing and inspection). */
  bytesRead: number;
}

interface Range {
  resource: Resource;
  start: number;
  end: number;
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

/** sign refuses a FIFO/socket/device given as the model (usage, 2); verify refuses the model (1). */
function specialModelIsRejection(e: unknown): never {
  if (e instanceof ModelsignError && e.code === 'SPECIAL_FILE') throw reject('SPECIAL_FILE', e.message);
  throw e;
}

export async function checkFiles(input: FileCheckInput): Promise<FileCheckResult> {
  const { serialization: ser, source } = input;
  const failures: Failure[] = [];
  const ignores = effectiveIgnores(source.model, input.signaturePath, [...source.defaultIgnores, ...(ser.ignore_paths ?? [])], input.ignorePaths);
  // The signed ranges are grouped and checked before the read, so the source hashes only
  // ranges that can verify (each byte at most once). A single-file model's one file may be
  // signed as "." or by its name: known once the source has listed it.
  let grouped = groupResources(input.resources, ser, undefined);
  // Git LFS pointers are named as such, not as changed files; the scanners see the same bytes.
  const lfs = new LfsPointerInspector(input.inspector);
  const read = await source
    .read({
      ...sourceRequest(input, ignores, () => grouped.byFile),
      inspector: lfs,
      onListed: (listing) => {
        if (listing.isFile && listing.files.length === 1) grouped = groupResources(input.resources, ser, listing.files[0]!.name);
      },
    })
    .catch(specialModelIsRejection);
  const listing = read.listing;
  const byFile = grouped.byFile;
  const onDisk = new Map<string, SourceFile>(listing.files.map((f) => [f.name, f]));
  for (const f of grouped.failures) failures.push(f); // a loop: the signature controls the count

  // Under --ignore-unsigned-files a listing problem is dropped when it concerns unsigned
  // content only: its path is not signed and no signed file lies beneath it. That covers an
  // unreadable or too deeply nested directory (UNREADABLE, PATH_TOO_LONG) that holds nothing
  // signed, e.g. a root-only lost+found on a model volume: what we cannot list there is
  // unsigned, which the flag accepts. One with a signed file beneath it stays a failure
  // (its signed files are also reported missing), as does the model root itself. Names that
  // are not UTF-8 (UNSAFE_NAME) always fail: no signature can list one (resource names are
  // JSON strings), tools disagree on what it is called, so no legitimate model holds one. An
  // OCI whiteout always fails too: unsigned itself, it deletes other files when unpacked.
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
    if (input.ignoreUnsignedFiles && p.path !== undefined && p.path !== '.' && !ALWAYS_FAILS.has(p.code) && !concernsSigned(p.path)) continue;
    failures.push(p);
  }

  // A set, not a scan per missing file: a hostile model can hold any number of problems.
  const problemPaths = new Set(listing.problems.map((x) => x.path));
  const changed = new Set<string>();
  let bytesHashed = 0;
  for (const [name, ranges] of byFile) {
    const f = onDisk.get(name);
    if (!f) {
      if (!problemPaths.has(name)) failures.push({ code: 'FILE_MISSING', path: name, message: 'signed file is missing' });
      continue;
    }
    if (ser.method === 'files') {
      if (ranges.length !== 1) continue; // duplicates are reported by the name checks
      ranges[0]!.end = f.size;
    } else if (shardsEnd(ranges) !== f.size) {
      failures.push({ code: 'FILE_CHANGED', path: name, message: `file size ${f.size} does not match the signed shards` });
      continue;
    }
    for (const r of ranges) {
      bytesHashed += r.end - r.start;
      if (changed.has(name)) continue;
      const o = lookupRange(read.hashed, name, r.start, r.end);
      if (!o.ok) {
        changed.add(name);
        failures.push({ code: o.code, path: name, message: o.message });
      } else if (o.digest !== r.resource.digest) {
        changed.add(name);
        failures.push({ code: 'FILE_CHANGED', path: name, message: 'file content does not match the signature' });
      }
    }
  }

  if (!input.ignoreUnsignedFiles) {
    for (const f of listing.files) {
      // The shards method omits empty files (OMS §6.3.2): an unlisted empty file is expected.
      if (ser.method === 'shards' && f.size === 0) continue;
      if (!byFile.has(f.name)) failures.push({ code: 'FILE_UNEXPECTED', path: f.name, message: 'file is not in the signature' });
    }
  } else {
    for (const f of unsignedCollisions(listing.files, byFile)) failures.push(f);
  }
  nameLfsPointers(failures, lfs);
  return { failures, filesChecked: byFile.size, bytesHashed, bytesRead: read.bytesRead };
}

/**
 * Unsigned files (accepted under --ignore-unsigned-files) whose names are a signed file's
 * after Unicode normalisation or case folding: extracted or copied onto a case-insensitive
 * or normalising file system (macOS, Windows), one would overwrite the other, so the loader
 * could read unsigned bytes under the signed name.
 */
function unsignedCollisions(files: readonly SourceFile[], signed: ReadonlyMap<string, unknown>): Failure[] {
  const fold = (n: string): string => n.normalize('NFC').toLowerCase();
  const bySigned = new Map<string, string>();
  for (const name of signed.keys()) bySigned.set(fold(name), name);
  const out: Failure[] = [];
  for (const f of files) {
    if (signed.has(f.name)) continue;
    const other = bySigned.get(fold(f.name));
    if (other !== undefined) out.push({ code: 'NAME_COLLISION', path: f.name, message: `unsigned file collides with signed file "${other}" on a case-insensitive or normalising file system` });
  }
  return out;
}

/** A changed file that is a Git LFS pointer is reported as one: the weights were never fetched. */
function nameLfsPointers(failures: Failure[], lfs: LfsPointerInspector): void {
  if (lfs.found.size === 0) return;
  failures.forEach((f, i) => {
    const p = f.code === 'FILE_CHANGED' && f.path !== undefined ? lfs.found.get(f.path) : undefined;
    if (p) failures[i] = { code: 'LFS_POINTER', path: f.path!, message: `${lfsPointerText(p)} in place of the signed file: ${LFS_PULL}` };
  });
}

/**
 * What the source must hash: the signed shards of a signed file when they cover it exactly
 * (nothing otherwise: checkFiles reports the mismatch), the whole of a signed file for the
 * files method, nothing of an unsigned file.
 */
function sourceRequest(input: FileCheckInput, ignorePaths: string[], byFile: () => Map<string, Range[]>): ReadRequest {
  const ser = input.serialization;
  return {
    alg: ser.hash_type,
    allowSymlinks: ser.allow_symlinks,
    ignorePaths,
    signedPaths: new Set(byFile().keys()),
    ...(input.engine ? { engine: input.engine } : {}),
    ...(input.onHashed ? { onHashed: input.onHashed } : {}),
    ranges: (name, size) => {
      const list = byFile().get(name);
      if (!list) return [];
      if (ser.method === 'files') return list.length === 1 ? [[0, size]] : [];
      return shardsEnd(list) === size ? list.map((r): [number, number] => [r.start, r.end]) : [];
    },
  };
}

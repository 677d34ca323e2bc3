/**
 * A model source that lists and hashes its own files, for models that are not a plain
 * directory on disk (tar archives). sign/digest/verify use it instead of walking a
 * directory and hashing through the engine: a stream can only be read once, so the source
 * hashes every byte range while it streams and hands back the finished digests.
 */
import type { HashAlgorithm } from './algorithms.js';
import type { ModelListing } from './enumerate.js';
import type { HashOutcome } from './read.js';

export interface SourceRequest {
  alg: HashAlgorithm;
  /** Byte ranges [start, end) to hash for a file of this name and size (end exclusive). */
  ranges(name: string, size: number): Array<[number, number]>;
  allowSymlinks: boolean;
  /** Paths (relative to the model root) left out of the listing. */
  ignorePaths: readonly string[];
  /** verify: the file paths the signature lists (they stay in the listing even when ignored). */
  signedPaths?: ReadonlySet<string>;
  /** Bytes of the archive read so far, of its total size. */
  onProgress?: (done: number, total: number) => void;
  /** The archive is read again from its start: every `ranges` call so far is void. */
  onRestart?: () => void;
}

export interface SourceResult {
  listing: ModelListing;
  /** Digest per range, keyed by rangeKey(name, start, end). */
  hashed: Map<string, HashOutcome>;
}

export type ModelSource = (req: SourceRequest) => Promise<SourceResult>;

export function rangeKey(name: string, start: number, end: number): string {
  return `${name}\u0000${start}\u0000${end}`;
}

/** Whole files, or shards of a fixed size (the OMS "shards" method, which omits an empty file: §6.3.2). */
export function plannedRanges(method: 'files' | 'shards', shardSize: number | undefined, size: number): Array<[number, number]> {
  if (method === 'files' || !shardSize) return [[0, size]];
  if (size === 0) return [];
  const out: Array<[number, number]> = [];
  for (let s = 0; s < size; s += shardSize) out.push([s, Math.min(size, s + shardSize)]);
  return out;
}

/** The outcome recorded for a range, or a change when the source never hashed it. */
export function lookupRange(hashed: Map<string, HashOutcome>, name: string, start: number, end: number): HashOutcome {
  return hashed.get(rangeKey(name, start, end)) ?? { ok: false, code: 'FILE_CHANGED', message: `byte range ${start}:${end} does not exist in the archive entry` };
}

/**
 * A model source that lists and hashes its own files, for models that are not a plain
 * directory on disk (tar archives). sign/digest/verify use it instead of walking a
 * directory and hashing through the engine: a stream can only be read once, so the source
 * hashes every byte range while it streams and hands back the finished digests.
 */
import type { HashAlgorithm } from './algorithms.js';
import type { ModelListing } from '../source/walk.js';
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
  /**
   * Receives the bytes of each hashed entry as they stream (an OCI pull writes them, a scan
   * spools them): `open` per entry (undefined: not wanted), then every chunk, then `end`
   * (complete: the entry held the bytes its header says). It must not throw.
   */
  sink?: { open(name: string, size: number): EntrySink | undefined };
}

export interface EntrySink {
  write(chunk: Buffer): void;
  end(complete: boolean): void;
}

export interface SourceResult {
  listing: ModelListing;
  /** Digest per range, keyed by rangeKey(name, start, end). */
  hashed: Map<string, HashOutcome>;
}

export type ModelSource = (req: SourceRequest) => Promise<SourceResult>;

export { rangeKey, plannedRanges, lookupRange } from '../source/ranges.js';

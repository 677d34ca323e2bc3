/**
 * Byte ranges of a model's files: which ranges a serialization hashes, and how a source
 * reports the digest of each (keyed by file and range).
 */
import type { HashOutcome } from '../hashing/read.js';

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
export function lookupRange(hashed: ReadonlyMap<string, HashOutcome>, name: string, start: number, end: number): HashOutcome {
  return hashed.get(rangeKey(name, start, end)) ?? { ok: false, code: 'FILE_CHANGED', message: `byte range ${start}:${end} does not exist in the model file` };
}

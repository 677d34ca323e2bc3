/**
 * Serialization: turning a model listing into the OMS resource list and root digest.
 *
 *   files  - one resource per file, named by its relative path, digest of the whole file.
 *   shards - one resource per fixed-size byte range, named "path:start:end" (end exclusive),
 *            so a single huge file is hashed by all cores at once.
 *
 * The root digest is SHA-256 over the concatenated raw digests in the order listed; signers
 * list resources in Unicode code-point order of the name (shards: by path, then offset).
 */
import { createHash } from 'node:crypto';
import { reject } from '../errors.js';
import type { HashAlgorithm } from './algorithms.js';
import { hashTasks, type EngineOptions, type HashTask } from './engine.js';
import type { ModelFile } from '../source/walk.js';
import { plannedRanges } from '../source/ranges.js';

export type SerializationMethod = 'files' | 'shards';

export interface Resource {
  name: string;
  algorithm: string;
  digest: string;
}

export interface ResourcePlan {
  name: string;
  file: ModelFile;
  start: number;
  end: number;
}

/** Split files into the resources a signature lists. */
export function planResources(files: readonly ModelFile[], method: SerializationMethod, shardSize?: number): ResourcePlan[] {
  if (method === 'files') return files.map((f) => ({ name: f.name, file: f, start: 0, end: f.size }));
  if (!shardSize || !Number.isSafeInteger(shardSize) || shardSize <= 0) throw new Error('shard size must be a positive integer');
  const out: ResourcePlan[] = [];
  for (const f of files) {
    for (const [start, end] of plannedRanges('shards', shardSize, f.size)) out.push({ name: `${f.name}:${start}:${end}`, file: f, start, end });
  }
  return out;
}

export function taskFor(p: ResourcePlan): HashTask {
  return { abs: p.file.abs, start: p.start, end: p.end, expectSize: p.file.size, followLink: p.file.viaLink, ...(p.file.id ? { expectId: p.file.id } : {}) };
}

/** Hash every planned resource; any file that cannot be hashed cleanly is an error. */
export async function hashResources(plans: readonly ResourcePlan[], alg: HashAlgorithm, opts: EngineOptions = {}): Promise<Resource[]> {
  const outcomes = await hashTasks(plans.map(taskFor), alg, opts);
  return plans.map((p, i) => {
    const o = outcomes[i]!;
    if (!o.ok) throw reject(o.code, `${p.file.name}: ${o.message}`, p.file.name);
    return { name: p.name, algorithm: alg, digest: o.digest };
  });
}

/** SHA-256 over the concatenated raw digests, in the order given. */
export function rootDigest(resources: readonly { digest: string }[]): string {
  const h = createHash('sha256');
  for (const r of resources) h.update(Buffer.from(r.digest, 'hex'));
  return h.digest('hex');
}

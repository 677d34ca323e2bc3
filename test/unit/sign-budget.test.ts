/** sign's size budget: its resource-list size is exact, so its refusal is never a guess. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SizeBudget } from '../../src/sign/budget.js';
import { planResources } from '../../src/hashing/serialize.js';
import type { HashAlgorithm } from '../../src/hashing/algorithms.js';
import { MAX_BUNDLE_BYTES } from '../../src/oms/bundle.js';

const DIGEST_HEX: Record<HashAlgorithm, number> = { sha256: 64, blake3: 64, blake2b: 128 };

/** The resource list as the statement serializes it (JSON array, without brackets). */
function listBytes(files: { name: string; size: number }[], hash: HashAlgorithm, shardSize: number | undefined): number {
  const plans = planResources(
    files.map((f) => ({ ...f, abs: f.name }) as never),
    shardSize === undefined ? 'files' : 'shards',
    shardSize,
  );
  // One comma more than JSON.stringify writes: the budget counts one after every resource.
  return plans.reduce((n, p) => n + Buffer.byteLength(JSON.stringify({ name: p.name, algorithm: hash, digest: 'f'.repeat(DIGEST_HEX[hash]) })) + 1, 0);
}

describe('SizeBudget', () => {
  it('counts the resource list byte for byte, by file or by shard', () => {
    fc.assert(
      fc.property(
        fc
          .option(fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 40 }).map((k) => k * 97), fc.integer({ min: 5000, max: 70_000 })), { nil: undefined })
          .chain((shard) =>
            fc.tuple(
              // At most ~3000 shards a file: tiny shards on small files, digit lengths still vary.
              fc.array(fc.record({ name: fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }), size: fc.integer({ min: 0, max: Math.min(150_000, (shard ?? 50) * 3000) }) }), { maxLength: 5 }),
              fc.constant(shard),
            ),
          ),
        fc.constantFrom<HashAlgorithm>('sha256', 'blake2b', 'blake3'),
        ([files, shard], hash) => {
          const b = new SizeBudget(hash, shard);
          for (const f of files) b.add(f.name, f.size);
          expect(b.resourceListBytes).toBe(listBytes(files, hash, shard));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses 1-byte shards of 200 KB before hashing and names a shard size that fits', () => {
    const b = new SizeBudget('sha256', 1);
    b.add('w.bin', 200_000);
    expect(() => b.check()).toThrow(/200000 resources \(shards of 1 byte\).*over the 33554432-byte limit.*--shard-size 1024/);
    const ok = new SizeBudget('sha256', 1024);
    ok.add('w.bin', 200_000);
    expect(() => ok.check()).not.toThrow();
    expect(MAX_BUNDLE_BYTES).toBe(33554432);
  });
});

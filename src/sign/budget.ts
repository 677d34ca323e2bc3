/**
 * A signature must stay within what every verifier reads (MAX_BUNDLE_BYTES, the bundle
 * reader's own limit): a bigger one is refused at verify time whatever it says. The bundle
 * carries the statement base64-encoded, and the statement lists one resource per file (or per
 * shard), so a small --shard-size on a large model, or a huge number of files, can make a
 * signature nothing will ever verify.
 *
 * `SizeBudget` refuses that before anything is hashed, from the listing alone: the resource
 * list's size is known exactly from names and sizes, and the bundle holds it base64-encoded
 * (with more around it), so that is a lower bound of the bundle's size. `checkExact` checks
 * the statement before it is signed and the bundle before it is written.
 */
import { usage, type ModelsignError } from '../errors.js';
import type { HashAlgorithm } from '../hashing/algorithms.js';
import { MAX_BUNDLE_BYTES } from '../oms/bundle.js';

/** Hex digits in one resource digest. */
const DIGEST_HEX: Record<HashAlgorithm, number> = { sha256: 64, blake3: 64, blake2b: 128 };

/** `{"name":,"algorithm":"","digest":""},` around a resource's name, algorithm and digest. */
const RESOURCE_JSON_OVERHEAD = JSON.stringify({ name: '', algorithm: '', digest: '' }).length + 1;

/** Bytes of base64 for n bytes. */
const base64Len = (n: number): number => Math.ceil(n / 3) * 4;

/** Resources of one file: one, or its shards (none for an empty file: OMS v1.0 §6.3.2). */
function resourcesOf(size: number, shardSize: number | undefined): number {
  return shardSize === undefined ? 1 : Math.ceil(size / shardSize);
}

const digits = (n: number): number => String(n).length;

/** Decimal digits of k, 2k, ..., nk, summed (by ranges of equal length: no loop over n). */
function digitsOfMultiples(k: number, n: number): number {
  let total = 0;
  for (let d = 1, lo = 1; ; d++, lo *= 10) {
    const first = Math.ceil(lo / k);
    if (first > n) return total;
    const last = Math.min(n, Math.floor((lo * 10 - 1) / k));
    if (last >= first) total += (last - first + 1) * d;
  }
}

/** Characters of a file's resource names: NAME, or NAME:START:END for each shard. */
function nameChars(nameBytes: number, size: number, shardSize: number | undefined): number {
  if (shardSize === undefined) return nameBytes;
  if (size === 0) return 0;
  const n = Math.ceil(size / shardSize);
  const inner = digitsOfMultiples(shardSize, n - 1);
  // Starts 0, k, ..., (n-1)k; ends k, ..., (n-1)k, size; two colons each.
  return n * (nameBytes + 2) + 1 + inner + inner + digits(size);
}

export class SizeBudget {
  private files: { nameBytes: number; size: number }[] = [];
  private readonly perResource: number;
  private bytes = 0;
  private count = 0;

  constructor(
    hash: HashAlgorithm,
    /** undefined: one resource per file. */
    private readonly shardSize: number | undefined,
    private readonly limit = MAX_BUNDLE_BYTES,
  ) {
    this.perResource = RESOURCE_JSON_OVERHEAD + hash.length + DIGEST_HEX[hash];
  }

  /** Statement bytes of one file's resources with this shard size. */
  private fileBytes(nameBytes: number, size: number, shardSize: number | undefined): number {
    return resourcesOf(size, shardSize) * this.perResource + nameChars(nameBytes, size, shardSize);
  }

  /** Statement bytes the resource list of these files takes with this shard size. */
  private estimate(shardSize: number | undefined): number {
    let n = 0;
    for (const f of this.files) n += this.fileBytes(f.nameBytes, f.size, shardSize);
    return n;
  }

  /** Count one file (name as signed, size in bytes); `check` then refuses if over. */
  add(name: string, size: number): void {
    const nameBytes = Buffer.byteLength(JSON.stringify(name)) - 2;
    this.files.push({ nameBytes, size });
    this.count += resourcesOf(size, this.shardSize);
    this.bytes += this.fileBytes(nameBytes, size, this.shardSize);
  }

  /** Forget every file added (an archive read again from its start counts its files anew). */
  reset(): void {
    this.files = [];
    this.bytes = 0;
    this.count = 0;
  }

  /** Bytes of the resource list (as JSON in the statement) of the files added so far. */
  get resourceListBytes(): number {
    return this.bytes;
  }

  /** Refuse when even the lower bound is over the limit. */
  check(): void {
    if (base64Len(this.bytes) <= this.limit) return;
    throw this.tooLarge(`at least ${base64Len(this.bytes)} bytes`, this.count);
  }

  /**
   * The exact check: `bytes` of the statement payload (which the bundle holds base64-encoded)
   * or of the serialized bundle. The payload check runs before signing, so keyless signing
   * does not log a signature in Rekor that would never be written.
   */
  checkExact(what: 'payload' | 'bundle', bytes: number, resources: number): void {
    const size = what === 'payload' ? base64Len(bytes) : bytes;
    if (size <= this.limit) return;
    throw this.tooLarge(`${what === 'payload' ? 'at least ' : ''}${size} bytes`, resources);
  }

  /** What to do instead: a shard size that fits with room to spare, or fewer files. */
  advice(): string {
    const fits = (s: number | undefined): boolean => base64Len(this.estimate(s)) <= this.limit / 2;
    if (this.shardSize !== undefined) {
      let s = 1024;
      while (s <= this.shardSize) s *= 2;
      for (; s <= 2 ** 50; s *= 2) {
        if (fits(s)) return `use a larger --shard-size (e.g. --shard-size ${s})`;
      }
      if (base64Len(this.estimate(undefined)) <= this.limit) return 'use a much larger --shard-size, or none';
    }
    return 'sign the model in parts, or leave files out with --ignore-paths';
  }

  private tooLarge(size: string, resources: number): ModelsignError {
    const k = this.shardSize;
    const what = k === undefined ? `${resources} resources (one per file)` : `${resources} resources (shards of ${k} byte${k === 1 ? '' : 's'})`;
    return usage('SIG_TOO_LARGE', `the signature would list ${what} and be ${size}, over the ${this.limit}-byte limit verify reads; nothing was written: ${this.advice()}`);
  }
}

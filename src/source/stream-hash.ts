/**
 * Hashing the requested byte ranges of an entry while its bytes stream past once (archive
 * entries cannot be read again).
 */
import { createHasher, type HashAlgorithm, type Hasher } from '../hashing/algorithms.js';

/**
 * The ranges of an entry of SIZE bytes that can be hashed in one pass: inside the entry,
 * sorted, and not overlapping (an overlapping range is left out, so it reads as changed).
 * Whatever the caller asks, an entry's bytes are hashed at most once.
 */
export function disjointRanges(ranges: Array<[number, number]>, size: number): Array<[number, number]> {
  const ok = ranges.filter(([s, e]) => Number.isSafeInteger(s) && Number.isSafeInteger(e) && s >= 0 && e >= s && e <= size);
  ok.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  let end = 0;
  for (const r of ok) {
    const prev = out[out.length - 1];
    if (r[0] === r[1]) {
      // An empty range needs no bytes; keep one per position.
      if (!prev || prev[0] !== r[0] || prev[1] !== r[1]) out.push(r);
      continue;
    }
    if (r[0] < end) continue;
    out.push(r);
    end = r[1];
  }
  return out;
}

/** Hashes disjoint, sorted ranges of one stream, one hasher at a time. */
export class RangeHasher {
  private readonly digests: string[] = [];
  private hasher: Hasher | undefined;
  private cur = 0;
  private pos = 0;

  constructor(
    readonly ranges: ReadonlyArray<[number, number]>,
    private readonly alg: HashAlgorithm,
  ) {}

  private finishEmpty(): void {
    const r = this.ranges;
    while (this.cur < r.length && r[this.cur]![0] === r[this.cur]![1] && r[this.cur]![0] <= this.pos) this.digests[this.cur++] = createHasher(this.alg).digestHex();
  }

  update(chunk: Buffer): void {
    const cEnd = this.pos + chunk.length;
    for (;;) {
      this.finishEmpty();
      if (this.cur >= this.ranges.length || this.ranges[this.cur]![0] >= cEnd) break;
      const [s, e] = this.ranges[this.cur]!;
      this.hasher ??= createHasher(this.alg);
      const from = Math.max(s, this.pos);
      const to = Math.min(e, cEnd);
      if (to > from) this.hasher.update(from === this.pos && to === cEnd ? chunk : chunk.subarray(from - this.pos, to - this.pos));
      if (e > cEnd) break;
      this.digests[this.cur++] = this.hasher.digestHex();
      this.hasher = undefined;
    }
    this.pos = cEnd;
  }

  /** The digest of every range, once the stream has ended at END bytes; undefined if a range was not reached. */
  end(): string[] | undefined {
    this.finishEmpty();
    return this.cur === this.ranges.length ? this.digests : undefined;
  }
}

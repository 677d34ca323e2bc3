/**
 * Hash byte ranges of one file while its bytes stream past once (a download): the ranges
 * are taken sorted and disjoint (an overlapping one is left out, so it reads as never
 * hashed, i.e. changed), and each byte is hashed at most once.
 */
import { createHasher, type HashAlgorithm, type Hasher } from '../hashing/algorithms.js';

export class RangeHasher {
  readonly ranges: Array<[number, number]>;
  private readonly digests: string[] = [];
  private cur = 0;
  private pos = 0;
  private hasher: Hasher | undefined;

  constructor(
    private readonly alg: HashAlgorithm,
    requested: ReadonlyArray<[number, number]>,
    private readonly size: number,
  ) {
    const ok = requested.filter(([s, e]) => Number.isSafeInteger(s) && Number.isSafeInteger(e) && s >= 0 && e >= s && e <= size);
    ok.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const out: Array<[number, number]> = [];
    let end = 0;
    for (const r of ok) {
      const prev = out[out.length - 1];
      if (r[0] === r[1] ? prev?.[0] === r[0] && prev[1] === r[1] : r[0] < end) continue;
      out.push([r[0], r[1]]);
      if (r[1] > end) end = r[1];
    }
    this.ranges = out;
  }

  private closeEmpty(): void {
    while (this.cur < this.ranges.length && this.ranges[this.cur]![0] === this.ranges[this.cur]![1] && this.ranges[this.cur]![0] <= this.pos) {
      this.digests[this.cur++] = createHasher(this.alg).digestHex();
    }
  }

  update(chunk: Buffer): void {
    const cEnd = this.pos + chunk.length;
    for (;;) {
      this.closeEmpty();
      if (this.cur >= this.ranges.length || this.ranges[this.cur]![0] >= cEnd) break;
      const [s, e] = this.ranges[this.cur]!;
      this.hasher ??= createHasher(this.alg);
      const from = Math.max(s, this.pos);
      const to = Math.min(e, cEnd);
      if (to > from) this.hasher.update(chunk.subarray(from - this.pos, to - this.pos));
      if (e > cEnd) break;
      this.digests[this.cur++] = this.hasher.digestHex();
      this.hasher = undefined;
    }
    this.pos = cEnd;
  }

  /** The digest of each range (in `ranges` order), or undefined when the bytes were not `size` long. */
  finish(): string[] | undefined {
    this.closeEmpty();
    return this.pos === this.size && this.cur === this.ranges.length ? this.digests : undefined;
  }
}

/**
 * A problem list with a bound. A hostile archive can hold a million refused entries in a
 * few megabytes (names repeat well under gzip); each problem holds a message of up to a few
 * hundred bytes, so the list keeps the first MAX_LISTED and counts the rest: the verdict is
 * the same (any problem fails the model), and memory stays under 1 MB of problems.
 */
import type { Code } from '../codes.js';
import type { Failure } from '../errors.js';

const MAX_LISTED = 1000;

export class CappedProblems {
  private readonly kept: Failure[] = [];
  private unlisted = 0;
  private unlistedCode: Code | undefined;

  constructor(private readonly max = MAX_LISTED) {}

  push(p: Failure): void {
    if (this.kept.length < this.max) {
      this.kept.push(p);
      return;
    }
    this.unlisted++;
    this.unlistedCode ??= p.code;
  }

  /** The kept problems, then one saying how many more there were (under the first one's code). */
  list(): Failure[] {
    if (this.unlisted === 0 || this.unlistedCode === undefined) return this.kept;
    return [...this.kept, { code: this.unlistedCode, message: `${this.unlisted} more problems in the archive, not listed` }];
  }
}

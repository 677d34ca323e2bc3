/**
 * A pass-through that lets bytes on only while they can still be a blob's: more bytes than
 * its descriptor's size, or, at the end, fewer or other ones, end the stream with an error
 * (DigestMismatch) instead of its end. Whoever reads a blob learns it was the right one
 * exactly when the stream ends without error.
 */
import { createHash, type Hash } from 'node:crypto';
import { Transform, pipeline, type Readable, type TransformCallback } from 'node:stream';
import type { Descriptor } from './manifest.js';

export class DigestMismatch extends Error {
  readonly code = 'OCI_DIGEST_MISMATCH';
}

export class DigestCheck extends Transform {
  private readonly hash: Hash;
  private n = 0;

  constructor(
    private readonly desc: Descriptor,
    private readonly from: string,
  ) {
    super({ highWaterMark: 1024 * 1024 });
    this.hash = createHash(desc.digest.startsWith('sha512:') ? 'sha512' : 'sha256');
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.n += chunk.length;
    if (this.n > this.desc.size) {
      cb(new DigestMismatch(`blob ${this.desc.digest} from ${this.from} is longer than its ${this.desc.size} bytes`));
      return;
    }
    this.hash.update(chunk);
    cb(null, chunk);
  }

  override _flush(cb: TransformCallback): void {
    if (this.n !== this.desc.size) {
      cb(new DigestMismatch(`blob ${this.desc.digest} from ${this.from} ended after ${this.n} of its ${this.desc.size} bytes`));
      return;
    }
    const got = `${this.desc.digest.split(':')[0]}:${this.hash.digest('hex')}`;
    if (got !== this.desc.digest) cb(new DigestMismatch(`blob ${this.desc.digest} from ${this.from} does not match its digest (its bytes hash to ${got})`));
    else cb();
  }
}

/** `source` checked against `desc` (an error in `source` ends the result with that error). */
export function checked(source: Readable, desc: Descriptor, from: string): Readable {
  const check = new DigestCheck(desc, from);
  pipeline(source, check, () => undefined);
  return check;
}

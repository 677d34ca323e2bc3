/**
 * The archive's bytes as a pull-based stream of chunks: read from the open descriptor (one
 * read ahead, so the disk and the hash overlap), and inflated here when the file is gzip
 * (told by its first two bytes, as tar does). Every chunk is a fresh buffer that is never
 * reused: an inspector may still hold one after the reader has moved on.
 */
import type { FileHandle } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { TarError } from './errors.js';

/** Chunks of bytes in order; undefined at the end. */
export interface ByteInput {
  next(): Promise<Buffer | undefined>;
}

/** A read from the archive file itself failed (EIO, ...): not the archive's fault. */
export class InputReadError extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * 1 MiB reads of an open file from its start. `bytesRead` counts what came from storage.
 * (1 MiB: the hash works on whole MiB slices, and fewer reads cost less than larger ones save.)
 */
export class FileInput implements ByteInput {
  bytesRead = 0;
  private pos = 0;
  private ahead: { pos: number; read: Promise<Buffer> } | undefined;

  constructor(
    private readonly fh: FileHandle,
    /** The file's size when opened: nothing past it is read (a file still growing is refused, see next). */
    private readonly size: number,
    private readonly chunk = 1 << 20,
  ) {}

  private lengthAt(pos: number): number {
    return Math.min(this.chunk, this.size - pos);
  }

  private readAt(pos: number): Promise<Buffer> {
    const len = this.lengthAt(pos);
    const buf = Buffer.allocUnsafeSlow(len);
    return this.fh.read(buf, 0, len, pos).then(
      ({ bytesRead }) => buf.subarray(0, bytesRead),
      (e: unknown) => {
        throw new InputReadError(e);
      },
    );
  }

  async next(): Promise<Buffer | undefined> {
    // At the size it had when opened, the file must end: bytes still being appended (zeros
    // after the end marker, say) would keep the reader going for as long as the writer likes.
    if (this.pos >= this.size) {
      await this.settle();
      const { bytesRead } = await this.fh.read(Buffer.alloc(1), 0, 1, this.pos).catch((e: unknown) => {
        throw new InputReadError(e);
      });
      if (bytesRead > 0) throw new TarError('FILE_CHANGED_DURING_HASH', 'cannot read archive: it grew while it was read');
      return undefined;
    }
    const cur = this.ahead?.pos === this.pos ? this.ahead.read : this.readAt(this.pos);
    const stale = this.ahead && this.ahead.pos !== this.pos ? this.ahead.read : undefined;
    this.ahead = undefined;
    if (stale) await stale.catch(() => undefined);
    const b = await cur;
    if (b.length === 0) return undefined;
    this.pos += b.length;
    this.bytesRead += b.length;
    // A full read: the next one most likely starts right after it. (Its failure surfaces
    // when it is used; a read ahead that is never used must not fail the process.)
    if (b.length === this.chunk && this.pos < this.size) {
      const read = this.readAt(this.pos);
      read.catch(() => undefined);
      this.ahead = { pos: this.pos, read };
    }
    return b;
  }

  /** Wait for a read still in flight (before the descriptor is closed). */
  async settle(): Promise<void> {
    const a = this.ahead;
    this.ahead = undefined;
    if (a) await a.read.catch(() => undefined);
  }
}

/** A gzip stream that inflates more than this many times the compressed bytes read is a bomb. */
export const MAX_DECOMPRESSION_RATIO = 1000;

/** Inflated output pieces: large ones (zlib's default is 16 KiB) cost a third of the CPU. */
const INFLATE_CHUNK = 256 * 1024;

const GZIP = (b: Buffer): boolean => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/** What a stream that is not a tar starts with, when it is another compression format. */
export function compressionOf(b: Buffer): string | undefined {
  if (GZIP(b)) return 'gzip';
  if (b.length >= 4 && b.readUInt32BE(0) === 0x28b52ffd) return 'zstd';
  if (b.length >= 6 && b.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))) return 'xz';
  if (b.length >= 3 && b.toString('latin1', 0, 3) === 'BZh') return 'bzip2';
  return undefined;
}

export class GunzipInput implements ByteInput {
  private readonly it: AsyncIterator<Buffer>;
  private readonly gunzip = createGunzip({ chunkSize: INFLATE_CHUNK });
  private inflated = 0;
  private stopped = false;
  /** The read of compressed bytes in flight, if any. */
  private pulling: Promise<unknown> = Promise.resolve();

  constructor(inner: ByteInput) {
    const compressed = Readable.from(this.pull(inner), { objectMode: false });
    // Errors reach the iterator below (the pipeline destroys the gunzip stream with them).
    pipeline(compressed, this.gunzip, () => undefined);
    this.it = this.gunzip[Symbol.asyncIterator]();
  }

  /** The compressed chunks, until the input ends or the inflating stops. */
  private async *pull(inner: ByteInput): AsyncGenerator<Buffer> {
    while (!this.stopped) {
      const next = inner.next();
      this.pulling = next.catch(() => undefined);
      const b = await next;
      if (!b) return;
      yield b;
    }
  }

  /** Compressed bytes the inflater used: what follows them in the file is not gzip data. */
  get consumed(): number {
    return this.gunzip.bytesWritten;
  }

  async next(): Promise<Buffer | undefined> {
    let r: IteratorResult<Buffer>;
    try {
      r = await this.it.next();
    } catch (e) {
      if (e instanceof InputReadError) throw e;
      throw new TarError('ARCHIVE_MALFORMED', `cannot read archive: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (r.done) return undefined;
    if (this.inflated === 0) {
      const inner = compressionOf(r.value);
      if (inner) throw new TarError('ARCHIVE_MALFORMED', `cannot read archive: a compressed stream (${inner}) inside the gzip stream`);
    }
    this.inflated += r.value.length;
    const ratio = this.inflated / Math.max(1, this.gunzip.bytesWritten);
    if (ratio > MAX_DECOMPRESSION_RATIO) throw new TarError('ARCHIVE_MALFORMED', `cannot read archive: max decompression ratio exceeded: ${ratio.toFixed(2)} > ${MAX_DECOMPRESSION_RATIO}`);
    return r.value;
  }

  /** Stop inflating, and wait for the compressed read in flight (the file is closed next). */
  async close(): Promise<void> {
    this.stopped = true;
    this.gunzip.destroy();
    await this.pulling;
  }
}

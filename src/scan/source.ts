/**
 * A forward-only byte reader over any chunked stream (a file, an inflating zip member, a tar
 * entry). Parsers ask for what they need next; only that much is buffered, so memory stays
 * bounded however large the input, and skipped data (tensor bytes) is read and dropped, never
 * held. Reads are synchronous while the buffer holds enough, so the walkers await only when a
 * new chunk is needed.
 */
import { createReadStream } from 'node:fs';

export class Truncated extends Error {
  constructor(readonly at: number) {
    super(`unexpected end of data at offset ${at}`);
  }
}

export class ByteSource {
  private buf: Buffer = Buffer.alloc(0);
  private off = 0;
  private done = false;
  /** Absolute offset of the next unread byte. */
  pos = 0;

  constructor(
    private readonly it: AsyncIterator<Buffer | Uint8Array | string>,
    /** Total length when known (files, tar entries, zip members). */
    readonly size: number | undefined,
  ) {}

  static fromFile(file: string, start = 0, end?: number): ByteSource {
    if (end !== undefined && end <= start) return ByteSource.fromBuffer(Buffer.alloc(0));
    const s = createReadStream(file, { start, ...(end !== undefined ? { end: end - 1 } : {}), highWaterMark: 1 << 20 });
    const src = new ByteSource(s[Symbol.asyncIterator](), end !== undefined ? end - start : undefined);
    src.pos = 0;
    return src;
  }

  /** Bytes [start, end) of a random-access reader, in 1 MiB reads. */
  static fromRandom(ra: { size: number; read(position: number, length: number): Promise<Buffer> }, start = 0, end = ra.size): ByteSource {
    const chunks = async function* (): AsyncGenerator<Buffer> {
      for (let pos = start; pos < end; ) {
        const b = await ra.read(pos, Math.min(1 << 20, end - pos));
        if (b.length === 0) return;
        pos += b.length;
        yield b;
      }
    };
    return new ByteSource(chunks(), Math.max(0, end - start));
  }

  static fromBuffer(b: Buffer): ByteSource {
    const src = new ByteSource((async function* () {})(), b.length);
    src.buf = b;
    src.done = true;
    return src;
  }

  static fromIterable(it: AsyncIterable<Buffer | Uint8Array | string>, size?: number): ByteSource {
    return new ByteSource(it[Symbol.asyncIterator](), size);
  }

  get buffered(): number {
    return this.buf.length - this.off;
  }

  private static toBuf(v: Buffer | Uint8Array | string): Buffer {
    return typeof v === 'string' ? Buffer.from(v, 'latin1') : Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  }

  /** Buffer at least n bytes; false when the data ends first. */
  async ensure(n: number): Promise<boolean> {
    if (this.buffered >= n) return true;
    const parts: Buffer[] = [this.buf.subarray(this.off)];
    let have = parts[0]!.length;
    while (have < n && !this.done) {
      const r = await this.it.next();
      if (r.done) {
        this.done = true;
        break;
      }
      const b = ByteSource.toBuf(r.value);
      parts.push(b);
      have += b.length;
    }
    this.buf = parts.length === 1 ? parts[0]! : Buffer.concat(parts, have);
    this.off = 0;
    return have >= n;
  }

  /** Only after ensure(n). */
  u8(): number {
    this.pos++;
    return this.buf[this.off++]!;
  }

  /** Only after ensure(n); the returned view is valid until the next read. */
  take(n: number): Buffer {
    const b = this.buf.subarray(this.off, this.off + n);
    this.off += n;
    this.pos += n;
    return b;
  }

  peek(n: number): Buffer {
    return this.buf.subarray(this.off, this.off + n);
  }

  async read(n: number): Promise<Buffer> {
    if (!(await this.ensure(n))) throw new Truncated(this.pos + this.buffered);
    return this.take(n);
  }

  /** Drop n bytes (streamed past, never buffered whole). */
  async skip(n: number): Promise<void> {
    while (n > 0) {
      if (this.buffered === 0 && !(await this.ensure(1))) throw new Truncated(this.pos);
      const k = Math.min(n, this.buffered);
      this.off += k;
      this.pos += k;
      n -= k;
    }
  }

  /** Read the rest and return how many bytes there were. */
  async drain(): Promise<number> {
    let n = 0;
    for (;;) {
      if (this.buffered === 0 && !(await this.ensure(1))) return n;
      n += this.buffered;
      this.pos += this.buffered;
      this.off = this.buf.length;
    }
  }

  /** A line ending in "\n" (without it), at most max bytes; undefined if longer. */
  async line(max: number): Promise<Buffer | undefined> {
    let scanned = 0;
    for (;;) {
      const idx = this.buf.indexOf(0x0a, this.off + scanned);
      if (idx >= 0 && idx - this.off <= max) {
        const b = this.buf.subarray(this.off, idx);
        const n = idx - this.off + 1;
        this.off += n;
        this.pos += n;
        return b;
      }
      if (idx >= 0 || this.buffered > max) return undefined;
      scanned = this.buffered;
      if (!(await this.ensure(this.buffered + 1))) throw new Truncated(this.pos + this.buffered);
    }
  }

  async atEnd(): Promise<boolean> {
    return !(await this.ensure(1));
  }

  async close(): Promise<void> {
    this.done = true;
    try {
      await this.it.return?.();
    } catch {
      // the stream is being abandoned; nothing to report
    }
  }
}

/**
 * The tar stream loop: headers, extended headers and entry bodies, pulled from a ByteInput
 * one block at a time. It yields each entry as GNU tar and Python's tarfile both read it
 * (header.ts, extended.ts) with, for a regular file, its body as chunks of the very bytes
 * read (no copy). The caller reads as much of a body as it likes; what it leaves is
 * skipped before the next header.
 *
 * The end: the first all-zero block ends the archive for both extractors (Python stops
 * there, GNU tar after a second one); everything after it must be zeros, or `tar -i` and
 * tarfile's ignore_zeros would read entries that were never listed here. A stream that
 * ends right after an entry (no end marker) reads the same to both and is accepted.
 */
import { TarError } from './errors.js';
import { PendingHeaders, MAX_EXTENDED_BYTES, isZero, type TarEntry } from './extended.js';
import { BLOCK, cString, isZeroBlock, parseHeader, type TarHeader } from './header.js';
import type { ByteInput } from './input.js';

export type { TarEntry } from './extended.js';

/** The bytes of one regular entry, as chunks; may be left unread (or half read). */
export interface EntryBody extends AsyncIterable<Buffer> {
  readonly size: number;
}

export interface TarItem {
  entry: TarEntry;
  /** Regular files only. */
  body?: EntryBody;
}

const padOf = (n: number): number => (BLOCK - (n % BLOCK)) % BLOCK;

/** Exact reads and zero-copy slices over a ByteInput. */
export class BlockReader {
  private buf: Buffer = Buffer.alloc(0);
  private off = 0;
  private eof = false;

  constructor(private readonly input: ByteInput) {}

  /** The next chunk, once the current one is used up. */
  private async fill(): Promise<boolean> {
    if (this.eof) return false;
    let b = await this.input.next();
    while (b && b.length === 0) b = await this.input.next();
    if (!b) {
      this.eof = true;
      return false;
    }
    this.buf = b;
    this.off = 0;
    return true;
  }

  /** Exactly n bytes (copied only where they span chunks), or fewer only at the end of the input. */
  async read(n: number): Promise<Buffer> {
    if (this.buf.length - this.off >= n) {
      const out = this.buf.subarray(this.off, this.off + n);
      this.off += n;
      return out;
    }
    const parts: Buffer[] = [];
    let have = 0;
    while (have < n) {
      if (this.off >= this.buf.length && !(await this.fill())) break;
      const s = this.buf.subarray(this.off, Math.min(this.buf.length, this.off + n - have));
      this.off += s.length;
      have += s.length;
      parts.push(s);
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, have);
  }

  /** Up to `max` bytes as they sit in the current chunk; empty only at the end of the input. */
  async slice(max: number): Promise<Buffer> {
    if (this.off >= this.buf.length && !(await this.fill())) return Buffer.alloc(0);
    const out = this.buf.subarray(this.off, Math.min(this.buf.length, this.off + max));
    this.off += out.length;
    return out;
  }

  async skip(n: number): Promise<boolean> {
    while (n > 0) {
      const s = await this.slice(n);
      if (s.length === 0) return false;
      n -= s.length;
    }
    return true;
  }

  /** Whether everything left is zeros (reads it all). */
  async restIsZero(): Promise<boolean> {
    for (;;) {
      const s = await this.slice(Number.MAX_SAFE_INTEGER);
      if (s.length === 0) return true;
      if (!isZero(s)) return false;
    }
  }
}

const truncated = (what: string): TarError => new TarError('ARCHIVE_MALFORMED', `cannot read archive: truncated ${what}`);

/** The body of a regular entry: reads from the block reader, never past the entry. */
class Body implements EntryBody {
  left: number;

  constructor(
    private readonly r: BlockReader,
    readonly size: number,
    private readonly name: Buffer,
  ) {
    this.left = size;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    while (this.left > 0) {
      const s = await this.r.slice(this.left);
      if (s.length === 0) throw new TarError('ARCHIVE_MALFORMED', `archive entry ${JSON.stringify(this.name.toString('utf8'))}: holds ${this.size - this.left} bytes but its header says ${this.size}`);
      this.left -= s.length;
      yield s;
    }
  }

  /** Skip what the caller left unread, and the padding. */
  async finish(): Promise<void> {
    for await (const _ of this) {
      // read and dropped
    }
    if (!(await this.r.skip(padOf(this.size)))) throw truncated('entry padding');
  }
}

/** Read one extended header's data and padding (bounded). */
async function extendedData(r: BlockReader, h: TarHeader): Promise<{ data: Buffer; padding: Buffer }> {
  if (h.size > MAX_EXTENDED_BYTES) throw new TarError('ARCHIVE_MALFORMED', `archive extended header of ${h.size} bytes (oversized extended header; at most ${MAX_EXTENDED_BYTES})`);
  const data = Buffer.from(await r.read(h.size));
  if (data.length < h.size) throw truncated('extended header');
  const padding = await r.read(padOf(h.size));
  if (padding.length < padOf(h.size)) throw truncated('extended header');
  return { data, padding };
}

/** The entries of a tar stream, in order. Throws TarError at the first thing it refuses. */
export async function* readTar(input: ByteInput): AsyncGenerator<TarItem> {
  const r = new BlockReader(input);
  const pending = new PendingHeaders();
  for (let first = true; ; first = false) {
    const block = await r.read(BLOCK);
    if (block.length === 0) {
      // Python refuses an empty stream ("empty file"); GNU tar reads no archive in it.
      if (first) throw new TarError('ARCHIVE_MALFORMED', 'cannot read archive: it holds no tar data');
      pending.end();
      return;
    }
    if (block.length < BLOCK) throw truncated('header');
    if (isZeroBlock(block)) {
      pending.end();
      if (!(await r.restIsZero())) throw new TarError('ARCHIVE_MALFORMED', 'archive has data after its end-of-archive marker (GNU tar -i and Python ignore_zeros would read more entries)');
      return;
    }
    let h: TarHeader;
    try {
      h = parseHeader(block);
    } catch (e) {
      // Name the entry where a name can be read (the header is refused whatever it says).
      if (e instanceof TarError && e.code === 'UNSUPPORTED_ENTRY') {
        throw new TarError(e.code, `archive entry ${JSON.stringify(cString(block.subarray(0, 100)).toString('utf8'))}: ${e.message}`);
      }
      throw e;
    }
    if (h.type === 'pax' || h.type === 'global' || h.type === 'longname' || h.type === 'longlink') {
      const { data, padding } = await extendedData(r, h);
      pending.add(h.type, data, padding);
      continue;
    }
    const entry = pending.take(h);
    if (entry.type !== 'file') {
      yield { entry };
      continue;
    }
    const body = new Body(r, entry.size, entry.name);
    yield { entry, body };
    await body.finish();
  }
}

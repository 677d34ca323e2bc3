/**
 * TarFeed (src/hashing/archive.ts) hands the tar parser whole UTF-8 characters: however the
 * archive's bytes arrive, no pax name is cut between two writes, so none is mangled into
 * U+FFFD and dropped (GNU tar and Python would still read it, and extract the entry under it).
 */
import { Readable } from 'node:stream';
import { Parser, type ReadEntry } from 'tar';
import { describe, expect, it } from 'vitest';
import { TarFeed } from '../../src/hashing/archive.js';
import { makeTar, paxData, type TarEntry } from '../helpers/tar.js';

/** Deterministic chunk sizes (1 to 700 bytes) from a seed. */
function* sizes(seed: number): Generator<number> {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    yield 1 + (x % 700);
  }
}

function pieces(buf: Buffer, seed: number): Buffer[] {
  const out: Buffer[] = [];
  const gen = sizes(seed);
  for (let i = 0; i < buf.length; ) {
    const n = gen.next().value as number;
    out.push(buf.subarray(i, i + n));
    i += n;
  }
  return out;
}

async function names(chunks: Buffer[], feed: boolean): Promise<string[]> {
  const got: string[] = [];
  const parser = new Parser({ strict: true, zstd: false, brotli: false, onReadEntry: (e: ReadEntry) => (got.push(e.path), e.resume()) });
  const done = new Promise<void>((resolve, reject) => {
    parser.on('end', resolve);
    parser.on('error', reject);
  });
  const src = Readable.from(chunks);
  if (feed) src.pipe(new TarFeed(undefined)).pipe(parser as unknown as NodeJS.WritableStream);
  else src.pipe(parser as unknown as NodeJS.WritableStream);
  await done;
  return got;
}

describe('TarFeed', () => {
  // Pax bodies over 512 bytes (the parser only splits a body it cannot hold in one block).
  const wanted = Array.from({ length: 40 }, (_, i) => `./${'\u00e9\u65e5\u{1f600}/'.repeat(60 + i)}${i}.bin`);
  const entries: TarEntry[] = wanted.flatMap((p, i) => [
    { name: `./PaxHeaders/${i}`, type: 'x', data: paxData({ path: p }) },
    { name: `./placeholder-${i}`, data: 'x'.repeat(i * 13) },
  ]);
  const tar = makeTar(entries);

  it('without it, some chunkings lose pax names (the failure it prevents)', async () => {
    let lost = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const got = await names(pieces(tar, seed), false);
      lost += got.filter((n) => n.startsWith('./placeholder-')).length;
    }
    expect(lost).toBeGreaterThan(0);
  });

  it('with it, every chunking reads every pax name whole', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      expect(await names(pieces(tar, seed), true)).toEqual(wanted);
    }
  });

  it('refuses a second compression layer instead of letting the parser inflate it', async () => {
    const parser = new Parser({ strict: true });
    const err = await new Promise<Error>((resolve) => {
      const feed = new TarFeed(() => 1);
      feed.on('error', resolve);
      Readable.from([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0])]).pipe(feed).pipe(parser as unknown as NodeJS.WritableStream);
    });
    expect(err.message).toBe('a compressed stream inside the gzip stream');
  });
});

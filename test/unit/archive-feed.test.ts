/**
 * The tar stream loop (src/source/tar/reader.ts, input.ts): however the archive's bytes are
 * cut into chunks, the same entries, names and bodies come out; the end of the archive, a
 * second compression layer and a decompression bomb are refused.
 */
import { appendFile, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TarError } from '../../src/source/tar/errors.js';
import { FileInput, GunzipInput, MAX_DECOMPRESSION_RATIO, type ByteInput } from '../../src/source/tar/input.js';
import { readTar } from '../../src/source/tar/reader.js';
import { makeTar, paxData, type TarEntry } from '../helpers/tar.js';

/** Deterministic chunk sizes (1 to 700 bytes) from a seed. */
function* sizes(seed: number): Generator<number> {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    yield 1 + (x % 700);
  }
}

function chunked(buf: Buffer, seed: number): ByteInput {
  const gen = sizes(seed);
  let i = 0;
  return {
    next: async () => {
      if (i >= buf.length) return undefined;
      const n = gen.next().value as number;
      const b = Buffer.from(buf.subarray(i, i + n));
      i += n;
      return b;
    },
  };
}

const whole = (buf: Buffer): ByteInput => chunked(buf, 0);

/** Every entry as "name:type:body" (bodies read whole). */
async function listing(input: ByteInput): Promise<string[]> {
  const out: string[] = [];
  for await (const { entry, body } of readTar(input)) {
    const parts: Buffer[] = [];
    if (body) for await (const c of body) parts.push(c);
    out.push(`${entry.name.toString()}:${entry.type}:${Buffer.concat(parts).toString()}`);
  }
  return out;
}

async function refusal(input: ByteInput): Promise<string> {
  try {
    await listing(input);
  } catch (e) {
    if (e instanceof TarError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'accepted';
}

describe('readTar over any chunking', () => {
  // Pax bodies over 512 bytes, names of 2-, 3- and 4-byte UTF-8 characters: a chunk boundary
  // falls inside names, records and headers.
  const wanted = Array.from({ length: 40 }, (_, i) => `./${'\u00e9\u65e5\u{1f600}/'.repeat(60 + i)}${i}.bin`);
  const entries: TarEntry[] = wanted.flatMap((p, i) => [
    { name: `./PaxHeaders/${i}`, type: 'x', data: paxData({ path: p }) },
    { name: `./placeholder-${i}`, data: 'x'.repeat(i * 13) },
  ]);
  const tar = makeTar(entries);

  it('reads every pax name whole and every body exactly, for 20 chunkings', async () => {
    const expected = wanted.map((p, i) => `${p}:file:${'x'.repeat(i * 13)}`);
    for (let seed = 1; seed <= 20; seed++) expect(await listing(chunked(tar, seed))).toEqual(expected);
  });

  it('a body left unread is skipped: the next entry still comes out', async () => {
    const t = makeTar([
      { name: 'a.bin', data: 'A'.repeat(5000) },
      { name: 'b.bin', data: 'B' },
    ]);
    const names: string[] = [];
    for await (const { entry } of readTar(chunked(t, 3))) names.push(entry.name.toString());
    expect(names).toEqual(['a.bin', 'b.bin']);
  });

  it('ends at the first zero block; data after it that is not zeros is refused', async () => {
    const t = makeTar([{ name: 'a.bin', data: 'A' }]);
    expect(await listing(whole(Buffer.concat([t, Buffer.alloc(10240)])))).toEqual(['a.bin:file:A']);
    // No end marker at all: both extractors read the same entries.
    expect(await listing(whole(t.subarray(0, 1024)))).toEqual(['a.bin:file:A']);
    // An entry after a lone zero block (GNU tar -i and Python ignore_zeros would extract it).
    const after = Buffer.concat([t.subarray(0, 1024), Buffer.alloc(512), makeTar([{ name: 'hidden.bin', data: 'H' }])]);
    expect(await refusal(whole(after))).toBe('ARCHIVE_MALFORMED: archive has data after its end-of-archive marker (GNU tar -i and Python ignore_zeros would read more entries)');
    expect(await refusal(whole(Buffer.concat([t, Buffer.from('junk')])))).toMatch(/after its end-of-archive marker/);
  });

  it('refuses truncation in a header, a body, a padding or an extended header', async () => {
    const t = makeTar([{ name: 'PaxHeaders/a', type: 'x', data: paxData({ path: 'long.bin' }) }, { name: 'a.bin', data: 'A'.repeat(700) }]);
    expect(await refusal(whole(t.subarray(0, 100)))).toBe('ARCHIVE_MALFORMED: cannot read archive: truncated header');
    expect(await refusal(whole(t.subarray(0, 600)))).toBe('ARCHIVE_MALFORMED: cannot read archive: truncated extended header');
    expect(await refusal(whole(t.subarray(0, 1024 + 512 + 100)))).toBe('ARCHIVE_MALFORMED: archive entry "long.bin": holds 100 bytes but its header says 700');
    expect(await refusal(whole(t.subarray(0, 1024 + 512 + 800)))).toBe('ARCHIVE_MALFORMED: cannot read archive: truncated entry padding');
  });

  it('an unsupported entry type is refused with its name; extended headers beyond 1 MiB too', async () => {
    expect(await refusal(whole(makeTar([{ name: 'sparse.bin', type: 'S', data: 'x' }])))).toBe('UNSUPPORTED_ENTRY: archive entry "sparse.bin": unsupported tar entry type GNU sparse file (\'S\')');
    const big = makeTar([{ name: 'PaxHeaders/a', type: 'x', data: paxData({ comment: 'c'.repeat(1024 * 1024) }) }, { name: 'a', data: '' }]);
    expect(await refusal(whole(big))).toMatch(/^ARCHIVE_MALFORMED: archive extended header of \d+ bytes \(oversized extended header/);
  });
});

describe('GunzipInput', () => {
  it('inflates a gzip stream (any chunking) into the same entries', async () => {
    const t = makeTar([{ name: 'a.bin', data: 'A'.repeat(100_000) }]);
    for (const seed of [1, 2]) expect(await listing(new GunzipInput(chunked(gzipSync(t), seed)))).toEqual([`a.bin:file:${'A'.repeat(100_000)}`]);
  });

  it('refuses a second compression layer, a bomb and a corrupt stream', async () => {
    const inner = gzipSync(makeTar([{ name: 'a.bin', data: 'A' }]));
    expect(await refusal(new GunzipInput(whole(gzipSync(inner))))).toBe('ARCHIVE_MALFORMED: cannot read archive: a compressed stream (gzip) inside the gzip stream');
    const bomb = gzipSync(makeTar([{ name: 'zeros.bin', data: Buffer.alloc(64 * 1024 * 1024) }]), { level: 9 });
    expect(await refusal(new GunzipInput(whole(bomb)))).toMatch(new RegExp(`max decompression ratio exceeded: [\\d.]+ > ${MAX_DECOMPRESSION_RATIO}`));
    const bad = Buffer.from(inner);
    bad[bad.length - 6] = bad[bad.length - 6]! ^ 0xff; // the CRC
    expect(await refusal(new GunzipInput(whole(bad)))).toMatch(/^ARCHIVE_MALFORMED: cannot read archive: /);
  });
});

describe('FileInput', () => {
  it('reads no further than the size the file had when opened, and refuses a file that grew', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'modelsign-input-'));
    try {
      const p = path.join(dir, 'm.tar');
      const t = makeTar([{ name: 'a.bin', data: 'A'.repeat(3000) }]);
      await writeFile(p, t);
      const fh = await open(p, 'r');
      try {
        const steady = new FileInput(fh, t.length, 1024);
        expect(await listing(steady)).toEqual([`a.bin:file:${'A'.repeat(3000)}`]);
        await appendFile(p, Buffer.alloc(10 * 1024));
        const grown = new FileInput(fh, t.length, 1024);
        expect(await refusal(grown)).toBe('FILE_CHANGED_DURING_HASH: cannot read archive: it grew while it was read');
        expect(grown.bytesRead).toBe(t.length);
      } finally {
        await fh.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

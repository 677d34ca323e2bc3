/**
 * The OCI source's read of a local image layout: what is downloaded and when, the bytes an
 * inspector sees, --pull-to started afresh on each read, and a layer stream that failed
 * before the archive reader began reading it.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashBytes } from '../../src/hashing/algorithms.js';
import { readTarStream } from '../../src/source/archive.js';
import { openSource } from '../../src/source/index.js';
import type { EntryContent, Inspector, ReadRequest, SourceFile } from '../../src/source/types.js';
import { bytes, cleanupTmp, tmpDir } from '../helpers/cli.js';
import { writeArtifact } from '../helpers/oci.js';

let dir: string;
let layout: string;
const weights = bytes(50_000, 11);

beforeAll(async () => {
  dir = await tmpDir('modelsign-source-oci-');
  layout = path.join(dir, 'layout');
  await writeArtifact(layout, 'v1', [{ raw: 'w.bin', data: weights }, { tar: [{ name: 'tok/a.json', data: '{"a":1}' }, { name: 'tok/b.txt', data: 'bee' }], gzip: true }]);
});
afterAll(cleanupTmp);

const whole = (alg: ReadRequest['alg'] = 'sha256'): ReadRequest => ({ alg, ranges: (_n, size) => [[0, size]], allowSymlinks: false, ignorePaths: [] });

describe('OCI source read', () => {
  it('sha256 of whole files: the raw layer is not read, the tar layer is, once', async () => {
    const src = await openSource(`oci:${layout}:v1`);
    const r = await src.read(whole());
    expect(r.listing.files.map((f) => f.name)).toEqual(['tok/a.json', 'tok/b.txt', 'w.bin']);
    expect(r.hashed.get('w.bin', 0, weights.length)).toEqual({ ok: true, digest: hashBytes('sha256', weights) });
    expect(r.hashed.get('tok/b.txt', 0, 3)).toEqual({ ok: true, digest: hashBytes('sha256', Buffer.from('bee')) });
    expect(r.bytesRead).toBeLessThan(weights.length);
    const b = await src.read(whole('blake3'));
    expect(b.hashed.get('w.bin', 0, weights.length)).toEqual({ ok: true, digest: hashBytes('blake3', weights) });
    expect(b.bytesRead).toBeGreaterThan(weights.length);
  });

  it('an inspector sees the very bytes hashed, raw and tar, and the spool is gone afterwards', async () => {
    const seen = new Map<string, Buffer>();
    const inspector: Inspector = {
      wants: (f: SourceFile) => f.name !== 'tok/a.json',
      async inspect(c: EntryContent) {
        const src = c.bytes();
        const parts: Buffer[] = [];
        while (await src.ensure(1)) {
          const n = Math.min(4096, src.buffered);
          parts.push(Buffer.from(src.take(n)));
        }
        seen.set(c.file.name, Buffer.concat(parts));
      },
      unreadable: (f) => {
        throw new Error(`unreadable ${f.name}`);
      },
    };
    const tmp = path.join(dir, 'tmp');
    await mkdir(tmp);
    const old = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const src = await openSource(`oci:${layout}:v1`);
      await src.read({ ...whole(), inspector });
    } finally {
      process.env.TMPDIR = old;
    }
    expect([...seen.keys()].sort()).toEqual(['tok/b.txt', 'w.bin']);
    expect(seen.get('w.bin')).toEqual(weights);
    expect(seen.get('tok/b.txt')!.toString()).toBe('bee');
    expect(await readdir(tmp)).toEqual([]);
  });

  it('--pull-to: each read starts afresh (another signature tried), and a failed verification leaves nothing', async () => {
    const target = path.join(dir, 'pulled');
    const src = await openSource(`oci:${layout}:v1`, { oci: { pullTo: target } });
    await src.read(whole());
    await writeFile(path.join(target, 'stray'), 'left by a first try');
    await src.read(whole());
    expect((await readdir(target)).sort()).toEqual(['tok', 'w.bin']);
    expect(await readFile(path.join(target, 'w.bin'))).toEqual(weights);
    const pull = (src as { pull?: { finish(v: boolean): Promise<void> } }).pull!;
    await pull.finish(false);
    await expect(readdir(target)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a layer stream that already failed when the archive reader starts is an error, not a hang', async () => {
    const s = new PassThrough();
    s.on('error', () => undefined); // the source's own listener, as the OCI read has one
    s.destroy(new Error('the blob did not match its digest'));
    await new Promise((r) => setImmediate(r));
    const p = readTarStream(s, { label: 'x', size: 10, gzipped: false, readError: (e) => e as Error }, { alg: 'sha256', ranges: () => [], allowSymlinks: false, ignorePaths: [] });
    await expect(Promise.race([p, new Promise((_r, rej) => setTimeout(() => rej(new Error('hung')), 3000))])).rejects.toThrow('the blob did not match its digest');
  });
});

/**
 * Memory stays bounded whatever the archive: the reader keeps at most a million entries and
 * 64 MiB of names and link targets. The archives here are built as streams (never held
 * whole) and read by the built CLI in a 256 MB heap, where an unbounded reader aborts.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, cleanupTmp, keypair, runCli, tmpDir } from '../helpers/cli.js';
import { header } from '../helpers/tar-fuzz.js';

let work: string;
let keys: { key: string; pub: string };
let sig: string;

/** A .tgz of config.json then N directories named with about NAME_LEN bytes each (GNU long names). */
async function manyDirs(file: string, n: number, nameLen: number): Promise<void> {
  const gz = createGzip({ level: 1 });
  const done = once(gz.pipe(createWriteStream(file)), 'close');
  const config = Buffer.from('{"a":1}');
  gz.write(Buffer.concat([header({ name: Buffer.from('config.json'), flag: 0x30, data: config }), config, Buffer.alloc(512 - config.length)]));
  let batch: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const name = Buffer.from(`d${String(i).padStart(7, '0')}/${'x'.repeat(200)}/`.repeat(Math.ceil(nameLen / 210)).slice(0, nameLen));
    const data = Buffer.concat([name, Buffer.from([0])]);
    batch.push(header({ name: Buffer.from('././@LongLink'), flag: 0x4c, data }), data, Buffer.alloc((512 - (data.length % 512)) % 512));
    batch.push(header({ name: name.subarray(0, 99), flag: 0x35, data: Buffer.alloc(0) }));
    if (batch.length >= 4000) {
      if (!gz.write(Buffer.concat(batch))) await once(gz, 'drain');
      batch = [];
    }
  }
  batch.push(Buffer.alloc(1024));
  gz.end(Buffer.concat(batch));
  await done;
}

/** The built CLI in a 256 MB heap. */
function cli256(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--max-old-space-size=256', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

beforeAll(async () => {
  work = await tmpDir('modelsign-archive-memory-');
  keys = await keypair(work);
  const dir = path.join(work, 'model');
  await mkdir(dir);
  await writeFile(path.join(dir, 'config.json'), '{"a":1}');
  sig = path.join(work, 'model.sig');
  const s = await runCli(['sign', dir, '--key', keys.key, '--version', '1.0.0', '--signature', sig]);
  expect(s.code, s.stderr).toBe(0);
});
afterAll(cleanupTmp);

describe('archive memory is bounded', () => {
  it('100,000 directories with 4 KB names (400 MB of names in a small .tgz): refused with TOO_MANY_FILES in a 256 MB heap, never aborted', { timeout: 180_000 }, async () => {
    const file = path.join(work, 'names.tgz');
    await manyDirs(file, 100_000, 4000);
    const v = await cli256(['verify', file, '--key', keys.pub, '--signature', sig, '--ignore-unsigned-files', '--json']);
    expect(v.signal, v.stderr).toBeNull();
    expect(v.code, v.stderr).toBe(1);
    expect(JSON.parse(v.stdout).failures).toContainEqual({ code: 'TOO_MANY_FILES', message: 'archive entry names and link targets take more than 67108864 bytes' });
    const d = await cli256(['digest', file]);
    expect(d.signal, d.stderr).toBeNull();
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('archive entry names and link targets take more than 67108864 bytes [TOO_MANY_FILES]');
  });

  it('400 entries refused for names of 1 MB each (400 MB of refused names in a 3 MB .tgz): each problem shows a short name, never aborted', { timeout: 180_000 }, async () => {
    const file = path.join(work, 'refused.tgz');
    const gz = createGzip({ level: 1 });
    const done = once(gz.pipe(createWriteStream(file)), 'close');
    for (let i = 0; i < 400; i++) {
      const body = ` path=/${String(i).padStart(4, '0')}${'y'.repeat(1_000_000)}\n`;
      const len = String(body.length + 8).length + body.length;
      const pax = Buffer.from(`${len}${body}`);
      const x = Buffer.concat([header({ name: Buffer.from('PaxHeader'), flag: 0x78, data: pax }), pax, Buffer.alloc((512 - (pax.length % 512)) % 512)]);
      const entry = header({ name: Buffer.from('placeholder'), flag: 0x30, data: Buffer.alloc(0) });
      if (!gz.write(Buffer.concat([x, entry]))) await once(gz, 'drain');
    }
    gz.end(Buffer.alloc(1024));
    await done;
    const v = await cli256(['verify', file, '--key', keys.pub, '--signature', sig, '--json']);
    expect(v.signal, v.stderr).toBeNull();
    expect(v.code, v.stderr).toBe(1);
    const failures = JSON.parse(v.stdout).failures as Array<{ code: string; message: string }>;
    expect(failures.filter((f) => f.code === 'UNSAFE_NAME')).toHaveLength(400);
    expect(Math.max(...failures.map((f) => f.message.length))).toBeLessThan(400);
  });

  it('just under the bound (15,000 directories with 4 KB names, 60 MB of names) verifies in a 256 MB heap', { timeout: 180_000 }, async () => {
    const file = path.join(work, 'under.tgz');
    await manyDirs(file, 15_000, 4000);
    const v = await cli256(['verify', file, '--key', keys.pub, '--signature', sig, '--ignore-unsigned-files']);
    expect(v.signal, v.stderr).toBeNull();
    expect(v.code, v.stdout + v.stderr).toBe(0);
  });
});

/**
 * The built CLI: progress goes to stderr as plain lines in logs (interval shortened by
 * MODELSIGN_PROGRESS_INTERVAL_MS), never to stdout, not at all with --quiet; sign and verify
 * use the same engine with every hash algorithm and both serializations, and a change in
 * any shard is caught.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blake3 } from '@noble/hashes/blake3.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { bytes, cleanupTmp, keypair, runCli, tmpDir } from '../helpers/cli.js';

const MiB = 1024 * 1024;
const FAST = { MODELSIGN_PROGRESS_INTERVAL_MS: '1', MODELSIGN_PROGRESS: undefined };
const PROGRESS_LINE = /^modelsign: (hashing|verifying) \d{1,3}% \([\d.]+ (B|KiB|MiB|GiB) of [\d.]+ (B|KiB|MiB|GiB)\) at [\d.]+ (B|KiB|MiB|GiB)\/s, ETA \S+$/;
const DONE_LINE = /^modelsign: (hashing|verifying) done: [\d.]+ MiB in [\d.]+s \([\d.]+ (B|KiB|MiB|GiB)\/s\)$/;

let dir: string;
let model: string;
let keys: { key: string; pub: string };

beforeAll(async () => {
  dir = await tmpDir('modelsign-progress-');
  model = path.join(dir, 'model');
  await mkdir(path.join(model, 'tokenizer'), { recursive: true });
  // Just large enough to go through the worker pool in several batches.
  for (let i = 0; i < 6; i++) writeFileSync(path.join(model, `model-0000${i}.safetensors`), bytes(8 * MiB + i, 20 + i));
  writeFileSync(path.join(model, 'config.json'), '{"hidden_size":64}');
  writeFileSync(path.join(model, 'tokenizer', 'tokenizer.json'), '{}');
  writeFileSync(path.join(model, 'empty.txt'), '');
  keys = await keypair(dir);
});

afterAll(cleanupTmp);

function lines(s: string): string[] {
  return s.split('\n').filter((l) => l !== '');
}

describe('progress output', () => {
  it('digest in a log: progress lines and a summary on stderr, only the digest on stdout', async () => {
    const r = await runCli(['digest', model], { env: FAST });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    const err = lines(r.stderr);
    expect(err.length).toBeGreaterThanOrEqual(2);
    for (const l of err.slice(0, -1)) expect(l).toMatch(PROGRESS_LINE);
    expect(err.at(-1)).toMatch(DONE_LINE);
    expect(err.at(-1)).toContain('48.0 MiB');
  });

  it('--json: stdout is exactly one JSON document, progress stays on stderr', async () => {
    const r = await runCli(['digest', model, '--json'], { env: FAST });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { rootDigest: string; resources: unknown[] };
    expect(j.rootDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(j.resources).toHaveLength(9);
    expect(lines(r.stderr).every((l) => PROGRESS_LINE.test(l) || DONE_LINE.test(l))).toBe(true);
    expect(lines(r.stderr).length).toBeGreaterThan(0);
  });

  it('--quiet (before or after the command): no progress at all', async () => {
    for (const args of [['digest', model, '--quiet'], ['--quiet', 'digest', model], ['digest', '-q', model]]) {
      const r = await runCli(args, { env: FAST });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    }
  });

  it('default interval: a run of a second or less prints no progress', async () => {
    const r = await runCli(['digest', model], { env: { MODELSIGN_PROGRESS_INTERVAL_MS: undefined, MODELSIGN_PROGRESS: undefined } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('sign and verify show progress too (labelled), and verify --json keeps stdout clean', async () => {
    const sig = path.join(dir, 'progress.sig');
    const s = await runCli(['sign', model, '--key', keys.key, '--version', '1.0.0', '--signature', sig], { env: FAST });
    expect(s.code).toBe(0);
    expect(lines(s.stderr).some((l) => /^modelsign: hashing \d+%/.test(l))).toBe(true);
    const v = await runCli(['verify', model, '--key', keys.pub, '--signature', sig, '--json'], { env: FAST });
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout).verified).toBe(true);
    expect(lines(v.stderr).some((l) => /^modelsign: verifying \d+%/.test(l))).toBe(true);
    const q = await runCli(['verify', model, '--key', keys.pub, '--signature', sig, '--quiet'], { env: FAST });
    expect(q.code).toBe(0);
    expect(q.stderr).toBe('');
  });
});

/** Root digest computed independently: per-file (or per-shard) digests, then SHA-256 over them. */
function expectedRoot(alg: 'sha256' | 'blake2b' | 'blake3', shardSize?: number): string {
  const names = ['config.json', 'empty.txt', ...Array.from({ length: 6 }, (_, i) => `model-0000${i}.safetensors`), 'tokenizer/tokenizer.json'];
  const h = (d: Uint8Array) =>
    alg === 'sha256' ? createHash('sha256').update(d).digest() : alg === 'blake3' ? Buffer.from(blake3(d)) : Buffer.from(blake2b(d));
  const root = createHash('sha256');
  for (const n of names) {
    const data = readFileSync(path.join(model, n));
    if (!shardSize) root.update(h(data));
    // The shards method omits an empty file (OMS v1.0 §6.3.2).
    else for (let s = 0; s < data.length; s += shardSize) root.update(h(data.subarray(s, Math.min(data.length, s + shardSize))));
  }
  return root.digest('hex');
}

describe('same engine for digest, sign and verify', () => {
  for (const alg of ['sha256', 'blake2b', 'blake3'] as const) {
    for (const shardSize of [undefined, 3 * MiB + 1]) {
      it(`--hash ${alg}${shardSize ? ` --shard-size ${shardSize}` : ''}: digest is right, sign then verify passes with 1 and 3 threads`, async () => {
        const extra = [...(alg === 'sha256' ? [] : ['--hash', alg]), ...(shardSize ? ['--shard-size', String(shardSize)] : [])];
        const d = await runCli(['digest', model, '--quiet', ...extra]);
        expect(d.code).toBe(0);
        expect(d.stdout.trim()).toBe(`sha256:${expectedRoot(alg, shardSize)}`);
        const sig = path.join(dir, `${alg}-${shardSize ?? 'files'}.sig`);
        const s = await runCli(['sign', model, '--quiet', '--key', keys.key, '--version', '1.0.0', '--signature', sig, '--json', ...extra]);
        expect(s.code).toBe(0);
        expect(JSON.parse(s.stdout).rootDigest).toBe(d.stdout.trim());
        for (const jobs of ['1', '3']) {
          const v = await runCli(['verify', model, '--quiet', '--key', keys.pub, '--signature', sig, '--jobs', jobs]);
          expect(v.code).toBe(0);
        }
      });
    }
  }

  it('a byte changed in the middle shard of a file is caught with shards and with files', async () => {
    const copy = path.join(dir, 'tampered');
    await mkdir(copy);
    const f = path.join(copy, 'weights.bin');
    writeFileSync(f, bytes(20 * MiB, 5));
    const sigShards = path.join(dir, 'tampered-shards.sig');
    const sigFiles = path.join(dir, 'tampered-files.sig');
    expect((await runCli(['sign', copy, '--quiet', '--key', keys.key, '--version', '1.0.0', '--signature', sigShards, '--shard-size', String(4 * MiB)])).code).toBe(0);
    expect((await runCli(['sign', copy, '--quiet', '--key', keys.key, '--version', '1.0.0', '--signature', sigFiles])).code).toBe(0);
    const fd = openSync(f, 'r+');
    writeSync(fd, Buffer.from([0xff ^ readFileSync(f)[10 * MiB]!]), 0, 1, 10 * MiB);
    closeSync(fd);
    for (const sig of [sigShards, sigFiles]) {
      const v = await runCli(['verify', copy, '--quiet', '--key', keys.pub, '--signature', sig, '--json']);
      expect(v.code).toBe(1);
      const j = JSON.parse(v.stdout) as { verified: boolean; failures: { code: string; path?: string }[] };
      expect(j.verified).toBe(false);
      expect(j.failures).toEqual([expect.objectContaining({ code: 'FILE_CHANGED', path: 'weights.bin' })]);
    }
  });

  it('blake3 without the native module (pure-JS fallback) gives the same digest', async () => {
    const native = await runCli(['digest', model, '--quiet', '--hash', 'blake3']);
    const fallback = await runCli(['digest', model, '--quiet', '--hash', 'blake3'], { env: { MODELSIGN_NO_NATIVE_BLAKE: '1' } });
    expect(native.code).toBe(0);
    expect(fallback.code).toBe(0);
    expect(fallback.stdout).toBe(native.stdout);
  });
});

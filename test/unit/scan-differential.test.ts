/**
 * The pickle walker and the zip reader against CPython itself (test/helpers/pickle_oracle.py):
 * thousands of generated opcode programs and mutated samples are unpickled by CPython's C
 * unpickler (reading a file, as torch.load does, and reading one buffer, as pickle.loads
 * does) and by the pure-Python one, with find_class recording and returning an inert stub,
 * so nothing is ever imported or run. The walker must never miss a global CPython resolves
 * unless it reports the stream as one it could not follow; what it calls "not a pickle" must
 * be bytes CPython refuses before any import; and a zip it reads without an ambiguity must
 * give Python's zipfile the same members and bytes.
 */
import { open } from 'node:fs/promises';
import { handleReader } from '../../src/source/random-access.js';
import type { RandomAccess } from '../../src/source/types.js';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { walkPickles, type PickleScan } from '../../src/scan/pickle.js';
import { scanFile } from '../../src/scan/scan-file.js';
import { openZipMember, readZipDirectory } from '../../src/scan/zip.js';
import { ByteSource } from '../../src/scan/source.js';
import { DEFAULT_LIMITS } from '../../src/scan/types.js';
import { cleanupTmp, ROOT, tmpDir } from '../helpers/cli.js';
import * as F from '../helpers/scan-fixtures.js';
import { torchLikeZip } from '../helpers/zip-craft.js';

const HAS_PYTHON = spawnSync('python3', ['-c', 'import pickle, zipfile'], { stdio: 'ignore' }).status === 0;
if (process.env.TEST_REQUIRE_PYTHON === '1' && !HAS_PYTHON) throw new Error('python3 is required for the differential scanner tests (TEST_REQUIRE_PYTHON=1)');
const ORACLE = path.join(ROOT, 'test/helpers/pickle_oracle.py');
/** Generated programs per run; SCAN_DIFFERENTIAL_RUNS=30000 explores further (about 40 s). */
const RUNS = Number(process.env.SCAN_DIFFERENTIAL_RUNS ?? 2500);

afterAll(cleanupTmp);

type Mode = 'c-file' | 'c-bytes' | 'python';
interface PickleAnswer {
  imports: Record<Mode, string[]>;
  errors: Record<Mode, string | null>;
}

/** Ask CPython, in batches (one process per batch, each bounded in time). */
function oracle<T>(requests: object[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < requests.length; i += 2000) {
    const r = spawnSync('python3', [ORACLE], { input: JSON.stringify(requests.slice(i, i + 2000)), encoding: 'utf8', maxBuffer: 256 << 20, timeout: 120_000 });
    if (r.status !== 0) throw new Error(`oracle failed (${r.signal ?? r.status}): ${r.stderr}`);
    for (const a of JSON.parse(r.stdout) as T[]) out.push(a);
  }
  return out;
}

const STRUCTURAL = new Set(['PICKLE_MALFORMED', 'SCAN_LIMIT', 'PICKLE_FRAME_MISMATCH', 'PICKLE_NONSTRING_GLOBAL', 'PICKLE_EXTENSION']);
const u64 = (n: number) => { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(n)); return b; };

const NAMES = ['os', 'system', 'builtins', 'getattr', 'eval', 'torch', '_utils', '_rebuild_tensor_v2', 'collections', 'OrderedDict', 'posix', 'os.system', 'subprocess', 'Popen', 'numpy', 'x'];
const PAIRS = [['os', 'system'], ['collections', 'OrderedDict'], ['torch._utils', '_rebuild_tensor_v2'], ['builtins', 'getattr'], ['__builtin__', 'eval'], ['torch', 'FloatStorage'], ['m', 'f']];
const MEMO_LINES = ['0', '1', ' 1', '+1', '0_1', '2\u0000x', '-1', 'x'];

/** One opcode with its argument, from a grammar that covers the walker's tricky parts. */
const token: fc.Arbitrary<Buffer> = fc.oneof(
  fc.integer({ min: 0, max: 5 }).map((p) => Buffer.from([0x80, p])),
  fc.integer({ min: 0, max: 40 }).map((n) => Buffer.concat([Buffer.from([0x95]), u64(n)])),
  fc.constantFrom(...NAMES).map((s) => Buffer.concat([Buffer.from([0x8c, Buffer.byteLength(s)]), Buffer.from(s)])),
  fc.constantFrom(...NAMES).map((s) => Buffer.from(`V${s}\n`, 'latin1')),
  fc.constantFrom(...NAMES).map((s) => Buffer.from(`S'${s}'\n`, 'latin1')),
  fc.constantFrom(...PAIRS).map(([m, n]) => Buffer.from(`c${m}\n${n}\n`, 'latin1')),
  fc.constantFrom(...PAIRS).map(([m, n]) => Buffer.from(`i${m}\n${n}\n`, 'latin1')),
  fc.constantFrom(...MEMO_LINES).map((l) => Buffer.from(`p${l}\n`, 'latin1')),
  fc.constantFrom(...MEMO_LINES).map((l) => Buffer.from(`g${l}\n`, 'latin1')),
  fc.integer({ min: 0, max: 4 }).map((i) => Buffer.from([0x71, i])),
  fc.integer({ min: 0, max: 4 }).map((i) => Buffer.from([0x68, i])),
  fc.integer({ min: 0, max: 12 }).map((n) => Buffer.concat([Buffer.from([0x43, n]), Buffer.alloc(Math.min(n, 6), 0x4e)])),
  fc.constant(Buffer.from([0x58, 3, 0, 0, 0, 0xed, 0xa0, 0x80])),
  fc.constantFrom(0x93, 0x94, 0x85, 0x86, 0x87, 0x74, 0x29, 0x5d, 0x7d, 0x6c, 0x64, 0x52, 0x62, 0x81, 0x6f, 0x30, 0x31, 0x32, 0x61, 0x65, 0x73, 0x75, 0x28, 0x4e, 0x2e, 0x8a).map((b) => Buffer.from([b])),
  fc.integer({ min: 0, max: 255 }).map((b) => Buffer.from([0x4b, b])),
  // torch's magic number as LONG1 and as a protocol 0 LONG; an extension code; a string too long to keep.
  fc.constant(Buffer.from('8a0a6cfc9c46f9206aa85019', 'hex')),
  fc.constant(Buffer.from('L119547037146038801333356L\n')),
  fc.integer({ min: 0, max: 3 }).map((c) => Buffer.from([0x82, c])),
  fc.constant(Buffer.concat([Buffer.from([0x58, 0x01, 0x04, 0, 0]), Buffer.alloc(1025, 0x6f)])),
  fc.integer({ min: 0, max: 255 }).map((b) => Buffer.from([b])),
);
const program = fc.array(token, { minLength: 1, maxLength: 24 }).map((ts) => Buffer.concat([...ts, Buffer.from('.')]));

const mutate = (sample: Buffer) =>
  fc.array(fc.tuple(fc.nat(sample.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 3 }).map((edits) => {
    const b = Buffer.from(sample);
    for (const [at, v] of edits) b[at] = v;
    return b;
  });
const samples = [F.osSystemProtocol2(), F.osSystemProtocol4(), F.tensorStateDict(), F.tensorStateDictProtocol4(), F.memoEvasion(), F.benignOrderedDict()];

async function walk(b: Buffer, candidate = false): Promise<PickleScan> {
  return walkPickles(ByteSource.fromBuffer(b), { file: 'f', limits: DEFAULT_LIMITS, candidate });
}

describe.skipIf(!HAS_PYTHON)('the pickle walker against CPython', () => {
  it('never misses a global CPython resolves; "not a pickle" is only ever bytes CPython refuses before any import', async () => {
    const inputs = [
      ...fc.sample(program, { numRuns: RUNS, seed: 1401 }),
      ...samples.flatMap((s, i) => fc.sample(mutate(s), { numRuns: Math.ceil(RUNS / 16), seed: 1402 + i })),
    ];
    const answers = oracle<PickleAnswer>(inputs.map((b) => ({ kind: 'pickle', hex: b.toString('hex'), torch: true })));
    let notPickles = 0;
    let imported = 0;
    for (const [i, b] of inputs.entries()) {
      const a = answers[i]!;
      const r = await walk(b);
      const ours = new Set(r.imports.map((x) => `${x.module}.${x.name}`));
      const structural = r.findings.some((f) => STRUCTURAL.has(f.code));
      const where = `input ${b.toString('hex')}: walker ${JSON.stringify(r.findings.map((f) => f.code))}, CPython ${JSON.stringify(a)}`;
      for (const mode of ['c-file', 'c-bytes', 'python'] as Mode[]) {
        for (const g of a.imports[mode]) {
          imported++;
          expect(ours.has(g) || structural, `${mode} imported ${g} unseen; ${where}`).toBe(true);
        }
      }
      // A stop the walker attributes to CPython refusing the bytes: CPython (reading a file) refused them too.
      if (r.pickles === 0 && r.findings.some((f) => f.code === 'PICKLE_MALFORMED') && !r.findings.some((f) => f.code === 'PICKLE_FRAME_MISMATCH')) {
        expect(a.errors['c-file'], `CPython read what the walker calls malformed; ${where}`).not.toBeNull();
      }
      const c = await walk(b, true);
      if (c.notPickle) {
        notPickles++;
        for (const mode of ['c-file', 'c-bytes', 'python'] as Mode[]) expect(a.imports[mode], `"not a pickle" but ${mode} imported; ${where}`).toEqual([]);
        expect(a.errors['c-file'], `"not a pickle" but CPython read it; ${where}`).not.toBeNull();
      }
    }
    // The generator reaches both sides of each property.
    expect(imported).toBeGreaterThan(500);
    expect(notPickles).toBeGreaterThan(200);
  }, 240_000);
});

interface ZipAnswer {
  members?: Record<string, string>;
  error?: string;
}

async function ourMembers(file: string, size: number): Promise<{ ambiguous: boolean; members?: Record<string, string> }> {
  const fh = await open(file, 'r');
  try {
    return await membersOf(handleReader(fh, size));
  } finally {
    await fh.close();
  }
}

async function membersOf(ra: RandomAccess): Promise<{ ambiguous: boolean; members?: Record<string, string> }> {
  let dir;
  try {
    dir = await readZipDirectory(ra, DEFAULT_LIMITS);
  } catch {
    return { ambiguous: true };
  }
  if (dir.problems.length > 0) return { ambiguous: true };
  const members: Record<string, string> = {};
  for (const e of dir.entries) {
    if (e.name.endsWith('/')) continue;
    let opened;
    try {
      opened = openZipMember(ra, e, DEFAULT_LIMITS);
    } catch {
      return { ambiguous: true };
    }
    const h = createHash('sha256');
    while (await opened.src.ensure(1)) h.update(opened.src.take(opened.src.buffered));
    if (opened.problems.length > 0) return { ambiguous: true };
    members[e.name] = h.digest('hex');
  }
  return { ambiguous: false, members };
}

describe.skipIf(!HAS_PYTHON)('the zip reader against Python\'s zipfile', () => {
  it('a zip read without a problem gives Python\'s zipfile the same members and bytes (or Python refuses it whole)', async () => {
    const bases = [torchLikeZip(F.tensorStateDict()), F.torchZip(F.osSystemProtocol4(), { deflate: true }), F.makeZip([{ name: 'x.npy', data: F.npy('<f4', '(2,)', Buffer.alloc(8)) }, { name: 'y.npy', data: F.npy('|O', '(1,)', F.benignOrderedDict()), deflate: true }])];
    const inputs = [...bases, ...bases.flatMap((s, i) => fc.sample(mutate(s), { numRuns: 250, seed: 1500 + i }))];
    const d = await tmpDir('modelsign-zip-oracle-');
    const answers = oracle<ZipAnswer>(inputs.map((b) => ({ kind: 'zip', hex: b.toString('hex') })));
    let clean = 0;
    for (const [i, b] of inputs.entries()) {
      await writeFile(path.join(d, 'z.zip'), b);
      const ours = await ourMembers(path.join(d, 'z.zip'), b.length);
      if (ours.ambiguous) continue;
      clean++;
      const a = answers[i]!;
      if (a.error !== undefined) continue;
      expect(a.members, `zip ${i} (${b.toString('hex')})`).toEqual(ours.members);
    }
    // The unmutated samples and some mutations (bytes inside stored data) read cleanly.
    expect(clean).toBeGreaterThanOrEqual(bases.length);
    // And the scanner reads the clean samples without a finding.
    const f = path.join(d, 'z.zip');
    await writeFile(f, bases[0]!);
    expect((await scanFile(f, 'model.pt', DEFAULT_LIMITS)).findings).toEqual([]);
  }, 120_000);
});

/**
 * Code execution a scanner must not miss, end to end with the built CLI: pickles in files
 * loaders unpickle by name (.bin, extension-less), all five pickles of a legacy torch file,
 * FRAME tricks, zips readers see differently, compressed content, and the whole corpus of
 * published scanner bypasses - through `modelsign scan` and through `modelsign verify
 * --policy` with `formats.scan: true` (message and exit code for each).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytes, cleanupTmp, keypair, runCli, tmpDir } from '../helpers/cli.js';
import { ADVISORY_CASES, call0 } from '../helpers/advisories.js';
import * as F from '../helpers/scan-fixtures.js';
import { craftZip, torchLikeZip } from '../helpers/zip-craft.js';

let dir: string;
let keys: { key: string; pub: string };

beforeAll(async () => {
  dir = await tmpDir('modelsign-scan-hostile-');
  keys = await keypair(dir);
});
afterAll(cleanupTmp);

interface Failure {
  code: string;
  path: string;
  message: string;
}

/** Sign `model` with the test key, then verify it under a policy with `formats.scan: true`. */
async function verifyScanned(model: string): Promise<{ code: number; failures: Failure[] }> {
  const s = await runCli(['sign', model, '--key', keys.key, '--version', '1.0.0', '--license', 'apache-2.0']);
  expect(s.code, s.stderr).toBe(0);
  const policy = path.join(dir, 'scan.yaml');
  await writeFile(policy, `apiVersion: modelsign/v1\ntrust:\n  keys: [${keys.pub}]\nlicense:\n  deploy: { allow: [apache-2.0] }\nformats: { scan: true }\n`);
  const r = await runCli(['verify', model, '--policy', policy, '--json']);
  return { code: r.code, failures: JSON.parse(r.stdout).failures };
}

const MAGIC = Buffer.from('6cfc9c46f9206aa85019', 'hex');
const legacy = (data: Buffer) =>
  Buffer.concat([
    new F.P().proto(2).raw(0x8a, 10, MAGIC).stop().bytes(),
    new F.P().proto(2).raw('M', Buffer.from([0xe9, 0x03])).stop().bytes(),
    new F.P().proto(2).emptyDict().stop().bytes(),
    data,
    new F.P().proto(2).emptyList().stop().bytes(),
    Buffer.alloc(256, 0x80),
  ]);

/** One file per failure path, with the exact line `modelsign scan` prints for it. */
const FILES: { name: string; bytes: () => Buffer; line: string }[] = [
  {
    name: 'training_args.bin',
    bytes: () => call0('posix', 'system', 'id'),
    line: 'CRITICAL training_args.bin: imports posix.system (posix is on the deny-list) via GLOBAL, used by REDUCE; loading this file can run code [PICKLE_DANGEROUS_GLOBAL]',
  },
  {
    name: 'checkpoint',
    bytes: () => Buffer.from("(S'x'\ncsubprocess\ngetoutput\np0\n0g0\n(S'id'\ntR.", 'latin1'),
    line: 'CRITICAL checkpoint: imports subprocess.getoutput (subprocess is on the deny-list) via GLOBAL, used by REDUCE; loading this file can run code [PICKLE_DANGEROUS_GLOBAL]',
  },
  {
    name: 'pytorch_model.bin',
    bytes: () => legacy(call0('os', 'system', 'id')),
    line: 'CRITICAL pytorch_model.bin: imports os.system (os is on the deny-list) via GLOBAL, used by REDUCE; loading this file can run code [PICKLE_DANGEROUS_GLOBAL]',
  },
  {
    name: 'frame.pkl',
    bytes: () => Buffer.concat([Buffer.from([0x80, 5, 0x95, 2, 0, 0, 0, 0, 0, 0, 0, 0x42, 0x30, 0, 0, 0]), call0('os', 'system', 'id'), Buffer.alloc(40, 0x4e), Buffer.from('.')]),
    line: 'CRITICAL frame.pkl: BINBYTES at offset 11 runs past the end of its FRAME (offset 13): pickle.load on a file (as torch.load reads) sees different opcodes here than pickle.loads and this scanner [PICKLE_FRAME_MISMATCH]',
  },
  {
    name: 'crc.pt',
    bytes: () => craftZip([{ name: 'archive/data.pkl', data: F.tensorStateDict(), crc: 0xdeadbeef }]),
    line: "HIGH     crc.pt!archive/data.pkl: member's data has CRC-32 125336ce, the directory says deadbeef (Python's zipfile refuses it, PyTorch's reader does not check) [ZIP_AMBIGUOUS]",
  },
  {
    name: 'prepended.pt',
    bytes: () => Buffer.concat([craftZip([{ name: 'archive/data.pkl', data: F.tensorStateDict() }]), craftZip([{ name: 'archive/data.pkl', data: F.osSystemProtocol4() }])]),
    line: "HIGH     prepended.pt: the central directory ends 501 bytes before the end record (prepended or inserted data: Python's zipfile shifts every offset by that much, miniz does not) [ZIP_AMBIGUOUS]",
  },
  {
    name: 'encrypted.pt',
    bytes: () => craftZip([{ name: 'archive/data.pkl', data: F.tensorStateDict(), flags: 0x801 }]),
    line: "HIGH     encrypted.pt!archive/data.pkl: member is flagged as encrypted: Python's zipfile cannot read it without a password, PyTorch's reader ignores the flag [ZIP_ENCRYPTED]",
  },
  {
    name: 'blob.dat',
    bytes: () => Buffer.concat([Buffer.from('I'), Buffer.alloc(1 << 21, 0x31), Buffer.from('\n.')]),
    line: 'HIGH     blob.dat: pickle cannot be followed: INT argument longer than 1048576 bytes (near offset 1) [SCAN_LIMIT]',
  },
  {
    name: 'weights.joblib',
    bytes: () => Buffer.concat([Buffer.from([0x78, 0x9c]), Buffer.alloc(30, 1)]),
    line: 'HIGH     weights.joblib: zlib-compressed data under a name pickle loaders read (joblib and pandas decompress such a file and unpickle it); not scanned [SCAN_SKIPPED]',
  },
  {
    name: 'model.7z',
    bytes: () => Buffer.concat([Buffer.from('377abcaf271c0004', 'hex'), Buffer.alloc(30, 1)]),
    line: 'MEDIUM   model.7z: 7z archive, which modelsign cannot look inside; not scanned [SCAN_SKIPPED]',
  },
];

describe('modelsign scan: one line and exit 1 for each', () => {
  for (const f of FILES) {
    it(`${f.name}`, async () => {
      const p = path.join(dir, f.name);
      await writeFile(p, f.bytes());
      const r = await runCli(['scan', p]);
      expect(r.stdout.split('\n')).toContain(f.line);
      expect(r.code).toBe(1);
    });
  }

  it('raw weights in a .bin and an extension-less file are not pickles (no finding); a PyTorch-written checkpoint is clean', async () => {
    const d = path.join(dir, 'clean');
    await mkdir(d);
    await writeFile(path.join(d, 'weights.bin'), bytes(4096, 3));
    await writeFile(path.join(d, 'LICENSE'), 'MIT License\n\nCopyright (c) 2026\n');
    await writeFile(path.join(d, 'pytorch_model.bin'), torchLikeZip(F.tensorStateDict(), [bytes(256, 4)]));
    const r = await runCli(['scan', d, '--json']);
    expect(r.code, r.stdout).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.files.map((x: { file: string; format: string }) => [x.file, x.format])).toEqual([['LICENSE', 'unknown'], ['pytorch_model.bin', 'pytorch'], ['weights.bin', 'unknown']]);
  });
});

describe('the corpus of published scanner bypasses', () => {
  let corpus: string;
  beforeAll(async () => {
    corpus = path.join(dir, 'corpus');
    await mkdir(corpus);
    for (const [i, c] of ADVISORY_CASES.entries()) await writeFile(path.join(corpus, `c${String(i).padStart(2, '0')}-${c.file}`), c.bytes());
  });

  it('modelsign scan: exit 1, every file reported with its findings', async () => {
    const r = await runCli(['scan', corpus, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    for (const [i, c] of ADVISORY_CASES.entries()) {
      const name = `c${String(i).padStart(2, '0')}-${c.file}`;
      const got = j.findings.filter((f: { file: string }) => f.file === name).map((f: { code: string }) => f.code);
      for (const code of c.codes) expect(got, `${c.id} ${name}`).toContain(code);
    }
  });

  it('verify --policy with formats.scan: the signed corpus is refused, a SCAN_FINDING for every file', async () => {
    const { code, failures } = await verifyScanned(corpus);
    expect(code).toBe(1);
    expect(new Set(failures.map((f) => f.code))).toEqual(new Set(['SCAN_FINDING']));
    for (const [i, c] of ADVISORY_CASES.entries()) {
      const name = `c${String(i).padStart(2, '0')}-${c.file}`;
      const mine = failures.filter((f) => f.path === name);
      for (const code of c.codes) expect(mine.some((f) => f.message.endsWith(`[${code}]`)), `${c.id} ${name}`).toBe(true);
    }
  });
});

describe('verify --policy with formats.scan: one refusal for each path', () => {
  it('each file of the list above, signed, fails verify with its SCAN_FINDING (exit 1); raw weights beside them give none', async () => {
    const m = path.join(dir, 'policy-model');
    await mkdir(m);
    for (const f of FILES) await writeFile(path.join(m, f.name), f.bytes());
    await writeFile(path.join(m, 'weights.bin'), bytes(4096, 3));
    const { code, failures } = await verifyScanned(m);
    expect(code).toBe(1);
    for (const f of FILES) {
      const [severity, rest] = [f.line.slice(0, 8).trim().toLowerCase(), f.line.slice(9)];
      const file = f.name;
      const member = rest.startsWith(`${file}!`) ? rest.slice(file.length + 1, rest.indexOf(': ')) : undefined;
      const message = rest.slice(rest.indexOf(': ') + 2);
      expect(failures, f.name).toContainEqual({ code: 'SCAN_FINDING', path: file, message: `${severity}: ${member !== undefined ? `${member}: ` : ''}${message}` });
    }
    expect(failures.some((f) => f.path === 'weights.bin')).toBe(false);
    const text = await runCli(['verify', m, '--policy', path.join(dir, 'scan.yaml')]);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/^modelsign: refused: .*\[SCAN_FINDING\]\n$/);
  });
});

/**
 * `modelsign scan` end to end: the built CLI on real files, directories and tar archives,
 * with hostile and benign samples built byte by byte; and the verify stage that makes a
 * signed model fail a scanning policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { create as tarCreate } from 'tar';
import { cleanupTmp, keypair, runCli, tmpDir, makeHfModel } from '../helpers/cli.js';
import * as F from '../helpers/scan-fixtures.js';
import { sign, verify } from '../../src/index.js';
import { formatsStage } from '../../src/scan/stage.js';

let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await tmpDir('modelsign-scan-');
  const files: Record<string, Buffer> = {
    'os-system-p2.pkl': F.osSystemProtocol2(),
    'os-system-p4.pickle': F.osSystemProtocol4(),
    'hostile.pt': F.torchZip(F.osSystemProtocol4()),
    'benign-ordereddict.pkl': F.benignOrderedDict(),
    'benign-tensors.pkl': F.tensorStateDict(),
    'benign-tensors-p4.pkl': F.tensorStateDictProtocol4(),
    'benign.pt': F.torchZip(F.tensorStateDict(), { deflate: true }),
    'valid.safetensors': F.validSafetensors(),
    'trailing.safetensors': Buffer.concat([F.validSafetensors(), Buffer.from('#!/bin/sh\n')]),
    'lying-length.safetensors': F.safetensors(JSON.stringify({ w: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }), Buffer.alloc(4), { declaredLength: 1 << 20 }),
    'overlap.safetensors': F.safetensors({ a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] }, b: { dtype: 'F32', shape: [2], data_offsets: [4, 12] } }, Buffer.alloc(12)),
    'valid.gguf': F.validGguf(),
    'bad-magic.gguf': F.validGguf({ magic: 'GGML' }),
    'renamed.txt': F.osSystemProtocol2('id'),
    'object.npy': F.npy('|O', '(1,)', F.osSystemProtocol2()),
  };
  for (const [n, b] of Object.entries(files)) await writeFile(file(n), b);
});
afterAll(cleanupTmp);

describe('modelsign scan: one file', () => {
  const cases: [string, number, RegExp][] = [
    ['os-system-p2.pkl', 1, /^CRITICAL os-system-p2\.pkl: imports os\.system .*via GLOBAL, used by REDUCE.*\[PICKLE_DANGEROUS_GLOBAL\]$/m],
    ['os-system-p4.pickle', 1, /^CRITICAL os-system-p4\.pickle: imports os\.system .*via STACK_GLOBAL, used by REDUCE.*\[PICKLE_DANGEROUS_GLOBAL\]$/m],
    ['hostile.pt', 1, /^CRITICAL hostile\.pt!archive\/data\.pkl: imports os\.system .*\[PICKLE_DANGEROUS_GLOBAL\]$/m],
    ['renamed.txt', 1, /renamed\.txt: imports os\.system/],
    ['object.npy', 1, /object\.npy: imports os\.system/],
    ['benign-ordereddict.pkl', 0, /^clean: 1 file scanned, no findings$/m],
    ['benign-tensors.pkl', 0, /^clean: 1 file scanned, no findings$/m],
    ['benign-tensors-p4.pkl', 0, /^clean: 1 file scanned, no findings$/m],
    ['benign.pt', 0, /^clean: 1 file scanned, no findings$/m],
    ['valid.safetensors', 0, /^clean: 1 file scanned, no findings$/m],
    ['trailing.safetensors', 1, /^HIGH +trailing\.safetensors: 10 bytes after the last tensor .*\[SAFETENSORS_TRAILING_BYTES\]$/m],
    ['lying-length.safetensors', 1, /lying-length\.safetensors: header length 1048576 points past the end of the \d+-byte file \[SAFETENSORS_HEADER_LENGTH\]/],
    ['overlap.safetensors', 1, /overlap\.safetensors: tensor "b" \[4, 12\) overlaps tensor "a" .*\[SAFETENSORS_OFFSETS\]/],
    ['valid.gguf', 0, /^clean: 1 file scanned, no findings$/m],
    ['bad-magic.gguf', 1, /bad-magic\.gguf: not a GGUF file: magic is "GGML", expected "GGUF" \[GGUF_BAD_MAGIC\]/],
  ];
  for (const [name, code, msg] of cases) {
    it(`${name} -> exit ${code}`, async () => {
      const r = await runCli(['scan', file(name)]);
      expect(r.stdout).toMatch(msg);
      expect(r.code, r.stderr).toBe(code);
    });
  }
});

describe('modelsign scan: directories, archives, JSON, usage', () => {
  it('a directory: every file, worst findings first, summary line', async () => {
    const r = await runCli(['scan', dir]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^CRITICAL /);
    expect(lines.at(-1)).toMatch(/^FAILED: 15 files scanned, \d+ findings \(\d+ critical, \d+ high\)$/);
    expect(r.stdout).not.toMatch(/benign/);
  });

  it('a clean HF-style directory passes', async () => {
    const d = await tmpDir();
    await makeHfModel(d, { shardBytes: 1000 });
    await writeFile(path.join(d, 'model-00001-of-00002.safetensors'), F.validSafetensors());
    await writeFile(path.join(d, 'model-00002-of-00002.safetensors'), F.validSafetensors());
    const r = await runCli(['scan', d]);
    // Only the two safetensors shards are of a format modelsign checks; the JSON and text files are not scanned.
    expect(r.stdout.trim()).toBe('clean: 2 files scanned, 6 skipped (unknown format), no findings');
    expect(r.code).toBe(0);
  });

  it('counts are honest: unknown formats and refused entries are not "scanned"; one code per finding; no --allow-symlinks advice', async () => {
    const d = await tmpDir();
    await writeFile(path.join(d, 'ok.safetensors'), F.validSafetensors());
    await writeFile(path.join(d, 'ok.pkl'), F.benignOrderedDict());
    await writeFile(path.join(d, 'plain.txt'), 'just some text\n');
    await symlink('ok.pkl', path.join(d, 'link.pkl'));
    execFileSync('mkfifo', [path.join(d, 'pipe.bin')]);
    const r = await runCli(['scan', d], { timeoutMs: 20_000 });
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      'MEDIUM   link.pkl: not scanned: a symlink (scan never follows links; scan the file it points to) [SCAN_SKIPPED]',
      'MEDIUM   pipe.bin: not scanned: FIFO is not a regular file [SCAN_SKIPPED]',
      'FAILED: 2 files scanned, 1 skipped (unknown format), 2 refused, 2 findings (2 medium)',
    ]);
    expect(r.stdout).not.toContain('--allow-symlinks');
    expect(r.stdout).not.toMatch(/\] \[/);
    const j = JSON.parse((await runCli(['scan', d, '--json'], { timeoutMs: 20_000 })).stdout);
    expect(j).toMatchObject({ clean: false, filesScanned: 2, filesUnknownFormat: 1, filesRefused: 2, counts: { medium: 2 } });
    expect(j.files.map((f: { file: string; format: string }) => [f.file, f.format])).toEqual([['ok.pkl', 'pickle'], ['ok.safetensors', 'safetensors'], ['plain.txt', 'unknown']]);
    expect(j.findings.map((f: { message: string }) => f.message).join('\n')).not.toMatch(/\[[A-Z_]+\]/);
    const t = await runCli(['scan', path.join(d, 'plain.txt')]);
    expect(t.code).toBe(0);
    expect(t.stdout.trim()).toBe('clean: 0 files scanned, 1 skipped (unknown format), no findings');
    // An archive: its link entry is refused, not scanned.
    const tarFile = path.join(await tmpDir(), 'm.tar');
    execFileSync('tar', ['-C', d, '--exclude', 'pipe.bin', '-cf', tarFile, '.']);
    const a = await runCli(['scan', tarFile]);
    expect(a.code).toBe(1);
    expect(a.stdout.trim().split('\n').at(-1)).toBe('FAILED: 2 files scanned, 1 skipped (unknown format), 1 refused, 1 finding (1 medium)');
  });

  it('a .tar.gz archive is scanned entry by entry (a torch zip inside too)', async () => {
    const src = await tmpDir();
    await mkdir(path.join(src, 'm', 'sub'), { recursive: true });
    await writeFile(path.join(src, 'm', 'sub', 'hostile.pt'), F.torchZip(F.osSystemProtocol2()));
    await writeFile(path.join(src, 'm', 'ok.safetensors'), F.validSafetensors());
    await writeFile(path.join(src, 'm', 'trailing.safetensors'), Buffer.concat([F.validSafetensors(), Buffer.alloc(3)]));
    await writeFile(path.join(src, 'm', 'p4.pkl'), F.osSystemProtocol4());
    const tgz = path.join(src, 'model.tar.gz');
    await tarCreate({ gzip: true, file: tgz, cwd: src, portable: true }, ['m']);
    const r = await runCli(['scan', tgz]);
    expect(r.code).toBe(1);
    // Entries are named as verify names them: relative to the model root (the top folder m/ is the root).
    expect(r.stdout).toMatch(/model\.tar\.gz:sub\/hostile\.pt!archive\/data\.pkl: imports os\.system/);
    expect(r.stdout).toMatch(/model\.tar\.gz:p4\.pkl: imports os\.system .*STACK_GLOBAL/);
    expect(r.stdout).toMatch(/model\.tar\.gz:trailing\.safetensors: 3 bytes after the last tensor/);
    expect(r.stdout).toMatch(/4 files scanned/);

    const clean = path.join(src, 'clean.tar');
    await writeFile(path.join(src, 'm', 'sub', 'hostile.pt'), F.torchZip(F.tensorStateDict()));
    await writeFile(path.join(src, 'm', 'trailing.safetensors'), F.validSafetensors());
    await writeFile(path.join(src, 'm', 'p4.pkl'), F.benignOrderedDict());
    await tarCreate({ file: clean, cwd: src, portable: true }, ['m']);
    const c = await runCli(['scan', clean]);
    expect(c.stdout.trim()).toBe('clean: 4 files scanned, no findings');
    expect(c.code).toBe(0);
  });

  it('a GNU sparse entry (read differently by tar readers) is a high finding, never "clean"', async () => {
    const d = await tmpDir();
    const pkl = path.join(d, 'evil.pkl');
    await writeFile(pkl, F.osSystemProtocol2());
    await truncate(pkl, 4 * 1024 * 1024); // a hole after the pickle: tar -S writes a sparse entry
    const tarFile = path.join(d, 'sparse.tar');
    execFileSync('tar', ['--format=gnu', '-S', '-C', d, '-cf', tarFile, 'evil.pkl']);
    expect(String.fromCharCode((await readFile(tarFile))[156]!)).toBe('S'); // GNU sparse typeflag
    const r = await runCli(['scan', tarFile, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.clean).toBe(false);
    expect(j.filesRefused).toBe(1);
    expect(j.findings).toEqual([
      expect.objectContaining({ code: 'SCAN_SKIPPED', severity: 'high', file: 'sparse.tar', message: expect.stringMatching(/evil\.pkl.*GNU sparse file/) }),
    ]);
  });

  it('symlinks are reported, never followed (directory and archive)', async () => {
    const d = await tmpDir();
    const m = path.join(d, 'm');
    await mkdir(m);
    await writeFile(path.join(d, 'outside.pkl'), F.osSystemProtocol2());
    await writeFile(path.join(m, 'ok.safetensors'), F.validSafetensors());
    await symlink('../outside.pkl', path.join(m, 'link.pkl'));
    const r = await runCli(['scan', m]);
    expect(r.stdout).toMatch(/^MEDIUM +link\.pkl: not scanned: .*\[SCAN_SKIPPED\]$/m);
    expect(r.stdout).not.toMatch(/os\.system/);
    expect(r.code).toBe(1);
    const t = path.join(d, 'm.tar');
    await tarCreate({ file: t, cwd: d, portable: true }, ['m']);
    const a = await runCli(['scan', t]);
    expect(a.stdout).toMatch(/m\.tar: not scanned: .*"link\.pkl".*symlink to "\.\.\/outside\.pkl" points outside the model \[SCAN_SKIPPED\]/);
    expect(a.stdout).not.toMatch(/os\.system/);
    expect(a.code).toBe(1);
  });

  it('a FIFO in the model is reported, never opened (no hang)', async () => {
    const d = await tmpDir();
    await writeFile(path.join(d, 'ok.safetensors'), F.validSafetensors());
    execFileSync('mkfifo', [path.join(d, 'pipe.pkl')]);
    const r = await runCli(['scan', d], { timeoutMs: 20_000 });
    expect(r.stdout).toMatch(/^MEDIUM +pipe\.pkl: not scanned: .*\[SCAN_SKIPPED\]$/m);
    expect(r.code).toBe(1);
    const direct = await runCli(['scan', path.join(d, 'pipe.pkl')], { timeoutMs: 20_000 });
    expect(direct.stderr).toMatch(/modelsign: error: not a file, directory or archive: .*pipe\.pkl \[SPECIAL_FILE\]/);
    expect(direct.code).toBe(2);
  });

  it('a corrupt archive is a finding, not a crash', async () => {
    const d = await tmpDir();
    await writeFile(path.join(d, 'bad.tar.gz'), Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7]));
    const r = await runCli(['scan', path.join(d, 'bad.tar.gz')]);
    expect(r.stdout).toMatch(/bad\.tar\.gz: not scanned: cannot read archive: .* \[SCAN_SKIPPED\]/);
    expect(r.code).toBe(1);
  });

  it('--json prints the documented report', async () => {
    const r = await runCli(['scan', file('hostile.pt'), '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ path: file('hostile.pt'), clean: false, filesScanned: 1, counts: { critical: 1, high: 0, medium: 0, low: 0 } });
    expect(j.files[0]).toMatchObject({ file: 'hostile.pt', format: 'pytorch', pickle: true });
    expect(j.files[0].imports).toEqual([{ module: 'os', name: 'system', via: ['STACK_GLOBAL'], usedBy: ['REDUCE'], verdict: 'dangerous', member: 'archive/data.pkl' }]);
    expect(j.findings[0]).toMatchObject({ code: 'PICKLE_DANGEROUS_GLOBAL', severity: 'critical', file: 'hostile.pt', member: 'archive/data.pkl', global: 'os.system' });
    const ok = JSON.parse((await runCli(['scan', file('benign-tensors.pkl'), '--json'])).stdout);
    expect(ok).toMatchObject({ clean: true, findings: [] });
    expect(ok.files[0].imports.map((i: { verdict: string }) => i.verdict)).toEqual(['allowed', 'allowed', 'allowed']);
  });

  it('--fail-on raises the threshold; findings below it are still shown', async () => {
    const unknown = file('unknown.pkl');
    await writeFile(unknown, new F.P().proto(2).global('mypkg', 'Net').emptyTuple().newobj().stop().bytes());
    const strict = await runCli(['scan', unknown]);
    expect(strict.stdout).toMatch(/^MEDIUM +unknown\.pkl: imports mypkg\.Net, which is not on the allow-list/m);
    expect(strict.code).toBe(1);
    const lax = await runCli(['scan', unknown, '--fail-on', 'high']);
    expect(lax.stdout).toMatch(/^passed: 1 file scanned, 1 finding \(1 medium\)$/m);
    expect(lax.code).toBe(0);
  });

  it('names from a hostile pickle or file name cannot forge extra report lines', async () => {
    const d = path.join(dir, 'forge');
    await mkdir(d);
    const su = (s: string) => Buffer.concat([Buffer.from([0x8c, Buffer.byteLength(s)]), Buffer.from(s)]);
    // protocol 4: SHORT_BINUNICODE module, SHORT_BINUNICODE name (with a newline), STACK_GLOBAL, EMPTY_TUPLE, REDUCE, STOP
    await writeFile(path.join(d, 'a.pkl'), Buffer.concat([Buffer.from([0x80, 4]), su('evilmod'), su('x\nclean: 9 files scanned, no findings'), Buffer.from([0x93, 0x29, 0x52, 0x2e])]));
    await writeFile(path.join(d, 'b\nOK fake.pkl'), F.osSystemProtocol2());
    const r = await runCli(['scan', d]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^FAILED: 2 files scanned, 2 findings/);
    expect(r.stdout).toContain('evilmod.x?clean: 9 files scanned');
    expect(r.stdout).toContain('b?OK fake.pkl: imports os.system');
  });

  it('usage errors exit 2', async () => {
    const missing = await runCli(['scan', path.join(dir, 'nope')]);
    expect(missing.stderr).toMatch(/^modelsign: error: no such file or directory: .*nope \[SCAN_NOT_FOUND\]$/m);
    expect(missing.code).toBe(2);
    expect((await runCli(['scan'])).code).toBe(2);
    expect((await runCli(['scan', dir, '--fail-on', 'severe'])).code).toBe(2);
    expect((await runCli(['scan', dir, '--bogus'])).code).toBe(2);
    const help = await runCli(['scan', '--help']);
    expect(help.stdout).toMatch(/Examples:/);
    expect(help.code).toBe(0);
  });
});

describe('formats policy stage through verify()', () => {
  it('scan: true blocks a signed hostile model; deny: [pickle] blocks a clean pickle; safetensors pass', async () => {
    const d = await tmpDir();
    const { key, pub } = await keypair(d);
    const model = path.join(d, 'model');
    await mkdir(path.join(model, 'ckpt'), { recursive: true });
    await writeFile(path.join(model, 'model.safetensors'), F.validSafetensors());
    await writeFile(path.join(model, 'ckpt', 'pytorch_model.bin'), F.torchZip(F.osSystemProtocol4()));
    await writeFile(path.join(model, 'config.json'), '{}');
    await sign({ model, key, version: '1.0.0' });

    const plain = await verify({ trust: { keys: [pub] } }, model);
    expect(plain.verified).toBe(true);

    const scanned = await verify({ trust: { keys: [pub] }, formats: { scan: true } }, model);
    expect(scanned.verified).toBe(false);
    expect(scanned.failures).toEqual([
      { code: 'SCAN_FINDING', path: 'ckpt/pytorch_model.bin', message: expect.stringMatching(/^critical: archive\/data\.pkl: imports os\.system .*\[PICKLE_DANGEROUS_GLOBAL\]$/) },
    ]);

    // Same model made clean: scan passes, but a pickle-denying policy still refuses it.
    const clean = path.join(d, 'clean');
    await mkdir(clean);
    await writeFile(path.join(clean, 'model.safetensors'), F.validSafetensors());
    await writeFile(path.join(clean, 'pytorch_model.bin'), F.torchZip(F.tensorStateDict()));
    await writeFile(path.join(clean, 'arr.npy'), F.npy('<f4', '(2,)', Buffer.alloc(8)));
    await sign({ model: clean, key, version: '1.0.0' });
    expect((await verify({ trust: { keys: [pub] }, formats: { scan: true } }, clean)).failures).toEqual([]);
    const denied = await verify({ trust: { keys: [pub] }, formats: { deny: ['pickle'] } }, clean);
    expect(denied.failures).toEqual([{ code: 'FORMAT_DENIED', path: 'pytorch_model.bin', message: 'policy denies pickle (inside pytorch) files' }]);
    const noSt = await verify({ trust: { keys: [pub] }, formats: { deny: ['safetensors', 'gguf'] } }, clean);
    expect(noSt.failures.map((f) => `${f.code} ${f.path}`)).toEqual(['FORMAT_DENIED model.safetensors']);
  });

  it('a single-file signed model and unknown deny names', async () => {
    const d = await tmpDir();
    const { key, pub } = await keypair(d);
    const model = path.join(d, 'weights.pkl');
    await writeFile(model, F.osSystemProtocol2());
    await sign({ model, key, version: '1.0.0' });
    const r = await verify({ trust: { keys: [pub] }, formats: { scan: true, deny: ['npy'] } }, model);
    expect(r.failures.map((f) => `${f.code} ${f.path}`)).toEqual(['SCAN_FINDING weights.pkl']);
    expect(() => formatsStage({ deny: ['exe'] })).toThrow(/formats\.deny: unknown format "exe"/);
    expect(() => formatsStage({ scan: true, failOn: 'severe' as 'low' })).toThrow(/formats\.failOn: unknown severity "severe"/);

    // A full-model pickle naming its own class: a medium finding, which failOn can tolerate.
    const own = path.join(d, 'own.pkl');
    await writeFile(own, new F.P().proto(2).global('mypkg.models', 'Net').emptyTuple().newobj().stop().bytes());
    await sign({ model: own, key, version: '1.0.0' });
    const strict = await verify({ trust: { keys: [pub] }, formats: { scan: true } }, own);
    expect(strict.failures).toEqual([{ code: 'SCAN_FINDING', path: 'own.pkl', message: expect.stringMatching(/^medium: imports mypkg\.models\.Net, which is not on the allow-list/) }]);
    const lax = await verify({ trust: { keys: [pub] }, formats: { scan: true, failOn: 'high' } }, own);
    expect(lax.verified).toBe(true);
  });
});

/**
 * The model source seam: one read lists, hashes and hands the inspectors the very bytes that
 * were hashed. A file swapped or rewritten between the hash and the inspector's read must be
 * caught (the verified re-open), never scanned as if it were the signed one.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdir, rename, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keySigner, signModel } from '../../src/sign/sign.js';
import { verifyModel as verify } from '../../src/verify/pipeline.js';
import { openSource } from '../../src/source/index.js';
import type { Inspector } from '../../src/source/types.js';
import { formatsStage } from '../../src/scan/stage.js';
import { keyTrust } from '../../src/verify/trust-key.js';
import * as F from '../helpers/scan-fixtures.js';
import { cleanupTmp, tmpDir } from '../helpers/cli.js';
import { recorder } from '../helpers/inspectors.js';
import { execFileSync } from 'node:child_process';

afterAll(cleanupTmp);

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function model(): Promise<string> {
  const d = await tmpDir();
  await mkdir(path.join(d, 'sub'));
  await writeFile(path.join(d, 'config.json'), '{"a":1}');
  await writeFile(path.join(d, 'sub', 'weights.pkl'), F.benignOrderedDict());
  // The kernel's change-time clock is coarse (a few ms): let it move past the files' creation.
  await new Promise((r) => setTimeout(r, 30));
  return d;
}

const whole = (_: string, size: number): Array<[number, number]> => [[0, size]];

describe('openSource chooses one source per model', () => {
  it('a directory, a file, an archive, an archive read as one file; a missing model is MODEL_NOT_FOUND', async () => {
    const d = await model();
    const arc = path.join(await tmpDir(), 'm.tar');
    execFileSync('tar', ['-C', d, '-cf', arc, '.']);
    expect((await openSource(d)).kind).toBe('directory');
    expect((await openSource(path.join(d, 'config.json'))).kind).toBe('file');
    expect((await openSource(arc)).kind).toBe('archive');
    expect((await openSource(arc, { archiveAsFile: true })).kind).toBe('file');
    await expect(openSource(path.join(d, 'nope'))).rejects.toMatchObject({ code: 'MODEL_NOT_FOUND', kind: 'usage' });
    expect((await openSource(d)).defaultSignaturePath()).toBe(path.join(d, 'model.sig'));
    expect((await openSource(arc)).defaultSignaturePath()).toBe(`${arc}.sig`);
    expect((await openSource(arc)).defaultName()).toBe('m');
    expect((await openSource(arc)).defaultIgnores).toEqual(['model.sig']);
  });
});

describe('a directory read hashes and inspects the same bytes', () => {
  it('the inspector sees exactly the hashed bytes of every file', async () => {
    const d = await model();
    const insp = recorder();
    const r = await (await openSource(d)).read({ alg: 'sha256', ranges: whole, allowSymlinks: false, ignorePaths: [], inspector: insp });
    expect(r.listing.files.map((f) => f.name)).toEqual(['config.json', 'sub/weights.pkl']);
    for (const f of r.listing.files) {
      const h = r.hashed.get(f.name, 0, f.size);
      expect(h).toEqual({ ok: true, digest: sha(insp.seen.get(f.name)!) });
    }
    expect(insp.refused).toEqual([]);
    expect(r.bytesRead).toBe(2 * r.listing.files.reduce((s, f) => s + f.size, 0));
  });

  it('a file renamed over the hashed one before the inspector reads it is refused (FILE_REPLACED), never inspected', async () => {
    const d = await model();
    const insp = recorder();
    const r = await (await openSource(d)).read({
      alg: 'sha256',
      ranges: whole,
      allowSymlinks: false,
      ignorePaths: [],
      inspector: insp,
      onHashed: async () => {
        const evil = path.join(d, 'sub', 'evil.tmp');
        await writeFile(evil, F.osSystemProtocol2());
        await rename(evil, path.join(d, 'sub', 'weights.pkl'));
      },
    });
    expect(insp.refused).toEqual(['sub/weights.pkl:FILE_REPLACED']);
    expect(insp.seen.has('sub/weights.pkl')).toBe(false);
    const f = r.listing.files.find((x) => x.name === 'sub/weights.pkl')!;
    expect(r.hashed.get(f.name, 0, f.size)).toMatchObject({ ok: false, code: 'FILE_REPLACED' });
  });

  it('a file rewritten in place after hashing (same size, mtime set back) is refused: its change time moved', async () => {
    const d = await model();
    const target = path.join(d, 'sub', 'weights.pkl');
    const before = await stat(target);
    const insp = recorder();
    await (await openSource(d)).read({
      alg: 'sha256',
      ranges: whole,
      allowSymlinks: false,
      ignorePaths: [],
      inspector: insp,
      onHashed: async () => {
        const same = Buffer.alloc(before.size, 0x41);
        await writeFile(target, same);
        await utimes(target, before.atime, before.mtime);
      },
    });
    expect(insp.refused).toEqual(['sub/weights.pkl:FILE_CHANGED_DURING_HASH']);
    expect(insp.seen.has('sub/weights.pkl')).toBe(false);
  });
});

describe('verify with a scanning policy reads the model once', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const trust = [keyTrust(publicKey, 'test key')];

  it('a pickle swapped for a hostile one between the hash and the scan fails verification', async () => {
    const d = await model();
    await signModel({ model: d, version: '1.0.0', signer: keySigner(privateKey, publicKey) });
    await new Promise((r) => setTimeout(r, 30));
    const stages = [formatsStage({ scan: true })];
    const ok = await verify({ model: d, trust, stages });
    expect(ok.failures).toEqual([]);
    expect(ok.reports.scan?.map((x) => x.file)).toEqual(['config.json', 'sub/weights.pkl']);

    const swapped = await verify({
      model: d,
      trust,
      stages,
      onHashed: async () => {
        const evil = path.join(d, 'evil.tmp');
        await writeFile(evil, F.osSystemProtocol2());
        await rename(evil, path.join(d, 'sub', 'weights.pkl'));
      },
    });
    expect(swapped.verified).toBe(false);
    expect(swapped.failures.map((f) => `${f.code} ${f.path}`)).toEqual(['FILE_REPLACED sub/weights.pkl']);
  });
});

describe('an archive is read once: hashed and inspected in the same pass', () => {
  async function archives(): Promise<{ dir: string; tar: string; tgz: string }> {
    const dir = await model();
    await writeFile(path.join(dir, 'big.bin'), Buffer.alloc(3 * 1024 * 1024 + 17, 0x5a));
    const out = await tmpDir();
    const tar = path.join(out, 'm.tar');
    const tgz = path.join(out, 'm.tgz');
    execFileSync('tar', ['-C', dir, '-cf', tar, '.']);
    execFileSync('tar', ['-C', dir, '-czf', tgz, '.']);
    return { dir, tar, tgz };
  }

  it('the inspector sees exactly the hashed bytes of every entry, and the archive is read once (.tar and .tgz)', async () => {
    const { tar, tgz } = await archives();
    for (const arc of [tar, tgz]) {
      const insp = recorder();
      const r = await (await openSource(arc)).read({ alg: 'sha256', ranges: whole, allowSymlinks: false, ignorePaths: [], inspector: insp });
      expect(r.listing.problems).toEqual([]);
      expect(r.listing.files.map((f) => f.name)).toEqual(['big.bin', 'config.json', 'sub/weights.pkl']);
      for (const f of r.listing.files) {
        expect(insp.seen.get(f.name)!.length).toBe(f.size);
        expect(r.hashed.get(f.name, 0, f.size)).toEqual({ ok: true, digest: sha(insp.seen.get(f.name)!) });
      }
      expect(r.bytesRead).toBe((await stat(arc)).size);
    }
  });

  it('an inspector that stops early leaves the rest hashed; an entry\'s bytes can be taken once', async () => {
    const { dir, tgz } = await archives();
    let second = '';
    const early: Inspector = {
      wants: () => true,
      async inspect(c) {
        const src = c.bytes();
        await src.ensure(10);
        await src.close();
        try {
          c.bytes();
        } catch (e) {
          second = (e as Error).message;
        }
      },
      unreadable: () => undefined,
    };
    const r = await (await openSource(tgz)).read({ alg: 'sha256', ranges: whole, allowSymlinks: false, ignorePaths: [], inspector: early });
    const { readFile } = await import('node:fs/promises');
    expect(r.hashed.get('big.bin', 0, 3 * 1024 * 1024 + 17)).toEqual({ ok: true, digest: sha(await readFile(path.join(dir, 'big.bin'))) });
    expect(second).toBe('an archive entry streams once');
  });

  it('an entry cut short is unreadable to the inspector that was reading it', async () => {
    const { tar } = await archives();
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(tar);
    const cut = path.join(await tmpDir(), 'cut.tar');
    await writeFile(cut, bytes.subarray(0, bytes.indexOf(Buffer.alloc(1024, 0x5a)) + 4096));
    const insp = recorder();
    const r = await (await openSource(cut)).read({ alg: 'sha256', ranges: whole, allowSymlinks: false, ignorePaths: [], inspector: insp });
    expect(insp.refused).toEqual(['big.bin:ARCHIVE_MALFORMED']);
    expect(r.listing.problems.map((p) => p.code)).toEqual(['ARCHIVE_MALFORMED']);
    expect(r.hashed.has('big.bin', 0, 3 * 1024 * 1024 + 17)).toBe(false);
  });

  it('an archive read again without its first folder (a later entry lies outside it) has the inspector start over', async () => {
    const d = await tmpDir();
    await mkdir(path.join(d, 'a'));
    await writeFile(path.join(d, 'a', 'x.pkl'), F.benignOrderedDict());
    await writeFile(path.join(d, 'b.txt'), 'b');
    const arc = path.join(d, 'two-top.tar');
    execFileSync('tar', ['-C', d, '-cf', arc, 'a', 'b.txt']);
    const insp = recorder();
    let restarts = 0;
    const r = await (await openSource(arc)).read({
      alg: 'sha256',
      ranges: whole,
      allowSymlinks: false,
      ignorePaths: [],
      inspector: { ...insp, restart: () => (restarts++, insp.seen.clear()) },
    });
    expect(restarts).toBe(1);
    expect(r.listing.files.map((f) => f.name)).toEqual(['a/x.pkl', 'b.txt']);
    expect([...insp.seen.keys()].sort()).toEqual(['a/x.pkl', 'b.txt']);
    expect(r.bytesRead).toBe(2 * (await stat(arc)).size);
  });

  it('past its entry bound the archive is a listing problem (TOO_MANY_FILES) and the read stops there', async () => {
    const { tar } = await archives();
    const { archiveSource } = await import('../../src/source/archive.js');
    const r = await archiveSource(tar, { maxEntries: 2, maxNameBytes: 1 << 20 }).read({ alg: 'sha256', ranges: whole, allowSymlinks: false, ignorePaths: [] });
    expect(r.listing.problems).toEqual([{ code: 'TOO_MANY_FILES', message: 'archive has more than 2 entries' }]);
    expect(r.listing.files.length).toBeLessThanOrEqual(2);
  });

  it('refused entries are listed up to a bound, with long names cut short; the rest are counted in one last problem', async () => {
    const { makeTar, paxData } = await import('../helpers/tar.js');
    const long = 'x/'.repeat(1500);
    const entries = Array.from({ length: 1500 }, (_, i) => [
      { name: 'pax', type: 'x', data: paxData({ path: `/${long}${i}` }) },
      { name: 'placeholder', data: 'a' },
    ]).flat();
    const arc = path.join(await tmpDir(), 'bad.tar');
    await writeFile(arc, makeTar(entries));
    const { archiveSource } = await import('../../src/source/archive.js');
    const r = await archiveSource(arc).read({ alg: 'sha256', ranges: whole, allowSymlinks: false, ignorePaths: [] });
    const problems = r.listing.problems;
    expect(problems).toHaveLength(1001);
    expect(problems.slice(0, 1000).every((p) => p.code === 'UNSAFE_NAME' && p.message.length < 400)).toBe(true);
    expect(problems[1000]).toEqual({ code: 'UNSAFE_NAME', message: '500 more problems in the archive, not listed' });
  });

  it('verify with a scanning policy reads the archive file once (bytesRead is its size)', async () => {
    const { dir, tgz } = await archives();
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const sigFile = path.join(await tmpDir(), 'm.sig');
    await signModel({ model: dir, version: '1.0.0', signer: keySigner(privateKey, publicKey), signature: sigFile });
    const r = await verify({ model: tgz, signature: sigFile, trust: [keyTrust(publicKey, 'test key')], stages: [formatsStage({ scan: true })] });
    expect(r.failures).toEqual([]);
    expect(r.reports.scan?.map((x) => x.file).sort()).toEqual(['big.bin', 'config.json', 'sub/weights.pkl']);
    expect(r.bytesRead).toBe((await stat(tgz)).size);
  });
});

/**
 * Hostile and unusual archives built byte by byte (test/helpers/tar.ts), for the entries the
 * system tar will not produce: every one must fail verification (exit 1) with its code.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTmp, keypair, runCli, tmpDir } from '../helpers/cli.js';
import { makeTar, paxData, type TarEntry } from '../helpers/tar.js';

let work: string;
let keys: { key: string; pub: string };
let sig: string;
const good: TarEntry[] = [
  { name: './', type: '5' },
  { name: './config.json', data: '{"a":1}' },
  { name: './weights.bin', data: 'w'.repeat(3000) },
];

beforeAll(async () => {
  work = await tmpDir('modelsign-hostile-');
  keys = await keypair(work);
  const dir = path.join(work, 'model');
  await mkdir(dir);
  await writeFile(path.join(dir, 'config.json'), '{"a":1}');
  await writeFile(path.join(dir, 'weights.bin'), 'w'.repeat(3000));
  sig = path.join(work, 'model.sig');
  const s = await runCli(['sign', dir, '--key', keys.key, '--version', '1.0.0', '--signature', sig]);
  expect(s.code, s.stderr).toBe(0);
});
afterAll(cleanupTmp);

async function verifyTar(name: string, entries: TarEntry[], extra: string[] = []) {
  const file = path.join(work, name);
  await writeFile(file, makeTar(entries, { gzip: name.endsWith('gz') }));
  const r = await runCli(['verify', file, '--key', keys.pub, '--signature', sig, '--json', ...extra]);
  return { ...r, json: r.stdout ? (JSON.parse(r.stdout) as { verified: boolean; failures: { code: string; message: string; path?: string }[] }) : undefined };
}

describe('hand-made archives', () => {
  it('the well-formed archive verifies (control)', async () => {
    const r = await verifyTar('good.tar.gz', good);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  const hostile: Array<[string, TarEntry, string, string]> = [
    ['hard link out of the archive', { name: './passwd', type: '1', linkname: '../../etc/passwd' }, 'ARCHIVE_LINK_OUTSIDE', 'hard link to "../../etc/passwd"'],
    ['hard link to an absolute path', { name: './passwd', type: '1', linkname: '/etc/passwd' }, 'ARCHIVE_LINK_OUTSIDE', 'which is not an earlier file of the model'],
    ['character device', { name: './tty', type: '3' }, 'SPECIAL_FILE', 'CharacterDevice entries are not allowed'],
    ['block device', { name: './sda', type: '4' }, 'SPECIAL_FILE', 'BlockDevice entries are not allowed'],
    ['sparse file', { name: './sparse.bin', type: 'S', data: 'x' }, 'UNSUPPORTED_ENTRY', 'unsupported tar entry type'],
    ['pax header renaming an entry to ../', { name: './PaxHeaders/x', type: 'x', data: paxData({ path: '../escape.txt' }) }, 'UNSAFE_NAME', 'archive entry "../escape.txt": unsafe name'],
    ['absolute symlink', { name: './link', type: '2', linkname: '/etc/shadow' }, 'SYMLINK_OUTSIDE', 'points outside the model'],
    ['a file named "."', { name: '.', type: '0', data: 'x' }, 'UNSAFE_NAME', 'unsafe name ("." segment)'],
  ];
  for (const [what, entry, code, text] of hostile) {
    it(`${what} -> exit 1 ${code}`, async () => {
      // The pax header applies to the entry after it.
      const entries = entry.type === 'x' ? [...good, entry, { name: './innocent.txt', data: 'x' }] : [...good, entry];
      const r = await verifyTar(`${code}-${what.replace(/\W+/g, '-')}.tar`, entries, ['--ignore-unsigned-files']);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      const f = r.json!.failures.find((x) => x.code === code);
      expect(f, JSON.stringify(r.json!.failures)).toBeDefined();
      expect(f!.message).toContain(text);
    });
  }

  it('folder form: a file named like the top folder -> UNSAFE_NAME', async () => {
    const r = await verifyTar('rootfile.tar', [{ name: 'm/', type: '5' }, { name: 'm/config.json', data: '{"a":1}' }, { name: 'm/weights.bin', data: 'w'.repeat(3000) }, { name: 'm', data: 'x' }]);
    expect(r.code).toBe(1);
    expect(r.json!.failures).toEqual([{ code: 'UNSAFE_NAME', message: 'archive entry "m": a non-directory entry names the model root' }]);
  });

  it('a bad header checksum -> exit 1 ARCHIVE_MALFORMED', async () => {
    const r = await verifyTar('badsum.tar', [good[0]!, good[1]!, { ...good[2]!, badChecksum: true }]);
    expect(r.code).toBe(1);
    expect(r.json!.failures.map((f) => f.code)).toContain('ARCHIVE_MALFORMED');
  });

  it('a file and a directory with the same name -> DUPLICATE_NAME', async () => {
    const r = await verifyTar('dupdir.tar', [...good, { name: './config.json/', type: '5' }]);
    expect(r.code).toBe(1);
    expect(r.json!.failures.map((f) => f.code)).toContain('DUPLICATE_NAME');
  });

  it('sign refuses a hostile archive with exit 2', async () => {
    const file = path.join(work, 'sign-hostile.tar');
    await writeFile(file, makeTar([...good, { name: './tty', type: '3' }]));
    const r = await runCli(['sign', file, '--key', keys.key, '--version', '1.0.0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('CharacterDevice entries are not allowed in a model archive [SPECIAL_FILE]');
  });

  it('a first folder that is not the only top-level entry: names are kept as stored', async () => {
    const dir = path.join(work, 'two-top');
    await mkdir(path.join(dir, 'a'), { recursive: true });
    await writeFile(path.join(dir, 'a', 'x.bin'), 'xx');
    await writeFile(path.join(dir, 'b.txt'), 'bb');
    const file = path.join(work, 'two-top.tar');
    await writeFile(file, makeTar([{ name: 'a/', type: '5' }, { name: 'a/x.bin', data: 'xx' }, { name: 'b.txt', data: 'bb' }]));
    const a = await runCli(['digest', file]);
    const b = await runCli(['digest', dir]);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('symlinks inside an archive', () => {
  let linkSig: string;
  let linkDir: string;
  beforeAll(async () => {
    linkDir = path.join(work, 'links');
    await mkdir(path.join(linkDir, 'sub'), { recursive: true });
    await writeFile(path.join(linkDir, 'sub', 'real.bin'), 'r'.repeat(100));
    await symlink('sub/real.bin', path.join(linkDir, 'alias.bin'));
    linkSig = path.join(work, 'links.sig');
    const s = await runCli(['sign', linkDir, '--key', keys.key, '--version', '1.0.0', '--allow-symlinks', '--signature', linkSig]);
    expect(s.code, s.stderr).toBe(0);
  });

  it('a link to a file inside verifies when the signature allows symlinks', async () => {
    const file = path.join(work, 'links.tar');
    await writeFile(file, makeTar([{ name: './sub/', type: '5' }, { name: './sub/real.bin', data: 'r'.repeat(100) }, { name: './alias.bin', type: '2', linkname: 'sub/real.bin' }]));
    const r = await runCli(['verify', file, '--key', keys.pub, '--signature', linkSig]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it('the same link is refused by a signature made without --allow-symlinks', async () => {
    const file = path.join(work, 'links-refused.tar');
    await writeFile(file, makeTar([...good, { name: './alias.bin', type: '2', linkname: 'config.json' }]));
    const r = await runCli(['verify', file, '--key', keys.pub, '--signature', sig, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).failures).toContainEqual({ code: 'SYMLINK_REFUSED', path: 'alias.bin', message: 'symlinks are not allowed (use --allow-symlinks for links inside the model)' });
  });

  it('a link that climbs out with .. is refused', async () => {
    const file = path.join(work, 'links-out.tar');
    await writeFile(file, makeTar([{ name: './sub/', type: '5' }, { name: './sub/real.bin', data: 'r'.repeat(100) }, { name: './alias.bin', type: '2', linkname: '../outside/real.bin' }]));
    const r = await runCli(['verify', file, '--key', keys.pub, '--signature', linkSig, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).failures.map((f: { code: string }) => f.code)).toContain('SYMLINK_OUTSIDE');
  });

  it('a link to a directory is refused', async () => {
    const file = path.join(work, 'links-dir.tar');
    await writeFile(file, makeTar([{ name: './sub/', type: '5' }, { name: './sub/real.bin', data: 'r'.repeat(100) }, { name: './alias.bin', type: '2', linkname: 'sub' }]));
    const r = await runCli(['verify', file, '--key', keys.pub, '--signature', linkSig, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).failures).toContainEqual({ code: 'SYMLINK_REFUSED', path: 'alias.bin', message: 'symlinks to directories are not supported inside archives' });
  });
});

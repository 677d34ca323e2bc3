/**
 * Hostile and unusual archives built byte by byte (test/helpers/tar.ts), for the entries the
 * system tar will not produce: every one must fail verification (exit 1) with its code.
 * Some are checked against GNU tar or Python's tarfile too: what they would extract is what
 * makes the archive hostile.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTmp, keypair, runCli, tmpDir } from '../helpers/cli.js';
import { craftStatement, makeKey, sha256hex, writeSigned } from '../helpers/craft.js';
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
    // A structural refusal (no path): --ignore-unsigned-files cannot skip it.
    expect(JSON.parse(r.stdout).failures).toContainEqual({ code: 'SYMLINK_REFUSED', message: 'archive entry "alias.bin": symlink to "sub": symlinks to directories are not supported inside archives' });
  });
});

/** verify ARCHIVE (entries written as given) against SIGNATURE with the trusted key. */
async function verifyWith(signature: string, pub: string, name: string, entries: TarEntry[], extra: string[] = [], gzip = false) {
  const file = path.join(work, name);
  await writeFile(file, makeTar(entries, { gzip }));
  const r = await runCli(['verify', file, '--key', pub, '--signature', signature, '--json', ...extra], { timeoutMs: 30_000 });
  const json = r.stdout ? (JSON.parse(r.stdout) as { verified: boolean; failures: { code: string; message: string; path?: string }[] }) : undefined;
  return { ...r, json };
}

describe('the link structure is judged for every entry, ignored or not', () => {
  // A signed model with sub/weights.bin; hostile archives redirect an ignored path (.git) onto sub/.
  let sdSig: string;
  const weights = 'W'.repeat(50_000);
  const base: TarEntry[] = [
    { name: './', type: '5' },
    { name: './config.json', data: '{"a":1}' },
    { name: './sub/', type: '5' },
    { name: './sub/weights.bin', data: weights },
  ];
  beforeAll(async () => {
    const dir = path.join(work, 'sd');
    await mkdir(path.join(dir, 'sub'), { recursive: true });
    await writeFile(path.join(dir, 'config.json'), '{"a":1}');
    await writeFile(path.join(dir, 'sub', 'weights.bin'), weights);
    sdSig = path.join(work, 'sd.sig');
    const s = await runCli(['sign', dir, '--key', keys.key, '--version', '1.0.0', '--signature', sdSig]);
    expect(s.code, s.stderr).toBe(0);
  });

  it('control: the genuine archive, with a real .git folder and a link inside it to a file, verifies', async () => {
    const r = await verifyWith(sdSig, keys.pub, 'sd-good.tar', [...base, { name: './.git/', type: '5' }, { name: './.git/config', data: '[core]' }, { name: './.git/HEAD', type: '2', linkname: 'config' }]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it('an archive made with Python tarfile: ".git" a symlink to "sub", then ".git/weights.bin" -> exit 1', async () => {
    const file = path.join(work, 'sd-evil-py.tar');
    const py = `
import io, sys, tarfile
def add(t, name, data=None, kind=tarfile.REGTYPE, link=''):
    i = tarfile.TarInfo(name); i.type = kind; i.linkname = link
    if kind == tarfile.DIRTYPE: i.mode = 0o755
    if data is not None: i.size = len(data)
    t.addfile(i, io.BytesIO(data) if data is not None else None)
with tarfile.open(sys.argv[1], 'w', format=tarfile.PAX_FORMAT) as t:
    add(t, '.', kind=tarfile.DIRTYPE)
    add(t, './config.json', b'{"a":1}')
    add(t, './sub', kind=tarfile.DIRTYPE)
    add(t, './sub/weights.bin', b'W' * 50000)
    add(t, './.git', kind=tarfile.SYMTYPE, link='sub')
    add(t, './.git/weights.bin', b'HOSTILE WEIGHTS')
`;
    execFileSync('python3', ['-c', py, file]);
    for (const extra of [[], ['--ignore-unsigned-files']]) {
      const r = await runCli(['verify', file, '--key', keys.pub, '--signature', sdSig, '--json', ...extra]);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      const f = JSON.parse(r.stdout).failures as { code: string; message: string; path?: string }[];
      expect(f).toContainEqual({ code: 'SYMLINK_REFUSED', message: 'archive entry ".git/weights.bin": its path goes through the symlink ".git"' });
      expect(f).toContainEqual({ code: 'SYMLINK_REFUSED', message: 'archive entry ".git": symlink to "sub": symlinks to directories are not supported inside archives' });
    }
  });

  const cases: Array<[string, TarEntry[], string, string]> = [
    [
      'the entry first, the link to the directory after it',
      [{ name: './.git/weights.bin', data: 'HOSTILE' }, { name: './.git', type: '2', linkname: 'sub' }],
      'SYMLINK_REFUSED',
      'archive entry ".git/weights.bin": its path goes through the symlink ".git"',
    ],
    [
      'a hard link through the ignored symlink',
      [{ name: './.git', type: '2', linkname: 'sub' }, { name: './.git/weights.bin', type: '1', linkname: './config.json' }],
      'SYMLINK_REFUSED',
      'archive entry ".git/weights.bin": its path goes through the symlink ".git"',
    ],
    [
      'a folder entry through the ignored symlink',
      [{ name: './.git', type: '2', linkname: 'sub' }, { name: './.git/x/', type: '5' }],
      'SYMLINK_REFUSED',
      'archive entry ".git/x": its path goes through the symlink ".git"',
    ],
    ['an ignored symlink to a directory, alone', [{ name: './.git', type: '2', linkname: 'sub' }], 'SYMLINK_REFUSED', 'archive entry ".git": symlink to "sub": symlinks to directories are not supported inside archives'],
    [
      'an ignored chain of symlinks ending at a directory',
      [{ name: './.git/', type: '5' }, { name: './.git/a', type: '2', linkname: 'b' }, { name: './.git/b', type: '2', linkname: '../sub' }],
      'SYMLINK_REFUSED',
      'archive entry ".git/a": symlink to "b": symlinks to directories are not supported inside archives',
    ],
    ['an ignored symlink to the model root', [{ name: './.git', type: '2', linkname: '.' }], 'SYMLINK_REFUSED', 'archive entry ".git": symlink to ".": symlinks to directories are not supported inside archives'],
    [
      'an unsigned (not ignored) symlink to a directory, and a file through it',
      [{ name: './evil', type: '2', linkname: 'sub' }, { name: './evil/weights.bin', data: 'HOSTILE' }],
      'SYMLINK_REFUSED',
      'archive entry "evil/weights.bin": its path goes through the symlink "evil"',
    ],
    [
      'a file used as a folder by a later entry',
      [{ name: './config.json/x', data: 'HOSTILE' }],
      'DUPLICATE_NAME',
      'archive entry "config.json/x": its path goes through "config.json", which is not a folder',
    ],
  ];
  for (const [what, extraEntries, code, message] of cases) {
    it(`${what} -> exit 1 ${code}, even with --ignore-unsigned-files`, async () => {
      for (const extra of [[], ['--ignore-unsigned-files']]) {
        const r = await verifyWith(sdSig, keys.pub, `sd-${what.replace(/\W+/g, '-')}.tar`, [...base, ...extraEntries], extra);
        expect(r.code, r.stdout + r.stderr).toBe(1);
        expect(r.json!.failures).toContainEqual({ code, message });
      }
    });
  }
});

describe('symlink targets are resolved through the archive\'s own entries, not lexically', () => {
  // Signed with --allow-symlinks: m -> x.bin.
  let lmSig: string;
  const x = 'x'.repeat(100_000);
  const base: TarEntry[] = [
    { name: './', type: '5' },
    { name: './config.json', data: '{"a":1}' },
    { name: './x.bin', data: x },
  ];
  beforeAll(async () => {
    const dir = path.join(work, 'lm');
    await mkdir(dir);
    await writeFile(path.join(dir, 'config.json'), '{"a":1}');
    await writeFile(path.join(dir, 'x.bin'), x);
    await symlink('x.bin', path.join(dir, 'm'));
    lmSig = path.join(work, 'lm.sig');
    const s = await runCli(['sign', dir, '--key', keys.key, '--version', '1.0.0', '--allow-symlinks', '--signature', lmSig]);
    expect(s.code, s.stderr).toBe(0);
  });

  it('control: m -> x.bin and m -> sub/../x.bin through a real folder verify', async () => {
    const a = await verifyWith(lmSig, keys.pub, 'lm-good.tar', [...base, { name: './m', type: '2', linkname: 'x.bin' }]);
    expect(a.code, a.stdout + a.stderr).toBe(0);
    const b = await verifyWith(lmSig, keys.pub, 'lm-good2.tar', [...base, { name: './.git/', type: '5' }, { name: './.git/c', data: 'c' }, { name: './m', type: '2', linkname: '.git/../x.bin' }]);
    expect(b.code, b.stdout + b.stderr).toBe(0);
  });

  it('.git/a -> ../.git and m -> .git/a/../../x.bin (outside once extracted) -> exit 1', async () => {
    const r = await verifyWith(lmSig, keys.pub, 'lm-evil.tar', [...base, { name: './.git/', type: '5' }, { name: './.git/a', type: '2', linkname: '../.git' }, { name: './m', type: '2', linkname: '.git/a/../../x.bin' }]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.json!.failures).toContainEqual({ code: 'SYMLINK_REFUSED', message: 'archive entry "m": symlink to ".git/a/../../x.bin" goes through the symlink ".git/a"' });
  });

  const cases: Array<[string, TarEntry[], string, string]> = [
    [
      'a link through a folder the archive does not hold (nodir/../x.bin)',
      [{ name: './m', type: '2', linkname: 'nodir/../x.bin' }],
      'SYMLINK_OUTSIDE',
      'archive entry "m": symlink to "nodir/../x.bin" climbs out of "nodir", which is not a folder of the archive',
    ],
    [
      'a link through a file (config.json/../x.bin)',
      [{ name: './m', type: '2', linkname: 'config.json/../x.bin' }],
      'SYMLINK_OUTSIDE',
      'archive entry "m": symlink to "config.json/../x.bin" climbs out of "config.json", which is not a folder of the archive',
    ],
    [
      'a link through a symlink to a file (.git/f/../../x.bin)',
      [{ name: './.git/', type: '5' }, { name: './.git/c', data: 'c' }, { name: './.git/f', type: '2', linkname: 'c' }, { name: './m', type: '2', linkname: '.git/f/../../x.bin' }],
      'SYMLINK_REFUSED',
      'archive entry "m": symlink to ".git/f/../../x.bin" goes through the symlink ".git/f"',
    ],
  ];
  for (const [what, extraEntries, code, message] of cases) {
    it(`${what} -> exit 1 ${code}`, async () => {
      for (const extra of [[], ['--ignore-unsigned-files']]) {
        const r = await verifyWith(lmSig, keys.pub, `lm-${what.replace(/\W+/g, '-')}.tar`, [...base, ...extraEntries], extra);
        expect(r.code, r.stdout + r.stderr).toBe(1);
        expect(r.json!.failures).toContainEqual({ code, message });
      }
    });
  }
});

describe('shard ranges are checked before the archive is read', () => {
  it('many overlapping signed shards of one file: exit 1 quickly (one pass, not one per shard)', async () => {
    const key = await makeKey(work, 'shards');
    const size = 4_000_000;
    const file = path.join(work, 'shards-overlap.tar');
    await writeFile(file, makeTar([{ name: './', type: '5' }, { name: './config.json', data: '{"a":1}' }, { name: './weights.bin', data: Buffer.alloc(size, 7) }]));
    // weights.bin:i:SIZE for i = 0..N-1: before the fix each range was hashed (N x 4 MB).
    const res = [{ name: 'config.json:0:7', digest: sha256hex('{"a":1}') }];
    for (let i = 0; i < 20_000; i++) res.push({ name: `weights.bin:${i}:${size}`, digest: '00'.repeat(32) });
    res.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const sig = path.join(work, 'shards-overlap.sig');
    await writeSigned(sig, craftStatement(res, { method: 'shards', shard_size: size }), key);
    const t0 = Date.now();
    const r = await runCli(['verify', file, '--key', key.pubFile, '--signature', sig, '--json'], { timeoutMs: 30_000 });
    const ms = Date.now() - t0;
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(JSON.parse(r.stdout).failures).toEqual([{ code: 'FILE_CHANGED', path: 'weights.bin', message: `file size ${size} does not match the signed shards` }]);
    expect(ms).toBeLessThan(15_000);
  });
});

describe('entry names that are not valid UTF-8, and names other tar readers read differently', () => {
  // Signed: config.json and é.bin. Each hostile archive adds an entry that a tar reader could
  // name differently from GNU tar and Python (which write it over é.bin), unsigned, so that
  // --ignore-unsigned-files would skip it.
  let u8Sig: string;
  const base: TarEntry[] = [
    { name: './', type: '5' },
    { name: './config.json', data: '{"a":1}' },
    { name: './\u00e9.bin', data: 'genuine' },
  ];
  beforeAll(async () => {
    const dir = path.join(work, 'u8');
    await mkdir(dir);
    await writeFile(path.join(dir, 'config.json'), '{"a":1}');
    await writeFile(path.join(dir, '\u00e9.bin'), 'genuine');
    u8Sig = path.join(work, 'u8.sig');
    const s = await runCli(['sign', dir, '--key', keys.key, '--version', '1.0.0', '--signature', u8Sig]);
    expect(s.code, s.stderr).toBe(0);
  });

  /** GNU tar extracts ARCHIVE: what lands in é.bin (proves the archive is hostile). */
  function extractedEbin(file: string): string {
    const out = `${file}.x`;
    mkdirSync(out, { recursive: true });
    try {
      execFileSync('tar', ['-C', out, '-xf', file], { stdio: ['ignore', 'ignore', 'ignore'] });
    } catch {
      // GNU tar may complain about parts it does not understand; look at what it wrote.
    }
    return readFileSync(path.join(out, '\u00e9.bin'), 'utf8');
  }

  it('control: the genuine archive verifies', async () => {
    const r = await verifyWith(u8Sig, keys.pub, 'u8-good.tar', base);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  // Where the bytes reach the tar reader in pieces: the 1 MiB reads of a .tar, the 256 KiB
  // pieces the inflater hands over for a .tar.gz.
  for (const [boundary, ext] of [
    [1 << 20, 'tar'],
    [1 << 18, 'tar.gz'],
  ] as const) {
    it(`a pax name split across a ${boundary}-byte piece of a .${ext} is read whole: two entries named é.bin -> exit 1`, async () => {
      // Pad so that the pax header's data starts at BOUNDARY - 512 and "é" (2 bytes) straddles it.
      const pre = (n: number): TarEntry[] => [base[0]!, { name: './pad.bin', data: Buffer.alloc(n, 'p') }, ...base.slice(1)];
      const pad = boundary - 512 - 512 - (makeTar(pre(0)).length - 1024);
      let body = '';
      for (let c = 1; c < 600; c++) {
        body = paxData({ comment: 'c'.repeat(c), path: './\u00e9.bin' });
        if (Buffer.from(body).indexOf(Buffer.from('\u00e9')) === 511) break;
      }
      const entries = [...pre(pad), { name: './PaxHeaders/x', type: 'x', data: body }, { name: './placeholder', data: 'HOSTILE' }];
      expect(makeTar(entries).indexOf(Buffer.from('\u00e9'), boundary - 600)).toBe(boundary - 1);
      const file = path.join(work, `u8-straddle.${ext}`);
      await writeFile(file, makeTar(entries, { gzip: ext === 'tar.gz' }));
      expect(extractedEbin(file)).toBe('HOSTILE');
      const r = await verifyWith(u8Sig, keys.pub, `u8-straddle.${ext}`, entries, ['--ignore-unsigned-files'], ext === 'tar.gz');
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.json!.failures).toContainEqual({ code: 'DUPLICATE_NAME', message: 'archive entry "./\u00e9.bin": name appears twice in the archive' });
    });
  }

  it('a pax path with bytes that are not UTF-8 -> exit 1 UNSAFE_NAME', async () => {
    const body = Buffer.concat([Buffer.from('18 path=./\u00e9'), Buffer.from([0xff]), Buffer.from('.bin\n')]);
    const r = await verifyWith(u8Sig, keys.pub, 'u8-pax-bad.tar', [...base, { name: './PaxHeaders/x', type: 'x', data: body }, { name: './placeholder', data: 'HOSTILE' }], ['--ignore-unsigned-files']);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.json!.failures.map((f) => f.code)).toContain('UNSAFE_NAME');
  });

  it('a global pax header naming a path (GNU tar and Python rename the next entries) -> exit 1 ARCHIVE_MALFORMED', async () => {
    const entries = [...base, { name: './pax_global_header', type: 'g', data: paxData({ path: './\u00e9.bin' }) }, { name: './placeholder', data: 'HOSTILE' }];
    const file = path.join(work, 'u8-global.tar');
    await writeFile(file, makeTar(entries));
    expect(extractedEbin(file)).toBe('HOSTILE');
    const r = await verifyWith(u8Sig, keys.pub, 'u8-global.tar', entries, ['--ignore-unsigned-files']);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.json!.failures).toContainEqual({ code: 'ARCHIVE_MALFORMED', message: 'a global extended header sets "path" (GNU tar and Python apply it to every later entry)' });
  });

  it('a pax GNU.sparse.name (GNU tar and Python read it as the name) -> exit 1 UNSUPPORTED_ENTRY', async () => {
    const entries = [...base, { name: './PaxHeaders/x', type: 'x', data: paxData({ 'GNU.sparse.name': './\u00e9.bin' }) }, { name: './placeholder', data: 'HOSTILE' }];
    const file = path.join(work, 'u8-sparse.tar');
    await writeFile(file, makeTar(entries));
    expect(extractedEbin(file)).toBe('HOSTILE');
    const r = await verifyWith(u8Sig, keys.pub, 'u8-sparse.tar', entries, ['--ignore-unsigned-files']);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.json!.failures.map((f) => f.code)).toContain('UNSUPPORTED_ENTRY');
  });

  it('a name whose bytes are not UTF-8 (decoded to U+FFFD) does not stand for a signed name holding U+FFFD -> exit 1 UNSAFE_NAME', async () => {
    // Signed: "w\uFFFD.bin" (the UTF-8 bytes EF BF BD). The archive's entry is "w\xFF.bin": the
    // parser decodes it to the same string, but an extractor writes a different file name.
    const dir = path.join(work, 'fffd');
    await mkdir(dir);
    await writeFile(path.join(dir, 'w\ufffd.bin'), 'signed');
    const sig = path.join(work, 'fffd.sig');
    expect((await runCli(['sign', dir, '--key', keys.key, '--version', '1.0.0', '--signature', sig])).code).toBe(0);
    const raw = Buffer.concat([Buffer.from('./w'), Buffer.from([0xff]), Buffer.from('.bin')]);
    for (const extra of [[], ['--ignore-unsigned-files']]) {
      const r = await verifyWith(sig, keys.pub, 'fffd.tar', [{ name: './', type: '5' }, { name: raw, data: 'signed' }], extra);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.json!.failures).toContainEqual({ code: 'UNSAFE_NAME', message: 'archive entry "./w\ufffd.bin": unsafe name (not valid UTF-8)' });
    }
    // Two raw names that decode alike are refused too (not collapsed into one).
    const raw2 = Buffer.concat([Buffer.from('./w'), Buffer.from([0xfe]), Buffer.from('.bin')]);
    const r = await verifyWith(sig, keys.pub, 'fffd2.tar', [{ name: './', type: '5' }, { name: raw, data: 'signed' }, { name: raw2, data: 'HOSTILE' }], ['--ignore-unsigned-files']);
    expect(r.code).toBe(1);
  });

  it('a symlink target that is not UTF-8 -> exit 1 UNSAFE_NAME', async () => {
    const r = await verifyWith(u8Sig, keys.pub, 'u8-link.tar', [...base, { name: './.git', type: '2', linkname: 'w\ufffd' }], ['--ignore-unsigned-files']);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.json!.failures).toContainEqual({ code: 'UNSAFE_NAME', message: 'archive entry "./.git": symlink target "w\ufffd" is not valid UTF-8' });
  });
});

describe('pax records are read by their length, as GNU tar and Python read them', () => {
  it('a record without its newline ("14 path=w.binX"), which Python reads and GNU tar refuses -> exit 1 ARCHIVE_MALFORMED', async () => {
    const r = await verifyTar('pax-nonl.tar', [...good, { name: './PaxHeaders/extra.bin', type: 'x', data: '14 path=w.binX' }, { name: './extra.bin', data: 'EVIL' }], ['--ignore-unsigned-files']);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.json!.failures).toContainEqual({ code: 'ARCHIVE_MALFORMED', message: 'archive extended header: a record that does not end with a newline' });
  });

  it('control: a value holding a newline and a record-shaped tail is one value to every reader (records are cut by length)', async () => {
    const data = paxData({ comment: 'x\n13 path=evil' });
    const file = path.join(work, 'pax-embedded.tar');
    await writeFile(file, makeTar([...good, { name: './PaxHeaders/y', type: 'x', data }, { name: './weights.bin.new', data: 'EVIL' }]));
    const r = await runCli(['verify', file, '--key', keys.pub, '--signature', sig, '--json']);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(JSON.parse(r.stdout).failures).toEqual([{ code: 'FILE_UNEXPECTED', path: 'weights.bin.new', message: 'file is not in the signature' }]);
  });

  it('control: a GNU long name that starts like a record ("12 …") is a name, not pax records, and verifies', async () => {
    const dir = path.join(work, 'longname');
    const long = `12 ${'n'.repeat(150)}.bin`;
    await mkdir(dir);
    await writeFile(path.join(dir, long), 'long');
    const lsig = path.join(work, 'longname.sig');
    expect((await runCli(['sign', dir, '--key', keys.key, '--version', '1.0.0', '--signature', lsig])).code).toBe(0);
    const file = path.join(work, 'longname.tar');
    await writeFile(file, makeTar([{ name: './', type: '5' }, { name: './././@LongLink', type: 'L', data: `${long}\0` }, { name: `./${long.slice(0, 90)}`, data: 'long' }]));
    const r = await runCli(['verify', file, '--key', keys.pub, '--signature', lsig]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    // And the same name as a pax path record (well formed) verifies too.
    await writeFile(file, makeTar([{ name: './', type: '5' }, { name: './PaxHeaders/l', type: 'x', data: paxData({ path: long }) }, { name: `./${long.slice(0, 90)}`, data: 'long' }]));
    const p = await runCli(['verify', file, '--key', keys.pub, '--signature', lsig]);
    expect(p.code, p.stdout + p.stderr).toBe(0);
  });
});

describe('a name prefix outside the POSIX ustar format', () => {
  it('GNU magic with bytes in the prefix field (Python names the entry sub/…, GNU tar does not) -> exit 1 ARCHIVE_MALFORMED', async () => {
    const r = await verifyTar('gnu-prefix.tar', [...good, { name: 'weights.bin', gnuMagic: true, prefix: 'sub', data: 'EVIL' }], ['--ignore-unsigned-files']);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.json!.failures).toContainEqual({
      code: 'ARCHIVE_MALFORMED',
      message: 'archive entry "weights.bin": its header has a name prefix outside the POSIX ustar format, which other tar readers (Python) put in front of the name',
    });
  });

  it('control: the GNU magic without a prefix, and the POSIX magic with one, verify', async () => {
    const gnu = await verifyTar('gnu-plain.tar', good.map((e) => ({ ...e, gnuMagic: true })));
    expect(gnu.code, gnu.stdout + gnu.stderr).toBe(0);
    const posix = await verifyTar('posix-prefix.tar', [{ name: './', type: '5' }, { name: 'config.json', prefix: '.', data: '{"a":1}' }, { name: './weights.bin', data: 'w'.repeat(3000) }]);
    expect(posix.code, posix.stdout + posix.stderr).toBe(0);
  });
});

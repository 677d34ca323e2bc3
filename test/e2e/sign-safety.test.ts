/**
 * sign and keygen fail before they write, say why in words, and warn about what would only
 * show up later: a signature too large for any verifier, a lineage store that is a file,
 * missing directories, key path prefixes that cannot be meant, a mistyped --license, an
 * empty model.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { bytes, CLI, cleanupTmp, keypair, runCli, tmpDir, unprivilegedCli } from '../helpers/cli.js';
import { makeTar } from '../helpers/tar.js';

afterAll(cleanupTmp);

const UNENCRYPTED_WARNING = 'modelsign: warning: the private key is NOT encrypted; keep it out of version control and shared disks\n';

let dir: string;
let k: { key: string; pub: string };

beforeAll(async () => {
  dir = await tmpDir();
  k = await keypair(dir);
});

/** A one-file model of `n` bytes. */
async function model(name: string, n = 200_000): Promise<string> {
  const m = path.join(dir, name);
  await mkdir(m);
  await writeFile(path.join(m, 'w.bin'), bytes(n, 7));
  return m;
}

describe('a signature too large for verify to read is never written', () => {
  it('--shard-size 1 on a 200 KB model: exit 2 before hashing, naming the count and a shard size that fits', async () => {
    const m = await model('tiny-shards');
    const r = await runCli(['sign', m, '--key', k.key, '--version', '1.0.0', '--shard-size', '1']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^modelsign: error: the signature would list 200000 resources \(shards of 1 byte\) and be at least \d+ bytes, over the 33554432-byte limit verify reads; nothing was written: use a larger --shard-size \(e\.g\. --shard-size 1024\) \[SIG_TOO_LARGE\]\n$/,
    );
    expect(await readdir(m)).toEqual(['w.bin']);
    // The suggestion works, and verifies.
    const ok = await runCli(['sign', m, '--key', k.key, '--version', '1.0.0', '--shard-size', '1024']);
    expect(ok.code).toBe(0);
    expect((await runCli(['verify', m, '--key', k.pub])).code).toBe(0);
  });

  it('an archive is sized entry by entry before hashing, and digest refuses what sign would (a 3 MB entry with --shard-size 1 is refused at once)', async () => {
    const arc = path.join(dir, 'big-entry.tar');
    await writeFile(arc, makeTar([{ name: 'w.bin', data: bytes(3_000_000, 9) }]));
    const want = /^modelsign: error: the signature would list 3000000 resources \(shards of 1 byte\) and be at least \d+ bytes, over the 33554432-byte limit verify reads; nothing was written: use a larger --shard-size \(e\.g\. --shard-size 1024\) \[SIG_TOO_LARGE\]\n$/;
    for (const args of [['sign', arc, '--key', k.key, '--version', '1.0.0', '--shard-size', '1'], ['digest', arc, '--shard-size', '1']]) {
      const r = await runCli(args, { timeoutMs: 20_000 });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(want);
    }
    expect(existsSync(`${arc}.sig`)).toBe(false);
    const m = await model('digest-budget');
    const d = await runCli(['digest', m, '--shard-size', '1']);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('[SIG_TOO_LARGE]');
  });

  it('a huge sparse model with small shards is refused at once, without hashing 1 TiB', async () => {
    const m = await model('sparse');
    const fh = await import('node:fs/promises').then((f) => f.open(path.join(m, 'huge.bin'), 'w'));
    await fh.truncate(2 ** 40);
    await fh.close();
    const t0 = Date.now();
    const r = await runCli(['sign', m, '--key', k.key, '--version', '1.0.0', '--shard-size', '65536']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/would list 16777220 resources \(shards of 65536 bytes\).*e\.g\. --shard-size \d+\) \[SIG_TOO_LARGE\]\n$/);
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(existsSync(path.join(m, 'model.sig'))).toBe(false);
  });

  it('an archive (listed while hashed) is refused before signing: no keyless Rekor entry for a bundle never written', async () => {
    const arc = path.join(dir, 'tiny-shards.tar');
    await writeFile(arc, makeTar([{ name: 'w.bin', data: bytes(200_000, 7) }]));
    // Nothing listens on port 9: had sign reached the signer, this would be KEYLESS_SIGN_FAILED.
    // The token only has to look like a JWT ({"alg":"none"}.{"sub":"x"}.): it is never sent.
    const JWT_SHAPED = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.`;
    const r = await runCli(['sign', arc, '--keyless', '--identity-token', JWT_SHAPED, '--fulcio-url', 'http://127.0.0.1:9', '--rekor-url', 'http://127.0.0.1:9', '--version', '1.0.0', '--shard-size', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^modelsign: error: the signature would list 200000 resources \(shards of 1 byte\) and be at least \d+ bytes, over the 33554432-byte limit.*\[SIG_TOO_LARGE\]\n$/);
    expect(existsSync(`${arc}.sig`)).toBe(false);
  });
});

describe('exit 2 means nothing was written', () => {
  it('--record naming a file: refused before hashing, model.sig unchanged', async () => {
    const m = await model('record-file', 1000);
    expect((await runCli(['sign', m, '--key', k.key, '--version', '1.0.0'])).code).toBe(0);
    const before = await readFile(path.join(m, 'model.sig'));
    const r = await runCli(['sign', m, '--key', k.key, '--version', '1.0.1', `--record=${k.pub}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`modelsign: error: lineage store ${k.pub} is not a directory [WRITE_FAILED]\n`);
    expect(await readFile(path.join(m, 'model.sig'))).toEqual(before);
  });

  it('a store where a parent cannot be filed (both its names taken by other bundles): refused, no model.sig', async () => {
    const parent = await model('taken-parent', 1000);
    expect((await runCli(['sign', parent, '--key', k.key, '--version', '1.0.0', '--name', 'taken'])).code).toBe(0);
    const psig = await readFile(path.join(parent, 'model.sig'));
    const root = JSON.parse((await runCli(['digest', parent, '--json'])).stdout).rootDigest.replace('sha256:', '');
    const store = path.join(dir, 'store-taken');
    await mkdir(store);
    const base = `taken@1.0.0.${root}`;
    await writeFile(path.join(store, `${base}.sig`), 'another bundle');
    await writeFile(path.join(store, `${base}.${createHash('sha256').update(psig).digest('hex').slice(0, 16)}.sig`), 'yet another');
    const child = await model('taken-child', 999);
    const r = await runCli(['sign', child, '--key', k.key, '--version', '1.0.0', '--parent', path.join(parent, 'model.sig'), '--record', store]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`modelsign: error: lineage store ${store} already holds different bundles named ${base}.* [WRITE_FAILED]\n`);
    expect(await readdir(child)).toEqual(['w.bin']);
  });

  it('--signature under a file: refused before hashing, in words', async () => {
    const m = await model('sig-under-file', 1000);
    const blocker = path.join(dir, 'a-file');
    await writeFile(blocker, 'x');
    const r = await runCli(['sign', m, '--key', k.key, '--version', '1.0.0', '--signature', path.join(blocker, 'sub', 'model.sig')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`modelsign: error: cannot write ${path.join(blocker, 'sub', 'model.sig')}: ${blocker} is not a directory [WRITE_FAILED]\n`);
    const d = await runCli(['sign', m, '--key', k.key, '--version', '1.0.0', '--signature', m]);
    expect(d.code).toBe(2);
    expect(d.stderr).toBe(`modelsign: error: cannot write ${m}: ${m} is a directory [WRITE_FAILED]\n`);
    expect(await readdir(m)).toEqual(['w.bin']);
  });

  const asUser = unprivilegedCli();
  it.skipIf(!asUser)(`a directory without write permission: "permission denied", not EACCES${asUser ? '' : ' (skipped: cannot drop root here)'}`, async () => {
    const run = asUser!;
    const m = await model('sig-no-perm', 1000);
    const ro = path.join(dir, 'read-only');
    await mkdir(ro);
    await chmod(ro, 0o555);
    // The unprivileged user reads the model and the key, and writes nowhere under ro.
    spawnSync('chmod', ['-R', 'a+rX', dir]);
    await chmod(k.key, 0o644);
    const r = run(['sign', m, '--key', k.key, '--version', '1.0.0', '--signature', path.join(ro, 'model.sig')]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toBe(`modelsign: error: cannot write ${path.join(ro, 'model.sig')}: permission denied in directory ${ro} [WRITE_FAILED]\n`);
    const g = run(['keygen', '--out', path.join(ro, 'k'), '--unencrypted']);
    expect(g.code).toBe(2);
    expect(g.stderr).toMatch(/^modelsign: error: cannot write .*k\.key: permission denied \(EACCES\) \[KEY_WRITE_FAILED\]\n$/);
  });
});

describe('the README quick start works in an empty directory', () => {
  it('keygen --out keys/release creates keys/ (mode 700); sign --signature out/model.sig creates out/', async () => {
    const cwd = await tmpDir();
    await mkdir(path.join(cwd, 'my-model'));
    await writeFile(path.join(cwd, 'my-model', 'config.json'), '{}');
    const env = { MODELSIGN_PASSPHRASE: 'quick start' };
    const g = await runCli(['keygen', '--out', 'keys/release'], { cwd, env });
    expect(g.stderr).toBe('');
    expect(g.code).toBe(0);
    expect((await stat(path.join(cwd, 'keys'))).mode & 0o777).toBe(0o700);
    const s = await runCli(['sign', './my-model', '--key', 'keys/release.key', '--version', '1.0.0', '--license', 'apache-2.0'], { cwd, env });
    expect(s.stderr).toBe('');
    expect(s.code).toBe(0);
    expect((await runCli(['verify', './my-model', '--key', 'keys/release.pub'], { cwd })).code).toBe(0);
    const o = await runCli(['sign', 'my-model/config.json', '--key', 'keys/release.key', '--version', '2.1.0', '--signature', 'out/deep/model.sig'], { cwd, env });
    expect(o.stderr).toBe('');
    expect(o.code).toBe(0);
    expect((await runCli(['verify', 'my-model/config.json', '--key', 'keys/release.pub', '--signature', 'out/deep/model.sig'], { cwd })).code).toBe(0);
  });
});

describe('keygen', () => {
  it('a write that fails part-way (file size limit: EFBIG) leaves no key file behind, so the next try is not blocked', async () => {
    const d = await tmpDir();
    const prefix = path.join(d, 'keys', 'rel');
    // The shell sets the limit for the CLI only; its stdout and stderr are pipes, which the limit does not touch.
    const r = spawnSync('sh', ['-c', `trap '' XFSZ; ulimit -f 0; exec "${process.execPath}" "${CLI}" keygen --out "${prefix}" --unencrypted`], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toBe(`modelsign: error: cannot write ${prefix}.key: EFBIG [KEY_WRITE_FAILED]\n`);
    expect(await readdir(path.dirname(prefix))).toEqual([]);
    const again = await runCli(['keygen', '--out', prefix, '--unencrypted']);
    expect(again.code, again.stderr).toBe(0);
  });

  it('an existing key: KEY_EXISTS, and no "NOT encrypted" warning since nothing was written', async () => {
    const prefix = path.join(dir, 'exists');
    expect((await runCli(['keygen', '--out', prefix, '--unencrypted'])).code).toBe(0);
    const r = await runCli(['keygen', '--out', prefix, '--unencrypted']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`modelsign: error: refusing to overwrite existing key file ${prefix}.key [KEY_EXISTS]\n`);
  });

  it('only the .pub exists: refused, and no private key is left behind without its public half', async () => {
    const prefix = path.join(dir, 'half');
    await writeFile(`${prefix}.pub`, 'not mine');
    const r = await runCli(['keygen', '--out', prefix, '--unencrypted']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`modelsign: error: refusing to overwrite existing key file ${prefix}.pub [KEY_EXISTS]\n`);
    expect(existsSync(`${prefix}.key`)).toBe(false);
    expect(await readFile(`${prefix}.pub`, 'utf8')).toBe('not mine');
  });

  it('--out "" or a directory is refused instead of writing hidden .key/.pub files', async () => {
    const cwd = await tmpDir();
    for (const out of ['', 'keys/', '.']) {
      const r = await runCli(['keygen', '--out', out, '--unencrypted'], { cwd });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`modelsign: error: --out needs a path prefix such as keys/release (writes keys/release.key and keys/release.pub); got ${JSON.stringify(out)} [BAD_OPTION]\n`);
    }
    expect(await readdir(cwd)).toEqual([]);
  });

  it('--out release.key is refused with the prefix to give', async () => {
    const cwd = await tmpDir();
    for (const [out, stem] of [['release.key', 'release'], ['keys/ci.pub', 'keys/ci']] as const) {
      const r = await runCli(['keygen', '--out', out, '--unencrypted'], { cwd });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`modelsign: error: --out is a prefix: give ${stem}, get ${stem}.key and ${stem}.pub (${out} would write ${out}.key) [BAD_OPTION]\n`);
    }
    expect(await readdir(cwd)).toEqual([]);
  });

  it('a parent path that is a file is named in words', async () => {
    const blocker = path.join(dir, 'keys-file');
    await writeFile(blocker, 'x');
    const r = await runCli(['keygen', '--out', path.join(blocker, 'release'), '--unencrypted']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`modelsign: error: cannot write key files at ${path.join(blocker, 'release')}: ${blocker} is not a directory [KEY_WRITE_FAILED]\n`);
  });

  it('the unencrypted warning still comes with a key written', async () => {
    const r = await runCli(['keygen', '--out', path.join(dir, 'plain-ok'), '--unencrypted', '-q']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(UNENCRYPTED_WARNING);
  });
});

describe('sign --license is checked when signing, not only by a policy at verify time', () => {
  let m: string;
  beforeAll(async () => {
    m = await model('licensed', 1000);
  });

  it.each(['foobar', 'MIT OR foobar', 'Apache-2.0 AND'])('%s: a warning naming the value and what is expected; still signed (exit 0)', async (license) => {
    const r = await runCli(['sign', m, '--key', k.key, '--version', '1.0.0', '--license', license, '-q']);
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`modelsign: warning: --license ${JSON.stringify(license)}`);
    expect(lines[0]).toContain('so a policy can only treat it as unknown; expected a Hugging Face license id (apache-2.0, mit, llama3, other), an SPDX expression ("MIT OR Apache-2.0"), or LicenseRef-NAME for a license of your own');
    const signed = JSON.parse((await runCli(['inspect', path.join(m, 'model.sig'), '--json'])).stdout);
    expect(JSON.stringify(signed)).toContain(JSON.stringify(license));
  });

  it('foobar: the exact line', async () => {
    const r = await runCli(['sign', m, '--key', k.key, '--version', '1.0.0', '--license', 'foobar']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'modelsign: warning: --license "foobar" is neither a Hugging Face license id nor an SPDX license id, so a policy can only treat it as unknown; expected a Hugging Face license id (apache-2.0, mit, llama3, other), an SPDX expression ("MIT OR Apache-2.0"), or LicenseRef-NAME for a license of your own\n',
    );
  });

  it('bsd: a family, not one license; the exact ids are suggested', async () => {
    const r = await runCli(['sign', m, '--key', k.key, '--version', '1.0.0', '--license', 'bsd']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('modelsign: warning: --license "bsd": "bsd" names a family of licenses, not one, and a policy can match it only by name; if you can, name the license exactly (bsd-2-clause or bsd-3-clause)\n');
  });

  it('a hostile value stays on one line', async () => {
    const r = await runCli(['sign', m, '--key', k.key, '--version', '1.0.0', '--license', 'mit\nmodelsign: OK verified']);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toContain('--license "mit?modelsign: OK verified"');
  });

  it.each(['apache-2.0', 'MIT', 'other', 'unknown', 'llama3.1', 'LicenseRef-acme-eula', 'MIT OR Apache-2.0', 'Apache-2.0 WITH LLVM-exception', 'GPL-2.0+', 'none'])('%s: no warning', async (license) => {
    const r = await runCli(['sign', m, '--key', k.key, '--version', '1.0.0', '--license', license]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('an empty model', () => {
  it('is refused (exit 2, EMPTY_MODEL: OMS v1.0 §6.1), also under -q, and nothing is written', async () => {
    const e = path.join(dir, 'empty');
    await mkdir(e);
    const r = await runCli(['sign', e, '--key', k.key, '--version', '1.0.0', '-q']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`modelsign: error: ${e}: no file to sign after exclusions (.git, .github, .gitattributes, .gitignore, .cache/huggingface, model.sig) [EMPTY_MODEL]\n`);
    expect(existsSync(path.join(e, 'model.sig'))).toBe(false);
  });
});

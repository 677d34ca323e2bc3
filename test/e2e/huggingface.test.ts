/**
 * Hugging Face layouts end to end through the built CLI, each written as huggingface_hub
 * writes it (test/helpers/hf-hub.ts): a hub cache snapshot read in place (and as hf://), a
 * --local-dir download with its .cache/huggingface metadata, a git clone holding Git LFS
 * pointers. Hostile caches fail closed with the walk's codes.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTmp, runCli, tmpDir, type CliResult } from '../helpers/cli.js';
import { craftStatement, makeKey, sha256hex, writeSigned, type TestKey } from '../helpers/craft.js';
import { commitOf, etagOf, lfsPointer, repoFolder, sampleRepo, writeCacheSnapshot, writeLocalDir, type RepoFile } from '../helpers/hf-hub.js';
import { expectCleanError, json } from '../helpers/verify-json.js';
import { verify as verifyModel } from '../../src/index.js';

let work: string;
let key: TestKey;
let priv: string;
let cache: string;

/** The environment of a user whose hub cache is `cache` (and nothing else of the runner's leaks in). */
const hfEnv = (extra: Record<string, string | undefined> = {}) => ({ HF_HUB_CACHE: cache, HUGGINGFACE_HUB_CACHE: undefined, HF_HOME: undefined, XDG_CACHE_HOME: undefined, ...extra });
const cli = (args: string[], env: Record<string, string | undefined> = {}) => runCli(args, { env: hfEnv(env) });
const sign = (model: string, extra: string[] = [], env: Record<string, string | undefined> = {}) => cli(['sign', model, '--key', priv, '--version', '1.0.0', ...extra], env);
const verify = (model: string, extra: string[] = [], env: Record<string, string | undefined> = {}) => cli(['verify', model, '--key', key.pubFile, ...extra], env);
const digest = async (model: string, env: Record<string, string | undefined> = {}) => ok(await cli(['digest', model], env)).stdout.trim();

function ok(r: CliResult): CliResult {
  expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
  return r;
}

/** A plain copy of the repo's files, as `cp -rL` of the snapshot would give. */
function writeCopy(dir: string, files: readonly RepoFile[]): string {
  for (const f of files) {
    const p = path.join(dir, ...f.path.split('/'));
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, f.content);
  }
  return dir;
}

/** Every path under `dir` with its type, size and modification time. */
function listTree(dir: string): string {
  return execFileSync('find', [dir, '-printf', '%P %y %s %T@\\n'], { encoding: 'utf8' }).split('\n').sort().join('\n');
}

const reEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let n = 0;
/** A fresh cache holding one revision of acme/tiny-llm. */
function freshCache(files = sampleRepo(), opts: Parameters<typeof writeCacheSnapshot>[3] = {}) {
  const c = path.join(work, `cache-${++n}`);
  return { cache: c, ...writeCacheSnapshot(c, 'acme/tiny-llm', files, opts) };
}

beforeAll(async () => {
  work = await tmpDir('modelsign-hf-');
  key = await makeKey(work, 'release');
  priv = path.join(work, 'release.key');
  await writeFile(priv, key.priv.export({ type: 'pkcs8', format: 'pem' }).toString());
  cache = path.join(work, 'hub');
});
afterAll(cleanupTmp);

describe('a hub cache snapshot, read in place', () => {
  it('signs and verifies in the cache; the digest is a plain copy\'s; the names are the snapshot\'s; the default name is org/name and the revision is signed', async () => {
    const files = sampleRepo();
    const { snapshot, commit, repoDir } = writeCacheSnapshot(cache, 'acme/tiny-llm', files);
    expect(lstatSync(path.join(snapshot, 'tokenizer', 'tokenizer.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(snapshot, 'tokenizer', 'tokenizer.json'))).toBe(`../../../blobs/${etagOf(files[1]!)}`);
    const copy = writeCopy(path.join(work, 'copy'), files);
    const before = listTree(repoDir);

    const root = await digest(snapshot);
    expect(root).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await digest(copy)).toBe(root);
    expect(await digest('hf://acme/tiny-llm')).toBe(root);
    const names = (r: CliResult) => (JSON.parse(r.stdout) as { resources: { name: string }[] }).resources.map((x) => x.name);
    expect(names(ok(await cli(['digest', snapshot, '--json'])))).toEqual(names(ok(await cli(['digest', copy, '--json']))));
    expect(names(ok(await cli(['digest', snapshot, '--json'])))).toEqual(['config.json', 'model-00001-of-00002.safetensors', 'model-00002-of-00002.safetensors', 'model.safetensors.index.json', 'tokenizer/tokenizer.json']);

    const sig = path.join(work, 'out', 'cache.sig');
    const s = JSON.parse(ok(await sign(snapshot, ['--signature', sig, '--json'])).stdout);
    expect(s).toMatchObject({ name: 'acme/tiny-llm', rootDigest: root, files: 5, source: { type: 'huggingface', repo: 'acme/tiny-llm', revision: commit } });
    const v = ok(await verify(snapshot, ['--signature', sig]));
    expect(v.stdout).toContain('OK: acme/tiny-llm@1.0.0 verified (5 files)');
    expect(v.stdout).toContain(`  source:      type=huggingface repo=acme/tiny-llm revision=${commit}\n`);
    expect(JSON.parse(ok(await verify(snapshot, ['--signature', sig, '--json'])).stdout).source).toEqual({ type: 'huggingface', repo: 'acme/tiny-llm', revision: commit });
    // Signed in the cache, verified on a copy; signed from a copy, verified in the cache.
    ok(await verify(copy, ['--signature', sig]));
    ok(await sign(copy));
    ok(await verify(snapshot, ['--signature', path.join(copy, 'model.sig')]));
    // Nothing in the cache was written.
    expect(listTree(repoDir)).toEqual(before);
  });

  it('a folder inside a snapshot is read the same way (links one level deeper)', async () => {
    const { snapshot } = freshCache();
    const tok = path.join(snapshot, 'tokenizer');
    const s = JSON.parse(ok(await sign(tok, ['--signature', path.join(work, 'tok.sig'), '--json'])).stdout);
    expect(s).toMatchObject({ name: 'acme/tiny-llm/tokenizer', files: 1 });
    ok(await verify(tok, ['--signature', path.join(work, 'tok.sig')]));
  });

  it('hf:// resolves offline: refs/main by default, a branch or tag under refs/, a commit hash; sign and verify default to the snapshot\'s model.sig', async () => {
    const c = freshCache();
    const v2files = sampleRepo(2);
    const v2 = writeCacheSnapshot(c.cache, 'acme/tiny-llm', v2files, { revision: 'v2.0' });
    const env = { HF_HUB_CACHE: c.cache };
    expect(readFileSync(path.join(c.repoDir, 'refs', 'main'), 'utf8')).toBe(c.commit);
    const main = await digest(c.snapshot, env);
    expect(await digest('hf://acme/tiny-llm', env)).toBe(main);
    expect(await digest('hf://acme/tiny-llm@main', env)).toBe(main);
    expect(await digest(`hf://acme/tiny-llm@${c.commit}`, env)).toBe(main);
    expect(await digest('hf://acme/tiny-llm@v2.0', env)).toBe(await digest(v2.snapshot, env));
    expect(await digest(`hf://acme/tiny-llm@${v2.commit}`, env)).not.toBe(main);

    const s = ok(await sign('hf://acme/tiny-llm', [], env));
    expect(s.stdout).toContain(`signature:   ${path.join(c.snapshot, 'model.sig')}`);
    expect(s.stdout).toContain(`source:      type=huggingface repo=acme/tiny-llm revision=${c.commit} ref=main`);
    const v = ok(await verify('hf://acme/tiny-llm', ['--json'], env));
    expect(JSON.parse(v.stdout)).toMatchObject({ verified: true, model: 'hf://acme/tiny-llm', name: 'acme/tiny-llm', source: { revision: c.commit, ref: 'main' } });
    ok(await verify(`hf://acme/tiny-llm@${c.commit}`, [], env));
    // Another revision, with that signature: its files are not the signed ones.
    const other = await verify('hf://acme/tiny-llm@v2.0', ['--signature', path.join(c.snapshot, 'model.sig'), '--json'], env);
    expect(other.code).toBe(1);
    expect(json(other).failures.map((f) => `${f.code} ${f.path}`)).toEqual(['FILE_CHANGED config.json', 'FILE_CHANGED model-00001-of-00002.safetensors', 'FILE_CHANGED model-00002-of-00002.safetensors']);
  });

  it('the cache is found as huggingface_hub finds it: HF_HUB_CACHE, then HF_HOME/hub, then ~/.cache/huggingface/hub', async () => {
    const home = path.join(work, 'home');
    const inDefault = writeCacheSnapshot(path.join(home, '.cache', 'huggingface', 'hub'), 'acme/tiny-llm', sampleRepo(3));
    const hfHome = path.join(work, 'hf-home');
    const inHfHome = writeCacheSnapshot(path.join(hfHome, 'hub'), 'acme/tiny-llm', sampleRepo(4));
    const byDefault = await digest('hf://acme/tiny-llm', { HF_HUB_CACHE: undefined, HOME: home });
    expect(byDefault).toBe(await digest(inDefault.snapshot));
    const byHfHome = await digest('hf://acme/tiny-llm', { HF_HUB_CACHE: undefined, HOME: home, HF_HOME: hfHome });
    expect(byHfHome).toBe(await digest(inHfHome.snapshot));
    expect(byHfHome).not.toBe(byDefault);
    const c = freshCache(sampleRepo(5));
    expect(await digest('hf://acme/tiny-llm', { HF_HUB_CACHE: c.cache, HOME: home, HF_HOME: hfHome })).toBe(await digest(c.snapshot));
  });

  it('a model that is not in the cache is HF_NOT_CACHED (exit 2) naming the cache path, for every command; a malformed reference is HF_BAD_REFERENCE', async () => {
    const c = freshCache();
    const env = { HF_HUB_CACHE: c.cache };
    const commands = (model: string) => [
      ['digest', model],
      ['sign', model, '--key', priv, '--version', '1.0.0'],
      ['verify', model, '--key', key.pubFile],
      ['scan', model],
    ];
    const cases: Array<[string, RegExp]> = [
      ['hf://acme/other', new RegExp(`^modelsign: error: hf://acme/other is not in the Hugging Face cache at ${reEscape(c.cache)} \\(no models--acme--other\\): download it first \\(hf download acme/other\\); modelsign never downloads \\[HF_NOT_CACHED\\]\\n$`)],
      ['hf://acme/tiny-llm@v9', new RegExp(`^modelsign: error: hf://acme/tiny-llm@v9: revision "v9" is not in the cache \\(no ${reEscape(path.join(c.repoDir, 'refs', 'v9'))};.*\\(hf download acme/tiny-llm --revision v9\\) \\[HF_NOT_CACHED\\]\\n$`)],
      [`hf://acme/tiny-llm@${'e'.repeat(40)}`, new RegExp(`revision e{40} has no snapshot in the cache \\(no ${reEscape(path.join(c.repoDir, 'snapshots', 'e'.repeat(40)))}\\).*\\[HF_NOT_CACHED\\]\\n$`)],
    ];
    for (const [model, want] of cases) {
      for (const args of commands(model)) {
        const r = await cli(args, env);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toMatch(want);
        expectCleanError(r);
      }
    }
    writeFileSync(path.join(c.repoDir, 'refs', 'broken'), 'not a commit\n');
    const broken = await cli(['digest', 'hf://acme/tiny-llm@broken'], env);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toBe(`modelsign: error: hf://acme/tiny-llm@broken: ${path.join(c.repoDir, 'refs', 'broken')} does not hold a commit hash [HF_NOT_CACHED]\n`);
    for (const [model, why] of [
      ['hf://acme--x/tiny', 'is not a Hugging Face repo id'],
      ['hf://acme/tiny-llm/config.json', 'a path inside the repo is not a model'],
      ['hf://acme/tiny-llm@', 'the revision after "@" is empty'],
      ['hf://acme/tiny-llm@../../../etc', 'the revision is not a ref or commit hash (".." segment)'],
    ] as const) {
      const r = await cli(['digest', model], env);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(why);
      expect(r.stderr).toMatch(/\[HF_BAD_REFERENCE\]\n$/);
    }
  });

  it('a ref that is a FIFO, or a link, is refused without being opened for reading (no hang): HF_NOT_CACHED', async () => {
    const c = freshCache();
    execFileSync('mkfifo', [path.join(c.repoDir, 'refs', 'fifo')]);
    symlinkSync('main', path.join(c.repoDir, 'refs', 'link'));
    const f = await cli(['digest', 'hf://acme/tiny-llm@fifo'], { HF_HUB_CACHE: c.cache });
    expect(f.code).toBe(2);
    expect(f.stderr).toBe(`modelsign: error: hf://acme/tiny-llm@fifo: ${path.join(c.repoDir, 'refs', 'fifo')} cannot be read as a ref: not a regular file [HF_NOT_CACHED]\n`);
    const l = await cli(['digest', 'hf://acme/tiny-llm@link'], { HF_HUB_CACHE: c.cache });
    expect(l.code).toBe(2);
    expect(l.stderr).toBe(`modelsign: error: hf://acme/tiny-llm@link: ${path.join(c.repoDir, 'refs', 'link')} cannot be read as a ref: a symlink (not followed) [HF_NOT_CACHED]\n`);
  });

  it('a Xet shared blob: the repo\'s blob links into CACHE/blobs/<prefix>/ and is followed there; the digest is unchanged', async () => {
    const files = sampleRepo();
    const plain = freshCache(files);
    const xet = freshCache(files, { xet: true });
    const repoBlob = path.join(xet.repoDir, 'blobs', etagOf(files[2]!));
    expect(lstatSync(repoBlob).isSymbolicLink()).toBe(true);
    expect(readlinkSync(repoBlob)).toMatch(/^\.\.\/\.\.\/blobs\/[0-9a-f]{2}\/[0-9a-f]{64}$/);
    expect(await digest(xet.snapshot)).toBe(await digest(plain.snapshot));
    ok(await sign(xet.snapshot));
    ok(await verify(xet.snapshot));
    ok(await verify(plain.snapshot, ['--signature', path.join(xet.snapshot, 'model.sig')]));
    // A store entry is only an entry when it is a file in a folder directly under CACHE/blobs.
    const entry = realpathSync(repoBlob);
    rmSync(entry);
    symlinkSync('/etc/passwd', entry);
    const r = await verify(xet.snapshot, ['--json']);
    expect(r.code).toBe(1);
    expect(json(r).failures).toEqual([{ code: 'SYMLINK_OUTSIDE', path: 'model-00001-of-00002.safetensors', message: expect.stringContaining("symlink points outside the repo's blobs/") }]);
  });

  it('a blob written through a snapshot link is HF_BLOB_MISMATCH: sign refuses (exit 2), verify fails (exit 1)', async () => {
    const c = freshCache();
    ok(await sign(c.snapshot));
    const link = path.join(c.snapshot, 'model-00002-of-00002.safetensors');
    const blob = readlinkSync(link).split('/').pop()!;
    const bytes = readFileSync(link);
    bytes[100] = bytes[100]! ^ 0xff;
    writeFileSync(link, bytes); // follows the link: the blob is rewritten, its name is not
    const v = await verify(c.snapshot, ['--json']);
    expect(v.code).toBe(1);
    expect(json(v).failures).toEqual([
      { code: 'HF_BLOB_MISMATCH', path: 'model-00002-of-00002.safetensors', message: `blob ${blob} holds other bytes (sha256 ${sha256hex(bytes)}): the cache was written through a snapshot link; download the file again` },
      { code: 'FILE_CHANGED', path: 'model-00002-of-00002.safetensors', message: 'file content does not match the signature' },
    ]);
    const s = await sign(c.snapshot, ['--signature', path.join(work, 'mismatch.sig')]);
    expect(s.code).toBe(2);
    expect(s.stderr).toBe(`modelsign: error: model-00002-of-00002.safetensors: blob ${blob} holds other bytes (sha256 ${sha256hex(bytes)}): the cache was written through a snapshot link; download the file again [HF_BLOB_MISMATCH]\n`);
  });

  it('a model.sig published in the repo is read from its blob; sign replaces the link and never writes into the blob', async () => {
    const files = sampleRepo();
    const signed = freshCache(files);
    ok(await sign(signed.snapshot));
    const published = readFileSync(path.join(signed.snapshot, 'model.sig'));
    // The next revision carries model.sig as one of its files, as `hf download` fetches it.
    const c = freshCache([...files, { path: 'model.sig', content: published }]);
    const sigLink = path.join(c.snapshot, 'model.sig');
    expect(lstatSync(sigLink).isSymbolicLink()).toBe(true);
    const blob = realpathSync(sigLink);
    const v = JSON.parse(ok(await verify(c.snapshot, ['--json'])).stdout);
    expect(v).toMatchObject({ verified: true, signature: blob, filesChecked: 5 });
    ok(await cli(['sign', c.snapshot, '--key', priv, '--version', '2.0.0']));
    expect(lstatSync(sigLink).isFile()).toBe(true);
    expect(readFileSync(blob)).toEqual(published);
    expect(JSON.parse(ok(await verify(c.snapshot, ['--json'])).stdout)).toMatchObject({ verified: true, version: '2.0.0' });
  });

  it('a signed file under an ignored path (.gitattributes, as older signers list it) is read from its blob too; one that links out is refused', async () => {
    const files = [...sampleRepo(), { path: '.gitattributes', content: Buffer.from('*.safetensors filter=lfs diff=lfs merge=lfs -text\n') }];
    const c = freshCache(files);
    const resources = files.map((f) => ({ name: f.path, digest: sha256hex(f.content) })).sort((a, b) => (a.name < b.name ? -1 : 1));
    const sig = path.join(c.cache, 'lists-gitattributes.sig');
    await writeSigned(sig, craftStatement(resources), key);
    expect(JSON.parse(ok(await verify(c.snapshot, ['--signature', sig, '--json'])).stdout)).toMatchObject({ verified: true, filesChecked: 6 });
    const link = path.join(c.snapshot, '.gitattributes');
    rmSync(link);
    symlinkSync('/etc/passwd', link);
    const r = await verify(c.snapshot, ['--signature', sig, '--json']);
    expect(r.code).toBe(1);
    expect(json(r).failures).toEqual([{ code: 'SYMLINK_OUTSIDE', path: '.gitattributes', message: expect.stringContaining("symlink points outside the repo's blobs/") }]);
  });

  it('scan reads a snapshot (and hf://) as the files it names; model.sig is left out as sign leaves it', async () => {
    const c = freshCache();
    ok(await sign(c.snapshot));
    for (const model of [c.snapshot, 'hf://acme/tiny-llm']) {
      const r = JSON.parse(ok(await cli(['scan', model, '--json'], { HF_HUB_CACHE: c.cache })).stdout);
      expect(r.clean).toBe(true);
      expect(r.files.map((f: { file: string; format: string }) => `${f.file} ${f.format}`)).toEqual([
        'config.json unknown',
        'model-00001-of-00002.safetensors safetensors',
        'model-00002-of-00002.safetensors safetensors',
        'model.safetensors.index.json unknown',
        'tokenizer/tokenizer.json unknown',
      ]);
    }
  });
});

describe('a hostile cache is refused with the walk\'s codes, never followed', () => {
  /** A signed clean snapshot, then `plant` run on it. */
  async function planted(plant: (c: ReturnType<typeof freshCache>) => void) {
    const c = freshCache();
    ok(await sign(c.snapshot, ['--signature', path.join(c.cache, 'model.sig')]));
    plant(c);
    return c;
  }
  const cases: Array<{ what: string; plant: (c: ReturnType<typeof freshCache>) => void; failure: { code: string; path: string; message: string | RegExp } }> = [
    {
      what: 'a link to ../../../etc/passwd',
      plant: (c) => symlinkSync(path.relative(c.snapshot, '/etc/passwd'), path.join(c.snapshot, 'passwd')),
      failure: { code: 'SYMLINK_OUTSIDE', path: 'passwd', message: "symlink points outside the repo's blobs/ (a snapshot's links are followed only into models--acme--tiny-llm/blobs/)" },
    },
    {
      what: 'a link to a blob of another repo',
      plant: (c) => {
        const other = writeCacheSnapshot(c.cache, 'evil/model', [{ path: 'modeling.py', content: Buffer.from('import os\n') }]);
        symlinkSync(`../../../${repoFolder('evil/model')}/blobs/${readlinkSync(path.join(other.snapshot, 'modeling.py')).split('/').pop()}`, path.join(c.snapshot, 'modeling.py'));
      },
      failure: { code: 'SYMLINK_OUTSIDE', path: 'modeling.py', message: "symlink points to a blob of another repo (models--evil--model): a snapshot's links are followed only into its own repo's blobs/" },
    },
    {
      what: 'a loop',
      plant: (c) => symlinkSync('loop.json', path.join(c.snapshot, 'loop.json')),
      failure: { code: 'SYMLINK_BROKEN', path: 'loop.json', message: 'symlink loop: the target can never be reached' },
    },
    {
      what: 'a missing blob',
      plant: (c) => rmSync(realpathSync(path.join(c.snapshot, 'config.json'))),
      failure: { code: 'SYMLINK_BROKEN', path: 'config.json', message: /^blob [0-9a-f]{40} is missing from the cache: download the file again$/ },
    },
    {
      what: 'a repo blob that is itself a link out of the cache',
      plant: (c) => {
        const blob = realpathSync(path.join(c.snapshot, 'config.json'));
        rmSync(blob);
        symlinkSync('/etc/passwd', blob);
      },
      failure: { code: 'SYMLINK_OUTSIDE', path: 'config.json', message: /^symlink points outside the repo's blobs\// },
    },
    {
      what: 'a link to another snapshot folder',
      plant: (c) => symlinkSync(`../${writeCacheSnapshot(c.cache, 'acme/tiny-llm', sampleRepo(7), { revision: 'old' }).commit}`, path.join(c.snapshot, 'again')),
      failure: { code: 'SYMLINK_OUTSIDE', path: 'again', message: /^symlink points outside the repo's blobs\// },
    },
  ];
  for (const { what, plant, failure } of cases) {
    it(`${what}: verify exits 1, sign and digest exit 2, scan does not follow it`, async () => {
      const c = await planted(plant);
      const sig = path.join(c.cache, 'model.sig');
      for (const extra of [[], ['--allow-symlinks']]) {
        const v = await verify(c.snapshot, ['--signature', sig, '--json']);
        expect(v.code, v.stdout).toBe(1);
        const got = json(v).failures.filter((f) => f.path === failure.path);
        expect(got).toEqual([{ code: failure.code, path: failure.path, message: typeof failure.message === 'string' ? failure.message : expect.stringMatching(failure.message) }]);
        expectCleanError(v);
        const s = await sign(c.snapshot, ['--signature', path.join(work, 'hostile.sig'), ...extra]);
        expect(s.code, s.stderr).toBe(2);
        expect(s.stderr).toContain(`[${failure.code}]`);
        expectCleanError(s);
      }
      const d = await cli(['digest', c.snapshot]);
      expect(d.code).toBe(2);
      const scan = JSON.parse((await cli(['scan', c.snapshot, '--json'])).stdout);
      expect(scan.findings).toContainEqual(expect.objectContaining({ code: 'SCAN_SKIPPED', file: failure.path }));
    });
  }

  it('blobs/ replaced by a link: no file is taken from it', async () => {
    const c = await planted((x) => {
      cpSync(path.join(x.repoDir, 'blobs'), path.join(x.cache, 'elsewhere'), { recursive: true });
      rmSync(path.join(x.repoDir, 'blobs'), { recursive: true });
      symlinkSync('../elsewhere', path.join(x.repoDir, 'blobs'));
    });
    const v = await verify(c.snapshot, ['--signature', path.join(c.cache, 'model.sig'), '--json']);
    expect(v.code).toBe(1);
    expect(json(v).failures).toHaveLength(5);
    for (const f of json(v).failures) expect(f).toEqual({ code: 'SYMLINK_OUTSIDE', path: f.path, message: "symlink into the repo's blobs/, which is not a plain folder (a link or another file): not followed" });
  });
});

describe('--local-dir downloads', () => {
  it('.cache/huggingface is left out and recorded in ignore_paths; a re-download that rewrites every .metadata still verifies', async () => {
    const files = sampleRepo();
    const dir = path.join(work, 'local');
    writeLocalDir(dir, files, commitOf(files), 1712656091.123);
    expect(readFileSync(path.join(dir, '.cache', 'huggingface', 'download', 'tokenizer', 'tokenizer.json.metadata'), 'utf8')).toBe(`${commitOf(files)}\n${etagOf(files[1]!)}\n1712656091.123\n`);
    const s = JSON.parse(ok(await sign(dir, ['--json'])).stdout);
    expect(s.files).toBe(5);
    const i = JSON.parse(ok(await cli(['inspect', path.join(dir, 'model.sig'), '--json'])).stdout);
    expect(i.serialization.ignore_paths).toEqual(['.git', '.github', '.gitattributes', '.gitignore', '.cache/huggingface', 'model.sig']);
    writeLocalDir(dir, files, commitOf(files), 1712700000.5);
    ok(await verify(dir));
    // The same bytes as the cache: a signature made there verifies here.
    const c = freshCache(files);
    expect(await digest(dir)).toBe(await digest(c.snapshot));
    ok(await verify(c.snapshot, ['--signature', path.join(dir, 'model.sig')]));
  });

  it('a bundle made without .cache/huggingface in its ignore_paths (model_signing) verifies a local-dir download; a file there that a signature lists is still checked', async () => {
    const files = sampleRepo();
    const dir = path.join(work, 'local-ms');
    writeLocalDir(dir, files);
    const resources = files.map((f) => ({ name: f.path, digest: sha256hex(f.content) })).sort((a, b) => (a.name < b.name ? -1 : 1));
    const sig = path.join(work, 'model-signing.sig');
    await writeSigned(sig, craftStatement(resources, { ignore_paths: ['.git', '.gitattributes', '.github', '.gitignore', 'model.sig'] }), key);
    const r = ok(await verify(dir, ['--signature', sig, '--json']));
    expect(JSON.parse(r.stdout)).toMatchObject({ verified: true, filesChecked: 5, failures: [] });
    // A signature that lists a metadata file: it is checked like any signed file.
    const meta = '.cache/huggingface/download/config.json.metadata';
    const listed = [...resources, { name: meta, digest: sha256hex(readFileSync(path.join(dir, meta))) }].sort((a, b) => (a.name < b.name ? -1 : 1));
    const sig2 = path.join(work, 'lists-metadata.sig');
    await writeSigned(sig2, craftStatement(listed, { ignore_paths: ['.git', 'model.sig'] }), key);
    ok(await verify(dir, ['--signature', sig2]));
    writeLocalDir(dir, files, commitOf(files), 1);
    const changed = await verify(dir, ['--signature', sig2, '--json']);
    expect(changed.code).toBe(1);
    expect(json(changed).failures).toEqual([{ code: 'FILE_CHANGED', path: meta, message: 'file content does not match the signature' }]);
  });
});

describe('Git LFS pointers', () => {
  /** A clone without `git lfs pull`: .git, .gitattributes, the shards as pointer files. */
  function lfsClone(dir: string, files = sampleRepo()): string {
    mkdirSync(path.join(dir, '.git', 'lfs'), { recursive: true });
    writeFileSync(path.join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(path.join(dir, '.gitattributes'), '*.safetensors filter=lfs diff=lfs merge=lfs -text\n');
    writeCopy(dir, files.map((f) => (f.path.endsWith('.safetensors') ? { path: f.path, content: lfsPointer(f.content) } : f)));
    return dir;
  }
  const oidOf = (f: RepoFile) => `sha256:${sha256hex(f.content)}`;

  it('sign and digest refuse a model holding pointer files (exit 2, LFS_POINTER), naming the first and counting the rest', async () => {
    const files = sampleRepo();
    const dir = lfsClone(path.join(work, 'clone'), files);
    for (const args of [['sign', dir, '--key', priv, '--version', '1.0.0'], ['digest', dir]]) {
      const r = await cli(args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toBe(`modelsign: error: model-00001-of-00002.safetensors is a Git LFS pointer (oid ${oidOf(files[2]!)}): run \`git lfs pull\` (and 1 more) [LFS_POINTER]\n`);
    }
    rmSync(path.join(dir, 'model-00002-of-00002.safetensors'));
    const one = await sign(dir);
    expect(one.stderr).toBe(`modelsign: error: model-00001-of-00002.safetensors is a Git LFS pointer (oid ${oidOf(files[2]!)}): run \`git lfs pull\` [LFS_POINTER]\n`);
    // A .tar of the clone is refused the same way (its entries are looked at as they stream).
    const tar = path.join(work, 'clone.tar');
    execFileSync('tar', ['-C', dir, '-cf', tar, '.']);
    const t = await sign(tar);
    expect(t.code).toBe(2);
    expect(t.stderr).toMatch(/^modelsign: error: model-00001-of-00002\.safetensors is a Git LFS pointer .*\[LFS_POINTER\]\n$/);
  });

  it('verify reports a signed file that is a pointer as LFS_POINTER, not FILE_CHANGED', async () => {
    const files = sampleRepo();
    const dir = writeCopy(path.join(work, 'pulled'), files);
    ok(await sign(dir));
    writeFileSync(path.join(dir, 'model-00002-of-00002.safetensors'), lfsPointer(files[3]!.content));
    const r = await verify(dir, ['--json']);
    expect(r.code).toBe(1);
    expect(json(r).failures).toEqual([{ code: 'LFS_POINTER', path: 'model-00002-of-00002.safetensors', message: `a Git LFS pointer (oid ${oidOf(files[3]!)}) in place of the signed file: run \`git lfs pull\`` }]);
    const t = await verify(dir);
    expect(t.stdout).toContain(`  LFS_POINTER model-00002-of-00002.safetensors: a Git LFS pointer (oid ${oidOf(files[3]!)}) in place of the signed file: run \`git lfs pull\``);
    expect(t.stderr).toMatch(/^modelsign: refused: model-00002-of-00002\.safetensors: a Git LFS pointer .*\[LFS_POINTER\]\n$/);
    // A file changed in any other way is still FILE_CHANGED.
    writeFileSync(path.join(dir, 'model-00002-of-00002.safetensors'), Buffer.alloc(130, 0x41));
    expect(json(await verify(dir, ['--json'])).failures.map((f) => f.code)).toEqual(['FILE_CHANGED']);
  });

  it('scan names pointers (LFS_POINTER, high) instead of a safetensors error, and leaves .git out as sign does', async () => {
    const files = sampleRepo();
    const dir = lfsClone(path.join(work, 'clone-scan'), files);
    writeFileSync(path.join(dir, '.git', 'evil.pkl'), 'not a pickle');
    const r = await cli(['scan', dir, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.findings).toEqual([
      { code: 'LFS_POINTER', severity: 'high', file: 'model-00001-of-00002.safetensors', message: `a Git LFS pointer (oid ${oidOf(files[2]!)}) in place of the file: run \`git lfs pull\`` },
      { code: 'LFS_POINTER', severity: 'high', file: 'model-00002-of-00002.safetensors', message: `a Git LFS pointer (oid ${oidOf(files[3]!)}) in place of the file: run \`git lfs pull\`` },
    ]);
    expect(j.files.map((f: { file: string }) => f.file)).toEqual(['config.json', 'model-00001-of-00002.safetensors', 'model-00002-of-00002.safetensors', 'model.safetensors.index.json', 'tokenizer/tokenizer.json']);
  });

  it('verify with a scanning policy on a .tar: the pointer check and the scanner read the same streamed entry', async () => {
    const files = sampleRepo();
    const dir = writeCopy(path.join(work, 'tar-src'), files);
    const tar = path.join(work, 'model.tar');
    execFileSync('tar', ['-C', dir, '-cf', tar, '.']);
    ok(await sign(tar));
    writeFileSync(path.join(dir, 'model-00001-of-00002.safetensors'), lfsPointer(files[2]!.content));
    execFileSync('tar', ['-C', dir, '-cf', tar, '.']);
    const r = await verifyModel({ trust: { keys: [key.pubFile] }, formats: { scan: true } }, tar);
    expect(r.failures).toEqual([{ code: 'LFS_POINTER', path: 'model-00001-of-00002.safetensors', message: expect.stringContaining('a Git LFS pointer (oid sha256:') }]);
    expect(r.bytesRead).toBeGreaterThan(0);
  });
});

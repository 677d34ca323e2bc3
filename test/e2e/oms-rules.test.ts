/**
 * OMS v1.0 serialization rules, both directions: a model with no file after exclusions is
 * refused at sign and digest (§6.1), a signature listing no resource is refused at verify
 * (§5.2.1), the shards method omits zero-byte files (§6.3.2) and verify accepts that omission
 * (as model_signing writes it) while still refusing a missing or an unexpected non-empty file;
 * git paths are left out unless --no-ignore-git-paths; keygen's key types.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, createPrivateKey } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bytes, cleanupTmp, keypair, runCli, tmpDir } from '../helpers/cli.js';
import { bundleFor, statementText } from '../helpers/oms-bundle.js';
import { json } from '../helpers/verify-json.js';

afterAll(cleanupTmp);

let dir: string;
let k: { key: string; pub: string };
beforeAll(async () => {
  dir = await tmpDir();
  k = await keypair(dir, 'ecdsa-p256');
});

async function model(name: string, files: Record<string, string | Buffer>): Promise<string> {
  const m = path.join(dir, name);
  for (const [f, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(m, f)), { recursive: true });
    await writeFile(path.join(m, f), content);
  }
  await mkdir(m, { recursive: true });
  return m;
}

function payloadOf(sig: string): Promise<{ predicate: { serialization: { ignore_paths?: string[] }; resources: { name: string }[] } }> {
  return readFile(sig, 'utf8').then((t) => JSON.parse(Buffer.from(JSON.parse(t).dsseEnvelope.payload, 'base64').toString()));
}

describe('a model with no file after exclusions (§6.1)', () => {
  it.each([
    ['an empty directory', {}],
    ['a directory holding only git metadata', { '.git/HEAD': 'ref\n', '.gitignore': '*.tmp\n' }],
  ])('%s: sign and digest exit 2 with EMPTY_MODEL and write nothing', async (_what, files) => {
    const m = await model(`empty-${Object.keys(files).length}`, files);
    const s = await runCli(['sign', m, '--key', k.key, '--version', '1.0.0']);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/modelsign: error: .*: no file to sign after exclusions \(\.git, \.github, \.gitattributes, \.gitignore, \.cache\/huggingface, model\.sig\) \[EMPTY_MODEL\]/);
    expect(existsSync(path.join(m, 'model.sig'))).toBe(false);
    const d = await runCli(['digest', m]);
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(/\[EMPTY_MODEL\]/);
  });

  it('a model left empty by --ignore-paths is refused the same way', async () => {
    const m = await model('all-ignored', { 'w.bin': 'x' });
    const s = await runCli(['sign', m, '--key', k.key, '--version', '1.0.0', '--ignore-paths', 'w.bin']);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/no file to sign after exclusions \(.*w\.bin.*\) \[EMPTY_MODEL\]/);
  });

  it('a shards model whose every file is empty is refused: it would list nothing', async () => {
    const m = await model('all-empty', { 'a.bin': '', 'b.bin': '' });
    const s = await runCli(['sign', m, '--key', k.key, '--version', '1.0.0', '--shard-size', '8']);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/every file is empty, and the shards method omits empty files \(OMS §6\.3\.2\); sign without --shard-size \[EMPTY_MODEL\]/);
    // The files method lists empty files: the same model signs.
    expect((await runCli(['sign', m, '--key', k.key, '--version', '1.0.0'])).code).toBe(0);
  });
});

describe('a signature that lists no resource (§5.2.1)', () => {
  it('is refused with EMPTY_MANIFEST (exit 1), even under --ignore-unsigned-files', async () => {
    const m = await model('empty-manifest', { 'w.bin': 'weights' });
    const payload = Buffer.from(statementText({ name: 'm', resources: [], serializationJson: '{"method": "files", "hash_type": "sha256", "allow_symlinks": false, "ignore_paths": []}' }));
    const keyObj = createPrivateKey(await readFile(k.key));
    await writeFile(path.join(m, 'model.sig'), JSON.stringify(bundleFor({ payload, key: keyObj, material: 'hint' })));
    for (const extra of [[], ['--ignore-unsigned-files']]) {
      const r = await runCli(['verify', m, '--key', k.pub, '--json', ...extra]);
      expect(r.code).toBe(1);
      expect(json(r).failures).toEqual([{ code: 'EMPTY_MANIFEST', message: 'the signature lists no file: it covers nothing' }]);
    }
  });
});

describe('zero-byte files in the shards method (§6.3.2)', () => {
  const files = { 'weights.bin': bytes(10_000, 3), 'empty.txt': '', 'sub/also-empty': '', a: 'one letter' };
  let m: string;
  beforeAll(async () => {
    m = await model('shards-empty', files);
    const s = await runCli(['sign', m, '--key', k.key, '--version', '1.0.0', '--shard-size', '4096']);
    expect(s.code, s.stderr).toBe(0);
  });

  it('sign omits them; the files method lists them', async () => {
    const names = (await payloadOf(path.join(m, 'model.sig'))).predicate.resources.map((r) => r.name);
    expect(names).toEqual(['a:0:10', 'weights.bin:0:4096', 'weights.bin:4096:8192', 'weights.bin:8192:10000']);
    const f = path.join(dir, 'files-method.sig');
    expect((await runCli(['sign', m, '--key', k.key, '--version', '1.0.0', '--signature', f, '--ignore-paths', 'model.sig'])).code).toBe(0);
    expect((await payloadOf(f)).predicate.resources.map((r) => r.name)).toEqual(['a', 'empty.txt', 'sub/also-empty', 'weights.bin']);
  });

  it('verify accepts the omission, and another empty file on disk', async () => {
    expect((await runCli(['verify', m, '--key', k.pub])).code).toBe(0);
    await writeFile(path.join(m, 'new-empty'), '');
    const r = await runCli(['verify', m, '--key', k.pub]);
    await rm(path.join(m, 'new-empty'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('verify still refuses an unexpected non-empty file and a missing non-empty one', async () => {
    await writeFile(path.join(m, 'added.bin'), 'x');
    const added = await runCli(['verify', m, '--key', k.pub, '--json']);
    await rm(path.join(m, 'added.bin'));
    expect(added.code).toBe(1);
    expect(json(added).failures).toEqual([{ code: 'FILE_UNEXPECTED', path: 'added.bin', message: 'file is not in the signature' }]);
    const kept = await readFile(path.join(m, 'a'));
    await rm(path.join(m, 'a'));
    const missing = await runCli(['verify', m, '--key', k.pub, '--json']);
    await writeFile(path.join(m, 'a'), kept);
    expect(missing.code).toBe(1);
    expect(json(missing).failures).toEqual([{ code: 'FILE_MISSING', path: 'a', message: 'signed file is missing' }]);
  });

  it('an empty file that the signature lists as a shard must still be empty', async () => {
    await writeFile(path.join(m, 'empty.txt'), 'no longer empty');
    const r = await runCli(['verify', m, '--key', k.pub, '--json']);
    await writeFile(path.join(m, 'empty.txt'), '');
    expect(r.code).toBe(1);
    expect(json(r).failures.map((f) => [f.code, f.path])).toEqual([['FILE_UNEXPECTED', 'empty.txt']]);
  });

  /** A shards statement as model_signing writes it (payload text of its own, float shard_size). */
  async function foreignShards(resources: { name: string; digest: string }[]): Promise<string> {
    const sig = path.join(dir, `foreign-${resources.length}.sig`);
    const payload = Buffer.from(
      statementText({
        name: 'shards-empty',
        resources: resources.map((r) => ({ ...r, algorithm: 'sha256-sharded-4096' })),
        serializationJson: '{"method": "shards", "hash_type": "sha256", "allow_symlinks": false, "shard_size": 4096.0, "ignore_paths": ["model.sig"]}',
      }),
    );
    await writeFile(sig, JSON.stringify(bundleFor({ payload, key: createPrivateKey(await readFile(k.key)), material: 'hint', keyid: 'null' })));
    return sig;
  }
  const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
  const w = bytes(10_000, 3);
  const shardsOfW = [
    { name: 'weights.bin:0:4096', digest: sha(w.subarray(0, 4096)) },
    { name: 'weights.bin:4096:8192', digest: sha(w.subarray(4096, 8192)) },
    { name: 'weights.bin:8192:10000', digest: sha(w.subarray(8192)) },
  ];

  it("model_signing's form (empty files omitted) verifies, and so does a signature listing an empty file as name:0:0", async () => {
    const omitted = await foreignShards([{ name: 'a:0:10', digest: sha('one letter') }, ...shardsOfW]);
    expect((await runCli(['verify', m, '--key', k.pub, '--signature', omitted])).code).toBe(0);
    const zeroShards = await foreignShards([
      { name: 'a:0:10', digest: sha('one letter') },
      { name: 'empty.txt:0:0', digest: sha('') },
      { name: 'sub/also-empty:0:0', digest: sha('') },
      ...shardsOfW,
    ]);
    expect((await runCli(['verify', m, '--key', k.pub, '--signature', zeroShards])).code).toBe(0);
  });
});

describe('git paths', () => {
  it('are left out and recorded by default; --no-ignore-git-paths signs them (sign and digest agree)', async () => {
    const m = await model('with-git', { 'w.bin': 'w', '.git/HEAD': 'ref: refs/heads/main\n', '.gitattributes': '*.bin lfs\n' });
    const def = path.join(dir, 'git-default.sig');
    expect((await runCli(['sign', m, '--key', k.key, '--version', '1.0.0', '--signature', def])).code).toBe(0);
    const p = await payloadOf(def);
    expect(p.predicate.resources.map((r) => r.name)).toEqual(['w.bin']);
    expect(p.predicate.serialization.ignore_paths).toEqual(['.git', '.github', '.gitattributes', '.gitignore', '.cache/huggingface']);

    const all = path.join(dir, 'git-all.sig');
    const s = await runCli(['sign', m, '--key', k.key, '--version', '1.0.0', '--signature', all, '--no-ignore-git-paths', '--json']);
    expect(s.code, s.stderr).toBe(0);
    const q = await payloadOf(all);
    expect(q.predicate.resources.map((r) => r.name)).toEqual(['.git/HEAD', '.gitattributes', 'w.bin']);
    // Only the git paths: a local-dir download's metadata stays out either way.
    expect(q.predicate.serialization.ignore_paths).toEqual(['.cache/huggingface']);
    const d = await runCli(['digest', m, '--no-ignore-git-paths', '--signature', all]);
    expect(d.stdout.trim()).toBe(JSON.parse(s.stdout).rootDigest);
    // verify checks the signed git files too: a changed HEAD is refused.
    expect((await runCli(['verify', m, '--key', k.pub, '--signature', all])).code).toBe(0);
    await writeFile(path.join(m, '.git/HEAD'), 'ref: refs/heads/evil\n');
    const r = await runCli(['verify', m, '--key', k.pub, '--signature', all, '--json']);
    expect(r.code).toBe(1);
    expect(json(r).failures.map((f) => [f.code, f.path])).toEqual([['FILE_CHANGED', '.git/HEAD']]);
  });
});

describe('keygen key types', () => {
  it('makes ECDSA P-256 by default', async () => {
    const prefix = path.join(dir, 'default-type');
    const r = await runCli(['keygen', '--out', prefix, '--unencrypted', '--json', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).type).toBe('ecdsa-p256');
  });

  it.each(['ecdsa-p256', 'ecdsa-p384', 'ecdsa-p521', 'ed25519'])('%s keys sign and verify', async (type) => {
    const kp = await keypair(dir, type, 'types');
    const m = await model(`typed-${type}`, { 'w.bin': bytes(3000, 9) });
    expect((await runCli(['sign', m, '--key', kp.key, '--version', '1.0.0'])).code).toBe(0);
    const r = await runCli(['verify', m, '--key', kp.pub, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).signerInfo.keyType).toBe(type);
  });

  it('an unknown type is refused, naming the types', async () => {
    const r = await runCli(['keygen', '--out', path.join(dir, 'bad'), '--type', 'ecdsa-p192', '--unencrypted']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--type must be one of ecdsa-p256, ecdsa-p384, ecdsa-p521, ed25519 (got "ecdsa-p192") [BAD_KEY_TYPE]');
  });
});

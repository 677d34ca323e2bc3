/**
 * Model tarballs: the built CLI on real archives made with the system `tar`.
 * A directory and its .tar / .tar.gz share one root digest and one signature; hostile
 * entries and changed bytes fail verification with exit 1.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile, link, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytes, cleanupTmp, keypair, makeHfModel, runCli, tmpDir } from '../helpers/cli.js';

function tar(args: string[], cwd?: string): void {
  execFileSync('tar', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

let work: string;
let model: string;
let keys: { key: string; pub: string };
let dirSig: string;
let dirDigest: string;

beforeAll(async () => {
  work = await tmpDir('modelsign-archive-');
  model = await makeHfModel(path.join(work, 'model'));
  keys = await keypair(work);
  const d = await runCli(['digest', model]);
  expect(d.code).toBe(0);
  dirDigest = d.stdout.trim();
  // Archives made before signing, so they hold exactly the model's files.
  tar(['-C', model, '-cf', path.join(work, 'dot.tar'), '.']);
  tar(['-C', model, '-czf', path.join(work, 'dot.tar.gz'), '.']);
  tar(['-czf', path.join(work, 'folder.tgz'), 'model/'], work);
  tar(['-cf', path.join(work, 'folder.tar'), 'model'], work);
  dirSig = path.join(work, 'dir.sig');
  const s = await runCli(['sign', model, '--key', keys.key, '--version', '1.0.0', '--signature', dirSig]);
  expect(s.code, s.stderr).toBe(0);
});
afterAll(cleanupTmp);

describe('archives and their directory share one root digest', () => {
  for (const name of ['dot.tar', 'dot.tar.gz', 'folder.tgz', 'folder.tar']) {
    it(`digest of ${name} equals the directory's`, async () => {
      const r = await runCli(['digest', path.join(work, name)]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.trim()).toBe(dirDigest);
    });
    it(`the directory signature verifies ${name}`, async () => {
      const r = await runCli(['verify', path.join(work, name), '--key', keys.pub, '--signature', dirSig, '--json']);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(j.verified).toBe(true);
      expect(j.rootDigest).toBe(dirDigest);
      expect(j.filesChecked).toBe(8);
    });
  }

  it('an archive signature (default ARCHIVE.sig) verifies the archive and the directory', async () => {
    const arc = path.join(work, 'dot.tar.gz');
    const s = await runCli(['sign', arc, '--key', keys.key, '--version', '1.0.0', '--json']);
    expect(s.code, s.stderr).toBe(0);
    const j = JSON.parse(s.stdout);
    expect(j.signature).toBe(`${arc}.sig`);
    expect(j.rootDigest).toBe(dirDigest);
    expect(j.name).toBe('dot');
    const bundle = JSON.parse(await readFile(`${arc}.sig`, 'utf8'));
    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8'));
    expect(statement.predicate.serialization.ignore_paths).toContain('model.sig');
    const v1 = await runCli(['verify', arc, '--key', keys.pub]);
    expect(v1.code, v1.stderr).toBe(0);
    const v2 = await runCli(['verify', model, '--key', keys.pub, '--signature', `${arc}.sig`]);
    expect(v2.code, v2.stderr).toBe(0);
  });

  it('an archive of a signed directory carries model.sig at its root and still verifies', async () => {
    const dir = path.join(work, 'signed-in-place');
    await makeHfModel(dir);
    const s = await runCli(['sign', dir, '--key', keys.key, '--version', '2.0.0']);
    expect(s.code, s.stderr).toBe(0);
    const arc = path.join(work, 'signed-in-place.tgz');
    tar(['-C', dir, '-czf', arc, '.']);
    const r = await runCli(['verify', arc, '--key', keys.pub, '--signature', path.join(dir, 'model.sig')]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it('shards: a sharded directory signature verifies the archive', async () => {
    const sig = path.join(work, 'shards.sig');
    const s = await runCli(['sign', model, '--key', keys.key, '--version', '1.0.0', '--signature', sig, '--shard-size', '65536']);
    expect(s.code, s.stderr).toBe(0);
    const r = await runCli(['verify', path.join(work, 'folder.tgz'), '--key', keys.pub, '--signature', sig]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const d = await runCli(['digest', path.join(work, 'folder.tgz'), '--shard-size', '65536']);
    const dd = await runCli(['digest', model, '--shard-size', '65536']);
    expect(d.stdout).toBe(dd.stdout);
  });

  it('a directory whose only content is one folder keeps that folder when the signature lists it', async () => {
    const dir = path.join(work, 'onefolder');
    await mkdir(path.join(dir, 'weights'), { recursive: true });
    await writeFile(path.join(dir, 'weights', 'a.bin'), bytes(1000, 7));
    const sig = path.join(work, 'onefolder.sig');
    expect((await runCli(['sign', dir, '--key', keys.key, '--version', '1.0.0', '--signature', sig])).code).toBe(0);
    const arc = path.join(work, 'onefolder.tar');
    tar(['-C', dir, '-cf', arc, 'weights']);
    const r = await runCli(['verify', arc, '--key', keys.pub, '--signature', sig]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it('.git and --ignore-paths entries are left out, as for a directory', async () => {
    const dir = path.join(work, 'with-git');
    await makeHfModel(dir);
    await mkdir(path.join(dir, '.git'));
    await writeFile(path.join(dir, '.git', 'config'), '[core]');
    await mkdir(path.join(dir, 'notes'));
    await writeFile(path.join(dir, 'notes', 'todo.txt'), 'later');
    const arc = path.join(work, 'with-git.tgz');
    tar(['-C', dir, '-czf', arc, '.']);
    const plain = await runCli(['verify', arc, '--key', keys.pub, '--signature', dirSig, '--json']);
    expect(plain.code).toBe(1);
    expect(JSON.parse(plain.stdout).failures).toEqual([{ code: 'FILE_UNEXPECTED', path: 'notes/todo.txt', message: 'file is not in the signature' }]);
    const r = await runCli(['verify', arc, '--key', keys.pub, '--signature', dirSig, '--ignore-paths', 'notes']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it('hard links inside the archive hash like the file they link to', async () => {
    const dir = path.join(work, 'hard');
    await mkdir(dir);
    await writeFile(path.join(dir, 'a.bin'), bytes(5000, 3));
    await link(path.join(dir, 'a.bin'), path.join(dir, 'b.bin'));
    const arc = path.join(work, 'hard.tar');
    tar(['-C', dir, '-cf', arc, '.']);
    const a = await runCli(['digest', arc]);
    const b = await runCli(['digest', dir]);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('tampered and hostile archives fail', () => {
  it('one changed byte -> exit 1 naming the file', async () => {
    const dir = path.join(work, 'changed');
    await makeHfModel(dir);
    const f = path.join(dir, 'model-00002-of-00002.safetensors');
    const buf = await readFile(f);
    buf[1234] = buf[1234]! ^ 0x01;
    await writeFile(f, buf);
    const arc = path.join(work, 'changed.tgz');
    tar(['-C', dir, '-czf', arc, '.']);
    const r = await runCli(['verify', arc, '--key', keys.pub, '--signature', dirSig, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.failures).toEqual([{ code: 'FILE_CHANGED', path: 'model-00002-of-00002.safetensors', message: 'file content does not match the signature' }]);
  });

  it('a ".." entry -> exit 1 UNSAFE_NAME, even with --ignore-unsigned-files', async () => {
    const arc = path.join(work, 'traversal.tar');
    await writeFile(path.join(work, 'outside.txt'), 'x');
    // -P keeps the "../" GNU tar would otherwise strip.
    tar(['-cPf', arc, '.', '../outside.txt'], model);
    for (const extra of [[], ['--ignore-unsigned-files']]) {
      const r = await runCli(['verify', arc, '--key', keys.pub, '--signature', dirSig, ...extra]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('refused: archive entry "../outside.txt": unsafe name (".." segment) [UNSAFE_NAME]');
    }
    const d = await runCli(['digest', arc]);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('[UNSAFE_NAME]');
  });

  it('an absolute entry name -> exit 1', async () => {
    const arc = path.join(work, 'absolute.tar');
    tar(['-cPf', arc, path.join(model, 'config.json')]);
    const r = await runCli(['verify', arc, '--key', keys.pub, '--signature', dirSig]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unsafe name (absolute path) [UNSAFE_NAME]');
  });

  it('a symlink pointing outside -> exit 1 SYMLINK_OUTSIDE', async () => {
    const dir = path.join(work, 'linkout');
    await makeHfModel(dir);
    await symlink('../../../etc/passwd', path.join(dir, 'tokenizer', 'evil'));
    const arc = path.join(work, 'linkout.tgz');
    tar(['-C', dir, '-czf', arc, '.']);
    const r = await runCli(['verify', arc, '--key', keys.pub, '--signature', dirSig, '--ignore-unsigned-files']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('symlink to "../../../etc/passwd" points outside the model [SYMLINK_OUTSIDE]');
  });

  it('a FIFO entry -> exit 1 SPECIAL_FILE', async () => {
    const dir = path.join(work, 'fifo');
    await makeHfModel(dir);
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    const arc = path.join(work, 'fifo.tar');
    tar(['-C', dir, '-cf', arc, '.']);
    const r = await runCli(['verify', arc, '--key', keys.pub, '--signature', dirSig]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('FIFO entries are not allowed in a model archive [SPECIAL_FILE]');
  });

  it('a duplicate name (appended twice) -> exit 1 DUPLICATE_NAME', async () => {
    const arc = path.join(work, 'dup.tar');
    tar(['-C', model, '-cf', arc, '.']);
    tar(['-C', model, '-rf', arc, './config.json']);
    const r = await runCli(['verify', arc, '--key', keys.pub, '--signature', dirSig]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('refused: archive entry "./config.json": name appears twice in the archive [DUPLICATE_NAME]');
  });

  it('a truncated or non-tar archive -> exit 1 ARCHIVE_MALFORMED', async () => {
    const whole = await readFile(path.join(work, 'dot.tar.gz'));
    const cut = path.join(work, 'cut.tar.gz');
    await writeFile(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const junk = path.join(work, 'junk.tar');
    await writeFile(junk, bytes(4096, 9));
    for (const arc of [cut, junk]) {
      const r = await runCli(['verify', arc, '--key', keys.pub, '--signature', dirSig, '--json']);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout).failures.map((f: { code: string }) => f.code)).toContain('ARCHIVE_MALFORMED');
    }
  });

  it('a FIFO named like an archive is refused, never read (no hang)', async () => {
    const fifo = path.join(work, 'pipe.tar');
    execFileSync('mkfifo', [fifo]);
    const d = await runCli(['digest', fifo], { timeoutMs: 20_000 });
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('[SPECIAL_FILE]');
    const v = await runCli(['verify', fifo, '--key', keys.pub, '--signature', dirSig], { timeoutMs: 20_000 });
    expect(v.code).toBe(1);
    expect(v.stderr).toContain('[SPECIAL_FILE]');
  });

  it('an extra file in the archive -> exit 1 FILE_UNEXPECTED', async () => {
    const dir = path.join(work, 'extra');
    await makeHfModel(dir);
    await writeFile(path.join(dir, 'added.bin'), '');
    const arc = path.join(work, 'extra.tar');
    tar(['-C', dir, '-cf', arc, '.']);
    const r = await runCli(['verify', arc, '--key', keys.pub, '--signature', dirSig]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FILE_UNEXPECTED added.bin');
  });
});

describe('an archive signed as one opaque file', () => {
  it('verifies as that file when the signature lists only the archive itself', async () => {
    const arc = path.join(work, 'opaque.tgz');
    tar(['-C', model, '-czf', arc, '.']);
    // Signed the way a tool unaware of archives signs it (model_signing): one file resource.
    const { sign } = await import('../../src/index.js');
    const { openSource } = await import('../../src/source/index.js');
    const sig = path.join(work, 'opaque.sig');
    const s = await sign({ model: arc, key: keys.key, version: '1.0.0', signature: sig, source: await openSource(arc, { archiveAsFile: true }) });
    expect(s.statement.predicate.resources.map((r) => r.name)).toEqual(['opaque.tgz']);
    const ok = await runCli(['verify', arc, '--key', keys.pub, '--signature', sig]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    // ...and one changed byte of the archive file fails.
    const bad = path.join(work, 'bad', 'opaque.tgz');
    await mkdir(path.dirname(bad));
    const bytesOf = await readFile(arc);
    bytesOf[bytesOf.length - 10] = bytesOf[bytesOf.length - 10]! ^ 1;
    await writeFile(bad, bytesOf);
    const r = await runCli(['verify', bad, '--key', keys.pub, '--signature', sig, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).failures).toEqual([{ code: 'FILE_CHANGED', path: 'opaque.tgz', message: 'file content does not match the signature' }]);
  });
});

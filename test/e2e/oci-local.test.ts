/**
 * OCI models without a real registry: local image layouts (oci:DIR[:TAG]) read offline, the
 * scanners reading downloaded layers, hostile layouts, and a registry that asks for
 * credentials (test/helpers/fake-registry.ts): no credential reaches any output.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytes, cleanupTmp, keypair, runCli, tmpDir, type CliResult } from '../helpers/cli.js';
import { startFakeRegistry, type FakeRegistry } from '../helpers/fake-registry.js';
import { MT, sha256, writeArtifact } from '../helpers/oci.js';
import type { TarEntry } from '../helpers/tar.js';
import { osSystemProtocol2 } from '../helpers/scan-fixtures.js';
import { json as verifyJson } from '../helpers/verify-json.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (r: CliResult): any => verifyJson(r);

function ok(r: CliResult): CliResult {
  expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
  return r;
}

let dir: string;
let k: { key: string; pub: string };
beforeAll(async () => {
  dir = await tmpDir('modelsign-oci-local-');
  k = await keypair(dir);
});
afterAll(cleanupTmp);

describe('OCI image layouts', () => {
  it('a scan (policy formats) reads the downloaded layers it scans, raw and tar, and leaves no spool behind', async () => {
    const l = path.join(dir, 'scan-layout');
    await writeArtifact(l, 'v1', [
      { raw: 'model.bin', data: bytes(1000, 3) },
      { raw: 'extra/payload.pkl', data: osSystemProtocol2() },
      { tar: [{ name: 'code/run.pkl', data: osSystemProtocol2('id') }], gzip: true },
    ]);
    ok(await runCli(['sign', `oci:${l}:v1`, '--key', k.key, '--version', '1.0.0']));
    const policy = path.join(dir, 'scan-policy.yaml');
    await writeFile(policy, `apiVersion: modelsign/v1\ntrust:\n  keys: [${k.pub}]\nformats: { scan: true }\n`);
    const tmp = path.join(dir, 'tmp');
    await mkdir(tmp);
    const r = await runCli(['verify', `oci:${l}:v1`, '--policy', policy, '--json'], { env: { TMPDIR: tmp } });
    expect(r.code).toBe(1);
    const failures = json(r).failures as Array<{ code: string; path: string; message: string }>;
    for (const p of ['code/run.pkl', 'extra/payload.pkl']) {
      expect(failures.find((f) => f.path === p), p).toMatchObject({ code: 'SCAN_FINDING', message: expect.stringMatching(/imports os\.system .*\[PICKLE_DANGEROUS_GLOBAL\]/) });
    }
    expect(await readdir(tmp)).toEqual([]);
    // Without a scan nothing raw was read: the same model verifies on its signature and digests.
    ok(await runCli(['verify', `oci:${l}:v1`, '--key', k.pub]));
  });

  it('a link entry of a tar layer is judged under its own name: a pickle stored as text and linked as pytorch_model.bin is refused', async () => {
    const l = path.join(dir, 'link-layout');
    // Protocol 0 with no magic number: by its bytes it could be text, so its name decides how it is read.
    const quietPickle = "S'x'\n0cposix\nsystem\n(S'echo pwned'\ntR.";
    await writeArtifact(l, 'v1', [
      { raw: 'config.json', data: '{}' },
      { tar: [{ name: 'notes.txt', data: quietPickle }, { name: 'pytorch_model.bin', type: '1', linkname: 'notes.txt' }] },
    ]);
    ok(await runCli(['sign', `oci:${l}:v1`, '--key', k.key, '--version', '1.0.0']));
    const policy = path.join(dir, 'link-policy.yaml');
    await writeFile(policy, `apiVersion: modelsign/v1\ntrust:\n  keys: [${k.pub}]\nformats: { scan: true }\n`);
    const r = await runCli(['verify', `oci:${l}:v1`, '--policy', policy, '--json']);
    expect(r.code).toBe(1);
    expect(json(r).failures).toContainEqual(expect.objectContaining({ code: 'SCAN_FINDING', path: 'pytorch_model.bin', message: expect.stringMatching(/link to "notes\.txt".*not scanned \[SCAN_SKIPPED\]/) }));
    // The same layer with the link named as its target reads carries the target's report: nothing to refuse.
    const same = path.join(dir, 'link-same-layout');
    await writeArtifact(same, 'v1', [{ tar: [{ name: 'a.txt', data: 'plain words' }, { name: 'b.txt', type: '1', linkname: 'a.txt' }] }]);
    ok(await runCli(['sign', `oci:${same}:v1`, '--key', k.key, '--version', '1.0.0']));
    ok(await runCli(['verify', `oci:${same}:v1`, '--policy', policy]));
  });

  it('the audit log records the OCI reference and the attached signature that verified it, as they are', async () => {
    const l = path.join(dir, 'audited');
    await writeArtifact(l, 'v1', [{ raw: 'w.bin', data: 'audited weights' }]);
    const s = JSON.parse(ok(await runCli(['sign', `oci:${l}:v1`, '--key', k.key, '--version', '1.0.0', '--json'])).stdout);
    const log = path.join(dir, 'audit.jsonl');
    ok(await runCli(['verify', `oci:${l}:v1`, '--key', k.pub, '--audit-log', log]));
    const entry = JSON.parse((await readFile(log, 'utf8')).trim().split('\n')[0]!);
    expect(entry).toMatchObject({ model: `oci:${l}:v1`, signature: s.signature, result: 'verified' });
    expect(s.signature).toMatch(new RegExp(`^oci:${l}@sha256:[0-9a-f]{64}$`));
  });

  it('hostile layouts: a layer named out of the model, two layers with one name, an unsupported layer, a whiteout, a blob that is a link', async () => {
    const cases: Array<[string, Parameters<typeof writeArtifact>[2], RegExp]> = [
      ['escape', [{ raw: '../../etc/cron.d/x', data: 'x' }], /UNSAFE_NAME/],
      ['twice', [{ raw: 'w.bin', data: 'a' }, { raw: 'w.bin', data: 'b' }], /DUPLICATE_NAME/],
      ['zstd', [{ blob: Buffer.from('zz'), mediaType: 'application/vnd.cncf.model.weight.v1.tar+zstd' }], /OCI_LAYER_UNSUPPORTED/],
      ['shadow', [{ raw: 'tok', data: 'a' }, { tar: [{ name: 'tok/x.json', data: '{}' }] }], /DUPLICATE_NAME/],
      ['whiteout', [{ raw: 'w.bin', data: 'a' }, { tar: [{ name: '.wh.w.bin', data: '' }] }], /\.wh\.w\.bin: layer sha256:[0-9a-f]{64} holds a whiteout entry: an image runtime would delete "w\.bin" from the other layers \[OCI_WHITEOUT\]/],
      ['opaque', [{ raw: 'tok/a.json', data: '{}' }, { tar: [{ name: 'tok/.wh..wh..opq', data: '' }] }], /would delete the rest of its folder from the other layers \[OCI_WHITEOUT\]/],
    ];
    for (const [name, layers, code] of cases) {
      const l = path.join(dir, `hostile-${name}`);
      await writeArtifact(l, 'v1', layers);
      const s = await runCli(['sign', `oci:${l}:v1`, '--key', k.key, '--version', '1.0.0']);
      expect(s.code, name).toBe(2);
      expect(s.stderr, name).toMatch(code);
    }
    // A blob replaced by a symbolic link in the layout is never followed.
    const l = path.join(dir, 'hostile-link');
    const a = await writeArtifact(l, 'v1', [{ raw: 'w.bin', data: 'weights' }]);
    ok(await runCli(['sign', `oci:${l}:v1`, '--key', k.key, '--version', '1.0.0', '--hash', 'blake3']));
    const blob = path.join(l, 'blobs/sha256', a.layers[0]!.digest.slice(7));
    const { rm, symlink } = await import('node:fs/promises');
    await rm(blob);
    await symlink('/etc/passwd', blob);
    const r = await runCli(['verify', `oci:${l}:v1`, '--key', k.pub, '--json']);
    expect(r.code).toBe(1);
    expect(json(r).failures).toEqual([{ code: 'OCI_BLOB_UNREADABLE', path: 'w.bin', message: expect.stringMatching(/a symbolic link \(not followed\)/) }]);
  });

  it('a whiteout (a file, a folder or a link) added to a signed model is refused at verify, with or without --ignore-unsigned-files', async () => {
    const signed = path.join(dir, 'whiteout-signed');
    await writeArtifact(signed, 'v1', [{ raw: 'model.safetensors', data: 'safe weights' }]);
    const sig = path.join(dir, 'whiteout.sig');
    ok(await runCli(['sign', `oci:${signed}:v1`, '--key', k.key, '--version', '1.0.0', '--signature', sig]));
    // An extra layer deletes the signed file when a runtime unpacks it, and brings a pickle.
    // The runtime reads the name's prefix first: a folder or a link so named deletes too.
    const whiteouts: Array<[string, TarEntry]> = [
      ['file', { name: '.wh.model.safetensors', data: '' }],
      ['folder', { name: '.wh.model.safetensors/', type: '5' }],
      ['link', { name: '.wh.model.safetensors', type: '2', linkname: 'pytorch_model.bin' }],
    ];
    for (const [kind, entry] of whiteouts) {
      const l = path.join(dir, `whiteout-added-${kind}`);
      await writeArtifact(l, 'v1', [{ raw: 'model.safetensors', data: 'safe weights' }, { tar: [entry, { name: 'pytorch_model.bin', data: 'x' }] }]);
      for (const extra of [[], ['--ignore-unsigned-files']]) {
        const r = await runCli(['verify', `oci:${l}:v1`, '--key', k.pub, '--signature', sig, '--json', ...extra]);
        expect(r.code, `${kind} ${extra.join(' ')}`).toBe(1);
        expect(json(r).failures, `${kind} ${extra.join(' ')}`).toContainEqual(expect.objectContaining({ code: 'OCI_WHITEOUT', path: '.wh.model.safetensors' }));
      }
    }
  });

  it('a layout whose blobs/ or blobs/sha256/ is a link elsewhere is never read through it', async () => {
    const { cp, rename, symlink } = await import('node:fs/promises');
    for (const rel of ['blobs', 'blobs/sha256']) {
      const l = path.join(dir, `linked-${rel.replace('/', '-')}`);
      await writeArtifact(l, 'v1', [{ raw: 'w.bin', data: 'weights' }]);
      ok(await runCli(['sign', `oci:${l}:v1`, '--key', k.key, '--version', '1.0.0']));
      const elsewhere = `${l}-elsewhere`;
      await cp(path.join(l, rel), elsewhere, { recursive: true });
      await rename(path.join(l, rel), `${l}-moved`);
      await symlink(elsewhere, path.join(l, rel));
      const r = await runCli(['verify', `oci:${l}:v1`, '--key', k.pub]);
      expect(r.code, rel).toBe(1);
      expect(r.stderr, rel).toContain(`${rel}/ of oci:${l} is a symbolic link (not followed) [OCI_BLOB_UNREADABLE]`);
    }
  });

  it('an image index is refused with the manifests to choose from; a layout with several manifests needs a tag', async () => {
    const l = path.join(dir, 'many');
    const a = await writeArtifact(l, 'a', [{ raw: 'w.bin', data: 'a' }]);
    await writeArtifact(l, 'b', [{ raw: 'w.bin', data: 'b' }]);
    const r = await runCli(['digest', `oci:${l}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`modelsign: error: oci:${l} holds 2 manifests: name one as oci:DIR:TAG [OCI_BAD_REFERENCE]\n`);
    const index = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MT.ociIndex, manifests: [{ mediaType: MT.ociManifest, digest: a.digest, size: a.manifest.length }] }));
    await writeFile(path.join(l, 'blobs/sha256', sha256(index).slice(7)), index);
    const idx = await runCli(['digest', `oci:${l}@${sha256(index)}`]);
    expect(idx.code).toBe(2);
    expect(idx.stderr).toContain(`names an image index of 1 manifests, not one artifact: name one by digest (oci:${l}@${a.digest}) [OCI_INDEX]`);
    const missing = await runCli(['verify', `oci:${path.join(dir, 'nothing-here')}:v1`, '--key', k.pub]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('is not an OCI image layout (no oci-layout file) [MODEL_NOT_FOUND]');
  });
});

describe('registry credentials', () => {
  let fake: FakeRegistry;
  beforeAll(async () => {
    fake = await startFakeRegistry();
  });
  afterAll(() => fake.stop());

  it('sign and verify with Basic credentials from DOCKER_CONFIG; refused credentials never appear in any output', async () => {
    const w = Buffer.from('weights');
    const wd = fake.putBlob(w);
    const cfg = fake.putBlob(Buffer.from('{}'));
    fake.putManifest('acme/private', '1.0', Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MT.ociManifest, config: { mediaType: MT.modelConfig, digest: cfg, size: 2 }, layers: [{ mediaType: MT.weightRaw, digest: wd, size: w.length, annotations: { 'org.cncf.model.filepath': 'w.bin' } }] })));
    const password = 'Corr3ct-Horse-Battery';
    fake.auth = { kind: 'basic', user: 'mallory', password };
    const docker = path.join(dir, 'docker');
    await mkdir(docker, { recursive: true });
    const auth = Buffer.from(`mallory:${password}`).toString('base64');
    await writeFile(path.join(docker, 'config.json'), JSON.stringify({ auths: { [fake.host]: { auth } } }));
    const env = { DOCKER_CONFIG: docker };
    const model = `oci://${fake.host}/acme/private:1.0`;
    ok(await runCli(['sign', model, '--key', k.key, '--version', '1.0.0', '--insecure-registry', fake.host], { env }));
    ok(await runCli(['verify', model, '--key', k.pub, '--insecure-registry', fake.host], { env }));
    // From here on the registry echoes whatever it is sent, in headers and bodies.
    fake.intercept = (req, res) => {
      const sent = req.headers.authorization ?? '';
      res.writeHead(401, { 'www-authenticate': `Basic realm="${sent} ${password}"`, 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'DENIED', message: `${sent} ${password}` }] }));
      return true;
    };
    const outputs: CliResult[] = [];
    for (const extra of [[], ['--debug'], ['--json'], ['--log-format', 'json']]) outputs.push(await runCli(['verify', model, '--key', k.pub, '--insecure-registry', fake.host, ...extra], { env }));
    outputs.push(await runCli(['sign', model, '--key', k.key, '--version', '1.0.0', '--insecure-registry', fake.host, '--debug'], { env }));
    for (const r of outputs) {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/REGISTRY_DENIED/);
      for (const secret of [password, auth, encodeURIComponent(password)]) {
        expect(r.stdout + r.stderr).not.toContain(secret);
      }
    }
    fake.intercept = undefined;
    delete fake.auth;
  });

  it('MODELSIGN_INSECURE_REGISTRY and MODELSIGN_PULL_TO configure verify from the environment', async () => {
    const w = Buffer.from('env weights');
    const wd = fake.putBlob(w);
    const cfg = fake.putBlob(Buffer.from('{}'));
    fake.putManifest('acme/env', '1.0', Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MT.ociManifest, config: { mediaType: MT.modelConfig, digest: cfg, size: 2 }, layers: [{ mediaType: MT.weightRaw, digest: wd, size: w.length, annotations: { 'org.cncf.model.filepath': 'w.bin' } }] })));
    const model = `oci://${fake.host}/acme/env:1.0`;
    ok(await runCli(['sign', model, '--key', k.key, '--version', '1.0.0', '--insecure-registry', fake.host]));
    const target = path.join(dir, 'env-pulled');
    ok(await runCli(['verify'], { env: { MODELSIGN_MODEL: model, MODELSIGN_KEY: k.pub, MODELSIGN_INSECURE_REGISTRY: fake.host, MODELSIGN_PULL_TO: target } }));
    expect(await readFile(path.join(target, 'w.bin'), 'utf8')).toBe('env weights');
    ok(await runCli(['verify', target, '--key', k.pub]));
  });
});

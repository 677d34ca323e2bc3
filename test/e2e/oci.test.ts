/**
 * Models in OCI registries, end to end: the built CLI against a real registry (Debian's
 * docker-registry, distribution 2.8, started here on 127.0.0.1), artifacts built as OCI
 * image layouts (ModelPack raw layers, tar and tar+gzip layers) and pushed with skopeo.
 *
 * distribution 2.8 has no referrers API, so signatures go through the `sha256-<hex>` tag
 * fallback there. The referrers API itself is exercised through a front (test/helpers/oci.ts
 * startFront) that implements it over the same registry: no registry with the API is
 * packaged in Debian 12. The same front, without the API, counts the blob bytes sent.
 */
import { chmod, copyFile, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import { CLI, ROOT, bytes, cleanupTmp, keypair, runCli, tmpDir, type CliResult } from '../helpers/cli.js';
import { MT, registryMissing, skopeoCopy, startFront, startRegistry, writeArtifact, type BuiltArtifact, type Front, type LayerSpec, type TestRegistry } from '../helpers/oci.js';
import { json as verifyJson } from '../helpers/verify-json.js';

const missing = registryMissing();

const WEIGHTS = bytes(300_000, 7);
const LLM: LayerSpec[] = [
  { raw: 'model.safetensors', data: WEIGHTS },
  { raw: 'config.json', data: '{"architectures":["LlamaForCausalLM"]}', mediaType: MT.configRaw },
  { raw: 'tokenizer/tokenizer.json', data: '{"version":"1.0"}', mediaType: MT.configRaw },
  { raw: 'README.md', data: '# llm\n', mediaType: MT.docRaw, annotation: 'title' },
];
const MIXED: LayerSpec[] = [
  { raw: 'model.safetensors', data: bytes(200_000, 8) },
  { tar: [{ name: 'tokenizer/', type: '5' }, { name: 'tokenizer/vocab.json', data: '{"a":0}' }, { name: 'tokenizer/merges.txt', data: 'a b\n' }] },
  { tar: [{ name: 'scripts/serve.py', data: 'print("hi")\n' }], gzip: true },
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (r: CliResult): any => verifyJson(r);

function ok(r: CliResult): CliResult {
  expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
  return r;
}

describe.skipIf(missing !== undefined)(`OCI registry${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let dir: string;
  let reg: TestRegistry;
  let counter: Front;
  let withReferrers: Front;
  let k: { key: string; pub: string };
  let other: { key: string; pub: string };
  let layout: string;
  const built = new Map<string, BuiltArtifact>();

  /** Push an artifact made of LAYERS to REPO:TAG (built in the shared layout under a unique tag). */
  async function push(repo: string, tag: string, layers: LayerSpec[]): Promise<BuiltArtifact> {
    const lt = `${repo.replace(/\//g, '-')}-${tag}`;
    const a = await writeArtifact(layout, lt, layers, { name: repo });
    await skopeoCopy(layout, lt, `${reg.host}/${repo}:${tag}`);
    built.set(`${repo}:${tag}`, a);
    return a;
  }

  const at = (host: string) => ['--insecure-registry', host];
  const sign = (ref: string, host: string, extra: string[] = [], key = k.key) => runCli(['sign', ref, '--key', key, '--version', '1.0.0', ...at(host), ...extra]);
  const verify = (ref: string, host: string, extra: string[] = [], pub = k.pub) => runCli(['verify', ref, '--key', pub, ...at(host), '--json', ...extra]);

  beforeAll(async () => {
    dir = await tmpDir('modelsign-oci-');
    reg = await startRegistry(path.join(dir, 'registry'));
    counter = await startFront(reg.host, { referrers: false });
    withReferrers = await startFront(reg.host, { referrers: true });
    k = await keypair(dir);
    other = await keypair(dir, 'ed25519', 'other');
    layout = path.join(dir, 'layout');
    await push('acme/llm', '1.0', LLM);
    await push('acme/mixed', '1.0', MIXED);
  }, 120_000);

  afterAll(async () => {
    await counter?.stop();
    await withReferrers?.stop();
    await reg?.stop();
    await cleanupTmp();
  });

  it('signs and verifies a ModelPack artifact by tag and by digest without downloading a raw layer', async () => {
    const a = built.get('acme/llm:1.0')!;
    const s = ok(await sign(`oci://${counter.host}/acme/llm:1.0`, counter.host, ['--json']));
    const signed = JSON.parse(s.stdout);
    expect(signed.signature).toMatch(new RegExp(`^oci://${counter.host}/acme/llm@sha256:[0-9a-f]{64}$`));
    expect(signed.name).toBe('acme/llm');
    const byTag = json(ok(await verify(`oci://${counter.host}/acme/llm:1.0`, counter.host)));
    expect(byTag).toMatchObject({ verified: true, filesChecked: 4, signature: signed.signature, name: 'acme/llm' });
    const byDigest = json(ok(await verify(`oci://${counter.host}/acme/llm@${a.digest}`, counter.host)));
    expect(byDigest).toMatchObject({ verified: true, rootDigest: signed.rootDigest });
    // Not one byte of any layer was fetched: the layer digests are the file digests.
    for (const l of a.layers) expect(counter.blobBytes.get(l.digest) ?? 0, l.annotations?.['org.cncf.model.filepath']).toBe(0);
    const fetched = [...counter.blobBytes.values()].reduce((x, y) => x + y, 0);
    expect(fetched).toBeLessThan(10_000); // the bundle (twice: one per verify) and the empty config at most
    // The signed statement records the manifest it was made from.
    const tag = `sha256-${a.digest.slice(7)}`;
    const idx = (await (await fetch(`http://${reg.host}/v2/acme/llm/manifests/${tag}`, { headers: { accept: MT.ociIndex } })).json()) as { manifests: Array<{ digest: string }> };
    expect(idx.manifests).toHaveLength(1);
    expect(idx.manifests[0]).toMatchObject({ artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json', digest: signed.signature.split('@')[1] });
    const ref = (await (await fetch(`http://${reg.host}/v2/acme/llm/manifests/${idx.manifests[0]!.digest}`, { headers: { accept: MT.ociManifest } })).json()) as { layers: Array<{ mediaType: string; digest: string }> };
    expect(ref).toMatchObject({ artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json', subject: { digest: a.digest }, config: { mediaType: 'application/vnd.oci.empty.v1+json', size: 2 } });
    expect(ref.layers).toHaveLength(1);
    expect(ref.layers[0]!.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    const bundleFile = path.join(dir, 'llm-attached.sig');
    await writeFile(bundleFile, Buffer.from(await (await fetch(`http://${reg.host}/v2/acme/llm/blobs/${ref.layers[0]!.digest}`)).arrayBuffer()));
    const meta = JSON.parse(ok(await runCli(['inspect', bundleFile, '--json'])).stdout).metadata;
    expect(meta.source).toEqual({ reference: `oci://${counter.host}/acme/llm:1.0`, manifest: a.digest, artifactType: MT.modelArtifact });
  });

  it('uses the referrers API where the registry has one (no fallback tag is written)', async () => {
    const a = await push('acme/referred', '1.0', LLM.slice(0, 2));
    const s = JSON.parse(ok(await sign(`oci://${withReferrers.host}/acme/referred:1.0`, withReferrers.host, ['--json'])).stdout);
    expect(withReferrers.requests).not.toContain(`PUT /v2/acme/referred/manifests/sha256-${a.digest.slice(7)}`);
    expect((await fetch(`http://${reg.host}/v2/acme/referred/manifests/sha256-${a.digest.slice(7)}`)).status).toBe(404);
    const v = json(ok(await verify(`oci://${withReferrers.host}/acme/referred@${a.digest}`, withReferrers.host)));
    expect(v.signature).toBe(s.signature);
    expect(withReferrers.requests).toContain(`GET /v2/acme/referred/referrers/${a.digest}`);
    // Through the registry alone (no API, no tag), the signature cannot be found.
    const plain = json(await verify(`oci://${reg.host}/acme/referred@${a.digest}`, reg.host));
    expect(plain.failures).toEqual([{ code: 'SIG_MISSING', message: `no signature is attached to oci://${reg.host}/acme/referred@${a.digest} (name a signature file with --signature)` }]);
  });

  it('a model with no signature attached is refused (1, SIG_MISSING)', async () => {
    await push('acme/unsigned', '1.0', LLM.slice(0, 1));
    const r = await runCli(['verify', `oci://${reg.host}/acme/unsigned:1.0`, '--key', k.pub, ...at(reg.host)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refused: no signature is attached to oci:\/\/127\.0\.0\.1:\d+\/acme\/unsigned@sha256:[0-9a-f]{64} .*\[SIG_MISSING\]/);
  });

  it('a tag re-pointed to another manifest after signing is refused; the signed digest still verifies', async () => {
    const first = await push('acme/moved', '1.0', LLM.slice(0, 2));
    const sigFile = path.join(dir, 'moved.sig');
    ok(await sign(`oci://${reg.host}/acme/moved:1.0`, reg.host));
    ok(await sign(`oci://${reg.host}/acme/moved:1.0`, reg.host, ['--signature', sigFile]));
    await push('acme/moved', '1.0', [{ raw: 'model.safetensors', data: bytes(300_000, 99) }, LLM[1]!]);
    const attached = await verify(`oci://${reg.host}/acme/moved:1.0`, reg.host);
    expect(attached.code).toBe(1);
    expect(json(attached).failures[0].code).toBe('SIG_MISSING');
    const file = await verify(`oci://${reg.host}/acme/moved:1.0`, reg.host, ['--signature', sigFile]);
    expect(file.code).toBe(1);
    expect(json(file).failures).toEqual([{ code: 'FILE_CHANGED', path: 'model.safetensors', message: 'file content does not match the signature' }]);
    ok(await verify(`oci://${reg.host}/acme/moved@${first.digest}`, reg.host));
    ok(await verify(`oci://${reg.host}/acme/moved@${first.digest}`, reg.host, ['--signature', sigFile]));
  });

  it('a signature of another artifact attached is refused; the model\'s own, attached later, wins', async () => {
    const victim = await push('acme/victim', '1.0', LLM.slice(0, 2));
    await push('acme/victim', 'other', [{ raw: 'model.safetensors', data: 'another model' }]);
    const foreign = path.join(dir, 'foreign.sig');
    ok(await sign(`oci://${reg.host}/acme/victim:other`, reg.host, ['--signature', foreign]));
    const { openSource } = await import('../../src/source/index.js');
    const src = await openSource(`oci://${reg.host}/acme/victim@${victim.digest}`, { oci: { registry: { insecureRegistries: [reg.host] } } });
    const location = await src.attached!.attach(await readFile(foreign));
    const r = await verify(`oci://${reg.host}/acme/victim:1.0`, reg.host);
    expect(r.code).toBe(1);
    const j = json(r);
    expect(j.signature).toBe(location);
    expect(j.failures.map((f: { code: string }) => f.code).sort()).toEqual(['FILE_CHANGED', 'FILE_UNEXPECTED']);
    // The same signature, signed by a key that is not trusted: refused for its signer.
    const untrusted = await verify(`oci://${reg.host}/acme/victim:1.0`, reg.host, [], other.pub);
    expect(json(untrusted).failures[0].code).toBe('KEY_HINT_MISMATCH');
    await new Promise((res) => setTimeout(res, 5)); // a later creation time than the foreign one
    const own = JSON.parse(ok(await sign(`oci://${reg.host}/acme/victim:1.0`, reg.host, ['--json'])).stdout);
    expect(json(ok(await verify(`oci://${reg.host}/acme/victim:1.0`, reg.host))).signature).toBe(own.signature);
  });

  it('a layer blob replaced in the registry storage: --pull-to refuses it (1) and leaves nothing', async () => {
    // Its own bytes: the registry keeps one blob per digest for every repository.
    const own = bytes(300_000, 70);
    const a = await push('acme/tamper', '1.0', [{ raw: 'model.safetensors', data: own }, LLM[1]!]);
    ok(await sign(`oci://${reg.host}/acme/tamper:1.0`, reg.host));
    const weights = a.layers[0]!;
    const evil = Buffer.from(own);
    evil[1000] = evil[1000]! ^ 0xff;
    await writeFile(reg.blobFile(weights.digest), evil);
    // Without --pull-to no raw layer is read: the runtime that pulls it checks its digest.
    ok(await verify(`oci://${reg.host}/acme/tamper:1.0`, reg.host));
    const target = path.join(dir, 'tamper-pulled');
    const r = await verify(`oci://${reg.host}/acme/tamper:1.0`, reg.host, ['--pull-to', target]);
    expect(r.code).toBe(1);
    expect(json(r).failures).toEqual([{ code: 'OCI_DIGEST_MISMATCH', path: 'model.safetensors', message: expect.stringMatching(new RegExp(`^blob ${weights.digest} from 127\\.0\\.0\\.1:\\d+ does not match its digest \\(its bytes hash to sha256:[0-9a-f]{64}\\)$`)) }]);
    await expect(stat(target)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a tar layer is streamed once through the archive reader; a replaced tar blob is refused without --pull-to', async () => {
    const a = built.get('acme/mixed:1.0')!;
    ok(await sign(`oci://${counter.host}/acme/mixed:1.0`, counter.host));
    counter.blobBytes.clear();
    const v = json(ok(await verify(`oci://${counter.host}/acme/mixed:1.0`, counter.host)));
    expect(v.filesChecked).toBe(4);
    expect(counter.blobBytes.get(a.layers[0]!.digest) ?? 0).toBe(0);
    expect(counter.blobBytes.get(a.layers[1]!.digest)).toBe(a.layers[1]!.size);
    expect(counter.blobBytes.get(a.layers[2]!.digest)).toBe(a.layers[2]!.size);
    // The digest of the artifact is that of the same files in a directory.
    const d = ok(await runCli(['digest', `oci://${reg.host}/acme/mixed:1.0`, ...at(reg.host), '--json'])).stdout;
    expect(JSON.parse(d).resources.map((r: { name: string }) => r.name)).toEqual(['model.safetensors', 'scripts/serve.py', 'tokenizer/merges.txt', 'tokenizer/vocab.json']);
    const tarred = await push('acme/mixed', 'tamper', [MIXED[0]!, { tar: [{ name: 'tokenizer/vocab.json', data: '{"b":1}' }, { name: 'tokenizer/merges.txt', data: 'b c\n' }] }]);
    ok(await sign(`oci://${reg.host}/acme/mixed:tamper`, reg.host));
    const blob = await readFile(reg.blobFile(tarred.layers[1]!.digest));
    blob[600] = blob[600]! ^ 0x01;
    await writeFile(reg.blobFile(tarred.layers[1]!.digest), blob);
    const r = await verify(`oci://${reg.host}/acme/mixed:tamper`, reg.host);
    expect(r.code).toBe(1);
    expect(json(r).failures[0]).toMatchObject({ code: 'OCI_DIGEST_MISMATCH', message: expect.stringMatching(new RegExp(`^layer ${tarred.layers[1]!.digest}: blob .* does not match its digest`)) });
  });

  it('--pull-to leaves a directory that verify accepts with the same bundle (a file, or the attached one as DIR/model.sig)', async () => {
    const bundle = path.join(dir, 'mixed.sig');
    ok(await sign(`oci://${reg.host}/acme/mixed:1.0`, reg.host, ['--signature', bundle]));
    const target = path.join(dir, 'pulled-file');
    const r = ok(await verify(`oci://${reg.host}/acme/mixed:1.0`, reg.host, ['--signature', bundle, '--pull-to', target]));
    expect(r.stderr).toContain(`pulled the verified model into ${target}`);
    expect(await readFile(path.join(target, 'model.safetensors'))).toEqual(bytes(200_000, 8));
    expect(await readFile(path.join(target, 'tokenizer/vocab.json'), 'utf8')).toBe('{"a":0}');
    expect((await readdir(target)).sort()).toEqual(['model.safetensors', 'scripts', 'tokenizer']);
    ok(await runCli(['verify', target, '--signature', bundle, '--key', k.pub]));
    const attached = path.join(dir, 'pulled-attached');
    ok(await verify(`oci://${reg.host}/acme/llm:1.0`, reg.host, ['--pull-to', attached]));
    ok(await runCli(['verify', attached, '--key', k.pub]));
    // Not empty: refused before anything is read (2).
    const busy = await verify(`oci://${reg.host}/acme/llm:1.0`, reg.host, ['--pull-to', attached]);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain(`--pull-to ${attached} is not empty`);
    const local = await runCli(['verify', attached, '--key', k.pub, '--pull-to', path.join(dir, 'x')]);
    expect(local.code).toBe(2);
    expect(local.stderr).toContain('--pull-to applies to oci:// and oci: models only [BAD_OPTION]');
  });

  it('other hashes and shards download the layers and hash them', async () => {
    const a = await push('acme/sharded', '1.0', LLM.slice(0, 2));
    ok(await sign(`oci://${counter.host}/acme/sharded:1.0`, counter.host, ['--hash', 'blake3', '--shard-size', '65536']));
    expect(counter.blobBytes.get(a.layers[0]!.digest)).toBe(a.layers[0]!.size);
    const v = json(ok(await verify(`oci://${counter.host}/acme/sharded:1.0`, counter.host)));
    expect(v.bytesHashed).toBe(a.layers[0]!.size + a.layers[1]!.size);
    expect(counter.blobBytes.get(a.layers[0]!.digest)).toBe(2 * a.layers[0]!.size);
  });

  it('a registry that is down: exit 2 REGISTRY_UNREACHABLE (nothing was judged)', async () => {
    const down = await startRegistry(path.join(dir, 'down'));
    const host = down.host;
    await down.stop();
    for (const cmd of [['verify', `oci://${host}/acme/llm:1.0`, '--key', k.pub], ['sign', `oci://${host}/acme/llm:1.0`, '--key', k.key, '--version', '1.0.0']]) {
      const r = await runCli([...cmd, ...at(host)]);
      expect(r.code, cmd[0]).toBe(2);
      expect(r.stderr).toBe(`modelsign: error: cannot reach registry ${host}: ECONNREFUSED [REGISTRY_UNREACHABLE]\n`);
    }
    const tls = await runCli(['verify', `oci://${reg.host}/acme/llm:1.0`, '--key', k.pub]);
    expect(tls.code).toBe(2);
    expect(tls.stderr).toContain(`(a plain-HTTP registry needs --insecure-registry ${reg.host}) [REGISTRY_UNREACHABLE]`);
    const gone = await runCli(['verify', `oci://${reg.host}/acme/llm:9.9`, '--key', k.pub, ...at(reg.host)]);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toBe(`modelsign: error: model not found: oci://${reg.host}/acme/llm has no manifest 9.9 [MODEL_NOT_FOUND]\n`);
  });

  it('a local image layout (oci:DIR:TAG) signs and verifies offline, the signature kept in the layout', async () => {
    const l = path.join(dir, 'offline');
    await writeArtifact(l, 'v1', MIXED);
    ok(await runCli(['sign', `oci:${l}:v1`, '--key', k.key, '--version', '2.0.0']));
    const index = JSON.parse(await readFile(path.join(l, 'index.json'), 'utf8'));
    expect(index.manifests.map((d: { artifactType?: string }) => d.artifactType ?? null)).toEqual([null, 'application/vnd.dev.sigstore.bundle.v0.3+json']);
    const v = JSON.parse(ok(await runCli(['verify', `oci:${l}:v1`, '--key', k.pub, '--json'])).stdout);
    expect(v).toMatchObject({ verified: true, name: 'offline', version: '2.0.0', filesChecked: 4 });
    // skopeo copies the signed layout to a registry: the signature does not travel with it (no referrers copy in skopeo 1.9).
    await rm(path.join(l, 'blobs/sha256', index.manifests[1].digest.slice(7)));
    const r = await runCli(['verify', `oci:${l}:v1`, '--key', k.pub, '--json']);
    expect(r.code).toBe(1);
    expect(json(r).failures[0].code).toBe('SIG_UNREADABLE');
  });

  it('docs/oci.md: the example runs as written (against this registry, modelsign and skopeo on PATH)', async () => {
    const doc = await readFile(path.join(ROOT, 'docs/oci.md'), 'utf8');
    const script = /## Example\n[\s\S]*?```sh\n([\s\S]*?)```/.exec(doc)![1]!;
    // A registry of its own: the example's acme/llm:1.0 is the only model there.
    const own = await startRegistry(path.join(dir, 'doc-registry'));
    try {
      const lt = 'doc-llm';
      await writeArtifact(layout, lt, LLM, { name: 'acme/llm' });
      await skopeoCopy(layout, lt, `${own.host}/acme/llm:1.0`);
      const work = await tmpDir('modelsign-oci-doc-');
      const bin = path.join(work, 'bin');
      await mkdir(bin);
      await writeFile(path.join(bin, 'modelsign'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
      await chmod(path.join(bin, 'modelsign'), 0o755);
      await writeFile(path.join(work, 'example.sh'), script);
      const r = spawnSync('bash', ['-euo', 'pipefail', 'example.sh'], { cwd: work, env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, REGISTRY: own.host }, encoding: 'utf8', timeout: 120_000 });
      expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
      expect(r.stdout.match(/^OK: /gm)).toHaveLength(4);
      expect(await readFile(path.join(work, 'llm', 'model.safetensors'))).toEqual(WEIGHTS);
      expect((await readdir(path.join(work, 'llm'))).sort()).toEqual(['README.md', 'config.json', 'model.safetensors', 'model.sig', 'tokenizer']);
    } finally {
      await own.stop();
    }
  });

  it('deploy/k8s: each init container verifies its oci:// model by the digest the server uses (environment run here)', async () => {
    const a = await push('acme/k8s', '1.0', LLM);
    ok(await sign(`oci://${reg.host}/acme/k8s:1.0`, reg.host, ['--license', 'apache-2.0']));
    const example = 'registry.example.com/acme/llm';
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const pods: Array<[string, string, (d: any) => any]> = [
      ['oci-model.yaml', 'llm-image-volume', (d) => d.spec.template.spec],
      ['oci-model.yaml', 'llm-pulled', (d) => d.spec.template.spec],
      ['kserve-oci.yaml', 'llm', (d) => d.spec.predictor],
    ];
    for (const [file, name, podOf] of pods) {
      const all = parseAllDocuments(await readFile(path.join(ROOT, 'deploy/k8s', file), 'utf8')).map((d) => d.toJS());
      const pod = podOf(all.find((d) => d.kind !== 'ConfigMap' && d.metadata.name === name));
      const cm = all.find((d) => d.kind === 'ConfigMap');
      const init = pod.initContainers[0];
      const env: Record<string, string> = Object.fromEntries(init.env.map((e: { name: string; value: string }) => [e.name, e.value]));
      // Pinned by digest, and the server is given that very digest (or the files pulled from it).
      const m = /^oci:\/\/(registry\.example\.com\/acme\/llm)@(sha256:[0-9a-f]{64})$/.exec(env.MODELSIGN_MODEL!);
      expect(m, `${file} ${name}`).not.toBeNull();
      const server = pod.containers[0];
      if (env.MODELSIGN_PULL_TO) {
        const mount = init.volumeMounts.find((v: { mountPath: string }) => env.MODELSIGN_PULL_TO!.startsWith(v.mountPath));
        expect(pod.volumes.find((v: { name: string }) => v.name === mount.name).emptyDir).toEqual({});
        const served = server.volumeMounts.find((v: { name: string }) => v.name === mount.name);
        expect(served.readOnly).toBe(true);
        expect(server.args.join(' ')).toContain(env.MODELSIGN_PULL_TO!.replace(mount.mountPath, served.mountPath));
      } else {
        const vol = pod.volumes.find((v: { image?: unknown }) => v.image);
        expect(vol.image.reference).toBe(env.MODELSIGN_MODEL!.slice('oci://'.length));
        expect(server.volumeMounts.find((v: { name: string }) => v.name === vol.name).readOnly).toBe(true);
      }
      expect(init.securityContext.readOnlyRootFilesystem).toBe(true);
      const dockerMount = init.volumeMounts.find((v: { mountPath: string }) => v.mountPath === env.DOCKER_CONFIG);
      expect(pod.volumes.find((v: { name: string }) => v.name === dockerMount.name).secret.items).toEqual([{ key: '.dockerconfigjson', path: 'config.json' }]);
      // Run the init container's own environment: paths moved under a temp dir, the example
      // registry replaced by this one (plain HTTP here, hence MODELSIGN_INSECURE_REGISTRY).
      const work = await tmpDir('modelsign-k8s-oci-');
      await mkdir(path.join(work, 'etc/modelsign'), { recursive: true });
      await mkdir(path.join(work, 'etc/docker-config'), { recursive: true });
      await copyFile(k.pub, path.join(work, 'etc/modelsign/release.pub'));
      await writeFile(path.join(work, 'etc/modelsign/policy.yaml'), cm.data['policy.yaml']);
      await writeFile(path.join(work, 'etc/docker-config/config.json'), '{"auths":{}}');
      const run: Record<string, string> = {};
      for (const [key, v] of Object.entries(env)) run[key] = v.replace(example, `${reg.host}/acme/k8s`).replace(m![2]!, a.digest).replace(/^\/(etc|models|mnt)\//, `${work}/$1/`);
      run.MODELSIGN_INSECURE_REGISTRY = reg.host;
      run.MODELSIGN_TERMINATION_LOG = path.join(work, 'termination-log');
      const r = await runCli(init.args, { env: run });
      expect(r.code, `${file} ${name}: ${r.stderr}`).toBe(0);
      expect(r.stderr.trim().split('\n').map((l) => JSON.parse(l).event)).toEqual(expect.arrayContaining(['verify.start', 'verify.result']));
      if (run.MODELSIGN_PULL_TO) ok(await runCli(['verify', run.MODELSIGN_PULL_TO, '--key', k.pub]));
    }
  });
});

/**
 * The container recipe and Kubernetes examples. Docker cannot run here, so this checks what
 * can be checked without it: every file the Dockerfile copies exists, the entrypoint is the
 * built CLI, the user is not root; every manifest (deploy/k8s, and the YAML in
 * docs/kubernetes.md) parses, gives its pod an fsGroup and its model server a writable HOME
 * (a GPU for vLLM), and takes trust from the policy alone; the init container's own
 * environment (paths moved to a temp dir) verifies a real model; and the doc's `docker run`
 * verify command, termination message and JSON log lines are what modelsign really does.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ROOT, cleanupTmp, keypair, makeHfModel, runCli, tmpDir } from '../helpers/cli.js';

afterAll(cleanupTmp);

interface Container {
  name: string;
  image: string;
  args?: string[];
  env?: { name: string; value: string }[];
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
}

interface PodSpec {
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; fsGroup?: number };
  initContainers: Container[];
  containers: Container[];
  volumes: Array<{ name: string; configMap?: { name: string }; emptyDir?: object; persistentVolumeClaim?: { claimName: string; readOnly?: boolean } }>;
}

/** A manifest document, as far as these tests read it. */
interface Doc {
  kind: string;
  data?: Record<string, string>;
  spec: { template: { spec: PodSpec }; predictor: PodSpec };
}

function parseDocs(text: string, where: string): Doc[] {
  return parseAllDocuments(text).map((d) => {
    expect(d.errors, where).toEqual([]);
    return d.toJS() as Doc;
  });
}

async function docs(file: string): Promise<Doc[]> {
  return parseDocs(await readFile(path.join(ROOT, 'deploy/k8s', file), 'utf8'), file);
}

/** The pod spec of a workload (Deployment, KServe InferenceService), undefined for other kinds. */
function podOf(d: Doc): PodSpec | undefined {
  if (d.kind === 'Deployment') return d.spec.template.spec;
  if (d.kind === 'InferenceService') return d.spec.predictor;
  return undefined;
}

const envOf = (c: Container): Record<string, string> => Object.fromEntries((c.env ?? []).map((e) => [e.name, e.value]));

/**
 * What every pod the docs show must do: a group for its volumes (fsGroup), a model server with
 * a writable HOME (an emptyDir mounted where HOME points), a GPU for vLLM; `where` names it.
 */
function checkPod(pod: PodSpec, where: string): void {
  expect(pod.securityContext?.runAsNonRoot, where).toBe(true);
  expect(typeof pod.securityContext?.fsGroup, `${where}: securityContext.fsGroup`).toBe('number');
  expect(pod.containers.length, where).toBeGreaterThan(0);
  for (const c of pod.containers) {
    const home = envOf(c).HOME;
    expect(home, `${where}: ${c.name} sets HOME`).toMatch(/^\//);
    const mount = (c.volumeMounts ?? []).find((m) => m.mountPath === home);
    expect(mount, `${where}: ${c.name} mounts a volume at HOME`).toBeDefined();
    expect(mount!.readOnly ?? false, `${where}: ${c.name}'s HOME is writable`).toBe(false);
    expect(pod.volumes.find((v) => v.name === mount!.name)?.emptyDir, `${where}: ${c.name}'s HOME is an emptyDir`).toBeDefined();
    if (c.image.includes('vllm')) expect(c.resources?.limits?.['nvidia.com/gpu'], `${where}: ${c.name} (vLLM) requests a GPU`).toBe(1);
  }
}

/** Trust comes from the policy alone: the init container names a policy and no authority of its own. */
function checkTrust(pod: PodSpec, where: string): void {
  const init = pod.initContainers.find((c) => c.args?.[0] === 'verify');
  expect(init, `${where}: an init container runs verify`).toBeDefined();
  const env = envOf(init!);
  expect(env.MODELSIGN_POLICY, where).toBeDefined();
  for (const v of ['MODELSIGN_KEY', 'MODELSIGN_CERTIFICATE_CHAIN', 'MODELSIGN_IDENTITY', 'MODELSIGN_IDENTITY_REGEXP', 'MODELSIGN_REPLACE_POLICY_TRUST']) expect(env[v], `${where}: ${v}`).toBeUndefined();
}

/** The ```yaml blocks of a doc. */
async function yamlBlocks(doc: string): Promise<string[]> {
  const text = await readFile(path.join(ROOT, 'docs', doc), 'utf8');
  return [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** Flags other issues add to verify (policy, lineage, Sigstore); the manifests may use them. */
const FLAGS_FROM_OTHER_ISSUES = ['--policy', '--purpose', '--lineage', '--identity', '--identity-regexp', '--identity-provider', '--certificate-chain'];

describe('Dockerfile', () => {
  it('copies only files that exist, runs as non-root, enters at the built CLI', async () => {
    const df = await readFile(path.join(ROOT, 'Dockerfile'), 'utf8');
    const lines = df.split('\n').filter((l) => !l.trim().startsWith('#'));
    expect(lines.filter((l) => /^FROM /.test(l)).length).toBeGreaterThanOrEqual(2);
    for (const l of lines.filter((x) => /^COPY /.test(x) && !x.includes('--from='))) {
      const parts = l.trim().split(/\s+/).slice(1, -1);
      for (const src of parts) expect(existsSync(path.join(ROOT, src)), `COPY source ${src}`).toBe(true);
    }
    const user = /^USER\s+(\S+)/m.exec(df)?.[1];
    expect(user).toBeDefined();
    expect(user!.split(':')[0]).not.toMatch(/^(0|root)$/);
    expect(df).toMatch(/^ENTRYPOINT \["modelsign"\]$/m);
    // The symlink target is what `npm run build` produces, and it is a node script.
    const target = /ln -s \/opt\/modelsign\/(\S+) \/usr\/local\/bin\/modelsign/.exec(df)?.[1];
    expect(target).toBe('dist/cli/main.js');
    expect((await readFile(path.join(ROOT, target!), 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
    const ignore = await readFile(path.join(ROOT, '.dockerignore'), 'utf8');
    expect(ignore.split('\n')).toEqual(expect.arrayContaining(['node_modules', 'dist', '.git']));
  });
});

describe('every Kubernetes manifest (deploy/k8s and the YAML in docs/kubernetes.md)', () => {
  it('each workload: fsGroup, a model server with a writable HOME, a GPU for vLLM, trust from the policy only', async () => {
    const files = (await readdir(path.join(ROOT, 'deploy/k8s'))).filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(4);
    let pods = 0;
    for (const f of files) {
      for (const d of await docs(f)) {
        const pod = podOf(d);
        if (!pod) continue;
        checkPod(pod, f);
        checkTrust(pod, f);
        pods++;
      }
    }
    expect(pods).toBeGreaterThanOrEqual(5);
  });

  it("docs/kubernetes.md's YAML parses, and each pod spec in it is the example Deployment's, with the same properties", async () => {
    const blocks = await yamlBlocks('kubernetes.md');
    expect(blocks.length).toBeGreaterThan(0);
    const deployment = podOf((await docs('deployment.yaml')).find((d) => d.kind === 'Deployment')!)!;
    for (const [i, text] of blocks.entries()) {
      for (const d of parseDocs(text, `kubernetes.md block ${i + 1}`)) {
        const pod = podOf(d) ?? (d as unknown as PodSpec);
        const where = `kubernetes.md block ${i + 1}`;
        expect(pod.containers, where).toBeDefined();
        checkPod(pod, where);
        // The doc shows the manifest, not a variant of it.
        expect(deployment.securityContext, where).toMatchObject(pod.securityContext!);
        for (const c of pod.containers) expect(deployment.containers.find((x) => x.name === c.name), `${where}: ${c.name}`).toMatchObject(c);
        for (const v of pod.volumes) expect(deployment.volumes.find((x) => x.name === v.name), `${where}: volume ${v.name}`).toEqual(v);
      }
    }
  });
});

describe('Kubernetes manifests', () => {
  const cases: Array<[string, (d: Doc) => PodSpec]> = [
    ['deployment.yaml', (d) => d.spec.template.spec],
    ['kserve-inferenceservice.yaml', (d) => d.spec.predictor],
  ];
  for (const [file, podOf] of cases) {
    it(`${file}: init container verifies a read-only model with trust from a ConfigMap`, async () => {
      const all = await docs(file);
      const cm = all.find((d) => d.kind === 'ConfigMap')!;
      const workload = all.find((d) => d.kind !== 'ConfigMap')!;
      const pod = podOf(workload);
      const init = pod.initContainers[0]!;
      expect(init.args).toEqual(['verify']);
      expect(init.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
      const env = Object.fromEntries((init.env ?? []).map((e) => [e.name, e.value]));
      const modelMount = init.volumeMounts!.find((m) => env.MODELSIGN_MODEL!.startsWith(m.mountPath + '/'))!;
      expect(modelMount.readOnly).toBe(true);
      const modelVolume = pod.volumes.find((v) => v.name === modelMount.name);
      expect(modelVolume?.persistentVolumeClaim?.readOnly).toBe(true);
      // The policy is a key of the ConfigMap mounted where the variable points, and so is every
      // key its trust section names (trust comes from the policy alone: no MODELSIGN_KEY beside it).
      const trustMount = init.volumeMounts!.find((m) => pod.volumes.find((v) => v.name === m.name)?.configMap)!;
      expect(path.posix.dirname(env.MODELSIGN_POLICY!)).toBe(trustMount.mountPath);
      expect(Object.keys(cm.data!)).toContain(path.posix.basename(env.MODELSIGN_POLICY!));
      expect(env.MODELSIGN_KEY).toBeUndefined();
      const policyKeys = [...cm.data!['policy.yaml']!.matchAll(/keys: \[([^\]]*)\]/g)].flatMap((m) => m[1]!.split(',').map((k) => k.trim()));
      expect(policyKeys.length).toBeGreaterThan(0);
      for (const k of policyKeys) expect(Object.keys(cm.data!)).toContain(k);
      // Every variable is one of verify's flags (today's or one the other issues add).
      const help = (await runCli(['verify', '--help'])).stdout;
      const flags = new Set([...help.matchAll(/--[a-z][a-z-]+/g)].map((m) => m[0]).concat(FLAGS_FROM_OTHER_ISSUES));
      for (const name of Object.keys(env)) {
        if (name === 'MODELSIGN_MODEL') continue;
        expect(flags.has(`--${name.slice('MODELSIGN_'.length).toLowerCase().replace(/_/g, '-')}`), name).toBe(true);
      }
    });
  }

  it('the init container environment of deployment.yaml verifies a real model (paths moved to a temp dir)', async () => {
    const work = await tmpDir('modelsign-k8s-');
    const all = await docs('deployment.yaml');
    const init = all.find((d) => d.kind === 'Deployment')!.spec.template.spec.initContainers[0]!;
    const keys = await keypair(work);
    const model = await makeHfModel(path.join(work, 'models', 'llm'));
    expect((await runCli(['sign', model, '--key', keys.key, '--version', '1.0.0', '--license', 'apache-2.0'])).code).toBe(0);
    await mkdir(path.join(work, 'etc', 'modelsign'), { recursive: true });
    await copyFile(keys.pub, path.join(work, 'etc', 'modelsign', 'release.pub'));
    const cm = all.find((d) => d.kind === 'ConfigMap')!;
    await writeFile(path.join(work, 'etc', 'modelsign', 'policy.yaml'), cm.data!['policy.yaml']!);
    const env: Record<string, string> = {};
    for (const e of init.env ?? []) env[e.name] = e.value.replace(/^\/(models|etc)\//, `${work}/$1/`);
    env.MODELSIGN_TERMINATION_LOG = path.join(work, 'termination-log');

    const r = await runCli(init.args!, { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.trim().split('\n').map((l) => JSON.parse(l).event)).toEqual(['verify.start', 'verify.result', 'report']);
  });
});

describe('docs/kubernetes.md examples, run', () => {
  /** The fenced block of kubernetes.md whose first line starts with `start`. */
  async function block(start: string): Promise<string> {
    const text = await readFile(path.join(ROOT, 'docs', 'kubernetes.md'), 'utf8');
    const b = [...text.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]!).find((x) => x.startsWith(start));
    expect(b, `kubernetes.md has a block starting "${start}"`).toBeDefined();
    return b!;
  }

  it('the docker run line: its verify command, with the volumes it mounts, exits 0', async () => {
    const work = await tmpDir('modelsign-k8s-docker-');
    const lines = (await block('docker build')).replace(/\\\n\s*/g, ' ').split('\n');
    const run = lines.find((l) => l.startsWith('docker run '))!;
    const words = run.split(/\s+/);
    // -v "$PWD/HOST:CONTAINER:ro" -> CONTAINER is HOST under the work directory.
    const mounts = new Map<string, string>();
    for (let i = 0; i < words.length; i++) {
      if (words[i] !== '-v') continue;
      const [host, inside] = words[i + 1]!.replace(/"/g, '').split(':');
      mounts.set(inside!, path.join(work, host!.replace('$PWD/', '')));
    }
    expect([...mounts.keys()].sort()).toEqual(['/keys', '/model']);
    const keys = await keypair(work);
    await makeHfModel(mounts.get('/model')!);
    expect((await runCli(['sign', mounts.get('/model')!, '--key', keys.key, '--version', '1.0.0'])).code).toBe(0);
    await mkdir(mounts.get('/keys')!);
    await copyFile(keys.pub, path.join(mounts.get('/keys')!, 'release.pub'));
    const image = words.findIndex((w) => w.startsWith('ghcr.io/'));
    const args = words.slice(image + 1).map((w) => {
      for (const [inside, host] of mounts) if (w === inside || w.startsWith(`${inside}/`)) return host + w.slice(inside.length);
      return w;
    });
    expect(args[0]).toBe('verify');
    const r = await runCli(args);
    expect(r.code, r.stderr).toBe(0);
  });

  it('the termination message shown is what verify writes for that model', async () => {
    const work = await tmpDir('modelsign-k8s-term-');
    const shown = await block('modelsign: acme/llm@1.2.0');
    const keys = await keypair(work);
    const model = path.join(work, 'models', 'llm');
    await mkdir(model, { recursive: true });
    for (let i = 1; i <= 4; i++) await writeFile(path.join(model, `model-0000${i}-of-00004.safetensors`), `weights ${i}`);
    await writeFile(path.join(model, 'config.json'), '{}');
    expect((await runCli(['sign', model, '--key', keys.key, '--version', '1.2.0', '--name', 'acme/llm'])).code).toBe(0);
    await writeFile(path.join(model, 'model-00002-of-00004.safetensors'), 'changed');
    await writeFile(path.join(model, 'extra.py'), 'import os');
    const term = path.join(work, 'termination-log');
    const r = await runCli(['verify', model, '--key', keys.pub, '--termination-log', term]);
    expect(r.code).toBe(1);
    expect((await readFile(term, 'utf8')).split(model).join('/models/llm')).toBe(shown);
  });

  it('the JSON log lines shown are the events verify logs, field for field where the doc gives a value', async () => {
    const work = await tmpDir('modelsign-k8s-json-');
    const shown = (await block('{"time"')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const keys = await keypair(work);
    const model = await makeHfModel(path.join(work, 'models', 'llm'));
    expect((await runCli(['sign', model, '--key', keys.key, '--version', '1.2.0', '--name', 'acme/llm'])).code).toBe(0);
    await writeFile(path.join(model, 'config.json'), '{"hidden_size": 65}');
    const r = await runCli(['verify', model, '--key', keys.pub, '--log-format', 'json']);
    expect(r.code).toBe(1);
    // The model sits at /models/llm in the pod.
    const logged = r.stderr.trim().split('\n').map((l) => JSON.parse(l.split(model).join('/models/llm')) as Record<string, unknown>);
    expect(logged.map((l) => l.event)).toEqual(shown.map((l) => l.event));
    for (const [i, want] of shown.entries()) {
      const got = logged[i]!;
      expect(Object.keys(got).sort(), `line ${i + 1}`).toEqual(Object.keys(want).sort());
      // "..." and the sizes of the doc's own model stand for values that differ from run to run.
      for (const [k, v] of Object.entries(want)) {
        if (typeof v === 'string' && v.includes('...')) continue;
        if (k === 'bytesHashed') continue;
        expect(got[k], `line ${i + 1} ${k}`).toEqual(v);
      }
    }
  });
});

/**
 * The container recipe and Kubernetes examples. Docker cannot run here, so this checks what
 * can be checked without it: every file the Dockerfile copies exists, the entrypoint is the
 * built CLI, the user is not root; the manifests mount the model read-only, and the init
 * container's own environment (paths moved to a temp dir) verifies a real model.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile, copyFile } from 'node:fs/promises';
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
}

interface PodSpec {
  initContainers: Container[];
  containers: Container[];
  volumes: Array<{ name: string; configMap?: { name: string }; persistentVolumeClaim?: { claimName: string; readOnly?: boolean } }>;
}

/** A manifest document, as far as these tests read it. */
interface Doc {
  kind: string;
  data?: Record<string, string>;
  spec: { template: { spec: PodSpec }; predictor: PodSpec };
}

async function docs(file: string): Promise<Doc[]> {
  const text = await readFile(path.join(ROOT, 'deploy/k8s', file), 'utf8');
  return parseAllDocuments(text).map((d) => {
    expect(d.errors).toEqual([]);
    return d.toJS() as Doc;
  });
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

/**
 * The Action examples as written: every modelsign step of docs/action.md's YAML blocks and of
 * the workflows in docs/examples/workflows/ runs through the committed bundle, in a workspace
 * holding the files the examples name, with `${{ ... }}` expressions replaced by the values a
 * runner would give (secrets, the release tag). Each must succeed. Steps that are not
 * modelsign (`run:`, other actions) are what the workspace set-up stands in for; a job the
 * example disables (`if: false`) is not run.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runActionIn, type ActionRun } from '../helpers/action.js';
import { cleanupTmp, makeHfModel, ROOT, runCli, tmpDir } from '../helpers/cli.js';
import { identityToken, startMockSigstore, type MockSigstore } from '../helpers/sigstore-mock.js';

const PASSPHRASE = 'docs passphrase';
const USES = 'OWNER/modelsign@v1';
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const RELEASE_WORKFLOW = 'https://github.com/acme/models/.github/workflows/release.yml@refs/tags/v1.4.0';

interface Step {
  uses?: string;
  id?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  jobs: Record<string, { if?: unknown; steps: Step[] }>;
}

/** The modelsign steps of a YAML example: a list of steps, or a workflow's enabled jobs. */
function modelsignSteps(doc: unknown): Step[] {
  const steps = Array.isArray(doc) ? (doc as Step[]) : Object.values((doc as Workflow).jobs).flatMap((j) => (j.if === false ? [] : j.steps));
  return steps.filter((s) => s.uses === USES);
}

/** `${{ expr }}` as the runner would evaluate it here; an expression not listed fails the test. */
function evaluate(value: string, values: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, expr: string) => {
    expect(values, `no value for \${{ ${expr} }}`).toHaveProperty([expr]);
    return values[expr]!;
  });
}

/** A step's `with:` as INPUT_* values (the runner passes every input as a string). */
function inputsOf(step: Step, values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, evaluate(String(v), values)]));
}

async function run(ws: string, step: Step, values: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(v, values)]));
  return runActionIn(ws, inputsOf(step, values), { ...env, ...stepEnv });
}

let keys: { key: string; pub: string; pem: string };
let mock: MockSigstore;

beforeAll(async () => {
  const dir = await tmpDir('modelsign-action-docs-keys-');
  const k = await runCli(['keygen', '--out', path.join(dir, 'release')], { env: { MODELSIGN_PASSPHRASE: PASSPHRASE } });
  expect(k.code, k.stderr).toBe(0);
  keys = { key: path.join(dir, 'release.key'), pub: path.join(dir, 'release.pub'), pem: await readFile(path.join(dir, 'release.key'), 'utf8') };
  mock = await startMockSigstore();
});
afterAll(async () => {
  await mock.close();
  await cleanupTmp();
});

const secrets = (): Record<string, string> => ({
  'secrets.MODELSIGN_RELEASE_KEY': keys.pem,
  'secrets.MODELSIGN_PASSPHRASE': PASSPHRASE,
  'github.event.release.tag_name': 'v1.4.0',
  'inputs.release': 'v1.4.0',
  'github.token': 'unused',
});

async function signCli(model: string, args: string[]): Promise<void> {
  const s = await runCli(['sign', model, '--key', keys.key, ...args], { env: { MODELSIGN_PASSPHRASE: PASSPHRASE } });
  expect(s.code, s.stderr).toBe(0);
}

/**
 * The workspace docs/action.md's examples name: model (signed with the release key),
 * keys/release.pub, a fine-tune llama-ft of a base whose signatures are in the store
 * manifests, policy.yaml trusting the key, a revocation list, and folders for the state and
 * audit files.
 */
async function actionMdWorkspace(): Promise<{ ws: string; env: Record<string, string> }> {
  const ws = await tmpDir('modelsign-action-docs-');
  await mkdir(path.join(ws, 'keys'));
  await copyFile(keys.pub, path.join(ws, 'keys', 'release.pub'));
  const model = await makeHfModel(path.join(ws, 'model'));
  await mkdir(path.join(model, 'notes'));
  await writeFile(path.join(model, 'notes', 'todo.md'), 'evaluate');
  await signCli(model, ['--version', '1.4.0', '--name', 'acme/llm']);
  const base = await makeHfModel(path.join(ws, 'llama'));
  await signCli(base, ['--version', '1.0.0', '--name', 'acme/llama', '--license', 'apache-2.0', '--record', path.join(ws, 'manifests')]);
  const ft = await makeHfModel(path.join(ws, 'llama-ft'));
  await writeFile(path.join(ft, 'adapter.safetensors'), 'lora');
  await signCli(ft, ['--version', '1.1.0', '--name', 'acme/llama-ft', '--license', 'apache-2.0', '--parent', path.join(base, 'model.sig'), '--record', path.join(ws, 'manifests')]);
  await writeFile(path.join(ws, 'policy.yaml'), 'apiVersion: modelsign/v1\ntrust:\n  keys: [keys/release.pub]\nlicense:\n  retrain: { allow: [apache-2.0] }\n');
  await writeFile(path.join(ws, 'revoked.txt'), `# withdrawn models\nsha256:${'0'.repeat(64)}\n`);
  await mkdir(path.join(ws, 'state'));
  await mkdir(path.join(ws, 'audit'));
  return { ws, env: {} };
}

/** A workspace whose `model` the release workflow signed keyless (on the loopback Sigstore). */
async function keylessWorkspace(): Promise<{ ws: string; env: Record<string, string> }> {
  const ws = await tmpDir('modelsign-action-docs-keyless-');
  const m = await makeHfModel(path.join(ws, 'model'));
  const token = identityToken({ iss: GITHUB_ISSUER, sub: RELEASE_WORKFLOW });
  const s = await runCli(['sign', m, '--keyless', '--identity-token', token, '--fulcio-url', mock.fulcioURL, '--rekor-url', mock.rekorURL, '--tsa-url', mock.tsaURL, '--version', '1.4.0'], {
    env: { SIGSTORE_ID_TOKEN: undefined, ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined },
  });
  expect(s.code, s.stderr).toBe(0);
  const cache = path.join(ws, '.cache', 'modelsign');
  await mkdir(cache, { recursive: true });
  await writeFile(path.join(cache, 'trusted_root.json'), JSON.stringify(mock.trustedRoot));
  return { ws, env: { MODELSIGN_CACHE_DIR: cache } };
}

describe('docs/action.md examples', () => {
  it('every modelsign step on the page runs as written and succeeds', async () => {
    const text = await readFile(path.join(ROOT, 'docs', 'action.md'), 'utf8');
    const blocks = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parseYaml(m[1]!) as unknown);
    const steps = blocks.flatMap(modelsignSteps);
    expect(steps.length).toBeGreaterThanOrEqual(4);
    const { ws, env } = await actionMdWorkspace();
    const ran: string[] = [];
    for (const step of steps) {
      const inputs = inputsOf(step, secrets());
      // The keyless example verifies what the release workflow signed keyless: its own workspace.
      const where = inputs.keyless === 'true' ? await keylessWorkspace() : { ws, env };
      const r = await run(where.ws, step, secrets(), where.env);
      expect(r.code, `${JSON.stringify(step.with)}\n${r.stdout}`).toBe(0);
      expect(r.stdout).not.toContain('::error');
      expect(r.outputs['root-digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
      ran.push(`${inputs.command} ${inputs.model}`);
    }
    expect(ran).toEqual(['verify model', 'sign model', 'verify llama-ft', 'verify model']);
    // The sign example's secret passphrase never reached the log; its ignore-paths and shards are in the signature.
    const inspect = await runCli(['inspect', path.join(ws, 'model', 'model.sig')]);
    expect(inspect.stdout).toMatch(/shards \/ sha256 \/ shard 1073741824/);
    expect(inspect.stdout).toContain('notes');
    // The fine-tune example recorded its decision and the version it verified.
    expect((await readFile(path.join(ws, 'audit', 'verify.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(1);
    expect(await readFile(path.join(ws, 'state', 'llama-ft.json'), 'utf8')).toContain('1.1.0');
  });
});

describe('docs/examples/workflows', () => {
  it('the workflow files are the ones docs/action.md links', async () => {
    const files = (await readdir(path.join(ROOT, 'docs/examples/workflows'))).sort();
    expect(files).toEqual(['sign-on-release.yml', 'verify-before-use.yml']);
  });

  it('sign-on-release signs the checked-out model; verify-before-use verifies the packaged release', async () => {
    const ws = await tmpDir('modelsign-action-workflows-');
    await makeHfModel(path.join(ws, 'model'));
    const signWf = parseYaml(await readFile(path.join(ROOT, 'docs/examples/workflows/sign-on-release.yml'), 'utf8')) as Workflow;
    const [sign, ...more] = modelsignSteps(signWf);
    expect(more).toEqual([]);
    const s = await run(ws, sign!, secrets());
    expect(s.code, s.stdout).toBe(0);
    // The tag's "v" is accepted; the passphrase from the secret is masked first and never printed.
    expect(s.summary).toContain('### ✍️ modelsign sign: acme/llm@1.4.0 signed');
    expect(s.stdout.split('\n')[0]).toBe(`::add-mask::${PASSPHRASE}`);
    expect(s.stdout.split(PASSPHRASE)).toHaveLength(2);

    // What the "Package and upload" step makes, and the verify workflow downloads.
    execFileSync('tar', ['-C', path.join(ws, 'model'), '-czf', path.join(ws, 'llm.tar.gz'), '--exclude=model.sig', '.']);
    await copyFile(path.join(ws, 'model', 'model.sig'), path.join(ws, 'llm.tar.gz.sig'));
    await mkdir(path.join(ws, 'keys'));
    await copyFile(keys.pub, path.join(ws, 'keys', 'release.pub'));
    await writeFile(path.join(ws, 'policy.yaml'), 'apiVersion: modelsign/v1\nlicense:\n  retrain: { allow: [apache-2.0] }\n');
    const verifyWf = parseYaml(await readFile(path.join(ROOT, 'docs/examples/workflows/verify-before-use.yml'), 'utf8')) as Workflow;
    const [verify] = modelsignSteps(verifyWf);
    const v = await run(ws, verify!, secrets());
    expect(v.code, v.stdout).toBe(0);
    expect(v.outputs).toMatchObject({ verified: 'true', 'root-digest': s.outputs['root-digest'] });
  });
});

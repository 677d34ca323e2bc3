/** Test helpers: run the built CLI as a user would, and build sample models on disk. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(ROOT, 'dist/cli/main.js');
/**
 * The shared test data: TEST_SHARED, else beside the project (a clone, or a worktree's link),
 * else one level further up (a worktree under a folder of worktrees).
 */
function findShared(): string {
  if (process.env.TEST_SHARED) return process.env.TEST_SHARED;
  const near = path.resolve(ROOT, '../shared');
  const far = path.resolve(ROOT, '../../shared');
  return existsSync(near) || !existsSync(far) ? near : far;
}
export const SHARED_ROOT = findShared();
/** The interoperability corpus, read in place (never modified). */
export const SHARED = process.env.TEST_INTEROP_CORPUS ?? path.join(SHARED_ROOT, 'interop');
export const HAS_SHARED = existsSync(SHARED);
/** The OMS conformance suite's cases (../shared/conformance), read in place. */
export const CONFORMANCE = path.join(SHARED_ROOT, 'conformance');
export const HAS_CONFORMANCE = existsSync(path.join(CONFORMANCE, 'test-cases'));
// Tests that read the corpus skip where it is absent (a GitHub runner); .ci/run sets this so
// that on our CI, where the corpus is always beside the clone, they can never skip silently.
if (process.env.TEST_REQUIRE_CORPUS === '1' && !HAS_SHARED) {
  throw new Error(`the interoperability corpus is missing at ${SHARED} (TEST_REQUIRE_CORPUS=1)`);
}
if (process.env.TEST_REQUIRE_CORPUS === '1' && !HAS_CONFORMANCE) {
  throw new Error(`the OMS conformance cases are missing at ${CONFORMANCE} (TEST_REQUIRE_CORPUS=1)`);
}

/** What JSON.parse returns: tests read parsed JSON and YAML and assert on its shape. */
export type Json = ReturnType<typeof JSON.parse>;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { env?: Record<string, string | undefined>; cwd?: string; input?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, ...opts.env })) if (v !== undefined) env[k] = v;
    delete env.MODELSIGN_PASSPHRASE;
    if (opts.env?.MODELSIGN_PASSPHRASE !== undefined) env.MODELSIGN_PASSPHRASE = opts.env.MODELSIGN_PASSPHRASE;
    const child = spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 50_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : -1), stdout, stderr });
    });
    child.stdin.end(opts.input ?? '');
  });
}

const tmpDirs: string[] = [];
export async function tmpDir(prefix = 'modelsign-test-'): Promise<string> {
  const d = await mkdtemp(path.join(os.tmpdir(), prefix));
  tmpDirs.push(d);
  return d;
}
export async function cleanupTmp(): Promise<void> {
  await Promise.all(tmpDirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** Deterministic pseudo-random bytes (so tests never depend on chance): the drill's filler. */
import { filler } from '../../src/drill/model.js';
export function bytes(n: number, seed = 1): Buffer {
  return filler(n, seed);
}

/**
 * A Hugging Face-style model directory: sharded safetensors, an index, config, a nested
 * tokenizer folder and an empty file.
 */
export async function makeHfModel(dir: string, opts: { shardBytes?: number } = {}): Promise<string> {
  const n = opts.shardBytes ?? 300_000;
  await mkdir(path.join(dir, 'tokenizer'), { recursive: true });
  await writeFile(path.join(dir, 'model-00001-of-00002.safetensors'), bytes(n, 1));
  await writeFile(path.join(dir, 'model-00002-of-00002.safetensors'), bytes(n, 2));
  await writeFile(path.join(dir, 'model.safetensors.index.json'), JSON.stringify({ weight_map: { a: 'model-00001-of-00002.safetensors', b: 'model-00002-of-00002.safetensors' } }));
  await writeFile(path.join(dir, 'config.json'), JSON.stringify({ architectures: ['LlamaForCausalLM'], hidden_size: 64 }));
  await writeFile(path.join(dir, 'generation_config.json'), '{}');
  await writeFile(path.join(dir, 'tokenizer', 'tokenizer.json'), JSON.stringify({ version: '1.0', model: { vocab: { a: 0, b: 1 } } }));
  await writeFile(path.join(dir, 'tokenizer', 'special_tokens_map.json'), '{"bos_token":"<s>"}');
  await writeFile(path.join(dir, 'empty.txt'), '');
  return dir;
}

/** Generate an unencrypted key pair with the CLI; returns {key, pub}. */
export async function keypair(dir: string, type = 'ed25519', name = 'k'): Promise<{ key: string; pub: string }> {
  const prefix = path.join(dir, `${name}-${type}`);
  const r = await runCli(['keygen', '--out', prefix, '--type', type, '--unencrypted']);
  if (r.code !== 0) throw new Error(`keygen failed: ${r.stderr}`);
  return { key: `${prefix}.key`, pub: `${prefix}.pub` };
}

/**
 * How to run the CLI without the rights root has (permission checks apply): as ourselves
 * when we are not root, as nobody through setpriv when we are; undefined when neither works
 * here. TEST_REQUIRE_UNPRIVILEGED=1 (.ci/run) makes undefined an error: those tests must run.
 */
export function unprivilegedCli(): ((args: string[]) => CliResult) | undefined {
  const run = (argv: string[]): CliResult => {
    const r = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', timeout: 60_000 });
    return { code: r.status ?? 128, stdout: r.stdout, stderr: r.stderr };
  };
  if (process.getuid?.() !== 0) return process.platform === 'win32' ? undefined : (args) => run([process.execPath, CLI, ...args]);
  const asNobody = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
  const probe = spawnSync(asNobody[0]!, [...asNobody.slice(1), process.execPath, CLI, '--version'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    if (process.env.TEST_REQUIRE_UNPRIVILEGED === '1') throw new Error('cannot run the CLI as nobody through setpriv (TEST_REQUIRE_UNPRIVILEGED=1)');
    return undefined;
  }
  return (args) => run([...asNobody, process.execPath, CLI, ...args]);
}

/**
 * The signing-method examples of docs/interop.md run as written (in a directory holding the
 * files they name: a model, keys, certificates, a TSA chain, a SoftHSM token), each exit 0; the
 * TSA and module paths are the only substitutions. And docs/cli.md's sign synopsis names every
 * option sign --help lists. docs/cli.md's and docs/policy.md's examples run as written and their
 * transcripts (commands with the exit code and output they show) print what they show.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bytes, cleanupTmp, ROOT, runCli, tmpDir } from '../helpers/cli.js';
import { issue, makeCa } from '../helpers/pki.js';
import { HAS_SOFTHSM, makeToken, SOFTHSM_MISSING, SOFTHSM_MODULE } from '../helpers/softhsm.js';
import { startTsa, type TestTsa } from '../helpers/tsa.js';

const DOC_TSA = 'https://tsa.example/api/v1/timestamp';
const DOC_MODULE = '/usr/lib/softhsm/libsofthsm2.so';

/** The command lines of the fenced block after `<!-- examples: NAME`. */
async function examples(doc: string, name: string): Promise<string[]> {
  const text = await readFile(path.join(ROOT, 'docs', doc), 'utf8');
  const at = text.indexOf(`<!-- examples: ${name}`);
  expect(at, `${doc} has no "${name}" examples`).toBeGreaterThanOrEqual(0);
  const block = /```\n([\s\S]*?)```/.exec(text.slice(at))![1]!;
  return block.split('\n').filter((l) => l.trim() !== '');
}

/** VAR=value prefixes, then words; single quotes keep a word whole (what the examples use). */
function parseLine(line: string): { env: Record<string, string>; argv: string[] } {
  const words: string[] = [];
  for (const m of line.matchAll(/'([^']*)'|(\S+)/g)) words.push(m[1] ?? m[2]!);
  const env: Record<string, string> = {};
  while (words.length > 0 && /^[A-Z][A-Z0-9_]*=/.test(words[0]!)) {
    const [k, ...v] = words.shift()!.split('=');
    env[k!] = v.join('=');
  }
  return { env, argv: words };
}

describe('docs/interop.md signing-method examples', () => {
  let work: string;
  let tsa: TestTsa;
  let tokenEnv: Record<string, string> = {};
  beforeAll(async () => {
    work = await tmpDir();
    await mkdir(path.join(work, 'model'));
    await writeFile(path.join(work, 'model', 'weights.bin'), bytes(30_000, 2));
    await writeFile(path.join(work, 'model', 'config.json'), '{}');
    const pki = path.join(work, 'pki');
    const ca = await makeCa(pki);
    const signer = await issue(pki, 'signer', { issuer: ca.int });
    await copyFile(signer.key, path.join(work, 'signer.key'));
    await copyFile(signer.cert, path.join(work, 'signer.crt'));
    await copyFile(ca.int.cert, path.join(work, 'intermediate.pem'));
    await copyFile(ca.root.cert, path.join(work, 'root.pem'));
    tsa = await startTsa();
    await writeFile(path.join(work, 'tsa-chain.pem'), tsa.chainPem);
    if (HAS_SOFTHSM) {
      const tok = await makeToken(path.join(work, 'hsm'), { label: 'models', pin: '1234', keys: [{ label: 'release', id: '01' }] });
      tokenEnv = tok.env;
      await copyFile(tok.pub.release!, path.join(work, 'release-hsm.pub'));
      const hsmCert = await issue(pki, 'hsm-signer', { issuer: ca.int, key: tok.priv.release! });
      await copyFile(hsmCert.cert, path.join(work, 'hsm-signer.crt'));
    }
  });
  afterAll(async () => {
    await tsa?.close();
    await cleanupTmp();
  });

  it(`run as written, each exit 0${HAS_SOFTHSM ? '' : ` (PKCS #11 lines skipped: ${SOFTHSM_MISSING})`}`, async () => {
    const lines = await examples('interop.md', 'signing-methods');
    expect(lines.length).toBeGreaterThanOrEqual(10);
    let ran = 0;
    let afterHsmSign = false;
    for (const line of lines) {
      const { env, argv } = parseLine(line);
      expect(argv[0], line).toBe('modelsign');
      const hsm = line.includes('pkcs11:') || (afterHsmSign && line.includes(' verify '));
      afterHsmSign = line.includes('pkcs11:');
      if (hsm && !HAS_SOFTHSM) continue;
      const args = argv.slice(1).map((a) => a.replace(DOC_TSA, tsa.url).replace(DOC_MODULE, SOFTHSM_MODULE ?? DOC_MODULE));
      const r = await runCli(args, { cwd: work, env: { ...tokenEnv, ...env } });
      expect(r.code, `${line}\n${r.stdout}\n${r.stderr}`).toBe(0);
      ran++;
    }
    expect(ran).toBe(HAS_SOFTHSM ? lines.length : lines.length - 4);
    expect(tsa.hits).toBeGreaterThan(0);
  });
});

describe('docs/cli.md', () => {
  it("sign's synopsis names every option sign --help lists", async () => {
    const h = await runCli(['sign', '--help']);
    const opts = [...h.stdout.matchAll(/^ {2}(?:-\w, )?(--[a-z0-9-]+)/gm)].map((x) => x[1]!).filter((o) => !['--quiet', '--debug', '--help', '--version'].includes(o));
    expect(opts).toEqual(expect.arrayContaining(['--signing-certificate', '--certificate-chain', '--pkcs11-module', '--tsa-url', '--no-ignore-git-paths']));
    const doc = await readFile(path.join(ROOT, 'docs/cli.md'), 'utf8');
    const synopsis = /## sign\n\n```\n([\s\S]*?)```/.exec(doc)![1]!;
    for (const o of opts) expect(synopsis, o).toMatch(new RegExp(`[[(| ]${o}\\b`));
    const verify = /## verify\n\n```\n([\s\S]*?)```/.exec(doc)![1]!;
    expect(verify).toContain('[--timestamp-authority TSA_CHAIN.pem]');
  });
});

/**
 * A transcript block after `<!-- transcript: NAME`: `$ [VAR=value ...] modelsign ARGS   # exit N`
 * lines, each followed by the output it prints (stdout, then stderr). A line "..." stands for
 * any number of lines.
 */
interface TranscriptStep {
  line: string;
  code: number;
  expected: string[];
}
async function transcript(doc: string, name: string): Promise<TranscriptStep[]> {
  const text = await readFile(path.join(ROOT, 'docs', doc), 'utf8');
  const at = text.indexOf(`<!-- transcript: ${name}`);
  expect(at, `${doc} has no "${name}" transcript`).toBeGreaterThanOrEqual(0);
  const block = /```\n([\s\S]*?)```/.exec(text.slice(at))![1]!;
  const steps: TranscriptStep[] = [];
  for (const l of block.split('\n').slice(0, -1)) {
    const cmd = /^\$ (.*?)\s+# exit (\d)$/.exec(l);
    if (cmd) steps.push({ line: cmd[1]!, code: Number(cmd[2]), expected: [] });
    else steps[steps.length - 1]!.expected.push(l);
  }
  return steps;
}

/** Whether `actual` lines match `expected`, where a "..." line matches any run of lines. */
function linesMatch(actual: readonly string[], expected: readonly string[]): boolean {
  if (expected.length === 0) return actual.length === 0;
  const [head, ...rest] = expected;
  if (head === '...') return actual.some((_, i) => linesMatch(actual.slice(i), rest)) || linesMatch([], rest);
  return actual.length > 0 && actual[0] === head && linesMatch(actual.slice(1), rest);
}

/** Files a doc shows before using them: `<!-- file: PATH -->` then a fenced block, written as shown. */
async function docFiles(doc: string, work: string): Promise<number> {
  const text = await readFile(path.join(ROOT, 'docs', doc), 'utf8');
  let n = 0;
  for (const m of text.matchAll(/<!-- file: (\S+) -->\n```\w*\n([\s\S]*?)```/g)) {
    await mkdir(path.dirname(path.join(work, m[1]!)), { recursive: true });
    await writeFile(path.join(work, m[1]!), m[2]!);
    n++;
  }
  return n;
}

async function runTranscript(doc: string, name: string, work: string, subst: (out: string) => string = (s) => s): Promise<number> {
  const steps = await transcript(doc, name);
  for (const step of steps) {
    const { env, argv } = parseLine(step.line);
    expect(argv[0], step.line).toBe('modelsign');
    const r = await runCli(argv.slice(1), { cwd: work, env });
    const actual = subst(r.stdout + r.stderr).split('\n').slice(0, -1);
    expect(r.code, `${step.line}\n${r.stdout}${r.stderr}`).toBe(step.code);
    expect(linesMatch(actual, step.expected), `${step.line}\nexpected:\n${step.expected.join('\n')}\nactual:\n${actual.join('\n')}`).toBe(true);
  }
  return steps.length;
}

/** A fixed public key, so the docs can show its hint. */
const PUBLISHED_PUB = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEQr1MHIqIc+mJ6ZBMDA8nIj74/3FA
jZJnX8ZFN60qtHzWsBjwAj1prbnwf6Aw+CkSxuN5s1vlFZbsOmESpqFnMQ==
-----END PUBLIC KEY-----
`;

describe('docs/cli.md examples and transcripts', () => {
  let work: string;
  beforeAll(async () => {
    work = await tmpDir();
    await mkdir(path.join(work, 'my-model'));
    await writeFile(path.join(work, 'my-model', 'weights.bin'), bytes(30_000, 2));
    await writeFile(path.join(work, 'my-model', 'config.json'), '{}');
    for (const [m, seed] of [['acme-base', 7], ['acme-ft', 8]] as const) {
      await mkdir(path.join(work, m));
      await writeFile(path.join(work, m, 'weights.bin'), bytes(4096, seed));
    }
    await mkdir(path.join(work, 'keys'));
    await writeFile(path.join(work, 'keys', 'published.pub'), PUBLISHED_PUB);
  });
  afterAll(cleanupTmp);

  it('the examples run in order, each exit 0, then every transcript prints what it shows', async () => {
    const lines = await examples('cli.md', 'cli');
    expect(lines.length).toBeGreaterThanOrEqual(8);
    for (const line of lines) {
      const { env, argv } = parseLine(line);
      expect(argv[0], line).toBe('modelsign');
      const r = await runCli(argv.slice(1), { cwd: work, env });
      expect(r.code, `${line}\n${r.stdout}\n${r.stderr}`).toBe(0);
    }
    // What the examples promise: a bundle left in the model is left out, the folders are made.
    const sharded = JSON.parse((await runCli(['inspect', 'out/sharded.sig', '--json'], { cwd: work })).stdout);
    expect(sharded.serialization).toMatchObject({ method: 'shards', shard_size: 2 ** 30 });
    expect(sharded.serialization.ignore_paths).toContain('model.sig');
    expect(JSON.parse((await runCli(['inspect', 'out/mb.sig', '--json'], { cwd: work })).stdout).serialization.shard_size).toBe(1_000_000);
    expect((await stat(path.join(work, 'var/lib/modelsign'))).mode & 0o777).toBe(0o700);
    expect((await readFile(path.join(work, 'logs/modelsign/audit.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(1);
    let steps = 0;
    for (const name of ['hints', 'key', 'lineage']) steps += await runTranscript('cli.md', name, work);
    expect(steps).toBeGreaterThanOrEqual(10);
  });
});

describe('docs/policy.md transcripts', () => {
  it('the files it shows, checked as it shows (the policy folder stands for /srv/modelsign)', async () => {
    const work = await tmpDir();
    expect(await docFiles('policy.md', work)).toBeGreaterThanOrEqual(2);
    const k = await runCli(['keygen', '--out', path.join(work, 'policies/keys/release'), '--unencrypted']);
    expect(k.code, k.stderr).toBe(0);
    const steps = await runTranscript('policy.md', 'policy-files', work, (s) => s.split(work).join('/srv/modelsign'));
    expect(steps).toBeGreaterThanOrEqual(2);
  });
});

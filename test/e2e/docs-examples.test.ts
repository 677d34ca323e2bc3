/**
 * The signing-method examples of docs/interop.md run as written (in a directory holding the
 * files they name: a model, keys, certificates, a TSA chain, a SoftHSM token), each exit 0; the
 * TSA and module paths are the only substitutions. And docs/cli.md's sign synopsis names every
 * option sign --help lists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
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

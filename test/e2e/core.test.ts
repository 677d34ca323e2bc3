/**
 * The core contract, end to end through the built CLI: sign and verify an HF-style model
 * with each key type, and every way a model or signature can be wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFile, cp, readFile, rename, rm, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cleanupTmp, keypair, makeHfModel, runCli, tmpDir } from '../helpers/cli.js';

afterAll(cleanupTmp);

const KEY_TYPES = ['ed25519', 'ecdsa-p256', 'ecdsa-p384'] as const;

describe.each(KEY_TYPES)('sign and verify with %s', (type) => {
  let dir: string;
  let model: string;
  let keys: { key: string; pub: string };

  beforeAll(async () => {
    dir = await tmpDir();
    model = await makeHfModel(path.join(dir, 'model'));
    keys = await keypair(dir, type);
    const r = await runCli(['sign', model, '--key', keys.key, '--version', '1.0.0', '--license', 'apache-2.0']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/signed model@1\.0\.0 \(8 files/);
  });

  /** A fresh copy of the signed model to tamper with. */
  async function copy(): Promise<string> {
    const d = path.join(await tmpDir(), 'model');
    await cp(model, d, { recursive: true });
    return d;
  }

  it('verifies the untouched model (exit 0) and reports signer and digest', async () => {
    const r = await runCli(['verify', model, '--key', keys.pub, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.verified).toBe(true);
    expect(j.failures).toEqual([]);
    expect(j.rootDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(j.signer).toContain(type);
    expect(j.version).toBe('1.0.0');
    expect(j.license).toBe('apache-2.0');
    expect(j.filesChecked).toBe(8);
  });

  it('digest equals the signed subject', async () => {
    const d = await runCli(['digest', model]);
    expect(d.code).toBe(0);
    const v = JSON.parse((await runCli(['verify', model, '--key', keys.pub, '--json'])).stdout);
    expect(d.stdout.trim()).toBe(v.rootDigest);
    const i = JSON.parse((await runCli(['inspect', path.join(model, 'model.sig'), '--json'])).stdout);
    expect(i.rootDigest).toBe(v.rootDigest);
  });

  it('one byte changed -> 1, naming the file', async () => {
    const m = await copy();
    const f = path.join(m, 'model-00002-of-00002.safetensors');
    const buf = await readFile(f);
    buf[1234] = buf[1234]! ^ 0x01;
    await writeFile(f, buf);
    const r = await runCli(['verify', m, '--key', keys.pub, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).failures).toEqual([{ code: 'FILE_CHANGED', path: 'model-00002-of-00002.safetensors', message: 'file content does not match the signature' }]);
  });

  it('a file added (also an empty one) -> 1, every one reported', async () => {
    const m = await copy();
    await writeFile(path.join(m, 'modeling_evil.py'), 'import os\n');
    await writeFile(path.join(m, 'tokenizer', 'added-empty'), '');
    const r = await runCli(['verify', m, '--key', keys.pub]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FILE_UNEXPECTED modeling_evil.py');
    expect(r.stdout).toContain('FILE_UNEXPECTED tokenizer/added-empty');
    expect(r.stderr).toMatch(/^modelsign: refused: .*\[FILE_UNEXPECTED\]\n$/);
  });

  it('a file removed -> 1', async () => {
    const m = await copy();
    await rm(path.join(m, 'empty.txt'));
    const r = await runCli(['verify', m, '--key', keys.pub, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).failures).toEqual([{ code: 'FILE_MISSING', path: 'empty.txt', message: 'signed file is missing' }]);
  });

  it('a file renamed -> 1 (missing + unexpected)', async () => {
    const m = await copy();
    await rename(path.join(m, 'config.json'), path.join(m, 'config2.json'));
    const r = await runCli(['verify', m, '--key', keys.pub, '--json']);
    expect(r.code).toBe(1);
    const codes = JSON.parse(r.stdout).failures.map((f: { code: string; path: string }) => `${f.code}:${f.path}`).sort();
    expect(codes).toEqual(['FILE_MISSING:config.json', 'FILE_UNEXPECTED:config2.json']);
  });

  it('a file truncated -> 1', async () => {
    const m = await copy();
    await truncate(path.join(m, 'model-00001-of-00002.safetensors'), 1000);
    const r = await runCli(['verify', m, '--key', keys.pub]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FILE_CHANGED model-00001-of-00002.safetensors');
  });

  it('verified with another key -> 1', async () => {
    const other = await keypair(await tmpDir(), type, 'other');
    const r = await runCli(['verify', model, '--key', other.pub]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/KEY_HINT_MISMATCH|SIG_INVALID/);
  });

  it('payload edited under a kept signature -> 1', async () => {
    const m = await copy();
    const sigFile = path.join(m, 'model.sig');
    const b = JSON.parse(await readFile(sigFile, 'utf8'));
    const st = JSON.parse(Buffer.from(b.dsseEnvelope.payload, 'base64').toString());
    st.subject[0].annotations.modelsign.license = 'mit';
    b.dsseEnvelope.payload = Buffer.from(JSON.stringify(st)).toString('base64');
    await writeFile(sigFile, JSON.stringify(b));
    const r = await runCli(['verify', m, '--key', keys.pub]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[SIG_INVALID]');
  });

  it('signature truncated -> 1', async () => {
    const m = await copy();
    const sigFile = path.join(m, 'model.sig');
    const size = (await stat(sigFile)).size;
    await truncate(sigFile, Math.floor(size / 2));
    const r = await runCli(['verify', m, '--key', keys.pub]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[SIG_MALFORMED]');
  });

  it('signature missing -> 1', async () => {
    const m = await copy();
    await rm(path.join(m, 'model.sig'));
    const r = await runCli(['verify', m, '--key', keys.pub]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`modelsign: refused: signature file not found: ${path.join(m, 'model.sig')} [SIG_MISSING]\n`);
  });
});

describe('single-file model', () => {
  it('signs MODEL.sig beside the file and verifies; a changed byte fails', async () => {
    const dir = await tmpDir();
    const f = path.join(dir, 'model.safetensors');
    await writeFile(f, Buffer.alloc(5000, 7));
    const keys = await keypair(dir, 'ecdsa-p256');
    expect((await runCli(['sign', f, '--key', keys.key, '--version', '0.1.0'])).code).toBe(0);
    const sig = JSON.parse(await readFile(`${f}.sig`, 'utf8'));
    const st = JSON.parse(Buffer.from(sig.dsseEnvelope.payload, 'base64').toString());
    expect(st.predicate.resources.map((r: { name: string }) => r.name)).toEqual(['model.safetensors']);
    expect((await runCli(['verify', f, '--key', keys.pub])).code).toBe(0);
    const d = await runCli(['digest', f]);
    expect(d.stdout.trim()).toBe(`sha256:${st.subject[0].digest.sha256}`);
    await appendFile(f, 'x');
    const r = await runCli(['verify', f, '--key', keys.pub]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FILE_CHANGED model.safetensors');
  });
});

describe('usage errors exit 2', () => {
  let dir: string;
  let model: string;
  beforeAll(async () => {
    dir = await tmpDir();
    model = await makeHfModel(path.join(dir, 'model'));
  });

  it('unknown flag', async () => {
    const r = await runCli(['verify', model, '--key', 'x.pub', '--no-such-flag']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--no-such-flag'");
  });

  it('missing key file', async () => {
    const r = await runCli(['verify', model, '--key', path.join(dir, 'nope.pub')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`modelsign: error: public key not found: ${path.join(dir, 'nope.pub')} [KEY_UNREADABLE]\n`);
    const s = await runCli(['sign', model, '--key', path.join(dir, 'nope.key'), '--version', '1.0.0']);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('private key not found');
  });

  it('a missing model is MODEL_NOT_FOUND (exit 2) whatever the flags, never a missing signature', async () => {
    const k = await keypair(dir, 'ed25519', 'missing-model');
    const other = await keypair(dir, 'ed25519', 'missing-model-other');
    expect((await runCli(['sign', model, '--key', k.key, '--version', '1.0.0'])).code).toBe(0);
    const sig = path.join(model, 'model.sig');
    for (const name of ['nope', 'nope.tar', 'nope.safetensors']) {
      const nope = path.join(dir, name);
      const want = `modelsign: error: model not found: ${nope} [MODEL_NOT_FOUND]\n`;
      for (const extra of [[], ['--signature', sig], ['--json'], ['--ignore-unsigned-files']]) {
        const r = await runCli(['verify', nope, '--key', k.pub, ...extra]);
        expect(r.code, `${name} ${extra.join(' ')}`).toBe(2);
        expect(r.stderr, `${name} ${extra.join(' ')}`).toBe(want);
        // --json: the error as JSON on stdout too, so `jq .verified` reads false.
        if (extra[0] === '--json') expect(JSON.parse(r.stdout)).toEqual({ verified: false, error: { code: 'MODEL_NOT_FOUND', message: `model not found: ${nope}` } });
        else expect(r.stdout).toBe('');
      }
      // Not a signature refusal either: the model is checked before the signature's signer.
      const untrusted = await runCli(['verify', nope, '--key', other.pub, '--signature', sig]);
      expect(untrusted.code).toBe(2);
      expect(untrusted.stderr).toBe(want);
      const sg = await runCli(['sign', nope, '--key', k.key, '--version', '1.0.0']);
      expect(sg.code).toBe(2);
      expect(sg.stderr).toBe(want);
      const dg = await runCli(['digest', nope]);
      expect(dg.code).toBe(2);
      expect(dg.stderr).toBe(want);
    }
    // The failed decision still reaches the audit log and the termination log.
    const log = path.join(dir, 'missing-model-audit.jsonl');
    const term = path.join(dir, 'missing-model-term');
    const nope = path.join(dir, 'nope');
    expect((await runCli(['verify', nope, '--key', k.pub, '--audit-log', log, '--termination-log', term])).code).toBe(2);
    expect((await runCli(['verify', nope, '--key', k.pub, '--signature', sig, '--audit-log', log, '--termination-log', term])).code).toBe(2);
    const recs = (await readFile(log, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(recs).toMatchObject([
      { result: 'error', failures: ['MODEL_NOT_FOUND'], model: nope, signature: null },
      { result: 'error', failures: ['MODEL_NOT_FOUND'], model: nope, signature: sig },
    ]);
    expect(await readFile(term, 'utf8')).toBe(`modelsign: error: model not found: ${nope} [MODEL_NOT_FOUND] (exit 2)\n`);
    // The default signature path is unchanged for models that exist: MODEL.sig beside a file or archive.
    const f = path.join(dir, 'single.bin');
    await writeFile(f, 'weights');
    expect((await runCli(['sign', f, '--key', k.key, '--version', '1.0.0'])).code).toBe(0);
    await stat(`${f}.sig`);
    expect((await runCli(['verify', f, '--key', k.pub])).code).toBe(0);
    const { execFileSync } = await import('node:child_process');
    const tarFile = path.join(dir, 'packed.tar');
    execFileSync('tar', ['-C', model, '--exclude', 'model.sig', '-cf', tarFile, '.']);
    expect((await runCli(['sign', tarFile, '--key', k.key, '--version', '1.0.0'])).code).toBe(0);
    await stat(`${tarFile}.sig`);
    const v = await runCli(['verify', tarFile, '--key', k.pub]);
    expect(v.code, v.stderr).toBe(0);
  });

  it('missing required options', async () => {
    expect((await runCli(['verify', model])).code).toBe(2);
    const r = await runCli(['sign', model, '--key', 'k.key']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sign needs --version');
    const v = await runCli(['sign', model, '--key', 'k.key', '--version', 'one']);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain('[BAD_VERSION]');
  });

  it('wrong passphrase, and no passphrase at all', async () => {
    const prefix = path.join(dir, 'enc');
    const g = await runCli(['keygen', '--out', prefix], { env: { MODELSIGN_PASSPHRASE: 'right' } });
    expect(g.code).toBe(0);
    expect((await stat(`${prefix}.key`)).mode & 0o777).toBe(0o600);
    expect(await readFile(`${prefix}.key`, 'utf8')).toMatch(/^-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----/);
    const bad = await runCli(['sign', model, '--key', `${prefix}.key`, '--version', '1.0.0'], { env: { MODELSIGN_PASSPHRASE: 'wrong' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`modelsign: error: wrong passphrase for ${prefix}.key [BAD_PASSPHRASE]\n`);
    const none = await runCli(['sign', model, '--key', `${prefix}.key`, '--version', '1.0.0']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('[NO_PASSPHRASE]');
    const ok = await runCli(['sign', model, '--key', `${prefix}.key`, '--version', '1.0.0'], { env: { MODELSIGN_PASSPHRASE: 'right' } });
    expect(ok.code).toBe(0);
    expect((await runCli(['verify', model, '--key', `${prefix}.pub`])).code).toBe(0);
  });

  it('keygen never overwrites a key, and warns when unencrypted', async () => {
    const prefix = path.join(dir, 'plain');
    // -q silences progress, never a warning about key safety.
    const a = await runCli(['keygen', '--out', prefix, '--unencrypted', '-q']);
    expect(a.code).toBe(0);
    expect(a.stderr).toBe('modelsign: warning: the private key is NOT encrypted; keep it out of version control and shared disks\n');
    const b = await runCli(['keygen', '--out', prefix, '--unencrypted']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('[KEY_EXISTS]');
  });

  it('a public key given to sign, a private key given to verify', async () => {
    const k = await keypair(dir, 'ed25519', 'swap');
    const s = await runCli(['sign', model, '--key', k.pub, '--version', '1.0.0']);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('[KEY_WRONG_KIND]');
    const v = await runCli(['verify', model, '--key', k.key]);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain('[KEY_WRONG_KIND]');
  });

  it('--help has examples and exit codes; --version prints the version', async () => {
    for (const c of ['sign', 'verify', 'keygen', 'digest', 'inspect']) {
      const r = await runCli([c, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Examples:');
    }
    const v = await runCli(['--version']);
    expect(v.code).toBe(0);
    const pkg = JSON.parse(await readFile(path.join(__dirname, '../../package.json'), 'utf8'));
    expect(v.stdout.trim()).toBe(pkg.version);
  });

  it('docs/cli.md\'s digest synopsis names every option digest --help lists', async () => {
    const h = await runCli(['digest', '--help']);
    expect(h.code).toBe(0);
    const opts = [...h.stdout.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)].map((x) => x[1]!).filter((o) => !['--quiet', '--debug', '--help'].includes(o));
    expect(opts).toEqual(expect.arrayContaining(['--signature', '--allow-symlinks', '--ignore-paths', '--hash', '--shard-size', '--jobs', '--json']));
    const doc = await readFile(path.join(__dirname, '../../docs/cli.md'), 'utf8');
    const synopsis = /## digest\n\n```\n([\s\S]*?)```/.exec(doc)![1]!;
    for (const o of opts) expect(synopsis, o).toContain(`[${o}`);
  });

  it('nested commands take -q and --debug like the others', async () => {
    const dir = await tmpDir();
    for (const c of [['trusted-root', 'info'], ['trusted-root', 'update'], ['trusted-root', 'reset'], ['policy', 'check']]) {
      const h = await runCli([...c, '--help']);
      expect(h.stdout, c.join(' ')).toContain('-q, --quiet');
      expect(h.stdout, c.join(' ')).toContain('--debug');
    }
    const missing = path.join(dir, 'nope.json');
    const q = await runCli(['trusted-root', 'info', '--trusted-root', missing, '-q']);
    expect(q.code).toBe(2);
    expect(q.stderr).toBe(`modelsign: error: trusted root not found: ${missing} [TRUSTED_ROOT_UNREADABLE]\n`);
    const d = await runCli(['policy', 'check', missing, '--debug']);
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(/^modelsign: error: .*\[POLICY_UNREADABLE\]\nModelsignError: /);
  });
});

describe('ignore paths and git metadata', () => {
  it('.git and --ignore-paths are left out and recorded; verify honours them', async () => {
    const dir = await tmpDir();
    const model = await makeHfModel(path.join(dir, 'model'));
    await writeFile(path.join(model, '.gitattributes'), '*.safetensors filter=lfs\n');
    await cp(path.join(model, 'tokenizer'), path.join(model, 'scratch'), { recursive: true });
    const k = await keypair(dir);
    expect((await runCli(['sign', model, '--key', k.key, '--version', '1.0.0', '--ignore-paths', 'scratch'])).code).toBe(0);
    const i = JSON.parse((await runCli(['inspect', path.join(model, 'model.sig'), '--json'])).stdout);
    expect(i.serialization.ignore_paths).toEqual(expect.arrayContaining(['.git', '.gitattributes', 'model.sig', 'scratch']));
    expect(i.resources.some((r: { name: string }) => r.name.startsWith('scratch/'))).toBe(false);
    await writeFile(path.join(model, 'scratch', 'new-file'), 'x');
    await writeFile(path.join(model, '.gitattributes'), 'changed');
    expect((await runCli(['verify', model, '--key', k.pub])).code).toBe(0);
  });

  it('--ignore-unsigned-files allows extra files but still checks the signed ones', async () => {
    const dir = await tmpDir();
    const model = await makeHfModel(path.join(dir, 'model'));
    const k = await keypair(dir);
    expect((await runCli(['sign', model, '--key', k.key, '--version', '1.0.0'])).code).toBe(0);
    await writeFile(path.join(model, 'extra.bin'), 'x');
    expect((await runCli(['verify', model, '--key', k.pub])).code).toBe(1);
    expect((await runCli(['verify', model, '--key', k.pub, '--ignore-unsigned-files'])).code).toBe(0);
    await appendFile(path.join(model, 'config.json'), ' ');
    const r = await runCli(['verify', model, '--key', k.pub, '--ignore-unsigned-files']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FILE_CHANGED config.json');
  });
});

describe('commander parse errors are one line with a stable code (exit 2)', () => {
  // Each: the command line, then the exact stderr line (a regex where a path varies).
  const cases: [string, string[], string][] = [
    ['a missing argument', ['sign'], "modelsign: error: missing required argument 'model' (see modelsign sign --help) [MISSING_ARGUMENT]"],
    ['an unknown option, with the suggestion on the same line', ['verify', 'm', '--jsn'], "modelsign: error: unknown option '--jsn' (Did you mean --json?) (see modelsign verify --help) [UNKNOWN_OPTION]"],
    ['an unknown top-level option', ['--bogus'], "modelsign: error: unknown option '--bogus' (see modelsign --help) [UNKNOWN_OPTION]"],
    ['an unknown command', ['nosuch'], "modelsign: error: unknown command 'nosuch' (see modelsign --help) [UNKNOWN_COMMAND]"],
    ['an invalid choice', ['sign', 'm', '--hash', 'md5'], "modelsign: error: option '--hash <alg>' argument 'md5' is invalid. Allowed choices are sha256, blake2b, blake3. (see modelsign sign --help) [BAD_OPTION]"],
    ['an option without its value', ['verify', 'm', '--key'], "modelsign: error: option '--key <file>' argument missing (see modelsign verify --help) [MISSING_OPTION_VALUE]"],
    ['a mandatory option left out', ['keygen'], "modelsign: error: required option '--out <prefix>' not specified (see modelsign keygen --help) [MISSING_OPTION]"],
    ['too many arguments', ['sign', 'a', 'b'], "modelsign: error: too many arguments for 'sign'. Expected 1 argument but got 2. (see modelsign sign --help) [TOO_MANY_ARGUMENTS]"],
    // Nested subcommands name their whole path.
    ['an unknown option of trusted-root update', ['trusted-root', 'update', '--bogus'], "modelsign: error: unknown option '--bogus' (see modelsign trusted-root update --help) [UNKNOWN_OPTION]"],
    ['a missing argument of policy check', ['policy', 'check'], "modelsign: error: missing required argument 'file' (see modelsign policy check --help) [MISSING_ARGUMENT]"],
    ['too many arguments for audit verify', ['audit', 'verify', 'a', 'b'], "modelsign: error: too many arguments for 'verify'. Expected 1 argument but got 2. (see modelsign audit verify --help) [TOO_MANY_ARGUMENTS]"],
    ['a misspelt subcommand of policy', ['policy', 'chek'], "modelsign: error: unknown command 'chek' (Did you mean check?) (see modelsign policy --help) [UNKNOWN_COMMAND]"],
    ['an unknown subcommand of audit', ['audit', 'nosuch'], "modelsign: error: unknown command 'nosuch' (see modelsign audit --help) [UNKNOWN_COMMAND]"],
    ['help for an unknown command', ['help', 'nosuch'], "modelsign: error: unknown command 'nosuch' (see modelsign --help) [UNKNOWN_COMMAND]"],
    ['help for an unknown policy subcommand', ['policy', 'help', 'nosuch'], "modelsign: error: unknown command 'nosuch' (see modelsign policy --help) [UNKNOWN_COMMAND]"],
  ];
  it.each(cases)('%s', async (_what, args, line) => {
    const r = await runCli(args);
    expect(r.stderr).toBe(`${line}\n`);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('under verify --log-format json (or MODELSIGN_LOG_FORMAT=json) a parse error is one JSON event', async () => {
    const runs = [
      await runCli(['verify', 'm', '--log-format', 'json', '--bogus']),
      // --bogus stops commander's parse before it reads --log-format: the words still ask for JSON.
      await runCli(['verify', 'm', '--bogus', '--log-format=json']),
      await runCli(['verify', 'm', '--key'], { env: { MODELSIGN_LOG_FORMAT: 'json' } }),
    ];
    for (const r of runs) {
      expect(r.code).toBe(2);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      const j = JSON.parse(lines[0]!);
      expect(j).toMatchObject({ level: 'error', event: 'error', code: expect.stringMatching(/^(UNKNOWN_OPTION|MISSING_OPTION_VALUE)$/) });
      expect(j.message).toMatch(/ \(see modelsign verify --help\)$/);
    }
    // The command line wins over the environment.
    const t = await runCli(['verify', 'm', '--log-format', 'text', '--jsn'], { env: { MODELSIGN_LOG_FORMAT: 'json' } });
    expect(t.code).toBe(2);
    expect(t.stderr).toMatch(/^modelsign: error: unknown option '--jsn' .*\[UNKNOWN_OPTION\]\n$/);
  });

  it('--help, help CMD and --version still print normally and exit 0', async () => {
    for (const args of [['--help'], ['help'], ['sign', '--help'], ['help', 'sign'], ['trusted-root', 'update', '--help'], ['policy', 'help', 'check'], ['audit', 'help', 'verify'], ['trusted-root', 'help', 'reset']]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toMatch(/^Usage: modelsign/);
      expect(r.stderr, args.join(' ')).toBe('');
    }
    expect((await runCli(['policy', 'help', 'check'])).stdout).toMatch(/^Usage: modelsign policy check \[options\] <file>/);
    expect((await runCli(['audit', 'help', 'verify'])).stdout).toMatch(/^Usage: modelsign audit verify \[options\] <file>/);
    const v = await runCli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^\d+\.\d+\.\d+/);
    expect(v.stderr).toBe('');
  });

  it('policy and audit alone are MISSING_COMMAND; their --help has examples', async () => {
    const p = await runCli(['policy']);
    expect(p.code).toBe(2);
    expect(p.stderr).toBe('modelsign: error: policy needs a subcommand: modelsign policy check FILE [MISSING_COMMAND]\n');
    const a = await runCli(['audit', '-q']);
    expect(a.code).toBe(2);
    expect(a.stderr).toBe('modelsign: error: audit needs a subcommand: modelsign audit verify FILE [MISSING_COMMAND]\n');
    const ph = await runCli(['policy', '--help']);
    expect(ph.code).toBe(0);
    expect(ph.stdout).toMatch(/\nExamples:\n {2}modelsign policy check /);
    const ah = await runCli(['audit', '--help']);
    expect(ah.code).toBe(0);
    expect(ah.stdout).toMatch(/\nExamples:\n[^]*\n {2}modelsign audit verify /);
  });
});

/**
 * The Action's inputs beyond the basics, each run through the committed bundle as the runner
 * runs it: passphrase (masked before anything), identity-regexp (a loopback Sigstore),
 * certificate-chain, ignore-paths, shard-size, min-version, revoked, state and audit-log; the
 * workspace file on each annotation; messages naming inputs where the library names flags; the
 * job summary on usage errors.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runActionIn, type ActionRun } from '../helpers/action.js';
import { cleanupTmp, makeHfModel, runCli, tmpDir } from '../helpers/cli.js';
import { issue, makeCa } from '../helpers/pki.js';
import { identityToken, startMockSigstore, type MockSigstore } from '../helpers/sigstore-mock.js';

const PASSPHRASE = 'pass: with, odd % chars';
/** The passphrase as a workflow command carries it (the runner decodes %25 back to %). */
const MASKED = `::add-mask::${PASSPHRASE.replace(/%/g, '%25')}`;

let ws: string;
let key: string;
let pub: string;
let model: string;
let digest: string;
const action = (inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> => runActionIn(ws, inputs, env);

/** A fresh model in the workspace, signed with the release key at `version`. */
async function signed(dirName: string, version: string, name = `acme/${dirName}`): Promise<string> {
  const dir = await makeHfModel(path.join(ws, dirName));
  const s = await runCli(['sign', dir, '--key', key, '--version', version, '--name', name], { env: { MODELSIGN_PASSPHRASE: PASSPHRASE } });
  expect(s.code, s.stderr).toBe(0);
  return dir;
}

beforeAll(async () => {
  ws = await tmpDir('modelsign-action-inputs-');
  const k = await runCli(['keygen', '--out', path.join(ws, 'keys', 'release')], { env: { MODELSIGN_PASSPHRASE: PASSPHRASE } });
  expect(k.code, k.stderr).toBe(0);
  key = path.join(ws, 'keys', 'release.key');
  pub = path.join(ws, 'keys', 'release.pub');
  model = await signed('llm', '1.1.0');
  digest = (await runCli(['digest', model])).stdout.trim();
});
afterAll(cleanupTmp);

describe('input "passphrase"', () => {
  it('decrypts the key; its value is masked before anything else and never printed again', async () => {
    const m = await makeHfModel(path.join(ws, 'pp'));
    const r = await action({ command: 'sign', model: m, key, version: '1.0.0', passphrase: PASSPHRASE });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(MASKED);
    expect(r.stdout).not.toContain(PASSPHRASE);
    expect(r.summary).not.toContain(PASSPHRASE);
    expect((await runCli(['verify', m, '--key', pub])).code).toBe(0);
  });

  it('wins over MODELSIGN_PASSPHRASE; a wrong one fails the step (exit 2) without echoing it', async () => {
    const m = await makeHfModel(path.join(ws, 'pp-wrong'));
    const r = await action({ command: 'sign', model: m, key: 'keys/release.key', version: '1.0.0', passphrase: 'not it' }, { MODELSIGN_PASSPHRASE: PASSPHRASE });
    expect(r.code).toBe(2);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['::add-mask::not it', MASKED]);
    expect(r.stdout.split('not it')).toHaveLength(2);
    expect(r.stdout).toContain('::error file=keys/release.key,title=modelsign::wrong passphrase for keys/release.key [BAD_PASSPHRASE]');
    expect(r.summary).not.toContain('not it');
  });

  it('is for sign: on verify it is refused (exit 2), masked first all the same', async () => {
    const r = await action({ command: 'verify', model, key: pub, passphrase: PASSPHRASE });
    expect(r.code).toBe(2);
    expect(r.stdout.split('\n')[0]).toBe(MASKED);
    expect(r.stdout).toContain('::error title=modelsign::input "passphrase" is for command sign; verify does not use it [BAD_INPUT]');
    expect(r.stdout).not.toContain(PASSPHRASE);
    const k = await action({ command: 'sign', model, keyless: 'true', version: '1.0.0', passphrase: PASSPHRASE });
    expect(k.code).toBe(2);
    expect(k.stdout).toContain('input "passphrase" decrypts input "key": keyless signing has no key [BAD_INPUT]');
  });
});

describe('input "identity-regexp" (keyless signature from a loopback Sigstore)', () => {
  const ISSUER = 'https://token.actions.example.com';
  const WORKFLOW = 'https://github.com/acme/models/.github/workflows/release.yml@refs/tags/v1.0.0';
  let mock: MockSigstore;
  let keyless: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    mock = await startMockSigstore();
    keyless = await makeHfModel(path.join(ws, 'keyless'));
    const s = await runCli(
      ['sign', keyless, '--keyless', '--identity-token', identityToken({ iss: ISSUER, sub: WORKFLOW }), '--fulcio-url', mock.fulcioURL, '--rekor-url', mock.rekorURL, '--tsa-url', mock.tsaURL, '--version', '1.0.0'],
      { env: { SIGSTORE_ID_TOKEN: undefined, ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined } },
    );
    expect(s.code, s.stderr).toBe(0);
    // The loopback instance's root where `trusted-root update` would have put it.
    const cache = path.join(ws, 'sigstore-cache');
    await mkdir(cache, { recursive: true });
    await writeFile(path.join(cache, 'trusted_root.json'), JSON.stringify(mock.trustedRoot));
    env = { MODELSIGN_CACHE_DIR: cache };
  });
  afterAll(() => mock.close());

  it('an identity matching the expression (and the issuer) verifies', async () => {
    const r = await action({ command: 'verify', model: keyless, keyless: 'true', 'identity-regexp': 'https://github\\.com/acme/models/\\.github/workflows/release\\.yml@refs/tags/v.*', 'identity-provider': ISSUER }, env);
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.verified).toBe('true');
    expect(r.summary).toContain(WORKFLOW);
  });

  it('an expression the identity does not fully match refuses it (exit 1): anchored', async () => {
    const r = await action({ command: 'verify', model: keyless, 'identity-regexp': 'https://github\\.com/acme/models/', 'identity-provider': ISSUER }, env);
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ verified: 'false', 'root-digest': '' });
    expect(r.stdout).toMatch(/::error title=modelsign::.*\[IDENTITY_MISMATCH\]/);
  });

  it('a bad expression is a usage error naming the input, not the CLI flag (exit 2)', async () => {
    const r = await action({ command: 'verify', model: keyless, 'identity-regexp': '(unclosed', 'identity-provider': ISSUER }, env);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^::error title=modelsign::input "identity-regexp" is not a valid regular expression: .* \[BAD_IDENTITY\]$/m);
    expect(r.stdout).not.toContain('--identity-regexp');
    const alone = await action({ command: 'verify', model: keyless, 'identity-provider': ISSUER }, env);
    expect(alone.code).toBe(2);
    expect(alone.stdout).toContain('input "identity-provider" alone would trust anyone that issuer certified: give input "identity" or "identity-regexp" too [MISSING_IDENTITY]');
  });
});

describe('input "certificate-chain"', () => {
  it('trusts a certificate signature chaining to the root; another root refuses it (exit 1)', async () => {
    const pki = path.join(ws, 'pki');
    const ca = await makeCa(pki);
    const signer = await issue(pki, 'signer', { issuer: ca.int });
    const m = await makeHfModel(path.join(ws, 'cert-signed'));
    const s = await runCli(['sign', m, '--key', signer.key, '--signing-certificate', signer.cert, '--certificate-chain', ca.int.cert, '--version', '1.0.0']);
    expect(s.code, s.stderr).toBe(0);
    await copyFile(ca.root.cert, path.join(ws, 'root.pem'));
    const ok = await action({ command: 'verify', model: m, 'certificate-chain': 'root.pem' });
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.outputs['root-digest']).toBe((await runCli(['digest', m])).stdout.trim());
    const other = await makeCa(path.join(ws, 'pki-other'));
    const bad = await action({ command: 'verify', model: m, 'certificate-chain': other.root.cert });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/::error title=modelsign::.*\[CERT_CHAIN_UNTRUSTED\]/);
    const missing = await action({ command: 'verify', model: m, 'certificate-chain': 'no-such-root.pem' });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('::error file=no-such-root.pem,title=modelsign::certificate chain file not found: no-such-root.pem [ROOTS_UNREADABLE]');
  });
});

describe('inputs "ignore-paths" and "shard-size"', () => {
  it('sign leaves the paths out and shards the files; verify leaves out more', async () => {
    const m = await makeHfModel(path.join(ws, 'ignored'));
    await writeFile(path.join(m, 'notes.txt'), 'draft');
    await mkdir(path.join(m, 'logs'));
    await writeFile(path.join(m, 'logs', 'train.log'), 'step 1');
    const s = await action({ command: 'sign', model: m, key, version: '1.0.0', 'ignore-paths': 'notes.txt\nlogs\n', 'shard-size': '65536' }, { MODELSIGN_PASSPHRASE: PASSPHRASE });
    expect(s.code, s.stdout).toBe(0);
    expect(s.summary).toContain('| Files | 8 (');
    const inspect = await runCli(['inspect', path.join(m, 'model.sig')]);
    expect(inspect.stdout).toMatch(/shards \/ sha256 \/ shard 65536/);
    // The signature lists the paths it left out: verify leaves them out too.
    await writeFile(path.join(m, 'notes.txt'), 'edited after signing');
    expect((await action({ command: 'verify', model: m, key: pub })).code).toBe(0);
    // A file added since is refused, unless verify's own ignore-paths leave it out.
    await writeFile(path.join(m, 'scratch.tmp'), 'x');
    await mkdir(path.join(m, 'cache'));
    await writeFile(path.join(m, 'cache', 'kv.bin'), 'y');
    const strict = await action({ command: 'verify', model: m, key: pub });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('::error file=ignored/scratch.tmp,title=modelsign::scratch.tmp: file is not in the signature [FILE_UNEXPECTED]');
    expect(strict.stdout).toContain('::error file=ignored/cache/kv.bin,title=modelsign::cache/kv.bin: file is not in the signature [FILE_UNEXPECTED]');
    const ok = await action({ command: 'verify', model: m, key: pub, 'ignore-paths': 'scratch.tmp\ncache' });
    expect(ok.code, ok.stdout).toBe(0);
  });

  it('a signature left inside the model is left out of the signed content, with a warning', async () => {
    const m = await makeHfModel(path.join(ws, 'stray-sig'));
    const first = await action({ command: 'sign', model: m, key, version: '1.0.0', signature: 'first.sig' }, { MODELSIGN_PASSPHRASE: PASSPHRASE });
    expect(first.code, first.stdout).toBe(0);
    await copyFile(path.join(ws, 'first.sig'), path.join(m, 'old.sig'));
    const s = await action({ command: 'sign', model: m, key, version: '1.0.1' }, { MODELSIGN_PASSPHRASE: PASSPHRASE });
    expect(s.code, s.stdout).toBe(0);
    expect(s.stdout).toContain('::warning title=modelsign::left out old.sig: it is a signature (Sigstore bundle), not model content; recorded in ignore_paths');
    expect((await action({ command: 'verify', model: m, key: pub })).code).toBe(0);
  });

  it('a shard size that is not a positive whole number is refused before anything is read (exit 2)', async () => {
    for (const bad of ['1MB', '0', '-5', '1.5']) {
      const r = await action({ command: 'sign', model, key, version: '9.0.0', 'shard-size': bad }, { MODELSIGN_PASSPHRASE: PASSPHRASE });
      expect(r.code, bad).toBe(2);
      expect(r.stdout).toContain(`::error title=modelsign::input "shard-size" must be a positive whole number of bytes (got "${bad}") [BAD_INPUT]`);
    }
    const v = await action({ command: 'verify', model, key: pub, 'shard-size': '4096' });
    expect(v.code).toBe(2);
    expect(v.stdout).toContain('input "shard-size" is for command sign; verify does not use it [BAD_INPUT]');
  });

  it("the library's advice about a flag names the input instead", async () => {
    // Shards of one byte: a signature far over what verify reads, refused before hashing.
    const m = await makeHfModel(path.join(ws, 'tiny-shards'));
    const r = await action({ command: 'sign', model: m, key, version: '1.0.0', 'shard-size': '1' }, { MODELSIGN_PASSPHRASE: PASSPHRASE });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^::error title=modelsign::.*use a larger input "shard-size" \(e\.g\. input "shard-size" set to \d+\).*\[SIG_TOO_LARGE\]$/m);
    expect(r.stdout).not.toMatch(/--[a-z]/);
    expect(r.summary).toMatch(/\| Message \| .*use a larger input "shard-size"/);
  });
});

describe('inputs "min-version", "state" and "revoked"', () => {
  it('min-version refuses an older model (exit 1); a value that is no version is a usage error (exit 2)', async () => {
    const r = await action({ command: 'verify', model, key: pub, 'min-version': '2.0.0' });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ verified: 'false', 'root-digest': '' });
    expect(r.stdout).toMatch(/::error title=modelsign::.*2\.0\.0.*\[VERSION_BELOW_MINIMUM\]/);
    expect((await action({ command: 'verify', model, key: pub, 'min-version': '1.0.0' })).code).toBe(0);
    const bad = await action({ command: 'verify', model, key: pub, 'min-version': 'two' });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain('::error title=modelsign::input "min-version" must be a semantic version like 1.2.0 (got "two") [BAD_INPUT]');
  });

  it('state records the version verified and refuses a rollback to an older one (exit 1)', async () => {
    const older = await signed('llm-old', '1.0.0', 'acme/llm');
    const first = await action({ command: 'verify', model, key: pub, state: 'state.json' });
    expect(first.code, first.stdout).toBe(0);
    expect(await readFile(path.join(ws, 'state.json'), 'utf8')).toContain('1.1.0');
    const back = await action({ command: 'verify', model: older, key: pub, state: 'state.json' });
    expect(back.code).toBe(1);
    expect(back.stdout).toMatch(/::error title=modelsign::.*1\.1\.0.*\[VERSION_ROLLBACK\]/);
    await writeFile(path.join(ws, 'corrupt-state.json'), '{not json');
    const corrupt = await action({ command: 'verify', model, key: pub, state: 'corrupt-state.json' });
    expect(corrupt.code).toBe(1);
    expect(corrupt.stdout).toMatch(/::error file=corrupt-state\.json,title=modelsign::.*\[STATE_CORRUPT\]/);
  });

  it('revoked refuses a listed root digest (exit 1); a malformed list is a usage error on its file (exit 2)', async () => {
    await writeFile(path.join(ws, 'revoked.txt'), `# withdrawn\n${digest}\n`);
    const r = await action({ command: 'verify', model, key: pub, revoked: 'revoked.txt' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error title=modelsign::.*\[REVOKED\]/);
    await writeFile(path.join(ws, 'bad-revoked.txt'), 'not a digest\n');
    const bad = await action({ command: 'verify', model, key: pub, revoked: 'bad-revoked.txt' });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain('::error file=bad-revoked.txt,title=modelsign::revocation list bad-revoked.txt line 1 is not sha256:<64 hex> (got "not a digest") [BAD_REVOKED_LIST]');
    expect(bad.summary).toContain('### ❌ modelsign verify failed: usage error (exit 2)');
  });
});

describe('input "audit-log"', () => {
  it('appends each decision, verified or refused, to the hash-chained log', async () => {
    const ok = await action({ command: 'verify', model, key: pub, 'audit-log': 'audit.jsonl' });
    expect(ok.code, ok.stdout).toBe(0);
    const refused = await action({ command: 'verify', model, key: pub, 'audit-log': 'audit.jsonl', 'min-version': '5.0.0' });
    expect(refused.code).toBe(1);
    const lines = (await readFile(path.join(ws, 'audit.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.seq, l.result, l.rootDigest])).toEqual([
      [1, 'verified', digest],
      [2, 'refused', digest],
    ]);
    const check = await runCli(['audit', 'verify', path.join(ws, 'audit.jsonl')]);
    expect(check.code, check.stderr).toBe(0);
  });
});

describe('annotations and summaries of steps that cannot run', () => {
  it('a bad policy: the annotation is on the policy file, the summary says usage error and lists the inputs given (names only)', async () => {
    await writeFile(path.join(ws, 'policy.yaml'), 'apiVersion: modelsign/v1\ntrust: { keys: [keys/release.pub] }\nlicence: {}\n');
    const r = await action({ command: 'verify', model, policy: 'policy.yaml' });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^::error file=policy\.yaml,title=modelsign::.*\[POLICY_INVALID\]$/m);
    expect(r.summary).toContain('### ❌ modelsign verify failed: usage error (exit 2)');
    expect(r.summary).toContain('| Code | `POLICY_INVALID` |');
    expect(r.summary).toContain('| Inputs given | `command`, `model`, `policy` |');
  });

  it('a missing or unknown command still writes a summary', async () => {
    const none = await action({ model });
    expect(none.code).toBe(2);
    expect(none.summary).toContain('### ❌ modelsign (no command) failed: usage error (exit 2)');
    expect(none.summary).toContain('| Message | input "command" must be sign or verify (got "") |');
    const missing = await action({ command: 'verify', key: pub });
    expect(missing.code).toBe(2);
    expect(missing.summary).toContain('| Code | `MISSING_INPUT` |');
    expect(missing.summary).toContain('| Inputs given | `command`, `key` |');
  });

  it("a policy's advice names the input: a model whose lineage the policy requires", async () => {
    await writeFile(path.join(ws, 'lineage-policy.yaml'), 'apiVersion: modelsign/v1\ntrust: { keys: [keys/release.pub] }\nlineage: { require: true }\n');
    const r = await action({ command: 'verify', model, policy: 'lineage-policy.yaml' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('(give input "lineage") [POLICY_LINEAGE_REQUIRED]');
    expect(r.summary).toContain('(give input "lineage")');
    expect(r.stdout + r.summary).not.toMatch(/--lineage/);
  });

  it('an archive model: the annotation is on the archive, the member named in the message', async () => {
    const copy = path.join(ws, 'llm-copy');
    execFileSync('cp', ['-r', model, copy]);
    await writeFile(path.join(copy, 'config.json'), '{"changed": true}');
    execFileSync('tar', ['-C', copy, '-czf', path.join(ws, 'llm.tgz'), '--exclude=model.sig', '.']);
    const r = await action({ command: 'verify', model: 'llm.tgz', key: pub, signature: 'llm/model.sig' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::error file=llm.tgz,title=modelsign::config.json: file content does not match the signature [FILE_CHANGED]');
    // A missing signature: the annotation is on the signature file the input names.
    const nosig = await action({ command: 'verify', model: 'llm.tgz', key: pub, signature: 'none.sig' });
    expect(nosig.code).toBe(1);
    expect(nosig.stdout).toMatch(/^::error file=none\.sig,title=modelsign::.*\[SIG_MISSING\]$/m);
  });

  it('a model outside the workspace: annotations name no file', async () => {
    const outside = await makeHfModel(path.join(await tmpDir('modelsign-outside-'), 'm'));
    const s = await runCli(['sign', outside, '--key', key, '--version', '1.0.0'], { env: { MODELSIGN_PASSPHRASE: PASSPHRASE } });
    expect(s.code).toBe(0);
    await writeFile(path.join(outside, 'config.json'), '{}');
    const r = await action({ command: 'verify', model: outside, key: pub });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::error title=modelsign::config.json: file content does not match the signature [FILE_CHANGED]');
  });
});

/**
 * The GitHub Action, run the way the runner runs it: `node dist-action/index.mjs` (the
 * committed bundle action.yml names) with INPUT_* variables and GITHUB_OUTPUT /
 * GITHUB_STEP_SUMMARY files. Also checks the committed bundle is what the sources build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runActionIn, type ActionRun } from '../helpers/action.js';
import { ROOT, cleanupTmp, makeHfModel, runCli, tmpDir } from '../helpers/cli.js';

const PASSPHRASE = 'correct horse battery staple';

let work: string;
const runAction = (inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> => runActionIn(work, inputs, env);

let model: string;
let keyPrefix: string;

beforeAll(async () => {
  work = await tmpDir('modelsign-action-');
  // Two 9 MB shards: over the engine's inline limit, so the bundled worker threads run.
  model = await makeHfModel(path.join(work, 'model'), { shardBytes: 9 * 1024 * 1024 });
  keyPrefix = path.join(work, 'release');
  const k = await runCli(['keygen', '--out', keyPrefix], { env: { MODELSIGN_PASSPHRASE: PASSPHRASE } });
  expect(k.code, k.stderr).toBe(0);
});
afterAll(cleanupTmp);

describe('action.yml', () => {
  it('runs node24 from the committed bundle and declares exactly these inputs and outputs', async () => {
    const a = parseYaml(await readFile(path.join(ROOT, 'action.yml'), 'utf8')) as { runs: { using: string; main: string }; inputs: object; outputs: object };
    expect(a.runs).toEqual({ using: 'node24', main: 'dist-action/index.mjs' });
    expect(Object.keys(a.inputs)).toEqual(['command', 'model', 'signature', 'key', 'passphrase', 'keyless', 'identity', 'identity-regexp', 'identity-provider', 'certificate-chain', 'policy', 'purpose', 'name', 'version', 'license', 'parent', 'lineage', 'ignore-paths', 'shard-size', 'min-version', 'revoked', 'state', 'audit-log']);
    expect(Object.keys(a.outputs)).toEqual(['verified', 'root-digest', 'signature']);
    const tracked = execFileSync('git', ['ls-files', 'dist-action'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').sort();
    expect(tracked).toEqual(['dist-action/index.mjs', 'dist-action/package.json', 'dist-action/worker.js']);
  });

  it('the committed bundle is up to date with the sources (run `npm run build:action`)', async () => {
    const out = await tmpDir('modelsign-action-build-');
    // @ts-expect-error plain JS build script
    const { buildAction } = (await import('../../scripts/build-action.mjs')) as { buildAction: (dir: string) => Promise<string> };
    await buildAction(out);
    for (const f of ['index.mjs', 'worker.js', 'package.json']) {
      const fresh = await readFile(path.join(out, f), 'utf8');
      const committed = await readFile(path.join(ROOT, 'dist-action', f), 'utf8');
      expect(committed === fresh, `dist-action/${f} is stale: run npm run build:action and commit it`).toBe(true);
    }
  });
});

describe('the action as the runner runs it', () => {
  let signedDigest: string;

  it('sign: writes the signature, outputs and summary; the passphrase is masked', async () => {
    const r = await runAction(
      { command: 'sign', model, key: `${keyPrefix}.key`, version: '1.4.0', name: 'acme/llm', license: 'apache-2.0' },
      { MODELSIGN_PASSPHRASE: PASSPHRASE },
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`::add-mask::${PASSPHRASE}`);
    expect(r.stdout.split(PASSPHRASE)).toHaveLength(2); // only inside the mask command
    const d = await runCli(['digest', model]);
    signedDigest = d.stdout.trim();
    expect(r.outputs).toEqual({ 'root-digest': signedDigest, signature: path.join(model, 'model.sig') });
    expect(existsSync(path.join(model, 'model.sig'))).toBe(true);
    expect(r.summary).toContain('### ✍️ modelsign sign: acme/llm@1.4.0 signed');
    expect(r.summary).toContain(`| Root digest | \`${signedDigest}\` |`);
    expect(r.summary).toContain('| License | apache-2.0 |');
    expect(r.summary).toMatch(/\| Signer \| key [0-9a-f]{64} \|/);
  });

  it('verify: verified=true, root digest and a summary table', async () => {
    const r = await runAction({ command: 'verify', model, key: `${keyPrefix}.pub` });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs).toEqual({ verified: 'true', 'root-digest': signedDigest, signature: path.join(model, 'model.sig') });
    expect(r.summary).toContain('### ✅ modelsign verify: acme/llm@1.4.0 verified');
    expect(r.summary).toContain('| Files checked | 8 (');
    expect(r.stdout).not.toContain('::error');
  });

  it('verify an archive of the model with the directory signature, key given as inline PEM', async () => {
    const arc = path.join(work, 'model.tgz');
    execFileSync('tar', ['-C', model, '-czf', arc, '.']);
    const pem = await readFile(`${keyPrefix}.pub`, 'utf8');
    const r = await runAction({ command: 'verify', model: arc, key: pem, signature: path.join(model, 'model.sig') });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.verified).toBe('true');
    expect(r.outputs['root-digest']).toBe(signedDigest);
  });

  it('verify a tampered model: the step fails, verified=false, failures in annotations and summary', async () => {
    const tampered = await makeHfModel(path.join(work, 'tampered'));
    const s = await runCli(['sign', tampered, '--key', `${keyPrefix}.key`, '--version', '1.0.0'], { env: { MODELSIGN_PASSPHRASE: PASSPHRASE } });
    expect(s.code, s.stderr).toBe(0);
    await writeFile(path.join(tampered, 'config.json'), '{"hidden_size": 4096}');
    await writeFile(path.join(tampered, 'extra.bin'), 'x');
    const r = await runAction({ command: 'verify', model: tampered, key: `${keyPrefix}.pub` });
    expect(r.code).toBe(1);
    expect(r.outputs.verified).toBe('false');
    // Each annotation is attached to its file, named relative to the workspace.
    expect(r.stdout).toContain('::error file=tampered/config.json,title=modelsign::config.json: file content does not match the signature [FILE_CHANGED]');
    expect(r.stdout).toContain('::error file=tampered/extra.bin,title=modelsign::extra.bin: file is not in the signature [FILE_UNEXPECTED]');
    // A refused model has no root digest of its own: the output is empty, the summary says "claimed".
    expect(r.outputs['root-digest']).toBe('');
    expect(r.summary).toMatch(/\| Root digest \(claimed by the signature, not verified\) \| `sha256:[0-9a-f]{64}` \|/);
    expect(r.summary).toContain('### ❌ modelsign verify: tampered@1.0.0 must not be used');
    expect(r.summary).toContain('| `FILE_CHANGED` | config.json | file content does not match the signature |');
    expect(r.summary).toContain('| `FILE_UNEXPECTED` | extra.bin | file is not in the signature |');
  });

  it('sign with an inline PEM private key (a secret): each key line is masked', async () => {
    const dir = await makeHfModel(path.join(work, 'inline'));
    const pem = await readFile(`${keyPrefix}.key`, 'utf8');
    const r = await runAction({ command: 'sign', model: dir, key: pem, version: '0.1.0' }, { MODELSIGN_PASSPHRASE: PASSPHRASE });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    for (const line of pem.trim().split('\n')) expect(r.stdout).toContain(`::add-mask::${line}`);
    const v = await runCli(['verify', dir, '--key', `${keyPrefix}.pub`]);
    expect(v.code, v.stderr).toBe(0);
  });

  it('wrong or missing passphrase: the step fails with a one-line error (exit 2)', async () => {
    const wrong = await runAction({ command: 'sign', model, key: `${keyPrefix}.key`, version: '1.5.0' }, { MODELSIGN_PASSPHRASE: 'nope' });
    expect(wrong.code).toBe(2);
    // The annotation is on the key file the input names.
    expect(wrong.stdout).toContain(`::error file=release.key,title=modelsign::wrong passphrase for ${keyPrefix}.key [BAD_PASSPHRASE]`);
    expect(wrong.summary).toContain('### ❌ modelsign sign failed: usage error (exit 2)');
    const missing = await runAction({ command: 'sign', model, key: `${keyPrefix}.key`, version: '1.5.0' });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain(
      `::error file=release.key,title=modelsign::no passphrase for ${keyPrefix}.key: set input "passphrase" (from a secret) or the MODELSIGN_PASSPHRASE environment variable [NO_PASSPHRASE]`,
    );
  });

  it('bad inputs fail the step with exit 2', async () => {
    const a = await runAction({ command: 'publish', model });
    expect(a.code).toBe(2);
    expect(a.stdout).toContain('::error title=modelsign::input "command" must be sign or verify (got "publish") [BAD_INPUT]');
    const b = await runAction({ command: 'verify', model: '' , key: `${keyPrefix}.pub` });
    expect(b.code).toBe(2);
    expect(b.outputs.verified).toBe('false');
    const c = await runAction({ command: 'verify', model });
    expect(c.code).toBe(2);
    expect(c.stdout).toContain('[MISSING_INPUT]');
    const d = await runAction({ command: 'verify', model, keyless: 'true' });
    expect(d.code).toBe(2);
    expect(d.stdout).toContain('needs the signer\'s identity');
    const e = await runAction({ command: 'sign', model, key: `${keyPrefix}.key` });
    expect(e.code).toBe(2);
    expect(e.stdout).toContain('sign needs input "version"');
  });

  it('an input the command does not use fails the step (exit 2) instead of being ignored', async () => {
    // A verify step given `version` may believe it enforces a version; it would not.
    const v = await runAction({ command: 'verify', model, key: `${keyPrefix}.pub`, version: '9.9.9' });
    expect(v.code).toBe(2);
    expect(v.outputs.verified).toBe('false');
    expect(v.stdout).toContain('::error title=modelsign::input "version" is for command sign; verify does not use it [BAD_INPUT]');
    const s = await runAction({ command: 'sign', model, key: `${keyPrefix}.key`, version: '1.0.0', policy: 'policy.yaml' }, { MODELSIGN_PASSPHRASE: PASSPHRASE });
    expect(s.code).toBe(2);
    expect(s.stdout).toContain('input "policy" is for command verify; sign does not use it [BAD_INPUT]');
  });

  it('policy and purpose inputs: a llama3 model may deploy but not retrain', async () => {
    const m = path.join(work, 'llama-ft');
    await makeHfModel(m);
    const s = await runAction({ command: 'sign', model: m, key: `${keyPrefix}.key`, version: '1.0.0', license: 'llama3' }, { MODELSIGN_PASSPHRASE: PASSPHRASE });
    expect(s.code, s.stdout).toBe(0);
    const policy = path.join(work, 'policy.yaml');
    await writeFile(policy, `apiVersion: modelsign/v1\ntrust:\n  keys: [${keyPrefix}.pub]\nlicense:\n  deploy: { allow: [llama3] }\n  retrain: { allow: [apache-2.0], deny: [llama3] }\n`);
    const deploy = await runAction({ command: 'verify', model: m, policy });
    expect(deploy.code, deploy.stdout).toBe(0);
    expect(deploy.outputs.verified).toBe('true');
    const retrain = await runAction({ command: 'verify', model: m, policy, purpose: 'retrain' });
    expect(retrain.code).toBe(1);
    expect(retrain.outputs.verified).toBe('false');
    expect(retrain.summary).toContain('llama3');
    expect(retrain.stdout).toMatch(/::error title=modelsign::.*llama3/);
  });

  it("sign's warnings are workflow warnings, escaped: a % in the message cannot start another command", async () => {
    const m = path.join(work, 'warned');
    await makeHfModel(m);
    const s = await runAction(
      { command: 'sign', model: m, key: `${keyPrefix}.key`, version: '1.0.0', license: 'my%license', lineage: path.join(work, 'store-warn') },
      { MODELSIGN_PASSPHRASE: PASSPHRASE },
    );
    expect(s.code, s.stdout).toBe(0);
    // Worded in the Action's terms: the input, not the CLI flag.
    expect(s.stdout).toMatch(/^::warning title=modelsign::input "license" "my%25license" is neither a known license id nor a valid SPDX expression/m);
  });

  it('parent and lineage inputs: sign a fine-tune into a store, verify it walks the chain', async () => {
    const store = path.join(work, 'store');
    const base = path.join(work, 'base');
    await makeHfModel(base);
    const b = await runAction({ command: 'sign', model: base, key: `${keyPrefix}.key`, version: '1.0.0', name: 'acme/base', lineage: store }, { MODELSIGN_PASSPHRASE: PASSPHRASE });
    expect(b.code, b.stdout).toBe(0);
    const ft = path.join(work, 'ft');
    await makeHfModel(ft);
    await writeFile(path.join(ft, 'adapter.bin'), 'lora');
    const f = await runAction(
      { command: 'sign', model: ft, key: `${keyPrefix}.key`, version: '1.0.0', name: 'acme/ft', parent: path.join(base, 'model.sig'), lineage: store },
      { MODELSIGN_PASSPHRASE: PASSPHRASE },
    );
    expect(f.code, f.stdout).toBe(0);
    const baseDigest = (await runCli(['digest', base])).stdout.trim();
    expect(f.summary).toContain(`#### Lineage\n\n| Parent | Relation | Root digest |\n| --- | --- | --- |\n| acme/base@1.0.0 | finetune | \`${baseDigest}\` |\n`);
    const v = await runAction({ command: 'verify', model: ft, key: `${keyPrefix}.pub`, lineage: store });
    expect(v.code, v.stdout).toBe(0);
    // The verified ancestry is in the summary: each ancestor, what it is the parent of, its signer.
    const signer = /\| Signer \| (.+) \|\n/.exec(v.summary)![1]!;
    expect(v.summary).toContain(
      `#### Lineage\n\n| Depth | Ancestor | Relation | Parent of | License | Root digest | Signer | Result |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n| 1 | acme/base@1.0.0 | finetune | acme/ft@1.0.0 | - | \`${baseDigest}\` | ${signer} | verified |\n`,
    );
    expect(v.stdout).toContain('(9 files, 1 ancestor(s))');
    // Without the store, the step says which input would check the ancestry; no lineage section.
    const unchecked = await runAction({ command: 'verify', model: ft, key: `${keyPrefix}.pub` });
    expect(unchecked.code, unchecked.stdout).toBe(0);
    expect(unchecked.stdout).toContain('modelsign: note: this model links 1 parent model(s); set input "lineage" to verify its ancestry');
    expect(unchecked.summary).not.toContain('#### Lineage');
    // The ancestor's bundle removed from the store: the chain is broken.
    const { readdir, rm } = await import('node:fs/promises');
    for (const e of await readdir(store)) if (e.startsWith('acme_base') || e.startsWith('acme/base') || e.includes('base@')) await rm(path.join(store, e));
    const broken = await runAction({ command: 'verify', model: ft, key: `${keyPrefix}.pub`, lineage: store });
    expect(broken.code).toBe(1);
    expect(broken.outputs.verified).toBe('false');
    expect(broken.outputs['root-digest']).toBe('');
    expect(broken.stdout).toMatch(/::error title=modelsign::.*\[LINEAGE_MISSING\]/);
    expect(broken.summary).toContain('#### Lineage');
  });
});

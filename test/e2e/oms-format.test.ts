/**
 * Our bundles are OMS v1.0 exactly: they validate against the OMS JSON schemas (read in place
 * from ../shared) and an independent checker (stdlib Python + openssl) accepts the ECDSA and
 * Ed25519 signatures, PAE, DER encoding and root digest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { cleanupTmp, HAS_SHARED, keypair, makeHfModel, ROOT, runCli, SHARED, tmpDir } from '../helpers/cli.js';

afterAll(cleanupTmp);

async function loadValidator() {
  const dir = path.join(SHARED, 'oms-spec-schemas');
  const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors: true });
  for (const f of await readdir(dir)) ajv.addSchema(JSON.parse(await readFile(path.join(dir, f), 'utf8')));
  const bundle = ajv.getSchema('https://model_signing/bundle/v1.0/schema')!;
  const statement = ajv.getSchema('https://model_signing/statement/v1.0/schema')!;
  return { bundle, statement };
}

describe.skipIf(!HAS_SHARED)('OMS schemas', () => {
  let model: string;
  let dir: string;
  beforeAll(async () => {
    dir = await tmpDir();
    model = await makeHfModel(path.join(dir, 'model'));
  });

  it.each(['ed25519', 'ecdsa-p256', 'ecdsa-p384'])('a %s bundle and its statement validate', async (type) => {
    const k = await keypair(dir, type);
    const sig = path.join(dir, `${type}.sig`);
    expect((await runCli(['sign', model, '--key', k.key, '--version', '2.0.0', '--license', 'mit', '--signature', sig])).code).toBe(0);
    const { bundle, statement } = await loadValidator();
    const b = JSON.parse(await readFile(sig, 'utf8'));
    expect(bundle(b), JSON.stringify(bundle.errors)).toBe(true);
    const st = JSON.parse(Buffer.from(b.dsseEnvelope.payload, 'base64').toString());
    expect(statement(st), JSON.stringify(statement.errors)).toBe(true);
    expect(Object.keys(st.predicate).sort()).toEqual(['resources', 'serialization']);
    expect(b.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    expect(b.dsseEnvelope.payloadType).toBe('application/vnd.in-toto+json');
  });

  it('the validator is not a rubber stamp: a bundle with an extra predicate field fails it', async () => {
    const k = await keypair(dir, 'ed25519', 'neg');
    const sig = path.join(dir, 'neg.sig');
    expect((await runCli(['sign', model, '--key', k.key, '--version', '1.0.0', '--signature', sig])).code).toBe(0);
    const { statement } = await loadValidator();
    const b = JSON.parse(await readFile(sig, 'utf8'));
    const st = JSON.parse(Buffer.from(b.dsseEnvelope.payload, 'base64').toString());
    st.predicate.extra = 1;
    expect(statement(st)).toBe(false);
  });
});

describe('independent OMS check (python stdlib + openssl)', () => {
  it.each(['ecdsa-p256', 'ecdsa-p384', 'ed25519'])('accepts our %s signature and rejects a tampered file', async (type) => {
    const dir = await tmpDir();
    const model = await makeHfModel(path.join(dir, 'model'));
    const k = await keypair(dir, type);
    expect((await runCli(['sign', model, '--key', k.key, '--version', '1.0.0'])).code).toBe(0);
    const check = (m: string) => spawnSync('python3', [path.join(ROOT, 'test/helpers/oms_check.py'), path.join(model, 'model.sig'), k.pub, m], { encoding: 'utf8' });
    const ok = check(model);
    expect(ok.stdout + ok.stderr).toContain('OK');
    expect(ok.status).toBe(0);
    await writeFile(path.join(model, 'config.json'), '{"changed":true}');
    const bad = check(model);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('FAIL: digest of config.json');
  });
});

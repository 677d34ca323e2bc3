/**
 * The lineage record stays inside the OMS schemas: a bundle signed with parents and datasets
 * validates against the OMS v1.0 bundle, envelope, statement and predicate schemas (read in
 * place from the shared interop corpus), and its lineage annotation against
 * manifests/lineage.schema.json, which in turn refuses malformed records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { spawnSync } from 'node:child_process';
import { ROOT, SHARED, cleanupTmp, keypair, runCli, tmpDir, type Json } from '../helpers/cli.js';

const HAS_PYTHON = spawnSync('python3', ['--version']).status === 0 && spawnSync('openssl', ['version']).status === 0;
if (process.env.TEST_REQUIRE_PYTHON === '1' && !HAS_PYTHON) throw new Error('python3 and openssl are required for the independent OMS check (TEST_REQUIRE_PYTHON=1)');

// The corpus beside the checkout (TEST_REQUIRE_CORPUS makes its absence an error). Read in place only.
const SHARED_DIR = [SHARED].find((d) => existsSync(path.join(d, 'oms-spec-schemas')));
const SCHEMAS = path.join(SHARED_DIR ?? SHARED, 'oms-spec-schemas');

let bundle: Json;
let statement: Json;
let ftDir: string;
let pubKey: string;

beforeAll(async () => {
  const dir = await tmpDir('modelsign-lineage-schema-');
  const k = await keypair(dir, 'ecdsa-p256');
  pubKey = k.pub;
  const base = path.join(dir, 'base');
  const ft = path.join(dir, 'ft');
  await mkdir(base);
  await mkdir(ft);
  await writeFile(path.join(base, 'w.bin'), 'base weights');
  await writeFile(path.join(ft, 'w.bin'), 'fine-tuned weights');
  const a = await runCli(['sign', base, '--key', k.key, '--version', '1.0.0', '--license', 'apache-2.0']);
  expect(a.code, a.stderr).toBe(0);
  const b = await runCli(['sign', ft, '--key', k.key, '--version', '2.0.0', '--parent', path.join(base, 'model.sig'), '--relation', 'adapter', '--dataset', 's3://bucket/data.parquet', '--dataset', `hf://datasets/x=sha256:${'0f'.repeat(32)}`]);
  expect(b.code, b.stderr).toBe(0);
  ftDir = ft;
  bundle = JSON.parse(await readFile(path.join(ft, 'model.sig'), 'utf8'));
  statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8'));
});

afterAll(cleanupTmp);

async function schema(file: string): Promise<Json> {
  return JSON.parse(await readFile(file, 'utf8'));
}

describe('lineage metadata and the OMS schemas', () => {
  it.skipIf(SHARED_DIR === undefined)('a bundle with lineage validates against the OMS v1.0 schemas', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    for (const f of ['predicate', 'envelope', 'statement', 'bundle']) ajv.addSchema(await schema(path.join(SCHEMAS, `${f}.schema.json`)));
    const vBundle = ajv.getSchema('https://model_signing/bundle/v1.0/schema')!;
    const vStatement = ajv.getSchema('https://model_signing/statement/v1.0/schema')!;
    expect(vBundle(bundle), JSON.stringify(vBundle.errors)).toBe(true);
    expect(vStatement(statement), JSON.stringify(vStatement.errors)).toBe(true);
    expect(statement.subject[0].annotations.modelsign.lineage.parents).toHaveLength(1);
    // The schemas are not vacuous: a statement with a second subject is refused.
    expect(vStatement({ ...statement, subject: [statement.subject[0], statement.subject[0]] })).toBe(false);
  });

  it.skipIf(!HAS_PYTHON)('an independent OMS check (test/helpers/oms_check.py) accepts the bundle with lineage', () => {
    const r = spawnSync('python3', [path.join(ROOT, 'test', 'helpers', 'oms_check.py'), path.join(ftDir, 'model.sig'), pubKey, ftDir], { encoding: 'utf8' });
    expect(r.stdout.trim(), r.stderr).toBe('OK');
    expect(r.status).toBe(0);
  });

  it('the lineage annotation validates against manifests/lineage.schema.json, and malformed ones do not', async () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    const validate = ajv.compile(await schema(path.join(ROOT, 'manifests', 'lineage.schema.json')));
    const lineage = statement.subject[0].annotations.modelsign.lineage;
    expect(validate(lineage), JSON.stringify(validate.errors)).toBe(true);
    expect(lineage).toEqual({
      parents: [{ name: 'base', version: '1.0.0', rootDigest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), bundleDigest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), relation: 'adapter' }],
      datasets: [{ uri: 's3://bucket/data.parquet' }, { uri: 'hf://datasets/x', digest: `sha256:${'0f'.repeat(32)}` }],
    });
    const p = lineage.parents[0];
    const bad = [
      { parents: [{ ...p, relation: 'copy' }] },
      { parents: [{ ...p, rootDigest: p.rootDigest.slice(7) }] },
      { parents: [{ ...p, version: 'v1' }] },
      { parents: [{ ...p, extra: 1 }] },
      { parents: [{ name: p.name, version: p.version, rootDigest: p.rootDigest, relation: p.relation }] },
      { datasets: [] },
      { parents: [], datasets: [{ digest: p.rootDigest }] },
    ];
    for (const b of bad) expect(validate(b), JSON.stringify(b)).toBe(false);
  });
});

/**
 * Every signing method model_signing has, with and without an RFC 3161 timestamp, in both
 * serializations: key (P-256, P-384, P-521), certificate, PKCS #11 key and PKCS #11 key with
 * a certificate. Each bundle must pass the OMS JSON schemas, the independent check in
 * test/helpers/oms_check.py (Python stdlib + openssl: signature, certificate chain, timestamp,
 * every resource and the root digest), and modelsign's own verify.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash, createPrivateKey } from 'node:crypto';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { bytes, cleanupTmp, HAS_SHARED, ROOT, runCli, SHARED, tmpDir } from '../helpers/cli.js';
import { bundleFor, statementText } from '../helpers/oms-bundle.js';
import { issue, makeCa, type Issued } from '../helpers/pki.js';
import { HAS_SOFTHSM, makeToken, SOFTHSM_MISSING, type SoftToken } from '../helpers/softhsm.js';
import { startTsa, type TestTsa } from '../helpers/tsa.js';

const PIN = '482913';
type Method = 'key-p256' | 'key-p384' | 'key-p521' | 'certificate' | 'pkcs11-key' | 'pkcs11-certificate';
const METHODS: Method[] = ['key-p256', 'key-p384', 'key-p521', 'certificate', 'pkcs11-key', 'pkcs11-certificate'];

let dir: string;
let model: string;
let tsa: TestTsa;
let tsaRoot: string;
let tsaChain: string;
let ca: { root: Issued; int: Issued };
const keys: Partial<Record<Method, Issued>> = {};
let token: SoftToken | undefined;
let validate: { bundle: (b: unknown) => boolean; statement: (s: unknown) => boolean; errors: () => unknown };

beforeAll(async () => {
  dir = await tmpDir();
  model = path.join(dir, 'model');
  await mkdir(path.join(model, 'tokenizer'), { recursive: true });
  await writeFile(path.join(model, 'model.safetensors'), bytes(70_000, 11));
  await writeFile(path.join(model, 'config.json'), '{"hidden_size":64}');
  await writeFile(path.join(model, 'tokenizer', 'vocab.txt'), 'a\nb\n');
  await writeFile(path.join(model, 'empty.txt'), '');
  tsa = await startTsa();
  tsaRoot = path.join(dir, 'tsa-root.pem');
  tsaChain = path.join(dir, 'tsa-chain.pem');
  await writeFile(tsaRoot, tsa.rootPem);
  await writeFile(tsaChain, tsa.chainPem);
  ca = await makeCa(dir);
  keys['key-p256'] = await issue(dir, 'p256', { issuer: ca.int, curve: 'P-256' });
  keys['key-p384'] = await issue(dir, 'p384', { issuer: ca.int, curve: 'P-384' });
  keys['key-p521'] = await issue(dir, 'p521', { issuer: ca.int, curve: 'P-521' });
  keys.certificate = await issue(dir, 'cert-signer', { issuer: ca.int, curve: 'P-384' });
  if (HAS_SOFTHSM) {
    token = await makeToken(path.join(dir, 'hsm'), { label: 'models', pin: PIN, keys: [{ label: 'release', id: '0a', curve: 'P-256' }] });
    keys['pkcs11-key'] = { cert: '', key: '', pub: token.pub.release! };
    keys['pkcs11-certificate'] = await issue(dir, 'hsm-signer', { issuer: ca.int, key: token.priv.release! });
  }
  if (HAS_SHARED) {
    const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors: true });
    const schemas = path.join(SHARED, 'oms-spec-schemas');
    for (const f of await readdir(schemas)) ajv.addSchema(JSON.parse(await readFile(path.join(schemas, f), 'utf8')));
    const b = ajv.getSchema('https://model_signing/bundle/v1.0/schema')!;
    const s = ajv.getSchema('https://model_signing/statement/v1.0/schema')!;
    validate = { bundle: (x) => b(x) as boolean, statement: (x) => s(x) as boolean, errors: () => [b.errors, s.errors] };
  }
});
afterAll(async () => {
  await tsa?.close();
  await cleanupTmp();
});

function signArgs(m: Method): string[] {
  const k = keys[m]!;
  const hsm = `pkcs11:token=models;object=release?module-path=${token?.module}`;
  switch (m) {
    case 'certificate':
      return ['--key', k.key, '--signing-certificate', k.cert, '--certificate-chain', ca.int.cert];
    case 'pkcs11-key':
      return ['--key', hsm];
    case 'pkcs11-certificate':
      return ['--key', hsm, '--signing-certificate', k.cert, '--certificate-chain', ca.int.cert];
    default:
      return ['--key', k.key];
  }
}

const certificateMethod = (m: Method) => m === 'certificate' || m === 'pkcs11-certificate';

const combos = METHODS.flatMap((m) => (['files', 'shards'] as const).flatMap((ser) => [false, true].map((stamped) => ({ m, ser, stamped }))));

describe.each(combos)('$m, $ser, timestamp: $stamped', ({ m, ser, stamped }) => {
  const needsToken = m.startsWith('pkcs11');
  it.skipIf(needsToken && !HAS_SOFTHSM)(`signs a bundle that the schemas, the independent check and verify accept${needsToken && !HAS_SOFTHSM ? ` (skipped: ${SOFTHSM_MISSING})` : ''}`, async () => {
    const sig = path.join(dir, `${m}-${ser}-${stamped}.sig`);
    const s = await runCli(
      ['sign', model, ...signArgs(m), '--version', '1.0.0', '--signature', sig, '--ignore-paths', 'model.sig', ...(ser === 'shards' ? ['--shard-size', '16384'] : []), ...(stamped ? ['--tsa-url', tsa.url] : [])],
      { env: { ...(token?.env ?? {}), MODELSIGN_PKCS11_PIN: PIN } },
    );
    expect(s.stderr).toBe('');
    expect(s.code).toBe(0);
    const bundle = JSON.parse(await readFile(sig, 'utf8'));
    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString());
    expect(Object.keys(bundle.verificationMaterial).sort()).toEqual([certificateMethod(m) ? 'x509CertificateChain' : 'publicKey', ...(stamped ? ['timestampVerificationData'] : []), 'tlogEntries'].sort());
    expect(statement.predicate.serialization.method).toBe(ser);
    if (HAS_SHARED) {
      expect(validate.bundle(bundle), JSON.stringify(validate.errors())).toBe(true);
      expect(validate.statement(statement), JSON.stringify(validate.errors())).toBe(true);
    }

    const trust = certificateMethod(m) ? ['--ca', ca.root.cert] : [keys[m]!.pub];
    const check = spawnSync('python3', [path.join(ROOT, 'test/helpers/oms_check.py'), sig, ...trust, model, ...(stamped ? ['--tsa', tsaRoot] : [])], { encoding: 'utf8' });
    expect(check.stdout + check.stderr).toBe('OK\n');
    expect(check.status).toBe(0);

    const verifyTrust = certificateMethod(m) ? ['--certificate-chain', ca.root.cert] : ['--key', keys[m]!.pub];
    const v = await runCli(['verify', model, '--signature', sig, ...verifyTrust, ...(stamped ? ['--timestamp-authority', tsaChain] : []), '--json']);
    expect(v.code, v.stdout).toBe(0);
    expect(JSON.parse(v.stdout).signerInfo.signedAt !== undefined).toBe(stamped);
  });
});

describe('the independent check is not a rubber stamp', () => {
  const checker = (sig: string, args: string[], m = model) => spawnSync('python3', [path.join(ROOT, 'test/helpers/oms_check.py'), sig, ...args, m], { encoding: 'utf8' }).stdout;

  it('refuses another root CA, a missing timestamp and a changed file', async () => {
    const sig = path.join(dir, 'neg.sig');
    const s = await runCli(['sign', model, ...signArgs('certificate'), '--version', '1.0.0', '--signature', sig, '--ignore-paths', 'model.sig', '--shard-size', '16384']);
    expect(s.code, s.stderr).toBe(0);
    expect(checker(sig, ['--ca', ca.root.cert])).toBe('OK\n');
    const other = await makeCa(path.join(dir, 'neg-other'));
    expect(checker(sig, ['--ca', other.root.cert])).toMatch(/^FAIL: certificate chain/);
    expect(checker(sig, ['--ca', ca.root.cert, '--tsa', tsaRoot])).toBe('FAIL: no RFC 3161 timestamp in the bundle\n');
    const copy = path.join(dir, 'neg-model');
    await cp(model, copy, { recursive: true });
    await writeFile(path.join(copy, 'config.json'), '{"hidden_size":65}');
    expect(checker(sig, ['--ca', ca.root.cert], copy)).toBe('FAIL: digest of config.json:0:18\n');
  });

  it('refuses a correctly signed shards statement that lists an empty file (§6.3.2)', async () => {
    const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
    const w = await readFile(path.join(model, 'model.safetensors'));
    const resources = [
      { name: 'config.json:0:18', digest: sha('{"hidden_size":64}'), algorithm: 'sha256' },
      { name: 'empty.txt:0:0', digest: sha(''), algorithm: 'sha256' },
      ...[0, 16384, 32768, 49152, 65536].map((st) => ({ name: `model.safetensors:${st}:${Math.min(st + 16384, w.length)}`, digest: sha(w.subarray(st, st + 16384)), algorithm: 'sha256' })),
      { name: 'tokenizer/vocab.txt:0:4', digest: sha('a\nb\n'), algorithm: 'sha256' },
    ];
    const payload = Buffer.from(statementText({ name: 'model', resources, serializationJson: '{"method": "shards", "hash_type": "sha256", "allow_symlinks": false, "shard_size": 16384, "ignore_paths": []}' }));
    const sig = path.join(dir, 'empty-shard.sig');
    await writeFile(sig, JSON.stringify(bundleFor({ payload, key: createPrivateKey(await readFile(keys['key-p256']!.key)), material: 'hint' })));
    expect(checker(sig, [keys['key-p256']!.pub])).toBe('FAIL: empty shard empty.txt:0:0 (zero-byte files are omitted: §6.3.2)\n');
    resources.splice(1, 1);
    const fixed = Buffer.from(statementText({ name: 'model', resources, serializationJson: '{"method": "shards", "hash_type": "sha256", "allow_symlinks": false, "shard_size": 16384, "ignore_paths": []}' }));
    await writeFile(sig, JSON.stringify(bundleFor({ payload: fixed, key: createPrivateKey(await readFile(keys['key-p256']!.key)), material: 'hint' })));
    expect(checker(sig, [keys['key-p256']!.pub])).toBe('OK\n');
  });
});

/**
 * The library verifier: createVerifier(spec).verify(model) does everything `modelsign verify`
 * does (trust, stages, anti-rollback record, audit log), so a library caller gets the same
 * decision as the CLI and the Action.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keySigner, signModel } from '../../src/index.js';
import { checkStage, checkStageOrder } from '../../src/verify/stage.js';
import { combineFormats, createVerifier, verifyOnce } from '../../src/verify/verifier.js';
import { cleanupTmp, tmpDir } from '../helpers/cli.js';

afterAll(cleanupTmp);

const { privateKey, publicKey } = generateKeyPairSync('ed25519');

async function signed(version = '1.0.0', name = 'acme/m'): Promise<string> {
  const d = await tmpDir();
  await writeFile(path.join(d, 'weights.bin'), `weights ${version}`);
  await signModel({ model: d, version, name, license: 'mit', signer: keySigner(privateKey, publicKey) });
  return d;
}

const trust = { publicKeys: [{ key: publicKey, label: 'test key' }] };

describe('stage order', () => {
  it('a stage that reads a report produced by a later stage is refused', () => {
    const lineage = checkStage('lineage', async () => [], { produces: 'lineage' });
    const policy = checkStage('policy', async () => [], { reads: ['lineage'], produces: 'policy' });
    expect(() => checkStageOrder([lineage, policy])).not.toThrow();
    expect(() => checkStageOrder([policy, lineage])).toThrow('stage policy reads the lineage report, but lineage runs after it');
    expect(() => checkStageOrder([lineage, lineage])).toThrow('stages lineage and lineage both produce the lineage report');
  });
});

describe('createVerifier', () => {
  it('records the verified version in the state file, and refuses a later rollback', async () => {
    const dir = await tmpDir();
    const stateFile = path.join(dir, 'state.json');
    const v = await createVerifier({ trust, lineage: { stateFile } });
    const newer = await v.verify(await signed('2.0.0'));
    expect(newer.failures).toEqual([]);
    expect(JSON.parse(await readFile(stateFile, 'utf8')).models['acme/m'].version).toBe('2.0.0');
    const older = await v.verify(await signed('1.0.0'));
    expect(older.verified).toBe(false);
    expect(older.failures.map((f) => f.code)).toEqual(['VERSION_ROLLBACK']);
  });

  it('appends every decision to the audit log, errors included', async () => {
    const dir = await tmpDir();
    const auditLog = path.join(dir, 'audit.jsonl');
    const model = await signed();
    expect((await verifyOnce({ trust, auditLog }, model)).verified).toBe(true);
    await expect(verifyOnce({ trust: { keys: [path.join(dir, 'missing.pub')] }, auditLog }, model)).rejects.toMatchObject({ kind: 'usage' });
    const lines = (await readFile(auditLog, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.result)).toEqual(['verified', 'error']);
  });

  it('refuses trust given twice (the spec and the policy trust section) unless a precedence is stated', async () => {
    const dir = await tmpDir();
    const pub = path.join(dir, 'k.pub');
    await writeFile(pub, publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const policy = path.join(dir, 'p.yaml');
    await writeFile(policy, 'apiVersion: modelsign/v1\ntrust:\n  keys: [k.pub]\n');
    await expect(createVerifier({ trust: { keys: [pub] }, policy: { file: policy } })).rejects.toMatchObject({ code: 'TRUST_CONFLICT', kind: 'usage' });
    const model = await signed();
    expect((await (await createVerifier({ trust: { keys: [pub] }, policy: { file: policy }, trustPrecedence: 'policy' })).verify(model)).verified).toBe(true);
    expect((await (await createVerifier({ policy: { file: policy } })).verify(model)).verified).toBe(true);
  });

  it('refuses a set-up that trusts nobody (NO_TRUST, a usage error)', async () => {
    await expect(createVerifier({})).rejects.toMatchObject({ code: 'NO_TRUST', kind: 'usage' });
  });

  it('notes parents that were not checked, by code, for each client to word', async () => {
    const base = await signed('1.0.0', 'acme/base');
    const ft = await tmpDir();
    await writeFile(path.join(ft, 'weights.bin'), 'tuned');
    await signModel({
      model: ft,
      version: '1.1.0',
      name: 'acme/ft',
      signer: keySigner(privateKey, publicKey),
      lineage: { parents: [path.join(base, 'model.sig')], parentTrust: trust },
    });
    const r = await (await createVerifier({ trust })).verify(ft);
    expect(r.verified).toBe(true);
    expect(r.notes).toEqual([{ code: 'LINEAGE_NOT_CHECKED', message: expect.stringContaining('1 parent model'), count: 1 }]);
  });
});

describe('combineFormats: a spec\'s format rules and a policy\'s both hold', () => {
  it('adds denied formats, keeps either scan, and takes the stricter failOn', () => {
    expect(combineFormats({ deny: ['pickle'], scan: false }, { deny: ['gguf'] })).toEqual({ deny: ['pickle', 'gguf'], scan: false });
    expect(combineFormats({ deny: [], scan: true, failOn: 'high' }, { scan: false })).toEqual({ deny: [], scan: true, failOn: 'high' });
    expect(combineFormats({ deny: [], scan: true }, { failOn: 'critical' })).toEqual({ deny: [], scan: true, failOn: 'low' });
    expect(combineFormats(undefined, { scan: true, failOn: 'medium' })).toEqual({ deny: [], scan: true, failOn: 'medium' });
    expect(combineFormats(undefined, undefined)).toEqual({ deny: [], scan: false });
  });
});

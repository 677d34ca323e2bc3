/**
 * Timestamps at verify time (src/verify/timestamp.ts) on hostile or odd bundles: more
 * timestamps than are read, a malformed token, several DSSE signatures, and how the wrapper
 * hands verified times to a trust check (and leaves Sigstore checks alone).
 */
import type { Json } from '../helpers/cli.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildBundle, parseBundle } from '../../src/oms/bundle.js';
import { pae } from '../../src/oms/dsse.js';
import { keyHint, signBytes } from '../../src/keys/algorithms.js';
import { timestampClient } from '../../src/sign/timestamp.js';
import { timestampAuthorityTrust, withTimestamps } from '../../src/verify/timestamp.js';
import type { TrustCheck, TrustContext } from '../../src/verify/types.js';
import { ModelsignError } from '../../src/errors.js';
import { startTsa, type TestTsa } from '../helpers/tsa.js';

let tsa: TestTsa;
let dir: string;
let chain: string;
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const payload = Buffer.from('{"_type":"https://in-toto.io/Statement/v1"}');
const signature = signBytes(privateKey, pae('application/vnd.in-toto+json', payload));

beforeAll(async () => {
  tsa = await startTsa({ clock: new Date('2023-03-04T05:06:07Z') });
  dir = await mkdtemp(path.join(os.tmpdir(), 'modelsign-ts-'));
  chain = path.join(dir, 'chain.pem');
  await writeFile(chain, tsa.chainPem);
});
afterAll(async () => {
  await tsa.close();
  await rm(dir, { recursive: true, force: true });
});

async function stamped(mutate: (b: Json) => void = () => undefined) {
  const reply = await timestampClient(tsa.url)(signature);
  const b = buildBundle({ payload, signature, material: { publicKeyHint: keyHint(publicKey) }, timestamps: [reply.response] }) as Json;
  mutate(b);
  return parseBundle(Buffer.from(JSON.stringify(b)));
}

const codeOf = (p: Promise<unknown>) => p.then(() => 'no error', (e: ModelsignError) => e.code);

describe('timestampAuthorityTrust', () => {
  it('returns the stamped time of a good timestamp', async () => {
    const t = await timestampAuthorityTrust([chain]);
    const times = await t.verifiedTimes(await stamped());
    expect(times.map((d) => Math.floor(d.getTime() / 1000))).toEqual([Date.parse('2023-03-04T05:06:07Z') / 1000]);
  });

  it('refuses more timestamps than it reads, a malformed one, and a bundle with two signatures', async () => {
    const t = await timestampAuthorityTrust([chain]);
    const many = await stamped((b) => {
      const one = b.verificationMaterial.timestampVerificationData.rfc3161Timestamps[0];
      b.verificationMaterial.timestampVerificationData.rfc3161Timestamps = Array.from({ length: 9 }, () => one);
    });
    await expect(t.verifiedTimes(many)).rejects.toThrow('the signature carries 9 timestamps (at most 8 are read)');
    const garbage = await stamped((b) => (b.verificationMaterial.timestampVerificationData.rfc3161Timestamps[0].signedTimestamp = Buffer.from('junk').toString('base64')));
    expect(await codeOf(t.verifiedTimes(garbage))).toBe('TIMESTAMP_INVALID');
    const notList = await stamped((b) => (b.verificationMaterial.timestampVerificationData.rfc3161Timestamps = {}));
    expect(await codeOf(t.verifiedTimes(notList))).toBe('TIMESTAMP_INVALID');
    const twoSigs = await stamped((b) => b.dsseEnvelope.signatures.push({ sig: b.dsseEnvelope.signatures[0].sig, keyid: '' }));
    await expect(t.verifiedTimes(twoSigs)).rejects.toThrow('a timestamped signature must hold exactly one DSSE signature (it holds 2)');
  });
});

describe('withTimestamps', () => {
  const recording = (kind: string) => {
    const seen: (TrustContext | undefined)[] = [];
    const check: TrustCheck = {
      kind,
      label: 'test',
      async verify(_b, _p, ctx) {
        seen.push(ctx);
        return { kind, description: 'signer' };
      },
    };
    return { check, seen };
  };

  it('hands the verified times to the check and reports the earliest as signedAt', async () => {
    const { check, seen } = recording('certificate');
    const signer = await withTimestamps(check, await timestampAuthorityTrust([chain])).verify(await stamped(), Buffer.alloc(0));
    expect(seen[0]!.signedTimes).toHaveLength(1);
    expect(signer.signedAt?.slice(0, 19)).toBe('2023-03-04T05:06:07');
    expect(signer.description).toMatch(/^signer, time-stamped 2023-03-04T05:06:07/);
  });

  it('leaves Sigstore checks and unstamped bundles alone', async () => {
    const s = recording('sigstore');
    expect(withTimestamps(s.check, await timestampAuthorityTrust([chain]))).toBe(s.check);
    const k = recording('key');
    const plain = parseBundle(Buffer.from(JSON.stringify(buildBundle({ payload, signature, material: { publicKeyHint: keyHint(publicKey) } }))));
    const signer = await withTimestamps(k.check, await timestampAuthorityTrust([chain])).verify(plain, Buffer.alloc(0));
    expect(k.seen[0]?.signedTimes).toBeUndefined();
    expect(signer.signedAt).toBeUndefined();
  });
});

/**
 * The RFC 3161 client: its DER request, and its checks on the reply, against a real TSA on
 * 127.0.0.1 (the @sigstore/mock signer behind an HTTP server) that can be told to misbehave.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { ASN1Obj } from '@sigstore/core';
import { checkReply, newNonce, timestampClient, timestampRequest } from '../../src/sign/timestamp.js';
import { ModelsignError } from '../../src/errors.js';
import { startTsa, type TestTsa } from '../helpers/tsa.js';

const servers: TestTsa[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});
async function tsa(opts: Parameters<typeof startTsa>[0] = {}): Promise<TestTsa> {
  const t = await startTsa(opts);
  servers.push(t);
  return t;
}

const sig = Buffer.from('a DSSE signature');
const digest = createHash('sha256').update(sig).digest();

describe('the time-stamp request', () => {
  it('is a DER TimeStampReq: version 1, SHA-256 imprint, the nonce, certReq', () => {
    const nonce = 0x0fedcba9876543n;
    const req = ASN1Obj.parseBuffer(timestampRequest(digest, nonce) as Buffer<ArrayBuffer>);
    expect(req.subs.map((s) => s.tag.number)).toEqual([2, 16, 2, 1]);
    expect(req.subs[0]!.toInteger()).toBe(1n);
    expect(req.subs[1]!.subs[0]!.subs[0]!.toOID()).toBe('2.16.840.1.101.3.4.2.1');
    expect(req.subs[1]!.subs[1]!.value.equals(digest)).toBe(true);
    expect(req.subs[2]!.toInteger()).toBe(nonce);
    expect(req.subs[3]!.toBoolean()).toBe(true);
  });

  it('nonces are positive, below 2^52 and differ', () => {
    const seen = new Set<bigint>();
    for (let i = 0; i < 200; i++) {
      const n = newNonce();
      expect(n >= 0n && n < 1n << 52n).toBe(true);
      seen.add(n);
    }
    expect(seen.size).toBeGreaterThan(195);
    // A nonce with the high bit of its first byte set is still a positive INTEGER.
    const req = ASN1Obj.parseBuffer(timestampRequest(digest, 0x80n) as Buffer<ArrayBuffer>);
    expect(req.subs[2]!.toInteger()).toBe(0x80n);
  });
});

describe('the client', () => {
  it('gets a reply for the signature, with the TSA time', async () => {
    const t = await tsa({ clock: new Date('2024-05-06T07:08:09Z') });
    const r = await timestampClient(t.url)(sig);
    expect(Math.floor(r.time.getTime() / 1000) * 1000).toBe(Date.parse('2024-05-06T07:08:09Z'));
    expect(t.hits).toBe(1);
    // The stored reply is what verify reads: the same imprint.
    await expect(checkReply(r.response, digest, 1n)).rejects.toThrow('nonce differs');
  });

  it.each([
    ['nonce', 'the time-stamp does not answer this request (nonce differs)'],
    ['http-500', 'HTTP 500 (internal error)'],
    ['garbage', 'the reply is not an RFC 3161 time-stamp response'],
  ] as const)('refuses a TSA that answers wrongly (%s) with TIMESTAMP_FAILED', async (tamper, why) => {
    const t = await tsa({ tamper });
    const e = await timestampClient(t.url)(sig).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ModelsignError);
    expect((e as ModelsignError).code).toBe('TIMESTAMP_FAILED');
    expect((e as ModelsignError).kind).toBe('reject');
    expect((e as Error).message).toContain(`time-stamping failed (${t.url}): ${why}`);
  });

  it('a reply for another message is refused', async () => {
    const t = await tsa();
    const r = await timestampClient(t.url)(sig);
    await expect(checkReply(r.response, createHash('sha256').update('other').digest(), 1n)).rejects.toThrow('message imprint differs');
  });

  it('an unreachable TSA fails in one line; a bad URL is a usage error', async () => {
    const t = await tsa();
    await t.close();
    servers.splice(servers.indexOf(t), 1);
    const e = (await timestampClient(t.url, { timeoutMs: 5000 })(sig).catch((x: unknown) => x)) as ModelsignError;
    expect(e.code).toBe('TIMESTAMP_FAILED');
    expect(e.message).not.toContain('\n');
    for (const [u, msg] of [
      ['ftp://tsa.example', '--tsa-url must be an http(s) URL'],
      ['not a url', '--tsa-url is not a URL'],
      ['https://user:secret@tsa.example/', '--tsa-url must not carry a user name or password'],
    ]) {
      expect(() => timestampClient(u!)).toThrow(msg!);
    }
  });
});

/**
 * An RFC 3161 time-stamp authority on 127.0.0.1 for tests: @sigstore/mock's TSA (a real CMS
 * signer with its own root and signing certificate) behind a node http server that takes DER
 * `application/timestamp-query` requests, as a standard TSA does. `clock` makes it stamp a
 * fixed time (its certificates are then made valid from before that time), `tamper` makes it
 * answer wrongly, for the client's failure paths.
 */
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { vi } from 'vitest';
import { ASN1Obj } from '@sigstore/core';
import { initializeTSA } from '@sigstore/mock';

export interface TestTsa {
  url: string;
  /** PEM: the TSA's signing certificate, then its root (what --timestamp-authority takes). */
  chainPem: string;
  /** The root alone (not enough for --timestamp-authority: the signing certificate is needed). */
  rootPem: string;
  hits: number;
  close(): Promise<void>;
}

export type Tamper = 'none' | 'nonce' | 'http-500' | 'garbage';

const OID_POLICY = '1.3.6.1.4.1.57264.2';

const pem = (der: Buffer) => `-----BEGIN CERTIFICATE-----\n${der.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;

/** TimeStampReq { version, messageImprint { alg, digest }, reqPolicy?, nonce?, certReq? }. */
function parseRequest(body: Buffer): { artifactHash: Buffer; hashAlgorithmOID: string; nonce: number; certReq: boolean } {
  const req = ASN1Obj.parseBuffer(body as Buffer<ArrayBuffer>);
  const imprint = req.subs[1]!;
  const rest = req.subs.slice(2);
  const nonce = rest.find((s) => s.tag.isInteger());
  const certReq = rest.find((s) => s.tag.isBoolean());
  return {
    hashAlgorithmOID: imprint.subs[0]!.subs[0]!.toOID(),
    artifactHash: imprint.subs[1]!.value,
    nonce: nonce ? Number(nonce.toInteger()) : 0,
    certReq: certReq ? certReq.toBoolean() : false,
  };
}

export async function startTsa(options: { clock?: Date; tamper?: Tamper } = {}): Promise<TestTsa> {
  // A fixed clock with milliseconds the mock encodes the way DER wants (no trailing zero).
  const clock = options.clock ? new Date(Math.floor(options.clock.getTime() / 1000) * 1000 + 123) : undefined;
  if (clock) {
    // The mock makes its certificates valid from the real "now": make them at the clock's time.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(clock.getTime() - 3600 * 1000));
  }
  let tsa;
  try {
    tsa = await initializeTSA(generateKeyPairSync('ec', { namedCurve: 'P-256' }), clock);
  } finally {
    if (clock) vi.useRealTimers();
  }
  if (!clock) {
    // The mock writes ".12Z" for 120 ms, which sigstore-js rightly refuses: stay off such instants.
    (tsa as unknown as { getCurrentTime: () => Date }).getCurrentTime = () => {
      const d = new Date();
      if (d.getMilliseconds() % 10 === 0 && d.getMilliseconds() !== 0) d.setMilliseconds(d.getMilliseconds() + 1);
      return d;
    };
  }
  const state = { hits: 0 };
  const tamper = options.tamper ?? 'none';
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.hits++;
      if (req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query') {
        res.writeHead(415).end('expected application/timestamp-query');
        return;
      }
      if (tamper === 'http-500') {
        res.writeHead(500).end('internal error');
        return;
      }
      if (tamper === 'garbage') {
        res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(Buffer.from('not a time-stamp'));
        return;
      }
      let parsed;
      try {
        parsed = parseRequest(Buffer.concat(chunks));
      } catch (e) {
        res.writeHead(400).end(`bad request: ${(e as Error).message}`);
        return;
      }
      const nonce = tamper === 'nonce' ? parsed.nonce + 1 : parsed.nonce;
      tsa.timestamp({ ...parsed, nonce, policyOID: OID_POLICY }).then(
        (reply) => res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(reply),
        (e: Error) => res.writeHead(500).end(e.message),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/timestamp`,
    chainPem: pem(tsa.intCertificate) + pem(tsa.rootCertificate),
    rootPem: pem(tsa.rootCertificate),
    get hits() {
      return state.hits;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

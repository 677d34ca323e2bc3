/**
 * A private Sigstore instance on loopback for keyless tests: @sigstore/mock's Fulcio, Rekor and
 * TSA handlers behind one real node http server on 127.0.0.1, plus the trusted root that
 * describes that instance (as a private deployment would publish it). `clock` makes the
 * instance sign "in the past", so tests can show certificates are judged at the logged time.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { vi } from 'vitest';
import { fulcioHandler, initializeCA, initializeTLog, initializeTSA, rekorHandler, tsaHandler } from '@sigstore/mock';

export interface MockSigstore {
  url: string;
  fulcioURL: string;
  rekorURL: string;
  tsaURL: string;
  trustedRoot: object;
  /** Requests served, by path (to prove the CLI really talked to us). */
  hits: Record<string, number>;
  close(): Promise<void>;
}

const b64 = (b: Buffer) => b.toString('base64');

export async function startMockSigstore(options: { clock?: Date } = {}): Promise<MockSigstore> {
  // A fixed clock with milliseconds that survive the mock TSA's time encoding (see below).
  const opts = options.clock ? { clock: new Date(Math.floor(options.clock.getTime() / 1000) * 1000 + 123) } : {};
  const ec = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
  // No CT log: @sigstore/mock 0.11 embeds SCTs that sigstore-js 4 cannot parse (no per-SCT
  // length, empty signature). A private instance without CT is legitimate; modelsign then
  // requires no SCT because this instance's trusted root lists no CT log.
  // The mock makes its CA and TSA certificates valid from the real "now"; an instance that
  // signs in the past needs them valid from before its clock, so create them at that time.
  if (opts.clock) {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(opts.clock.getTime() - 3600 * 1000));
  }
  let ca, tsa;
  try {
    ca = await initializeCA(ec(), undefined, opts.clock);
    tsa = await initializeTSA(ec(), opts.clock);
  } finally {
    if (opts.clock) vi.useRealTimers();
  }
  // The mock TSA encodes its time with the trailing zeros of the milliseconds dropped
  // (".12Z"), which sigstore-js rightly refuses (DER wants them gone, its parser wants three
  // digits). Keep its clock off such instants: never more than 1 ms from the real time.
  if (!opts.clock) {
    (tsa as unknown as { getCurrentTime: () => Date }).getCurrentTime = () => {
      const d = new Date();
      if (d.getMilliseconds() % 10 === 0 && d.getMilliseconds() !== 0) d.setMilliseconds(d.getMilliseconds() + 1);
      return d;
    };
  }

  const hits: Record<string, number> = {};
  const handlers = new Map<string, (body: string) => Promise<{ statusCode: number; response: string | Buffer; contentType?: string }>>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 1024 * 1024) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => {
      const p = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      hits[p] = (hits[p] ?? 0) + 1;
      const h = req.method === 'POST' ? handlers.get(p) : undefined;
      if (!h) {
        res.writeHead(404).end('not found');
        return;
      }
      h(Buffer.concat(chunks).toString('utf8')).then(
        (r) => res.writeHead(r.statusCode, { 'content-type': r.contentType ?? 'text/plain' }).end(r.response),
        (e: Error) => res.writeHead(500).end(e.message),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tlogKeys = ec();
  const tlog = await initializeTLog(url, tlogKeys, opts.clock);

  for (const h of [fulcioHandler(ca), rekorHandler(tlog), tsaHandler(tsa)]) handlers.set(h.path, h.fn);
  // The mock Rekor logs the proposed entry as is; real Rekor canonicalizes a "dsse" entry to
  // hashes + signatures + verifiers before logging it. Do the same so the logged body is what
  // public-good Rekor would have stored (and what verifiers check the envelope against).
  const rekor = handlers.get('/api/v1/log/entries')!;
  handlers.set('/api/v1/log/entries', (body) => rekor(canonicalDsseEntry(body)));
  // Keys are valid from well before the instance's clock.
  const start = new Date((opts.clock ?? new Date()).getTime() - 24 * 3600 * 1000).toISOString();
  const tlogPub = Buffer.from(tlog.publicKey);
  const trustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [
      {
        baseUrl: url,
        hashAlgorithm: 'SHA2_256',
        publicKey: { rawBytes: b64(tlogPub), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } },
        logId: { keyId: b64(createHash('sha256').update(tlogPub).digest()) },
      },
    ],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: url,
        certChain: { certificates: [{ rawBytes: b64(ca.rootCertificate) }] },
        validFor: { start },
      },
    ],
    ctlogs: [],
    timestampAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore-tsa' },
        uri: `${url}/api/v1/timestamp`,
        certChain: { certificates: [{ rawBytes: b64(tsa.intCertificate) }, { rawBytes: b64(tsa.rootCertificate) }] },
        validFor: { start },
      },
    ],
  };
  return {
    url,
    fulcioURL: url,
    rekorURL: url,
    tsaURL: `${url}/api/v1/timestamp`,
    trustedRoot,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function canonicalDsseEntry(body: string): string {
  const proposed = JSON.parse(body) as { kind?: string; apiVersion?: string; spec?: { proposedContent?: { envelope: string; verifiers: string[] } } };
  const content = proposed.spec?.proposedContent;
  if (proposed.kind !== 'dsse' || !content) return body;
  const env = JSON.parse(content.envelope) as { payload: string; signatures: { sig: string }[] };
  const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
  return JSON.stringify({
    apiVersion: proposed.apiVersion,
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha(content.envelope) },
      payloadHash: { algorithm: 'sha256', value: sha(Buffer.from(env.payload, 'base64')) },
      signatures: env.signatures.map((s, i) => ({ signature: s.sig, verifier: content.verifiers[i] ?? content.verifiers[0] })),
    },
  });
}

/** An OIDC identity token as an issuer would hand out (the mock Fulcio does not check its signature). */
export function identityToken(claims: { iss: string; sub: string; email?: string }): string {
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${enc({ alg: 'RS256', typ: 'JWT' })}.${enc({ aud: 'sigstore', iat: now, exp: now + 600, ...claims })}.${Buffer.from('not-a-real-signature').toString('base64url')}`;
}

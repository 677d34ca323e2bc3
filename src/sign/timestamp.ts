/**
 * An RFC 3161 time-stamp client for key and certificate signatures (`sign --tsa-url URL`).
 *
 * The request is DER `application/timestamp-query` over HTTP(S) (RFC 3161 §3.4), which every
 * RFC 3161 TSA takes (the Sigstore timestamp authority, commercial and eIDAS qualified ones).
 * What is stamped is the DSSE signature, as Sigstore bundles define it: the message imprint
 * is SHA-256 over the signature bytes, and the response goes into the bundle's
 * `timestampVerificationData.rfc3161Timestamps[].signedTimestamp` as returned.
 *
 * The reply is checked against the request (status granted, our imprint, our nonce) before it
 * is used; whether the TSA is trusted is decided at verify time (--timestamp-authority).
 */
import { createHash, randomBytes } from 'node:crypto';
import { ModelsignError, usage } from '../errors.js';

/** A reply larger than this is refused (a TSA reply with its certificates is a few KB). */
const MAX_REPLY_BYTES = 1024 * 1024;

export interface TimestampReply {
  /** The DER TimeStampResp, as the bundle stores it. */
  response: Buffer;
  /** The TSA's genTime (not yet trusted: verify checks the TSA). */
  time: Date;
}

export type TimestampClient = (signature: Buffer) => Promise<TimestampReply>;

/** DER length octets. */
function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function der(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLength(content.length), content]);
}

/** A positive INTEGER from big-endian bytes (a leading 0x00 when the high bit is set). */
function derUnsigned(bytes: Buffer): Buffer {
  let b = bytes;
  while (b.length > 1 && b[0] === 0 && (b[1]! & 0x80) === 0) b = b.subarray(1);
  return der(0x02, (b[0]! & 0x80) !== 0 ? Buffer.concat([Buffer.from([0]), b]) : b);
}

const SHA256_ALGORITHM_ID = Buffer.from('300d06096086480165030402010500', 'hex');

/**
 * TimeStampReq { version 1, messageImprint { sha256, digest }, nonce, certReq TRUE }.
 * The nonce is 52 bits: a reply is matched to this request, and a value below 2^53 survives
 * every TSA implementation's integer handling (some hold the nonce in a double).
 */
export function timestampRequest(digest: Buffer, nonce: bigint): Buffer {
  const imprint = der(0x30, Buffer.concat([SHA256_ALGORITHM_ID, der(0x04, digest)]));
  const nonceBytes = Buffer.from(nonce.toString(16).padStart(14, '0'), 'hex');
  return der(0x30, Buffer.concat([der(0x02, Buffer.from([1])), imprint, derUnsigned(nonceBytes), der(0x01, Buffer.from([0xff]))]));
}

export function newNonce(): bigint {
  const b = randomBytes(7);
  b[0]! &= 0x0f;
  return BigInt(`0x${b.toString('hex')}`);
}

/** The TSTInfo nonce: the first top-level INTEGER after genTime (RFC 3161 §2.4.2). */
function replyNonce(tstInfo: { root: { subs: { tag: { isInteger(): boolean; isUniversal(): boolean }; toInteger(): bigint }[] } }): bigint | undefined {
  const rest = tstInfo.root.subs.slice(5);
  const n = rest.find((s) => s.tag.isUniversal() && s.tag.isInteger());
  return n?.toInteger();
}

/** Check a reply against the request; returns the TSA's time. Throws a one-line reason. */
export async function checkReply(response: Buffer, digest: Buffer, nonce: bigint): Promise<Date> {
  const { RFC3161Timestamp } = await import('@sigstore/core');
  let ts;
  try {
    ts = RFC3161Timestamp.parse(response as Buffer<ArrayBuffer>);
  } catch (e) {
    throw new Error(`the reply is not an RFC 3161 time-stamp response (${(e as Error).message})`);
  }
  let status: bigint;
  let info;
  try {
    status = ts.status;
    info = ts.tstInfo;
  } catch (e) {
    throw new Error(`the reply holds no time-stamp token (${(e as Error).message})`);
  }
  // PKIStatus granted (0) or grantedWithMods (1); anything else carries no token.
  if (status !== 0n && status !== 1n) throw new Error(`the TSA refused the request (PKIStatus ${status})`);
  if (info.messageImprintHashAlgorithm !== 'sha256') throw new Error('the time-stamp is for another message (its imprint is not SHA-256)');
  if (!info.messageImprintHashedMessage.equals(digest)) throw new Error('the time-stamp is for another message (message imprint differs)');
  if (replyNonce(info) !== nonce) throw new Error('the time-stamp does not answer this request (nonce differs)');
  return info.genTime;
}

function checkUrl(u: string): string {
  let parsed: URL;
  try {
    parsed = new URL(u);
  } catch {
    throw usage('BAD_OPTION', `--tsa-url is not a URL: "${u}"`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw usage('BAD_OPTION', `--tsa-url must be an http(s) URL: "${u}"`);
  if (parsed.username || parsed.password) throw usage('BAD_OPTION', '--tsa-url must not carry a user name or password');
  return u;
}

/** Read at most `max` bytes of a fetch body; more is an error. */
async function boundedBody(res: Response, max: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > max) throw new Error(`the reply is larger than ${max} bytes`);
  const reader = (res.body as ReadableStream<Uint8Array> | null)?.getReader();
  if (!reader) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel();
      throw new Error(`the reply is larger than ${max} bytes`);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

/**
 * A client for one TSA. Failures (unreachable, refused, a reply that does not match) are
 * TIMESTAMP_FAILED, exit 1, as Fulcio and Rekor failures are for keyless signing.
 */
export function timestampClient(url: string, opts: { timeoutMs?: number } = {}): TimestampClient {
  const target = checkUrl(url);
  return async (signature) => {
    const digest = createHash('sha256').update(signature).digest();
    const nonce = newNonce();
    const fail = (why: string, cause?: unknown): never => {
      throw new ModelsignError('TIMESTAMP_FAILED', `time-stamping failed (${target}): ${why}`, { kind: 'reject', cause });
    };
    let res: Response;
    try {
      res = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
        body: timestampRequest(digest, nonce),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
        redirect: 'error',
      });
    } catch (e) {
      const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '';
      return fail(`${e instanceof Error ? e.message : String(e)}${cause}`, e);
    }
    let body: Buffer;
    try {
      body = await boundedBody(res, MAX_REPLY_BYTES);
    } catch (e) {
      return fail((e as Error).message, e);
    }
    if (!res.ok) return fail(`HTTP ${res.status}${body.length > 0 && body.length < 200 && /^[\x20-\x7e]*$/.test(body.toString('latin1')) ? ` (${body.toString('latin1')})` : ''}`);
    try {
      return { response: body, time: await checkReply(body, digest, nonce) };
    } catch (e) {
      return fail((e as Error).message, e);
    }
  };
}

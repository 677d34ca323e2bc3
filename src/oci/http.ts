/**
 * HTTP for the registry client, bounded against a hostile registry: every wait has an idle
 * limit (connect, headers, each body chunk), every request a deadline (a registry that sends a
 * byte just inside the idle limit, forever, still ends), every body a byte limit, redirects are followed
 * by hand (GET/HEAD only, at most MAX_REDIRECTS, never to another scheme than http(s), never
 * from https down to http unless the target host is an --insecure-registry, and credentials
 * are dropped when the origin changes), and blob bodies are hashed as they stream: a blob that
 * does not match its digest or size is an error, never bytes handed on as verified.
 */
import { Readable } from 'node:stream';
import { ModelsignError, reject, usage } from '../errors.js';
import { clean } from '../util/one-line.js';
import { checked } from './digest-check.js';
import { MAX_MANIFEST_BYTES, type Descriptor } from './manifest.js';
import type { Secrets } from './secrets.js';

const MAX_REDIRECTS = 5;
/** Error bodies are read only this far (for the registry's error code). */
const MAX_ERROR_BODY = 16 * 1024;

export interface HttpConfig {
  /** host[:port] reached over plain HTTP (--insecure-registry). */
  insecure: ReadonlySet<string>;
  /** A request fails when no byte arrives for this long. */
  idleTimeoutMs: number;
  /**
   * A request fails when it takes longer than twice the idle limit plus its expected bytes at
   * this rate (bytes per second): the slowest registry a verify waits for.
   */
  minBytesPerSecond: number;
  secrets: Secrets;
  /** Body bytes received, added up (what a verify downloaded). */
  received: { bytes: number };
}

export interface Reply {
  status: number;
  headers: Headers;
  /** The URL that answered (after redirects). */
  url: URL;
  body: ReadableStream<Uint8Array> | null;
  /** Stops the idle timer and the request; call when done with the body. */
  close(): void;
  /** Re-arms the idle timer (each body chunk). */
  touch(): void;
  /** A body read that failed, as the error to report (the idle limit, a reset connection). */
  fail(e: unknown): never;
}

export interface SendInit {
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'PATCH';
  headers?: Record<string, string>;
  body?: Buffer;
  /** The Authorization header for `origin` (never sent to another origin). */
  auth?: { origin: string; header: string };
  /** The most bytes the exchange carries, for its deadline (default: the manifest limit). */
  expectBytes?: number;
}

/** What a request without `expectBytes` may carry: a manifest, an index, a token. */
const DEFAULT_EXPECT_BYTES = MAX_MANIFEST_BYTES;

/**
 * How long a request may take in all, redirects included: twice the idle limit (so a registry
 * that stops sending is reported as silent, not as slow) plus its bytes at the minimum rate.
 */
function requestAllowanceMs(cfg: Pick<HttpConfig, 'idleTimeoutMs' | 'minBytesPerSecond'>, init: Pick<SendInit, 'expectBytes' | 'body'>): number {
  const bytes = (init.expectBytes ?? DEFAULT_EXPECT_BYTES) + (init.body?.length ?? 0);
  return 2 * cfg.idleTimeoutMs + Math.ceil((bytes * 1000) / cfg.minBytesPerSecond);
}

export function schemeFor(cfg: HttpConfig, host: string): 'http' | 'https' {
  return cfg.insecure.has(host) ? 'http' : 'https';
}

/** A one-line message with every credential removed. */
export function say(cfg: HttpConfig, text: string): string {
  return clean(cfg.secrets.scrub(text), 400);
}

type Stop = 'idle' | 'late' | undefined;

function unreachable(cfg: HttpConfig, url: URL, e: unknown, stop: Stop, allowedMs: number): ModelsignError {
  if (stop === 'late') return usage('REGISTRY_UNREACHABLE', say(cfg, `registry ${url.host} took more than ${allowedMs / 1000} s (${url.pathname}): slower than ${Math.round(cfg.minBytesPerSecond / 1024)} KiB/s`));
  const idle = stop === 'idle';
  if (idle) return usage('REGISTRY_UNREACHABLE', say(cfg, `registry ${url.host} sent nothing for ${cfg.idleTimeoutMs / 1000} s (${url.pathname})`));
  const cause = e instanceof Error ? (e.cause as { code?: string; message?: string } | undefined) : undefined;
  const why = cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
  const hint = /EPROTO|wrong version number|ERR_SSL|packet length/i.test(why) && url.protocol === 'https:' ? ` (a plain-HTTP registry needs --insecure-registry ${url.host})` : '';
  return usage('REGISTRY_UNREACHABLE', say(cfg, `cannot reach registry ${url.host}: ${why}${hint}`));
}

/** Where a redirect may lead: http(s) only, and no downgrade to http except to an insecure host. */
function redirectTarget(cfg: HttpConfig, from: URL, location: string): URL {
  let to: URL;
  try {
    to = new URL(location, from);
  } catch {
    throw usage('REGISTRY_ERROR', say(cfg, `registry ${from.host} redirected to an unparsable location`));
  }
  if (to.protocol !== 'https:' && to.protocol !== 'http:') throw usage('REGISTRY_ERROR', say(cfg, `registry ${from.host} redirected to a ${to.protocol} location`));
  if (to.protocol === 'http:' && !cfg.insecure.has(to.host)) throw usage('REGISTRY_ERROR', say(cfg, `registry ${from.host} redirected to plain HTTP at ${to.host} (not an --insecure-registry)`));
  if (to.username || to.password) throw usage('REGISTRY_ERROR', say(cfg, `registry ${from.host} redirected to a location with credentials in it`));
  return to;
}

/** One request (redirects followed for GET/HEAD), the idle timer running until close(). */
export async function send(cfg: HttpConfig, url: URL, init: SendInit): Promise<Reply> {
  let current = url;
  const allowedMs = requestAllowanceMs(cfg, init);
  const deadline = Date.now() + allowedMs;
  for (let hop = 0; ; hop++) {
    const ctl = new AbortController();
    let stop: Stop;
    let timer: NodeJS.Timeout | undefined;
    const abort = (why: Stop): void => {
      stop ??= why;
      ctl.abort();
    };
    // Unreferenced: a reply its reader dropped never keeps the process alive for hours.
    const late = setTimeout(() => abort('late'), Math.max(0, deadline - Date.now())).unref();
    const touch = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => abort('idle'), cfg.idleTimeoutMs);
    };
    const close = (): void => {
      clearTimeout(timer);
      clearTimeout(late);
      ctl.abort();
    };
    const headers: Record<string, string> = { 'user-agent': 'modelsign', ...init.headers };
    if (init.auth && init.auth.origin === current.origin) headers.authorization = init.auth.header;
    touch();
    let res: Response;
    try {
      res = await fetch(current, {
        method: init.method,
        headers,
        redirect: 'manual',
        signal: ctl.signal,
        ...(init.body ? { body: init.body } : {}),
      });
    } catch (e) {
      close();
      throw unreachable(cfg, current, e, stop, allowedMs);
    }
    const location = res.headers.get('location');
    if ([301, 302, 303, 307, 308].includes(res.status) && location !== null && (init.method === 'GET' || init.method === 'HEAD')) {
      close();
      if (hop >= MAX_REDIRECTS) throw usage('REGISTRY_ERROR', say(cfg, `registry ${url.host} redirected more than ${MAX_REDIRECTS} times`));
      current = redirectTarget(cfg, current, location);
      continue;
    }
    const at = current;
    const fail = (e: unknown): never => {
      throw unreachable(cfg, at, e, stop, allowedMs);
    };
    return { status: res.status, headers: res.headers, url: current, body: res.body, close, touch, fail };
  }
}

/** The next chunk of a reply body (idle timer re-armed), or undefined at its end. */
async function nextChunk(cfg: HttpConfig, reply: Reply, reader: ReadableStreamDefaultReader<Uint8Array>): Promise<Uint8Array | undefined> {
  let r: Awaited<ReturnType<typeof reader.read>>;
  try {
    r = await reader.read();
  } catch (e) {
    reply.close();
    reply.fail(e);
  }
  if (r.done) return undefined;
  reply.touch();
  cfg.received.bytes += r.value.length;
  return r.value;
}

/** A whole body of at most `max` bytes (OCI_TOO_LARGE past it, whatever Content-Length says). */
export async function readBody(cfg: HttpConfig, reply: Reply, max: number, what: string): Promise<Buffer> {
  const declared = Number(reply.headers.get('content-length') ?? NaN);
  if (declared > max) {
    reply.close();
    throw reject('OCI_TOO_LARGE', say(cfg, `${what} from ${reply.url.host} is ${declared} bytes, more than the ${max} read`));
  }
  const parts: Uint8Array[] = [];
  let n = 0;
  if (reply.body) {
    const reader = reply.body.getReader();
    for (;;) {
      const c = await nextChunk(cfg, reply, reader);
      if (!c) break;
      n += c.length;
      if (n > max) {
        reply.close();
        throw reject('OCI_TOO_LARGE', say(cfg, `${what} from ${reply.url.host} is larger than the ${max} bytes read`));
      }
      parts.push(c);
    }
  }
  reply.close();
  return Buffer.concat(parts);
}

/** The registry's own error code for a failed request (its message may echo anything: not shown). */
export async function errorCode(cfg: HttpConfig, reply: Reply): Promise<string> {
  if (reply.status === 304 || !reply.body) {
    reply.close();
    return '';
  }
  let body: Buffer;
  try {
    body = await readBody(cfg, reply, MAX_ERROR_BODY, 'error body');
  } catch {
    return '';
  }
  try {
    const j = JSON.parse(body.toString('utf8')) as { errors?: Array<{ code?: unknown }> };
    const code = j.errors?.[0]?.code;
    return typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? ` ${code}` : '';
  } catch {
    return '';
  }
}

/**
 * The body as a stream checked against `desc` (digest-check.ts): exactly its size, hashing
 * to its digest, or the stream ends with an error.
 */
export function verifiedBody(cfg: HttpConfig, reply: Reply, desc: Descriptor): Readable {
  const reader = reply.body?.getReader();
  const raw = new Readable({
    highWaterMark: 1024 * 1024,
    read() {
      void (async () => {
        try {
          const c = reader ? await nextChunk(cfg, reply, reader) : undefined;
          if (c === undefined) {
            reply.close();
            this.push(null);
          } else {
            this.push(Buffer.from(c.buffer, c.byteOffset, c.byteLength));
          }
        } catch (e) {
          this.destroy(e instanceof Error ? e : new Error(String(e)));
        }
      })();
    },
    destroy(err, cb) {
      reply.close();
      cb(err);
    },
  });
  return checked(raw, desc, reply.url.host);
}

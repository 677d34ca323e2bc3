/**
 * The registry client against a hostile registry (test/helpers/fake-registry.ts): lying
 * sizes, endless and stalled bodies, redirects elsewhere, credentials echoed back; and the
 * Basic, Bearer, identity-token and credential-helper flows.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ModelsignError } from '../../src/errors.js';
import { attachBundle, listAttached, openStore, parseReference, type Descriptor, type Store } from '../../src/oci/index.js';
import { cleanupTmp, tmpDir } from '../helpers/cli.js';
import { startFakeRegistry, type FakeRegistry } from '../helpers/fake-registry.js';
import { sha256 } from '../helpers/oci.js';

let fake: FakeRegistry;
let other: FakeRegistry;
let dir: string;

beforeAll(async () => {
  fake = await startFakeRegistry();
  other = await startFakeRegistry();
  dir = await tmpDir('modelsign-oci-client-');
});
afterAll(async () => {
  await fake.stop();
  await other.stop();
  await cleanupTmp();
});
afterEach(() => {
  fake.intercept = undefined;
  delete fake.auth;
  fake.requests.length = 0;
  other.requests.length = 0;
});

function store(opts: { idleTimeoutMs?: number; minBytesPerSecond?: number; dockerConfigDir?: string; repo?: string } = {}): { s: Store; received: { bytes: number } } {
  const received = { bytes: 0 };
  const s = openStore(parseReference(`oci://${fake.host}/${opts.repo ?? 'acme/llm'}:1.0`), { insecureRegistries: [fake.host, other.host], idleTimeoutMs: opts.idleTimeoutMs ?? 5000, ...(opts.minBytesPerSecond ? { minBytesPerSecond: opts.minBytesPerSecond } : {}), ...(opts.dockerConfigDir ? { dockerConfigDir: opts.dockerConfigDir } : {}) }, received);
  return { s, received };
}

async function drain(r: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of r as AsyncIterable<Buffer>) parts.push(c);
  return Buffer.concat(parts);
}

async function failure(p: Promise<unknown>): Promise<{ code: string; kind?: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ModelsignError) return { code: e.code, kind: e.kind, message: e.message };
    return { code: (e as { code?: string }).code ?? 'ERROR', message: (e as Error).message };
  }
  throw new Error('expected a failure');
}

/** Write BYTE forever (until the client goes away). */
function endless(res: import('node:http').ServerResponse, byte: number): void {
  const chunk = Buffer.alloc(64 * 1024, byte);
  const pump = (): void => {
    while (res.write(chunk));
    res.once('drain', pump);
  };
  pump();
  res.on('close', () => res.removeAllListeners('drain'));
}

const desc = (b: Buffer): Descriptor => ({ mediaType: 'application/octet-stream', digest: sha256(b), size: b.length });

describe('manifests', () => {
  it('by tag: pinned to the sha256 of the bytes received, whatever the registry says', async () => {
    const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, layers: [] }));
    fake.putManifest('acme/llm', '1.0', bytes);
    fake.intercept = (req, res, url) => {
      if (!url.pathname.endsWith('/manifests/1.0')) return false;
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'docker-content-digest': `sha256:${'0'.repeat(64)}` });
      res.end(bytes);
      return true;
    };
    expect((await store().s.manifest({ tag: '1.0' })).digest).toBe(sha256(bytes));
  });

  it('by digest: other bytes are OCI_DIGEST_MISMATCH', async () => {
    const want = `sha256:${'1'.repeat(64)}`;
    fake.manifests.set(`acme/llm@${want}`, { bytes: Buffer.from('{"schemaVersion":2}'), type: 'application/vnd.oci.image.manifest.v1+json' });
    expect(await failure(store().s.manifest({ digest: want }))).toMatchObject({ code: 'OCI_DIGEST_MISMATCH', kind: 'reject' });
  });

  it('a manifest past 4 MiB is refused after 4 MiB, whatever Content-Length says (an endless body)', async () => {
    fake.intercept = (req, res, url) => {
      if (!url.pathname.includes('/manifests/')) return false;
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' });
      endless(res, 0x20);
      return true;
    };
    const { s, received } = store();
    expect(await failure(s.manifest({ tag: '1.0' }))).toMatchObject({ code: 'OCI_TOO_LARGE' });
    expect(received.bytes).toBeLessThan(4 * 1024 * 1024 + 256 * 1024);
    fake.intercept = (req, res, url) => {
      if (!url.pathname.includes('/manifests/')) return false;
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'content-length': String(100 * 1024 * 1024) });
      res.write('{');
      return true;
    };
    expect(await failure(store().s.manifest({ tag: '1.0' }))).toMatchObject({ code: 'OCI_TOO_LARGE', message: expect.stringMatching(/104857600 bytes/) });
  });

  it('a missing tag is MODEL_NOT_FOUND (exit 2), a registry error REGISTRY_ERROR with only its code', async () => {
    expect(await failure(store().s.manifest({ tag: 'nope' }))).toMatchObject({ code: 'MODEL_NOT_FOUND', kind: 'usage' });
    fake.intercept = (req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'UNKNOWN', message: '\u001b[31mterminal escape and a very long message'.repeat(50) }] }));
      return true;
    };
    const f = await failure(store().s.manifest({ tag: '1.0' }));
    expect(f).toMatchObject({ code: 'REGISTRY_ERROR', kind: 'usage' });
    expect(f.message).toBe(`registry ${fake.host} answered HTTP 500 UNKNOWN for manifest 1.0`);
  });
});

describe('blobs', () => {
  const data = Buffer.from('the layer bytes, 32 of them.....');
  it('stream exactly the descriptor: more, fewer or other bytes end in OCI_DIGEST_MISMATCH', async () => {
    const d = desc(data);
    fake.blobs.set(d.digest, data);
    expect(await drain(await store().s.blob(d))).toEqual(data);
    fake.blobs.set(d.digest, Buffer.concat([data, Buffer.from('more')]));
    expect(await failure(store().s.blob(d).then(drain))).toMatchObject({ code: 'OCI_DIGEST_MISMATCH', message: expect.stringMatching(/longer than its 32 bytes/) });
    fake.blobs.set(d.digest, data.subarray(0, 10));
    expect(await failure(store().s.blob(d).then(drain))).toMatchObject({ code: 'OCI_DIGEST_MISMATCH', message: expect.stringMatching(/ended after 10 of its 32 bytes/) });
    fake.blobs.set(d.digest, Buffer.from(data.toString().toUpperCase()));
    expect(await failure(store().s.blob(d).then(drain))).toMatchObject({ code: 'OCI_DIGEST_MISMATCH', message: expect.stringMatching(/does not match its digest/) });
  });

  it('an endless body is cut at the descriptor size', async () => {
    const d = desc(data);
    fake.intercept = (req, res, url) => {
      if (!url.pathname.includes('/blobs/')) return false;
      res.writeHead(200);
      endless(res, 1);
      return true;
    };
    const { s, received } = store();
    expect(await failure(s.blob(d).then(drain))).toMatchObject({ code: 'OCI_DIGEST_MISMATCH' });
    expect(received.bytes).toBeLessThan(2 * 1024 * 1024);
  });

  it('a registry that stops sending fails after the idle limit, it does not hang', async () => {
    const d = desc(data);
    fake.intercept = (req, res, url) => {
      if (!url.pathname.includes('/blobs/')) return false;
      res.writeHead(200, { 'content-length': String(data.length) });
      res.write(data.subarray(0, 5));
      return true;
    };
    const t0 = Date.now();
    expect(await failure(store({ idleTimeoutMs: 300 }).s.blob(d).then(drain))).toMatchObject({ code: 'REGISTRY_UNREACHABLE', message: expect.stringMatching(/sent nothing for 0.3 s/) });
    expect(Date.now() - t0).toBeLessThan(5000);
    fake.intercept = () => true; // never answers at all
    expect(await failure(store({ idleTimeoutMs: 300 }).s.manifest({ tag: '1.0' }))).toMatchObject({ code: 'REGISTRY_UNREACHABLE' });
  });

  it('a registry that sends a byte just inside the idle limit, forever, fails at the request deadline', async () => {
    const d = desc(data);
    const trickle = (res: import('node:http').ServerResponse): void => {
      const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write('x')), 100);
      res.on('close', () => clearInterval(t));
    };
    fake.intercept = (req, res, url) => {
      if (!url.pathname.includes('/blobs/')) return false;
      res.writeHead(200, { 'content-length': String(data.length) });
      trickle(res);
      return true;
    };
    // Twice the 400 ms idle limit, plus the blob's bytes at 1 MB/s: under a second in all.
    const t0 = Date.now();
    const opts = { idleTimeoutMs: 400, minBytesPerSecond: 1_000_000 };
    const allowed = (800 + Math.ceil((data.length * 1000) / 1_000_000)) / 1000;
    expect(await failure(store(opts).s.blob(d).then(drain))).toMatchObject({ code: 'REGISTRY_UNREACHABLE', message: expect.stringMatching(new RegExp(`took more than ${allowed} s \\(/v2/acme/llm/blobs/sha256:[0-9a-f]{64}\\): slower than 977 KiB/s`)) });
    expect(Date.now() - t0).toBeLessThan(5000);
    // A manifest trickled the same way ends too (its deadline counts the manifest limit).
    fake.intercept = (req, res) => {
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' });
      trickle(res);
      return true;
    };
    expect(await failure(store({ idleTimeoutMs: 400, minBytesPerSecond: 100_000_000 }).s.manifest({ tag: '1.0' }))).toMatchObject({ code: 'REGISTRY_UNREACHABLE', message: expect.stringMatching(/took more than 0\.842 s/) });
  });

  it('redirects: followed to another host without the credentials; never to another scheme, plain HTTP elsewhere, or forever', async () => {
    const d = desc(data);
    other.blobs.set(d.digest, data);
    fake.auth = { kind: 'basic', user: 'u', password: 'redirect-secret' };
    const cfg = path.join(dir, 'redirect');
    await mkdir(cfg, { recursive: true });
    await writeFile(path.join(cfg, 'config.json'), JSON.stringify({ auths: { [fake.host]: { auth: Buffer.from('u:redirect-secret').toString('base64') } } }));
    fake.intercept = (req, res, url) => {
      if (!url.pathname.includes('/blobs/') || !req.headers.authorization) return false;
      res.writeHead(307, { location: `${other.origin}/v2/acme/llm/blobs/${d.digest}` });
      res.end();
      return true;
    };
    expect(await drain(await store({ dockerConfigDir: cfg }).s.blob(d))).toEqual(data);
    expect(other.requests.map((r) => r.authorization)).toEqual([undefined]);
    for (const [location, why] of [
      ['file:///etc/passwd', /redirected to a file: location/],
      ['http://10.0.0.1:9/x', /redirected to plain HTTP at 10.0.0.1:9 \(not an --insecure-registry\)/],
      [`http://user:pw@${other.host}/x`, /with credentials in it/],
    ] as const) {
      fake.intercept = (req, res) => {
        res.writeHead(302, { location });
        res.end();
        return true;
      };
      expect(await failure(store().s.blob(d))).toMatchObject({ code: 'REGISTRY_ERROR', message: expect.stringMatching(why) });
    }
    fake.intercept = (req, res, url) => {
      res.writeHead(302, { location: `${url.pathname}x` });
      res.end();
      return true;
    };
    expect(await failure(store().s.blob(d))).toMatchObject({ code: 'REGISTRY_ERROR', message: expect.stringMatching(/more than 5 times/) });
  });
});

describe('authentication', () => {
  const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, layers: [] }));
  async function config(name: string, content: object): Promise<string> {
    const d = path.join(dir, name);
    await mkdir(d, { recursive: true });
    await writeFile(path.join(d, 'config.json'), JSON.stringify(content));
    return d;
  }

  it('Basic, from an auths entry (auth or username/password)', async () => {
    fake.putManifest('acme/llm', '1.0', bytes);
    fake.auth = { kind: 'basic', user: 'alice', password: 'basic-pass-1' };
    const a = await config('basic-a', { auths: { [`http://${fake.host}/v2/`]: { auth: Buffer.from('alice:basic-pass-1').toString('base64') } } });
    expect((await store({ dockerConfigDir: a }).s.manifest({ tag: '1.0' })).digest).toBe(sha256(bytes));
    const b = await config('basic-b', { auths: { [fake.host]: { username: 'alice', password: 'basic-pass-1' } } });
    expect((await store({ dockerConfigDir: b }).s.manifest({ tag: '1.0' })).digest).toBe(sha256(bytes));
  });

  it('Bearer: a token from the realm, for the scope the registry asks', async () => {
    fake.putManifest('acme/llm', '1.0', bytes);
    fake.auth = { kind: 'bearer', user: 'bob', password: 'bearer-pass-2', token: 'tok-ABCDEF-123456' };
    const c = await config('bearer', { auths: { [fake.host]: { auth: Buffer.from('bob:bearer-pass-2').toString('base64') } } });
    expect((await store({ dockerConfigDir: c }).s.manifest({ tag: '1.0' })).digest).toBe(sha256(bytes));
    const tokenReq = fake.requests.find((r) => r.path.startsWith('/token'))!;
    expect(new URL(tokenReq.path, fake.origin).searchParams.get('scope')).toBe('repository:acme/llm:pull');
    expect(fake.requests.at(-1)!.authorization).toBe('Bearer tok-ABCDEF-123456');
    // An identity token (OAuth docker login) is exchanged for an access token.
    fake.auth = { kind: 'bearer', user: '<token>', password: 'refresh-tok-xyz', token: 'tok-FROM-REFRESH' };
    const i = await config('identity', { auths: { [fake.host]: { identitytoken: 'refresh-tok-xyz' } } });
    expect((await store({ dockerConfigDir: i }).s.manifest({ tag: '1.0' })).digest).toBe(sha256(bytes));
    expect(fake.requests.at(-1)!.authorization).toBe('Bearer tok-FROM-REFRESH');
  });

  it('a credential helper (credsStore / credHelpers) is run as docker runs it', async () => {
    fake.putManifest('acme/llm', '1.0', bytes);
    fake.auth = { kind: 'basic', user: 'carol', password: 'helper-pass-3' };
    const bin = path.join(dir, 'bin');
    await mkdir(bin, { recursive: true });
    const helper = path.join(bin, 'docker-credential-modelsigntest');
    // Answers for the server named on stdin only; prints the secret on failure (never shown).
    await writeFile(helper, `#!/bin/sh\n[ "$1" = get ] || exit 3\nread server\nif [ "$server" = "${fake.host}" ]; then echo '{"ServerURL":"'$server'","Username":"carol","Secret":"helper-pass-3"}'; else echo "helper-pass-3 credentials not found in native keychain"; exit 1; fi\n`);
    await chmod(helper, 0o755);
    const oldPath = process.env.PATH;
    process.env.PATH = `${bin}:${oldPath}`;
    try {
      const c = await config('helper', { credsStore: 'modelsigntest' });
      expect((await store({ dockerConfigDir: c }).s.manifest({ tag: '1.0' })).digest).toBe(sha256(bytes));
      const h = await config('helper2', { credHelpers: { [fake.host]: 'modelsigntest' }, credsStore: 'nonexistent' });
      expect((await store({ dockerConfigDir: h }).s.manifest({ tag: '1.0' })).digest).toBe(sha256(bytes));
      const missing = await config('helper3', { credsStore: 'nonexistent-helper' });
      expect(await failure(store({ dockerConfigDir: missing }).s.manifest({ tag: '1.0' }))).toMatchObject({ code: 'REGISTRY_AUTH_CONFIG', message: expect.stringMatching(/docker-credential-nonexistent-helper failed: not found on PATH/) });
      await writeFile(helper, '#!/bin/sh\necho "helper-pass-3 broke"; exit 7\n');
      const f = await failure(store({ dockerConfigDir: c }).s.manifest({ tag: '1.0' }));
      expect(f).toMatchObject({ code: 'REGISTRY_AUTH_CONFIG', message: 'credential helper docker-credential-modelsigntest failed (exit 7)' });
    } finally {
      process.env.PATH = oldPath;
    }
  });

  it('refused or missing credentials are REGISTRY_DENIED (exit 2), and no credential is ever in a message', async () => {
    fake.putManifest('acme/llm', '1.0', bytes);
    fake.auth = { kind: 'basic', user: 'dave', password: 'right-pass-4' };
    expect(await failure(store().s.manifest({ tag: '1.0' }))).toMatchObject({ code: 'REGISTRY_DENIED', kind: 'usage', message: expect.stringMatching(/no credentials for 127\.0\.0\.1:\d+ in the Docker configuration \(docker login/) });
    const wrong = await config('wrong', { auths: { [fake.host]: { auth: Buffer.from('dave:wrong-pass-5').toString('base64') } } });
    // A hostile registry echoing what it was sent, in its challenge and error body.
    fake.intercept = (req, res) => {
      const sent = req.headers.authorization ?? 'none';
      res.writeHead(401, { 'www-authenticate': `Basic realm="${sent}"`, 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: `you sent ${sent} = dave:wrong-pass-5` }] }));
      return true;
    };
    const f = await failure(store({ dockerConfigDir: wrong }).s.manifest({ tag: '1.0' }));
    expect(f).toMatchObject({ code: 'REGISTRY_DENIED', message: expect.stringMatching(/refused access to acme\/llm \(HTTP 401\) with the credentials from the Docker configuration/) });
    for (const secret of ['wrong-pass-5', Buffer.from('dave:wrong-pass-5').toString('base64')]) expect(f.message).not.toContain(secret);
  });

  it('a Bearer realm over plain HTTP on a host that is not an --insecure-registry is refused before anything is sent there', async () => {
    fake.intercept = (req, res) => {
      res.writeHead(401, { 'www-authenticate': 'Bearer realm="http://10.9.9.9:1/token",service="x"' });
      res.end();
      return true;
    };
    const c = await config('realm', { auths: { [fake.host]: { auth: Buffer.from('erin:realm-pass-6').toString('base64') } } });
    expect(await failure(store({ dockerConfigDir: c }).s.manifest({ tag: '1.0' }))).toMatchObject({ code: 'REGISTRY_ERROR', message: expect.stringMatching(/neither https nor an --insecure-registry/) });
  });
});

describe('referrers', () => {
  it('without the referrers API: the sha256-<hex> tag holds the list, appended to on each attach', async () => {
    const subjectBytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'x', digest: sha256(Buffer.from('{}')), size: 2 }, layers: [] }));
    const digest = fake.putManifest('acme/sig', '1.0', subjectBytes);
    const subject = { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest, size: subjectBytes.length };
    const { s } = store({ repo: 'acme/sig' });
    const first = await attachBundle(s, subject, Buffer.from('{"bundle":1}'), new Date('2025-01-01T00:00:00Z'));
    const second = await attachBundle(s, subject, Buffer.from('{"bundle":2}'), new Date('2025-02-01T00:00:00Z'));
    expect(fake.requests.some((r) => r.method === 'GET' && r.path.includes(`/referrers/${digest}`))).toBe(false);
    const tag = fake.manifests.get(`acme/sig:${digest.replace(':', '-')}`)!;
    expect(JSON.parse(tag.bytes.toString()).manifests.map((d: { digest: string }) => d.digest)).toEqual([first, second]);
    const listed = await listAttached(s, digest, (d) => d);
    expect(listed.map((a) => a.digest)).toEqual([second, first]);
    expect((await listed[1]!.read()).toString()).toBe('{"bundle":1}');
    // A referrer listed under this subject but attached to another is refused when read.
    const foreign = Buffer.from(fake.manifests.get(`acme/sig@${second}`)!.bytes.toString().replace(digest, `sha256:${'e'.repeat(64)}`));
    const fd = fake.putManifest('acme/sig', 'x', foreign);
    fake.putManifest('acme/sig', digest.replace(':', '-'), Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: fd, size: foreign.length, artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json' }] })), 'application/vnd.oci.image.index.v1+json');
    const [bad] = await listAttached(s, digest, (d) => d);
    expect(await failure(bad!.read())).toMatchObject({ code: 'SIG_MALFORMED', message: expect.stringMatching(/is attached to sha256:e+, not to/) });
  });
});

/**
 * An in-memory registry speaking the part of the distribution API modelsign uses, on
 * 127.0.0.1 with a free port, for what the real registry cannot be made to do: lie about
 * sizes, send endless or stalled bodies, redirect elsewhere, echo credentials back, and ask
 * for Basic or Bearer credentials (docker-registry's htpasswd needs bcrypt, and its token
 * auth a token server with signing certificates). `intercept` answers a request before the
 * registry does (return true when it did).
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type net from 'node:net';

export type FakeAuth = { kind: 'basic'; user: string; password: string } | { kind: 'bearer'; user: string; password: string; token: string };

export interface FakeRegistry {
  host: string;
  origin: string;
  blobs: Map<string, Buffer>;
  manifests: Map<string, { bytes: Buffer; type: string }>;
  requests: Array<{ method: string; path: string; authorization?: string }>;
  intercept?: (req: http.IncomingMessage, res: http.ServerResponse, url: URL, body: Buffer) => boolean;
  auth?: FakeAuth;
  putBlob(bytes: Buffer): string;
  putManifest(repo: string, ref: string, bytes: Buffer, type?: string): string;
  stop(): Promise<void>;
}

const digestOf = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

export async function startFakeRegistry(): Promise<FakeRegistry> {
  const fake: FakeRegistry = {
    host: '',
    origin: '',
    blobs: new Map(),
    manifests: new Map(),
    requests: [],
    putBlob(bytes) {
      const d = digestOf(bytes);
      this.blobs.set(d, bytes);
      return d;
    },
    putManifest(repo, ref, bytes, type = 'application/vnd.oci.image.manifest.v1+json') {
      const d = digestOf(bytes);
      this.manifests.set(`${repo}@${d}`, { bytes, type });
      if (ref !== d) this.manifests.set(`${repo}:${ref}`, { bytes, type });
      return d;
    },
    stop: async () => undefined,
  };
  const allowed = (req: http.IncomingMessage): boolean => {
    const a = fake.auth;
    if (!a) return true;
    const h = req.headers.authorization ?? '';
    if (a.kind === 'basic') return h === `Basic ${Buffer.from(`${a.user}:${a.password}`).toString('base64')}`;
    return h === `Bearer ${a.token}`;
  };
  const challenge = (res: http.ServerResponse, scope: string): void => {
    const a = fake.auth!;
    res.writeHead(401, {
      'www-authenticate': a.kind === 'basic' ? 'Basic realm="fake"' : `Bearer realm="${fake.origin}/token",service="fake",scope="${scope}"`,
      'content-type': 'application/json',
    });
    res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }));
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', fake.origin);
      fake.requests.push({ method: req.method ?? '', path: url.pathname + url.search, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
      if (fake.intercept?.(req, res, url, body)) return;
      if (url.pathname === '/token' && fake.auth?.kind === 'bearer') {
        const a = fake.auth;
        // An identity token (docker login with OAuth) is exchanged with a refresh-token POST.
        if (req.method === 'POST') {
          const form = new URLSearchParams(body.toString('utf8'));
          const ok = form.get('grant_type') === 'refresh_token' && form.get('refresh_token') === a.password;
          res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
          res.end(ok ? JSON.stringify({ access_token: a.token }) : '{}');
          return;
        }
        if (req.headers.authorization !== `Basic ${Buffer.from(`${a.user}:${a.password}`).toString('base64')}`) {
          res.writeHead(401);
          res.end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ token: a.token }));
        return;
      }
      const m = /^\/v2\/(.+?)\/(manifests|blobs)\/(.+)$/.exec(url.pathname);
      const repo = m?.[1] ?? '';
      if (!allowed(req)) return challenge(res, `repository:${repo}:${req.method === 'GET' || req.method === 'HEAD' ? 'pull' : 'pull,push'}`);
      if (m && m[2] === 'manifests' && (req.method === 'GET' || req.method === 'HEAD')) {
        const ref = m[3]!;
        const e = fake.manifests.get(ref.startsWith('sha256:') ? `${repo}@${ref}` : `${repo}:${ref}`);
        if (!e) {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }] }));
          return;
        }
        res.writeHead(200, { 'content-type': e.type, 'content-length': e.bytes.length, 'docker-content-digest': digestOf(e.bytes) });
        res.end(req.method === 'HEAD' ? undefined : e.bytes);
        return;
      }
      if (m && m[2] === 'manifests' && req.method === 'PUT') {
        const d = fake.putManifest(repo, m[3]!, body, req.headers['content-type'] ?? 'application/vnd.oci.image.manifest.v1+json');
        res.writeHead(201, { location: `/v2/${repo}/manifests/${d}`, 'docker-content-digest': d });
        res.end();
        return;
      }
      if (m && m[2] === 'blobs' && m[3] === 'uploads/' && req.method === 'POST') {
        res.writeHead(202, { location: `/v2/${repo}/blobs/uploads/u1?state=x`, 'content-length': 0 });
        res.end();
        return;
      }
      if (m && m[2] === 'blobs' && m[3]!.startsWith('uploads/') && req.method === 'PUT') {
        const d = url.searchParams.get('digest') ?? '';
        if (digestOf(body) !== d) {
          res.writeHead(400, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ code: 'DIGEST_INVALID' }] }));
          return;
        }
        fake.blobs.set(d, body);
        res.writeHead(201, { location: `/v2/${repo}/blobs/${d}` });
        res.end();
        return;
      }
      if (m && m[2] === 'blobs') {
        const b = fake.blobs.get(m[3]!);
        if (!b) {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ code: 'BLOB_UNKNOWN' }] }));
          return;
        }
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': b.length });
        res.end(req.method === 'HEAD' ? undefined : b);
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('404 page not found');
    });
  });
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
  fake.host = `127.0.0.1:${port}`;
  fake.origin = `http://${fake.host}`;
  fake.stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

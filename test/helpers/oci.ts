/**
 * OCI test set-up: a real registry (Debian's docker-registry, the CNCF distribution registry
 * 2.8) on 127.0.0.1 with a free port and its own config and storage, artifacts built as OCI
 * image layouts and pushed with `skopeo copy`, and a counting front for the registry.
 *
 * When docker-registry or skopeo is missing the tests skip with one line, unless
 * TEST_REQUIRE_REGISTRY=1 (.ci/run sets it): then the set-up fails.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { makeTar, type TarEntry } from './tar.js';

const run = promisify(execFile);

function which(bin: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const p = path.join(dir, bin);
    if (dir && existsSync(p)) return p;
  }
  return undefined;
}

export const REGISTRY_BIN = which('docker-registry');
export const SKOPEO = which('skopeo');

/** Why the registry tests cannot run here (undefined: they can). */
export function registryMissing(): string | undefined {
  const missing = [REGISTRY_BIN ? undefined : 'docker-registry', SKOPEO ? undefined : 'skopeo'].filter(Boolean);
  if (missing.length === 0) return undefined;
  const why = `${missing.join(' and ')} not installed (apt-get install docker-registry skopeo)`;
  if (process.env.TEST_REQUIRE_REGISTRY === '1') throw new Error(`${why}, and TEST_REQUIRE_REGISTRY=1`);
  return why;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitHttp(url: string, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      const r = await fetch(url);
      await r.arrayBuffer();
      if (r.status === 200) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface TestRegistry {
  /** 127.0.0.1:PORT */
  host: string;
  /** The registry's storage root (blobs under docker/registry/v2/blobs/sha256/XX/HEX/data). */
  storage: string;
  /** The file holding a blob's bytes in the storage (to replace them behind the registry's back). */
  blobFile(digest: string): string;
  stop(): Promise<void>;
}

/** docker-registry serving DIR/storage on 127.0.0.1 (a free port), until stop(). */
export async function startRegistry(dir: string): Promise<TestRegistry> {
  const port = await freePort();
  const storage = path.join(dir, 'storage');
  await mkdir(storage, { recursive: true });
  const config = path.join(dir, 'config.yml');
  // No blob descriptor cache: a blob replaced in storage is served as it now is.
  await writeFile(config, ['version: 0.1', 'log:', '  level: error', '  accesslog:', '    disabled: true', 'storage:', '  filesystem:', `    rootdirectory: ${storage}`, '  delete:', '    enabled: true', 'http:', `  addr: 127.0.0.1:${port}`, ''].join('\n'));
  const child: ChildProcess = spawn(REGISTRY_BIN!, ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const host = `127.0.0.1:${port}`;
  try {
    await waitHttp(`http://${host}/v2/`);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`docker-registry did not start: ${(e as Error).message}\n${stderr.slice(-2000)}`);
  }
  return {
    host,
    storage,
    blobFile: (digest) => {
      const hex = digest.replace(/^sha256:/, '');
      return path.join(storage, 'docker/registry/v2/blobs/sha256', hex.slice(0, 2), hex, 'data');
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export const MT = {
  weightRaw: 'application/vnd.cncf.model.weight.v1.raw',
  configRaw: 'application/vnd.cncf.model.weight.config.v1.raw',
  docRaw: 'application/vnd.cncf.model.doc.v1.raw',
  weightTar: 'application/vnd.cncf.model.weight.v1.tar',
  weightTgz: 'application/vnd.cncf.model.weight.v1.tar+gzip',
  modelConfig: 'application/vnd.cncf.model.config.v1+json',
  modelArtifact: 'application/vnd.cncf.model.manifest.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
} as const;

export type LayerSpec =
  | { raw: string; data: Buffer | string; mediaType?: string; annotation?: 'filepath' | 'title' }
  | { tar: TarEntry[]; gzip?: boolean; mediaType?: string }
  | { blob: Buffer; mediaType: string; annotations?: Record<string, string> };

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
}

export interface BuiltArtifact {
  digest: string;
  manifest: Buffer;
  layers: Descriptor[];
}

export function sha256(b: Buffer): string {
  return `sha256:${createHash('sha256').update(b).digest('hex')}`;
}

/** Write BYTES into the layout's blobs; its descriptor. */
async function putBlob(dir: string, bytes: Buffer, mediaType: string): Promise<Descriptor> {
  const digest = sha256(bytes);
  await mkdir(path.join(dir, 'blobs/sha256'), { recursive: true });
  await writeFile(path.join(dir, 'blobs/sha256', digest.slice(7)), bytes);
  return { mediaType, digest, size: bytes.length };
}

/**
 * An OCI image layout in DIR holding one ModelPack-style artifact tagged TAG (more artifacts
 * can be added to the same layout under other tags).
 */
export async function writeArtifact(dir: string, tag: string, layers: LayerSpec[], opts: { name?: string } = {}): Promise<BuiltArtifact> {
  const descs: Descriptor[] = [];
  for (const l of layers) {
    if ('raw' in l) {
      const d = await putBlob(dir, Buffer.from(l.data), l.mediaType ?? MT.weightRaw);
      d.annotations = { [l.annotation === 'title' ? 'org.opencontainers.image.title' : 'org.cncf.model.filepath']: l.raw };
      descs.push(d);
    } else if ('tar' in l) {
      descs.push(await putBlob(dir, makeTar(l.tar, { gzip: l.gzip ?? false }), l.mediaType ?? (l.gzip ? MT.weightTgz : MT.weightTar)));
    } else {
      const d = await putBlob(dir, l.blob, l.mediaType);
      if (l.annotations) d.annotations = l.annotations;
      descs.push(d);
    }
  }
  const config = await putBlob(dir, Buffer.from(JSON.stringify({ descriptor: { name: opts.name ?? tag }, config: { format: 'safetensors' }, modelfs: { type: 'layers', diffIds: descs.map((d) => d.digest) } })), MT.modelConfig);
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MT.ociManifest, artifactType: MT.modelArtifact, config, layers: descs }));
  const m = await putBlob(dir, manifest, MT.ociManifest);
  await writeFile(path.join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  const indexFile = path.join(dir, 'index.json');
  const index = existsSync(indexFile) ? (JSON.parse(await (await import('node:fs/promises')).readFile(indexFile, 'utf8')) as { manifests: Descriptor[] }) : { manifests: [] };
  const manifests = index.manifests.filter((d) => d.annotations?.['org.opencontainers.image.ref.name'] !== tag);
  manifests.push({ ...m, annotations: { 'org.opencontainers.image.ref.name': tag } });
  await writeFile(indexFile, JSON.stringify({ schemaVersion: 2, mediaType: MT.ociIndex, manifests }));
  return { digest: m.digest, manifest, layers: descs };
}

/** skopeo copy oci:LAYOUT:TAG docker://DEST (plain HTTP). */
export async function skopeoCopy(layout: string, tag: string, dest: string): Promise<void> {
  await run(SKOPEO!, ['copy', '--quiet', '--dest-tls-verify=false', `oci:${layout}:${tag}`, `docker://${dest}`], { timeout: 60_000 });
}

export interface Front {
  host: string;
  /** Body bytes sent to clients for GET .../blobs/DIGEST, by digest. */
  blobBytes: Map<string, number>;
  /** Every request as "METHOD PATH". */
  requests: string[];
  stop(): Promise<void>;
}

/**
 * A front for the registry on its own free port: forwards every request and counts the blob
 * bytes it sends back. With `referrers`, it also implements the OCI 1.1 referrers API over
 * the registry behind it - distribution 2.8 has none, and no registry that has one (zot,
 * distribution 3) is packaged in Debian 12 - the way such registries do: a manifest pushed
 * with a `subject` is answered with `OCI-Subject`, and GET /v2/NAME/referrers/DIGEST lists
 * the manifests whose subject is DIGEST (filtered by artifactType, OCI-Filters-Applied).
 */
export async function startFront(upstream: string, opts: { referrers: boolean }): Promise<Front> {
  const blobBytes = new Map<string, number>();
  const requests: string[] = [];
  const referrers = new Map<string, Array<Record<string, unknown>>>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', `http://${upstream}`);
      requests.push(`${req.method} ${url.pathname}`);
      const ref = /^\/v2\/(.+)\/referrers\/(sha256:[0-9a-f]{64})$/.exec(url.pathname);
      if (opts.referrers && ref && req.method === 'GET') {
        const want = url.searchParams.get('artifactType');
        const all = referrers.get(`${ref[1]}@${ref[2]}`) ?? [];
        const list = want ? all.filter((d) => d.artifactType === want) : all;
        res.writeHead(200, { 'content-type': MT.ociIndex, ...(want ? { 'oci-filters-applied': 'artifactType' } : {}) });
        res.end(JSON.stringify({ schemaVersion: 2, mediaType: MT.ociIndex, manifests: list }));
        return;
      }
      // The client's Host header is kept: the registry builds upload locations from it.
      const headers = { ...req.headers };
      const up = http.request({ host: upstream.split(':')[0], port: Number(upstream.split(':')[1]), method: req.method, path: req.url, headers }, (ur) => {
        const out: Record<string, string | string[]> = {};
        for (const [k, v] of Object.entries(ur.headers)) if (v !== undefined) out[k] = v;
        const pushed = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(url.pathname);
        if (opts.referrers && pushed && req.method === 'PUT' && ur.statusCode === 201) {
          const m = JSON.parse(body.toString('utf8')) as { mediaType?: string; artifactType?: string; subject?: { digest: string }; annotations?: Record<string, string>; config?: { mediaType?: string } };
          if (m.subject) {
            const key = `${pushed[1]}@${m.subject.digest}`;
            const list = referrers.get(key) ?? [];
            list.push({ mediaType: m.mediaType, digest: sha256(body), size: body.length, artifactType: m.artifactType ?? m.config?.mediaType, ...(m.annotations ? { annotations: m.annotations } : {}) });
            referrers.set(key, list);
            out['oci-subject'] = m.subject.digest;
          }
        }
        res.writeHead(ur.statusCode ?? 502, out);
        const blob = /\/blobs\/(sha256:[0-9a-f]{64})$/.exec(url.pathname);
        ur.on('data', (c: Buffer) => {
          if (blob && req.method === 'GET') blobBytes.set(blob[1]!, (blobBytes.get(blob[1]!) ?? 0) + c.length);
          res.write(c);
        });
        ur.on('end', () => res.end());
      });
      up.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      up.end(body);
    });
  });
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
  return {
    host: `127.0.0.1:${port}`,
    blobBytes,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

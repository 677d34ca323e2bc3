/**
 * A registry as a Store, over the OCI distribution API: manifests and blobs (pulled and
 * pushed), the referrers API with the `sha256-<hex>` tag fallback, and the Basic and Bearer
 * token flows with credentials from the Docker configuration. A token or password is sent
 * only to the registry's own origin (and the Bearer realm it names, over https unless that
 * host is an --insecure-registry); a redirect elsewhere (a blob store) never carries one.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { reject, usage } from '../errors.js';
import { credentialFor, parseChallenge, type Challenge, type Credential } from './auth.js';
import { errorCode, readBody, say, schemeFor, send, verifiedBody, type HttpConfig, type Reply, type SendInit } from './http.js';
import { MANIFEST_ACCEPT, MAX_MANIFEST_BYTES, MEDIA, indexOf, parseManifest, type Descriptor } from './manifest.js';
import type { RemoteReference } from './reference.js';
import { describe, type FetchedManifest, type Store } from './store.js';

const MAX_TOKEN_BYTES = 64 * 1024;
/** Pages of a referrers listing followed (Link: rel="next"). */
const MAX_REFERRER_PAGES = 8;

export interface RegistryConfig extends HttpConfig {
  /** The Docker configuration directory (DOCKER_CONFIG or ~/.docker); none: anonymous. */
  dockerConfigDir?: string;
}

type Scope = 'pull' | 'push';

export class Registry implements Store {
  readonly where: string;
  private readonly origin: string;
  private readonly base: string;
  private auth: string | undefined;
  private cred: Credential | null | undefined;

  constructor(
    private readonly ref: RemoteReference,
    private readonly cfg: RegistryConfig,
  ) {
    this.where = `oci://${ref.registry}/${ref.repository}`;
    this.origin = `${schemeFor(cfg, ref.registry)}://${ref.registry}`;
    this.base = `${this.origin}/v2/${ref.repository}`;
  }

  private async credential(): Promise<Credential | undefined> {
    if (this.cred === undefined) this.cred = (await credentialFor(this.cfg.dockerConfigDir, this.ref.registry, this.cfg.secrets)) ?? null;
    return this.cred ?? undefined;
  }

  private denied(status: number, had: boolean): never {
    const why = had ? 'with the credentials from the Docker configuration' : `and there are no credentials for ${this.ref.registry} in the Docker configuration (docker login ${this.ref.registry})`;
    throw usage('REGISTRY_DENIED', say(this.cfg, `registry ${this.ref.registry} refused access to ${this.ref.repository} (HTTP ${status}) ${why}`));
  }

  /** A Bearer token for the challenge's realm and scope. */
  private async token(ch: Challenge, scope: Scope, cred: Credential | undefined): Promise<string> {
    const realmText = ch.params.realm;
    let realm: URL;
    try {
      realm = new URL(realmText ?? '');
    } catch {
      throw usage('REGISTRY_ERROR', say(this.cfg, `registry ${this.ref.registry} named no usable token realm`));
    }
    if (realm.protocol !== 'https:' && !(realm.protocol === 'http:' && this.cfg.insecure.has(realm.host))) {
      throw usage('REGISTRY_ERROR', say(this.cfg, `registry ${this.ref.registry} asks for a token from ${realm.protocol}//${realm.host}, which is neither https nor an --insecure-registry`));
    }
    const wanted = ch.params.scope ?? `repository:${this.ref.repository}:${scope === 'push' ? 'pull,push' : 'pull'}`;
    const init: SendInit = { method: 'GET', headers: { accept: 'application/json' } };
    if (cred?.kind === 'identity-token') {
      const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: cred.token, client_id: 'modelsign', scope: wanted, ...(ch.params.service ? { service: ch.params.service } : {}) });
      init.method = 'POST';
      init.headers = { ...init.headers, 'content-type': 'application/x-www-form-urlencoded' };
      init.body = Buffer.from(form.toString());
    } else {
      if (ch.params.service) realm.searchParams.set('service', ch.params.service);
      realm.searchParams.set('scope', wanted);
      if (cred) init.auth = { origin: realm.origin, header: `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString('base64')}` };
    }
    const reply = await send(this.cfg, realm, init);
    if (reply.status === 401 || reply.status === 403) {
      reply.close();
      this.denied(reply.status, cred !== undefined);
    }
    if (reply.status !== 200) throw usage('REGISTRY_ERROR', say(this.cfg, `token service ${realm.host} answered HTTP ${reply.status}${await errorCode(this.cfg, reply)}`));
    const body = await readBody(this.cfg, reply, MAX_TOKEN_BYTES, 'token response');
    let tok: unknown;
    try {
      const j = JSON.parse(body.toString('utf8')) as { token?: unknown; access_token?: unknown };
      tok = j.access_token ?? j.token;
    } catch {
      tok = undefined;
    }
    if (typeof tok !== 'string' || tok === '' || !/^[\x21-\x7e]+$/.test(tok)) throw usage('REGISTRY_ERROR', say(this.cfg, `token service ${realm.host} sent no usable token`));
    this.cfg.secrets.add(tok);
    return `Bearer ${tok}`;
  }

  /** Answer a 401's challenge: the Authorization header to retry with. */
  private async authenticate(header: string | null, scope: Scope, status: number): Promise<string> {
    const ch = parseChallenge(header ?? '');
    const cred = await this.credential();
    if (ch?.scheme === 'bearer') return this.token(ch, scope, cred);
    if (ch?.scheme === 'basic' && cred?.kind === 'basic') return `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString('base64')}`;
    this.denied(status, cred !== undefined);
  }

  /** A request to the registry, authenticated on its challenge (once per request). */
  private async call(url: URL, init: SendInit, scope: Scope = 'pull'): Promise<Reply> {
    const withAuth = (): SendInit => (this.auth ? { ...init, auth: { origin: this.origin, header: this.auth } } : init);
    let reply = await send(this.cfg, url, withAuth());
    if (reply.status === 401) {
      const challenge = reply.headers.get('www-authenticate');
      reply.close();
      this.auth = await this.authenticate(challenge, scope, 401);
      reply = await send(this.cfg, url, withAuth());
    }
    if (reply.status === 401 || reply.status === 403) {
      reply.close();
      this.denied(reply.status, (await this.credential()) !== undefined);
    }
    return reply;
  }

  private async unexpected(reply: Reply, what: string): Promise<never> {
    throw usage('REGISTRY_ERROR', say(this.cfg, `registry ${this.ref.registry} answered HTTP ${reply.status}${await errorCode(this.cfg, reply)} for ${what}`));
  }

  async manifest(ref: { tag?: string; digest?: string }): Promise<FetchedManifest> {
    const name = ref.digest ?? ref.tag!;
    const reply = await this.call(new URL(`${this.base}/manifests/${name}`), { method: 'GET', headers: { accept: MANIFEST_ACCEPT } });
    if (reply.status === 404) {
      reply.close();
      throw usage('MODEL_NOT_FOUND', say(this.cfg, `model not found: ${this.where} has no manifest ${name}`));
    }
    if (reply.status !== 200) return this.unexpected(reply, `manifest ${name}`);
    const bytes = await readBody(this.cfg, reply, MAX_MANIFEST_BYTES, `manifest ${name}`);
    return fetched(bytes, reply.headers.get('content-type') ?? undefined, ref.digest, this.where);
  }

  async blob(desc: Descriptor): Promise<Readable> {
    const reply = await this.call(new URL(`${this.base}/blobs/${desc.digest}`), { method: 'GET', expectBytes: desc.size });
    if (reply.status !== 200) {
      const code = await errorCode(this.cfg, reply);
      throw reject('OCI_BLOB_UNREADABLE', say(this.cfg, `blob ${desc.digest} of ${this.where}: HTTP ${reply.status}${code}`));
    }
    return verifiedBody(this.cfg, reply, desc);
  }

  async referrers(digest: string): Promise<Descriptor[]> {
    const out: Descriptor[] = [];
    let url: URL | undefined = new URL(`${this.base}/referrers/${digest}`);
    url.searchParams.set('artifactType', MEDIA.bundle);
    for (let page = 0; url && page < MAX_REFERRER_PAGES; page++) {
      const reply = await this.call(url, { method: 'GET', headers: { accept: MEDIA.ociIndex } });
      // No referrers API (distribution 2.x answers 404): the tag schema holds the list.
      if (page === 0 && [400, 404, 405, 501].includes(reply.status)) {
        reply.close();
        return this.taggedReferrers(digest);
      }
      if (reply.status !== 200) return this.unexpected(reply, `the referrers of ${digest}`);
      const body = await readBody(this.cfg, reply, MAX_MANIFEST_BYTES, `referrers of ${digest}`);
      const idx = parseManifest(body, reply.headers.get('content-type') ?? MEDIA.ociIndex, `referrers list of ${digest}`);
      if (idx.kind !== 'index') throw reject('OCI_MANIFEST_MALFORMED', `the referrers list of ${digest} is not an index`);
      for (const d of idx.manifests) out.push(d);
      url = nextPage(reply.headers.get('link'), reply.url);
    }
    return out;
  }

  private fallbackTag(digest: string): string {
    return digest.replace(':', '-');
  }

  private async taggedReferrers(digest: string): Promise<Descriptor[]> {
    const tag = this.fallbackTag(digest);
    const reply = await this.call(new URL(`${this.base}/manifests/${tag}`), { method: 'GET', headers: { accept: MEDIA.ociIndex } });
    if (reply.status === 404) {
      reply.close();
      return [];
    }
    if (reply.status !== 200) return this.unexpected(reply, `the referrers tag ${tag}`);
    const body = await readBody(this.cfg, reply, MAX_MANIFEST_BYTES, `referrers tag ${tag}`);
    const idx = parseManifest(body, reply.headers.get('content-type') ?? undefined, `referrers tag ${tag}`);
    if (idx.kind !== 'index') throw reject('OCI_MANIFEST_MALFORMED', `the referrers tag ${tag} does not hold an index`);
    return idx.manifests;
  }

  async pushBlob(bytes: Buffer): Promise<Descriptor> {
    const hex = createHash('sha256').update(bytes).digest('hex');
    const d = describe(bytes, 'application/octet-stream', hex);
    const head = await this.call(new URL(`${this.base}/blobs/${d.digest}`), { method: 'HEAD' }, 'push');
    head.close();
    if (head.status === 200) return d;
    const start = await this.call(new URL(`${this.base}/blobs/uploads/`), { method: 'POST', headers: { 'content-length': '0' } }, 'push');
    const location = start.headers.get('location');
    if (start.status !== 202 || !location) return this.unexpected(start, 'a blob upload');
    start.close();
    const put = new URL(location, this.origin);
    if (put.origin !== this.origin) throw usage('REGISTRY_ERROR', say(this.cfg, `registry ${this.ref.registry} sent the upload to another host (${put.host})`));
    put.searchParams.set('digest', d.digest);
    const done = await this.call(put, { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body: bytes }, 'push');
    if (done.status !== 201) return this.unexpected(done, `the upload of ${d.digest}`);
    done.close();
    return d;
  }

  private async putManifest(name: string, bytes: Buffer, mediaType: string): Promise<Reply> {
    const reply = await this.call(new URL(`${this.base}/manifests/${name}`), { method: 'PUT', headers: { 'content-type': mediaType }, body: bytes }, 'push');
    if (reply.status !== 201 && reply.status !== 200) return this.unexpected(reply, `manifest ${name}`);
    reply.close();
    return reply;
  }

  async pushReferrer(manifest: Buffer, subject: Descriptor, listed: Descriptor): Promise<void> {
    const put = await this.putManifest(listed.digest, manifest, MEDIA.ociManifest);
    // A registry with the referrers API says so, and lists the manifest itself.
    if (put.headers.get('oci-subject') === subject.digest) return;
    const tag = this.fallbackTag(subject.digest);
    const current = await this.taggedReferrers(subject.digest);
    if (current.some((d) => d.digest === listed.digest)) return;
    await this.putManifest(tag, indexOf([...current, listed]), MEDIA.ociIndex);
  }
}

/** `Link: </v2/...?n=..&last=..>; rel="next"` on the same origin, else undefined. */
function nextPage(link: string | null, from: URL): URL | undefined {
  const m = link ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link) : null;
  if (!m) return undefined;
  try {
    const u = new URL(m[1]!, from);
    return u.origin === from.origin ? u : undefined;
  } catch {
    return undefined;
  }
}

/** A manifest's bytes with the digest they hash to, checked against the one asked for. */
export function fetched(bytes: Buffer, mediaType: string | undefined, expect: string | undefined, where: string): FetchedManifest {
  const alg = expect?.startsWith('sha512:') ? 'sha512' : 'sha256';
  const digest = `${alg}:${createHash(alg).update(bytes).digest('hex')}`;
  if (expect !== undefined && digest !== expect) throw reject('OCI_DIGEST_MISMATCH', `manifest ${expect} from ${where} does not match its digest (its bytes hash to ${digest})`);
  return { digest, mediaType, bytes };
}

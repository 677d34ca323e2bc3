/**
 * A local OCI image layout (oci-layout, index.json, blobs/ALG/HEX, as skopeo and oras write
 * one) as a Store, offline. Tags are the index entries' `org.opencontainers.image.ref.name`;
 * referrers are the manifests of the index whose `subject` is the artifact (oras attach
 * keeps them there). Blob names come from validated digests only, and each blob is opened
 * without following a link and must be a regular file, in a blobs/ALG folder that is no link
 * either (a layout unpacked from a hostile archive may point blobs/ anywhere).
 */
import { constants } from 'node:fs';
import { lstat, open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { errnoCode, reject, usage } from '../errors.js';
import { FileTooLarge, NotRegularFile, readRegularFile } from '../util/read-file.js';
import { parseStrictJson } from '../util/strict-json.js';
import { writeAtomic } from '../util/write-atomic.js';
import { checked } from './digest-check.js';
import { MAX_MANIFEST_BYTES, MEDIA, isDigest, parseManifest, type Descriptor, type ImageIndex } from './manifest.js';
import type { LayoutReference } from './reference.js';
import { fetched } from './registry.js';
import { type FetchedManifest, type Store } from './store.js';
import { createHash } from 'node:crypto';

const REF_NAME = 'org.opencontainers.image.ref.name';
/** Index entries examined for referrers (each is a manifest read). */
const MAX_REFERRER_CANDIDATES = 1000;

export class Layout implements Store {
  readonly where: string;

  constructor(
    private readonly ref: LayoutReference,
    private readonly received: { bytes: number },
  ) {
    this.where = `oci:${ref.dir}`;
  }

  private blobPath(digest: string): string {
    if (!isDigest(digest)) throw reject('OCI_MANIFEST_MALFORMED', `not a digest: ${JSON.stringify(digest.slice(0, 80))}`);
    const [alg, hex] = digest.split(':') as [string, string];
    return path.join(this.ref.dir, 'blobs', alg, hex);
  }

  /** OCI_BLOB_UNREADABLE when blobs/ or blobs/ALG is a link (or not a folder); nothing when absent. */
  private async checkFolders(digest: string): Promise<void> {
    const alg = digest.split(':')[0]!;
    for (const rel of ['blobs', path.join('blobs', alg)]) {
      let st;
      try {
        st = await lstat(path.join(this.ref.dir, rel));
      } catch (e) {
        if (errnoCode(e) === 'ENOENT') return;
        throw reject('OCI_BLOB_UNREADABLE', `${rel}/ of ${this.where}: ${errnoCode(e) ?? String(e)}`);
      }
      if (st.isSymbolicLink()) throw reject('OCI_BLOB_UNREADABLE', `${rel}/ of ${this.where} is a symbolic link (not followed)`);
      if (!st.isDirectory()) throw reject('OCI_BLOB_UNREADABLE', `${rel}/ of ${this.where} is not a folder`);
    }
  }

  /** The layout's index.json; MODEL_NOT_FOUND when DIR is not a layout. */
  async index(): Promise<ImageIndex> {
    const file = path.join(this.ref.dir, 'index.json');
    try {
      await stat(path.join(this.ref.dir, 'oci-layout'));
    } catch {
      throw usage('MODEL_NOT_FOUND', `model not found: ${this.ref.dir} is not an OCI image layout (no oci-layout file)`);
    }
    let bytes: Buffer;
    try {
      bytes = await readRegularFile(file, MAX_MANIFEST_BYTES, { noFollow: true });
    } catch (e) {
      throw usage('MODEL_NOT_FOUND', `model not found: cannot read ${file}: ${e instanceof FileTooLarge ? 'too large' : e instanceof NotRegularFile ? 'not a regular file' : (errnoCode(e) ?? String(e))}`);
    }
    const idx = parseManifest(bytes, MEDIA.ociIndex, `${file}`);
    if (idx.kind !== 'index') throw reject('OCI_MANIFEST_MALFORMED', `${file} is not an image index`);
    return idx;
  }

  async manifest(ref: { tag?: string; digest?: string }): Promise<FetchedManifest> {
    let digest = ref.digest;
    let mediaType: string | undefined;
    if (digest === undefined) {
      const entries = (await this.index()).manifests;
      const named = ref.tag === undefined ? entries : entries.filter((d) => d.annotations?.[REF_NAME] === ref.tag);
      if (named.length === 0) throw usage('MODEL_NOT_FOUND', `model not found: ${this.where} has no manifest tagged ${JSON.stringify(ref.tag)}`);
      if (named.length > 1) {
        throw usage('OCI_BAD_REFERENCE', ref.tag === undefined ? `${this.where} holds ${named.length} manifests: name one as oci:DIR:TAG` : `${this.where} has ${named.length} manifests tagged ${JSON.stringify(ref.tag)}`);
      }
      digest = named[0]!.digest;
      mediaType = named[0]!.mediaType;
    }
    const bytes = await this.readSmall(digest, MAX_MANIFEST_BYTES);
    return fetched(bytes, mediaType, digest, this.where);
  }

  private async readSmall(digest: string, max: number): Promise<Buffer> {
    const file = this.blobPath(digest);
    await this.checkFolders(digest);
    try {
      const b = await readRegularFile(file, max, { noFollow: true });
      this.received.bytes += b.length;
      return b;
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') throw usage('MODEL_NOT_FOUND', `model not found: ${this.where} has no blob ${digest}`);
      if (e instanceof FileTooLarge) throw reject('OCI_TOO_LARGE', `blob ${digest} of ${this.where} is larger than ${max} bytes`);
      throw reject('OCI_BLOB_UNREADABLE', `blob ${digest} of ${this.where}: ${e instanceof NotRegularFile ? 'not a regular file' : (errnoCode(e) ?? String(e))}`);
    }
  }

  async blob(desc: Descriptor): Promise<Readable> {
    const file = this.blobPath(desc.digest);
    await this.checkFolders(desc.digest);
    let fh;
    try {
      fh = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (e) {
      throw reject('OCI_BLOB_UNREADABLE', `blob ${desc.digest} of ${this.where}: ${errnoCode(e) === 'ENOENT' ? 'missing' : errnoCode(e) === 'ELOOP' ? 'a symbolic link (not followed)' : (errnoCode(e) ?? String(e))}`);
    }
    if (!(await fh.stat()).isFile()) {
      await fh.close();
      throw reject('OCI_BLOB_UNREADABLE', `blob ${desc.digest} of ${this.where} is not a regular file`);
    }
    const rs = fh.createReadStream({ highWaterMark: 1024 * 1024 });
    rs.on('data', (c: Buffer | string) => (this.received.bytes += c.length));
    return checked(rs, desc, this.where);
  }

  async referrers(digest: string): Promise<Descriptor[]> {
    const out: Descriptor[] = [];
    const candidates = (await this.index()).manifests.filter((d) => d.mediaType === MEDIA.ociManifest && (d.artifactType === undefined || d.artifactType === MEDIA.bundle));
    for (const d of candidates.slice(0, MAX_REFERRER_CANDIDATES)) {
      let m;
      try {
        const f = await this.manifest({ digest: d.digest });
        m = parseManifest(f.bytes, d.mediaType);
      } catch {
        // Unreadable: a bundle by its index entry is still listed (reading it says why it
        // fails); any other entry refers to nothing known.
        if (d.artifactType === MEDIA.bundle) out.push(d);
        continue;
      }
      if (m.kind === 'manifest' && m.subject?.digest === digest) out.push({ ...d, ...(m.artifactType ? { artifactType: m.artifactType } : {}), ...(m.annotations ? { annotations: m.annotations } : {}) });
    }
    return out;
  }

  async pushBlob(bytes: Buffer): Promise<Descriptor> {
    const hex = createHash('sha256').update(bytes).digest('hex');
    const d: Descriptor = { mediaType: 'application/octet-stream', digest: `sha256:${hex}`, size: bytes.length };
    const file = this.blobPath(d.digest);
    const exists = await stat(file).then((s) => s.isFile() && s.size === bytes.length, () => false);
    if (!exists) await writeAtomic(file, bytes, 'WRITE_FAILED', `blob ${d.digest} of ${this.where}`, { createDirs: true });
    return d;
  }

  async pushReferrer(manifest: Buffer, _subject: Descriptor, listed: Descriptor): Promise<void> {
    await this.pushBlob(manifest);
    const idx = await this.index();
    if (idx.manifests.some((d) => d.digest === listed.digest)) return;
    // The index as it is (its annotations, unknown fields), with the referrer appended.
    const file = path.join(this.ref.dir, 'index.json');
    const body = parseStrictJson((await readRegularFile(file, MAX_MANIFEST_BYTES, { noFollow: true })).toString('utf8')) as { manifests: unknown[] };
    body.manifests.push(listed);
    await writeAtomic(file, JSON.stringify(body), 'WRITE_FAILED', `${this.where}/index.json`);
  }
}

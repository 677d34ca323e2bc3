/**
 * Reading an OCI artifact as a model: each raw-file layer is one file, each tar layer the
 * files it holds (streamed once through the archive reader, never extracted unasked).
 *
 *   - sha256 + whole files, not pulled, not scanned: a raw layer's digest IS the file's
 *     digest; nothing is downloaded. (The manifest was fetched by digest, or hashed as
 *     received: its layer digests are what the signature is compared with.)
 *   - other algorithms, shards, a scan, or --pull-to: the layer is downloaded, checked
 *     against its digest and size as it streams, and the requested ranges hashed from the
 *     bytes received; what a scanner reads or a pull writes is those same bytes.
 *
 * A blob that does not match its digest fails its file (raw) or the whole layer (tar: a
 * listing problem, the entries it held cannot be trusted).
 */
import { finished } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { ModelsignError, type Failure } from '../../errors.js';
import { prepareAlgorithm } from '../../hashing/algorithms.js';
import { readTarStream } from '../archive.js';
import { compareCodePoints, isIgnored } from '../../hashing/paths.js';
import { DigestMismatch, type Descriptor, type LayerKind, type Store } from '../../oci/index.js';
import { disjointRanges, RangeHasher } from '../stream-hash.js';
import { HashedRanges } from '../ranges.js';
import type { Inspector, ReadRequest, ReadResult, SourceFile, SourceListing } from '../types.js';
import { withVerifiedFile } from '../verified-file.js';
import { TreeWriter } from './tree-writer.js';

export interface OciLayer {
  desc: Descriptor;
  kind: LayerKind;
}

export interface OciModel {
  store: Store;
  /** oci://REGISTRY/REPO@sha256:... (listings' root). */
  pinned: string;
  layers: readonly OciLayer[];
  /** Bytes the store read so far. */
  received: { bytes: number };
  /** --pull-to: every hashed file is written here. */
  pull?: TreeWriter;
}

/** Why a blob could not be read, as a failure. */
function blobFailure(e: unknown, path?: string): Failure {
  const code = e instanceof ModelsignError || e instanceof DigestMismatch ? e.code : 'OCI_BLOB_UNREADABLE';
  const message = e instanceof Error ? e.message : String(e);
  return path === undefined ? { code, message } : { code, path, message };
}

/** A failure of the layer's bytes (not of the request's own callbacks, which are rethrown). */
class StreamFailure extends Error {
  constructor(readonly reason: unknown) {
    super('layer stream failed');
  }
}

/** A raw layer needs no download: sha256 of the whole file is its digest. */
function fromDigest(req: ReadRequest, ranges: ReadonlyArray<[number, number]>, desc: Descriptor): string | undefined {
  const [only] = ranges;
  return req.alg === 'sha256' && ranges.length === 1 && only![0] === 0 && only![1] === desc.size && desc.digest.startsWith('sha256:') ? desc.digest.slice(7) : undefined;
}

class OciRead {
  readonly files: SourceFile[] = [];
  readonly problems: Failure[] = [];
  readonly hashed = new HashedRanges();
  /** Which layer each listed name came from (two layers may not give one name). */
  private readonly owner = new Map<string, string>();
  private done = 0;
  private readonly total: number;
  /** Each link entry of a tar layer: the entry whose bytes it has, and the layer of both. */
  readonly links = new Map<string, { target: string; layer: string }>();

  constructor(
    private readonly m: OciModel,
    private readonly req: ReadRequest,
    /** Where downloaded files go: the pull target, or the scanners' spool. */
    readonly writer: TreeWriter | undefined,
  ) {
    this.total = m.layers.reduce((s, l) => s + l.desc.size, 0);
  }

  private progress(n: number): void {
    this.done += n;
    this.req.engine?.onProgress?.(this.done, this.total);
  }

  /** Whether a listed file's bytes are written (pulled, or spooled for a scanner). */
  private keeps(file: SourceFile, ranges: ReadonlyArray<[number, number]>): boolean {
    if (!this.writer) return false;
    return this.m.pull ? ranges.length > 0 : (this.req.inspector?.wants(file) ?? false);
  }

  private fail(name: string, ranges: ReadonlyArray<[number, number]>, f: Failure): void {
    for (const [s, e] of ranges) this.hashed.set(name, s, e, { ok: false, code: f.code, message: f.message });
  }

  /** The layer that holds NAME. */
  ownerOf(name: string): string | undefined {
    return this.owner.get(name);
  }

  /** Claim NAME for a layer; a second claim is a problem (an extractor would overwrite one). */
  claim(name: string, layer: string): boolean {
    const first = this.owner.get(name);
    if (first === undefined) {
      this.owner.set(name, layer);
      return true;
    }
    this.problems.push({ code: 'DUPLICATE_NAME', path: name, message: `layers ${first} and ${layer} both hold ${JSON.stringify(name)}` });
    return false;
  }

  listRaw(layer: OciLayer & { kind: { kind: 'file'; name: string } }): SourceFile | undefined {
    const name = layer.kind.name;
    if (!this.claim(name, layer.desc.digest)) return undefined;
    if (isIgnored(name, this.req.ignorePaths) && !(this.req.signedPaths?.has(name) ?? false)) return undefined;
    const f = { name, size: layer.desc.size, viaLink: false };
    this.files.push(f);
    return f;
  }

  async readRaw(file: SourceFile, desc: Descriptor): Promise<void> {
    const ranges = this.req.ranges(file.name, file.size);
    const keep = this.keeps(file, ranges);
    const alg = this.req.alg;
    if (!keep && (ranges.length === 0 || alg === undefined)) return;
    const direct = this.m.pull ? undefined : fromDigest(this.req, ranges, desc);
    if (!keep && direct !== undefined) {
      this.hashed.set(file.name, 0, file.size, { ok: true, digest: direct });
      return;
    }
    const hasher = alg ? new RangeHasher(disjointRanges(ranges, file.size), alg) : undefined;
    const sink = keep ? this.writer!.open(file.name) : undefined;
    let got = 0;
    try {
      const stream = await this.m.store.blob(desc);
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        got += chunk.length;
        hasher?.update(chunk);
        sink?.write(chunk);
        this.progress(chunk.length);
      }
    } catch (e) {
      sink?.end(false);
      this.fail(file.name, ranges, blobFailure(e, file.name));
      return;
    }
    sink?.end(true);
    const written = sink ? this.writer!.failure(file.name) : undefined;
    if (written) return this.fail(file.name, ranges, written);
    const digests = got === file.size ? hasher?.end() : undefined;
    hasher?.ranges.forEach(([s, e], i) => this.hashed.set(file.name, s, e, digests ? { ok: true, digest: digests[i]! } : { ok: false, code: 'FILE_CHANGED', message: 'the layer did not hold the bytes its manifest says' }));
  }

  async readTar(layer: OciLayer & { kind: { kind: 'tar'; gzip: boolean } }): Promise<void> {
    const at = `layer ${layer.desc.digest}`;
    let stream: Readable;
    try {
      stream = await this.m.store.blob(layer.desc);
    } catch (e) {
      const f = blobFailure(e);
      this.problems.push({ code: f.code, message: `${at}: ${f.message}` });
      return;
    }
    let streamError: unknown;
    // (No 'data' listener here: it would start the stream before the archive reader pipes it.)
    stream.on('error', (e) => (streamError ??= e));
    const before = this.done;
    const requested = new Set<string>();
    const sink = this.writer ? (name: string, size: number) => (this.keeps({ name, size, viaLink: false }, requested.has(name) ? [[0, size]] : []) ? this.writer!.open(name) : undefined) : undefined;
    const links = new Map<string, string>();
    // Every entry, a folder, a link or an ignored file as much as a listed file: an image
    // runtime reads the whiteout prefix before it looks at the entry's type.
    const whiteouts: Failure[] = [];
    const whiteoutNames = new Set<string>();
    const onName = (name: string): void => {
      const w = whiteoutProblem(name, layer.desc.digest);
      if (!w) return;
      whiteoutNames.add(name);
      if (whiteouts.length < MAX_WHITEOUTS_LISTED) whiteouts.push(w);
    };
    const result = await readTarStream(
      stream as AsyncIterable<Buffer>,
      { label: this.m.pinned, size: layer.desc.size, gzipped: layer.kind.gzip, readError: (e) => new StreamFailure(e), onName, onLink: (name, target) => void links.set(name, target), ...(sink ? { sink } : {}) },
      {
        ...(this.req.alg ? { alg: this.req.alg } : {}),
        ranges: (name, size) => {
          const r = this.req.alg ? this.req.ranges(name, size) : [];
          if (r.length > 0) requested.add(name);
          return r;
        },
        allowSymlinks: this.req.allowSymlinks,
        ignorePaths: this.req.ignorePaths,
        ...(this.req.signedPaths ? { signedPaths: this.req.signedPaths } : {}),
        engine: { onProgress: (n: number) => this.progress(before + n - this.done) },
      },
    ).catch((e: unknown) => {
      if (!(e instanceof StreamFailure)) throw e;
      streamError ??= e.reason;
      return undefined;
    });
    // The archive may end before the blob does (trailing bytes): read it to its end, so its
    // digest is checked before any entry is trusted. (A malformed archive stops the read: its
    // listing says so.)
    if (result && streamError === undefined && !stream.destroyed && !stream.readableEnded) {
      stream.resume();
      await finished(stream).catch((e: unknown) => (streamError ??= e));
    }
    if (streamError !== undefined || !result) {
      const f = blobFailure(streamError);
      this.problems.push({ code: f.code, message: `${at}: ${f.message}` });
      return;
    }
    for (const p of result.listing.problems) this.problems.push(p.path === undefined ? { ...p, message: `${at}: ${p.message}` } : p);
    for (const w of whiteouts) this.problems.push(w);
    for (const f of result.listing.files) {
      if (whiteoutNames.has(f.name)) continue;
      if (!this.claim(f.name, layer.desc.digest)) continue;
      this.files.push({ name: f.name, size: f.size, viaLink: f.viaLink });
      const target = links.get(f.name);
      if (target !== undefined) this.links.set(f.name, { target, layer: layer.desc.digest });
      if (this.m.pull && requested.has(f.name) && !this.writer!.isWritten(f.name)) {
        const why = this.writer!.failure(f.name) ?? { code: 'PULL_FAILED', path: f.name, message: 'a link entry of a tar layer: --pull-to writes regular files only' };
        for (const r of result.hashed.of(f.name)) this.hashed.set(f.name, r.start, r.end, { ok: false, code: why.code, message: why.message });
        continue;
      }
      for (const r of result.hashed.of(f.name)) this.hashed.set(f.name, r.start, r.end, r.outcome);
    }
  }

  /** A file and a folder of the same name (from two layers): an extractor cannot write both. */
  checkFolders(): void {
    const names = new Set(this.owner.keys());
    for (const name of names) {
      for (let i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
        const dir = name.slice(0, i);
        if (names.has(dir)) this.problems.push({ code: 'DUPLICATE_NAME', path: name, message: `its path goes through ${JSON.stringify(dir)}, which another layer holds as a file` });
      }
    }
  }

  listing(): SourceListing {
    this.files.sort((a, b) => compareCodePoints(a.name, b.name));
    return { root: this.m.pinned, isFile: false, files: this.files, problems: this.problems };
  }
}

/**
 * A whiteout entry (".wh.NAME", or ".wh..wh..opq" for a whole folder) deletes files of lower
 * layers when an image runtime unpacks the layers in order; modelsign reads layers side by
 * side, so what it verified would not be what the runtime leaves: refused.
 */
function whiteoutProblem(name: string, layer: string): Failure | undefined {
  const base = name.slice(name.lastIndexOf('/') + 1);
  if (!base.startsWith('.wh.')) return undefined;
  const target = base === '.wh..wh..opq' || base === '.wh.' ? 'the rest of its folder' : JSON.stringify(name.slice(0, name.length - base.length) + base.slice(4));
  return { code: 'OCI_WHITEOUT', path: name, message: `layer ${layer} holds a whiteout entry: an image runtime would delete ${target} from the other layers` };
}

/** Whiteouts of one layer listed as problems; one is enough to refuse it. */
const MAX_WHITEOUTS_LISTED = 100;

/**
 * Hand the kept files the inspector wants to it, through a verified re-open of each; then each
 * link entry, under its own name, as the entry whose bytes it has (when one layer holds both).
 */
async function inspectKept(r: OciRead, inspector: Inspector): Promise<void> {
  for (const file of r.files) {
    if (r.links.has(file.name)) continue;
    if (!inspector.wants(file) || !r.writer) continue;
    const failed = r.writer.failure(file.name);
    if (failed) {
      inspector.unreadable(file, failed);
      continue;
    }
    const local = await r.writer.file(file.name);
    if (!local) continue;
    const failure = await withVerifiedFile(local, (content) => inspector.inspect({ ...content, file }));
    if (!failure) continue;
    inspector.unreadable(file, failure);
    // What was scanned may not be what was hashed: the file fails too.
    r.hashed.failAll(file.name, { ok: false, code: failure.code, message: failure.message });
  }
  for (const file of r.files) {
    const link = r.links.get(file.name);
    if (!link) continue;
    if (r.ownerOf(link.target) === link.layer && inspector.alias) inspector.alias(file, link.target);
    // Its bytes are another layer's file of that name, or no inspected file's: not looked at.
    else if (inspector.wants(file)) inspector.unreadable(file, { code: 'FILE_UNREADABLE', path: file.name, message: `a link to "${link.target}", which this layer does not hold: not scanned` });
  }
}

export async function readOci(m: OciModel, initialProblems: readonly Failure[], req: ReadRequest): Promise<ReadResult> {
  const start = m.received.bytes;
  if (req.alg) await prepareAlgorithm(req.alg);
  // Each read pulls afresh: what an earlier read (another signature tried) wrote is gone.
  await m.pull?.clear();
  const writer = m.pull ?? (req.inspector ? await TreeWriter.spool() : undefined);
  const r = new OciRead(m, req, writer);
  for (const p of initialProblems) r.problems.push(p);
  try {
    const raw: Array<[SourceFile, Descriptor]> = [];
    for (const layer of m.layers) {
      if (layer.kind.kind !== 'file') continue;
      const f = r.listRaw(layer as OciLayer & { kind: { kind: 'file'; name: string } });
      if (f) raw.push([f, layer.desc]);
    }
    const tars = m.layers.filter((l): l is OciLayer & { kind: { kind: 'tar'; gzip: boolean } } => l.kind.kind === 'tar');
    // Raw files only: the listing is complete before any byte is read.
    if (tars.length === 0) {
      r.checkFolders();
      req.onListed?.(r.listing());
    }
    for (const [f, desc] of raw) await r.readRaw(f, desc);
    for (const t of tars) await r.readTar(t);
    if (tars.length > 0) r.checkFolders();
    req.engine?.onDone?.();
    await req.onHashed?.();
    const listing = r.listing();
    if (req.inspector) await inspectKept(r, req.inspector);
    return { listing, hashed: r.hashed, bytesRead: m.received.bytes - start };
  } finally {
    if (writer && writer !== m.pull) await writer.discard();
  }
}

/**
 * A model shipped as a tar archive (.tar, .tar.gz, .tgz): read once, as a stream, never
 * extracted. In that one pass each regular entry is named (tar/names.ts), its requested
 * byte ranges are hashed, and its bytes are handed to the inspector when it wants them,
 * through a bounded channel (what is scanned is what was hashed). The link structure is
 * judged once every entry is known (tar/entries.ts). An archive and the directory it was
 * made from have the same resources and root digest.
 *
 * The archive is hostile until proven otherwise: every entry is read as GNU tar and
 * Python's tarfile would read it (tar/reader.ts), and anything they could read differently
 * is refused. Refusals are listing problems without a `path`, so even
 * --ignore-unsigned-files cannot skip them: whoever extracts the archive later would be
 * hurt by them.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { usage } from '../errors.js';
import { prepareAlgorithm } from '../hashing/algorithms.js';
import { modelPathError } from '../hashing/model-path.js';
import { compareCodePoints, isIgnored } from '../hashing/paths.js';
import { ByteSource } from '../scan/source.js';
import { ChunkChannel } from './channel.js';
import { HashedRanges } from './ranges.js';
import { CappedProblems } from './capped.js';
import { disjointRanges, RangeHasher } from './stream-hash.js';
import { EntryTable, entryProblem, judgeLinks, judgeStructure, linkTargetProblem, Subtree, type TableLimits } from './tar/entries.js';
import { TarError } from './tar/errors.js';
import { ENTRY_LABEL } from './tar/extended.js';
import { compressionOf, FileInput, GunzipInput, InputReadError, type ByteInput } from './tar/input.js';
import { cleanName, ModelNamer, nameProblem, RestartWithoutPrefix, type Prefix } from './tar/names.js';
import { readTar, type EntryBody, type TarEntry } from './tar/reader.js';
import type { ModelSource, ReadRequest, ReadResult, SourceFile } from './types.js';
import { ARCHIVE_RE } from './archive-path.js';

/** A directory's default signature; an archive of a signed directory carries it at its root. */
export const EMBEDDED_SIGNATURE = 'model.sig';

/**
 * What one read keeps, whatever the archive: a million entries, and 64 MiB of names and
 * link targets (a 4 KiB name each for 16,000 entries, or 67 bytes each for a million).
 * Measured peak at both bounds: see docs/archives.md.
 */
export const ARCHIVE_LIMITS: TableLimits = { maxEntries: 1_000_000, maxNameBytes: 64 * 1024 * 1024 };


export function archiveSource(model: string, limits: TableLimits = ARCHIVE_LIMITS): ModelSource {
  return {
    kind: 'archive',
    model,
    defaultIgnores: [EMBEDDED_SIGNATURE],
    defaultName: () => path.basename(path.resolve(model)).replace(ARCHIVE_RE, '') || 'model',
    defaultSignaturePath: () => `${model}.sig`,
    read: (req) => readArchive(model, req, limits),
  };
}

export interface ArchiveReadResult extends ReadResult {
  /** The top-level folder taken as the model root, when the archive has one. */
  folder?: string;
}

/** Read an archive as the request asks (exported for tests that compare it with extractors). */
export async function readArchive(model: string, req: ReadRequest, limits: TableLimits = ARCHIVE_LIMITS): Promise<ArchiveReadResult> {
  if (req.alg) await prepareAlgorithm(req.alg);
  let earlier = 0;
  try {
    let r: ArchiveReadResult;
    try {
      r = await new ArchivePass(fileInput(model, { mode: 'auto' }), req, limits).run();
    } catch (e) {
      // The first entries suggested a single top-level folder; a later one was outside it.
      if (!(e instanceof RestartWithoutPrefix)) throw e;
      earlier = e instanceof PassRestart ? e.bytesRead : 0;
      req.onRestart?.();
      req.inspector?.restart?.();
      r = await new ArchivePass(fileInput(model, { mode: 'none' }), req, limits).run();
    }
    r.bytesRead += earlier;
    return r;
  } finally {
    req.engine?.onDone?.();
  }
}

/** A restart, with the bytes the abandoned pass read. */
class PassRestart extends RestartWithoutPrefix {
  constructor(readonly bytesRead: number) {
    super();
  }
}

/**
 * Open the archive for one pass. O_NONBLOCK: should a FIFO be swapped in for the file,
 * open() must not block on it; fstat on the open descriptor then refuses anything but a
 * regular file, with no window between the check and the read.
 */
async function openArchive(file: string): Promise<{ fh: FileHandle; size: number }> {
  let fh: FileHandle;
  try {
    fh = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw modelPathError(file, e, 'archive');
  }
  const st = await fh.stat();
  if (!st.isFile()) {
    await fh.close();
    throw usage('SPECIAL_FILE', `archive is not a regular file: ${file}`);
  }
  return { fh, size: st.size };
}

/** Where a listed entry's bytes are also written as they stream (oci:// --pull-to). */
export interface EntrySink {
  write(chunk: Buffer): void;
  /** `complete`: the entry held every byte its header says. */
  end(complete: boolean): void;
}

/** The bytes of one pass, open. */
interface PassBytes {
  input: ByteInput;
  /** Whether the bytes are gzipped; a TarError when they cannot be a tar at all. */
  gzipped(): Promise<boolean>;
  /** The stored size, for progress. */
  size: number;
  bytesRead(): number;
  /** What follows the gzip stream (`consumed` stored bytes) must be zeros. */
  checkTrailer(consumed: number): Promise<void>;
  close(): Promise<void>;
}

/** Where one pass reads an archive from: a file, or a stream (a tar layer of an OCI artifact). */
interface PassInput {
  /** The listing's root: an absolute path, or a label for a stream. */
  root: string;
  prefix: Prefix;
  /** A root model.sig (a signed directory's own signature) is left out. */
  embeddedSignature: boolean;
  open(): Promise<PassBytes>;
  /** A read of the storage failed: the error to throw (the archive is not at fault). */
  readError(cause: unknown): Error;
  /** Each listed regular entry's bytes are also handed here as they stream. */
  sink?: (name: string, size: number) => EntrySink | undefined;
  /** Every entry's model name, whatever its type and whether or not it is listed. */
  onName?: (name: string) => void;
  /** Each listed link entry and the entry whose bytes it has (as the inspector's alias). */
  onLink?: (name: string, target: string) => void;
}

/** An archive file, opened safely (see openArchive); gzip told by its magic. */
function fileInput(model: string, prefix: Prefix): PassInput {
  const root = path.resolve(model);
  return {
    root,
    prefix,
    embeddedSignature: true,
    readError: (cause) => modelPathError(model, cause, 'archive'),
    open: async () => {
      const { fh, size } = await openArchive(root);
      const file = new FileInput(fh, size);
      return {
        input: file,
        gzipped: () => checkStart(fh),
        size,
        bytesRead: () => file.bytesRead,
        checkTrailer: (consumed) => checkFileTrailer(fh, consumed, size),
        close: async () => {
          await file.settle();
          await fh.close();
        },
      };
    },
  };
}

/**
 * Read a tar stream (a layer of an OCI artifact) as an archive model, in one pass: its names
 * kept whole (no top folder taken as the root), no embedded signature left out, and each
 * listed regular entry's bytes also handed to `sink`. A read of the stream that fails is
 * thrown as `readError(cause)`.
 */
export async function readTarStream(
  stream: AsyncIterable<Buffer>,
  opts: { label: string; size: number; gzipped: boolean; readError: (cause: unknown) => Error; sink?: PassInput['sink']; onName?: PassInput['onName']; onLink?: PassInput['onLink'] },
  req: ReadRequest,
  limits: TableLimits = ARCHIVE_LIMITS,
): Promise<ReadResult> {
  if (req.alg) await prepareAlgorithm(req.alg);
  const it = stream[Symbol.asyncIterator]();
  let read = 0;
  const input: ByteInput = {
    next: async () => {
      let r;
      try {
        r = await it.next();
      } catch (e) {
        throw new InputReadError(e);
      }
      if (r.done) return undefined;
      read += r.value.length;
      return r.value;
    },
  };
  const bytes: PassBytes = { input, gzipped: () => Promise.resolve(opts.gzipped), size: opts.size, bytesRead: () => read, checkTrailer: () => Promise.resolve(), close: () => Promise.resolve() };
  const pass: PassInput = { root: opts.label, prefix: { mode: 'none' }, embeddedSignature: false, readError: opts.readError, open: () => Promise.resolve(bytes), ...(opts.sink ? { sink: opts.sink } : {}), ...(opts.onName ? { onName: opts.onName } : {}), ...(opts.onLink ? { onLink: opts.onLink } : {}) };
  try {
    return await new ArchivePass(pass, req, limits).run();
  } finally {
    req.engine?.onDone?.();
  }
}

/** gzip is told by its first two bytes (as tar does), whatever the file is called; other compressions are refused. */
async function checkStart(fh: FileHandle): Promise<boolean> {
  const head = Buffer.alloc(6);
  const { bytesRead } = await fh.read(head, 0, head.length, 0).catch((e: unknown) => {
    throw new InputReadError(e);
  });
  const kind = compressionOf(head.subarray(0, bytesRead));
  if (kind === 'gzip') return true;
  if (kind) throw new TarError('ARCHIVE_MALFORMED', `cannot read archive: compressed with ${kind}, which modelsign does not read (use .tar or .tar.gz)`);
  if (bytesRead === 0) throw new TarError('ARCHIVE_MALFORMED', 'cannot read archive: the file is empty');
  return false;
}

/** What follows the gzip stream in the file must be zeros (another member would be read by Python's gzip). */
async function checkFileTrailer(fh: FileHandle, consumed: number, size: number): Promise<void> {
  const buf = Buffer.alloc(64 * 1024);
  for (let pos = consumed; pos < size; ) {
    const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, size - pos), pos);
    if (bytesRead === 0) return;
    for (let i = 0; i < bytesRead; i++) {
      if (buf[i] !== 0) throw new TarError('ARCHIVE_MALFORMED', 'cannot read archive: data after the end of the gzip stream');
    }
    pos += bytesRead;
  }
}

/** One read of the archive from its start. */
class ArchivePass {
  private readonly root: string;
  private readonly ignorePaths: string[];
  private readonly namer: ModelNamer;
  private readonly table: EntryTable;
  private readonly problems = new CappedProblems();
  private readonly files: SourceFile[] = [];
  private readonly hashed = new HashedRanges();
  private lastProgress = 0;

  constructor(
    private readonly input: PassInput,
    private readonly req: ReadRequest,
    limits: TableLimits,
  ) {
    this.root = input.root;
    this.ignorePaths = input.embeddedSignature ? [...req.ignorePaths, EMBEDDED_SIGNATURE] : [...req.ignorePaths];
    this.namer = new ModelNamer(input.prefix, req.signedPaths);
    this.table = new EntryTable(limits);
  }

  async run(): Promise<ArchiveReadResult> {
    const opened = await this.input.open();
    let gz: GunzipInput | undefined;
    try {
      const counted: ByteInput = {
        next: async () => {
          const b = await opened.input.next();
          this.progress(opened.bytesRead(), opened.size);
          return b;
        },
      };
      gz = (await opened.gzipped()) ? new GunzipInput(counted) : undefined;
      for await (const item of readTar(gz ?? counted)) await this.onEntry(item.entry, item.body);
      if (gz) await opened.checkTrailer(gz.consumed);
    } catch (e) {
      if (e instanceof RestartWithoutPrefix) throw new PassRestart(opened.bytesRead());
      if (e instanceof InputReadError) throw this.input.readError(e.cause);
      if (!(e instanceof TarError)) throw e;
      this.problems.push({ code: e.code, message: e.message });
    } finally {
      await gz?.close();
      await opened.close();
    }
    this.req.engine?.onProgress?.(opened.size, opened.size);
    this.judge();
    await this.req.onHashed?.();
    const listing = { root: this.root, isFile: false, files: this.files, problems: this.problems.list() };
    const folder = this.namer.folder;
    return { listing, hashed: this.hashed, bytesRead: opened.bytesRead(), ...(folder !== undefined ? { folder } : {}) };
  }

  /** Progress in archive bytes read (compressed for .tar.gz), a few times a second at most. */
  private progress(done: number, total: number): void {
    const now = Date.now();
    if (this.req.engine?.onProgress && now - this.lastProgress >= 200) {
      this.lastProgress = now;
      this.req.engine.onProgress(done, total);
    }
  }

  private duplicate(raw: string): void {
    this.problems.push(entryProblem('DUPLICATE_NAME', raw, 'name appears twice in the archive'));
  }

  private async onEntry(entry: TarEntry, body: EntryBody | undefined): Promise<void> {
    const raw = entry.name.toString('utf8');
    const isDir = entry.type === 'dir';
    const cleaned = cleanName(raw, isDir);
    this.namer.decide(raw, cleaned, isDir);
    const why = nameProblem(cleaned);
    if (why) {
      this.problems.push(entryProblem('UNSAFE_NAME', raw, `unsafe name (${why})`));
      return;
    }
    const name = this.namer.toModelName(cleaned);
    if (name === undefined) {
      if (!isDir) this.problems.push(entryProblem('UNSAFE_NAME', raw, 'a non-directory entry names the model root'));
      return;
    }
    this.input.onName?.(name);
    if (this.table.kindOf(name) !== undefined) return this.duplicate(raw);
    const listed = !isIgnored(name, this.ignorePaths) || (this.req.signedPaths?.has(name) ?? false);
    switch (entry.type) {
      case 'dir':
        this.table.add(name, 'dir');
        return;
      case 'file': {
        this.table.add(name, 'file', entry.size, listed);
        if (!listed) return;
        const file: SourceFile = { name, size: entry.size, viaLink: false };
        this.files.push(file);
        await this.readEntry(file, body!);
        return;
      }
      case 'hardlink':
        return this.onHardlink(entry, raw, name, listed);
      case 'symlink': {
        const lp = entry.linkname.toString('utf8');
        const bad = linkTargetProblem(lp);
        if (bad) this.problems.push(entryProblem(bad.code, raw, bad.message));
        // Judged (ignored or not) once every entry is known.
        this.table.addLink(name, bad ? undefined : lp, !listed);
        return;
      }
      default:
        this.table.add(name, 'special');
        this.problems.push(entryProblem('SPECIAL_FILE', raw, `${ENTRY_LABEL[entry.type]} entries are not allowed in a model archive`));
    }
  }

  /** A hard link names an earlier file of the model (relative to the archive root) and hashes as it. */
  private onHardlink(entry: TarEntry, raw: string, name: string, listed: boolean): void {
    const lp = entry.linkname.toString('utf8');
    const target = this.namer.linkTarget(lp);
    const t = target === undefined ? undefined : this.table.regular(target);
    this.table.add(name, 'hardlink', t?.size ?? 0, listed && t?.hashed === true);
    if (target === undefined || !t) {
      this.problems.push(entryProblem('ARCHIVE_LINK_OUTSIDE', raw, `hard link to ${JSON.stringify(lp)}, which is not an earlier file of the model`));
      return;
    }
    if (!listed) return;
    if (!t.hashed) {
      this.problems.push(entryProblem('ARCHIVE_LINK_OUTSIDE', raw, `hard link to ignored file ${JSON.stringify(target)}`));
      return;
    }
    this.copyHashed(target, name, t.size);
    const file: SourceFile = { name, size: t.size, viaLink: false };
    this.files.push(file);
    this.req.inspector?.alias?.(file, target);
    this.input.onLink?.(name, target);
  }

  /** A link's ranges have the digests of its target's (same content). */
  private copyHashed(target: string, name: string, size: number): void {
    if (!this.req.alg) return;
    for (const [s, e] of this.req.ranges(name, size)) {
      const h = this.hashed.get(target, s, e);
      if (h) this.hashed.set(name, s, e, h);
    }
  }

  /**
   * Hash a listed entry's requested ranges and, when the inspector wants it, hand it the
   * same chunks as they pass. An entry cut short is unreadable to the inspector.
   */
  private async readEntry(file: SourceFile, body: EntryBody): Promise<void> {
    const alg = this.req.alg;
    const ranges = alg ? disjointRanges(this.req.ranges(file.name, file.size), file.size) : [];
    const hasher = alg && ranges.length > 0 ? new RangeHasher(ranges, alg) : undefined;
    const inspector = this.req.inspector;
    const view = inspector?.wants(file) ? inspectEntry(file, inspector) : undefined;
    const sink = this.input.sink?.(file.name, file.size);
    if (!hasher && !view && !sink) return;
    try {
      for await (const chunk of body) {
        hasher?.update(chunk);
        sink?.write(chunk);
        const wait = view?.channel.push(chunk);
        if (wait) await wait;
      }
      sink?.end(true);
    } catch (e) {
      sink?.end(false);
      if (view) {
        view.channel.end();
        await view.done;
        if (e instanceof TarError) inspector!.unreadable(file, { code: e.code, message: e.message });
      }
      throw e;
    }
    if (view) {
      view.channel.end();
      await view.done;
      if (view.failure) throw view.failure.error;
    }
    const digests = hasher?.end();
    digests?.forEach((d, i) => this.hashed.set(file.name, ranges[i]![0], ranges[i]![1], { ok: true, digest: d }));
  }

  private judge(): void {
    const sub = new Subtree(this.table);
    for (const p of judgeStructure(this.table, sub)) this.problems.push(p);
    if (this.table.links.size > 0) {
      const j = judgeLinks(this.table, sub, this.req.allowSymlinks);
      for (const p of j.problems) this.problems.push(p);
      for (const f of j.files) {
        this.copyHashed(f.target, f.name, f.size);
        const file: SourceFile = { name: f.name, size: f.size, viaLink: true };
        this.files.push(file);
        this.req.inspector?.alias?.(file, f.target);
        this.input.onLink?.(f.name, f.target);
      }
    }
    this.files.sort((a, b) => compareCodePoints(a.name, b.name));
  }
}

interface EntryView {
  channel: ChunkChannel;
  /** Settles when the inspector is done (never rejects; see `failure`). */
  done: Promise<void>;
  failure?: { error: unknown };
}

/**
 * Start the inspector on an entry whose chunks are about to stream: it pulls them through
 * a ByteSource over the channel, which can be taken once (the bytes pass only once).
 */
function inspectEntry(file: SourceFile, inspector: NonNullable<ReadRequest['inspector']>): EntryView {
  const channel = new ChunkChannel();
  let taken = false;
  const view: EntryView = { channel, done: Promise.resolve() };
  view.done = inspector
    .inspect({
      file,
      bytes: () => {
        if (taken) throw new Error('an archive entry streams once');
        taken = true;
        return new ByteSource(channel.iterator(), file.size);
      },
    })
    .catch((e: unknown) => {
      view.failure = { error: e };
    })
    // Whatever the inspector left unread is dropped; the reader hashes on.
    .finally(() => channel.close());
  return view;
}

/**
 * The model source seam: where a model's bytes come from. sign, digest, verify and scan all
 * read a model through one `ModelSource.read(request)`, whatever the model is (a directory, a
 * single file, a tar archive, a Hugging Face cache snapshot, an OCI artifact):
 *
 *   - it lists the model's regular files, applying the ignore rules and refusing what is
 *     unsafe (links out, special files, hostile archive entries) as listing problems;
 *   - it hashes the byte ranges the serialization asks for (`ranges`: whole files or shards);
 *   - it hands the bytes of the entries an inspector wants (the scanners) to that inspector in
 *     the same read, through the same safe open: what is scanned is what was hashed.
 *
 * A source is one file of src/source/ plus one line in src/source/index.ts; nothing else
 * knows which source it reads.
 */
import type { Failure } from '../errors.js';
import type { HashAlgorithm } from '../hashing/algorithms.js';
import type { EngineOptions } from '../hashing/engine.js';
import type { HashedRanges } from './ranges.js';
import type { ByteSource } from '../scan/source.js';

/** One regular file of the model, as its source lists it. */
export interface SourceFile {
  /** POSIX path relative to the model root (a single-file model: the file's base name). */
  name: string;
  size: number;
  /** Reached through a symbolic link (allowed links only). */
  viaLink: boolean;
}

export interface SourceListing {
  /** The model as an absolute local path, or the remote reference (oci://...). */
  root: string;
  /** A single-file model: its one file may be named "." or by its base name in a signature. */
  isFile: boolean;
  /** In code-point order of `name`. */
  files: SourceFile[];
  /**
   * What makes the model unusable as listed: unsafe names, links out, special files, hostile
   * archive structure. A problem without `path` concerns the model as a whole.
   */
  problems: Failure[];
}

/** Random access to an entry's bytes (a verified open file), for formats read from the end (zip). */
export interface RandomAccess {
  readonly size: number;
  /** Up to `length` bytes at `position` (fewer only at the end). */
  read(position: number, length: number): Promise<Buffer>;
}

/** One entry's bytes, as an inspector receives them. */
export interface EntryContent {
  file: SourceFile;
  /**
   * The bytes from offset 0. Archives: the very stream being hashed, so it can be taken once
   * (a second call throws). Local files: a fresh reader over the verified descriptor each call.
   */
  bytes(): ByteSource;
  /** Present where the source can seek (local files); an archive entry has none. */
  random?: RandomAccess;
}

/** Looks at entries' bytes during the read (the scanners). */
export interface Inspector {
  /** Whether to look at this entry; asked before its bytes are read. */
  wants(file: SourceFile): boolean;
  /** Look at the bytes. Hostile content is a finding, never a throw. */
  inspect(content: EntryContent): Promise<void>;
  /** An entry it wanted could not be read as it was listed and hashed (replaced, unreadable, cut short). */
  unreadable(file: SourceFile, failure: Failure): void;
  /** The source reads the model again from its start, under other names: forget every entry inspected so far. */
  restart?(): void;
  /**
   * A link entry (archive hard link or symlink) whose bytes are those of `target`, already
   * inspected under the target's name; sources whose links are read under their own name
   * (directories) never call it.
   */
  alias?(link: SourceFile, target: string): void;
}

export interface ReadRequest {
  /** Hash with this algorithm; absent: list (and inspect) only. */
  alg?: HashAlgorithm;
  /**
   * Byte ranges [start, end) to hash for a file of this name and size. Called once per file,
   * before any of its bytes are hashed; it may throw to stop the read (sign's size budget).
   */
  ranges: (name: string, size: number) => Array<[number, number]>;
  allowSymlinks: boolean;
  /** Paths (relative to the model root) left out of the listing. */
  ignorePaths: readonly string[];
  /** verify: the file paths the signature lists; they are read even under an ignored path. */
  signedPaths?: ReadonlySet<string>;
  inspector?: Inspector;
  engine?: EngineOptions;
  /**
   * Called with the whole listing before any byte is hashed, by sources that list before they
   * read (directories); streamed sources (archives) list as they read and never call it. It
   * may throw to stop the read (sign refuses a listing problem without hashing anything).
   */
  onListed?: (listing: SourceListing) => void;
  /** The source reads the model again from its start: every `ranges` call so far is void. */
  onRestart?: () => void;
  /**
   * Called once hashing is done (progress display, tests): by sources that re-open files for
   * inspectors, before inspectors read anything; by streamed sources, which inspect as they
   * hash (archives), after the one pass.
   */
  onHashed?: () => Promise<void> | void;
}

export interface ReadResult {
  listing: SourceListing;
  /** Outcome per hashed range. */
  hashed: HashedRanges;
  /** Bytes read from the model's storage (an archive: its file as stored, compressed or not). */
  bytesRead: number;
}

/** A signature kept with the model itself (an OCI referrer), as verify reads it. */
export interface AttachedSignature {
  /** Where it is kept, pinned (oci://REGISTRY/REPO@sha256:...): the result's `signature`. */
  readonly location: string;
  /** Its bytes (bounded); a SIG_* rejection when it cannot be a signature of this model. */
  read(): Promise<Buffer>;
}

/** Signatures stored with the model instead of in a file (OCI referrers). */
export interface AttachedSignatures {
  /** Where they are kept, for messages (the artifact pinned by digest). */
  readonly where: string;
  /** The attached signatures, in the order verify tries them. */
  list(): Promise<AttachedSignature[]>;
  /** Attach a signature (bundle bytes); returns its location. */
  attach(bundle: Buffer): Promise<string>;
}

export interface ModelSource {
  /** 'directory' | 'file' | 'archive' | ...: which source reads this model. */
  readonly kind: string;
  /**
   * The model as the user named it; a model named by a reference that resolves to a local
   * directory (hf://org/name) is that directory. Paths relative to the model (the signature,
   * ignore paths) are taken from here.
   */
  readonly model: string;
  /** Paths this kind of model always leaves out, recorded in ignore_paths (an archive: its root model.sig). */
  readonly defaultIgnores: readonly string[];
  /** The model name when none is given. */
  defaultName(): string;
  /** Where the signature is read from (and written to) when none is named. */
  defaultSignaturePath(): string;
  /**
   * Where sign writes the signature when none is named, where that is not where it is read
   * from: a hub cache snapshot's model.sig published in the repo is a link to a blob, which
   * verify reads and sign must never write into (other revisions share it).
   */
  signatureWritePath?(): string;
  /** Facts about where the bytes came from, recorded in the signed metadata (a revision, a digest). */
  readonly provenance?: Readonly<Record<string, string>>;
  /** Sources that keep signatures with the model (OCI): sign attaches there, verify reads there, unless a signature file is named. */
  readonly attached?: AttachedSignatures;
  read(req: ReadRequest): Promise<ReadResult>;
}

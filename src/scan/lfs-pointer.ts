/**
 * Git LFS pointer files: what a clone holds in place of each large file until `git lfs pull`
 * fetches it. A pointer is three text lines (git-lfs docs/spec.md):
 *
 *   version https://git-lfs.github.com/spec/v1
 *   oid sha256:<64 hex>
 *   size <bytes>
 *
 * These three lines are all git-lfs writes, so a pointer is 125 bytes plus the digits of the
 * size (126-141 with its last newline; a few more with CRLF line ends, one fewer with the
 * legacy hawser URL): only files of 124 to 150 bytes are read to tell. Reading every file
 * under git-lfs's own 1024-byte limit instead made `digest` of 20,000 files of 500 bytes
 * four times slower (1.9 s to 8.3 s here: one more open and read each), for the sake of
 * pointers with extension lines, which git-lfs writes only with extensions configured.
 *
 * `LfsPointerInspector` finds them during a model read (sign refuses them, verify names them)
 * and passes every entry on to an inner inspector (verify's scanners), the same bytes.
 */
import type { Failure } from '../errors.js';
import type { EntryContent, Inspector, SourceFile } from '../source/types.js';
import type { ByteSource } from './source.js';

export interface LfsPointer {
  /** "sha256:<hex>", the object the pointer stands for. */
  oid: string;
  size: number;
}

const MIN_POINTER = 124;
const MAX_POINTER = 150;
const VERSIONS = new Set(['https://git-lfs.github.com/spec/v1', 'https://hawser.github.com/spec/v1']);

/** Whether a file of this size may be a pointer. */
export function mayBePointer(size: number): boolean {
  return size >= MIN_POINTER && size <= MAX_POINTER;
}

/** The pointer these bytes are, or undefined when they are not one. */
export function parseLfsPointer(bytes: Uint8Array): LfsPointer | undefined {
  if (!mayBePointer(bytes.length)) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
  const version = /^version (\S+)$/.exec(lines[0] ?? '');
  if (!version || !VERSIONS.has(version[1]!)) return undefined;
  if (lines.length !== 3) return undefined;
  const oid = /^oid (sha256:[0-9a-f]{64})$/.exec(lines[1]!)?.[1];
  const size = /^size (\d{1,16})$/.exec(lines[2]!)?.[1];
  return oid !== undefined && size !== undefined && Number.isSafeInteger(Number(size)) ? { oid, size: Number(size) } : undefined;
}

/** What the pointer is, for messages ("model.safetensors is ..."). */
export function lfsPointerText(p: LfsPointer): string {
  return `a Git LFS pointer (oid ${p.oid})`;
}

export const LFS_PULL = 'run `git lfs pull`';

/** The pointer a source's bytes are: reads at most the file's size when it may be one. */
export async function pointerIn(src: ByteSource, size: number): Promise<LfsPointer | undefined> {
  if (!mayBePointer(size)) return undefined;
  await src.ensure(size);
  return parseLfsPointer(src.peek(Math.min(size, src.buffered)));
}

/** A content whose bytes() hands over `src` once: an archive entry's stream can be taken only once. */
function handOver(content: EntryContent, src: ByteSource): { content: EntryContent; taken(): boolean } {
  let taken = false;
  const bytes = (): ByteSource => {
    if (taken) throw new Error(`the bytes of ${content.file.name} were already taken`);
    taken = true;
    return src;
  };
  return { content: { ...content, bytes }, taken: () => taken };
}

export class LfsPointerInspector implements Inspector {
  /** Pointer files found, by name. */
  readonly found = new Map<string, LfsPointer>();
  private readonly passOn = new Set<string>();

  constructor(private readonly inner?: Inspector) {}

  wants(file: SourceFile): boolean {
    // The inner inspector is asked once per file: its answer may count (a scan's file limit).
    if (this.inner?.wants(file)) this.passOn.add(file.name);
    return mayBePointer(file.size) || this.passOn.has(file.name);
  }

  async inspect(content: EntryContent): Promise<void> {
    const inner = this.passOn.has(content.file.name) ? this.inner : undefined;
    if (!mayBePointer(content.file.size)) return inner?.inspect(content);
    const src = content.bytes();
    // A local file gives a fresh reader each call; an archive entry's one stream is passed on.
    const given = content.random ? undefined : handOver(content, src);
    try {
      const p = await pointerIn(src, content.file.size);
      if (p) this.found.set(content.file.name, p);
      if (inner) await inner.inspect(given?.content ?? content);
    } finally {
      if (!given?.taken()) await src.close();
    }
  }

  unreadable(file: SourceFile, failure: Failure): void {
    this.found.delete(file.name);
    if (this.passOn.has(file.name)) this.inner?.unreadable(file, failure);
  }

  restart(): void {
    this.found.clear();
    this.passOn.clear();
    this.inner?.restart?.();
  }

  /** A link to a pointer file is a pointer too. */
  alias(link: SourceFile, target: string): void {
    const p = this.found.get(target);
    if (p) this.found.set(link.name, p);
    this.inner?.alias?.(link, target);
  }
}

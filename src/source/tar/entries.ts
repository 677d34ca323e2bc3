/**
 * Every entry an archive holds (model names, ignored or not), what it is, and the judgement
 * of its link structure once the whole archive is read (pure functions over the table):
 *
 *   - no entry may lie under a symlink or a file: an extractor would write it through the
 *     link (over a signed file) or fail (judgeStructure);
 *   - every symlink is resolved through the archive's own entries, component by component,
 *     as the kernel resolves it after extraction, never lexically (judgeLinks).
 *
 * Memory is bounded: the table keeps at most `maxEntries` entries and `maxNameBytes` bytes
 * of names and link targets (TOO_MANY_FILES past either), in one map and flat arrays.
 */
import type { Code } from '../../codes.js';
import type { Failure } from '../../errors.js';
import { TarError } from './errors.js';

export type EntryKind = 'file' | 'dir' | 'hardlink' | 'symlink' | 'special';
const KINDS: readonly EntryKind[] = ['file', 'dir', 'hardlink', 'symlink', 'special'];

const MAX_LINK_HOPS = 40;
/** Longest symlink target accepted (Linux refuses longer ones: PATH_MAX). */
export const MAX_LINK_TARGET = 4096;
/**
 * Characters of path looked up while resolving symlink targets, for the whole archive. Real
 * archives use a few hundred; a hostile one (a million deep targets) is refused, not walked.
 */
export const LINK_WORK_BUDGET = 64 * 1024 * 1024;

export interface TableLimits {
  maxEntries: number;
  /** Bytes of entry names and symlink targets kept (UTF-8). */
  maxNameBytes: number;
}

/** The archive's entries by model name. */
export class EntryTable {
  private readonly ids = new Map<string, number>();
  private kinds = new Uint8Array(1024);
  /** Regular files (and hard links to them): size, and whether their ranges were hashed. */
  private sizes = new Float64Array(1024);
  /** Whether a regular file is listed (not ignored): its ranges are hashed, links to it may be listed. */
  private hashedFlags = new Uint8Array(1024);
  readonly links = new Map<string, { target: string; ignored: boolean }>();
  private nameBytes = 0;

  constructor(private readonly limits: TableLimits) {}

  get size(): number {
    return this.ids.size;
  }

  private count(bytes: number): void {
    this.nameBytes += bytes;
    if (this.nameBytes > this.limits.maxNameBytes) {
      throw new TarError('TOO_MANY_FILES', `archive entry names and link targets take more than ${this.limits.maxNameBytes} bytes`);
    }
  }

  /** Record an entry; false when the name is already taken. */
  add(name: string, kind: EntryKind, size = 0, hashed = false): boolean {
    if (this.ids.has(name)) return false;
    const id = this.ids.size;
    if (id >= this.limits.maxEntries) throw new TarError('TOO_MANY_FILES', `archive has more than ${this.limits.maxEntries} entries`);
    this.count(Buffer.byteLength(name));
    if (id >= this.kinds.length) this.grow();
    this.ids.set(name, id);
    this.kinds[id] = KINDS.indexOf(kind);
    this.sizes[id] = size;
    this.hashedFlags[id] = hashed ? 1 : 0;
    return true;
  }

  /** A symlink; `target` undefined when it was refused outright (the entry still counts for the structure). */
  addLink(name: string, target: string | undefined, ignored: boolean): boolean {
    if (!this.add(name, 'symlink')) return false;
    if (target === undefined) return true;
    this.count(Buffer.byteLength(target));
    this.links.set(name, { target, ignored });
    return true;
  }

  private grow(): void {
    const n = this.kinds.length * 2;
    const k = new Uint8Array(n);
    k.set(this.kinds);
    this.kinds = k;
    const s = new Float64Array(n);
    s.set(this.sizes);
    this.sizes = s;
    const h = new Uint8Array(n);
    h.set(this.hashedFlags);
    this.hashedFlags = h;
  }

  kindOf(name: string): EntryKind | undefined {
    const id = this.ids.get(name);
    return id === undefined ? undefined : KINDS[this.kinds[id]!];
  }

  /** A regular file (or a hard link to one): its size and whether it was hashed. */
  regular(name: string): { size: number; hashed: boolean } | undefined {
    const id = this.ids.get(name);
    if (id === undefined) return undefined;
    const k = KINDS[this.kinds[id]!];
    if (k !== 'file' && k !== 'hardlink') return undefined;
    return { size: this.sizes[id]!, hashed: this.hashedFlags[id] === 1 };
  }

  names(): IterableIterator<string> {
    return this.ids.keys();
  }
}

/** Finds the entries under "DIR/" by binary search over the sorted names. */
export class Subtree {
  private sorted: string[] | undefined;

  constructor(private readonly table: EntryTable) {}

  firstUnder(dir: string): string | undefined {
    this.sorted ??= [...this.table.names()].sort();
    const sorted = this.sorted;
    const key = `${dir}/`;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length && sorted[lo]!.startsWith(key) ? sorted[lo] : undefined;
  }
}

/** An entry's name as a problem shows it: a pax name may be 1 MiB; 300 characters identify it. */
const SHOWN_NAME = 300;

/** A problem of the archive as a whole, naming its entry. */
export function entryProblem(code: Code, raw: string, message: string): Failure {
  const shown = raw.length > SHOWN_NAME ? `${raw.slice(0, SHOWN_NAME)}…` : raw;
  return { code, message: `archive entry ${JSON.stringify(shown)}: ${message}` };
}

/** No entry may lie under a symlink or a file of the archive, whatever the order of the entries. */
export function judgeStructure(table: EntryTable, sub: Subtree): Failure[] {
  const problems: Failure[] = [];
  for (const name of table.names()) {
    const kind = table.kindOf(name);
    if (kind === 'dir') continue;
    const under = sub.firstUnder(name);
    if (under === undefined) continue;
    if (kind === 'symlink') problems.push(entryProblem('SYMLINK_REFUSED', under, `its path goes through the symlink ${JSON.stringify(name)}`));
    else problems.push(entryProblem('DUPLICATE_NAME', under, `its path goes through ${JSON.stringify(name)}, which is not a folder`));
  }
  return problems;
}

/** Why a symlink target is refused outright, before any resolution. */
export function linkTargetProblem(lp: string): { code: Code; message: string } | undefined {
  const q = JSON.stringify(lp);
  if (lp === '') return { code: 'UNSAFE_NAME', message: 'symlink with an empty target' };
  if (lp.startsWith('/')) return { code: 'SYMLINK_OUTSIDE', message: `symlink to ${q} points outside the model` };
  if (lp.length > MAX_LINK_TARGET) return { code: 'UNSAFE_NAME', message: `symlink target longer than ${MAX_LINK_TARGET} characters` };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(lp)) return { code: 'UNSAFE_NAME', message: `control character in symlink target ${q}` };
  if (lp.includes('\ufffd')) return { code: 'UNSAFE_NAME', message: `symlink target ${q} is not valid UTF-8` };
  return undefined;
}

/** Where a symlink leads once extracted, resolved through the archive's own entries. */
export type LinkOutcome =
  | { kind: 'file'; target: string }
  | { kind: 'dir' }
  | { kind: 'outside' }
  /** ".." out of a component that is not a folder of the archive (a file, or missing). */
  | { kind: 'climb'; from: string }
  /** A component before the last is itself a symlink. */
  | { kind: 'through'; via: string }
  | { kind: 'broken' }
  | { kind: 'loop' }
  | { kind: 'budget' };

/** Resolves the archive's symlinks as the kernel would after extraction. */
export class LinkResolver {
  private work = 0;
  private readonly memo = new Map<string, LinkOutcome>();
  private readonly visiting = new Set<string>();

  constructor(
    private readonly table: EntryTable,
    private readonly sub: Subtree,
    private readonly budget = LINK_WORK_BUDGET,
  ) {}

  /** A folder of the archive: a directory entry, or the parent of an entry. */
  private isDir(p: string): boolean {
    const k = this.table.kindOf(p);
    if (k !== undefined) return k === 'dir';
    this.work += p.length;
    return this.sub.firstUnder(p) !== undefined;
  }

  resolve(name: string, depth = 0): LinkOutcome {
    const done = this.memo.get(name);
    if (done) return done;
    if (this.visiting.has(name) || depth > MAX_LINK_HOPS) return { kind: 'loop' };
    const link = this.table.links.get(name);
    // A symlink whose target was refused outright (already a problem) leads nowhere.
    if (!link) return { kind: 'broken' };
    this.visiting.add(name);
    const out = this.walk(name, link.target, depth);
    this.visiting.delete(name);
    this.memo.set(name, out);
    return out;
  }

  /** Resolve TARGET from the folder holding NAME, one component at a time. */
  private walk(name: string, target: string, depth: number): LinkOutcome {
    // The folders holding the link are real folders (judgeStructure refuses any other case).
    const stack: string[] = [];
    const known: boolean[] = [];
    for (let i = name.indexOf('/'); i !== -1; i = name.indexOf('/', i + 1)) {
      stack.push(name.slice(0, i));
      known.push(true);
    }
    const raw = target.split('/');
    // A trailing "/" or "/." asks for a folder.
    const wantDir = raw.length > 1 && (raw[raw.length - 1] === '' || raw[raw.length - 1] === '.');
    const segs = raw.filter((x) => x !== '' && x !== '.');
    this.work += stack.length + segs.length;
    for (let i = 0; i < segs.length; i++) {
      const seg = segs[i]!;
      const last = i === segs.length - 1;
      if (seg === '..') {
        if (stack.length === 0) return { kind: 'outside' };
        const top = stack[stack.length - 1]!;
        if (!known[known.length - 1] && !this.isDir(top)) return { kind: 'climb', from: top };
        stack.pop();
        known.pop();
        continue;
      }
      const p = stack.length === 0 ? seg : `${stack[stack.length - 1]!}/${seg}`;
      this.work += p.length;
      if (this.work > this.budget) return { kind: 'budget' };
      const k = this.table.kindOf(p);
      if (k === 'symlink') {
        if (!last) return { kind: 'through', via: p };
        const r = this.resolve(p, depth + 1);
        return r.kind === 'file' && wantDir ? { kind: 'broken' } : r;
      }
      if (last) {
        if (k === 'file' || k === 'hardlink') return wantDir ? { kind: 'broken' } : { kind: 'file', target: p };
        return k === 'dir' || (k === undefined && this.isDir(p)) ? { kind: 'dir' } : { kind: 'broken' };
      }
      // A file or a missing name: the kernel stops here (the link is broken), and a later
      // ".." out of it must not be read lexically.
      stack.push(p);
      known.push(k === 'dir');
    }
    // No component left (".", "sub/..", "a/b/../.."): the link names a folder.
    return { kind: 'dir' };
  }
}

export interface LinkJudgement {
  problems: Failure[];
  /** Symlinks listed as files: each hashes as its (hashed) target. */
  files: Array<{ name: string; target: string; size: number }>;
}

/**
 * Judge every symlink, ignored or not. Links that leave the model, climb out of a
 * non-folder, go through another link or name a directory are structural problems (no
 * flag skips them); under an ignored path a broken or looping link, or a link to a file,
 * harms no one; elsewhere a link is listed as the file it leads to when links are allowed.
 */
export function judgeLinks(table: EntryTable, sub: Subtree, allowSymlinks: boolean, budget = LINK_WORK_BUDGET): LinkJudgement {
  const problems: Failure[] = [];
  const files: LinkJudgement['files'] = [];
  const resolver = new LinkResolver(table, sub, budget);
  for (const [name, link] of table.links) {
    const r = resolver.resolve(name);
    const q = JSON.stringify(link.target);
    switch (r.kind) {
      case 'budget':
        problems.push(entryProblem('UNSUPPORTED_ENTRY', name, `the archive's symlinks are too many or too deep to check (over ${budget} characters of path)`));
        return { problems, files };
      case 'outside':
        problems.push(entryProblem('SYMLINK_OUTSIDE', name, `symlink to ${q} points outside the model`));
        continue;
      case 'climb':
        problems.push(entryProblem('SYMLINK_OUTSIDE', name, `symlink to ${q} climbs out of ${JSON.stringify(r.from)}, which is not a folder of the archive`));
        continue;
      case 'through':
        problems.push(entryProblem('SYMLINK_REFUSED', name, `symlink to ${q} goes through the symlink ${JSON.stringify(r.via)}`));
        continue;
      case 'dir':
        problems.push(entryProblem('SYMLINK_REFUSED', name, `symlink to ${q}: symlinks to directories are not supported inside archives`));
        continue;
      default:
    }
    if (link.ignored) continue;
    if (!allowSymlinks) {
      problems.push({ code: 'SYMLINK_REFUSED', path: name, message: 'symlinks are not allowed (use --allow-symlinks for links inside the model)' });
      continue;
    }
    if (r.kind === 'loop') {
      problems.push({ code: 'SYMLINK_LOOP', path: name, message: 'symlink chain loops or is too long' });
      continue;
    }
    const t = r.kind === 'file' ? table.regular(r.target) : undefined;
    if (r.kind !== 'file' || !t) {
      problems.push({ code: 'SYMLINK_BROKEN', path: name, message: 'symlink target does not exist in the archive' });
    } else if (!t.hashed) {
      problems.push({ code: 'SYMLINK_REFUSED', path: name, message: 'symlink to an ignored file' });
    } else {
      files.push({ name, target: r.target, size: t.size });
    }
  }
  return { problems, files };
}

/**
 * From an archive name to a model name (pure):
 *   - `tar -C model -cf m.tar .` stores "./config.json": the "./" is dropped.
 *   - `tar -cf m.tar model/` stores "model/config.json": when every entry lies under one
 *     top-level folder (and the names carry no "./"), that folder is the model root and is
 *     dropped too. The first entry decides; an entry outside the folder later means the
 *     archive is read again with names as stored (RestartWithoutPrefix). verify keeps the
 *     folder when the signature itself lists every file under it (a directory whose only
 *     content is that folder).
 * Names are judged as decoded from UTF-8; bytes that are not UTF-8 decode to U+FFFD, and a
 * name holding U+FFFD is refused (it is not the name an extractor writes).
 */
import { unsafeNameReason } from '../../hashing/paths.js';

export type Prefix = { mode: 'auto' } | { mode: 'none' } | { mode: 'strip'; folder: string };

/** A later entry lies outside the top-level folder the first one suggested. */
export class RestartWithoutPrefix extends Error {
  constructor() {
    super('the archive is read again with its names as stored');
  }
}

/** Strip leading "./" and (for directories) trailing "/". */
export function cleanName(raw: string, isDir: boolean): string {
  let s = raw;
  while (s.startsWith('./')) s = s.slice(2);
  if (isDir) while (s.endsWith('/')) s = s.slice(0, -1);
  return s;
}

/** Why a cleaned archive name is refused, or undefined ("" is the model root: no problem). */
export function nameProblem(cleaned: string): string | undefined {
  if (cleaned === '') return undefined;
  return unsafeNameReason(cleaned) ?? (cleaned.includes('\ufffd') ? 'not valid UTF-8' : undefined);
}

/** Maps cleaned archive names to model names, deciding the top-level folder at the first entry. */
export class ModelNamer {
  private prefix: Prefix;

  constructor(
    initial: Prefix,
    private readonly signedPaths?: ReadonlySet<string>,
  ) {
    this.prefix = initial;
  }

  /** The folder dropped from every name, if any. */
  get folder(): string | undefined {
    return this.prefix.mode === 'strip' ? this.prefix.folder : undefined;
  }

  /** Called for every entry; only the first one decides. */
  decide(raw: string, cleaned: string, isDir: boolean): void {
    if (this.prefix.mode !== 'auto') return;
    const segs = cleaned.split('/');
    if (raw.startsWith('./') || cleaned === '' || (segs.length === 1 && !isDir)) {
      this.prefix = { mode: 'none' };
      return;
    }
    const folder = segs[0]!;
    const signed = this.signedPaths;
    if (signed && signed.size > 0 && [...signed].every((p) => p.startsWith(`${folder}/`))) {
      this.prefix = { mode: 'none' };
      return;
    }
    this.prefix = { mode: 'strip', folder };
  }

  /** Model-relative name of a cleaned archive name, or undefined for the model root itself. */
  toModelName(cleaned: string): string | undefined {
    if (cleaned === '' || cleaned === '.') return undefined;
    if (this.prefix.mode !== 'strip') return cleaned;
    if (cleaned === this.prefix.folder) return undefined;
    if (cleaned.startsWith(`${this.prefix.folder}/`)) return cleaned.slice(this.prefix.folder.length + 1);
    throw new RestartWithoutPrefix();
  }

  /** A hard link's target (an archive name, relative to the archive root), or undefined when it names nothing a model holds. */
  linkTarget(linkpath: string): string | undefined {
    const cleaned = cleanName(linkpath, false);
    if (cleaned === '' || nameProblem(cleaned)) return undefined;
    try {
      return this.toModelName(cleaned);
    } catch (e) {
      if (e instanceof RestartWithoutPrefix) return undefined;
      throw e;
    }
  }
}

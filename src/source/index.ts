/**
 * The one place that decides which source reads a model (see types.ts for the seam).
 *
 *   a directory                      -> directory.ts
 *   a .tar / .tar.gz / .tgz file     -> archive.ts (unless it is signed as one opaque file)
 *   any other file                   -> file.ts
 *
 * A new kind of model is one new source file and one entry in SCHEMES (models named by a
 * reference such as hf://org/name) or in the local choice below.
 */
import { usage } from '../errors.js';
import { statModel } from '../hashing/model-path.js';
import { archiveSource, isArchivePath } from './archive.js';
import { directorySource } from './directory.js';
import { fileSource } from './file.js';
import type { ModelSource } from './types.js';

export type { ModelSource, ReadRequest, ReadResult, SourceFile, SourceListing, Inspector, EntryContent, RandomAccess } from './types.js';
export { isArchivePath } from './archive.js';

export interface OpenOptions {
  /**
   * Read an archive as the one file it is, not as its entries: a signature that lists only
   * the archive itself (as model_signing signs one) is verified that way.
   */
  archiveAsFile?: boolean;
}

/** Sources for models named by a reference rather than a local path: `scheme` -> opener. */
const SCHEMES: ReadonlyArray<{ test: (model: string) => boolean; open: (model: string, opts: OpenOptions) => Promise<ModelSource> }> = [];

/** The source that reads MODEL; MODEL_NOT_FOUND (exit 2) when there is nothing there. */
export async function openSource(model: string, opts: OpenOptions = {}): Promise<ModelSource> {
  if (model === '') throw usage('MODEL_NOT_FOUND', 'model not found: the model path is empty');
  for (const s of SCHEMES) if (s.test(model)) return s.open(model, opts);
  const st = await statModel(model);
  if (st.isDirectory()) return directorySource(model);
  if (st.isFile() && isArchivePath(model) && !opts.archiveAsFile) return archiveSource(model);
  return fileSource(model);
}

/**
 * The one place that decides which source reads a model (see types.ts for the seam).
 *
 *   hf://org/name[@revision]         -> hf-cache.ts (resolved in the cache `hfCache`)
 *   oci://REGISTRY/REPO..., oci:DIR  -> oci/ (an OCI artifact, in a registry or a local layout)
 *   a hub cache snapshot directory   -> hf-cache.ts (.../models--org--name/snapshots/REV)
 *   any other directory              -> directory.ts
 *   a .tar / .tar.gz / .tgz file     -> archive.ts (unless it is signed as one opaque file)
 *   any other file                   -> file.ts
 *
 * A new kind of model is one new source file and one entry in SCHEMES (models named by a
 * reference such as hf://org/name) or in the local choice below.
 */
import os from 'node:os';
import { usage } from '../errors.js';
import { statModel } from '../hashing/model-path.js';
import { isArchivePath } from './archive-path.js';
import { directorySource } from './directory.js';
import { fileSource } from './file.js';
import { hubReferenceSource, hubSnapshotSource } from './hf-cache.js';
import { defaultHubCache, HF_SCHEME } from './hf-layout.js';
import { settings } from '../settings.js';
import type { OciOpenOptions } from './oci/index.js';
import type { ModelSource } from './types.js';

export type { ModelSource, ReadRequest, ReadResult, SourceFile, SourceListing, Inspector, EntryContent, RandomAccess, AttachedSignature, AttachedSignatures } from './types.js';
export type { OciSource, OciOpenOptions, PullTarget } from './oci/index.js';
export { isArchivePath } from './archive-path.js';

export interface OpenOptions {
  /**
   * Read an archive as the one file it is, not as its entries: a signature that lists only
   * the archive itself (as model_signing signs one) is verified that way.
   */
  archiveAsFile?: boolean;
  /**
   * The Hugging Face hub cache directory hf:// references are resolved in (what HF_HUB_CACHE
   * names for huggingface_hub; the CLI reads that environment). Default ~/.cache/huggingface/hub.
   */
  hfCache?: string;
  /** OCI artifacts: registry access (plain-HTTP hosts, Docker configuration) and --pull-to. */
  oci?: OciOpenOptions;
}

/** Sources for models named by a reference rather than a local path: `scheme` -> opener. */
const SCHEMES: ReadonlyArray<{ test: (model: string) => boolean; open: (model: string, opts: OpenOptions) => Promise<ModelSource> }> = [
  { test: (m) => m.startsWith(HF_SCHEME), open: (m, o) => hubReferenceSource(m, o.hfCache ?? settings.hfCache ?? defaultHubCache(os.homedir())) },
  // oci:// (a registry) and oci:DIR (a layout); the client loads only for such models.
  { test: (m) => m.startsWith('oci:'), open: async (m, o) => (await import('./oci/index.js')).ociSource(m, o.oci) },
];

/** Whether MODEL names a model by reference (hf://..., oci:...) rather than by a local path. */
export function isReference(model: string): boolean {
  return SCHEMES.some((s) => s.test(model));
}

/** The source that reads MODEL; MODEL_NOT_FOUND (exit 2) when there is nothing there. */
export async function openSource(model: string, opts: OpenOptions = {}): Promise<ModelSource> {
  if (model === '') throw usage('MODEL_NOT_FOUND', 'model not found: the model path is empty');
  for (const s of SCHEMES) if (s.test(model)) return s.open(model, opts);
  const st = await statModel(model);
  if (st.isDirectory()) return (await hubSnapshotSource(model)) ?? directorySource(model);
  // The tar reader loads only for an archive (a directory's digest parses 28 fewer modules).
  if (st.isFile() && isArchivePath(model) && !opts.archiveAsFile) return (await import('./archive.js')).archiveSource(model);
  return fileSource(model);
}

/**
 * Signatures left inside a model: a `*.sig` file that parses as a Sigstore bundle (an earlier
 * model.sig, a copy of a parent's) is a signature, not model content. Signed as content, it
 * would tie the new signature to a file that is replaced at every re-signing. sign (and digest,
 * which prints what sign signs) leave each one out and record it in ignore_paths, where every
 * OMS verifier (modelsign, model_signing) reads the exclusions from, so verify does not demand
 * it either. A `*.sig` that is not a bundle stays content.
 *
 * Only models listed before they are read (directories, Hugging Face snapshots) are judged:
 * an archive or an OCI artifact is hashed as it streams.
 */
import path from 'node:path';
import { ModelsignError } from '../errors.js';
import type { ModelSource, SourceListing } from '../source/types.js';

/** Sources whose listing names local files that can be read before hashing starts. */
const LOCAL_LISTED = new Set(['directory', 'hf-snapshot']);

/** Thrown from onListed to stop the read: these names must be judged before hashing. */
export class SignatureCandidates extends Error {
  constructor(readonly names: string[]) {
    super(`${names.length} *.sig file(s) to judge`);
  }
}

/** Whether this source's files can be judged (see LOCAL_LISTED). */
export function judgesSignatures(source: ModelSource): boolean {
  return LOCAL_LISTED.has(source.kind);
}

/** The `*.sig` files of a listing (any case: `MODEL.SIG`), not yet judged. */
export function signatureCandidates(listing: SourceListing): string[] {
  if (listing.isFile) return [];
  const out: string[] = [];
  // The last four characters only: no lower-cased copy of every name of a 20,000-file model.
  const files = listing.files;
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    if (f.size > 0 && f.name.length >= 4 && f.name.slice(-4).toLowerCase() === '.sig') out.push(f.name);
  }
  return out;
}

/**
 * The candidates that parse as a Sigstore bundle (read bounded, as verify reads a signature).
 * A directory's files are opened without following a link (one swapped in since the listing
 * is not read); a snapshot's files are links into its blobs by design.
 */
export async function bundlesAmong(root: string, names: readonly string[], noFollow: boolean): Promise<string[]> {
  const { MAX_BUNDLE_BYTES, parseBundle, readBundleFile } = await import('../oms/bundle.js');
  const found: string[] = [];
  for (const name of names) {
    try {
      parseBundle(await readBundleFile(path.join(root, ...name.split('/')), MAX_BUNDLE_BYTES, { noFollow }));
      found.push(name);
    } catch (e) {
      // Not a bundle (or unreadable: the read that hashes it will say so): model content.
      if (!(e instanceof ModelsignError)) throw e;
    }
  }
  return found;
}

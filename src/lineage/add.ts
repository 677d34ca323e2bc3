/**
 * `modelsign lineage add STORE SIG...`: file existing signatures in a lineage store under the
 * name the store looks them up by first (`<name>@<version>.<root hex>.sig`, the name
 * `sign --record` gives). Every file is checked before anything is written: it must be a
 * modelsign lineage bundle (OMS v1.0, a root digest matching its resources, a semver
 * version, a well-formed lineage record); its signature is not checked here, since the walk
 * verifies every bundle under the verifier's own trust. Filing the same bytes twice is a no-op.
 */
import { ModelsignError, usage } from '../errors.js';
import { readBundleFile } from '../oms/bundle.js';
import { BundleCheckError, verifyLineageBundle, type VerifiedBundle } from './ancestor.js';
import { checkStoreDir, createStoreDir, findRecordSlot } from './store.js';
import { writeAtomic } from '../util/write-atomic.js';

/** A store directory created by `lineage add` is the owner's alone. */
const STORE_DIR_MODE = 0o700;

export interface Filed {
  /** The file given. */
  signature: string;
  /** Where it is in the store. */
  file: string;
  /** false: the store already held these bytes under that name. */
  added: boolean;
  name: string;
  version: string;
  /** "sha256:<hex>" */
  rootDigest: string;
  /** "sha256:<hex>" of the bytes filed */
  bundleDigest: string;
}

/** Read and check one signature for filing; a file that cannot be filed is a usage error. */
async function readForStore(file: string): Promise<{ bytes: Buffer; bundle: VerifiedBundle }> {
  let bytes: Buffer;
  try {
    bytes = await readBundleFile(file);
  } catch (e) {
    if (e instanceof ModelsignError) throw usage('LINEAGE_NOT_BUNDLE', `${file}: ${e.message}`);
    throw e;
  }
  try {
    return { bytes, bundle: await verifyLineageBundle(bytes, null, file) };
  } catch (e) {
    if (e instanceof BundleCheckError) throw usage('LINEAGE_NOT_BUNDLE', `${file} is not a modelsign lineage bundle: ${e.inner.message} (${e.inner.code})`);
    throw e;
  }
}

export async function addToStore(dir: string, files: readonly string[]): Promise<Filed[]> {
  if (files.length === 0) throw usage('MISSING_ARGUMENT', 'lineage add needs at least one signature file');
  const read = [];
  for (const f of files) read.push({ file: f, ...(await readForStore(f)) });
  await checkStoreDir(dir);
  await createStoreDir(dir, STORE_DIR_MODE);
  // Every name is chosen before anything is written: a file that cannot be filed stops all.
  const slots = await chooseSlots(dir, read);
  const out: Filed[] = [];
  for (const [i, r] of read.entries()) {
    const slot = slots[i]!;
    if (slot.added) await writeAtomic(slot.file, r.bytes);
    out.push({ signature: r.file, file: slot.file, added: slot.added, name: r.bundle.name, version: r.bundle.version, rootDigest: r.bundle.rootDigest, bundleDigest: r.bundle.bundleDigest });
  }
  return out;
}

/** Each file's name in the store, as if the earlier ones were already filed (the same bytes given twice are filed once). */
async function chooseSlots(dir: string, read: ReadonlyArray<{ bytes: Buffer; bundle: VerifiedBundle }>): Promise<Array<{ file: string; added: boolean }>> {
  const slots: Array<{ file: string; added: boolean }> = [];
  const claimed = new Map<string, Buffer>();
  for (const r of read) {
    const slot = await findRecordSlot(dir, r.bundle, r.bytes, claimed);
    slots.push(slot);
    if (slot.added) claimed.set(slot.file, r.bytes);
  }
  return slots;
}

/**
 * Anti-rollback state: the highest version verified per model name, in a small JSON file
 *
 *     { "schema": "modelsign/state/v1",
 *       "models": { "llama-ft": { "version": "1.2.0", "rootDigest": "sha256:…", "updated": "…" } } }
 *
 * Several verifiers (init containers on one node, CI jobs) may share the file. Updates take
 * a lock file created with O_EXCL (bounded retry; a lock older than STALE_LOCK_MS was left
 * by a killed verifier and is broken), re-read the file under the lock, keep the higher
 * version per name, and replace the file by temp file + rename, so readers never see half a
 * file and no verifier's update is lost.
 */
import { open, rename, stat, unlink } from 'node:fs/promises';
import { writeAtomic } from '../util/write-atomic.js';
import { writeFailureWords } from '../util/errno.js';
import semver from 'semver';
import { errnoCode, reject, usage, type Failure } from '../errors.js';
import { isObject, parseStrictJson } from '../util/strict-json.js';
import { clean } from '../util/one-line.js';
import { FileTooLarge, NotRegularFile, readRegularFile } from '../util/read-file.js';

export const STATE_SCHEMA = 'modelsign/state/v1';
export const MAX_STATE_BYTES = 4 * 1024 * 1024;
const LOCK_RETRY_MS = 20;
const LOCK_TIMEOUT_MS = 10_000;
const STALE_LOCK_MS = 30_000;

export interface StateEntry {
  version: string;
  rootDigest?: string;
  updated?: string;
}

export type RollbackState = Map<string, StateEntry>;

function bad(file: string, msg: string): never {
  throw reject('STATE_CORRUPT', `state file ${file} is corrupt (${msg}); refusing to guess the highest version`);
}

export function parseState(text: string, file: string): RollbackState {
  const j = parseStrictJson(text, { what: `state file ${file}`, code: 'STATE_CORRUPT' });
  if (!isObject(j)) bad(file, 'not a JSON object');
  if (j.schema !== STATE_SCHEMA) bad(file, `schema is not ${STATE_SCHEMA}`);
  if (!isObject(j.models)) bad(file, 'models must be an object');
  const out: RollbackState = new Map();
  for (const [name, v] of Object.entries(j.models)) {
    if (!isObject(v) || typeof v.version !== 'string' || !semver.valid(v.version)) bad(file, `entry "${name.slice(0, 80)}" has no semver version`);
    const e: StateEntry = { version: v.version };
    if (typeof v.rootDigest === 'string') e.rootDigest = v.rootDigest;
    if (typeof v.updated === 'string') e.updated = v.updated;
    out.set(name, e);
  }
  return out;
}

/** The state as on disk; a missing file is an empty state. */
export async function readState(file: string): Promise<RollbackState> {
  let buf: Buffer;
  try {
    buf = await readRegularFile(file, MAX_STATE_BYTES);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return new Map();
    if (e instanceof FileTooLarge) bad(file, `larger than ${MAX_STATE_BYTES} bytes`);
    const why = e instanceof NotRegularFile ? 'not a regular file' : (errnoCode(e) ?? String(e));
    throw usage('STATE_UNREADABLE', `cannot read state file ${file}: ${why}`);
  }
  return parseState(buf.toString('utf8'), file);
}

export function serializeState(state: RollbackState): string {
  // Null prototype: a model named "__proto__" is just a key.
  const models = Object.create(null) as Record<string, StateEntry>;
  for (const name of [...state.keys()].sort()) models[name] = state.get(name)!;
  return JSON.stringify({ schema: STATE_SCHEMA, models }, null, 2) + '\n';
}

/** A rollback failure for `name@version` against the state, or undefined. Equal passes. */
export function checkRollback(state: RollbackState, name: string, version: string, file: string): Failure | undefined {
  const seen = state.get(name);
  if (seen && semver.lt(version, seen.version)) {
    return { code: 'VERSION_ROLLBACK', message: `${clean(`${name}@${version}`)} is older than ${clean(`${name}@${seen.version}`)}, already verified (state file ${file}): rollback refused` };
  }
  return undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function acquireLock(lock: string, timeoutMs: number, staleMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fh = await open(lock, 'wx', 0o644);
      await fh.writeFile(`${process.pid}\n`);
      await fh.close();
      return;
    } catch (e) {
      const c = errnoCode(e);
      if (c !== 'EEXIST') throw usage('STATE_UNREADABLE', `cannot create lock file ${lock}: ${writeFailureWords(e, lock)}`);
    }
    try {
      const st = await stat(lock);
      if (Date.now() - st.mtimeMs > staleMs) {
        // Left by a verifier that was killed mid-update: move it aside, then retry.
        const aside = `${lock}.${process.pid}.${Date.now()}.stale`;
        await rename(lock, aside).then(() => unlink(aside)).catch(() => undefined);
        continue;
      }
    } catch {
      // gone between open and stat: retry at once
      continue;
    }
    if (Date.now() > deadline) throw usage('STATE_LOCKED', `state file lock ${lock} is held by another verifier for more than ${timeoutMs / 1000}s (remove it if no verifier is running)`);
    await sleep(LOCK_RETRY_MS + Math.floor(Math.random() * LOCK_RETRY_MS));
  }
}

/**
 * Record `name@version` as verified. Under the lock the file is re-read: if a newer version
 * was recorded meanwhile (by another verifier), this returns that rollback failure instead
 * of writing; otherwise the higher of the two versions is kept.
 */
export async function recordVerified(
  file: string,
  entry: { name: string; version: string; rootDigest?: string },
  opts: { lockTimeoutMs?: number; staleLockMs?: number } = {},
): Promise<Failure | undefined> {
  const lock = `${file}.lock`;
  await acquireLock(lock, opts.lockTimeoutMs ?? LOCK_TIMEOUT_MS, opts.staleLockMs ?? STALE_LOCK_MS);
  try {
    const state = await readState(file);
    const failure = checkRollback(state, entry.name, entry.version, file);
    if (failure) return failure;
    const seen = state.get(entry.name);
    if (seen && semver.eq(seen.version, entry.version) && seen.rootDigest === entry.rootDigest) return undefined;
    state.set(entry.name, { version: entry.version, ...(entry.rootDigest ? { rootDigest: entry.rootDigest } : {}), updated: new Date().toISOString() });
    await writeAtomic(file, serializeState(state), 'STATE_WRITE_FAILED', `state file ${file}`);
    return undefined;
  } finally {
    await unlink(lock).catch(() => undefined);
  }
}

/**
 * The optional native addon (native/hash_files.c): SHA-256 of many file ranges on native
 * threads, hashed straight out of the page cache through mmap, with the same checks as the
 * JavaScript path (read.ts).
 *
 * It is built at install time by node-gyp (scripts/build-native.mjs) where a C compiler
 * exists. Where it does not (or the build failed, or MODELSIGN_NO_MMAP=1), sha256 runs on
 * worker threads through read(2) like the other algorithms, with identical digests and
 * checks: the addon is an accelerator, never a requirement.
 *
 * The path is resolved from this file: src/hashing/ under tests and dist/hashing/ once
 * built are both two levels below the package root, where native/build/ is.
 */
import type { Code } from '../codes.js';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { MSG, type HashOutcome, type HashTask } from './read.js';
import { settings } from '../settings.js';

interface RawResult {
  status: Buffer;
  errno: Buffer;
  digests: Buffer;
}

export interface NativeAddon {
  hashFiles(
    paths: string[],
    start: Float64Array,
    end: Float64Array,
    size: Float64Array,
    dev: Float64Array,
    ino: Float64Array,
    flags: Uint8Array,
    threads: number,
    counters?: BigInt64Array | null,
    slot?: number,
    hook?: Int32Array | null,
    mode?: number,
  ): Promise<RawResult>;
  /** "sha-ni" (SHA extensions: one or two streams per thread) or "openssl". */
  kernel: string;
}

/** Defined (true) by scripts/build-action.mjs: the Action's bundle has no addon beside it. */
declare const __MODELSIGN_BUNDLE__: boolean | undefined;

/** Where the addon is looked for. */
const ADDON_PATH = fileURLToPath(new URL('../../native/build/Release/modelsign_native.node', import.meta.url));

let addon: NativeAddon | null | undefined;
let why = '';

/** The addon, or null when it is absent, disabled or fails to load (nativeStatus() says why). */
export function loadNative(): NativeAddon | null {
  if (addon !== undefined) return addon;
  if (!settings.mmap) {
    why = 'turned off (MODELSIGN_NO_MMAP=1)';
    return (addon = null);
  }
  if (typeof __MODELSIGN_BUNDLE__ !== 'undefined' && __MODELSIGN_BUNDLE__) {
    why = 'not part of the bundled GitHub Action';
    return (addon = null);
  }
  if (!existsSync(ADDON_PATH)) {
    why = 'not built (`npm run build:native` needs a C compiler)';
    return (addon = null);
  }
  try {
    const mod = createRequire(import.meta.url)(ADDON_PATH) as NativeAddon;
    if (typeof mod.hashFiles !== 'function') throw new Error('no hashFiles export');
    return (addon = mod);
  } catch (e) {
    why = `failed to load: ${String((e as Error).message ?? e).split('\n')[0]}`;
    return (addon = null);
  }
}

/** One line for the benchmark and docs: which path sha256 takes here, and why. */
export function nativeStatus(): string {
  const nat = loadNative();
  return nat ? `native threads + mmap, ${nat.kernel === 'sha-ni' ? 'SHA extensions, two streams per thread' : 'OpenSSL'} (${ADDON_PATH})` : `worker threads + read(2): the native addon is ${why}`;
}

const ERRNO_NAMES = new Map(Object.entries(os.constants.errno).map(([k, v]) => [v, k]));
const errName = (n: number) => ERRNO_NAMES.get(n) ?? `errno ${n}`;

/**
 * The addon's failure statuses 1..9 (hash_files.c's ST_* enum, in order) as the outcomes
 * read.ts gives for the same cases; anything else is ST_HASH_FAILED.
 */
const FAILURES: readonly [code: Code, message: string | ((errno: number) => string)][] = [
  ['FILE_IS_SYMLINK', MSG.symlink],
  ['FILE_MISSING', MSG.missing],
  ['FILE_UNREADABLE', (e) => `cannot open: ${errName(e)}`],
  ['SPECIAL_FILE', MSG.special],
  ['FILE_REPLACED', MSG.replaced],
  ['FILE_CHANGED_DURING_HASH', MSG.sizeMoved],
  ['FILE_CHANGED_DURING_HASH', MSG.shrank],
  ['FILE_CHANGED_DURING_HASH', MSG.changed],
  ['FILE_UNREADABLE', (e) => `cannot read: ${errName(e)}`],
];

function outcome(status: number, errno: number, digest: Buffer): HashOutcome {
  if (status === 0) return { ok: true, digest: digest.toString('hex') };
  const [code, message] = FAILURES[status - 1] ?? ['FILE_UNREADABLE', 'cannot hash: SHA-256 failed (out of memory?)'];
  return { ok: false, code, message: typeof message === 'function' ? message(errno) : message };
}

export interface NativeRunOptions {
  threads: number;
  counters?: BigInt64Array;
  /** Tests only: the threads wait for hook[0] != 0 between hashing a file and re-checking it. */
  hook?: Int32Array;
  /** Tests only: skip the size check before each mapped window (to provoke SIGBUS). */
  noWindowCheck?: boolean;
  /**
   * Which SHA-256 code: 'auto' (SHA extensions, two streams per thread, where the CPU has
   * them), 'x1' (SHA extensions, one stream at a time) or 'openssl'. Tests and the benchmark
   * compare them; the digests are the same.
   */
  kernel?: 'auto' | 'x1' | 'openssl';
}

const MODE = { auto: 0, openssl: 1, x1: 2 } as const;

/** A range the addon refuses as an argument; the JavaScript path reads it short instead. */
const outOfRange = (t: HashTask) => !(Number.isSafeInteger(t.start) && Number.isSafeInteger(t.end) && Number.isSafeInteger(t.expectSize) && 0 <= t.start && t.start <= t.end && t.end <= t.expectSize);

/** SHA-256 of every task, in the order given (the queue the threads take from). */
export async function hashNative(nat: NativeAddon, all: readonly HashTask[], o: NativeRunOptions): Promise<HashOutcome[]> {
  // A range past the end of the file it names (only a hostile signature's shard can say so)
  // is what read.ts reports when the file ends early: it never reaches the addon.
  const bad = all.map(outOfRange);
  const tasks = bad.some(Boolean) ? all.filter((_, i) => !bad[i]) : all;
  const n = tasks.length;
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const size = new Float64Array(n);
  const dev = new Float64Array(n);
  const ino = new Float64Array(n).fill(NaN);
  const flags = new Uint8Array(n);
  const paths = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const t = tasks[i]!;
    paths[i] = t.abs;
    start[i] = t.start;
    end[i] = t.end;
    size[i] = t.expectSize;
    if (t.expectId) {
      dev[i] = t.expectId.dev;
      ino[i] = t.expectId.ino;
    }
    flags[i] = (t.followLink ? 1 : 0) | (o.noWindowCheck ? 2 : 0);
  }
  const r = n === 0 ? { status: Buffer.alloc(0), errno: Buffer.alloc(0), digests: Buffer.alloc(0) } : await nat.hashFiles(paths, start, end, size, dev, ino, flags, o.threads, o.counters ?? null, 0, o.hook ?? null, MODE[o.kernel ?? 'auto']);
  const out = new Array<HashOutcome>(n);
  for (let i = 0; i < n; i++) out[i] = outcome(r.status.readInt32LE(4 * i), r.errno.readInt32LE(4 * i), r.digests.subarray(32 * i, 32 * i + 32));
  if (tasks === all) return out;
  let j = 0;
  return all.map((_, i) => (bad[i] ? { ok: false as const, code: 'FILE_CHANGED_DURING_HASH', message: MSG.shrank } : out[j++]!));
}

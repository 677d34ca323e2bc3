/**
 * The Sigstore trusted root: which Fulcio CAs, Rekor logs, CT logs and timestamp authorities
 * keyless signatures are checked against. Verification is offline, so a root is always read
 * from disk, in this order:
 *   1. `--trusted-root FILE` (a private Sigstore, or a pinned copy);
 *   2. the copy `modelsign trusted-root update` last fetched through TUF, if any
 *      (CACHE_DIR/trusted_root.json);
 *   3. the public-good snapshot shipped with modelsign: the `trusted_root.json` target in the
 *      seeds of the installed @sigstore/tuf package (public data, read in place).
 */
import { settings } from '../settings.js';
import { createRequire } from 'node:module';
import { mkdir, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
// sigstore-js is loaded only when a trusted root is read (keeps the CLI's start-up light).
import type { TrustMaterial } from '@sigstore/verify';
import { errnoCode, ModelsignError, usage } from '../errors.js';
import { isObject, parseStrictJson } from '../util/strict-json.js';
import { FileTooLarge, NotRegularFile, readRegularFile } from '../util/read-file.js';
import { writeAtomic } from '../util/write-atomic.js';
import { errnoWords } from '../util/errno.js';

export const PUBLIC_GOOD_TUF_MIRROR = 'https://tuf-repo-cdn.sigstore.dev';
export const STAGING_TUF_MIRROR = 'https://tuf-repo-cdn.sigstage.dev';
const MAX_TRUSTED_ROOT = 8 * 1024 * 1024;
const TRUSTED_ROOT_MEDIA_TYPE = 'application/vnd.dev.sigstore.trustedroot';

export interface LoadedTrustedRoot {
  /** Where it came from, for messages and `--json`. */
  source: string;
  json: unknown;
  material: TrustMaterial;
}

/** Where `trusted-root update` keeps what it fetched (the host's cacheDir setting overrides). */
export function cacheDir(): string {
  return settings.cacheDir ?? path.join(os.homedir(), '.cache', 'modelsign');
}

export function cachedTrustedRootPath(): string {
  return path.join(cacheDir(), 'trusted_root.json');
}

/** Parse and check a trusted root document; a bad one is a usage error (the user chose it). */
export async function parseTrustedRoot(text: string, source: string): Promise<LoadedTrustedRoot> {
  const [{ TrustedRoot }, { toTrustMaterial }] = await Promise.all([import('@sigstore/protobuf-specs'), import('@sigstore/verify')]);
  let json;
  try {
    json = parseStrictJson(text, { what: `trusted root ${source}`, code: 'TRUSTED_ROOT_INVALID' });
  } catch (e) {
    throw usage('TRUSTED_ROOT_INVALID', (e as Error).message);
  }
  if (!isObject(json) || typeof json.mediaType !== 'string' || !json.mediaType.startsWith(TRUSTED_ROOT_MEDIA_TYPE)) {
    throw usage('TRUSTED_ROOT_INVALID', `${source} is not a Sigstore trusted root (mediaType ${TRUSTED_ROOT_MEDIA_TYPE}+json expected)`);
  }
  try {
    const root = TrustedRoot.fromJSON(json);
    if (root.certificateAuthorities.length === 0) throw new Error('it lists no certificate authority');
    if (root.tlogs.length === 0 && root.timestampAuthorities.length === 0) throw new Error('it lists no transparency log or timestamp authority');
    return { source, json, material: toTrustMaterial(root) };
  } catch (e) {
    throw usage('TRUSTED_ROOT_INVALID', `${source} is not a usable Sigstore trusted root: ${(e as Error).message}`);
  }
}

async function readBounded(file: string, what: string): Promise<string> {
  let buf: Buffer;
  try {
    // The project's bounded reader: checks and reads one descriptor (no stat/read race).
    buf = await readRegularFile(file, MAX_TRUSTED_ROOT);
  } catch (e) {
    if (e instanceof NotRegularFile) throw usage('TRUSTED_ROOT_UNREADABLE', `${what} is not a regular file: ${file}`);
    if (e instanceof FileTooLarge) throw usage('TRUSTED_ROOT_UNREADABLE', `${what} ${file} is larger than 8 MiB`);
    const c = errnoCode(e);
    throw usage('TRUSTED_ROOT_UNREADABLE', c === 'ENOENT' ? `${what} not found: ${file}` : `cannot read ${what} ${file}: ${c ?? String(e)}`);
  }
  return buf.toString('utf8');
}

/** The snapshot shipped in @sigstore/tuf's seeds, and that package's version. */
export function shippedSnapshot(): { text: string; packageVersion: string } {
  const require = createRequire(import.meta.url);
  const seeds = require('@sigstore/tuf/seeds.json') as Record<string, { targets?: Record<string, string> }>;
  const target = seeds[PUBLIC_GOOD_TUF_MIRROR]?.targets?.['trusted_root.json'];
  if (!target) throw new ModelsignError('TRUSTED_ROOT_MISSING', 'the installed @sigstore/tuf carries no trusted_root.json seed', { kind: 'internal' });
  const pkg = require('@sigstore/tuf/package.json') as { version: string };
  return { text: Buffer.from(target, 'base64').toString('utf8'), packageVersion: pkg.version };
}

export async function loadTrustedRoot(file?: string): Promise<LoadedTrustedRoot> {
  if (file !== undefined) return parseTrustedRoot(await readBounded(file, 'trusted root'), file);
  const cached = cachedTrustedRootPath();
  try {
    await stat(cached);
    return parseTrustedRoot(await readBounded(cached, 'cached trusted root'), `${cached} (fetched by "modelsign trusted-root update")`);
  } catch (e) {
    if (errnoCode(e) !== 'ENOENT') throw e;
  }
  const snap = shippedSnapshot();
  return parseTrustedRoot(snap.text, `shipped public-good snapshot (@sigstore/tuf ${snap.packageVersion} seeds)`);
}

/** Newest validity start in a trusted root: a lower bound for when it was published. */
export function newestKeyDate(json: unknown): string | undefined {
  let newest: string | undefined;
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'validFor' && x && typeof x === 'object' && typeof (x as { start?: unknown }).start === 'string') {
          const s = (x as { start: string }).start;
          if (newest === undefined || s > newest) newest = s;
        } else visit(x);
      }
    }
  };
  visit(json);
  return newest;
}

export interface UpdateOptions {
  mirror?: string;
  /** TUF root.json to start from (needed for mirrors other than public good). */
  tufRoot?: string;
  /** Where to write the trusted root (default: the cache path verify reads). */
  out?: string;
  timeoutMs?: number;
}

/** Refresh the trusted root through TUF (needs the network) and store it atomically. */
export async function updateTrustedRoot(opts: UpdateOptions): Promise<{ out: string; source: string; root: LoadedTrustedRoot }> {
  const mirror = opts.mirror ?? PUBLIC_GOOD_TUF_MIRROR;
  const out = opts.out ?? cachedTrustedRootPath();
  const tufCache = path.join(cacheDir(), 'tuf');
  await mkdir(tufCache, { recursive: true }).catch((e) => {
    throw usage('WRITE_FAILED', `cannot create ${tufCache}: ${errnoWords(e)}`);
  });
  if (opts.tufRoot !== undefined) await readBounded(opts.tufRoot, 'TUF root');
  const { initTUF } = await import('@sigstore/tuf');
  let text: string;
  try {
    const tuf = await initTUF({
      mirrorURL: mirror,
      cachePath: tufCache,
      ...(opts.tufRoot !== undefined ? { rootPath: opts.tufRoot, forceInit: true } : {}),
      retry: false,
      timeout: opts.timeoutMs ?? 10_000,
    });
    text = await tuf.getTarget('trusted_root.json');
  } catch (e) {
    if (e instanceof ModelsignError) throw e;
    const cause = e instanceof Error ? e.message : String(e);
    throw new ModelsignError('TUF_UPDATE_FAILED', `cannot refresh the trusted root from ${mirror} (no network?): ${cause.split('\n')[0]}; the root in use is unchanged`, { kind: 'reject' });
  }
  const root = await parseTrustedRoot(text, `TUF ${mirror}`);
  await mkdir(path.dirname(out), { recursive: true }).catch(() => undefined);
  await writeAtomic(out, text.endsWith('\n') ? text : `${text}\n`);
  return { out, source: mirror, root };
}

/**
 * Remove a stored refreshed root so verify falls back to the shipped snapshot. `removed` is
 * false when there was none (nothing to do, not an error).
 */
export async function resetTrustedRoot(): Promise<{ path: string; removed: boolean }> {
  const p = cachedTrustedRootPath();
  try {
    await unlink(p);
    return { path: p, removed: true };
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return { path: p, removed: false };
    throw usage('WRITE_FAILED', `cannot remove ${p}: ${errnoCode(e) ?? String(e)}`);
  }
}

/**
 * Process-wide settings the library takes from its host, never from the environment itself:
 * the CLI and the Action read MODELSIGN_* and friends and call configure() once at start-up.
 * A library user sets what it needs the same way (or leaves the defaults).
 */
import os from 'node:os';
import path from 'node:path';

export interface Settings {
  /** Passphrase for encrypted private keys; without one, a terminal prompt (or NO_PASSPHRASE). */
  passphrase: string | undefined;
  /** Where `trusted-root update` keeps the refreshed Sigstore root (default ~/.cache/modelsign). */
  cacheDir: string | undefined;
  /** false: hash SHA-256 with worker threads and read(2), never the native mmap addon. */
  mmap: boolean;
  /** false: BLAKE2b/BLAKE3 in JavaScript, never the native binding. */
  nativeBlake: boolean;
  /** Keyless signing: an OIDC identity token (e.g. SIGSTORE_ID_TOKEN) when none is passed. */
  identityToken: string | undefined;
  /** Keyless signing: GitHub Actions can mint a token (id-token: write). */
  ambientCredentials: boolean;
  /** The Hugging Face hub cache hf:// models are resolved in (default ~/.cache/huggingface/hub). */
  hfCache: string | undefined;
  /** The Docker configuration directory OCI registry credentials come from (none: anonymous access). */
  dockerConfigDir: string | undefined;
}

const current: Settings = { passphrase: undefined, cacheDir: undefined, mmap: true, nativeBlake: true, identityToken: undefined, ambientCredentials: false, hfCache: undefined, dockerConfigDir: undefined };

export const settings: Readonly<Settings> = current;

export function configure(s: Partial<Settings>): void {
  Object.assign(current, s);
}

/**
 * The settings an environment names (the host passes its own; nothing here reads the process's):
 *   MODELSIGN_PASSPHRASE, COSIGN_PASSWORD      passphrase of an encrypted private key
 *   MODELSIGN_CACHE_DIR, XDG_CACHE_HOME        where `trusted-root update` keeps its copy
 *   MODELSIGN_NO_MMAP=1, MODELSIGN_NO_NATIVE_BLAKE=1   hash without the native addons
 *   SIGSTORE_ID_TOKEN, ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN   keyless signing's OIDC token
 *   HF_HUB_CACHE, HUGGINGFACE_HUB_CACHE, HF_HOME, XDG_CACHE_HOME   the Hugging Face hub cache
 *   DOCKER_CONFIG (else ~/.docker)             OCI registry credentials, as docker and skopeo use them
 */
export function settingsFromEnv(env: Readonly<Record<string, string | undefined>>): Partial<Settings> {
  const cache = env.MODELSIGN_CACHE_DIR || (env.XDG_CACHE_HOME ? path.join(env.XDG_CACHE_HOME, 'modelsign') : undefined);
  return {
    passphrase: env.MODELSIGN_PASSPHRASE ?? env.COSIGN_PASSWORD,
    cacheDir: cache,
    mmap: env.MODELSIGN_NO_MMAP !== '1',
    nativeBlake: env.MODELSIGN_NO_NATIVE_BLAKE !== '1',
    identityToken: env.SIGSTORE_ID_TOKEN || undefined,
    ambientCredentials: !!(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN),
    hfCache: hubCacheDir(env),
    dockerConfigDir: env.DOCKER_CONFIG || path.join(os.homedir(), '.docker'),
  };
}

/** "~" and "~/..." as the home directory, as huggingface_hub expands these variables. */
function expandHome(p: string): string {
  return p === '~' || p.startsWith('~/') ? path.join(os.homedir(), p.slice(1)) : p;
}

/**
 * The hub cache as huggingface_hub finds it: HF_HUB_CACHE, else HUGGINGFACE_HUB_CACHE (its
 * older name), else HF_HOME/hub, else $XDG_CACHE_HOME/huggingface/hub, else ~/.cache/huggingface/hub.
 */
export function hubCacheDir(env: Readonly<Record<string, string | undefined>>): string {
  const set = (k: string): string | undefined => (env[k] ? expandHome(env[k]) : undefined);
  const hub = set('HF_HUB_CACHE') ?? set('HUGGINGFACE_HUB_CACHE');
  if (hub) return hub;
  const home = set('HF_HOME') ?? path.join(set('XDG_CACHE_HOME') ?? path.join(os.homedir(), '.cache'), 'huggingface');
  return path.join(home, 'hub');
}

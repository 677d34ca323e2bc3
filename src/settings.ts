/**
 * Process-wide settings the library takes from its host, never from the environment itself:
 * the CLI and the Action read MODELSIGN_* and friends and call configure() once at start-up.
 * A library user sets what it needs the same way (or leaves the defaults).
 */
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
}

const current: Settings = { passphrase: undefined, cacheDir: undefined, mmap: true, nativeBlake: true, identityToken: undefined, ambientCredentials: false };

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
  };
}

/**
 * Imported first by main.ts: the library's process-wide settings, read from the environment
 * (the library never reads it itself).
 *   MODELSIGN_PASSPHRASE, COSIGN_PASSWORD      passphrase of an encrypted private key
 *   MODELSIGN_CACHE_DIR, XDG_CACHE_HOME        where `trusted-root update` keeps its copy
 *   MODELSIGN_NO_MMAP=1, MODELSIGN_NO_NATIVE_BLAKE=1   hash without the native addons
 *   SIGSTORE_ID_TOKEN, ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN   keyless signing's OIDC token
 */
import { configure, settingsFromEnv } from '../settings.js';

configure(settingsFromEnv(process.env));

/**
 * The Sigstore trusted root verify uses offline: the snapshot shipped with the package, or a
 * copy refreshed through TUF by `modelsign trusted-root update` (trusted-root.ts).
 */
export { loadTrustedRoot, updateTrustedRoot, shippedSnapshot } from './trusted-root.js';

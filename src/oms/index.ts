/**
 * The OpenSSF Model Signing v1.0 format: the Sigstore bundle (bundle.ts), its DSSE envelope
 * (dsse.ts) and in-toto statement (statement.ts), model_signing's legacy v0.2 predicate
 * (legacy.ts), and a one-line description of who signed (describe.ts). Pure over bytes: what
 * the bundle says, never whether to trust it (src/verify).
 */
export { buildBundle, parseBundle, readBundleFile, BUNDLE_MEDIA_TYPE, type ParsedBundle } from './bundle.js';
export { buildStatement, parseStatement, OMS_PREDICATE_TYPE, type ModelMetadata, type ParsedStatement, type Statement } from './statement.js';
export { IN_TOTO_PAYLOAD_TYPE, pae } from './dsse.js';

/**
 * Hashing: the parallel engine (engine.ts: worker threads, or the native mmap addon for
 * SHA-256, native.ts) that hashes byte ranges of local files with O_NOFOLLOW and identity
 * checks (read.ts), the algorithms (algorithms.ts), and the OMS serialization of digests into
 * resources and a root digest (serialize.ts). Sources (src/source) decide which ranges.
 */
export { hashTasks, type EngineOptions, type HashOutcome, type HashTask } from './engine.js';
export { isHashAlgorithm, type HashAlgorithm } from './algorithms.js';
export { rootDigest, type Resource } from './serialize.js';

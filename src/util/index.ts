/**
 * Small helpers with no knowledge of models: strict JSON (strict-json.ts), base64
 * (base64.ts), one-line text for hostile strings (one-line.ts), bounded reads of regular files
 * (read-file.ts), atomic writes (write-atomic.ts), errno words (errno.ts).
 */
export { parseStrictJson, isObject, type JsonValue } from './strict-json.js';
export { clean, displayPath } from './one-line.js';
export { readRegularFile } from './read-file.js';
export { writeAtomic } from './write-atomic.js';

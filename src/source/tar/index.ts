/**
 * The one tar reader: pure parts (header.ts: one 512-byte header; extended.ts: pax records
 * and GNU long names; names.ts: model names and the top-folder rule; entries.ts: the entry
 * table and the link judgement) and a pull-based stream loop (reader.ts over input.ts). Every
 * construct GNU tar and Python's tarfile could read differently is refused (docs/archives.md).
 */
export { readTar, type EntryBody, type TarEntry } from './reader.js';
export { TarError } from './errors.js';

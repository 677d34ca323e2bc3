/**
 * Checks on the resource names of a correctly signed payload. A signature only proves who
 * wrote the list; the names in it may still be hostile (absolute, "..", NUL), repeated, or
 * collide after Unicode normalisation or on a case-insensitive file system. For the shards
 * method the file part of each name ("W.bin" of "W.bin:0:5") is what lands on disk, so the
 * collision checks compare file parts: shards of one file share theirs, two files may not.
 */
import type { Failure } from '../errors.js';
import { unsafeNameReason } from '../hashing/paths.js';

/** "path:start:end" with the path possibly containing ':' itself. */
export function parseShardName(name: string): { path: string; start: number; end: number } | undefined {
  const m = /^(.*):(\d{1,16}):(\d{1,16})$/s.exec(name);
  if (!m) return undefined;
  const start = Number(m[2]);
  const end = Number(m[3]);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start) return undefined;
  return { path: m[1]!, start, end };
}

export function checkResourceNames(names: readonly string[], opts: { method?: string } = {}): Failure[] {
  // model_signing names the one file of a single-file model "." (v0.3 to v1.0); the file
  // check resolves it to the model file and refuses it for a directory.
  if (names.length === 1 && names[0] === '.') return [];
  const shards = opts.method === 'shards';
  const failures: Failure[] = [];
  const seen = new Set<string>();
  const files = new Set<string>();
  const nfc = new Map<string, string>();
  const folded = new Map<string, string>();
  for (const name of names) {
    // A shard name the file check cannot parse is refused there; compare it whole here. The
    // file part is what must be safe: a shard of a file named "a" is "a:0:3", not a drive letter.
    const file = shards ? (parseShardName(name)?.path ?? name) : name;
    const why = unsafeNameReason(file);
    if (why) {
      failures.push({ code: 'UNSAFE_NAME', path: name, message: `unsafe resource name in signature: ${why}` });
      continue;
    }
    if (seen.has(name)) {
      failures.push({ code: 'DUPLICATE_NAME', path: name, message: 'resource listed twice in signature' });
      continue;
    }
    seen.add(name);
    if (files.has(file)) continue;
    files.add(file);
    const n = file.normalize('NFC');
    const prevN = nfc.get(n);
    if (prevN !== undefined) {
      failures.push({ code: 'NAME_COLLISION', path: name, message: `collides with "${prevN}" after Unicode normalisation` });
      continue;
    }
    nfc.set(n, file);
    const f = n.toLowerCase();
    const prevF = folded.get(f);
    if (prevF !== undefined) {
      failures.push({ code: 'NAME_COLLISION', path: name, message: `collides with "${prevF}" on a case-insensitive file system` });
      continue;
    }
    folded.set(f, file);
  }
  return failures;
}

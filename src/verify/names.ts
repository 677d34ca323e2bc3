/**
 * Checks on the resource names of a correctly signed payload. A signature only proves who
 * wrote the list; the names in it may still be hostile (absolute, "..", NUL), repeated, or
 * collide after Unicode normalisation or on a case-insensitive file system.
 */
import type { Failure } from '../errors.js';
import { unsafeNameReason } from '../hashing/paths.js';

/**
 * `pathOf` gives the file path a name stands for (shards: "path:start:end" -> path), which is
 * what must be safe: a shard of a file named "a" is "a:0:3", not a drive-letter path.
 */
export function checkResourceNames(names: readonly string[], pathOf: (name: string) => string = (n) => n): Failure[] {
  // model_signing names the one file of a single-file model "." (v0.3 to v1.0); the file
  // check resolves it to the model file and refuses it for a directory.
  if (names.length === 1 && names[0] === '.') return [];
  const failures: Failure[] = [];
  const seen = new Set<string>();
  const nfc = new Map<string, string>();
  const folded = new Map<string, string>();
  for (const name of names) {
    const why = unsafeNameReason(pathOf(name));
    if (why) {
      failures.push({ code: 'UNSAFE_NAME', path: name, message: `unsafe resource name in signature: ${why}` });
      continue;
    }
    if (seen.has(name)) {
      failures.push({ code: 'DUPLICATE_NAME', path: name, message: 'resource listed twice in signature' });
      continue;
    }
    seen.add(name);
    const n = name.normalize('NFC');
    const prevN = nfc.get(n);
    if (prevN !== undefined) {
      failures.push({ code: 'NAME_COLLISION', path: name, message: `collides with "${prevN}" after Unicode normalisation` });
      continue;
    }
    nfc.set(n, name);
    const f = n.toLowerCase();
    const prevF = folded.get(f);
    if (prevF !== undefined) {
      failures.push({ code: 'NAME_COLLISION', path: name, message: `collides with "${prevF}" on a case-insensitive file system` });
      continue;
    }
    folded.set(f, name);
  }
  return failures;
}

/**
 * Resource names are POSIX paths relative to the model root. Everything here but
 * `effectiveIgnores` is pure string logic so it can be property-tested: a name that passes
 * `checkResourceName` can be joined to the root without ever leaving it.
 */
import path from 'node:path';

/**
 * Compare by Unicode code point (the OMS ordering), not by UTF-16 code unit as `sort()` does.
 * The two orders differ only where a surrogate (half of a code point above U+FFFF) is
 * involved, so compare UTF-16 units and fall back to code points only at a first difference
 * that touches a surrogate. No iterators or allocation: sorting 1M names stays cheap.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if ((x & 0xf800) !== 0xd800 && (y & 0xf800) !== 0xd800) return x < y ? -1 : 1;
    // A surrogate: compare whole code points from the start of the character (a lone
    // surrogate counts as its own value, as the string iterator has it).
    const from = i > 0 && (a.charCodeAt(i - 1) & 0xfc00) === 0xd800 ? i - 1 : i;
    return compareFrom(a, b, from);
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function compareFrom(a: string, b: string, i: number): number {
  let j = i;
  let k = i;
  for (;;) {
    if (j >= a.length || k >= b.length) return j >= a.length && k >= b.length ? 0 : j >= a.length ? -1 : 1;
    const x = a.codePointAt(j)!;
    const y = b.codePointAt(k)!;
    if (x !== y) return x < y ? -1 : 1;
    j += x > 0xffff ? 2 : 1;
    k += y > 0xffff ? 2 : 1;
  }
}

/**
 * Why a resource name is unsafe, or undefined when it is a clean relative POSIX path:
 * no absolute paths, no `.`/`..` segments (nor segments of only dots and spaces), no empty
 * segments, no backslashes, no NUL or other control characters, no lone surrogates.
 */
export function unsafeNameReason(name: string): string | undefined {
  if (name.length === 0) return 'empty name';
  if (name.length > 4096) return 'name longer than 4096 characters';
  if (name.startsWith('/')) return 'absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'drive-letter path';
  if (name.includes('\\')) return 'backslash in name';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control character in name';
  // A lone surrogate has no UTF-8 form: opening the name would ask the file system for U+FFFD
  // in its place, i.e. for another file.
  if (/\p{Cs}/u.test(name)) return 'lone UTF-16 surrogate in name (not valid Unicode)';
  for (const seg of name.split('/')) {
    if (seg === '') return 'empty path segment';
    if (seg === '..') return '".." segment';
    if (seg === '.') return '"." segment';
    // Windows drops trailing dots and spaces from path segments, so ".. " or "..." could
    // act as "..": refuse segments made only of dots and spaces everywhere.
    if (/^[. ]+$/.test(seg)) return 'segment of only dots and spaces';
  }
  return undefined;
}

/** Normalise a user-given ignore path: strip "./" and trailing slashes. */
export function normaliseIgnorePath(p: string): string {
  let s = p.replace(/\\/g, '/');
  while (s.startsWith('./')) s = s.slice(2);
  while (s.length > 1 && s.endsWith('/')) s = s.slice(0, -1);
  return s;
}

/** True when `name` is `ignored` itself or lies below it. */
export function isIgnored(name: string, ignorePaths: readonly string[]): boolean {
  for (const p of ignorePaths) {
    if (p === '' || p === '.') continue;
    if (name === p || name.startsWith(p + '/')) return true;
  }
  return false;
}

/** Git metadata, which every signature leaves out as model_signing does (unless --no-ignore-git-paths). */
const GIT_IGNORES = ['.git', '.github', '.gitattributes', '.gitignore'] as const;
/**
 * The download metadata and locks huggingface_hub keeps in a --local-dir download
 * (.cache/huggingface/): they change with every re-download while the model does not.
 */
const DOWNLOAD_IGNORES = ['.cache/huggingface'] as const;

/**
 * The ignore list sign records and verify applies: the defaults (git metadata unless
 * `gitPaths` is false: sign --no-ignore-git-paths), the signature's own list (verify), the
 * user's --ignore-paths, then the signature file when it lies inside the model.
 */
export function effectiveIgnores(model: string, signaturePath: string, signed: readonly string[] | undefined, user: readonly string[], gitPaths = true): string[] {
  const out = new Set<string>([...(gitPaths ? GIT_IGNORES : []), ...DOWNLOAD_IGNORES, ...(signed ?? []), ...user].map(normaliseIgnorePath));
  const rel = path.relative(path.resolve(model), path.resolve(signaturePath));
  // Inside the model unless the path climbs out: "..x.sig" is a file of the model.
  const outside = rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
  if (rel && !outside) out.add(rel.split(path.sep).join('/'));
  return [...out].filter((p) => p !== '' && p !== '.');
}

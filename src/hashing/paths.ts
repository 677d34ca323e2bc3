/**
 * Resource names are POSIX paths relative to the model root. Everything here is pure
 * string logic so it can be property-tested: a name that passes `checkResourceName` can be
 * joined to the root without ever leaving it.
 */

/** Compare by Unicode code point (the OMS ordering), not by UTF-16 code unit as `sort()` does. */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done === y.done ? 0 : x.done ? -1 : 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

/**
 * Why a resource name is unsafe, or undefined when it is a clean relative POSIX path:
 * no absolute paths, no `.`/`..` segments (nor segments of only dots and spaces), no empty
 * segments, no backslashes, no NUL or other control characters.
 */
export function unsafeNameReason(name: string): string | undefined {
  if (name.length === 0) return 'empty name';
  if (name.length > 4096) return 'name longer than 4096 characters';
  if (name.startsWith('/')) return 'absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'drive-letter path';
  if (name.includes('\\')) return 'backslash in name';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control character in name';
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

/** The paths every signature leaves out (git metadata), as model_signing does. */
export const DEFAULT_IGNORES = ['.git', '.github', '.gitattributes', '.gitignore'] as const;

/**
 * What a near-miss version most likely meant: "v1.0" -> "1.0.0", "2" -> "2.0.0",
 * "V1.2.3-rc.1" -> "1.2.3-rc.1". Only for text that is a version with a prefix or missing
 * parts; anything else gets no suggestion (undefined), never a guess.
 */
const NEAR_SEMVER = /^\s*[vV=]?\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?\s*$/;

export function semverSuggestion(text: string): string | undefined {
  if (text.length > 256) return undefined;
  const m = NEAR_SEMVER.exec(text);
  if (!m) return undefined;
  const part = (s: string | undefined): string => String(BigInt(s ?? '0'));
  const suggestion = `${part(m[1])}.${part(m[2])}.${part(m[3])}${m[4] ?? ''}${m[5] ?? ''}`;
  return suggestion === text ? undefined : suggestion;
}

/** `; did you mean "1.0.0"?` or nothing, to end a message about a bad version. */
export function didYouMeanVersion(text: string): string {
  const s = semverSuggestion(text);
  return s === undefined ? '' : `; did you mean "${s}"?`;
}

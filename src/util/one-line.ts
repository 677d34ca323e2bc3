/**
 * Names, versions and licenses come from signatures (and lineage stores) that may be
 * hostile: keep each message, log line and tree line one line whatever they contain (a
 * newline in a license could otherwise forge a "verified" line in a log), and short.
 */
export function clean(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/**
 * A path from a model listing, for a human report line: one line (see clean), and a path
 * longer than `max` characters (a tree nested past PATH_MAX is ~4 KiB) shortened in the
 * middle, keeping its start and its file name. JSON reports keep the full path.
 */
export function displayPath(p: string, max = 160): string {
  const flat = clean(p, Infinity);
  if (flat.length <= max) return flat;
  const head = Math.floor((max - 1) / 2);
  return `${flat.slice(0, head)}…${flat.slice(flat.length - (max - 1 - head))}`;
}

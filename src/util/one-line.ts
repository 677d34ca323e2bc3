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

/**
 * The closest of some known names to a mistyped one (MODELSIGN_KYE -> MODELSIGN_KEY), or
 * undefined when none is close: at most a third of the name's length in edits (two at least),
 * transposed neighbours counting as one edit.
 */
const MAX_NAME = 128;

/** Optimal string alignment distance (Levenshtein with adjacent transpositions), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[x.length]![y.length]!;
}

export function closest(name: string, known: Iterable<string>): string | undefined {
  // Quadratic: a hostile megabyte-long name gets no suggestion.
  if (name.length > MAX_NAME) return undefined;
  const limit = Math.max(2, Math.floor(name.length / 3));
  let best: { name: string; d: number } | undefined;
  for (const k of known) {
    if (k.length > MAX_NAME || Math.abs(k.length - name.length) > limit) continue;
    const d = editDistance(name, k);
    if (d <= limit && (best === undefined || d < best.d || (d === best.d && k < best.name))) best = { name: k, d };
  }
  return best?.name;
}

/**
 * "Did you mean …?": the known words closest to a mistyped one, by edit distance (a swap of two
 * neighbouring letters counts as one edit). Case is ignored, so `tcp` finds `TCP` and `JSON` finds
 * `json`; a word is suggested only when it is close for its length (a third of it in edits, at least one),
 * so nonsense gets no guess.
 */

/** Edits (insert, delete, substitute, swap neighbours) from `a` to `b`. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]![j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The candidates closest to `word` (all of them when several are equally close), or none when
 * none is close. An exact match but for case is always the one suggestion.
 */
export function closest(word: string, candidates: readonly string[]): string[] {
  const lower = word.toLowerCase();
  const sameButCase = candidates.filter((c) => c.toLowerCase() === lower);
  if (sameButCase.length > 0) return sameButCase;
  let best = Number.POSITIVE_INFINITY;
  let found: string[] = [];
  for (const candidate of candidates) {
    const limit = Math.max(1, Math.floor(candidate.length / 3));
    // The distance is at least the difference in length: a megabyte-long value costs nothing here.
    if (Math.abs(lower.length - candidate.length) > limit) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance > limit || distance > best) continue;
    if (distance < best) {
      best = distance;
      found = [];
    }
    found.push(candidate);
  }
  return found;
}

/**
 * The choices to suggest for a value that is none of them: the closest ones, else those the value
 * begins as a word of (`zh` for `zh-CN`, `en` for `en-US`), else none.
 */
export function suggestChoice(word: string, choices: readonly string[]): string[] {
  const trimmed = word.trim();
  const near = closest(trimmed, choices);
  if (near.length > 0 || !trimmed) return near;
  const lower = trimmed.toLowerCase();
  return choices.filter((c) => c.toLowerCase().startsWith(`${lower}-`));
}

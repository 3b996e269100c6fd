// How far apart two names are, for every "did you mean" repomod prints (flags, commands, codes,
// link targets, rule paths).

/**
 * Levenshtein distance plus adjacent transpositions counted as one edit (`--aply` is one edit
 * from `--apply`, `mian.py` one from `main.py`). Gives up with `limit + 1` once no alignment can
 * stay within `limit`, so comparing one name with thousands of paths stays cheap.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, beforePrevious[j - 2] + 1);
      current[j] = best;
      rowMin = Math.min(rowMin, best);
    }
    // a later row is at least this row's minimum (or the one before's, plus a transposition)
    if (rowMin > limit && Math.min(...previous) + 1 > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length];
}

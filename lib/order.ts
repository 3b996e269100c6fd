// Sorting that does not depend on the machine: code-unit order (git's order for ASCII paths),
// never the locale's, so diffs, listings and JSON come out the same everywhere.

export const compareOrdinal = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A comparator for objects, by a string key in code-unit order. */
export const byOrdinalKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T): number =>
    compareOrdinal(key(a), key(b));

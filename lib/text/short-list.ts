// A list for a one-line message: the first few items, then how many more.

/**
 * @example shortList(['a.py', 'b.py', 'c.py', 'd.py', 'e.py']) // 'a.py, b.py, c.py and 2 more'
 */
export function shortList(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

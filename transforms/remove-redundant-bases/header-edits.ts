// Removing items from a comma-separated list in place (a Python class header, a TypeScript
// heritage clause): one item per line or all on one line, comments, trailing commas kept.
import type { TextEdit } from '../../lib/text/edit-set.js';

export interface ListItem {
  start: number;
  end: number;
}

/**
 * Edits that drop `remove` (indices into `items`) from the list whose items sit between
 * `open` (index just after the opening bracket, or where the list starts) and `close` (index of
 * the closing bracket, or where the list ends). An item on a line of its own goes with its whole
 * line, its trailing comment included; comments on other lines stay. A trailing comma after the
 * last item stays if there was one, and none appears if there was not.
 * @example removeListItems('(A, B, C)', 1, 8, items, [1]) // → '(A, C)'
 */
export function removeListItems(
  source: string,
  open: number,
  close: number,
  items: readonly ListItem[],
  remove: readonly number[],
): TextEdit[] {
  const removing = new Set(remove);
  const edits: TextEdit[] = [];
  const kept = items.map((_, i) => i).filter((i) => !removing.has(i));
  if (kept.length === 0) return [{ start: open, end: close, text: '' }];
  let i = 0;
  while (i < items.length) {
    if (!removing.has(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < items.length && removing.has(j + 1)) j++;
    edits.push(...removeRun(source, open, close, items, i, j));
    i = j + 1;
  }
  return edits;
}

/** Items `first..last` (consecutive) all go. */
function removeRun(
  source: string,
  open: number,
  close: number,
  items: readonly ListItem[],
  first: number,
  last: number,
): TextEdit[] {
  const prev = first > 0 ? items[first - 1] : undefined;
  const next = last + 1 < items.length ? items[last + 1] : undefined;
  const run = items.slice(first, last + 1);
  if (run.every((item) => ownLine(source, item, close))) {
    const edits: TextEdit[] = run.map((item) => ({
      start: lineStart(source, item.start),
      end: lineEnd(source, afterItem(source, item, close)),
      text: '',
    }));
    // the last item goes: the new last one keeps a comma only if the old last one had it
    if (!next && prev && !hasCommaAfter(source, items[last], close)) {
      const comma = commaAfter(source, prev, close);
      if (comma !== undefined) edits.push({ start: comma, end: comma + 1, text: '' });
    }
    return edits;
  }
  const start = run[0].start;
  const end = run[run.length - 1].end;
  // `A, B, C` ➔ `A, C`: the run and the separator after it, when the next item is on the same line
  if (next && isPlainSeparator(source.slice(end, next.start))) return [{ start, end: next.start, text: '' }];
  // `(A,\n     B)` ➔ `(B)`: the first items go with the line break after them
  if (next && !prev && /^\s*,\s*$/.test(source.slice(end, next.start))) return [{ start, end: next.start, text: '' }];
  // `A, B)` ➔ `A)`, `A, B,)` ➔ `A,)`: the separator before it
  if (prev && isPlainSeparator(source.slice(prev.end, start))) return [{ start: prev.end, end, text: '' }];
  // `(A, B,\n     D)` ➔ `(A, B)`: the last items go with the line break before them
  if (prev && !next && /^\s*,\s*$/.test(source.slice(prev.end, start))) return [{ start: prev.end, end, text: '' }];
  // mixed layouts: drop the run, its own comma, and the spaces before it on its line
  const after = hasCommaAfter(source, items[last], close) && next ? commaAfter(source, items[last], close)! + 1 : end;
  let from = start;
  while (from > 0 && (source[from - 1] === ' ' || source[from - 1] === '\t')) from--;
  const edits: TextEdit[] = [{ start: from, end: skipSpaces(source, after), text: '' }];
  if (!next && prev && !hasCommaAfter(source, items[last], close)) {
    const comma = commaAfter(source, prev, close);
    if (comma !== undefined) edits.push({ start: comma, end: comma + 1, text: '' });
  }
  return edits;
}

/** Only whitespace, then a comma, then spaces: no newline, no comment. */
const isPlainSeparator = (text: string) => /^[ \t]*,[ \t]*$/.test(text);

/** The item starts its line, and nothing but its comma and a comment follows it on its last line. */
function ownLine(source: string, item: ListItem, close: number): boolean {
  if (!/^[ \t]*$/.test(source.slice(lineStart(source, item.start), item.start))) return false;
  const after = afterItem(source, item, close);
  return /^[ \t]*(#[^\n]*|\/\/[^\n]*)?\r?\n$/.test(source.slice(after, lineEnd(source, after)));
}

/** End of the item including its comma, if the comma follows on the same line. */
function afterItem(source: string, item: ListItem, close: number): number {
  const comma = commaAfter(source, item, close);
  if (comma !== undefined && !source.slice(item.end, comma).includes('\n')) return comma + 1;
  return item.end;
}

function commaAfter(source: string, item: ListItem, close: number): number | undefined {
  for (let k = item.end; k < close; k++) {
    const c = source[k];
    if (c === ',') return k;
    if (c === '#' || (c === '/' && source[k + 1] === '/')) {
      k = source.indexOf('\n', k);
      if (k === -1) return undefined;
      continue;
    }
    if (c === '/' && source[k + 1] === '*') {
      k = source.indexOf('*/', k) + 1;
      if (k === 0) return undefined;
      continue;
    }
    if (!/\s|\\/.test(c)) return undefined;
  }
  return undefined;
}

const hasCommaAfter = (source: string, item: ListItem, close: number) => commaAfter(source, item, close) !== undefined;

function lineStart(source: string, index: number): number {
  return source.lastIndexOf('\n', index - 1) + 1;
}

/** Index just past the line's newline (or the end of the text). */
function lineEnd(source: string, index: number): number {
  const nl = source.indexOf('\n', index);
  return nl === -1 ? source.length : nl + 1;
}

function skipSpaces(source: string, index: number): number {
  while (source[index] === ' ' || source[index] === '\t') index++;
  return index;
}

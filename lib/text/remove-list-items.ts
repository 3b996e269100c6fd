// Removing items from a comma-separated list in place, for any language whose lists look alike
// (Python arguments, parameters, class headers and import lists; JS/TS objects and heritage
// clauses): layout, comments and trailing commas kept, working on item spans and the text alone.
import type { TextEdit } from './edit-set.js';
import { lineStartAt } from './positions.js';

export interface Span {
  start: number;
  end: number;
}

/** Where a list's items sit: `open` is where its content starts (just past `(`, or a keyword's end), `close` where it ends (the index of `)`). */
export interface ListBounds {
  open: number;
  close: number;
}

/**
 * Deletions that drop the items at `remove` (indices into `items`, in source order) from the
 * list, each with one separating comma, so the rest stays a valid list laid out as before:
 * - `(A, B, C)` minus B ➔ `(A, C)`; minus A ➔ `(B, C)`; `(A, B,)` minus B ➔ `(A,)`;
 * - an item alone on its line goes with the line, its comma and its trailing comment; a trailing
 *   comma after the last item stays if there was one, and none appears if there was not;
 * - the text after a run of items that follows a kept one stays (`x\n    , kw=1)` minus kw ➔ `x\n    )`);
 * - a comment elsewhere is never deleted: where a tidy deletion would swallow one, only the
 *   items and their commas go;
 * - all items removed: the whole inside of the brackets, unless it holds a comment.
 * Comments are found in the gaps between items: `#` and `//` to the end of the line, `/* … *\/`.
 * @example removeListItems('f(a, b, c)', { open: 2, close: 9 }, items, [1]) // deletes ', b'
 */
export function removeListItems(
  text: string,
  bounds: ListBounds,
  items: readonly Span[],
  remove: readonly number[],
): TextEdit[] {
  const removing = new Set(remove);
  if (removing.size === 0) return [];
  const list = scanGaps(text, bounds, items);
  if (removing.size === items.length) {
    if (!list.comments.some((c) => c.start >= bounds.open && c.end <= bounds.close))
      return [deletion(bounds.open, bounds.close)];
    return tidy(
      text,
      items.flatMap((_, i) => tokenDeletions(list, i, i, undefined)),
    );
  }
  const edits: TextEdit[] = [];
  for (let first = 0; first < items.length; first++) {
    if (!removing.has(first)) continue;
    let last = first;
    while (last + 1 < items.length && removing.has(last + 1)) last++;
    edits.push(...removeRun(list, first, last));
    first = last;
  }
  return tidy(text, edits);
}

/** A list with its separators located: `commas[i]` follows `items[i]` (the last one only when trailing). */
interface ScannedList extends ListBounds {
  text: string;
  items: readonly Span[];
  commas: (number | undefined)[];
  comments: Span[];
}

function scanGaps(text: string, bounds: ListBounds, items: readonly Span[]): ScannedList {
  const commas: (number | undefined)[] = [];
  const comments: Span[] = [];
  for (let i = 0; i < items.length; i++) {
    const end = i + 1 < items.length ? items[i + 1].start : bounds.close;
    commas.push(undefined);
    for (let k = items[i].end; k < end; k++) {
      const c = text[k];
      if (c === ',' && commas[i] === undefined) commas[i] = k;
      else if (c === '#' || (c === '/' && text[k + 1] === '/')) {
        const newline = text.indexOf('\n', k);
        const stop = newline === -1 || newline > end ? end : newline;
        comments.push({ start: k, end: stop });
        k = stop - 1;
      } else if (c === '/' && text[k + 1] === '*') {
        const closing = text.indexOf('*/', k + 2);
        const stop = closing === -1 || closing + 2 > end ? end : closing + 2;
        comments.push({ start: k, end: stop });
        k = stop - 1;
      }
    }
  }
  return { text, ...bounds, items, commas, comments };
}

/** The run `first..last` of consecutive removed items; the items just outside it are kept. */
function removeRun(list: ScannedList, first: number, last: number): TextEdit[] {
  const { text, items, commas } = list;
  const prev = first > 0 ? first - 1 : undefined;
  const next = last + 1 < items.length ? last + 1 : undefined;
  const lines = items.slice(first, last + 1).map((_, k) => ownLine(list, first + k));
  if (lines.every((line) => line !== undefined)) {
    // `    B,  # why\n` ➔ gone, line and all; the new last item keeps a comma only if the old one had it
    const edits = lines.map((line) => deletion(line!.start, line!.end));
    if (next === undefined && prev !== undefined && commas[last] === undefined && commas[prev] !== undefined)
      edits.push(deletion(commas[prev]!, commas[prev]! + 1));
    return edits;
  }
  // `A,\n    B, C` ➔ `A,\n    C`: the run and the separator after it, when the next item is on the same line
  const upToNext = next !== undefined && !hasComment(list, items[first].start, items[next].start);
  if (upToNext && /^[ \t]*,[ \t]*$/.test(text.slice(items[last].end, items[next].start)))
    return [deletion(items[first].start, items[next].start)];
  // `A, B)` ➔ `A)`, `A,\n    B)` ➔ `A)`, `x\n    , kw=1)` ➔ `x\n    )`: from the comma after the
  // kept item to the run's end, so whatever followed the run stays as it was
  const comma = prev !== undefined ? commas[prev] : undefined;
  if (comma !== undefined && !hasComment(list, comma, items[last].end)) return [deletion(comma, items[last].end)];
  // `(A,\n    B)` ➔ `(B)`: the first items go up to the next one
  if (prev === undefined && upToNext) return [deletion(items[first].start, items[next].start)];
  return tokenDeletions(list, first, last, prev);
}

/**
 * Only the run's items and one comma each, so no comment between them is lost: an item's own
 * comma, or for the last item without a trailing comma, the comma after the kept item before it.
 */
function tokenDeletions(list: ScannedList, first: number, last: number, prev: number | undefined): TextEdit[] {
  const { text, items, commas } = list;
  const edits: TextEdit[] = [];
  for (let i = first; i <= last; i++) {
    const comma = commas[i];
    if (comma !== undefined && !hasComment(list, items[i].end, comma)) {
      edits.push(deletion(items[i].start, skipBlanks(text, comma + 1)));
      continue;
    }
    edits.push(deletion(items[i].start, items[i].end));
    if (comma !== undefined) edits.push(deletion(comma, skipBlanks(text, comma + 1)));
  }
  const before = prev !== undefined ? commas[prev] : undefined;
  if (commas[last] === undefined && before !== undefined) edits.push(deletion(before, before + 1));
  return edits;
}

/** Deletions with only blanks between them joined, and each that would leave only blanks on its line takes the line. */
function tidy(text: string, edits: TextEdit[]): TextEdit[] {
  const joined: TextEdit[] = [];
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    const previous = joined[joined.length - 1];
    if (previous && /^[ \t]*$/.test(text.slice(previous.end, edit.start))) previous.end = edit.end;
    else joined.push({ ...edit });
  }
  return joined.map((edit) => wholeLineIfEmptied(text, edit));
}

/** No whitespace-only line stays where an item stood (a deletion that already ends a line keeps the next one). */
function wholeLineIfEmptied(text: string, edit: TextEdit): TextEdit {
  if (text[edit.end - 1] === '\n') return edit;
  const start = lineStartAt(text, edit.start);
  if (!/^[ \t]*$/.test(text.slice(start, edit.start))) return edit;
  const rest = /^[ \t]*\r?\n/.exec(text.slice(edit.end, text.indexOf('\n', edit.end) + 1));
  return rest ? deletion(start, edit.end + rest[0].length) : edit;
}

/**
 * The whole line when the item stands alone on it (`    B,  # why\n`): it starts the line, and
 * after it come only its comma (when it has one, it must be there), blanks and a comment.
 */
function ownLine(list: ScannedList, i: number): Span | undefined {
  const { text, items, commas } = list;
  const item = items[i];
  const start = lineStartAt(text, item.start);
  if (!/^[ \t]*$/.test(text.slice(start, item.start))) return undefined;
  const after = /^[ \t]*(,[ \t]*)?(#[^\n]*|\/\/[^\n]*)?\r?\n/.exec(text.slice(item.end, list.close + 1));
  if (!after || (commas[i] !== undefined && !after[1])) return undefined;
  return { start, end: item.end + after[0].length };
}

const deletion = (start: number, end: number): TextEdit => ({ start, end, text: '' });
const hasComment = (list: ScannedList, start: number, end: number) =>
  list.comments.some((c) => c.start < end && c.end > start);

function skipBlanks(text: string, index: number): number {
  while (text[index] === ' ' || text[index] === '\t') index++;
  return index;
}

// Editing a comma-separated argument list as text, for Python and JS/TS alike: which bytes to
// delete to drop an argument (lib/text's remover), and how to re-lay out a comma-first last line the way the file
// lays out its other calls.
import { lineStartAt } from '../../lib/text/positions.js';
import type { TextEdit } from '../../lib/text/edit-set.js';
import { removeListItems, type Span } from '../../lib/text/remove-list-items.js';

export type Range = Span;

/** One argument list as string indices into `text`. */
export interface ListShape {
  text: string;
  /** Index of `(`. */
  open: number;
  /** Index of `)`. */
  close: number;
  items: Range[];
  /** `commas[i]`: index of the comma after `items[i]` (undefined after the last item without a trailing comma). */
  commas: (number | undefined)[];
  comments: Range[];
}

/** How the file lays out argument lists that span several lines. */
export interface LayoutStyle {
  /** `)` on its own line (black, prettier) rather than right after the last argument. */
  closeOwnLine: boolean;
  /** A comma after the last argument when `)` is on its own line. */
  trailingComma: boolean;
}

// Line arithmetic that stays cheap on a minified file, where one line is the whole file: scans go
// only as far as the answer needs, and line starts come from lineStartAt's index.
const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
/** Only spaces and tabs between the line's start and `index`. */
export const startsLine = (text: string, index: number) => {
  let i = index;
  while (i > 0 && isBlank(text[i - 1])) i--;
  return i === 0 || text[i - 1] === '\n';
};
const indentOf = (text: string, index: number) => {
  const start = lineStartAt(text, index);
  let end = start;
  while (isBlank(text[end])) end++;
  return text.slice(start, end);
};
const hasNewline = (text: string, start: number, end: number) => text.slice(start, end).includes('\n');
const commentIn = (shape: ListShape, start: number, end: number) =>
  shape.comments.some((c) => c.start >= start && c.end <= end);

/** Deletions that drop the items at `indices` from an argument list: the one list-item remover, on a shape. */
export const removeItems = (shape: ListShape, indices: readonly number[]): TextEdit[] =>
  removeListItems(shape.text, { open: shape.open + 1, close: shape.close }, shape.items, indices);

/** Majority layout of the multi-line lists that are not damaged; `)` on its own line by default. */
export function layoutStyle(shapes: readonly ListShape[]): LayoutStyle {
  let own = 0;
  let hug = 0;
  let trailing = 0;
  let bare = 0;
  for (const s of shapes) {
    if (s.items.length === 0 || !hasNewline(s.text, s.open, s.close) || commaFirstIndex(s) !== undefined) continue;
    if (startsLine(s.text, s.close)) {
      own++;
      if (s.commas[s.items.length - 1] !== undefined) trailing++;
      else bare++;
    } else hug++;
  }
  return { closeOwnLine: own >= hug, trailingComma: trailing > bare };
}

/** Index of the item whose separating comma starts a line, when that is the list's only one. */
function commaFirstIndex(shape: ListShape): number | undefined {
  const { text, items, commas } = shape;
  let found: number | undefined;
  for (let i = 1; i < items.length; i++) {
    const comma = commas[i - 1];
    if (comma === undefined || !startsLine(text, comma) || !hasNewline(text, items[i - 1].end, comma)) continue;
    if (found !== undefined) return undefined; // a deliberate comma-first style, not damage
    found = i;
  }
  return found;
}

/**
 * Re-lay out an argument list whose last line starts with `, kw=value)`: the comma goes back
 * after the previous argument, the moved arguments get their own lines at the siblings'
 * indentation, and `)` goes where `style` says. Undefined when the list is not in that shape
 * or `accept` refuses the moved items (deliberate comma-first code is valid: only what the
 * user names as injected is moved).
 * @example
 *   logger.error(\n    f"{name} failed"\n, exc_info=True)  ➔  logger.error(\n    f"{name} failed",\n    exc_info=True\n)
 */
export function repairCommaFirst(
  shape: ListShape,
  style: LayoutStyle,
  accept: (moved: number[]) => boolean,
): TextEdit[] | undefined {
  const { text, items, commas, close } = shape;
  const i = commaFirstIndex(shape);
  if (i === undefined) return undefined;
  if (!accept(items.slice(i).map((_, k) => i + k))) return undefined;
  const last = items.length - 1;
  // only the last line of the list: arguments after it on later lines would mean another layout
  if (hasNewline(text, items[i].start, items[last].end)) return undefined;
  const comma = commas[i - 1]!;
  const between = text.slice(items[i - 1].end, comma);
  const eol = text.slice(items[i - 1].end).match(/\r?\n/)?.[0] ?? '\n';
  const siblings = items.slice(0, i);
  const leader = siblings.find((item) => startsLine(text, item.start));
  const edits: TextEdit[] = [];
  if (!leader) {
    // `f(a\n, b)`: nothing lays arguments out one per line, so join them
    if (commentIn(shape, items[i - 1].end, items[i].start)) return undefined;
    edits.push({ start: items[i - 1].end, end: items[i].start, text: ', ' });
    return edits;
  }
  const indent = indentOf(text, leader.start);
  const onePerLine = siblings.every((item) => startsLine(text, item.start));
  // keep a comment that sat after the previous argument: `x  # why\n, kw=1` ➔ `x,  # why\n    kw=1`
  const kept = commentIn(shape, items[i - 1].end, comma) ? between.slice(0, between.lastIndexOf('\n') + 1) : eol;
  edits.push({ start: items[i - 1].end, end: items[i].start, text: `,${kept}${indent}` });
  if (onePerLine) {
    for (let j = i + 1; j <= last; j++)
      edits.push({ start: commas[j - 1]! + 1, end: items[j].start, text: `${eol}${indent}` });
  }
  const tailEnd = commas[last] !== undefined ? commas[last]! + 1 : items[last].end;
  if (
    onePerLine &&
    style.closeOwnLine &&
    !hasNewline(text, tailEnd, close) &&
    !commentIn(shape, items[last].end, close)
  ) {
    const trailing = style.trailingComma || commas[last] !== undefined ? ',' : '';
    edits.push({ start: items[last].end, end: close, text: `${trailing}${eol}${indentOf(text, shape.open)}` });
  }
  return edits;
}

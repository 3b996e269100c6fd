// Editing a comma-separated argument list as text, for Python and JS/TS alike: which bytes to
// delete to drop an argument, and how to re-lay out a comma-first last line the way the file
// lays out its other calls.
import { lineStartAt } from '../../lib/text/positions.js';
import type { TextEdit } from '../../lib/text/edit-set.js';

export interface Range {
  start: number;
  end: number;
}

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

/**
 * Ranges to delete so that the items at `indices` disappear with their separators and every
 * other byte stays: `f(a, x, b)` ➔ `f(a, b)`; an argument alone on its line goes with its line.
 */
export function removeItems(shape: ListShape, indices: readonly number[]): Range[] {
  const { text, items, commas } = shape;
  const removed = new Set(indices);
  if (removed.size === 0) return [];
  if (removed.size === items.length) {
    const last = items.length - 1;
    return [{ start: items[0].start, end: commas[last] !== undefined ? commas[last]! + 1 : items[last].end }];
  }
  const firstKept = items.findIndex((_, i) => !removed.has(i));
  const ranges: Range[] = [];
  for (const i of [...removed].sort((a, b) => a - b)) {
    const item = items[i];
    // after a kept argument: ", x" goes (the comma before it), so the layout after it stays
    if (i > firstKept && !commentIn(shape, commas[i - 1]!, item.end)) {
      ranges.push({ start: commas[i - 1]!, end: item.end });
      continue;
    }
    const line = ownLine(text, item, commas[i]);
    if (line) {
      ranges.push(line);
      continue;
    }
    if (commas[i] !== undefined) {
      let end = commas[i]! + 1;
      while (text[end] === ' ' || text[end] === '\t') end++;
      ranges.push({ start: item.start, end });
      continue;
    }
    ranges.push({ start: commas[i - 1] ?? item.start, end: item.end });
  }
  return ranges;
}

/** The whole line when the item stands alone on it (`    x,  # note`), else undefined. */
function ownLine(text: string, item: Range, comma: number | undefined): Range | undefined {
  if (!startsLine(text, item.start)) return undefined;
  const after = /^[ \t]*(,[ \t]*)?(#[^\n]*|\/\/[^\n]*)?\r?\n/.exec(text.slice(item.end));
  if (!after) return undefined;
  if (comma !== undefined && !after[1]) return undefined;
  return { start: lineStartAt(text, item.start), end: item.end + after[0].length };
}

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

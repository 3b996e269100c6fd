// The line hunks of a text change, as jsdiff's structuredPatch gives them. Myers' algorithm
// costs time in proportion to the file's length times the number of changed lines, so a file of
// 200,000 lines that a rewrite touches everywhere would take minutes: past a budget of changed
// lines, hunks come from a linear pass instead (common head and tail kept, the middle paired
// line by line when both sides have as many lines, else replaced as one block). Both forms are
// patches `git apply` accepts.
import { createRequire } from 'node:module';

export interface LineHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** ' ', '-' or '+' then the line without its newline; `\ No newline at end of file` after a last line that has none. */
  lines: string[];
}

/** Changed lines (deleted + added) Myers may look for before the linear pass takes over. */
export const MAX_EDIT_LENGTH = 2000;
const NO_NEWLINE = '\\ No newline at end of file';

// `diff` loads on the first changed text file (~20 ms): a run that changes nothing never needs it
const require = createRequire(import.meta.url);
let jsdiff: typeof import('diff') | undefined;

export function lineHunks(
  oldText: string,
  newText: string,
  context: number,
  maxEditLength = MAX_EDIT_LENGTH,
): LineHunk[] {
  jsdiff ??= require('diff') as typeof import('diff');
  // the unchanged head and tail past the context lines never reach jsdiff, which would hold two
  // line arrays of the whole file: one changed import in 600,000 lines diffs a few lines
  const { skipped, oldMiddle, newMiddle } = trimCommonLines(oldText, newText, context);
  const patch = jsdiff.structuredPatch('', '', oldMiddle, newMiddle, '', '', { context, maxEditLength });
  const hunks = patch ? patch.hunks : linearHunks(oldMiddle, newMiddle, context);
  for (const hunk of hunks) {
    hunk.oldStart += skipped;
    hunk.newStart += skipped;
  }
  return hunks;
}

/**
 * The two texts without the whole lines they share at the start and the end, less `context` lines
 * on each side; `skipped` counts the lines cut from the start.
 */
export function trimCommonLines(
  oldText: string,
  newText: string,
  context: number,
): { skipped: number; oldMiddle: string; newMiddle: string } {
  const shorter = Math.min(oldText.length, newText.length);
  let first = 0;
  while (first < shorter && oldText.charCodeAt(first) === newText.charCodeAt(first)) first++;
  // the start of the line holding the first difference, then back `context` lines
  const lineStart = (i: number) => (i <= 0 ? 0 : oldText.lastIndexOf('\n', i - 1) + 1);
  let cut = lineStart(first);
  const headEnd = cut;
  for (let k = 0; k < context && cut > 0; k++) cut = lineStart(cut - 1);
  let common = 0;
  while (
    common < shorter - headEnd &&
    oldText.charCodeAt(oldText.length - 1 - common) === newText.charCodeAt(newText.length - 1 - common)
  )
    common++;
  // the first line start inside the shared tail, then forward `context` lines
  let tail = oldText.indexOf('\n', oldText.length - common) + 1 || oldText.length;
  for (let k = 0; k < context && tail < oldText.length; k++) tail = oldText.indexOf('\n', tail) + 1 || oldText.length;
  let skipped = 0;
  for (let i = oldText.indexOf('\n'); i !== -1 && i < cut; i = oldText.indexOf('\n', i + 1)) skipped++;
  const kept = oldText.length - tail;
  return { skipped, oldMiddle: oldText.slice(cut, tail), newMiddle: newText.slice(cut, newText.length - kept) };
}

interface Line {
  text: string;
  /** false only for a last line without a newline */
  ended: boolean;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', start)) {
    lines.push({ text: text.slice(start, i), ended: true });
    start = i + 1;
  }
  if (start < text.length) lines.push({ text: text.slice(start), ended: false });
  return lines;
}

const same = (a: Line, b: Line) => a.text === b.text && a.ended === b.ended;

/** A replaced stretch: old lines [oldFrom, oldTo) became new lines [newFrom, newTo). */
interface Block {
  oldFrom: number;
  oldTo: number;
  newFrom: number;
  newTo: number;
}

/** Hunks in one linear pass; exported for tests, which force it on small texts. */
export function linearHunks(oldText: string, newText: string, context: number): LineHunk[] {
  const before = splitLines(oldText);
  const after = splitLines(newText);
  let head = 0;
  while (head < before.length && head < after.length && same(before[head], after[head])) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    same(before[before.length - 1 - tail], after[after.length - 1 - tail])
  )
    tail++;
  const oldEnd = before.length - tail;
  const newEnd = after.length - tail;
  if (head === oldEnd && head === newEnd) return [];

  const blocks: Block[] = [];
  if (oldEnd - head === newEnd - head) {
    // as many lines on both sides: pair them, so only the lines that differ show as changes
    for (let i = head; i < oldEnd; i++) {
      if (same(before[i], after[i])) continue;
      const last = blocks[blocks.length - 1];
      if (last && last.oldTo === i) last.oldTo = last.newTo = i + 1;
      else blocks.push({ oldFrom: i, oldTo: i + 1, newFrom: i, newTo: i + 1 });
    }
  } else {
    blocks.push({ oldFrom: head, oldTo: oldEnd, newFrom: head, newTo: newEnd });
  }

  const hunks: LineHunk[] = [];
  let group: Block[] = [];
  const flush = () => {
    if (group.length) hunks.push(hunkOf(group, before, after, context));
    group = [];
  };
  for (const block of blocks) {
    const previous = group[group.length - 1];
    if (previous && block.oldFrom - previous.oldTo > 2 * context) flush();
    group.push(block);
  }
  flush();
  return hunks;
}

function hunkOf(blocks: Block[], before: Line[], after: Line[], context: number): LineHunk {
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  const oldFrom = Math.max(0, first.oldFrom - context);
  const newFrom = first.newFrom - (first.oldFrom - oldFrom);
  const oldTo = Math.min(before.length, last.oldTo + context);
  const lines: string[] = [];
  const push = (sign: string, line: Line) => {
    lines.push(sign + line.text);
    if (!line.ended) lines.push(NO_NEWLINE);
  };
  let at = oldFrom;
  for (const block of blocks) {
    for (; at < block.oldFrom; at++) push(' ', before[at]);
    for (let i = block.oldFrom; i < block.oldTo; i++) push('-', before[i]);
    for (let i = block.newFrom; i < block.newTo; i++) push('+', after[i]);
    at = block.oldTo;
  }
  for (; at < oldTo; at++) push(' ', before[at]);
  const oldLines = lines.filter((l) => l[0] === ' ' || l[0] === '-').length;
  const newLines = lines.filter((l) => l[0] === ' ' || l[0] === '+').length;
  return { oldStart: oldFrom + 1, oldLines, newStart: newFrom + 1, newLines, lines };
}

/**
 * The line, in the file as it is now, where a file's unified diff first changes something: the
 * first removed line, or for an insertion the line it follows. Annotations point there, not at
 * the hunk's first context line. 1 when the patch has no text hunk (binary, mode only, new file).
 * @example firstChangedLine('@@ -299,7 +299,7 @@\n a\n b\n c\n-d\n+e\n f\n') // 302
 */
export function firstChangedLine(patch: string): number {
  const header = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@.*\n/m.exec(patch);
  if (!header) return 1;
  const oldStart = Number(header[1]);
  // git numbers an empty old side from the line before it: the insertion follows that line
  if (header[2] === '0') return Math.max(1, oldStart);
  let line = oldStart;
  for (const text of patch.slice(header.index + header[0].length).split('\n')) {
    if (text.startsWith(' ')) line++;
    else if (text.startsWith('-')) return line;
    else if (text.startsWith('+')) return Math.max(1, line - 1);
    else if (!text.startsWith('\\')) break;
  }
  return Math.max(1, oldStart);
}

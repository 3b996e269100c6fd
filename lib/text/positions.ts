// Text geometry: where lines start, and the line and column of an index, fast on files with
// thousands of findings (one index of line starts, kept for the last text asked about).

/** Line starts of the last text asked about: transforms ask for many positions in one file in a row. */
let indexed: { text: string; starts: number[] } | undefined;

function lineStarts(text: string): number[] {
  if (indexed?.text !== text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    indexed = { text, starts };
  }
  return indexed.starts;
}

/**
 * Line and column (1-based) of a string index, counting columns in UTF-16 units like editors do.
 * A binary search over the text's line starts: a file with thousands of findings stays linear.
 */
export function positionAt(text: string, index: number): { line: number; column: number } {
  const starts = lineStarts(text);
  const line = lineIndexAt(starts, index);
  return { line: line + 1, column: index - starts[line] + 1 };
}

/** Index where the line holding `index` starts (what `lastIndexOf('\n') + 1` gives, without the scan). */
export function lineStartAt(text: string, index: number): number {
  const starts = lineStarts(text);
  return starts[lineIndexAt(starts, index)];
}

/** The last line start at or before index; a newline itself belongs to the line it ends. */
export function lineIndexAt(starts: readonly number[], index: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= index) low = mid;
    else high = mid - 1;
  }
  return low;
}

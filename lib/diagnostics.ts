// Diagnostics: the structured finding type, its one-line rendering and the run summary.
export type Severity = 'error' | 'warning' | 'info';

/** One finding. Positions are 1-based; `path` is repo-relative with `/`. */
export interface Diagnostic {
  path: string;
  line: number;
  column: number;
  severity: Severity;
  /** kebab-case; transform codes are prefixed (`rewrite-imports/missing-module`), engine codes are not. */
  code: string;
  message: string;
}

/** `path:line:col: severity: message [code]`, the format every editor and CI log understands. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.path}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]`;
}

/** Sort by path, then position, so output is stable whatever order workers finish in. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

/** Fill `{name}` placeholders from a message table entry. */
export function fillMessage(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

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
function lineIndexAt(starts: readonly number[], index: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= index) low = mid;
    else high = mid - 1;
  }
  return low;
}

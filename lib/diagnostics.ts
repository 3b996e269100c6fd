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
  /** The finding makes its file fail (it does not parse), even when a transform still changed it. */
  fails?: boolean;
}

/**
 * `path:line:col: severity: message [code]`, the format every editor and CI log understands.
 * One diagnostic stays one line: a path holding control characters is quoted as git quotes it.
 * @example formatDiagnostic({ path: 'a\nb.py', ... }) // '"a\\nb.py":1:1: warning: …'
 */
export function formatDiagnostic(d: Diagnostic): string {
  return `${quotePath(d.path)}:${d.line}:${d.column}: ${d.severity}: ${escapeControls(d.message)} [${d.code}]`;
}

const C_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\v': '\\v', '\f': '\\f', '\r': '\\r', '"': '\\"', '\\': '\\\\' };
const CONTROL = /[\x00-\x1f\x7f]/;

/** A path as `git ls-files` prints it: unchanged, or C-quoted when it holds a control character. */
export function quotePath(p: string): string {
  if (!CONTROL.test(p)) return p;
  return `"${p.replace(/[\x00-\x1f\x7f"\\]/g, escapeChar)}"`;
}

/** Messages quote names from the repository: their newlines must not split the line either. */
function escapeControls(text: string): string {
  return CONTROL.test(text) ? text.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, escapeChar) : text;
}

function escapeChar(c: string): string {
  return C_ESCAPES[c] ?? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`;
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

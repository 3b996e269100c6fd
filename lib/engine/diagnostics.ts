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

const C_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '"': '\\"',
  '\\': '\\\\',
};
// eslint-disable-next-line no-control-regex -- paths and messages must not carry raw control characters: finding them is the job
const CONTROL = /[\x00-\x1f\x7f]/;

/** A path as `git ls-files` prints it: unchanged, or C-quoted when it holds a control character. */
export function quotePath(p: string): string {
  if (!CONTROL.test(p)) return p;
  // eslint-disable-next-line no-control-regex -- the characters git C-quotes
  return `"${p.replace(/[\x00-\x1f\x7f"\\]/g, escapeChar)}"`;
}

/** Messages quote names from the repository: their newlines must not split the line either. */
function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex -- every control character but a tab is escaped
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

/** The `{name}` placeholders of a message template, as a union of names (`never` for a plain string). */
export type Placeholders<Template extends string> = Template extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/**
 * The values a template needs: one per placeholder, checked by the compiler against the message
 * table's literal text, so a renamed placeholder or a forgotten value fails to build.
 */
export type MessageValues<Template extends string> = Record<Placeholders<Template>, string | number> &
  Record<string, string | number>;

/** Fill `{name}` placeholders from a message table entry. */
export function fillMessage<Template extends string>(template: Template, values: MessageValues<Template>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

// In-source suppressions, the way ruff's `# noqa` works: `# repomod: ignore[code, …]` (or bare) on
// a line, `// repomod-ignore-next-line code, …` above one in JS/TS, and a file-level
// `# repomod: ignore-file[code]` (`// repomod-ignore-file code` in JS/TS). A suppressed finding is
// not reported, and a fix that would change a suppressed line is not made.
import { lineHunks } from './diff-hunks.js';
import type { Diagnostic } from './diagnostics.js';
import { decodeText, encodeText } from './files.js';
import type { FileOutcome } from './process-file.js';

/** Codes a comment names, or 'all' for a bare one. */
type Codes = string[] | 'all';

export interface Suppressions {
  file?: Codes;
  /** 1-based line ➔ what is suppressed on it. */
  lines: Map<number, Codes>;
}

const ON_LINE = /(?:#|\/\/)\s*repomod:\s*ignore(?!-)(?:\[([^\]]*)\])?/;
const NEXT_LINE = /\/\/\s*repomod-ignore-next-line\b([^\n]*)/;
const WHOLE_FILE = /(?:#\s*repomod:\s*ignore-file(?:\[([^\]]*)\])?|\/\/\s*repomod-ignore-file\b([^\n]*))/;

const codesOf = (listed: string | undefined): Codes => {
  const codes = (listed ?? '')
    .split(/[\s,]+/)
    .map((c) => c.trim())
    .filter(Boolean);
  return codes.length ? codes : 'all';
};

/** The suppressions in a file's text, or undefined when it has none (most files: one substring test). */
export function findSuppressions(text: string): Suppressions | undefined {
  if (!text.includes('repomod')) return undefined;
  const found: Suppressions = { lines: new Map() };
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (!line.includes('repomod')) return;
    const file = WHOLE_FILE.exec(line);
    if (file) found.file = merge(found.file, codesOf(file[1] ?? file[2]));
    const here = ON_LINE.exec(line);
    if (here) found.lines.set(i + 1, merge(found.lines.get(i + 1), codesOf(here[1])));
    const next = NEXT_LINE.exec(line);
    if (next) found.lines.set(i + 2, merge(found.lines.get(i + 2), codesOf(next[1])));
  });
  return found.file || found.lines.size ? found : undefined;
}

function merge(a: Codes | undefined, b: Codes): Codes {
  if (!a) return b;
  return a === 'all' || b === 'all' ? 'all' : [...a, ...b];
}

/**
 * Does a listed code cover `code`? Exactly, as its transform (`fix-call-syntax` covers
 * `fix-call-syntax/repeated-keyword`), or by its short name (`inconsistent-mro`).
 */
export function codeMatches(listed: string, code: string): boolean {
  return listed === code || code.startsWith(`${listed}/`) || code.endsWith(`/${listed}`);
}

const covers = (codes: Codes | undefined, code: string) =>
  codes !== undefined && (codes === 'all' || codes.some((c) => codeMatches(c, code)));

/** Is a finding at `line` with `code` suppressed? */
export function isSuppressed(s: Suppressions, line: number, code: string): boolean {
  return covers(s.file, code) || covers(s.lines.get(line), code);
}

/**
 * The new text with every change that touches a suppressed line left out. A change is tied to
 * the findings reported on its lines: it stays out when the comment is bare or names one of them
 * (or one of `transforms`, the names of what made the change: `check` runs several).
 */
export function withoutSuppressedEdits(
  before: string,
  after: string,
  s: Suppressions,
  findings: readonly Diagnostic[],
  transforms: readonly string[],
): string {
  const blocks = (codes: Codes | undefined, from: number, to: number) => {
    if (codes === undefined) return false;
    if (codes === 'all' || codes.some((c) => transforms.some((t) => codeMatches(c, t)))) return true;
    return findings.some((d) => d.line >= from && d.line <= to && covers(codes, d.code));
  };
  const oldLines = splitKeepingEnds(before);
  const newLines = splitKeepingEnds(after);
  const out: string[] = [];
  let oldAt = 0;
  const suppressedAt = (first: number, last: number) => {
    if (blocks(s.file, first, last)) return true;
    for (let line = first; line <= last; line++) if (blocks(s.lines.get(line), first, last)) return true;
    return false;
  };
  for (const hunk of lineHunks(before, after, 0)) {
    // jsdiff numbers a hunk from the line it starts before, even when it is empty
    const oldFrom = hunk.oldStart - 1;
    const newFrom = hunk.newStart - 1;
    out.push(...oldLines.slice(oldAt, oldFrom));
    if (hunk.oldLines === hunk.newLines) {
      // adjacent edits share a hunk: split it where both sides are back outside every bracket,
      // so one suppressed call keeps its lines without holding back the next call's fix
      for (const [from, to] of segments(
        oldLines,
        newLines,
        oldFrom,
        newFrom,
        hunk.oldLines,
        depthBefore(oldLines, oldFrom),
      )) {
        const keepOld = suppressedAt(hunk.oldStart + from, hunk.oldStart + to - 1);
        out.push(
          ...(keepOld ? oldLines.slice(oldFrom + from, oldFrom + to) : newLines.slice(newFrom + from, newFrom + to)),
        );
      }
    } else {
      // lines added or removed: the hunk is one edit; a pure insertion is decided by its neighbours
      const first = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
      const last = hunk.oldLines === 0 ? hunk.oldStart : hunk.oldStart + hunk.oldLines - 1;
      out.push(
        ...(suppressedAt(first, last)
          ? oldLines.slice(oldFrom, oldFrom + hunk.oldLines)
          : newLines.slice(newFrom, newFrom + hunk.newLines)),
      );
    }
    oldAt = oldFrom + hunk.oldLines;
  }
  out.push(...oldLines.slice(oldAt));
  return out.join('');
}

/** Open brackets minus closed ones in `text`, strings and comments not told apart (a rough guide). */
function bracketBalance(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) depth--;
  }
  return depth;
}

const depthBefore = (lines: readonly string[], end: number) =>
  lines.slice(0, end).reduce((d, line) => d + bracketBalance(line), 0);

/**
 * `[from, to)` offsets into a hunk of `count` lines on each side, cut after each line where both
 * sides are back at bracket depth 0 (or below: a rough count errs towards longer segments).
 */
function segments(
  oldLines: readonly string[],
  newLines: readonly string[],
  oldFrom: number,
  newFrom: number,
  count: number,
  startDepth: number,
): [number, number][] {
  const cuts: [number, number][] = [];
  let oldDepth = startDepth;
  let newDepth = startDepth;
  let from = 0;
  for (let k = 0; k < count; k++) {
    oldDepth += bracketBalance(oldLines[oldFrom + k]);
    newDepth += bracketBalance(newLines[newFrom + k]);
    if ((oldDepth <= 0 && newDepth <= 0) || k === count - 1) {
      cuts.push([from, k + 1]);
      from = k + 1;
    }
  }
  return cuts;
}

function splitKeepingEnds(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * Drop suppressed findings from a run's per-file outcomes and repository-plan diagnostics, and
 * leave out the edits of suppressed lines (a file whose every edit is suppressed is unchanged).
 * @param read a repository file's text, for files whose outcome does not carry it
 * @returns how many findings were suppressed
 */
export function applySuppressions(
  outcomes: FileOutcome[],
  planDiagnostics: Diagnostic[],
  read: (path: string) => string | undefined,
  transforms: readonly string[],
): number {
  let suppressed = 0;
  const cache = new Map<string, Suppressions | undefined>();
  const suppressionsOf = (file: string, text?: string) => {
    if (!cache.has(file)) cache.set(file, findSuppressions(text ?? read(file) ?? ''));
    return cache.get(file);
  };
  const keep = (s: Suppressions | undefined) => (d: Diagnostic) => {
    if (!s || !isSuppressed(s, d.line, d.code)) return true;
    suppressed++;
    return false;
  };
  for (const outcome of outcomes) {
    const changed = outcome.status === 'changed' && outcome.before?.kind === 'file' && outcome.after?.kind === 'file';
    if (!changed && outcome.diagnostics.length === 0) continue;
    const before = changed ? decodeText((outcome.before as { bytes: Buffer }).bytes) : undefined;
    const s = suppressionsOf(outcome.path, before?.text);
    if (!s) continue;
    const findings = outcome.diagnostics;
    outcome.diagnostics = findings.filter(keep(s));
    if (!changed || !before) continue;
    const after = decodeText((outcome.after as { bytes: Buffer }).bytes);
    const text = withoutSuppressedEdits(before.text, after.text, s, findings, transforms);
    if (text === after.text) continue;
    if (text === before.text) {
      outcome.status = 'unchanged';
      outcome.before = undefined;
      outcome.after = undefined;
    } else
      outcome.after = {
        kind: 'file',
        bytes: encodeText(text, before.bom),
        executable: (outcome.after as { executable: boolean }).executable,
      };
  }
  const kept = planDiagnostics.filter((d) => keep(suppressionsOf(d.path))(d));
  planDiagnostics.splice(0, planDiagnostics.length, ...kept);
  return suppressed;
}

// Rendering a finished run for people and machines: the patch (coloured on a TTY), JSON,
// diagnostics and the one-line summary. Data goes to stdout, everything else to stderr.
import type { RunResult } from '../lib/engine/engine.js';
import { formatDiagnostic, quotePath } from '../lib/engine/diagnostics.js';
import { collapseRepeats, repeatedText, type ShownDiagnostic } from './formats/collapse.js';
import { githubReport } from './formats/github.js';
import { markdownReport } from './formats/markdown.js';
import { sarifReport } from './formats/sarif.js';
import { DRY_RUN_NOTE, plural, totalsSentence } from '../lib/engine/totals.js';
import { loadDiagnosticHelp, type LinkListing, type TextReferenceSummary } from '../api/registry.js';

export interface Streams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const ANSI = { red: '\x1b[31m', green: '\x1b[32m', cyan: '\x1b[36m', bold: '\x1b[1m', reset: '\x1b[0m' };

/** Colour a patch line by line, the way `git diff --color` does. */
export function colourPatch(patch: string): string {
  return patch
    .split('\n')
    .map((line) => {
      if (/^(diff --git|index |new file|deleted file|old mode|new mode|similarity|rename |--- |\+\+\+ )/.test(line))
        return ANSI.bold + line + ANSI.reset;
      if (line.startsWith('@@')) return ANSI.cyan + line + ANSI.reset;
      if (line.startsWith('+')) return ANSI.green + line + ANSI.reset;
      if (line.startsWith('-')) return ANSI.red + line + ANSI.reset;
      return line;
    })
    .join('\n');
}

/**
 * `12 changed, 830 unchanged, 3 skipped, 1 failed; 1 error, 2 warnings (1.3s)`, then what the run
 * did to the files: a dry run says nothing was written, so "12 changed" is never read as done.
 */
export function summaryLine(result: RunResult): string {
  return `${totalsSentence(result.totals)} (${(result.durationMs / 1000).toFixed(1)}s) ${outcomeText(result)}`;
}

/** `(dry run: nothing written; add --apply to write)`, `(check: nothing written)`, `(applied: 3 files written)`. */
export function outcomeText(result: RunResult): string {
  if (result.mode === 'apply')
    return result.written.length
      ? `(applied: ${plural(result.written.length, 'file')} written)`
      : '(applied: nothing to write)';
  if (result.mode === 'check') return '(check: nothing written)';
  return result.totals.changed ? DRY_RUN_NOTE : '(dry run: nothing to write)';
}

/** The `--json` document; its schema is documented in the README. */
export function jsonReport(result: RunResult): object {
  return {
    version: 1,
    transform: result.transform,
    mode: result.mode,
    root: result.root,
    files: result.files.map((f) => ({
      path: f.path,
      status: f.status,
      ...(f.reason ? { reason: f.reason } : {}),
      ...(f.error ? { error: f.error.split('\n')[0] } : {}),
      diagnostics: f.diagnostics.map(({ line, column, severity, code, message }) => ({
        line,
        column,
        severity,
        code,
        message,
      })),
      ...(f.patch ? { patch: f.patch } : {}),
    })),
    totals: result.totals,
    ...(Object.keys(result.stats).length > 0 ? { stats: result.stats } : {}),
    durationMs: result.durationMs,
    // what repository plans attached (replace-symlinks: `links`), never over the keys above
    ...Object.fromEntries(Object.entries(result.attachments).filter(([key]) => !RESERVED_JSON_KEYS.has(key))),
  };
}

const RESERVED_JSON_KEYS = new Set(['version', 'transform', 'mode', 'root', 'files', 'totals', 'stats', 'durationMs']);

/** The run's `api.stats` counters, largest first, as the stock runner lists them (rewrites per rule). */
export function statsBlock(result: RunResult): string {
  const entries = Object.entries(result.stats).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (entries.length === 0) return '';
  const width = String(entries[0][1]).length;
  return `counts:\n${entries.map(([name, n]) => `  ${String(n).padStart(width)}  ${name}\n`).join('')}`;
}

const LISTED_LINKS = 20;

/**
 * The links a run looked at: with --verbose one per line, before the summary (`--json` has them
 * all); else one line of counts, and none in check mode, where the findings say what matters.
 */
export function linksBlock(result: RunResult, verbose = false): string {
  const links = result.attachments.links as LinkListing[] | undefined;
  if (!links?.length) return '';
  if (!verbose) return result.mode === 'check' ? '' : `${linkCounts(links, result.mode)} (--verbose lists them)\n`;
  const lines = links.slice(0, LISTED_LINKS).map((link) => {
    const resolved = link.resolved && link.resolved !== link.target ? ` (${link.resolved})` : '';
    const kind = `${link.chain ? 'chain to ' : ''}${link.kind}`;
    return `  ${link.path} -> ${link.target}${resolved}: ${kind}, ${link.action}\n`;
  });
  const more =
    links.length > LISTED_LINKS ? `  … and ${links.length - LISTED_LINKS} more (--json lists every link)\n` : '';
  return `${plural(links.length, 'link')}:\n${lines.join('')}${more}`;
}

const LINK_ACTIONS: Record<'written' | 'planned', Partial<Record<LinkListing['action'], string>>> = {
  written: { copied: 'copied', bundled: 'bundled', removed: 'removed', left: 'left as is' },
  planned: { copied: 'to copy', bundled: 'to bundle', removed: 'to remove', left: 'left as is' },
};

/** `368 links: 3 to copy, 365 left as is`; a listing-only run (no --mode) just counts them. */
function linkCounts(links: readonly LinkListing[], mode: RunResult['mode']): string {
  const words = LINK_ACTIONS[mode === 'apply' ? 'written' : 'planned'];
  const counts = new Map<string, number>();
  for (const link of links) {
    const word = words[link.action];
    if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const parts = [...counts].map(([word, n]) => `${n} ${word}`);
  return `${plural(links.length, 'link')}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}

/**
 * Mentions of moved paths left outside the code, counted once at the end:
 * `12 references in 5 non-code files; --rewrite-text to update them`, and the same for comments.
 */
export function textReferencesBlock(result: RunResult): string {
  const lines: string[] = [];
  const text = result.attachments.textReferences as TextReferenceSummary | undefined;
  if (text?.references) {
    const where = `${plural(text.references, 'reference')} in ${plural(text.files, 'non-code file')}`;
    lines.push(text.rewritten ? `${where} rewritten` : `${where}; --rewrite-text to update them`);
  }
  // comments and docstrings are scanned per file (in workers): counted from their diagnostics
  const docs = result.diagnostics.filter(
    (d) => d.code === STALE_REFERENCE && isCodeFile(d.path) && !d.message.endsWith('; rewritten'),
  );
  if (docs.length > 0) {
    lines.push(
      `${plural(docs.length, 'reference')} in comments and docstrings of ${plural(new Set(docs.map((d) => d.path)).size, 'file')}; --rewrite-docs to update them`,
    );
  }
  return lines.map((line) => `${line}\n`).join('');
}

const STALE_REFERENCE = 'rewrite-imports/stale-reference';
const isCodeFile = (file: string) => /\.(pyi?|[cm]?[jt]sx?)$/.test(file);

export const OUTPUT_FORMATS = ['diff', 'json', 'github', 'markdown', 'sarif'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface PrintOptions {
  format: OutputFormat;
  /** The command that prints the whole diff, for reports that tell people how to see everything. */
  command: string;
  /** Print the patch in check mode too (`repomod check --diff`): a failing gate shows its fix. */
  patchInCheck?: boolean;
  color: boolean;
  verbose: boolean;
  /** Only error diagnostics (and, in check mode, the files that would change) on stderr. */
  quiet?: boolean;
  /** A `git diff --stat`-style table instead of the patch. */
  stat?: boolean;
}

/** Print a run's data (stdout, in the chosen format) and diagnostics (stderr). */
export async function printRun(result: RunResult, streams: Streams, options: PrintOptions): Promise<void> {
  switch (options.format) {
    case 'json':
      streams.stdout.write(JSON.stringify(jsonReport(result), null, 2) + '\n');
      break;
    case 'github':
      streams.stdout.write(githubReport(result, options.command));
      break;
    case 'markdown':
      streams.stdout.write(markdownReport(result, options.command));
      break;
    case 'sarif': {
      const help = await loadDiagnosticHelp(result.diagnostics.map((d) => d.code));
      streams.stdout.write(
        JSON.stringify(
          sarifReport(result, (code) => help.get(code)),
          null,
          2,
        ) + '\n',
      );
      break;
    }
    default:
      if (result.patch && (result.mode === 'dry-run' || (result.mode === 'check' && options.patchInCheck))) {
        streams.stdout.write(
          options.stat ? diffStat(result) : options.color ? colourPatch(result.patch) : result.patch,
        );
      }
  }
  const shown = result.diagnostics.filter((diagnostic) => {
    if (options.quiet && diagnostic.severity !== 'error') return false;
    // stale references are the listing the user asked for (their count ends the run), not chatter
    return (
      diagnostic.severity !== 'info' ||
      options.verbose ||
      diagnostic.code === 'report' ||
      diagnostic.code === STALE_REFERENCE
    );
  });
  // the same finding in thousands of files is one line with a count; --verbose (and --json) list them all
  const lines: ShownDiagnostic[] = options.verbose
    ? shown.map((diagnostic) => ({ diagnostic }))
    : collapseRepeats(shown);
  for (const { diagnostic, repeated } of lines) {
    const line = repeated ? { ...diagnostic, message: `${diagnostic.message} ${repeatedText(repeated)}` } : diagnostic;
    streams.stderr.write(formatDiagnostic(line) + '\n');
  }
  if (options.verbose) {
    for (const file of result.files)
      if (file.status === 'failed' && file.error?.includes('\n'))
        streams.stderr.write(`${quotePath(file.path)}: ${file.error}\n`);
  }
  if (result.mode === 'check') {
    for (const file of result.files)
      if (file.status === 'changed') streams.stderr.write(`${quotePath(file.path)}: would change\n`);
  }
  if (options.quiet) return;
  if (result.mode === 'apply') {
    for (const written of result.written) streams.stderr.write(`${quotePath(written)}: written\n`);
  }
  if (options.format === 'diff')
    streams.stderr.write(linksBlock(result, options.verbose) + statsBlock(result) + textReferencesBlock(result));
  // a clean check is silent, so it can gate a deploy script or a hook without noise
  if (result.mode === 'check' && exitCodeFor(result) === 0 && !options.verbose) return;
  streams.stderr.write(summaryLine(result) + '\n');
}

/**
 * `git diff --stat` for the run: one line per changed file with its added and removed lines,
 * then the totals.
 * @example ' pkg/a.py | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n'
 */
export function diffStat(result: RunResult): string {
  const rows = result.files
    .filter((f) => f.patch)
    .map((f) => {
      const lines = f.patch!.split('\n');
      const binary = lines.includes('GIT binary patch');
      const added = binary ? 0 : lines.filter((l) => l.startsWith('+') && !l.startsWith('+++ ')).length;
      const removed = binary ? 0 : lines.filter((l) => l.startsWith('-') && !l.startsWith('--- ')).length;
      return { path: quotePath(f.path), added, removed, binary };
    });
  if (rows.length === 0) return '';
  const width = Math.max(...rows.map((r) => r.path.length));
  const countWidth = Math.max(...rows.map((r) => String(r.added + r.removed).length));
  const bar = (r: (typeof rows)[number]) =>
    `${String(r.added + r.removed).padStart(countWidth)} ${'+'.repeat(Math.min(r.added, 40))}${'-'.repeat(Math.min(r.removed, 40))}`.trimEnd();
  const body = rows.map((r) => ` ${r.path.padEnd(width)} | ${r.binary ? 'Bin' : bar(r)}\n`).join('');
  const added = rows.reduce((n, r) => n + r.added, 0);
  const removed = rows.reduce((n, r) => n + r.removed, 0);
  const parts = [`${plural(rows.length, 'file')} changed`];
  if (added) parts.push(`${added} insertion${added === 1 ? '' : 's'}(+)`);
  if (removed) parts.push(`${removed} deletion${removed === 1 ? '' : 's'}(-)`);
  return `${body} ${parts.join(', ')}\n`;
}

/** 0 success; 1 findings (check saw a change, a file failed, an error diagnostic). */
export function exitCodeFor(result: RunResult): number {
  const t = result.totals;
  if (t.failed > 0 || t.errors > 0) return 1;
  if (result.mode === 'check' && t.changed > 0) return 1;
  return 0;
}

/** A progress bar on a TTY for long runs; a no-op otherwise. */
export function progressReporter(
  stderr: NodeJS.WriteStream | NodeJS.WritableStream,
): ((done: number, total: number) => void) | undefined {
  const tty = (stderr as NodeJS.WriteStream).isTTY;
  if (!tty) return undefined;
  const started = Date.now();
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (now - started < 500 || (now - last < 100 && done < total)) return;
    last = now;
    const width = 30;
    const filled = Math.round((done / total) * width);
    stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} files`);
    if (done === total) stderr.write('\r\x1b[K');
  };
}

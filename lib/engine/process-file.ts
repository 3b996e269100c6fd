// One file through one transform: read bytes, skip binaries, prefilter, decode, transform,
// encode back with the BOM it had. Shared by the in-process path and the worker threads.
import { lstatSync, readFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { fileTypeOf } from './containment.js';
import type { Diagnostic } from './diagnostics.js';
import { formatSize } from './file-size.js';
import { decodeText, encodeText, lacksNeedles } from './files.js';
import type { RunMode } from './context.js';
import type { RepoIndex } from '../repo/repo-index.js';
import { runTransformOnText, type ParserChoice } from './call-transform.js';
import { isRunAbort } from './event-loop-turns.js';
import type { FileState, FileStatus, TransformModule } from './types.js';

export interface FileJob {
  module: TransformModule;
  options: Record<string, unknown>;
  repo: RepoIndex;
  /** Directory the transform sees paths relative to (the stock runner passes cwd-relative paths). */
  cwd: string;
  /** `file.path` as the command line spelled it, where that is not the cwd-relative path (see selectTargets). */
  typedPaths?: ReadonlyMap<string, string>;
  /** `--parser` / `--parser-config`; absent: by extension. */
  parser?: ParserChoice;
  /** A file containing none of these substrings is not parsed; undefined = parse every file. */
  prefilter?: readonly string[];
  /** What the run does with the output; default dry-run. */
  mode?: RunMode;
}

/** What happened to one file; `before`/`after` present only when it changed. */
export interface FileOutcome {
  path: string;
  status: FileStatus;
  reason?: string;
  error?: string;
  diagnostics: Diagnostic[];
  before?: FileState;
  after?: FileState;
  /** `api.stats` counters the transform kept for this file, when it kept any. */
  stats?: Record<string, number>;
}

export async function processFile(relPath: string, job: FileJob): Promise<FileOutcome> {
  const absPath = job.repo.absolute(relPath);
  let bytes: Buffer;
  let executable: boolean;
  try {
    const stat = lstatSync(absPath);
    // a FIFO would block the read forever, a device never end: only regular files are opened
    if (!stat.isFile()) return notRegular(relPath, stat);
    if (stat.size > job.repo.maxFileSize) return tooLarge(relPath, stat.size, job.repo.maxFileSize);
    executable = (stat.mode & 0o111) !== 0;
    bytes = readFileSync(absPath);
  } catch (error) {
    return failed(relPath, 1, 1, 'read-error', `cannot read the file (${(error as Error).message}); left unchanged`);
  }
  if (job.prefilter && lacksNeedles(bytes, needleBytes(job.prefilter))) {
    return { path: relPath, status: 'unchanged', diagnostics: [] };
  }
  const decoded = decodeText(bytes);
  if (decoded.notUtf8) {
    // a source file we cannot read may hold exactly what should change: say so, never skip quietly
    const declared = decoded.notUtf8.declared ? ` (it declares '${decoded.notUtf8.declared}')` : '';
    const message = `file is not UTF-8${declared}; left unchanged: convert it to UTF-8 or check it by hand`;
    return {
      path: relPath,
      status: 'skipped',
      reason: 'not UTF-8',
      diagnostics: [{ path: relPath, line: 1, column: 1, severity: 'warning', code: 'not-utf8', message }],
    };
  }
  if (decoded.binary) return { path: relPath, status: 'skipped', reason: 'binary file', diagnostics: [] };
  if (job.prefilter && !job.prefilter.some((needle) => decoded.text.includes(needle))) {
    return { path: relPath, status: 'unchanged', diagnostics: [] };
  }
  // the class index and the checks ask the repository for this text too: one read serves both.
  // Only for files past the prefilter: holding every file's text made a run's memory grow with
  // the repository (280 MiB at 16,000 Python files), and the rare later ask reads from disk.
  job.repo.remember(relPath, decoded.text);
  const transformPath = job.typedPaths?.get(relPath) ?? (path.relative(job.cwd, absPath) || absPath);
  try {
    const result = await runTransformOnText(
      job.module,
      transformPath,
      relPath,
      decoded.text,
      job.options,
      job.repo,
      job.mode,
      job.parser,
    );
    const { diagnostics } = result;
    const stats = Object.keys(result.stats).length > 0 ? { stats: result.stats } : {};
    const output = result.output === undefined ? undefined : keepLineEndings(decoded.text, result.output);
    if (output === undefined)
      return { path: relPath, status: 'skipped', reason: 'not applicable', diagnostics, ...stats };
    if (output === decoded.text) return { path: relPath, status: 'unchanged', diagnostics, ...stats };
    return {
      path: relPath,
      status: 'changed',
      diagnostics,
      ...stats,
      before: { kind: 'file', bytes, executable },
      after: { kind: 'file', bytes: encodeText(output, decoded.bom), executable },
    };
  } catch (error) {
    // Ctrl-C stopped the transform, or the run before it: the run ends, this is not the file's failure
    if ((error as { code?: string })?.code === 'ERR_SCRIPT_EXECUTION_INTERRUPTED' || isRunAbort(error)) throw error;
    const { line, column } = errorLocation(error);
    const parse = isParseError(error);
    const message = firstLine(error);
    return failed(
      relPath,
      line,
      column,
      parse ? 'parse-error' : 'transform-error',
      parse ? `file does not parse (${message}); left unchanged` : `transform failed (${message}); left unchanged`,
      (error as Error)?.stack,
    );
  }
}

const encodedNeedles = new WeakMap<readonly string[], Buffer[]>();

/** The prefilter's needles as UTF-8, encoded once per run (a job keeps one array). */
function needleBytes(needles: readonly string[]): Buffer[] {
  let encoded = encodedNeedles.get(needles);
  if (!encoded) encodedNeedles.set(needles, (encoded = needles.map((needle) => Buffer.from(needle, 'utf8'))));
  return encoded;
}

/**
 * recast prints new lines with `\n`; in a file that used CRLF throughout, a reprint would mix
 * endings, so bring the new text back to CRLF.
 */
export function keepLineEndings(original: string, output: string): string {
  const lineFeeds = original.split('\n').length - 1;
  if (lineFeeds === 0 || original.split('\r\n').length - 1 !== lineFeeds) return output;
  return output.replace(/\r?\n/g, '\r\n');
}

/** Past the parse limit: said, never read whole or parsed (a parse holds ~40 bytes per byte of source). */
function tooLarge(relPath: string, size: number, limit: number): FileOutcome {
  const message = `file is ${formatSize(size)}, over the ${formatSize(limit)} parse limit (--max-file-size); left unchanged`;
  return {
    path: relPath,
    status: 'skipped',
    reason: 'too large',
    diagnostics: [{ path: relPath, line: 1, column: 1, severity: 'warning', code: 'too-large', message }],
  };
}

/** A FIFO, socket or device where a file was expected: named with its type, never opened. */
export function notRegular(relPath: string, stat: Stats): FileOutcome {
  const message = `not a regular file (${fileTypeOf(stat)}); left unchanged`;
  return {
    path: relPath,
    status: 'skipped',
    reason: 'not a regular file',
    diagnostics: [{ path: relPath, line: 1, column: 1, severity: 'warning', code: 'not-a-file', message }],
  };
}

function failed(
  relPath: string,
  line: number,
  column: number,
  code: string,
  message: string,
  stack?: string,
): FileOutcome {
  return {
    path: relPath,
    status: 'failed',
    error: stack && !code.startsWith('parse') ? `${message}\n${stack}` : message,
    diagnostics: [{ path: relPath, line, column, severity: 'error', code, message }],
  };
}

/** Babel and recast put the position on `loc` ({line, column: 0-based}); others in the message. */
function errorLocation(error: unknown): { line: number; column: number } {
  const loc = (error as { loc?: { line?: number; column?: number } })?.loc;
  if (loc && typeof loc.line === 'number') return { line: loc.line, column: (loc.column ?? 0) + 1 };
  const match = /\((\d+):(\d+)\)/.exec(String((error as Error)?.message ?? ''));
  if (match) return { line: Number(match[1]), column: Number(match[2]) + 1 };
  return { line: 1, column: 1 };
}

function isParseError(error: unknown): boolean {
  const e = error as { code?: string; reasonCode?: string; name?: string };
  return e?.name === 'SyntaxError' || e?.code === 'BABEL_PARSER_SYNTAX_ERROR' || typeof e?.reasonCode === 'string';
}

function firstLine(error: unknown): string {
  const message = String((error as Error)?.message ?? error);
  return message.split('\n')[0].replace(/\s*\(\d+:\d+\)$/, '');
}

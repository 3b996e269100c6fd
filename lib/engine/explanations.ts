// What a diagnostic code means, for `repomod explain`: each message table declares an explanation
// beside its messages (transforms/*/messages.ts, features/bundle/messages.ts); the engine's own codes are here.
import type { Severity } from './diagnostics.js';

/** One code's entry: every part is shown by `repomod explain CODE`. */
export interface Explanation {
  /** The usual severity first; what changes it after, e.g. 'warning (error with --strict)'. */
  severity: `${Severity}${string}`;
  /** One line, for `repomod explain --list`. */
  summary: string;
  /** Why it matters: what breaks, or what a reader would otherwise miss. */
  why: string;
  /** A small example that gets this diagnostic, and the same after the fix. */
  before: string;
  after: string;
  /** What to do (or what repomod does with --apply). */
  fix: string;
  /**
   * How to silence it when the generic ways (an in-line comment, --ignore-code) do not apply or are
   * not all: a symlink or manifest takes no comment, and `repomod bundle` reads neither.
   */
  suppress?: readonly string[];
  /** Keys of the message table reported under this code besides the code itself (variants). */
  messages?: readonly string[];
}

export type Explanations = Record<string, Explanation>;

/** How a run leaves out a code: the same for every code a transform or `check` reports. */
export const runSuppression = (code: string) =>
  `in a run: \`repomod check --ignore-code ${code}\`, or "ignoreCodes": ["${code}"] in the config (which \`check\` reads)`;

/** For findings that are not on a line of a source file: no comment applies. */
export const notInSource = (code: string, other: string) => [
  `no in-line comment applies: ${other}`,
  runSuppression(code),
];

/** Codes the engine reports for every command (unprefixed). */
export const engineExplanations = {
  'parse-error': {
    severity: 'error',
    summary: 'the file does not parse (or does not compile, for Python); it was left unchanged',
    why: 'a module that does not compile fails at import, usually on the first deploy or the first test that imports it; repomod cannot rewrite what it cannot parse, so the file keeps whatever else is wrong with it',
    before: 'logger.error(\n    f"publish failed: {e}",\n    exc_info=True\n, exc_info=True)',
    after: 'logger.error(\n    f"publish failed: {e}",\n    exc_info=True)',
    fix: 'fix the syntax at the line and column shown (the position CPython reports); `repomod fix-call-syntax` repairs the damage bulk regex edits leave in calls',
  },
  'read-error': {
    severity: 'error',
    summary: 'a file or folder could not be read; it was not checked',
    why: 'an unreadable file is a file nobody checked: in --check the run fails rather than pass without it',
    before: '$ chmod 000 pkg/secret.py\n$ repomod check pkg',
    after: '$ chmod 644 pkg/secret.py\n$ repomod check pkg',
    fix: 'make it readable by the user running repomod, or skip it with --ignore GLOB',
    suppress: notInSource('read-error', '--ignore GLOB skips the path'),
  },
  'not-utf8': {
    severity: 'warning',
    summary: 'a source file is not UTF-8 (a latin-1 module, say); left unchanged',
    why: 'repomod edits UTF-8 text only; the file was not checked, so an import of a moved module in it stays stale',
    before: '# -*- coding: latin-1 -*-\nfrom pipeline.common.util import lock   # bytes 0xe9 elsewhere in the file',
    after: '# (the file re-saved as UTF-8, the coding line removed)\nfrom common.util import lock',
    fix: 'convert the file to UTF-8 (`iconv -f latin1 -t utf-8`), or check it by hand',
    suppress: notInSource(
      'not-utf8',
      'the file is not read as text, so its comments are not either; --ignore GLOB skips it',
    ),
  },
  'too-large': {
    severity: 'warning',
    summary: 'a file is over the parse limit (--max-file-size, default 10 MB); never read whole or parsed',
    why: 'a parse holds about 40 bytes of memory per byte of source, so one generated file could take gigabytes; the file was not checked',
    before: 'generated/schema_pb2.py   52.4 MB',
    after: '$ repomod check --max-file-size 100MB   (or "maxFileSize" in the config)',
    fix: 'raise --max-file-size if the file must be checked, or exclude generated files with --ignore',
    suppress: notInSource(
      'too-large',
      'the file is never read, so its comments are not either; --ignore GLOB skips it',
    ),
  },
  'not-a-file': {
    severity: 'warning',
    summary: 'a path given on the command line is a FIFO, socket or device; never opened',
    why: 'opening a FIFO blocks forever and a device can be endless: such paths are named, never read',
    before: '$ repomod check logs/pipe',
    after: '$ repomod check src',
    fix: 'give files and folders only',
    suppress: notInSource('not-a-file', 'it is never opened; leave it off the command line'),
  },
  'transform-error': {
    severity: 'error',
    summary: 'the transform threw on this file; the file was left unchanged and the run went on',
    why: 'a failed file was not transformed, so it may still hold what the transform fixes; the run exits 1',
    before:
      'file.py:1:1: error: transform failed (Cannot read properties of undefined); left unchanged [transform-error]',
    after: 'a fixed transform: the file is processed like the others',
    fix: 'rerun with --verbose for the stack; a third-party transform needs fixing by its author, a built-in one is a repomod bug to report',
  },
  'conflicting-changes': {
    severity: 'error',
    summary: "a file was changed both by a per-file edit and by a repository-wide plan; the plan's change was kept",
    why: 'two edits of one file would be a guess about which comes first; the per-file edit is not applied',
    before: 'a link replaced by replace-symlinks whose copy rewrite-imports also edits, in one `check` run',
    after: 'run the two transforms one after the other',
    fix: 'run each transform on its own (apply the first, then run the second)',
    suppress: notInSource('conflicting-changes', 'run the two transforms separately'),
  },
  report: {
    severity: 'info',
    summary: 'a third-party jscodeshift transform called api.report(); its message as written',
    why: 'the transform wanted to tell you something about this file',
    before: "api.report('skipped: dynamic require')",
    after: 'file.js:1:1: info: skipped: dynamic require [report]',
    fix: 'read the message; its meaning is up to the transform',
  },
  'would-change': {
    severity: 'error',
    summary: 'in SARIF output of --check: repomod would change this file',
    why: 'code scanning shows a changed file as a finding, so the pull request shows where the repository drifted',
    before: '$ repomod rewrite-imports --check --format sarif',
    after: '$ repomod rewrite-imports --apply',
    fix: 'run the same command without --check to see the diff, then with --apply to write it',
    suppress: notInSource('would-change', '--ignore GLOB skips the file'),
  },
} satisfies Explanations;

/** How to suppress `code`: the entry's own ways, else an in-line comment and --ignore-code. */
export function suppressionText(code: string, explanation: Explanation): readonly string[] {
  if (explanation.suppress) return explanation.suppress;
  const short = code.includes('/') ? code.slice(code.indexOf('/') + 1) : code;
  return [
    `on the line: \`# repomod: ignore[${short}]\` at its end (Python), \`// repomod-ignore-next-line ${short}\` above it (JS/TS); a whole file: \`# repomod: ignore-file[${short}]\``,
    runSuppression(code),
  ];
}

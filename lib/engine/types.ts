// The contract between the engine, the transforms and the CLI: shapes only, no behaviour.
import type { API, FileInfo } from 'jscodeshift';
import type { RepoIndex } from '../repo/repo-index.js';
import type { OptionDescriptor } from './options.js';
import type { Diagnostic } from './diagnostics.js';

export type { API, FileInfo };

/** Static description of a transform: what the registry, the CLI and the engine need before loading it. */
export interface TransformMeta {
  name: string;
  description: string;
  /** File extensions (without dot) the per-file transform looks at; others are never read. */
  extensions: string[];
  aliases?: string[];
  /** Option descriptors; the CLI builds `--flags` from them. */
  options?: readonly OptionDescriptor[];
  /**
   * Cheap substrings: a file containing none of them is not parsed at all.
   * Returning undefined means "every file must be parsed".
   */
  prefilter?: (options: Record<string, unknown>) => string[] | undefined;
  /**
   * Run every file in the main thread: the per-file work is cheap once a repository-wide index
   * exists (remove-redundant-bases' class index and TypeScript program), and each worker thread
   * would build that index again. Measured on 2,000 files: 10.5 s in-process, 23.6 s with workers.
   */
  inProcess?: boolean;
  /**
   * Options `repomod check` runs this transform with when the config does not mention it
   * (checks that need no options). Absent: the transform runs in `check` only when configured.
   */
  checkDefaults?: Record<string, unknown>;
  /** What `repomod check --apply` writes with the check's options (the README's check table). */
  checkApply?: string;
  /** Two or three command lines that `--help` ends with, each with what it does (`$0` is repomod). */
  examples?: [command: string, description: string][];
  /**
   * The commands `npm run demo` runs on examples/ to show this transform, as argument lists
   * (`['replace-symlinks', '--mode', 'copy', 'functions']`); absent: one dry run without arguments.
   */
  demo?: string[][];
}

/** What a transform's default export looks like: a stock jscodeshift transform, maybe async. */
export type TransformFunction = (
  file: FileInfo,
  api: API,
  options: Record<string, unknown>,
) => string | null | undefined | void | Promise<string | null | undefined | void>;

/**
 * What the engine passes to a repository plan beyond the options. The engine always passes every
 * field; a plan called as a library function gets the rest from `completePlanContext`.
 */
export interface PlanContext {
  /** Repo-relative paths named on the command line (globs expanded); none means the whole repository. */
  paths: readonly string[];
  mode: 'dry-run' | 'apply' | 'check';
  /** Structured data for `--json` (a top-level key) and the summary, e.g. replace-symlinks' `links`. */
  attach: (key: string, value: unknown) => void;
  /** Add to a run-wide counter, as `api.stats` does for per-file transforms. */
  count: (name: string, quantity?: number) => void;
  /** A run-wide counter's value so far (per-file counts included); absent when sharded (the other shards' counts are unknown). */
  counted?: (name: string) => number;
  /** What the per-file pass reported, for a plan that must not write past its findings (`move` refuses a half-move). */
  fileDiagnostics: readonly Diagnostic[];
}

/**
 * A plan's context when no engine runs it (a library call, a test): the whole repository, a dry
 * run, nothing attached or counted, no per-file findings; whatever the caller gave wins.
 */
export function completePlanContext(given: Partial<PlanContext> = {}): PlanContext {
  return { paths: [], mode: 'dry-run', attach: () => {}, count: () => {}, fileDiagnostics: [], ...given };
}

/** Whole-repository planning: symlinks, cross-file edits. Runs once, in the main thread. */
export type PlanRepository = (
  repo: RepoIndex,
  options: Record<string, unknown>,
  report: (diagnostic: Omit<Diagnostic, 'severity'> & { severity: Diagnostic['severity'] }) => void,
  context?: Partial<PlanContext>,
) => Promise<FileChange[]>;

export interface TransformModule {
  default?: TransformFunction;
  meta?: TransformMeta;
  parser?: string | object;
  planRepository?: PlanRepository;
}

/** One side of a change: a regular file (bytes + executable bit) or a symlink (raw target). */
export type FileState = { kind: 'file'; bytes: Buffer; executable: boolean } | { kind: 'symlink'; target: string };

/**
 * A change to one path. `before: null` creates, `after: null` deletes; a symlink⇄file
 * change has both sides with different kinds. `renamedFrom` marks a move (git's rename form).
 */
export interface FileChange {
  path: string;
  before: FileState | null;
  after: FileState | null;
  renamedFrom?: string;
}

export type FileStatus = 'changed' | 'unchanged' | 'skipped' | 'failed';

/** The outcome for one path: what `--json` prints per file. */
export interface FileResult {
  path: string;
  status: FileStatus;
  /** Why a file was skipped (binary, not applicable, …). */
  reason?: string;
  /** Why a file failed (parse error, transform threw). */
  error?: string;
  diagnostics: Diagnostic[];
  /** The file's git-style patch when changed. */
  patch?: string;
}

// The engine: discover files, run a transform over them (in-process or in a worker pool),
// add repository-level changes, and hand back one FileResult per path plus the patch.
// It never prints and never decides exit codes: the CLI does.
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { recoverIfInterrupted, WriteSession } from './apply.js';
import type { RunMode } from './context.js';
import { flushFactCaches } from './cache/fact-cache.js';
import { compareDiagnostics, type Diagnostic } from './diagnostics.js';
import { renderChange } from './diff.js';
import { discoverRepository, selectTargets } from './discover.js';
import { setRunSignal, takeSignalTurns } from './event-loop-turns.js';
import { applySuppressions } from './suppressions.js';
import { UsageError } from './errors.js';
import { expandGlob, isGlob } from './globs.js';
import { gitTopLevel } from './git.js';
import type { FileOutcome } from './process-file.js';
import { RepoIndex } from '../repo/repo-index.js';
import { loadTransformModule, type TransformSource } from './transform-loader.js';
import type { FileChange, FileResult, PlanContext } from './types.js';
import { processTargets, withoutModules } from './schedule.js';
import { byOrdinalKey } from '../order.js';
import type { ParserChoice } from './call-transform.js';
import { STOCK_EXTENSIONS } from './stock-defaults.js';

// defined beside the transform context, which hands it to transforms
export type { RunMode };

export interface EngineOptions {
  cwd: string;
  transform: TransformSource;
  /** Resolved or raw transform options, passed through as the transform's third argument. */
  transformOptions?: Record<string, unknown>;
  paths?: readonly string[];
  mode?: RunMode;
  ignore?: readonly string[];
  extensions?: readonly string[];
  /**
   * Worker threads; 1 runs in-process. Default: the number of cores; for a third-party transform,
   * cores − 1 as the stock jscodeshift runner (in-process on 2 cores).
   */
  jobs?: number;
  /** `--parser` / `--parser-config` for third-party transforms; absent: by extension. */
  parser?: ParserChoice;
  /** 1-based shard index and count: a deterministic slice of the files. */
  shard?: { index: number; count: number };
  allowDirty?: boolean;
  sourceRoots?: readonly string[];
  /** Files larger than this (bytes) are skipped with a `too-large` warning, never parsed. Default 10 MB. */
  maxFileSize?: number;
  /** The persistent fact cache's folder (absolute); undefined: no cache. */
  cacheDir?: string;
  /** Called as files finish, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting before the write phase guarantees nothing is written. */
  signal?: AbortSignal;
  /** Told, one line each, what the write layer did on its own (an interrupted run recovered, a stale lock taken over). */
  onNotice?: (text: string) => void;
  /** Findings that count (`check --select/--ignore-code`); the others are dropped before the totals. */
  keepFinding?: (diagnostic: Diagnostic) => boolean;
}

export interface RunTotals {
  changed: number;
  unchanged: number;
  skipped: number;
  failed: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface RunResult {
  root: string;
  transform: string;
  mode: RunMode;
  files: FileResult[];
  changes: FileChange[];
  /** Diagnostics of every file, sorted by path and position. */
  diagnostics: Diagnostic[];
  /** The whole run's git patch (empty when nothing changes). */
  patch: string;
  totals: RunTotals;
  /** Repo-relative paths written in apply mode. */
  written: string[];
  /** Structured data repository plans attached (replace-symlinks: `links`); top-level keys in `--json`. */
  attachments: Record<string, unknown>;
  /** `api.stats` counters summed over every file and the repository plan (rewrite-imports: rewrites per rule). */
  stats: Record<string, number>;
  durationMs: number;
}

export async function runEngine(options: EngineOptions): Promise<RunResult> {
  const started = performance.now();
  const mode = options.mode ?? 'dry-run';
  const cwd = path.resolve(options.cwd);
  const root = gitTopLevel(cwd) ?? cwd;
  // an apply holds the work tree from before the first read, so a second run cannot interleave;
  // any run first finishes what a killed one left half-written
  const session = mode === 'apply' ? WriteSession.open(root, options.onNotice) : undefined;
  if (!session) recoverIfInterrupted(root, options.onNotice);
  setRunSignal(options.signal);
  try {
    return await runLocked(options, mode, cwd, root, session, started);
  } finally {
    setRunSignal(undefined);
    session?.release();
    // what this run parsed, for the next one (repomod's own state, not a repository write)
    flushFactCaches();
  }
}

async function runLocked(
  options: EngineOptions,
  mode: RunMode,
  cwd: string,
  root: string,
  session: WriteSession | undefined,
  started: number,
): Promise<RunResult> {
  const module = await loadTransformModule(options.transform);
  // loading (babel compiling a transform) can take seconds without a turn of the event loop: a
  // Ctrl-C that came meanwhile must be seen now, before a transform stuck in a loop would hide it
  await takeSignalTurns();
  const meta = module.meta;
  const transformOptions = options.transformOptions ?? {};

  const discovery = discoverRepository({
    root,
    ignore: [...(options.ignore ?? []), ...cacheIgnore(root, options.cacheDir)],
  });
  const repo = new RepoIndex({
    ...discovery,
    root,
    sourceRoots: options.sourceRoots ? [...options.sourceRoots] : undefined,
    maxFileSize: options.maxFileSize,
    cacheDir: options.cacheDir,
  });
  const extensions = options.extensions?.length ? options.extensions : (meta?.extensions ?? STOCK_EXTENSIONS);
  // a repository-level transform that declares no extensions has nothing to do per file
  const perFile = module.default && !(module.planRepository && meta?.extensions.length === 0);
  const skipped: FileOutcome[] = [];
  const typedPaths = new Map<string, string>();
  let targets = perFile
    ? selectTargets(discovery, { root, cwd, paths: options.paths ?? [], extensions, skipped, typedPaths })
    : [];
  if (options.shard) targets = targets.filter((file) => inShard(file, options.shard!));

  const prefilter = meta?.prefilter?.(transformOptions);
  const parser = options.parser;
  const outcomes = await processTargets(
    targets,
    { module, options: transformOptions, repo, cwd, prefilter, mode, typedPaths, parser },
    {
      jobs: meta?.inProcess ? 1 : Math.max(1, options.jobs ?? defaultJobs(options.transform)),
      workerSetup: () => ({
        source: withoutModules(options.transform),
        options: transformOptions,
        snapshot: repo.snapshot(),
        cwd,
        prefilter,
        mode,
        typedPaths,
        parser,
      }),
      onProgress: options.onProgress,
      signal: options.signal,
    },
  );

  const planned: FileChange[] = [];
  const planDiagnostics: Diagnostic[] = [];
  const attachments: Record<string, unknown> = {};
  const stats: Record<string, number> = {};
  const count = (name: string, quantity = 1) => void (stats[name] = (stats[name] ?? 0) + quantity);
  for (const outcome of outcomes)
    for (const [name, quantity] of Object.entries(outcome.stats ?? {})) count(name, quantity);
  // repository-level work runs once: on the first shard only, so shard patches concatenate
  if (module.planRepository && (!options.shard || options.shard.index === 1)) {
    const context: PlanContext = {
      paths: planPaths(root, cwd, options.paths ?? []),
      mode,
      attach: (key, value) => void (attachments[key] = value),
      count,
      counted: options.shard ? undefined : (name) => stats[name] ?? 0,
      fileDiagnostics: outcomes.flatMap((o) => o.diagnostics),
    };
    planned.push(...(await module.planRepository(repo, transformOptions, (d) => planDiagnostics.push(d), context)));
  }
  options.signal?.throwIfAborted();
  const transformNames = [options.transform.name, ...(options.transform.parts?.map((part) => part.source.name) ?? [])];
  const suppressed = applySuppressions(outcomes, planDiagnostics, (file) => repo.read(file), transformNames);
  if (suppressed > 0) count('suppressed findings', suppressed);
  if (options.keepFinding) {
    for (const outcome of outcomes) outcome.diagnostics = outcome.diagnostics.filter(options.keepFinding);
    planDiagnostics.splice(0, planDiagnostics.length, ...planDiagnostics.filter(options.keepFinding));
  }

  const result = assemble(root, options.transform.name, mode, [...skipped, ...outcomes], planned, planDiagnostics);
  result.attachments = attachments;
  result.stats = stats;
  if (session && result.changes.length > 0) {
    result.written = await session.apply(result.changes, { allowDirty: options.allowDirty, signal: options.signal });
  }
  result.durationMs = Math.round(performance.now() - started);
  return result;
}

/**
 * Threads when `--jobs` is not given. A third-party transform starts as the stock jscodeshift
 * runner does, cores − 1 workers and at least one: on 2 cores that is in-process only, where two
 * threads measured 1.5× stock's wall time (they share one core's throughput with the main
 * thread). Built-ins keep one per core.
 */
function defaultJobs(source: TransformSource): number {
  const cores = os.availableParallelism();
  return source.builtin ? cores : Math.max(1, cores - 1);
}

/**
 * The command line's paths as a repository plan sees them: repo-relative, globs expanded (links
 * included, not followed); `[]` when they cover the whole repository.
 */
function planPaths(root: string, cwd: string, given: readonly string[]): string[] {
  const toRel = (abs: string) => path.relative(root, abs).split(path.sep).join('/');
  const paths: string[] = [];
  // no paths means the current directory, as for the per-file pass: not the whole repository
  for (const entry of given.length > 0 ? given : ['.']) {
    if (isGlob(entry)) {
      const matches = expandGlob(entry, cwd, { onlyFiles: false });
      // an empty list would mean "everywhere" to the plan: a typo must not widen the run
      if (matches.length === 0)
        throw new UsageError(`pattern '${entry}' matches nothing`, `check the pattern; it is relative to ${cwd}`);
      for (const match of matches) paths.push(toRel(path.resolve(cwd, match)));
    } else {
      const rel = toRel(path.resolve(cwd, entry));
      if (rel === '') return [];
      paths.push(rel);
    }
  }
  return paths;
}

/** A cache folder inside the work tree (a config's `cacheDir`) is repomod's state, never a file to check. */
function cacheIgnore(root: string, cacheDir: string | undefined): string[] {
  if (!cacheDir) return [];
  const rel = path.relative(root, cacheDir).split(path.sep).join('/');
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? [`/${rel}/`] : [];
}

/** A stable slice by path hash, so `--shard 1/4` … `4/4` cover every file exactly once. */
export function inShard(relPath: string, shard: { index: number; count: number }): boolean {
  const hash = createHash('sha1').update(relPath).digest().readUInt32BE(0);
  return hash % shard.count === shard.index - 1;
}

function assemble(
  root: string,
  transform: string,
  mode: RunMode,
  outcomes: FileOutcome[],
  planned: FileChange[],
  planDiagnostics: Diagnostic[],
): RunResult {
  const byPath = new Map<string, FileResult>();
  const changes: FileChange[] = [];
  const plannedPaths = new Set(planned.map((c) => c.path));
  for (const outcome of outcomes) {
    const result: FileResult = { path: outcome.path, status: outcome.status, diagnostics: outcome.diagnostics };
    if (outcome.reason) result.reason = outcome.reason;
    if (outcome.error) result.error = outcome.error;
    if (outcome.status === 'changed' && outcome.after) {
      if (plannedPaths.has(outcome.path)) {
        // two plans for one file would be a guess; keep the repository-level one and say so
        result.status = 'failed';
        result.error = 'changed both by the per-file transform and by the repository plan';
        result.diagnostics.push({
          path: outcome.path,
          line: 1,
          column: 1,
          severity: 'error',
          code: 'conflicting-changes',
          message: `${result.error}; left to the repository plan`,
        });
      } else {
        const change: FileChange = { path: outcome.path, before: outcome.before ?? null, after: outcome.after };
        changes.push(change);
        result.patch = renderChange(change);
      }
    }
    byPath.set(outcome.path, result);
  }
  for (const change of planned) {
    const existing = byPath.get(change.path);
    const result: FileResult = existing ?? { path: change.path, status: 'changed', diagnostics: [] };
    if (result.status !== 'failed') result.status = 'changed';
    result.patch = (result.patch ?? '') + renderChange(change);
    changes.push(change);
    byPath.set(change.path, result);
  }
  for (const diagnostic of planDiagnostics) {
    const result = byPath.get(diagnostic.path) ?? {
      path: diagnostic.path,
      status: 'unchanged' as const,
      diagnostics: [],
    };
    result.diagnostics.push(diagnostic);
    byPath.set(diagnostic.path, result);
  }
  const files = [...byPath.values()].sort(byOrdinalKey((x) => x.path));
  for (const file of files) {
    file.diagnostics.sort(compareDiagnostics);
    // a file that does not parse failed, whatever a transform could still do around the damage
    const failing = file.status !== 'failed' ? file.diagnostics.find((d) => d.fails) : undefined;
    if (failing) {
      file.status = 'failed';
      file.error ??= failing.message;
    }
  }
  const diagnostics = files.flatMap((f) => f.diagnostics);
  changes.sort(byOrdinalKey((x) => x.path));
  const patch = files.map((f) => f.patch ?? '').join('');
  return {
    root,
    transform,
    mode,
    files,
    changes,
    diagnostics,
    patch,
    totals: countTotals(files, diagnostics),
    written: [],
    attachments: {},
    stats: {},
    durationMs: 0,
  };
}

function countTotals(files: FileResult[], diagnostics: Diagnostic[]): RunTotals {
  // '.' carries findings about the run itself (a rule that matched nothing): it is not a file
  const count = (status: FileResult['status']) => files.filter((f) => f.status === status && f.path !== '.').length;
  const severity = (s: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === s).length;
  return {
    changed: count('changed'),
    unchanged: count('unchanged'),
    skipped: count('skipped'),
    failed: count('failed'),
    errors: severity('error'),
    warnings: severity('warning'),
    infos: severity('info'),
  };
}

export { UsageError };

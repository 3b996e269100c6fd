// The programmatic API: `import { runTransform, check } from 'repomod'`. The CLI is a thin
// layer over these two functions; results carry the same data as `--json`.
import path from 'node:path';
import { keepsFinding, runsTransform, type CodeSelection } from '../lib/engine/code-selection.js';
import { resolveCacheDir } from '../lib/engine/cache/cache-dir.js';
import { findConfig, loadConfig, type RepomodConfig } from '../lib/engine/config.js';
import type { Diagnostic } from '../lib/engine/diagnostics.js';
import { runEngine, type RunMode, type RunResult } from '../lib/engine/engine.js';
import { UsageError } from '../lib/engine/errors.js';
import { parseSize } from '../lib/engine/file-size.js';
import { gitTopLevel } from '../lib/engine/git.js';
import { resolveOptions } from '../lib/engine/options.js';
import { STOCK_PARSERS } from '../lib/engine/stock-defaults.js';
import { resolveTransformSource, type TransformSource } from '../lib/engine/transform-loader.js';
import { findTransform, registry, type RegistryEntry } from '../transforms/index.js';

export type { Diagnostic, Severity } from '../lib/engine/diagnostics.js';
export type { FileResult, FileStatus, FileChange, FileState, TransformMeta } from '../lib/engine/types.js';
export type { RunMode, RunResult, RunTotals } from '../lib/engine/engine.js';
export { isKnownError, UsageError, ConfigError, RefusedError } from '../lib/engine/errors.js';
// the contract a transform is written against (README: Writing a transform)
export type {
  API,
  FileInfo,
  TransformFunction,
  TransformModule,
  PlanRepository,
  PlanContext,
} from '../lib/engine/types.js';
export { completePlanContext } from '../lib/engine/types.js';
export type { RepoIndex } from '../lib/repo/repo-index.js';
export { defineTransform, type FileRun, type TransformSpec } from '../lib/engine/define-transform.js';
export {
  defineOptions,
  optionsResolver,
  resolveOptions,
  type OptionDescriptor,
  type OptionType,
  type OptionValue,
  type OptionsOf,
} from '../lib/engine/options.js';

export interface CommonRunOptions {
  /** Directory paths are relative to, and where the repository is looked up (default: process.cwd()). */
  cwd?: string;
  /** Files, directories or globs relative to `cwd` (default: the config's `paths`, or `cwd` itself). */
  paths?: string[];
  /** 'dry-run' (default) computes the patch; 'apply' writes; 'check' writes nothing. */
  mode?: RunMode;
  ignore?: string[];
  extensions?: string[];
  jobs?: number;
  shard?: { index: number; count: number };
  allowDirty?: boolean;
  sourceRoots?: string[];
  /** Files past this size are skipped with a `too-large` warning, never parsed: bytes or `10MB`, `500k` (default 10 MB). */
  maxFileSize?: number | string;
  /** false: no persistent fact cache (`--no-cache`); default: the config's `cache`, else on. */
  cache?: boolean;
  /** The fact cache's folder, relative to `cwd` (`--cache-dir`); default: `.git/repomod/cache`, or `node_modules/.cache/repomod` outside git. */
  cacheDir?: string;
  /** A config file, or false to ignore repomod.config.json (default: the nearest one). */
  config?: string | false;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Told, one line each, what the write layer did on its own (recovered an interrupted run, took over a stale lock). */
  onNotice?: (text: string) => void;
}

export interface RunTransformOptions extends CommonRunOptions {
  /** A built-in transform's name or alias, a transform file, or an installed package. */
  transform: string;
  /** Transform options; for built-ins, merged over the config's and validated. */
  options?: Record<string, unknown>;
  /** A third-party transform's parser for every file (stock's `--parser`): babel, babylon, flow, ts, tsx. Default: by extension. */
  parser?: string;
  /** Parser options (stock's `--parser-config` file, parsed), for babylon and flow. */
  parserConfig?: Record<string, unknown>;
  /** Load a third-party transform through @babel/register as stock does (default true; stock's `--no-babel` is false). */
  babel?: boolean;
}

/** Run one transform over the repository. */
export async function runTransform(request: RunTransformOptions): Promise<RunResult> {
  const cwd = path.resolve(request.cwd ?? process.cwd());
  const config = readConfig(cwd, request.config);
  const builtin = findTransform(request.transform);
  const source: TransformSource = builtin
    ? builtinSource(builtin)
    : { ...resolveTransformSource(request.transform, cwd), babel: request.babel };
  const transformOptions = builtin ? mergeOptions(builtin, config, request.options) : (request.options ?? {});
  if (request.parser !== undefined && !(STOCK_PARSERS as readonly string[]).includes(request.parser)) {
    throw new UsageError(`unknown parser '${request.parser}'`, `use one of ${STOCK_PARSERS.join(', ')}`);
  }
  const parser = request.parser ? { name: request.parser, config: request.parserConfig } : undefined;
  return runEngine({ ...engineOptions(request, cwd, config), transform: source, transformOptions, parser });
}

/**
 * Every check the config enables, in one pass over the files (each file read and parsed once):
 * configured transforms with their options, plus the checks that need no options. Always
 * runs in check mode unless `mode` says otherwise.
 */
export async function check(request: CheckOptions = {}): Promise<RunResult> {
  const cwd = path.resolve(request.cwd ?? process.cwd());
  const config = readConfig(cwd, request.config);
  // the command line's selection replaces the config's, as ruff's --select does
  const selection: CodeSelection = {
    select: request.select ?? config.select,
    ignore: request.ignoreCodes ?? config.ignoreCodes,
  };
  const allNames = registry.map((e) => e.meta.name);
  const parts = checksFor(config)
    .filter(({ entry }) => runsTransform(selection, entry.meta.name, allNames))
    .map(({ entry, options }) => ({ source: builtinSource(entry), options }));
  if (parts.length === 0)
    throw new UsageError('no checks to run', 'enable transforms under "transforms" in the config, or widen --select');
  const source: TransformSource = { name: 'check', specifier: 'repomod:check', builtin: true, parts };
  const keepFinding =
    selection.select?.length || selection.ignore?.length ? (d: Diagnostic) => keepsFinding(selection, d) : undefined;
  return runEngine({
    ...engineOptions({ mode: 'check', ...request }, cwd, config),
    transform: source,
    transformOptions: {},
    keepFinding,
  });
}

export interface CheckOptions extends CommonRunOptions {
  /** Only these checks and codes (transform names, codes, short codes); default: the config's `select`, or all. */
  select?: string[];
  /** Never these checks or codes; default: the config's `ignoreCodes`. */
  ignoreCodes?: string[];
}

/** The transforms `check` runs and with which options. */
export function checksFor(config: RepomodConfig): { entry: RegistryEntry; options: Record<string, unknown> }[] {
  const checks: { entry: RegistryEntry; options: Record<string, unknown> }[] = [];
  for (const entry of registry) {
    const configured = configOptions(config, entry);
    const options = configured ?? entry.meta.checkDefaults;
    if (!options) continue;
    if (entry.meta.options)
      resolveOptions(options, entry.meta.options, config.file ? shownConfig(config.file) : 'check defaults');
    checks.push({ entry, options });
  }
  return checks;
}

function builtinSource(entry: RegistryEntry): TransformSource {
  return { name: entry.meta.name, specifier: entry.modulePath, builtin: true };
}

function configOptions(config: RepomodConfig, entry: RegistryEntry): Record<string, unknown> | undefined {
  for (const key of [entry.meta.name, ...(entry.meta.aliases ?? [])])
    if (config.transforms[key]) return config.transforms[key];
  return undefined;
}

function mergeOptions(
  entry: RegistryEntry,
  config: RepomodConfig,
  given: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const configured = configOptions(config, entry) ?? {};
  // each part validated where it was written, so a message names the file or the flag
  if (entry.meta.options) {
    resolveOptions(configured, entry.meta.options, config.file ? shownConfig(config.file) : 'the config');
    resolveOptions(given, entry.meta.options, 'the given options');
  }
  return { ...configured, ...(given ?? {}) };
}

/** The config file as messages name it: relative to the current directory, as loadConfig does. */
const shownConfig = (file: string) => path.relative(process.cwd(), file) || file;

/** Read the config: an explicit file, none (false), or the nearest one up to the repository root. */
export function readConfig(cwd: string, given: string | false | undefined): RepomodConfig {
  if (given === false) return { transforms: {} };
  const root = gitTopLevel(cwd) ?? cwd;
  const file = given ? path.resolve(cwd, given) : findConfig(cwd, root);
  return loadConfig(
    file,
    registry.flatMap((e) => [e.meta.name, ...(e.meta.aliases ?? [])]),
  );
}

function engineOptions(request: CommonRunOptions, cwd: string, config: RepomodConfig) {
  const cache = resolveCacheDir(gitTopLevel(cwd) ?? cwd, cwd, {
    // --no-cache wins; otherwise --cache-dir turns the cache on whatever the config says
    enabled: request.cache === false ? false : request.cacheDir ? true : config.cache,
    dir: request.cacheDir,
    configured: config.cacheDir && config.file ? { dir: config.cacheDir, shown: shownConfig(config.file) } : undefined,
  });
  if (cache.notice) request.onNotice?.(cache.notice);
  return {
    cacheDir: cache.dir,
    cwd,
    paths: request.paths?.length ? request.paths : (config.paths ?? []),
    mode: request.mode ?? 'dry-run',
    ignore: [...(config.ignore ?? []), ...(request.ignore ?? [])],
    extensions: request.extensions,
    jobs: request.jobs,
    shard: request.shard,
    allowDirty: request.allowDirty,
    sourceRoots: request.sourceRoots,
    maxFileSize:
      request.maxFileSize !== undefined ? parseSize(request.maxFileSize, '--max-file-size') : config.maxFileSize,
    onProgress: request.onProgress,
    signal: request.signal,
    onNotice: request.onNotice,
  };
}

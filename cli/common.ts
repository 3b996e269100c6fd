// Flags every transform command shares, and the one function that turns parsed flags into an
// engine run, prints it and sets the exit code.
import type { Argv } from 'yargs';
import { UsageError } from '../lib/engine/errors.js';
import { parseSize } from '../lib/engine/file-size.js';
import type { CommonRunOptions, RunTransformOptions } from '../api/index.js';
import type { RunMode } from '../lib/engine/engine.js';
import { flagName, type OptionDescriptor } from '../lib/engine/options.js';
import type { TransformMeta } from '../lib/engine/types.js';
import { watchInterrupts } from './interrupts.js';
import { exitCodeFor, printRun, progressReporter, OUTPUT_FORMATS, type OutputFormat } from './output.js';

export interface CommonArgs {
  paths?: string[];
  apply?: boolean;
  check?: boolean;
  json?: boolean;
  format?: OutputFormat;
  color?: boolean;
  ignore?: string[];
  extensions?: string[];
  jobs?: number;
  shard?: string;
  allowDirty?: boolean;
  config?: string;
  verbose?: boolean;
  quiet?: boolean;
  stat?: boolean;
  sourceRoot?: string[];
  maxFileSize?: string;
  /** `--no-cache` sets it false. */
  cache?: boolean;
  cacheDir?: string;
  /** In check mode (`check`, `--check`), print the fixes' diff too; a dry run prints it anyway. */
  diff?: boolean;
  /** `repomod check` only: the checks and codes that count. */
  select?: string[];
  ignoreCode?: string[];
}

/**
 * Add the shared flags to a command: `paths: false` for a command that takes no paths (`move`),
 * `check: false` where --check means nothing (`repomod check` always checks).
 */
export function withCommonOptions<T>(yargs: Argv<T>, { paths = true, check = true } = {}): Argv<T & CommonArgs> {
  const withPaths = paths
    ? yargs.positional('paths', {
        type: 'string',
        array: true,
        describe: "files, directories or globs (default: the config's paths, or .)",
      })
    : yargs;
  const withCheck = check
    ? withPaths.option('check', {
        type: 'boolean',
        describe: 'write nothing; exit 1 if anything would change (CI, pre-commit)',
      })
    : withPaths;
  return withCheck
    .option('apply', {
      type: 'boolean',
      describe: 'write the changes (each file atomically, after every file was processed)',
    })
    .option('diff', {
      type: 'boolean',
      describe: 'with --check: also print the diff that fixes what was found (a dry run prints it anyway)',
    })
    .option('json', {
      type: 'boolean',
      describe: 'print one JSON document instead of the diff (same as --format json)',
    })
    .option('format', {
      type: 'string',
      choices: OUTPUT_FORMATS,
      describe: 'diff (default), json, github (workflow commands), markdown (PR comment), sarif (code scanning)',
    })
    .option('ignore', { type: 'string', coerce: asList, describe: 'gitignore-style pattern to skip (repeatable)' })
    .option('extensions', {
      type: 'string',
      describe: 'only files with these extensions (e.g. py,ts; repeatable)',
      coerce: splitList,
    })
    .option('jobs', {
      alias: 'j',
      type: 'number',
      describe: 'threads transforming files, the main one included (default: the number of cores)',
    })
    .option('shard', { type: 'string', describe: 'process slice I of N of the files, e.g. 2/4' })
    .option('allow-dirty', { type: 'boolean', describe: 'let --apply write files that have uncommitted changes' })
    .option('config', { type: 'string', describe: 'config file (default: nearest repomod.config.json)' })
    .option('source-root', {
      type: 'string',
      coerce: asList,
      describe: 'extra Python source root, repo-relative (repeatable)',
    })
    .option('max-file-size', {
      type: 'string',
      describe: 'skip files larger than this with a warning, unparsed: 10MB (default), 500k, bytes',
    })
    .option('verbose', { type: 'boolean', describe: 'show info diagnostics and full stack traces' })
    .option('quiet', {
      alias: 'q',
      type: 'boolean',
      describe: 'on stderr, only errors (and in --check the files that would change); the exit code says the rest',
    })
    .option('stat', { type: 'boolean', describe: 'print a git diff --stat table instead of the patch' })
    .option('cache', {
      type: 'boolean',
      describe: 'keep parse results of unchanged files between runs (default; --no-cache to turn off)',
    })
    .option('cache-dir', {
      type: 'string',
      describe: 'folder of that cache (default: .git/repomod/cache, or node_modules/.cache/repomod outside git)',
    })
    .middleware((argv) => {
      const parsed = argv as { '--'?: unknown[]; paths?: string[] };
      if (parsed['--']?.length) parsed.paths = [...(parsed.paths ?? []), ...parsed['--'].map(String)];
    })
    .check((argv) => {
      // an empty path would mean "everything" further down: a script's empty variable must not widen the run
      if ((argv.paths as string[] | undefined)?.some((p) => p === ''))
        throw new UsageError(
          "an empty path ('') was given",
          'give files, directories or globs, or none for the current directory',
        );
      if (argv.json && argv.format && argv.format !== 'json')
        throw new UsageError(`--json and --format ${argv.format} cannot be used together`, 'choose one output format');
      if (argv.apply && argv.check)
        throw new UsageError('--apply and --check cannot be used together', 'use --check in CI and --apply to write');
      if (argv.quiet && argv.verbose)
        throw new UsageError('--quiet and --verbose cannot be used together', 'choose one');
      if (argv.shard !== undefined) parseShard(String(argv.shard));
      if (argv.maxFileSize !== undefined) parseSize(argv.maxFileSize, '--max-file-size');
      if (argv.jobs !== undefined && (!Number.isInteger(argv.jobs) || (argv.jobs as number) < 1))
        throw new UsageError(`--jobs must be a positive integer, got ${argv.jobs}`, 'e.g. --jobs 4');
      return true;
    }) as unknown as Argv<T & CommonArgs>;
}

/**
 * What every command's --help shares: it ends with `examples` (two or three real command lines),
 * and lists only what the command takes: --version belongs to `repomod` itself, and --color
 * (accepted everywhere, so scripts can pass it uniformly) is hidden where nothing is coloured.
 */
export function withHelp<T>(
  yargs: Argv<T>,
  examples: readonly (readonly [string, string])[],
  { colour = true } = {},
): Argv<T> {
  let shown = yargs.version(false);
  if (!colour) shown = shown.hide('color');
  for (const [command, description] of examples) shown = shown.example(command, description);
  return shown;
}

/** Add one flag per option descriptor of a transform. */
export function withTransformOptions<T>(yargs: Argv<T>, descriptors: readonly OptionDescriptor[] = []): Argv<T> {
  for (const d of descriptors) {
    yargs = yargs.option(flagName(d.name), {
      describe: d.description,
      type: d.type === 'string[]' ? 'string' : d.type,
      // repeatable, one value per flag: an array option would swallow the paths that follow
      coerce: d.type === 'string[]' ? asList : undefined,
      choices: d.choices as string[] | undefined,
      alias: d.alias,
    }) as Argv<T>;
  }
  return yargs;
}

/** A flag given once is a string, given twice an array: always hand on an array. */
export function asList(values: unknown): string[] {
  return (Array.isArray(values) ? values : [values]).map(String);
}

/** `--select a,b --select c` ➔ ['a', 'b', 'c'], kept as written (codes hold no dots to strip). */
export function splitCodes(values: unknown): string[] {
  return asList(values)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

export function splitList(values: string[] | string): string[] {
  return (Array.isArray(values) ? values : [values])
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim().replace(/^\./, ''))
    .filter(Boolean);
}

export function parseShard(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(
      `--shard must be I/N with 1 ≤ I ≤ N, got '${text}'`,
      'e.g. --shard 1/4 on the first of four CI jobs',
    );
  }
  return { index, count };
}

/**
 * The command that shows this run's whole diff, for reports that point people at it: the
 * command as typed, minus output and mode flags (a dry run prints the diff; `check` needs --diff).
 */
export function reviewCommand(argv: readonly string[] = process.argv.slice(2)): string {
  const args = argv.filter(
    (a, i, all) => !/^--(json|format(=.*)?|color|no-color|check|apply|diff)$/.test(a) && all[i - 1] !== '--format',
  );
  if (args[0] === 'check') args.push('--diff');
  return ['repomod', ...args].join(' ');
}

export function modeOf(args: CommonArgs): RunMode {
  return args.apply ? 'apply' : args.check ? 'check' : 'dry-run';
}

/** The transform options given as flags (descriptors of a built-in transform). */
export function flagOptions(args: Record<string, unknown>, meta: TransformMeta | undefined): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const d of meta?.options ?? []) if (args[d.name] !== undefined) options[d.name] = args[d.name];
  return options;
}

export interface RunRequest {
  args: CommonArgs;
  /** A built-in's name, a transform path or package; absent for `repomod check`. */
  transform?: string;
  /** Options given on the command line (the config's are merged under them by the API). */
  transformOptions: Record<string, unknown>;
  /** `run -t`: how the stock runner's flags load and parse a third-party transform. */
  runner?: Pick<RunTransformOptions, 'parser' | 'parserConfig' | 'babel'>;
}

type RunHandler = (request: RunRequest) => Promise<void>;
let runHandler: RunHandler = runAndPrint;

/** Tests parse command lines without running anything: they receive the request instead. */
export function interceptRuns(handler: RunHandler | undefined): void {
  runHandler = handler ?? runAndPrint;
}

/** Hand a parsed command to the engine (or to a test's interceptor). */
export function executeRun(request: RunRequest): Promise<void> {
  return runHandler(request);
}

/** Run the engine for a command, print, and set process.exitCode. */
async function runAndPrint(request: RunRequest): Promise<void> {
  const { args } = request;
  const api = await import('../api/index.js');
  const interrupts = watchInterrupts();
  const common: CommonRunOptions = {
    cwd: process.cwd(),
    paths: args.paths,
    mode: modeOf(args),
    ignore: args.ignore,
    extensions: args.extensions,
    jobs: args.jobs,
    shard: args.shard ? parseShard(args.shard) : undefined,
    allowDirty: args.allowDirty,
    sourceRoots: args.sourceRoot,
    maxFileSize: args.maxFileSize,
    config: args.config,
    cache: args.cache,
    cacheDir: args.cacheDir,
    onProgress: progressReporter(process.stderr),
    signal: interrupts.signal,
    onNotice: (text) => void process.stderr.write(`repomod: ${text}\n`),
  };
  // an interruption before the commit propagates to main(), which says so and sets 130 or 143
  const result = request.transform
    ? await api.runTransform({
        ...common,
        ...request.runner,
        transform: request.transform,
        options: request.transformOptions,
      })
    : await api.check({
        ...common,
        mode: args.apply ? 'apply' : 'check',
        select: args.select,
        ignoreCodes: args.ignoreCode,
      });
  await printRun(
    result,
    { stdout: process.stdout, stderr: process.stderr },
    {
      format: args.json ? 'json' : (args.format ?? 'diff'),
      command: reviewCommand(),
      // --stat asks for the table of what would change: in check mode too, like --diff for the patch
      patchInCheck: Boolean(args.diff || args.stat),
      color: args.color ?? Boolean(process.stdout.isTTY),
      verbose: Boolean(args.verbose),
      quiet: Boolean(args.quiet),
      stat: Boolean(args.stat),
    },
  );
  process.exitCode = exitCodeFor(result);
  const interrupted = interrupts.exitCode();
  if (interrupted !== undefined) {
    // the signal came during the commit, which was finished rather than cut in half
    if (result.written.length > 0)
      process.stderr.write(
        `repomod: interrupted after the commit had begun; it was finished: all ${result.written.length} paths were written\n`,
      );
    process.exitCode = interrupted;
  }
}

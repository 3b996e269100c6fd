// `repomod run -t <transform>`: any jscodeshift transform, file or package, JS or TS, with the
// stock jscodeshift runner's flags and its way of passing unknown flags to the transform.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { CommandModule } from 'yargs';
import { ConfigError, UsageError } from '../../lib/engine/errors.js';
import { STOCK_EXTENSIONS, STOCK_PARSERS } from '../../lib/engine/stock-defaults.js';
import { asList, executeRun, withCommonOptions, withHelp, type CommonArgs } from '../common.js';
import { splitStockArgs } from '../stock-args.js';

interface RunArgs extends CommonArgs {
  transform: string;
  transformOption?: string[];
  parser?: string;
  parserConfig?: string;
  babel?: boolean;
  dry?: boolean;
  print?: boolean;
  cpus?: number;
  runInBand?: boolean;
  ignorePattern?: string[];
  ignoreConfig?: string[];
  gitignore?: boolean;
  silent?: boolean;
  failOnError?: boolean;
  stdin?: boolean;
  '--'?: string[];
}

/** `key=value` pairs; values stay strings unless they are JSON (numbers, booleans, lists). */
export function parseTransformOptions(pairs: readonly string[] = []): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0)
      throw new ConfigError(`--transform-option '${pair}' is not key=value`, 'e.g. --transform-option quote=single');
    const key = pair.slice(0, eq);
    const raw = pair.slice(eq + 1);
    let value: unknown = raw;
    if (/^(true|false|null|-?\d+(\.\d+)?|\[.*\]|\{.*\})$/.test(raw)) {
      try {
        value = JSON.parse(raw);
      } catch {
        value = raw;
      }
    }
    // repeated keys collect into a list, as the stock runner's parser does
    options[key] = key in options ? [options[key], value].flat() : value;
  }
  return options;
}

/** What `repomod run --help` ends with. */
const RUN_EXAMPLES: [string, string][] = [
  [
    '$0 run -t ./transforms/rename-logger.ts src',
    'a local jscodeshift transform, TypeScript or JavaScript, as a dry run',
  ],
  [
    '$0 run -t @company/codemods/v2-api --transform-option quote=single --apply',
    'a transform from a package, with an option, written',
  ],
  ['$0 run -t fix-call-syntax --check', 'a built-in by name, as a CI check'],
];

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run [paths..]',
  describe: 'run any jscodeshift transform (a file or package, JS or TS) over the repository',
  builder: (yargs) => {
    const built = withCommonOptions(yargs)
      // unknown flags are the transform's (stock's contract): yargs hands them over raw, among the paths
      .parserConfiguration({ 'populate--': true, 'unknown-options-as-args': true })
      .option('jobs', {
        type: 'number',
        describe:
          'worker threads (default: cores - 1 for a third-party transform, as jscodeshift; the cores for a built-in)',
      })
      .option('transform', {
        alias: 't',
        type: 'string',
        demandOption: true,
        describe: 'transform file, package, or built-in name',
      })
      .option('transform-option', {
        type: 'string',
        coerce: asList,
        describe:
          'key=value passed to the transform (repeatable); any other --name[=value] is passed too, as jscodeshift does',
      })
      .option('parser', {
        type: 'string',
        choices: STOCK_PARSERS,
        describe: 'parser for every file, as jscodeshift --parser (default: by extension: ts, tsx, else babel)',
      })
      .option('parser-config', {
        type: 'string',
        describe: 'JSON file of parser options for babylon or flow, as jscodeshift --parser-config',
      })
      .option('babel', {
        type: 'boolean',
        describe:
          "load the transform through @babel/register, as jscodeshift does (default; --no-babel: Node's own require)",
      })
      .option('dry', {
        alias: 'd',
        type: 'boolean',
        describe: "jscodeshift's --dry: write nothing (repomod's default anyway)",
      })
      .option('print', {
        alias: 'p',
        type: 'boolean',
        describe: 'accepted for jscodeshift scripts (options.print); the dry run prints the diff',
      })
      .option('cpus', {
        alias: 'c',
        type: 'number',
        describe: "jscodeshift's --cpus: at most N workers (and at most cores - 1), as --jobs",
      })
      .option('run-in-band', {
        type: 'boolean',
        describe: "jscodeshift's --run-in-band: everything in-process, as --jobs 1",
      })
      .option('ignore-pattern', {
        type: 'string',
        coerce: asList,
        describe: "jscodeshift's --ignore-pattern: as --ignore (repeatable)",
      })
      .option('ignore-config', {
        type: 'string',
        coerce: asList,
        describe: 'file of gitignore-style patterns to skip, as jscodeshift --ignore-config (repeatable)',
      })
      .option('gitignore', {
        type: 'boolean',
        describe: 'accepted for jscodeshift scripts: .gitignore is always honoured',
      })
      .option('silent', { alias: 's', type: 'boolean', describe: "jscodeshift's --silent: as --quiet" })
      .option('fail-on-error', {
        type: 'boolean',
        describe: 'accepted for jscodeshift scripts: a failed file always exits 1',
      })
      .option('stdin', { type: 'boolean', describe: 'read the paths from stdin, one a line, as jscodeshift --stdin' });
    // getOptions is yargs's (untyped) view of the declared options, aliases included
    ownFlags = Object.keys(
      (built as unknown as { getOptions(): { key: Record<string, unknown> } }).getOptions().key,
    ).filter((key) => key.length > 1 && !/[A-Z]/.test(key));
    return withHelp(built, RUN_EXAMPLES) as never;
  },
  handler: async (args) => {
    const literal = args['--'] ?? [];
    // the common middleware appended the paths after `--`: those are paths whatever they look like
    const given = (args.paths ?? []).slice(0, (args.paths?.length ?? 0) - literal.length);
    const { paths, options: passed } = splitStockArgs(given);
    if (!args.quiet && !args.silent) await warnNearMisses(Object.keys(passed));
    args.paths = [...paths, ...literal, ...(args.stdin ? readStdinPaths() : [])];
    if (args.dry && args.apply)
      throw new UsageError(
        '--dry and --apply cannot be used together',
        'drop --dry: a run without --apply writes nothing',
      );
    const ignoreConfig = args.ignoreConfig ?? [];
    args.ignore = [...(args.ignore ?? []), ...(args.ignorePattern ?? []), ...ignoreConfig.flatMap(readIgnoreFile)];
    // stock: --cpus N gives min(N, cores - 1) workers
    if (args.jobs === undefined && args.runInBand) args.jobs = 1;
    else if (args.jobs === undefined && args.cpus !== undefined)
      args.jobs = Math.max(1, Math.min(args.cpus, os.availableParallelism() - 1));
    if (args.silent) args.quiet = true;
    const parserConfig = args.parserConfig === undefined ? undefined : readParserConfig(args.parserConfig);
    const { findTransform } = await import('../../api/registry.js');
    if (findTransform(args.transform)) {
      // a built-in validates its own options: an unknown flag is an error there, not a pass-through
      await executeRun({
        args,
        transform: args.transform,
        transformOptions: { ...passed, ...parseTransformOptions(args.transformOption) },
      });
      return;
    }
    // the keys stock's runner passes every transform, then the unknown flags, then --transform-option
    const stockKeys: Record<string, unknown> = {
      transform: args.transform,
      verbose: args.verbose ? 2 : 0,
      dry: !args.apply,
      print: Boolean(args.print),
      babel: args.babel !== false,
      extensions: (args.extensions?.length ? args.extensions : STOCK_EXTENSIONS).join(','),
      ignorePattern: args.ignorePattern ?? [],
      ignoreConfig,
      gitignore: Boolean(args.gitignore),
      runInBand: Boolean(args.runInBand),
      silent: Boolean(args.silent),
      ...(args.parser ? { parser: args.parser } : {}),
      failOnError: Boolean(args.failOnError),
      stdin: Boolean(args.stdin),
      ...(args.cpus !== undefined ? { cpus: args.cpus } : {}),
      ...(parserConfig ? { parserConfig } : {}),
    };
    await executeRun({
      args,
      transform: args.transform,
      transformOptions: { ...stockKeys, ...passed, ...parseTransformOptions(args.transformOption) },
      runner: { parser: args.parser, parserConfig, babel: args.babel },
    });
  },
};

/** run's own long flags, as yargs knows them once the builder has run. */
let ownFlags: string[] = [];

/**
 * An unknown flag is the transform's, as under stock; but `--chek` passed to the transform would
 * turn a CI gate into a dry run that exits 0, so a near miss of repomod's own flag is said.
 */
async function warnNearMisses(names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  const { editDistance } = await import('../../lib/text/edit-distance.js');
  for (const name of names) {
    const near = ownFlags.find(
      (flag) =>
        flag !== name && name.length > 2 && editDistance(name, flag) <= Math.max(1, Math.floor(flag.length / 4)),
    );
    if (near)
      process.stderr.write(
        `repomod: warning: --${name} is not a flag of repomod run; it is passed to the transform (did you mean --${near}?)\n`,
      );
  }
}

function readParserConfig(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read --parser-config '${file}' (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      'give the path of a JSON file of parser options',
    );
  }
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(
      `--parser-config '${file}' is not JSON (${(error as Error).message})`,
      'e.g. {"plugins": ["jsx", "typescript"]}',
    );
  }
}

/** An ignore file's patterns, as stock's ignoreFiles reads them: one a line, `#` comments dropped. */
function readIgnoreFile(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read --ignore-config '${file}' (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      'give the path of a gitignore-style file',
    );
  }
  return text.split(/\r?\n/).filter((line) => line !== '' && !line.startsWith('#'));
}

/** `--stdin`: one path a line; blank lines (a final newline) name nothing. */
function readStdinPaths(): string[] {
  return readFileSync(0, 'utf8')
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line !== '');
}

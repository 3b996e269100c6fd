#!/usr/bin/env node
// repomod's command line: parse, dispatch, print known errors as two lines, set the exit code.
// Heavy modules (jscodeshift, tree-sitter, the engine) load inside command handlers only.
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Argv } from 'yargs';
import { isKnownError } from '../lib/engine/errors.js';
import { packageInfo } from '../lib/engine/package-info.js';
import { guardStdout, stdoutFailure } from './stdout-guard.js';

export async function main(argv: string[]): Promise<void> {
  // the two commands scripts call most answer before yargs (a tenth of a second) is loaded
  if (argv.length === 1 && argv[0] === '--version') {
    process.stdout.write(`${packageInfo().version}\n`);
    return;
  }
  if (argv.length === 1 && argv[0] === 'list') {
    const { listText } = await import('./commands/list.js');
    process.stdout.write(listText());
    return;
  }
  const verbose = argv.includes('--verbose');
  // the signal handlers (and the write layer they clean up) load after the fast answers above:
  // they were 17 of the 20 modules `--version` loaded
  const { isInterruption, watchInterrupts } = await import('./interrupts.js');
  const interrupts = watchInterrupts();
  guardStdout();
  try {
    await (await buildParser(argv)).parseAsync();
    await drained(process.stdout);
    const lost = stdoutFailure();
    if (lost) {
      process.stderr.write(
        `repomod: error: ${lost}\nhelp: write the output to a file on a disk with space, or pipe it elsewhere\n`,
      );
      process.exitCode = 1;
    }
  } catch (error) {
    if (interrupts.signal.aborted || isInterruption(error)) {
      process.stderr.write('repomod: interrupted: nothing was written\n');
      process.exitCode = interrupts.exitCode() ?? 130;
      return;
    }
    if (isKnownError(error)) {
      process.stderr.write(`repomod: error: ${error.message}\nhelp: ${error.help}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(`repomod: internal error: ${verbose ? (error as Error)?.stack : trimStack(error)}\n`);
    process.stderr.write('help: this is a bug in repomod or in the transform; rerun with --verbose and report it\n');
    process.exitCode = 1;
  }
}

/** The yargs parser with every command registered; `main` runs it, tests parse with it. */
export async function buildParser(argv: string[]) {
  const [
    { default: yargs },
    { registry },
    { extraCommands },
    { transformCommand },
    { usageErrorFor },
    { editDistance },
  ] = await Promise.all([
    import('yargs'),
    import('../api/registry.js'),
    import('./commands/index.js'),
    import('./commands/transform.js'),
    import('./usage-errors.js'),
    import('../lib/text/edit-distance.js'),
  ]);
  const parser: Argv = yargs(argv)
    .scriptName('repomod')
    .usage(
      '$0 <command> [paths..] [options]\n\nDry run by default: prints a git-style diff. --apply writes, --check fails when anything would change.',
    )
    .version(packageInfo().version)
    // every command accepts --color/--no-color, so scripts can pass it uniformly
    .option('color', {
      type: 'boolean',
      global: true,
      describe: 'colour the output (default: when stdout is a terminal)',
    })
    // paths after `--` are paths, even when they start with '-'
    .parserConfiguration({ 'populate--': true })
    .strict()
    .demandCommand(1, "give a command; run 'repomod list' for the transforms")
    .recommendCommands()
    .example('$0 init', 'propose a config for this repository (--apply writes it)')
    .example('$0 rewrite-imports --map pipeline.common.util=common.util', 'a dry run: the diff, nothing written')
    .example('$0 check', 'every enabled check; exit 1 on findings (CI, pre-commit)')
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((message, error) => {
      if (error) throw error;
      // yargs is inside the command that failed: its path and options are the ones the user needs
      const current = parser as unknown as YargsInternals;
      throw usageErrorFor(
        message ?? 'invalid command line',
        {
          commands: current.getInternalMethods().getContext().commands,
          options: Object.keys(current.getOptions().key),
          argv,
        },
        editDistance,
      );
    });
  skipHelpRendering(parser);
  for (const command of extraCommands) parser.command(command);
  for (const entry of registry) parser.command(transformCommand(entry));
  return parser;
}

/** What yargs knows of the command being parsed; untyped in @types/yargs, stable since yargs 17. */
interface YargsInternals {
  getInternalMethods(): { getContext(): { commands: string[] } };
  getOptions(): { key: Record<string, unknown> };
}

/**
 * yargs renders a command's whole help right after starting its handler, in case a later failure
 * shows it; repomod's failures never show help (the fail handler throws), and that rendering
 * was a sixth of a one-file `check`. `--help` itself is rendered on its own path, unaffected.
 */
function skipHelpRendering(parser: object): void {
  const internals = (
    parser as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } }
  ).getInternalMethods?.();
  const usage = internals?.getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
}

/** Wait until what was written to a pipe has been handed to the OS (or failed). */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  // a failed write reports its error on a later turn, even on a synchronous stream
  return new Promise((resolve) => {
    if (stream.writableLength === 0 || stream.destroyed) return void setImmediate(resolve);
    stream.once('drain', resolve);
    stream.once('error', () => resolve());
    stream.once('close', resolve);
  });
}

/** Drop engine and dependency frames: the user's transform frames are what matter. */
function trimStack(error: unknown): string {
  const stack = (error as Error)?.stack ?? String(error);
  return stack
    .split('\n')
    .filter((line, i) => i === 0 || !/node_modules|node:internal|\/dist\/(lib|cli)\//.test(line))
    .join('\n');
}

// run only as the program, not when a test imports buildParser
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href)
  await main(process.argv.slice(2));

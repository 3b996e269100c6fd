#!/usr/bin/env node
// repomod's command line: parse, dispatch, print known errors as two lines, set the exit code.
// Heavy modules (jscodeshift, tree-sitter, the engine) load inside command handlers only.
import { readFileSync } from 'node:fs';
import { isKnownError, UsageError } from '../lib/errors.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export async function main(argv: string[]): Promise<void> {
  // the two commands scripts call most answer before yargs (a tenth of a second) is loaded
  if (argv.length === 1 && argv[0] === '--version') {
    process.stdout.write(`${pkg.version}\n`);
    return;
  }
  if (argv.length === 1 && argv[0] === 'list') {
    const { listText } = await import('./commands/list.js');
    process.stdout.write(listText());
    return;
  }
  const verbose = argv.includes('--verbose');
  const [{ default: yargs }, { registry }, { extraCommands }, { transformCommand }] = await Promise.all([
    import('yargs'),
    import('../transforms/index.js'),
    import('./commands/index.js'),
    import('./commands/transform.js'),
  ]);
  const parser = yargs(argv)
    .scriptName('repomod')
    .usage('$0 <command> [paths..] [options]\n\nDry run by default: prints a git-style diff. --apply writes, --check fails when anything would change.')
    .version(pkg.version)
    .strict()
    .demandCommand(1, 'give a command; run \'repomod list\' for the transforms')
    .recommendCommands()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((message, error) => {
      if (error) throw error;
      throw new UsageError(message ?? 'invalid command line', "run 'repomod --help' for usage");
    });
  for (const command of extraCommands) parser.command(command);
  for (const entry of registry) parser.command(transformCommand(entry));
  try {
    await parser.parseAsync();
  } catch (error) {
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

/** Drop engine and dependency frames: the user's transform frames are what matter. */
function trimStack(error: unknown): string {
  const stack = (error as Error)?.stack ?? String(error);
  return stack
    .split('\n')
    .filter((line, i) => i === 0 || !/node_modules|node:internal|\/dist\/(lib|cli)\//.test(line))
    .join('\n');
}

await main(process.argv.slice(2));

// `repomod bundle` argument parsing as a table: nothing runs, handlers are replaced.
import yargs, { type CommandModule } from 'yargs';
import { describe, expect, it } from 'vitest';
import { buildCommand, checkCommand, closureCommand } from '../../../../cli/commands/bundle.js';

const quiet = <T>(command: CommandModule<object, T>): CommandModule<object, T> => ({ ...command, handler: () => {} });

async function parse(line: string): Promise<Record<string, unknown>> {
  return yargs(line.split(' '))
    .command('bundle <command>', 'bundle', (y) =>
      y.command(quiet(buildCommand)).command(quiet(checkCommand)).command(quiet(closureCommand)).demandCommand(1),
    )
    .strict()
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new Error(message);
    })
    .parseAsync();
}

describe('bundle arguments', () => {
  it.each([
    'bundle build functions/fn_a --out build/fn_a',
    'bundle build functions/fn_a --out build/fn_a --force --allow-outside --json',
    'bundle check functions/fn_a',
    'bundle closure fn_a/main.py',
    'bundle closure fn_a/main.py --package-root fn_a --unused --json',
    'bundle closure fn_a/main.py --fix links --apply --allow-dirty',
    'bundle closure fn_a/main.py --ignore-module functions_framework --ignore-module google.cloud.logging',
    'bundle closure fn_a/main.py --python .venv/bin/python',
  ])('accepts %s', async (line) => {
    await expect(parse(line)).resolves.toBeTruthy();
  });

  it.each([
    ['bundle build functions/fn_a', /out/],
    ['bundle build', /Not enough non-option arguments/],
    ['bundle closure fn_a/main.py --fix zip', /Invalid values|choices/i],
    ['bundle closure fn_a/main.py --apply', /--apply needs --fix/],
    ['bundle check fn_a --bogus', /Unknown argument/i],
    ['bundle publish fn_a', /Unknown argument|publish/i],
  ])('refuses %s', async (line, message) => {
    await expect(parse(line)).rejects.toThrow(message);
  });

  it('reads the closure flags', async () => {
    const args = await parse('bundle closure fn_a/main.py --fix copies --ignore-module a,b --source-root src');
    expect([args.entry, args.fix, args.ignoreModule, args.sourceRoot]).toEqual([
      'fn_a/main.py',
      'copies',
      ['a', 'b'],
      ['src'],
    ]);
  });
});

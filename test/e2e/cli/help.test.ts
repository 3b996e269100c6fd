// --help of every command: it ends with two or three real examples, and lists only the options
// that command takes (--version only at the top, no --check on `check`, no --color where nothing
// is coloured). Mistyped options get the nearest one and the command's own help.
import { afterAll, describe, expect, it } from 'vitest';
import { buildParser } from '../../../cli/index.js';
import { interceptRuns, type RunRequest } from '../../../cli/common.js';
import { extraCommands } from '../../../cli/commands/index.js';
import { buildCommand, checkCommand as bundleCheck, closureCommand } from '../../../cli/commands/bundle.js';
import { isKnownError } from '../../../lib/engine/errors.js';
import { registry } from '../../../transforms/index.js';
import { repomodInProcess } from '../../helpers/cli.js';
import { repoWith } from '../../helpers/tree.js';

let captured: RunRequest | undefined;
interceptRuns(async (request) => {
  captured = request;
});
afterAll(() => interceptRuns(undefined));

const nameOf = (command: unknown) => String(command).split(' ')[0];

/** Every command path: the extra commands, bundle's subcommands, one per built-in transform. */
const COMMANDS: string[][] = [
  ...extraCommands.map((c) => [nameOf(c.command)]),
  ...[buildCommand, bundleCheck, closureCommand].map((c) => ['bundle', nameOf(c.command)]),
  ...registry.map((e) => [e.meta.name]),
];
/** Commands that run the engine (and print a patch): they share the output flags. */
const ENGINE = new Set(['check', 'run', 'move', ...registry.map((e) => e.meta.name)]);
/** Commands that colour nothing. */
const UNCOLOURED = new Set(['list', 'explain', 'recover', 'bundle']);

/** What `repomod <args>` prints for --help, without printing it. */
async function helpOf(args: string[]): Promise<string> {
  // unwrapped, so that each example is one line whatever the terminal's width
  const parser = (await buildParser(args)).wrap(null);
  return new Promise((resolve, reject) => {
    parser
      .exitProcess(false)
      .parse(args, {}, (error: Error | undefined, _argv: unknown, output: string) =>
        error ? reject(error) : resolve(output),
      );
  });
}

/** The options a help text lists (`--name` at the start of an option line). */
const optionsIn = (help: string) => [...help.matchAll(/^ {2,}(?:-\w, )?--([\w-]+)/gm)].map((m) => m[1]);

/** The example command lines: the `Examples:` section is the last, one entry per `  repomod` line. */
function examplesIn(help: string): string[] {
  const section = help.slice(help.lastIndexOf('\nExamples:\n'));
  return section
    .split('\n')
    .filter((line) => line.startsWith('  repomod '))
    .map((line) => line.trim().split(/ {2,}/)[0]);
}

async function parse(line: string): Promise<RunRequest | undefined> {
  captured = undefined;
  const args = line.split(' ').filter(Boolean);
  await (await buildParser(args)).exitProcess(false).parseAsync();
  return captured;
}

async function failure(line: string): Promise<[string, string]> {
  try {
    await parse(line);
  } catch (error) {
    if (isKnownError(error)) return [error.message, error.help];
    throw error;
  }
  throw new Error(`'${line}' parsed`);
}

describe('--help of every command', () => {
  it.each(COMMANDS.map((c) => [c.join(' ')]))(
    'repomod %s --help: examples last, only its own options',
    async (command) => {
      const path = command.split(' ');
      const help = await helpOf([...path, '--help']);
      const examples = examplesIn(help);
      expect(examples.length).toBeGreaterThanOrEqual(2);
      expect(examples.length).toBeLessThanOrEqual(3);
      // the examples end the text, and each one is this command
      expect(help.lastIndexOf('\nExamples:\n')).toBeGreaterThan(help.lastIndexOf('\nOptions:\n'));
      for (const example of examples)
        expect(example.startsWith(`repomod ${command}`) || (command === 'list' && example.startsWith('repomod '))).toBe(
          true,
        );
      const options = optionsIn(help);
      expect(options).toContain('help');
      expect(options).not.toContain('version');
      if (command === 'check') expect(options).not.toContain('check');
      if (UNCOLOURED.has(path[0])) expect(options).not.toContain('color');
      if (ENGINE.has(command))
        for (const shared of ['diff', 'quiet', 'stat', 'apply', 'color']) expect(options).toContain(shared);
    },
  );

  it('the top level lists --version and ends with examples of the first commands', async () => {
    const help = await helpOf(['--help']);
    expect(optionsIn(help)).toContain('version');
    expect(examplesIn(help).map((e) => e.split(' ')[1])).toEqual(['init', 'rewrite-imports', 'check']);
  });

  it.each([...registry.map((e) => e.meta.name), 'check', 'run', 'move'])(
    'the examples of %s parse into a run',
    async (command) => {
      for (const example of examplesIn(await helpOf([command, '--help']))) {
        const request = await parse(example.replace(/^repomod /, ''));
        expect(request, example).toBeDefined();
      }
    },
  );
});

describe("options: did you mean, and the command's own help", () => {
  it.each([
    [
      'check --aply',
      "unknown option '--aply' for 'repomod check'",
      "did you mean --apply? run 'repomod check --help' for its options and examples",
    ],
    [
      'rewrite-imports --mapp a=b',
      "unknown option '--mapp' for 'repomod rewrite-imports'",
      "did you mean --map? run 'repomod rewrite-imports --help' for its options and examples",
    ],
    [
      'calls --kep first',
      "unknown option '--kep' for 'repomod calls'",
      "did you mean --keep? run 'repomod calls --help' for its options and examples",
    ],
    [
      'bundle closure fn/main.py --fx links',
      "unknown option '--fx' for 'repomod bundle closure'",
      "did you mean --fix? run 'repomod bundle closure --help' for its options and examples",
    ],
    [
      'check --check',
      "unknown option '--check' for 'repomod check'",
      "run 'repomod check --help' for its options and examples",
    ],
    [
      'check --zzzzzzzz',
      "unknown option '--zzzzzzzz' for 'repomod check'",
      "run 'repomod check --help' for its options and examples",
    ],
    [
      'move a',
      'Not enough non-option arguments: got 1, need at least 2',
      "run 'repomod move --help' for its options and examples",
    ],
    ['chek', "unknown command 'chek'", "did you mean 'check'? run 'repomod --help' for the commands"],
    [
      'frobnicate',
      "unknown command 'frobnicate'",
      "run 'repomod --help' for the commands, 'repomod list' for the transforms",
    ],
  ])('%s', async (line, message, help) => {
    expect(await failure(line)).toEqual([message, help]);
  });

  it.each([
    'fix-call-syntax --check --diff',
    'rewrite-imports --map a=b --diff',
    'move a b --diff',
    'run -t x.js --check --diff',
    'check --diff',
  ])('--diff is accepted: %s', async (line) => {
    expect((await parse(line))?.args.diff).toBe(true);
  });
});

describe('--diff with --check, as on check', () => {
  it('a transform command prints the fix that git apply accepts and still exits 1', async () => {
    const repo = repoWith({ 'svc/log.py': 'import logging\nlogging.error("x", exc_info=True, exc_info=True)\n' });
    const plain = await repomodInProcess(repo, ['fix-call-syntax', '--check']);
    expect([plain.code, plain.stdout]).toEqual([1, '']);
    const shown = await repomodInProcess(repo, ['fix-call-syntax', '--check', '--diff']);
    expect(shown.code).toBe(1);
    expect(shown.stdout).toContain(
      '-logging.error("x", exc_info=True, exc_info=True)\n+logging.error("x", exc_info=True)\n',
    );
    expect(shown.stdout).toBe((await repomodInProcess(repo, ['fix-call-syntax'])).stdout);
    // --stat in check mode: the table of what would change, and still exit 1
    const stat = await repomodInProcess(repo, ['check', '--stat']);
    expect([stat.code, stat.stdout]).toEqual([
      1,
      ' svc/log.py | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n',
    ]);
  });
});

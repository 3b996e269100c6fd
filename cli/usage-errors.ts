// yargs' validation failures as repomod's two-line usage errors: an unknown option gets the
// nearest option of the same command ("did you mean --apply?"), and every error points at the
// help of the command that was typed (`repomod check --help`), not the top-level one.
import { UsageError } from '../lib/engine/errors.js';

export interface FailureContext {
  /** The command path yargs was in: [] at the top level, ['bundle', 'closure'] for a subcommand. */
  commands: readonly string[];
  /** Every option key that command accepts (yargs also lists camelCase copies and aliases). */
  options: readonly string[];
  /** The command line as typed. */
  argv: readonly string[];
}

/** Turn a yargs failure message into a UsageError whose help names the command's own help. */
export function usageErrorFor(
  message: string,
  context: FailureContext,
  distance: (a: string, b: string) => number,
): UsageError {
  // recommendCommands' message for a mistyped command: say what was typed, then the suggestion
  const mistyped = /^Did you mean (.+)\?$/.exec(message);
  if (mistyped)
    return new UsageError(
      `unknown command '${context.argv.find((a) => !a.startsWith('-'))}'`,
      `did you mean '${mistyped[1]}'? run 'repomod --help' for the commands`,
    );
  const typedCommand = context.argv.find((a) => !a.startsWith('-'));
  if (context.commands.length === 0 && typedCommand && message === `Unknown argument: ${typedCommand}`) {
    return new UsageError(
      `unknown command '${typedCommand}'`,
      "run 'repomod --help' for the commands, 'repomod list' for the transforms",
    );
  }
  const command = ['repomod', ...context.commands].join(' ');
  const help = context.commands.length
    ? `run '${command} --help' for its options and examples`
    : "run 'repomod --help' for usage";
  const unknown = /^Unknown arguments?: (.*)$/.exec(message);
  const flags = unknown
    ? unknown[1]
        .split(', ')
        .map((name) => typedFlag(name, context.argv))
        .filter((f): f is string => f !== undefined)
    : [];
  if (flags.length === 0) return new UsageError(message, help);
  const known = context.options.filter((o) => o.length > 1 && !/[A-Z]/.test(o));
  const suggestions = flags
    .map((flag) => nearest(flag.replace(/^-+/, ''), known, distance))
    .filter((s): s is string => s !== undefined);
  const what =
    flags.length === 1 ? `unknown option '${flags[0]}'` : `unknown options ${flags.map((f) => `'${f}'`).join(', ')}`;
  const hint = suggestions.length ? `did you mean ${[...new Set(suggestions)].map((s) => `--${s}`).join(', ')}? ` : '';
  return new UsageError(`${what} for '${command}'`, `${hint}${help}`);
}

/** How the user typed an unknown name, when it was a flag (`--aply`, `--aply=x`, `-x`). */
function typedFlag(name: string, argv: readonly string[]): string | undefined {
  for (const arg of argv) {
    if (arg === '--') break;
    const flag = arg.split('=')[0];
    if (flag === `--${name}` || flag === `-${name}` || flag === `--no-${name}`) return flag;
  }
  return undefined;
}

/** The closest known option, if it is close enough to be a typo (a third of the name at most). */
function nearest(
  typed: string,
  known: readonly string[],
  distance: (a: string, b: string) => number,
): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const d = distance(typed, name);
    if (!best || d < best.distance) best = { name, distance: d };
  }
  return best && best.distance <= Math.max(1, Math.floor(typed.length / 3)) ? best.name : undefined;
}

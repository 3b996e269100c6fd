// `repomod run -t <transform>`: any jscodeshift transform, file or package, JS or TS.
import type { CommandModule } from 'yargs';
import { ConfigError } from '../../lib/errors.js';
import { asList, executeRun, withCommonOptions, withHelp, type CommonArgs } from '../common.js';

interface RunArgs extends CommonArgs {
  transform: string;
  transformOption?: string[];
}

/** `key=value` pairs; values stay strings unless they are JSON (numbers, booleans, lists). */
export function parseTransformOptions(pairs: readonly string[] = []): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new ConfigError(`--transform-option '${pair}' is not key=value`, 'e.g. --transform-option quote=single');
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
  ['$0 run -t ./transforms/rename-logger.ts src', 'a local jscodeshift transform, TypeScript or JavaScript, as a dry run'],
  ['$0 run -t @company/codemods/v2-api --transform-option quote=single --apply', 'a transform from a package, with an option, written'],
  ['$0 run -t fix-call-syntax --check', 'a built-in by name, as a CI check'],
];

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run [paths..]',
  describe: 'run any jscodeshift transform (a file or package, JS or TS) over the repository',
  builder: (yargs) =>
    withHelp(
      withCommonOptions(yargs)
        .option('transform', { alias: 't', type: 'string', demandOption: true, describe: 'transform file, package, or built-in name' })
        .option('transform-option', { type: 'string', coerce: asList, describe: 'key=value passed to the transform (repeatable)' }),
      RUN_EXAMPLES,
    ) as never,
  handler: async (args) => {
    await executeRun({ args, transform: args.transform, transformOptions: parseTransformOptions(args.transformOption) });
  },
};

// One command per built-in transform, built from its meta: name, aliases, description, flags.
import type { CommandModule } from 'yargs';
import type { RegistryEntry } from '../../api/registry.js';
import {
  executeRun,
  flagOptions,
  withCommonOptions,
  withHelp,
  withTransformOptions,
  type CommonArgs,
} from '../common.js';

export function transformCommand(entry: RegistryEntry): CommandModule {
  const { meta } = entry;
  return {
    command: `${meta.name} [paths..]`,
    aliases: meta.aliases ?? [],
    describe: meta.description,
    builder: (yargs) =>
      withHelp(
        withTransformOptions(withCommonOptions(yargs), meta.options),
        meta.examples ?? defaultExamples(meta.name),
      ),
    handler: async (argv) => {
      const args = argv as unknown as CommonArgs & Record<string, unknown>;
      await executeRun({ args, transform: meta.name, transformOptions: flagOptions(args, meta) });
    },
  };
}

/** A transform without examples of its own: the three runs every transform supports. */
function defaultExamples(name: string): [string, string][] {
  return [
    [`$0 ${name}`, 'dry run: print the diff'],
    [`$0 ${name} --apply`, 'write the changes'],
    [`$0 ${name} --check`, 'CI: exit 1 if anything would change'],
  ];
}

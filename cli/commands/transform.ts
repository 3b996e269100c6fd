// One command per built-in transform, built from its meta: name, aliases, description, flags.
import type { CommandModule } from 'yargs';
import type { RegistryEntry } from '../../api/registry.js';
import { executeRun, flagOptions, withCommonOptions, withTransformOptions, type CommonArgs } from '../common.js';

export function transformCommand(entry: RegistryEntry): CommandModule {
  const { meta } = entry;
  return {
    command: `${meta.name} [paths..]`,
    aliases: meta.aliases ?? [],
    describe: meta.description,
    builder: (yargs) => withTransformOptions(withCommonOptions(yargs), meta.options),
    handler: async (argv) => {
      const args = argv as unknown as CommonArgs & Record<string, unknown>;
      await executeRun({ args, transform: meta.name, transformOptions: flagOptions(args, meta) });
    },
  };
}

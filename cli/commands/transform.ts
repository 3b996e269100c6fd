// One command per built-in transform, built from its meta: name, aliases, description, flags.
import type { CommandModule } from 'yargs';
import type { RegistryEntry } from '../../transforms/index.js';
import { collectTransformOptions, executeRun, withCommonOptions, withTransformOptions, type CommonArgs } from '../common.js';
import { configOptionsFor, loadCommandConfig } from '../config-context.js';

export function transformCommand(entry: RegistryEntry): CommandModule {
  const { meta } = entry;
  return {
    command: `${meta.name} [paths..]`,
    aliases: meta.aliases ?? [],
    describe: meta.description,
    builder: (yargs) => withTransformOptions(withCommonOptions(yargs), meta.options),
    handler: async (argv) => {
      const args = argv as unknown as CommonArgs & Record<string, unknown>;
      const config = loadCommandConfig(args.config);
      const origin = config.file ? `${config.file} or the command line` : 'the command line';
      const transformOptions = collectTransformOptions(args, meta, configOptionsFor(config, meta.name, meta.aliases), origin);
      await executeRun({
        args,
        source: { name: meta.name, specifier: entry.modulePath, builtin: true },
        transformOptions,
        configPaths: config.paths,
        configIgnore: config.ignore,
      });
    },
  };
}

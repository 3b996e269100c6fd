// `repomod list`: the built-in transforms, one line each.
import type { CommandModule } from 'yargs';
import { registry } from '../../api/registry.js';
import { withHelp } from '../common.js';

export function listText(): string {
  const width = Math.max(0, ...registry.map((e) => e.meta.name.length));
  return registry
    .map((e) => {
      const aliases = e.meta.aliases?.length ? ` (alias: ${e.meta.aliases.join(', ')})` : '';
      return `${e.meta.name.padEnd(width)}  ${e.meta.description}${aliases}\n`;
    })
    .join('');
}

export const listCommand: CommandModule = {
  command: 'list',
  describe: 'list the built-in transforms',
  builder: (yargs) =>
    withHelp(
      yargs,
      [
        ['$0 list', 'each built-in transform, its aliases and what it fixes'],
        ['$0 rewrite-imports --help', "one transform's options and examples"],
      ],
      { colour: false },
    ),
  handler: () => {
    process.stdout.write(listText());
  },
};

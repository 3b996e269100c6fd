// `repomod list`: the built-in transforms, one line each.
import type { CommandModule } from 'yargs';
import { registry } from '../../api/registry.js';

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
  handler: () => {
    process.stdout.write(listText());
  },
};

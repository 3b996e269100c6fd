// remove-redundant-bases: static description for the registry and the CLI (no parser imports here).
import type { TransformMeta } from '../../lib/engine/types.js';
import { descriptors } from './options.js';

export const meta: TransformMeta = {
  name: 'remove-redundant-bases',
  aliases: ['bases'],
  description:
    'Remove bases another listed base already inherits (Python, by the MRO across files) and redundant TypeScript implements/extends entries.',
  extensions: ['py', 'ts', 'tsx', 'mts', 'cts'],
  options: descriptors,
  // a file without a class or an interface has no heritage to look at
  prefilter: () => ['class', 'interface'],
  // every thread would build the class index and the TypeScript program again
  inProcess: true,
  // `repomod check` without config gates on what Python refuses at import: inconsistent MROs
  checkDefaults: { onlyErrors: true },
  checkApply: 'removes the redundant base of a class whose MRO is inconsistent (only errors, by default)',
  examples: [
    ['$0 remove-redundant-bases', 'dry run: the diff that removes bases another listed base already inherits'],
    ['$0 remove-redundant-bases --only-errors --apply', 'fix only classes whose MRO is inconsistent, and write'],
    ['$0 remove-redundant-bases --check pkg', 'CI: exit 1 while a class under pkg/ needs a change'],
  ],
};

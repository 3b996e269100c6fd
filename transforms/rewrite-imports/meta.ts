// rewrite-imports: static description for the registry and the CLI (no parser imports here).
import type { TransformMeta } from '../../lib/engine/types.js';
import { descriptors, resolveRewriteOptions } from './options.js';
import { prefilterNeedles } from './needles.js';

export const meta: TransformMeta = {
  name: 'rewrite-imports',
  aliases: ['imports'],
  description:
    'Move module paths across the repository: every Python and JS/TS import form, string targets, resolution checks, bans.',
  extensions: ['py', 'pyi', 'js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts'],
  options: descriptors,
  prefilter: (raw) => {
    try {
      const options = resolveRewriteOptions(raw);
      return prefilterNeedles(options.allRules, options.absolute);
    } catch {
      return undefined; // the transform reports the bad option itself
    }
  },
  checkApply: 'the rewrites its rules make',
  // the configured rules, then a move: the link in the function folder follows the module,
  // and the new folder becomes a package
  demo: [['rewrite-imports'], ['move', 'shared/config.py', 'shared/settings/config.py']],
  examples: [
    [
      '$0 rewrite-imports --map pipeline.common.util=common.util',
      'dry run: the diff that rewrites every import of the old module',
    ],
    ['$0 rewrite-imports --map pipeline.common.util=common.util --apply', 'write it'],
    ['$0 rewrite-imports --check', 'CI: exit 1 when a rule in the config would still rewrite something'],
  ],
};

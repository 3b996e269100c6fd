// replace-symlinks' static description: cheap to import (no file system, no parser).
import type { TransformMeta } from '../../lib/engine/types.js';
import { descriptors } from './options.js';

export const meta: TransformMeta = {
  name: 'replace-symlinks',
  description:
    'Replace symlinks with real copies or bundle entries; report broken, escaping and cyclic links and drifted copies.',
  aliases: ['symlinks'],
  // repository-level only: no file is read one by one
  extensions: [],
  options: descriptors,
  // nothing to look for in single files: the per-file pass never needs to run
  prefilter: () => [],
  // `repomod check` without configuration: broken, escaping and cyclic links, drifted copies
  checkDefaults: {},
  checkApply: 'nothing without `--mode` (links are reported, not replaced)',
  // the function folder's links become copies; then what its entry file really imports
  demo: [
    ['replace-symlinks', '--mode', 'copy', 'functions'],
    ['bundle', 'closure', 'functions/fn_report/main.py'],
  ],
  examples: [
    ['$0 replace-symlinks --verbose', 'list every link (file, directory, chain, broken, escaping, cyclic)'],
    ['$0 replace-symlinks --mode copy --apply functions', 'replace the links under functions/ with real copies'],
    [
      '$0 replace-symlinks --mode bundle --apply',
      'replace links with repomod.bundle.json entries that `repomod bundle build` materialises',
    ],
  ],
};

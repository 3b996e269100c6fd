// Options of replace-symlinks: what to do with each link, and how strict to be.
import { defineOptions, optionsResolver, type OptionsOf } from '../../lib/engine/options.js';

export const descriptors = defineOptions([
  {
    name: 'mode',
    type: 'string',
    choices: ['copy', 'bundle'],
    // no default: without a mode, links are only listed and checked
    description:
      'copy: replace each link with a real copy; bundle: remove it and record a repomod.bundle.json entry (default: only list and check links)',
  },
  {
    name: 'removeBroken',
    type: 'boolean',
    default: false,
    description: 'delete broken links (works on its own, without --mode)',
  },
  {
    name: 'allowOutside',
    type: 'boolean',
    default: false,
    description: 'copy links that resolve outside the repository instead of refusing them',
  },
  {
    name: 'sync',
    type: 'boolean',
    default: false,
    description: 'refresh recorded copies whose content drifted from their source',
  },
]);

export type ReplaceSymlinksOptions = OptionsOf<typeof descriptors>;

/** Validated options with their defaults, once per run. @throws ConfigError naming an unknown or ill-typed option. */
export const resolveReplaceSymlinksOptions = optionsResolver(descriptors);

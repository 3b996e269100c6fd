// Options of replace-symlinks: what to do with each link, and how strict to be.
import type { OptionDescriptor } from '../../lib/options.js';

export interface ReplaceSymlinksOptions {
  /** 'copy': real copies; 'bundle': manifest entries; absent: list and check only. */
  mode?: 'copy' | 'bundle';
  removeBroken: boolean;
  allowOutside: boolean;
  sync: boolean;
}

export const defaults: ReplaceSymlinksOptions = {
  removeBroken: false,
  allowOutside: false,
  sync: false,
};

export const descriptors: OptionDescriptor[] = [
  {
    name: 'mode',
    type: 'string',
    choices: ['copy', 'bundle'],
    description: "copy: replace each link with a real copy; bundle: remove it and record a repomod.bundle.json entry (default: only list and check links)",
  },
  { name: 'removeBroken', type: 'boolean', description: 'delete broken links (works on its own, without --mode)' },
  { name: 'allowOutside', type: 'boolean', description: 'copy links that resolve outside the repository instead of refusing them' },
  { name: 'sync', type: 'boolean', description: 'refresh recorded copies whose content drifted from their source' },
];

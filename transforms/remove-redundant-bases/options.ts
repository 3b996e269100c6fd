// Options of remove-redundant-bases.
import { defineOptions, optionsResolver, type OptionsOf } from '../../lib/engine/options.js';

export const descriptors = defineOptions([
  {
    name: 'onlyErrors',
    type: 'boolean',
    default: false,
    description:
      'remove redundant bases only where the MRO is inconsistent today (the class fails at import); report the others',
  },
  {
    name: 'keepImports',
    type: 'boolean',
    default: false,
    description:
      "keep a removed base's from-import even when nothing else in the file uses it (by default it goes too)",
  },
]);

export type RemoveRedundantBasesOptions = OptionsOf<typeof descriptors>;

/** @throws ConfigError naming an unknown or ill-typed option. */
export const resolveRemoveRedundantBasesOptions = optionsResolver(descriptors);

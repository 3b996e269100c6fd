// Options of remove-redundant-bases.
import { resolveOptions, type OptionDescriptor } from '../../lib/options.js';

export interface RemoveRedundantBasesOptions {
  /** Fix only classes whose MRO is inconsistent today (Python fails at import); report the rest. */
  onlyErrors: boolean;
  /** Keep the import of a removed base even when nothing else in the file uses it. */
  keepImports: boolean;
}

export const defaults: RemoveRedundantBasesOptions = {
  onlyErrors: false,
  keepImports: false,
};

export const descriptors: OptionDescriptor[] = [
  {
    name: 'onlyErrors',
    type: 'boolean',
    description: 'remove redundant bases only where the MRO is inconsistent today (the class fails at import); report the others',
  },
  {
    name: 'keepImports',
    type: 'boolean',
    description: "keep a removed base's from-import even when nothing else in the file uses it (by default it goes too)",
  },
];

/** @throws ConfigError naming an unknown or ill-typed option. */
export function resolveRemoveRedundantBasesOptions(raw: Record<string, unknown> | undefined): RemoveRedundantBasesOptions {
  return resolveOptions(raw, descriptors, defaults);
}

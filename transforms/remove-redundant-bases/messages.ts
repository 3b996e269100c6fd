// Diagnostic messages of remove-redundant-bases, keyed by code; `{name}` placeholders.
import type { RunMode } from '../../lib/context.js';
export const CODES = {
  inconsistentMro: 'remove-redundant-bases/inconsistent-mro',
  redundantBase: 'remove-redundant-bases/redundant-base',
  unsafeRemoval: 'remove-redundant-bases/unsafe-removal',
  unknownMro: 'remove-redundant-bases/unknown-mro',
  unusedImport: 'remove-redundant-bases/unused-import',
  intended: 'remove-redundant-bases/intended',
} as const;

export const messages = {
  /** error: Python raises TypeError when the class statement runs. */
  [CODES.inconsistentMro]: 'cannot create a consistent MRO for {class}: {conflict}; {outcome}',
  /** info: a base was removed, or would be. */
  removed: '{removed} {base}: {reason}',
  /** info: --only-errors keeps a redundant base of a class that works. */
  keptOnlyErrors: '{base} is redundant ({reason}); left in place (--only-errors)',
  /** warning: removing the base would change the MRO. */
  [CODES.unsafeRemoval]: '{base} is redundant ({reason}), but removing it would change the MRO of {class} from {before} to {after}; left unchanged',
  /** info: the MRO depends on a base repomod cannot resolve. */
  [CODES.unknownMro]: '{base} is redundant ({reason}), but the MRO of {class} depends on {unknown}, which repomod cannot resolve; left unchanged',
  /** info: the import that only served a removed base went too, or would. */
  [CODES.unusedImport]: "{removed} the import of {name} from {module}: nothing else in the file uses it (--keep-imports keeps it)",
  /** info: the class is built where a TypeError is expected; nothing is reported as an error or edited. */
  [CODES.intended]: '{class} is defined inside {context}, so its bases are left as written ({finding})',
  /** TypeScript: a heritage entry removed, or that would be. */
  tsRemoved: '{removed} {entry} from the {clause} list of {decl}: {reason}',
} as const;

/** `removed` once the run writes the file; `would remove` in a dry run or a check, which write nothing. */
export function removedText(mode: RunMode): string {
  return mode === 'apply' ? 'removed' : 'would remove';
}

// Diagnostic messages of remove-redundant-bases, keyed by code; `{name}` placeholders.
import type { RunMode } from '../../lib/engine/context.js';
import type { Explanation } from '../../lib/engine/explanations.js';

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
  [CODES.unsafeRemoval]:
    '{base} is redundant ({reason}), but removing it would change the MRO of {class} from {before} to {after}; left unchanged',
  /** info: the MRO depends on a base repomod cannot resolve. */
  [CODES.unknownMro]:
    '{base} is redundant ({reason}), but the MRO of {class} depends on {unknown}, which repomod cannot resolve; left unchanged',
  /** info: the import that only served a removed base went too, or would. */
  [CODES.unusedImport]:
    '{removed} the import of {name} from {module}: nothing else in the file uses it (--keep-imports keeps it)',
  /** info: the class is built where a TypeError is expected; nothing is reported as an error or edited. */
  [CODES.intended]: '{class} is defined inside {context}, so its bases are left as written ({finding})',
  /** TypeScript: a heritage entry removed, or that would be. */
  tsRemoved: '{removed} {entry} from the {clause} list of {decl}: {reason}',
} as const;

/** `removed` once the run writes the file; `would remove` in a dry run or a check, which write nothing. */
export function removedText(mode: RunMode): string {
  return mode === 'apply' ? 'removed' : 'would remove';
}

type Code = (typeof CODES)[keyof typeof CODES];

/** `repomod explain` entries, one per code (parse-error is the engine's). */
export const explanations = {
  [CODES.inconsistentMro]: {
    severity: 'error',
    summary: 'Python cannot create a consistent method resolution order for the class',
    why: 'the class statement raises TypeError ("Cannot create a consistent method resolution order") when its module is imported, so the whole service fails at start-up',
    before:
      'class ProcessorBase(BackfillMixin): ...\n\nclass DailyCacheProcessor(BackfillMixin, ProcessorBase): ...   # TypeError at import',
    after: 'class ProcessorBase(BackfillMixin): ...\n\nclass DailyCacheProcessor(ProcessorBase): ...',
    fix: "repomod removes a listed base that another listed base already inherits when that makes the order consistent (--apply writes it); otherwise reorder the bases by hand, as the message's two orders show",
  },
  [CODES.redundantBase]: {
    severity: 'info',
    summary: 'a listed base is already inherited through another listed base (or listed twice); removed',
    why: 'a redundant base is the setup for an inconsistent MRO the next time someone reorders the list, and it hides which class really provides the behaviour',
    before: 'class Daily(SmartSkipMixin, BackfillMixin, ProcessorBase): ...   # ProcessorBase(BackfillMixin)',
    after: 'class Daily(SmartSkipMixin, ProcessorBase): ...',
    fix: 'nothing: the removal keeps the MRO unchanged (--only-errors leaves bases of classes that work as written)',
    messages: ['removed', 'keptOnlyErrors', 'tsRemoved'],
  },
  [CODES.unsafeRemoval]: {
    severity: 'warning',
    summary: 'a base is redundant, but removing it would change the method resolution order; left unchanged',
    why: 'a different MRO can change which method runs (a mixin overriding the base would stop doing so)',
    before: 'class C(Mixin, Base, Other): ...   # Base(Mixin): the MRO depends on where Mixin is listed',
    after: 'class C(Mixin, Base, Other): ...   # unchanged: compare the two orders in the message',
    fix: 'decide which order is intended; remove or move the base by hand if the new order is right',
  },
  [CODES.unknownMro]: {
    severity: 'info',
    summary: 'a base looks redundant, but the MRO depends on a base repomod cannot resolve; left unchanged',
    why: 'a base made by a call, `*bases`, or a class from outside the repository hides its own bases, so removing one could change the order',
    before: 'class C(Mixin, make_base(), Base): ...',
    after: 'class C(Mixin, make_base(), Base): ...   # unchanged',
    fix: 'check the MRO with python3 -c "print(C.__mro__)" and edit by hand if the base really is redundant',
  },
  [CODES.unusedImport]: {
    severity: 'info',
    summary: 'the import of a removed base went too: nothing else in the file uses it',
    why: 'an unused import left behind fails linters and keeps a dependency the file no longer has',
    before: 'from pkg.mixins import BackfillMixin\nclass Daily(BackfillMixin, ProcessorBase): ...',
    after: 'class Daily(ProcessorBase): ...',
    fix: 'nothing; --keep-imports keeps such imports',
  },
  [CODES.intended]: {
    severity: 'info',
    summary:
      'the class is built where a TypeError is expected (pytest.raises, assertRaises, try/except TypeError): left as written',
    why: 'a test that builds an inconsistent MRO on purpose would fail if its bases were "fixed"',
    before: 'with pytest.raises(TypeError, match="consistent method resolution"):\n    class Bad(A, B): ...',
    after:
      'with pytest.raises(TypeError, match="consistent method resolution"):\n    class Bad(A, B): ...   # unchanged',
    fix: 'nothing: shown with --verbose only',
  },
} satisfies Record<Code, Explanation>;

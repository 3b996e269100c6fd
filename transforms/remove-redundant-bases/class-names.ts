// How findings name classes: by their own short name, with where a repository class is defined,
// each class once, so an MRO conflict stays one short line however deep the packages are.
import { labelOf, type ClassIndex, type ClassMro, type ClassRecord } from './class-index.js';
import type { ConstraintSource } from './mro.js';

/** `ProcessorBase`; a class from outside the repository by its dotted name (`django.views.View`, `Exception`). */
export function shortName(index: ClassIndex, node: string): string {
  return index.classes.get(node)?.name ?? labelOf(index, node);
}

/** `ProcessorBase (pkg/base.py:5)`: a repository class with where it is defined; the finding's own class by name only. */
export function placedName(index: ClassIndex, node: string, subject: ClassRecord): string {
  const record = index.classes.get(node);
  if (!record || record.id === subject.id) return shortName(index, node);
  return `${record.name} (${record.file}:${record.line})`;
}

/**
 * Why the MRO cannot be built, naming each class once; the classes whose own MRO makes the
 * conflict carry where they are defined, as that is where to look.
 * @example 'BackfillMixin is listed before ProcessorBase (pkg/base.py:5), which inherits from it'
 * @example 'the MRO of Duck (zoo/birds.py:4) puts Swimmer before Walker, but the MRO of Goose (zoo/birds.py:8) has them the other way round'
 */
export function conflictText(
  index: ClassIndex,
  subject: ClassRecord,
  mro: Extract<ClassMro, { kind: 'inconsistent' }>,
): string {
  const result = mro.result;
  if (result.reason === 'duplicate') return `${shortName(index, result.duplicate)} is listed twice`;
  let { first: x, second: y, firstSource: before, secondSource: after } = result.conflict;
  const sources = new Set([before, after].flatMap((s) => (s.kind === 'mro' ? [s.of] : [])));
  const name = (node: string) => (sources.has(node) ? placedName(index, node, subject) : shortName(index, node));
  // the bases as written read first: `A is listed before B, which inherits from it`
  if (after.kind === 'bases' && before.kind !== 'bases') [x, y, before, after] = [y, x, after, before];
  const head = orderText(before, x, y, name);
  if (after.kind === 'mro' && after.of === y) return `${head}, which inherits from it`;
  const other = after.kind === 'bases' ? 'its bases list' : `the MRO of ${name(after.of)} has`;
  return `${head}, but ${other} them the other way round`;
}

function orderText(source: ConstraintSource, x: string, y: string, name: (node: string) => string): string {
  if (source.kind === 'bases') return `${name(x)} is listed before ${name(y)}`;
  // `B inherits from A` reads better than `the MRO of B puts B before A`
  if (source.of === x) return `${name(x)} inherits from ${name(y)}`;
  return `the MRO of ${name(source.of)} puts ${name(x)} before ${name(y)}`;
}

/** `[DailyCacheProcessor, SmartSkipMixin, ProcessorBase, object]`, short names only. */
export function mroText(index: ClassIndex, mro: ClassMro): string {
  if (mro.kind === 'ok') return `[${mro.mro.map((n) => shortName(index, n)).join(', ')}]`;
  if (mro.kind === 'inconsistent') return 'an inconsistent MRO (TypeError at import)';
  return `an MRO that depends on ${mro.why}`;
}

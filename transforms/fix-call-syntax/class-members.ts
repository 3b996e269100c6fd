// What `Class.name` is in a class's own body, read from the binding model: a method with its
// parameters, a logger, an attribute set at run time, or a name defined conditionally.
import type { ClassRecord, FileScan, FunctionBinding } from '../../lib/python/class-scan.js';

export type Member =
  { kind: 'method'; fn: FunctionBinding } | { kind: 'logger' } | { kind: 'attribute' } | { kind: 'ambiguous' };

/**
 * The member `name` of a class's own body (its bases are the caller's business); undefined when
 * the body binds no such name. `scan` is the scan of the class's file.
 * @example `@overload def f…` then `def f(a)` ➔ the plain def: it is what runs.
 */
export function ownMember(scan: FileScan, record: ClassRecord, name: string): Member | undefined {
  const bindings = scan.scopes[record.bodyScope]?.bindings.get(name) ?? [];
  const conditional = record.conditional?.includes(name) ?? false;
  if (record.selfLoggers?.includes(name) || (!conditional && bindings.some((b) => b.kind === 'logger')))
    return { kind: 'logger' };
  // `self.x = …` anywhere in the class: an instance attribute may shadow a method
  if (record.selfAttributes?.includes(name)) return { kind: 'attribute' };
  if (!bindings.length) return undefined;
  if (conditional) return { kind: 'ambiguous' };
  const functions = bindings.filter((b): b is FunctionBinding => b.kind === 'function');
  // a nested class is not a member a call through the instance reaches as a method
  const values = bindings.filter((b) => b.kind !== 'function' && b.kind !== 'class');
  if (values.length) return { kind: 'attribute' };
  if (!functions.length) return undefined;
  if (functions.length < bindings.length) return { kind: 'ambiguous' };
  // @overload stubs come first; the last plain def is what runs
  const plain = functions.filter((fn) => !fn.decorators?.some((d) => d.endsWith('overload')));
  return plain.length ? { kind: 'method', fn: plain[plain.length - 1] } : { kind: 'ambiguous' };
}

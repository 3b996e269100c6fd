// The call signature of a Python `def` as the binding model keeps it: its parameter list spelled
// as Python writes it (compact in the fact cache) and its decorators.
import type { Node } from 'web-tree-sitter';
import { isExtra, parameterName, parameterSplat } from './syntax-check.js';

/**
 * A def's parameters as written, names only: `def f(a, /, b, *args, c, **kw)` ➔
 * `['a', '/', 'b', '*args', 'c', '**kw']`; a bare `*` separator stays `'*'`.
 */
export type ParameterList = string[];

/** The parameter list of a `def` or `lambda`, in order (see `ParameterList`). */
export function parameterListOf(list: Node | null): ParameterList {
  const out: ParameterList = [];
  for (const param of list?.namedChildren ?? []) {
    if (!param || isExtra(param)) continue;
    if (param.type === 'positional_separator') out.push('/');
    else if (param.type === 'keyword_separator') out.push('*');
    else {
      const name = parameterName(param);
      if (name) out.push(`${parameterSplat(param) ?? ''}${name}`);
    }
  }
  return out;
}

/**
 * True when a call may pass `name=` to a def with these parameters: `**kwargs`, or a parameter
 * of that name after any `/` (positional-only ones cannot be passed by keyword).
 */
export function acceptsKeyword(parameters: ParameterList, name: string): boolean {
  if (parameters.some((p) => p.startsWith('**'))) return true;
  const at = parameters.indexOf(name);
  return at >= 0 && at > parameters.indexOf('/');
}

/** Decorator names of a def or class (`@a.b(x)` ➔ `a.b`), in order. */
export function decoratorsOf(definition: Node): string[] {
  const parent = definition.parent;
  if (parent?.type !== 'decorated_definition') return [];
  return parent.namedChildren
    .filter((c): c is Node => c?.type === 'decorator')
    .map((d) => {
      const expr = d.namedChildren.find((c) => c && !isExtra(c));
      const target = expr?.type === 'call' ? expr.childForFieldName('function') : expr;
      return (target?.text ?? '').replace(/\s+/g, '');
    });
}

/** `logging.getLogger(…)` or `getLogger(…)`: a standard library logger. */
export function isGetLogger(value: Node | null): boolean {
  if (value?.type !== 'call') return false;
  const fn = value.childForFieldName('function')?.text.replace(/\s+/g, '');
  return fn === 'logging.getLogger' || fn === 'getLogger';
}

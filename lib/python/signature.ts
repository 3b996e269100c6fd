// The call signature of a Python `def` as the binding model keeps it: its parameter list spelled
// as Python writes it (compact in the fact cache) and its decorators.
import type { Node } from 'web-tree-sitter';
import { isExtra } from './tree-queries.js';

/**
 * A def's parameters as written, names only: `def f(a, /, b, *args, c, **kw)` ➔
 * `['a', '/', 'b', '*args', 'c', '**kw']`; a bare `*` separator stays `'*'`.
 */
export type ParameterList = string[];

/** A parameter's name with its splat, from its text: `*args: int` ➔ `*args`, `a: int = 1` ➔ `a`. */
const PARAMETER = /^(\*{0,2})\s*([\p{ID_Start}_][\p{ID_Continue}]*)/u;

/**
 * The parameter list of a `def`, in order (see `ParameterList`). Each parameter's name is read
 * from its text (it always comes first), not from its child nodes: the scan does this for every
 * def of every file, and each child lookup is a call into the parser's wasm.
 */
export function parameterListOf(list: Node | null): ParameterList {
  const out: ParameterList = [];
  for (const param of list?.namedChildren ?? []) {
    if (!param || isExtra(param)) continue;
    if (param.type === 'positional_separator') out.push('/');
    else if (param.type === 'keyword_separator') out.push('*');
    else {
      const match = PARAMETER.exec(param.text);
      if (match) out.push(match[1] + match[2]);
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

/** Decorator names of the def or class a `decorated_definition` holds (`@a.b(x)` ➔ `a.b`), in order. */
export function decoratorsOf(decorated: Node): string[] {
  return decorated.namedChildren
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

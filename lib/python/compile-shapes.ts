// Shapes tree-sitter's grammar accepts but CPython refuses, each with the pass that refuses it and
// where it points: try without a handler, a bare except before others, `del f()`, `x := 1` as a
// statement, starred assignment targets, an unparenthesised generator beside other arguments,
// await/async outside async functions, `import *` in a function, misplaced digit separators.
import type { Node } from 'web-tree-sitter';
import { isExtra } from './tree-queries.js';

/** Which CPython pass raises an error: they run in this order, each over the whole file. */
export const PHASES = ['parse', 'future', 'symtable', 'codegen'] as const;
export type Phase = (typeof PHASES)[number];
/** Which pass raises it, the related index, and (codegen) the node whose visit raises it. */
export type How = { phase?: Phase; related?: number; order?: Node };
export type Add = (node: Node | number, message: string, how?: How) => void;
export const CODEGEN: How = { phase: 'codegen' };
export const SYMTABLE: How = { phase: 'symtable' };

/** Node types checkShape looks at. */
export const SHAPE_TYPES = new Set([
  'try_statement',
  'delete_statement',
  'expression_statement',
  'assignment',
  'generator_expression',
  'await',
  'yield',
  'with_statement',
  'for_statement',
  'import_from_statement',
  'integer',
  'float',
  'argument_list',
  'with_clause',
]);

/** Report what CPython refuses about `node`, one of SHAPE_TYPES. */
export function checkShape(node: Node, add: Add): void {
  switch (node.type) {
    case 'try_statement': {
      const clauses = node.namedChildren.filter(
        (c): c is Node => !!c && /^(except_clause|except_group_clause|finally_clause)$/.test(c.type),
      );
      // the parser wanted a handler right after the body's last token
      if (clauses.length === 0)
        add(node.childForFieldName('body')?.endIndex ?? node.endIndex, "expected 'except' or 'finally' block");
      const bare = clauses.findIndex(
        (c) => c.type === 'except_clause' && !c.namedChildren.some((n) => n && n.type !== 'block' && !isExtra(n)),
      );
      if (bare >= 0 && clauses[bare + 1]?.type === 'except_clause')
        add(clauses[bare], "default 'except:' must be last");
      break;
    }
    case 'delete_statement':
      for (const target of deleteTargets(node)) if (target.type === 'call') add(target, 'cannot delete function call');
      break;
    case 'expression_statement': {
      const walrus = node.namedChildren[0];
      if (walrus?.type === 'named_expression') add(walrus.child(1) ?? walrus, 'invalid syntax');
      break;
    }
    case 'assignment': {
      const left = node.childForFieldName('left');
      if (left?.type === 'list_splat_pattern')
        add(left, 'starred assignment target must be in a list or tuple', CODEGEN);
      else if (
        left &&
        /^(pattern_list|tuple_pattern|list_pattern)$/.test(left.type) &&
        left.namedChildren.filter((c) => c?.type === 'list_splat_pattern').length > 1
      ) {
        add(left, 'multiple starred expressions in assignment', CODEGEN);
      }
      break;
    }
    case 'generator_expression': {
      // f(a for a in b, c): tree-sitter reads `b, c` as the iterable; CPython wants the generator in parentheses
      const clause = node.namedChildren.find((c) => c?.type === 'for_in_clause');
      const unparenthesised =
        node.parent?.type === 'call' && node.parent.childForFieldName('arguments')?.id === node.id;
      if (unparenthesised && clause && clause.childrenForFieldName('right').length > 1)
        add(node.namedChildren[0] ?? node, 'Generator expression must be parenthesized');
      break;
    }
    case 'await': {
      const scope = awaitScope(node);
      if (scope === 'comprehension')
        add(comprehensionOf(node)!, 'asynchronous comprehension outside of an asynchronous function', CODEGEN);
      else if (scope !== 'async')
        add(node, scope === 'function' ? "'await' outside async function" : "'await' outside function", CODEGEN);
      break;
    }
    case 'yield':
      if (node.child(1)?.type === 'from' && functionKind(node) === 'async')
        add(node, "'yield from' inside async function", CODEGEN);
      break;
    case 'with_statement':
    case 'for_statement':
      if (node.child(0)?.type === 'async' && functionKind(node) !== 'async')
        add(node, `'async ${node.type === 'for_statement' ? 'for' : 'with'}' outside async function`, CODEGEN);
      break;
    case 'with_clause': {
      // `with a as b, :` (no parentheses): the parser stops at the ':'
      const last = node.lastChild;
      if (last?.type === ',' && node.firstChild?.type !== '(') add(node.nextSibling ?? last, 'invalid syntax');
      break;
    }
    case 'import_from_statement': {
      const star = node.namedChildren.find((c) => c?.type === 'wildcard_import');
      if (star && functionKind(node) !== 'module') add(star, 'import * only allowed at module level', SYMTABLE);
      break;
    }
    case 'integer':
    case 'float': {
      // 1_, 1__0: a separator must stand between two digits
      const bad = /_(?=_|$|[^0-9a-fA-F])/.exec(node.text.replace(/^0[xob]_/i, '0xx'));
      if (bad) add(node.startIndex + bad.index, 'invalid decimal literal');
      break;
    }
    case 'argument_list': {
      // f(,): a comma with nothing before it
      const first = node.children.find((c) => c && c.type !== '(' && !isExtra(c));
      if (first?.type === ',') add(first, 'invalid syntax');
      break;
    }
  }
}

function deleteTargets(node: Node): Node[] {
  const targets: Node[] = [];
  for (const child of node.namedChildren) {
    if (!child || isExtra(child)) continue;
    if (child.type === 'expression_list')
      targets.push(...child.namedChildren.filter((c): c is Node => !!c && !isExtra(c)));
    else targets.push(child);
  }
  return targets;
}

/** The scope a node runs in: an async def, another def (lambda included), a class body or the module. */
function functionKind(node: Node): 'async' | 'function' | 'module' {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'function_definition') return p.child(0)?.type === 'async' ? 'async' : 'function';
    if (p.type === 'lambda') return 'function';
    if (p.type === 'class_definition') return 'module';
  }
  return 'module';
}

const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension']);

function comprehensionOf(node: Node): Node | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (COMPREHENSIONS.has(p.type)) return p;
    if (p.type === 'function_definition' || p.type === 'lambda' || p.type === 'class_definition') return undefined;
  }
  return undefined;
}

/** Where an await stands: fine in an async def (or a generator expression, which becomes async). */
function awaitScope(node: Node): 'async' | 'function' | 'module' | 'comprehension' {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'generator_expression') return 'async';
    if (COMPREHENSIONS.has(p.type)) return functionKind(p) === 'async' ? 'async' : 'comprehension';
    if (p.type === 'function_definition' || p.type === 'lambda' || p.type === 'class_definition') break;
  }
  return functionKind(node);
}

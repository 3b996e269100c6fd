// Python argument and parameter lists as ListShapes, and the helpers passes share: token
// comparison of values, docstring detection, leaves in order.
import type { Node } from 'web-tree-sitter';
import { walk } from '../../lib/python/parser.js';
import { isExtra } from '../../lib/python/syntax-check.js';
import type { ListShape } from './separated-list.js';

/** The shape of an `argument_list` / `parameters` node; undefined when it is broken or unclosed. */
export function listShape(list: Node, text: string): ListShape | undefined {
  const first = list.child(0);
  const last = list.child(list.childCount - 1);
  if (first?.type !== '(' || last?.type !== ')' || last.isMissing || list.hasError) return undefined;
  const items: { start: number; end: number }[] = [];
  const commas: (number | undefined)[] = [];
  const comments: { start: number; end: number }[] = [];
  for (const child of list.children) {
    if (!child || child.id === first.id || child.id === last.id) continue;
    if (isExtra(child)) comments.push({ start: child.startIndex, end: child.endIndex });
    else if (child.type === ',') commas[items.length - 1] = child.startIndex;
    else {
      items.push({ start: child.startIndex, end: child.endIndex });
      commas[items.length - 1] = undefined;
    }
  }
  return { text, open: first.startIndex, close: last.startIndex, items, commas, comments };
}

/** The list's items as nodes, in the same order as `listShape(...).items`. */
export function listItems(list: Node): Node[] {
  return list.namedChildren.filter((c): c is Node => !!c && !isExtra(c));
}

/** Leaves of an expression without comments: `exc_info = True` and `exc_info=True` compare equal. */
export function tokens(node: Node): string[] {
  const out: string[] = [];
  walk(node, (n) => {
    if (isExtra(n)) return false;
    if (n.childCount === 0 || n.type === 'string_content') {
      out.push(`${n.type}:${n.text}`);
      return false;
    }
    return undefined;
  });
  return out;
}

export const sameTokens = (a: Node, b: Node) => {
  const x = tokens(a);
  const y = tokens(b);
  return x.length === y.length && x.every((t, i) => t === y[i]);
};

/** A string standing alone as a statement: a docstring or a comment-like string. */
export function isDocumentation(string: Node): boolean {
  let node = string;
  while (node.parent?.type === 'concatenated_string') node = node.parent;
  return node.parent?.type === 'expression_statement' && node.parent.namedChildCount === 1;
}

/** Tokens of a Python expression written as text (an option value such as `True`). */
export function expressionTokens(root: Node): string[] | undefined {
  const statement = root.namedChildren[0];
  if (
    root.hasError ||
    root.namedChildCount !== 1 ||
    statement?.type !== 'expression_statement' ||
    statement.namedChildCount !== 1
  )
    return undefined;
  return tokens(statement.namedChildren[0]!);
}

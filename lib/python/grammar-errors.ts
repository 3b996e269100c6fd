// Where a Python file stops parsing, said the way CPython says it: tree-sitter's first ERROR or
// MISSING node, narrowed to the fragment that breaks, with CPython's wording for common shapes.
import type { Node } from 'web-tree-sitter';
import { firstSyntaxError, walk } from './parser.js';
import type { PythonSyntaxProblem } from './syntax-check.js';
import { isExtra } from './tree-queries.js';

/** Where the grammar fails, with CPython's wording for the common shapes. */
export function grammarProblem(root: Node, source: string): PythonSyntaxProblem {
  const broken = firstSyntaxError(root)!;
  const error = broken.isError ? insideError(broken) : broken;
  if (error.isMissing) {
    const what = error.type.length <= 3 ? `'${error.type}'` : error.type;
    return { index: error.startIndex, message: `expected ${what}`, kind: 'tree' };
  }
  // a bracket still open at the end of the file: CPython's tokenizer stops there, before the parser
  // could want a ':' (`class B(A,` then the body)
  const unclosed = unclosedBracket(broken);
  if (unclosed) return { index: unclosed.startIndex, message: `'${unclosed.type}' was never closed`, kind: 'tree' };
  const header = COMPOUND_KEYWORDS.has(error.type) ? error : undefined;
  if (header && error.parent?.isError && !error.parent.children.some((c) => c?.type === ':' && c.startIndex > header.startIndex)) {
    // the header ends with the last token on the keyword's line: `def total(values)`, `if x`
    const row = header.startPosition.row;
    const onLine = error.parent.children.filter((c): c is Node => !!c && c.startIndex >= header.startIndex && c.startPosition.row === row);
    return { index: onLine[onLine.length - 1].endIndex, message: "expected ':'", kind: 'tree' };
  }
  const leaf = firstLeaf(error);
  // `a\n    b=c` inside brackets: the element before has no comma after it (CPython points at it)
  const previous = previousCodeLeaf(leaf ?? error);
  if (leaf && previous && /^[\w"'\])}]/.test(previous.text) && /^[\w"'([{]/.test(leaf.text) && insideBrackets(error)) {
    return { index: expressionStartBefore(previous), message: 'invalid syntax. Perhaps you forgot a comma?', kind: 'tree' };
  }
  const shown = (leaf?.text ?? error.text).split('\n')[0].slice(0, 20);
  return { index: leaf?.startIndex ?? error.startIndex, message: shown ? `invalid syntax at '${shown}'` : 'invalid syntax', kind: 'tree' };
}

const COMPOUND_KEYWORDS = new Set(['def', 'class', 'if', 'elif', 'else', 'for', 'while', 'with', 'try', 'except', 'finally']);

/**
 * Tree-sitter often wraps everything up to the failure in one ERROR node: skip the complete
 * statements at its start and point at the first fragment that is not one.
 */
function insideError(error: Node): Node {
  for (const child of error.children) {
    if (!child) continue;
    if (child.isError) return insideError(child);
    if (child.isMissing) return child;
    if (child.hasError) return insideError(firstSyntaxError(child) ?? child);
    if (/(_statement|_definition)$/.test(child.type) || isExtra(child)) continue;
    return child;
  }
  return error;
}

function firstLeaf(node: Node): Node | undefined {
  let n: Node | null = node;
  while (n && n.childCount > 0) n = n.child(0);
  return n && n.id !== node.id ? n : node.childCount === 0 ? node : undefined;
}

function previousCodeLeaf(node: Node): Node | undefined {
  for (let n: Node | null = node; n; n = n.parent) {
    let sibling = n.previousSibling;
    while (sibling && isExtra(sibling)) sibling = sibling.previousSibling;
    if (sibling) {
      let leaf: Node = sibling;
      while (leaf.childCount > 0) leaf = leaf.child(leaf.childCount - 1)!;
      return leaf;
    }
  }
  return undefined;
}

/** The start of the expression a leaf ends (the value of `details=details`, the whole string). */
function expressionStartBefore(leaf: Node): number {
  let node = leaf;
  while (node.parent && node.parent.endIndex === leaf.endIndex && !['argument_list', 'keyword_argument', 'ERROR', 'parameters', 'list', 'tuple', 'dictionary', 'set', 'pair'].includes(node.parent.type)) {
    node = node.parent;
  }
  return node.startIndex;
}

function insideBrackets(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (['argument_list', 'parameters', 'list', 'tuple', 'dictionary', 'set', 'parenthesized_expression', 'subscript', 'pair'].includes(p.type)) return true;
    if (p.type === 'block' || p.type === 'module') return false;
  }
  return false;
}

/** An opening bracket inside the error region with no matching close after it. */
function unclosedBracket(error: Node): Node | undefined {
  const stack: Node[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  walk(error, (n) => {
    if (n.childCount > 0) return undefined;
    if (n.type === '(' || n.type === '[' || n.type === '{') stack.push(n);
    else if (n.type in pairs && stack.length && stack[stack.length - 1].type === pairs[n.type] && !n.isMissing) stack.pop();
    return undefined;
  });
  if (stack.length === 0) return undefined;
  // only when nothing closes it before the end of the file
  const last = stack[0];
  const closing = { '(': ')', '[': ']', '{': '}' }[last.type as '(' | '[' | '{'];
  const tail = error.tree.rootNode.text.slice(error.endIndex);
  return tail.includes(closing) ? undefined : last;
}

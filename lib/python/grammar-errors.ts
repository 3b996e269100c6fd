// Where a Python file stops parsing, said the way CPython says it: tree-sitter's first ERROR or
// MISSING node, narrowed to the fragment that breaks, with CPython's wording for common shapes.
import type { Node } from 'web-tree-sitter';
import { firstSyntaxError, walk } from './parser.js';
import type { PythonSyntaxProblem } from './syntax-check.js';
import { isExtra } from './tree-queries.js';

/** Where the grammar fails, with CPython's wording for the common shapes. */
export function grammarProblem(root: Node, source: string): PythonSyntaxProblem {
  const broken = firstSyntaxError(root)!;
  // `f(a))`: CPython's tokenizer stops at a closing bracket nothing opened, before the parser fails
  const closer = strayCloser(root);
  if (closer && closer.index < broken.endIndex) return closer;
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
  if (
    header &&
    error.parent?.isError &&
    !error.parent.children.some((c) => c?.type === ':' && c.startIndex > header.startIndex)
  ) {
    // the header ends with the last token on the keyword's line: `def total(values)`, `if x`
    const row = header.startPosition.row;
    const onLine = error.parent.children.filter(
      (c): c is Node => !!c && c.startIndex >= header.startIndex && c.startPosition.row === row,
    );
    return { index: onLine[onLine.length - 1].endIndex, message: "expected ':'", kind: 'tree' };
  }
  // `x = 1 +`, `x = not`, `import a as`: a statement that stops after an operator or keyword
  // wanting more; CPython fails at the end of the line
  const dangling = danglingEnd(broken, source);
  if (dangling !== undefined) return { index: dangling, message: 'invalid syntax', kind: 'tree' };
  const leaf = firstLeaf(error);
  // `a\n    b=c` inside brackets: the element before has no comma after it (CPython points at it)
  const previous = previousCodeLeaf(leaf ?? error);
  if (leaf && previous && /^[\w"'\])}]/.test(previous.text) && /^[\w"'([{]/.test(leaf.text) && insideBrackets(error)) {
    const start = expressionStartBefore(previous);
    if (start !== undefined)
      return { index: start, message: 'invalid syntax. Perhaps you forgot a comma?', kind: 'tree' };
    return { index: leaf.startIndex, message: 'invalid syntax', kind: 'tree' };
  }
  // `f("a",, x)`: tree-sitter keeps the second comma as the separator and wraps the first, but the
  // unexpected token, where CPython points, is the second
  const separator = leaf?.type === ',' && broken.text === ',' ? nextCodeSibling(broken) : undefined;
  if (separator?.type === ',') return { index: separator.startIndex, message: "invalid syntax at ','", kind: 'tree' };
  const shown = (leaf?.text ?? error.text).split('\n')[0].slice(0, 20);
  return {
    index: leaf?.startIndex ?? error.startIndex,
    message: shown ? `invalid syntax at '${shown}'` : 'invalid syntax',
    kind: 'tree',
  };
}

const OPENERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** The first closing bracket that closes nothing, or the wrong kind, as CPython's tokenizer says it. */
function strayCloser(root: Node): PythonSyntaxProblem | undefined {
  const stack: Node[] = [];
  let found: PythonSyntaxProblem | undefined;
  walk(root, (n) => {
    if (found || n.type === 'string' || n.type === 'comment') return false;
    if (n.childCount > 0 || n.isMissing) return undefined;
    if (n.type === '(' || n.type === '[' || n.type === '{') stack.push(n);
    else if (n.type in OPENERS) {
      const open = stack.pop();
      if (!open) found = { index: n.startIndex, message: `unmatched '${n.type}'`, kind: 'tree' };
      else if (open.type !== OPENERS[n.type]) {
        const where = open.startPosition.row === n.startPosition.row ? '' : ` on line ${open.startPosition.row + 1}`;
        found = {
          index: n.startIndex,
          message: `closing parenthesis '${n.type}' does not match opening parenthesis '${open.type}'${where}`,
          kind: 'tree',
        };
      }
    }
    return undefined;
  });
  return found;
}

const COMPOUND_KEYWORDS = new Set([
  'def',
  'class',
  'if',
  'elif',
  'else',
  'for',
  'while',
  'with',
  'try',
  'except',
  'finally',
]);

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

const WANTS_MORE = new Set([
  '+',
  '-',
  '*',
  '/',
  '%',
  '**',
  '//',
  '|',
  '&',
  '^',
  '<<',
  '>>',
  '@',
  'not',
  'and',
  'or',
  'as',
  'in',
  'is',
  '=',
  '.',
  'import',
  'from',
  'lambda',
  'await',
]);

/** The end of a one-line statement-level ERROR whose last token wants an operand, when the line ends there. */
function danglingEnd(error: Node, source: string): number | undefined {
  if (!error.isError || error.startPosition.row !== error.endPosition.row) return undefined;
  if (!['module', 'block'].includes(error.parent?.type ?? '') && error.parent?.type !== 'function_definition')
    return undefined;
  let last: Node | null = error;
  while (last && last.childCount > 0) last = last.child(last.childCount - 1);
  if (!last || !WANTS_MORE.has(last.type)) return undefined;
  // the NEWLINE token: where the line ends, or where a comment on it starts
  const rest = /^([ \t]*)(#.*)?(\r?\n|$)/.exec(source.slice(error.endIndex));
  if (!rest) return undefined;
  if (rest[2]) return error.endIndex + rest[1].length;
  const newline = source.indexOf('\n', error.endIndex);
  return newline < 0 ? source.length : source[newline - 1] === '\r' ? newline - 1 : newline;
}

function nextCodeSibling(node: Node): Node | undefined {
  let sibling = node.nextSibling;
  while (sibling && isExtra(sibling)) sibling = sibling.nextSibling;
  return sibling ?? undefined;
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

/**
 * The start of the expression a leaf ends, as CPython's `disjunction` before the missing comma
 * (the value of `details=details`, a whole `{...}` or `a.b(c)`, a lambda's body), or undefined
 * when that expression ends a conditional one (CPython then says only 'invalid syntax').
 */
function expressionStartBefore(leaf: Node): number | undefined {
  let node = leaf;
  for (let parent = node.parent; parent && parent.endIndex === leaf.endIndex; parent = node.parent) {
    if (parent.type === 'conditional_expression') return undefined;
    // a bracket's contents stop the climb, its closing bracket does not: `{...}`, `g(x)` are one expression
    const closes = node.id === leaf.id && CLOSING.has(leaf.type) && parent.type !== 'ERROR';
    if (!closes && (EXPRESSION_BOUNDARIES.has(parent.type) || CONTAINERS.has(parent.type))) break;
    node = parent;
  }
  return node.startIndex;
}

const EXPRESSION_BOUNDARIES = new Set([
  'argument_list',
  'keyword_argument',
  'ERROR',
  'parameters',
  'pair',
  'lambda',
  'named_expression',
  'expression_list',
  'block',
  'module',
]);
const CONTAINERS = new Set([
  'list',
  'tuple',
  'dictionary',
  'set',
  'parenthesized_expression',
  'generator_expression',
  'list_comprehension',
  'dictionary_comprehension',
  'set_comprehension',
  'subscript',
]);
const CLOSING = new Set([')', ']', '}']);

function insideBrackets(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (
      [
        'argument_list',
        'parameters',
        'list',
        'tuple',
        'dictionary',
        'set',
        'parenthesized_expression',
        'subscript',
        'pair',
      ].includes(p.type)
    )
      return true;
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
    else if (n.type in pairs && stack.length && stack[stack.length - 1].type === pairs[n.type] && !n.isMissing)
      stack.pop();
    return undefined;
  });
  if (stack.length === 0) return undefined;
  // only when nothing closes it before the end of the file
  const last = stack[0];
  const closing = { '(': ')', '[': ']', '{': '}' }[last.type as '(' | '[' | '{'];
  const tail = error.tree.rootNode.text.slice(error.endIndex);
  return tail.includes(closing) ? undefined : last;
}

// CPython's nesting limits, which tree-sitter does not have: 200 open brackets (the tokenizer's
// MAXLEVEL), 100 indentation levels (MAXINDENT), and the compiler's recursion limit on nested
// expressions and statements. Measured against CPython 3.11 (`python3 -m py_compile`).
import type { Node } from 'web-tree-sitter';
import type { PythonSyntaxProblem } from './syntax-check.js';
import { nodesOfType } from './tree-queries.js';

/** The tokenizer refuses the 201st bracket open at once: "too many nested parentheses". */
export const MAX_BRACKET_DEPTH = 200;
/** The tokenizer's indentation stack holds 100 levels, the module's own included. */
export const MAX_INDENT_LEVELS = 100;
/**
 * Statement and expression nodes nested deeper than this make the compiler give up ("maximum
 * recursion depth exceeded during compilation"): 3 × the default recursion limit of 1000, less
 * the frames the caller runs in, so it moves a little: `compile()` from `python -c` refuses 2,990
 * unary minuses, `python -m py_compile` (what a gate runs) 2,972. We take the gate's, the lowest.
 */
export const MAX_AST_DEPTH = 2973;

/** The first nesting limit the file passes, where CPython reports it; undefined when none. */
export function nestingProblem(root: Node, source: string): PythonSyntaxProblem | undefined {
  return bracketProblem(root, source) ?? indentProblem(root, source) ?? depthProblem(root);
}

const OPENERS = new Set(['(', '[', '{']);

function bracketProblem(root: Node, source: string): PythonSyntaxProblem | undefined {
  // most files never nest 200 brackets, strings and comments included: no need to ask the tree
  if (rawBracketDepth(source) <= MAX_BRACKET_DEPTH) return undefined;
  // brackets inside strings (f-string fields included: CPython 3.11 parses those on their own) do not count
  const strings = nodesOfType(root, new Set(['string']));
  let s = 0;
  let depth = 0;
  for (const token of nodesOfType(root, new Set(['(', '[', '{', ')', ']', '}']))) {
    while (s < strings.length && strings[s].endIndex <= token.startIndex) s++;
    if (s < strings.length && strings[s].startIndex <= token.startIndex) continue;
    if (token.isMissing) continue;
    depth += OPENERS.has(token.type) ? 1 : -1;
    if (depth > MAX_BRACKET_DEPTH)
      return { index: token.startIndex, message: 'too many nested parentheses', kind: 'tree' };
  }
  return undefined;
}

function rawBracketDepth(source: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) max = Math.max(max, ++depth);
    else if (c === 41 || c === 93 || c === 125) depth--;
  }
  return max;
}

/** A block opens an indentation level only when its first statement starts on a new line. */
function indentProblem(root: Node, source: string): PythonSyntaxProblem | undefined {
  // level 100 sits at least 100 columns in: without such a line, no need to ask the tree
  if (!new RegExp(`^[ \\t\\f]{${MAX_INDENT_LEVELS}}`, 'm').test(source)) return undefined;
  const blocks = nodesOfType(root, new Set(['block']));
  const levels = new Map<number, number>();
  for (const block of blocks) {
    let parentLevel = 0;
    for (let p = block.parent; p; p = p.parent) {
      if (p.type === 'block') {
        parentLevel = levels.get(p.id) ?? 0;
        break;
      }
    }
    const indented = block.startPosition.row > (block.parent?.startPosition.row ?? -1);
    const level = parentLevel + (indented ? 1 : 0);
    levels.set(block.id, level);
    // CPython points at the start of the line that opens the level past the stack
    if (level >= MAX_INDENT_LEVELS)
      return {
        index: block.startIndex - block.startPosition.column,
        message: 'too many levels of indentation',
        kind: 'tree',
      };
  }
  return undefined;
}

/** tree-sitter nodes with no node of their own in CPython's AST: they add no depth. */
const TRANSPARENT = new Set([
  'module',
  'block',
  'parenthesized_expression',
  'argument_list',
  'keyword_argument',
  'pair',
  'comment',
  'decorated_definition',
  'parameters',
  'lambda_parameters',
  'default_parameter',
  'typed_parameter',
  'typed_default_parameter',
  'type',
  'for_in_clause',
  'if_clause',
  'string_start',
  'string_content',
  'string_end',
  'escape_sequence',
  'elif_clause',
  'else_clause',
  'except_clause',
  'finally_clause',
  'with_clause',
  'with_item',
  'dotted_name',
  'aliased_import',
  'expression_list',
  'pattern_list',
]);

/**
 * How deep each node sits in CPython's terms. Only nodes long enough to hold the rest of the
 * limit are entered (each level adds at least one character), so a file of ordinary statements
 * is settled at its top level; a cursor, since a module's children can number in the 100,000s.
 */
function depthProblem(root: Node): PythonSyntaxProblem | undefined {
  if (root.endIndex < MAX_AST_DEPTH) return undefined;
  const cursor = root.walk();
  const depths: number[] = [];
  let found: Node | undefined;
  // true when the cursor's node is entered (its depth pushed); sets `found` past the limit
  const enter = (): boolean => {
    const above = depths.length ? depths[depths.length - 1] : 0;
    if (!cursor.nodeIsNamed || 2 * (cursor.endIndex - cursor.startIndex) + 4 < MAX_AST_DEPTH - above) return false;
    const node = cursor.currentNode;
    const own = above + (counts(node) ? 1 : 0);
    if (own > MAX_AST_DEPTH) {
      found = node;
      return false;
    }
    depths.push(own);
    return true;
  };
  try {
    if (!enter() || !cursor.gotoFirstChild()) return undefined;
    for (;;) {
      if (enter()) {
        if (cursor.gotoFirstChild()) continue;
        depths.pop();
      }
      if (found) break;
      while (!cursor.gotoNextSibling()) {
        // the parent is done; back at the root, so is the walk
        if (!cursor.gotoParent() || (depths.pop(), depths.length === 0)) return undefined;
      }
    }
  } finally {
    cursor.delete();
  }
  return {
    index: found.startIndex,
    message: 'too many nested expressions: CPython stops with "maximum recursion depth exceeded during compilation"',
    kind: 'tree',
  };
}

function counts(node: Node): boolean {
  if (TRANSPARENT.has(node.type)) return false;
  // `x = 1` is one Assign; a bare call is an Expr holding a Call
  if (node.type === 'expression_statement') return !/assignment$/.test(node.namedChild(0)?.type ?? '');
  // `a and b and c` is one BoolOp in CPython, nested pairs in tree-sitter
  if (
    node.type === 'boolean_operator' &&
    node.parent?.type === 'boolean_operator' &&
    node.parent.childForFieldName('operator')?.type === node.childForFieldName('operator')?.type &&
    node.parent.child(0)?.id === node.id
  )
    return false;
  return true;
}

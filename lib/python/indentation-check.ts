// Indentation as CPython's tokenizer sees it: each block's statements at one indentation, none
// empty, tabs and spaces not mixed ambiguously, and the positions the tokenizer reports.
import type { Node } from 'web-tree-sitter';
import type { Add } from './compile-shapes.js';
import { isExtra } from './tree-queries.js';

const CLAUSES = new Set([
  'else_clause',
  'elif_clause',
  'except_clause',
  'except_group_clause',
  'finally_clause',
  'case_clause',
]);
const CLAUSE_HOLDERS = new Set([
  'if_statement',
  'try_statement',
  'for_statement',
  'while_statement',
  'match_statement',
]);

/** Statements of one block that start a line must share its indentation; a block may not be empty. */
export function checkIndentation(block: Node, source: string, add: Add): void {
  if (block.type === 'block' && block.namedChildCount === 0) {
    const header = block.parent;
    const next = nextLineStart(source, block.startIndex);
    add(
      next,
      `expected an indented block after ${describeHeader(header)} on line ${(header?.startPosition.row ?? 0) + 1}`,
    );
    return;
  }
  let reference: string | undefined = block.type === 'module' ? '' : undefined;
  let previous: Node | undefined;
  for (const statement of block.namedChildren) {
    if (!statement || isExtra(statement)) continue;
    const indent = lineIndent(source, statement.startIndex);
    if (indent === undefined) continue;
    if (reference === undefined) reference = indent;
    let problem = compareIndent(indent, reference);
    // deeper than this block but shallower than the line before: the tokenizer dedents and finds no level
    const before = previous ? lastLineIndent(source, previous.endIndex) : undefined;
    if (problem === 'unexpected indent' && before !== undefined && width(indent, 8) < width(before, 8))
      problem = 'unindent does not match any outer indentation level';
    if (problem) {
      // CPython's tokenizer points after the indentation, at the end of the line, or at its start
      const lineStart = statement.startIndex - indent.length;
      const lineEnd = source.indexOf('\n', statement.startIndex);
      const at =
        problem === 'unexpected indent'
          ? statement.startIndex - 1
          : problem.startsWith('unindent')
            ? lineEnd < 0
              ? source.length
              : lineEnd
            : lineStart;
      add(at, problem);
      return;
    }
    previous = statement;
    // else/elif/except/finally line up with the statement they continue (only these hold them:
    // listing every statement's children from wasm was a tenth of a cold check)
    if (!CLAUSE_HOLDERS.has(statement.type)) continue;
    for (const clause of statement.namedChildren) {
      if (!clause || !CLAUSES.has(clause.type)) continue;
      const clauseIndent = lineIndent(source, clause.startIndex);
      const clauseProblem = clauseIndent === undefined ? undefined : compareIndent(clauseIndent, indent);
      if (clauseProblem) {
        add(clause, clauseProblem === 'unexpected indent' ? 'invalid syntax' : clauseProblem);
        return;
      }
    }
  }
}

function compareIndent(indent: string, reference: string): string | undefined {
  if (indent === reference) return undefined;
  const wide = width(indent, 8) - width(reference, 8);
  const narrow = width(indent, 1) - width(reference, 1);
  if (Math.sign(wide) !== Math.sign(narrow) || wide === 0) return 'inconsistent use of tabs and spaces in indentation';
  return wide > 0 ? 'unexpected indent' : 'unindent does not match any outer indentation level';
}

function width(indent: string, tab: number): number {
  let col = 0;
  for (const ch of indent) col = ch === '\t' ? (Math.floor(col / tab) + 1) * tab : col + 1;
  return col;
}

/** Leading whitespace of the line holding `index` (the last line of a statement ending there). */
function lastLineIndent(source: string, index: number): string {
  const start = source.lastIndexOf('\n', index - 1) + 1;
  return /^[ \t\f]*/.exec(source.slice(start, index))![0].replace(/\f/g, '');
}

/** Leading whitespace of the line at `index`, when `index` is the line's first non-blank character. */
function lineIndent(source: string, index: number): string | undefined {
  const start = source.lastIndexOf('\n', index - 1) + 1;
  const before = source.slice(start, index);
  return /^[ \t\f]*$/.test(before) ? before.replace(/\f/g, '') : undefined;
}

function nextLineStart(source: string, index: number): number {
  const re = /\n[ \t]*(?=[^\s#])/g;
  re.lastIndex = index;
  const m = re.exec(source);
  return m ? m.index + 1 : source.length;
}

function describeHeader(header: Node | null): string {
  switch (header?.type) {
    case 'function_definition':
      return 'function definition';
    case 'class_definition':
      return 'class definition';
    default:
      return header ? `'${header.child(0)?.text ?? header.type}' statement` : 'statement';
  }
}

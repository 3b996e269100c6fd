// Python syntax checking beyond tree-sitter's grammar: where the file stops parsing, plus the
// errors CPython raises at compile time that tree-sitter accepts (repeated keywords, parameter
// order, `return` outside a function, indentation), so a check can stand in for `python -m py_compile`.
import type { Node } from 'web-tree-sitter';
import { grammarProblem } from './grammar-errors.js';
import { nestingProblem } from './nesting-limits.js';
import { isExtra, nodesOfType } from './tree-queries.js';

export { isExtra, nodesOfType };

export interface PythonSyntaxProblem {
  /** String index where CPython (or the nearest equivalent) points. */
  index: number;
  /** CPython-style message without location: `keyword argument repeated: exc_info`. */
  message: string;
  /** 'tree': the grammar itself fails (tree-sitter ERROR/MISSING); 'compile': CPython-only. */
  kind: 'tree' | 'compile';
  /** Another location the message refers to (the first of a repeated keyword). */
  relatedIndex?: number;
}

/**
 * Every reason CPython would refuse to compile the file, in source order. A grammar failure is
 * reported alone (only the first: later ones are usually fallout); the compile-time checks run
 * on a tree that parses.
 * @example pythonSyntaxProblems(tree.rootNode, 'f(a=1, a=2)\n')[0].message // 'keyword argument repeated: a'
 */
export function pythonSyntaxProblems(root: Node, source: string): PythonSyntaxProblem[] {
  // CPython's tokenizer and compiler limits stop it before (or instead of) anything below
  const nesting = nestingProblem(root, source);
  if (root.hasError) {
    const grammar = grammarProblem(root, source);
    return [nesting && nesting.index < grammar.index ? nesting : grammar];
  }
  if (nesting) return [nesting];
  const problems: PythonSyntaxProblem[] = [];
  const add = (node: Node | number, message: string, relatedIndex?: number) =>
    problems.push({ index: typeof node === 'number' ? node : node.startIndex, message, kind: 'compile', ...(relatedIndex !== undefined ? { relatedIndex } : {}) });
  // integer literals are many and rarely Python 2 spellings: ask for them only when the text has one
  for (const node of nodesOfType(root, PY2_INTEGER.test(source) ? CHECKED_TYPES : CHECKED_TYPES_BUT_INTEGERS, CHECKED_CALLS)) {
    switch (node.type) {
      case 'argument_list':
        checkArguments(node, add);
        break;
      case 'parameters':
      case 'lambda_parameters':
        checkParameters(node, add);
        break;
      case 'print_statement':
      case 'exec_statement':
        // `print >> sys.stderr, "x"` is a valid (if useless) Python 3 expression
        if (node.namedChildren.some((c) => c?.type === 'chevron')) break;
        add(node, `Missing parentheses in call to '${node.child(0)?.text}'. Did you mean ${node.child(0)?.text}(...)?`);
        break;
      case 'return_statement':
        if (!enclosing(node, 'function')) add(node, "'return' outside function");
        break;
      case 'yield':
        if (!enclosing(node, 'function') && !enclosing(node, 'lambda')) add(node, "'yield' outside function");
        break;
      case 'await':
        if (!enclosing(node, 'function') && !enclosing(node, 'lambda')) add(node, "'await' outside function");
        break;
      case 'break_statement':
        if (!insideLoop(node)) add(node, "'break' outside loop");
        break;
      case 'continue_statement':
        if (!insideLoop(node)) add(node, "'continue' not properly in loop");
        break;
      case 'nonlocal_statement':
        if (!hasAncestor(node, 'function_definition')) add(node, 'nonlocal declaration not allowed at module level');
        break;
      case 'list_splat':
      case 'dictionary_splat':
        if (MISPLACED_SPLAT_PARENTS.has(node.parent?.type ?? '')) add(node, 'invalid syntax');
        break;
      case 'module':
      case 'block':
        checkIndentation(node, source, add);
        if (node.type === 'module') checkFutureImports(node, add);
        break;
      case 'integer':
        // Python 2 spellings tree-sitter still accepts
        if (/^0+[1-9][0-9_]*$/.test(node.text)) add(node, 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers');
        else if (/^[0-9][0-9_]*[lL]$/.test(node.text)) add(node, 'invalid decimal literal');
        break;
      case '<>':
        add(node, 'invalid syntax');
        break;
    }
  }
  return problems.sort((a, b) => a.index - b.index);
}

const CHECKED_TYPES = new Set([
  'parameters', 'lambda_parameters', 'print_statement', 'exec_statement', 'return_statement', 'yield', 'await',
  'break_statement', 'continue_statement', 'nonlocal_statement', 'list_splat', 'dictionary_splat', 'module', 'block', 'integer', '<>',
]);
/** Call arguments can break CPython's rules only with a keyword or `**` among them (checkArguments): most calls have neither. */
const CHECKED_CALLS = ['(argument_list (keyword_argument))', '(argument_list (dictionary_splat))'];
const CHECKED_TYPES_BUT_INTEGERS = new Set([...CHECKED_TYPES].filter((t) => t !== 'integer'));
/** Text that may hold `007` or `10L`: a digit run not preceded by a name character or a dot. */
const PY2_INTEGER = /(?<![\w.])0+[1-9]|(?<![\w.])[0-9][0-9_]*[lL](?!\w)/;

type Add = (node: Node | number, message: string, relatedIndex?: number) => void;

// not `attribute`: tree-sitter parses `[*self.items]` as (*self).items
const MISPLACED_SPLAT_PARENTS = new Set(['binary_operator', 'unary_operator', 'comparison_operator', 'boolean_operator', 'not_operator']);

/** Keyword repeated, positional after keyword, `*x` after `**y`: CPython's call-argument rules. */
function checkArguments(list: Node, add: Add): void {
  const seen = new Map<string, Node>();
  let keyword = false;
  let mapping = false;
  // CPython stops at the first misplaced argument of a call: one report per list
  let ordered = true;
  const order = (arg: Node, message: string) => {
    add(arg, message);
    ordered = false;
  };
  for (const arg of list.namedChildren) {
    if (!arg || isExtra(arg)) continue;
    if (arg.type === 'keyword_argument') {
      keyword = true;
      const name = arg.childForFieldName('name')?.text ?? '';
      const first = seen.get(name);
      if (first) add(arg, `keyword argument repeated: ${name}`, first.startIndex);
      else seen.set(name, arg);
    } else if (arg.type === 'dictionary_splat') {
      mapping = true;
    } else if (ordered) {
      if (arg.type === 'list_splat') {
        if (mapping) order(arg, 'iterable argument unpacking follows keyword argument unpacking');
      } else if (mapping) order(arg, 'positional argument follows keyword argument unpacking');
      else if (keyword) order(arg, 'positional argument follows keyword argument');
    }
  }
}

/** The name a parameter node binds, if any. */
export function parameterName(param: Node): string | undefined {
  switch (param.type) {
    case 'identifier':
      return param.text;
    case 'default_parameter':
    case 'typed_default_parameter':
      return param.childForFieldName('name')?.text;
    case 'typed_parameter':
    case 'list_splat_pattern':
    case 'dictionary_splat_pattern':
      return param.namedChildren.find((c) => c?.type === 'identifier')?.text ?? param.namedChildren.find((c) => c?.type === 'list_splat_pattern' || c?.type === 'dictionary_splat_pattern')?.namedChildren[0]?.text;
    default:
      return undefined;
  }
}

/** The splat kind of a parameter: `*args`, `**kwargs` (possibly annotated), or none. */
export function parameterSplat(param: Node): '*' | '**' | undefined {
  const inner = param.type === 'typed_parameter' ? param.namedChildren[0] : param;
  if (inner?.type === 'list_splat_pattern') return '*';
  if (inner?.type === 'dictionary_splat_pattern') return '**';
  return undefined;
}

/** Duplicate names, anything after `**kwargs`, `*` or `/` twice, non-default after default. */
function checkParameters(list: Node, add: Add): void {
  const params = list.namedChildren.filter((c): c is Node => !!c && !isExtra(c));
  const seen = new Map<string, Node>();
  let varKeyword = false;
  let star: Node | undefined;
  let slash = false;
  let defaulted = false;
  let reported = false;
  const report = (node: Node, message: string, related?: number) => {
    if (!reported) add(node, message, related);
    reported = true;
  };
  params.forEach((param, i) => {
    const name = parameterName(param);
    if (name) {
      const first = seen.get(name);
      if (first) report(param, `duplicate argument '${name}' in function definition`, first.startIndex);
      else seen.set(name, param);
    }
    if (varKeyword) report(param, 'arguments cannot follow var-keyword argument');
    const splat = parameterSplat(param);
    if (splat === '**') varKeyword = true;
    else if (splat === '*' || param.type === 'keyword_separator') {
      if (star) report(param, '* argument may appear only once');
      star = param;
      if (param.type === 'keyword_separator') {
        const next = params[i + 1];
        if (!next || parameterSplat(next) === '**') report(param, 'named arguments must follow bare *');
      }
    } else if (param.type === 'positional_separator') {
      if (slash) report(param, '/ may appear only once');
      else if (star) report(param, '/ must be ahead of *');
      else if (i === 0) report(param, 'at least one argument must precede /');
      slash = true;
    } else if (!star) {
      const hasDefault = param.type === 'default_parameter' || param.type === 'typed_default_parameter';
      if (defaulted && !hasDefault) report(param, 'non-default argument follows default argument');
      defaulted ||= hasDefault;
    }
  });
}

const FUTURE_FEATURES = new Set(['nested_scopes', 'generators', 'division', 'absolute_import', 'with_statement', 'print_function', 'unicode_literals', 'barry_as_FLUFL', 'generator_stop', 'annotations']);

/** `from __future__ import x` only after the docstring and other future imports, of known features. */
function checkFutureImports(module: Node, add: Add): void {
  let leading = true;
  module.namedChildren.forEach((statement, i) => {
    if (!statement || isExtra(statement)) return;
    if (statement.type === 'future_import_statement') {
      if (!leading) add(statement, 'from __future__ imports must occur at the beginning of the file');
      for (const name of statement.namedChildren) {
        const feature = name?.type === 'aliased_import' ? name.childForFieldName('name')?.text : name?.text;
        if (feature === 'braces') add(name!, 'not a chance');
        else if (feature && !FUTURE_FEATURES.has(feature)) add(name!, `future feature ${feature} is not defined`);
      }
      return;
    }
    const docstring = i === module.namedChildren.findIndex((c) => c && !isExtra(c)) && statement.type === 'expression_statement' && statement.namedChildren[0]?.type === 'string';
    if (!docstring) leading = false;
  });
}

function hasAncestor(node: Node, type: string): boolean {
  for (let p = node.parent; p; p = p.parent) if (p.type === type) return true;
  return false;
}

function enclosing(node: Node, kind: 'function' | 'lambda'): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'function_definition') return kind === 'function';
    if (p.type === 'lambda') return kind === 'lambda';
    if (p.type === 'class_definition' && kind === 'function') return false;
  }
  return false;
}

/** Inside a loop body (not its `else:`), without a def or class in between. */
function insideLoop(node: Node): boolean {
  let child = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (p.type === 'function_definition' || p.type === 'class_definition' || p.type === 'lambda') return false;
    if ((p.type === 'for_statement' || p.type === 'while_statement') && p.childForFieldName('body')?.id === child.id) return true;
  }
  return false;
}

const CLAUSES = new Set(['else_clause', 'elif_clause', 'except_clause', 'except_group_clause', 'finally_clause', 'case_clause']);
const CLAUSE_HOLDERS = new Set(['if_statement', 'try_statement', 'for_statement', 'while_statement', 'match_statement']);

/** Statements of one block that start a line must share its indentation; a block may not be empty. */
function checkIndentation(block: Node, source: string, add: Add): void {
  if (block.type === 'block' && block.namedChildCount === 0) {
    const header = block.parent;
    const next = nextLineStart(source, block.startIndex);
    add(next, `expected an indented block after ${describeHeader(header)} on line ${(header?.startPosition.row ?? 0) + 1}`);
    return;
  }
  let reference: string | undefined = block.type === 'module' ? '' : undefined;
  for (const statement of block.namedChildren) {
    if (!statement || isExtra(statement)) continue;
    const indent = lineIndent(source, statement.startIndex);
    if (indent === undefined) continue;
    if (reference === undefined) reference = indent;
    const problem = compareIndent(indent, reference);
    if (problem) {
      add(statement, problem);
      return;
    }
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

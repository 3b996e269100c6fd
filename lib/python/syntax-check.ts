// Python syntax checking beyond tree-sitter's grammar: where the file stops parsing, plus the
// errors CPython raises at compile time that tree-sitter accepts (repeated keywords, parameter
// order, `return` outside a function, indentation; other shapes in compile-shapes.ts), in the order
// CPython's passes find them, so a check can stand in for `python -m py_compile`.
import type { Node } from 'web-tree-sitter';
import {
  checkShape,
  CODEGEN,
  PHASES,
  SHAPE_TYPES,
  SYMTABLE,
  type Add,
  type How,
  type Phase,
} from './compile-shapes.js';
import { grammarProblem } from './grammar-errors.js';
import { checkIndentation } from './indentation-check.js';
import { positionAt } from '../text/positions.js';
import { nestingProblem } from './nesting-limits.js';
import { withPythonTree } from './parser.js';
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
 * The first reason CPython would refuse to compile `source`, with its 1-based position: the one
 * syntax oracle every transform asks, so they all reject the same files at the same place.
 */
export async function firstCompileError(
  source: string,
): Promise<{ line: number; column: number; message: string } | undefined> {
  const problem = await withPythonTree(source, (tree) => pythonSyntaxProblems(tree.rootNode, source)[0]);
  return problem && { ...positionAt(source, problem.index), message: problem.message };
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
  const found: { problem: PythonSyntaxProblem; rank: number; order: number; outer: number }[] = [];
  const add: Add = (node, message, how = {}) => {
    const index = typeof node === 'number' ? node : node.startIndex;
    const problem: PythonSyntaxProblem = {
      index,
      message,
      kind: 'compile',
      ...(how.related !== undefined ? { relatedIndex: how.related } : {}),
    };
    found.push({
      problem,
      rank: PHASES.indexOf(how.phase ?? 'parse'),
      order: how.order?.startIndex ?? index,
      outer: -(how.order?.endIndex ?? index),
    });
  };
  for (const node of nodesOfType(root, CHECKED_TYPES)) {
    if (SHAPE_TYPES.has(node.type)) checkShape(node, add);
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
        if (!enclosing(node, 'function')) add(node, "'return' outside function", CODEGEN);
        break;
      case 'yield':
        if (!enclosing(node, 'function') && !enclosing(node, 'lambda')) add(node, "'yield' outside function", CODEGEN);
        break;
      case 'break_statement':
        if (!insideLoop(node)) add(node, "'break' outside loop", CODEGEN);
        break;
      case 'continue_statement':
        if (!insideLoop(node)) add(node, "'continue' not properly in loop", CODEGEN);
        break;
      case 'nonlocal_statement':
        if (!hasAncestor(node, 'function_definition'))
          add(node, 'nonlocal declaration not allowed at module level', SYMTABLE);
        break;
      case 'list_splat':
      case 'dictionary_splat':
        // `*a + 1` parses as *(a + 1), which only the compiler refuses; `-*a`, `*a or b` do not parse
        if (node.parent?.type === 'binary_operator' && node.parent.child(0)?.id === node.id)
          add(node, "can't use starred expression here", CODEGEN);
        else if (MISPLACED_SPLAT_PARENTS.has(node.parent?.type ?? '')) add(node, 'invalid syntax');
        break;
      case 'module':
      case 'block':
        checkIndentation(node, source, add);
        if (node.type === 'module') checkFutureImports(node, add);
        break;
      case 'integer':
        // Python 2 spellings tree-sitter still accepts
        if (/^0+[1-9][0-9_]*$/.test(node.text))
          add(node, 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers');
        else if (/^[0-9][0-9_]*[lL]$/.test(node.text)) add(node, 'invalid decimal literal');
        break;
      case '<>':
        add(node, 'invalid syntax');
        break;
    }
  }
  // CPython stops at the first error of the first pass that has one: tokenizer and parser, then
  // __future__ features, the symbol table, then code generation (which checks a call's keywords
  // before compiling its callee and arguments, so an outer call's repeat comes first)
  found.sort((a, b) => a.rank - b.rank || a.order - b.order || a.outer - b.outer || a.problem.index - b.problem.index);
  return found.map((f) => f.problem);
}

const CHECKED_TYPES = new Set([
  'argument_list',
  'parameters',
  'lambda_parameters',
  'print_statement',
  'exec_statement',
  'return_statement',
  'yield',
  'break_statement',
  'continue_statement',
  'nonlocal_statement',
  'list_splat',
  'dictionary_splat',
  'module',
  'block',
  'integer',
  '<>',
  ...SHAPE_TYPES,
]);

// not `attribute`: tree-sitter parses `[*self.items]` as (*self).items
const MISPLACED_SPLAT_PARENTS = new Set([
  'binary_operator',
  'unary_operator',
  'comparison_operator',
  'boolean_operator',
  'not_operator',
]);

/** Keyword repeated, positional after keyword, `*x` after `**y`: CPython's call-argument rules. */
function checkArguments(list: Node, add: Add): void {
  const seen = new Map<string, Node>();
  let keyword = false;
  let mapping = false;
  // CPython stops at the first misplaced argument of a call: one report per list
  let ordered = true;
  const close = list.lastChild?.type === ')' ? list.lastChild : undefined;
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
      if (first)
        add(arg, `keyword argument repeated: ${name}`, {
          phase: 'codegen',
          related: first.startIndex,
          order: list.parent ?? list,
        });
      else seen.set(name, arg);
    } else if (arg.type === 'dictionary_splat') {
      mapping = true;
    } else if (ordered) {
      if (arg.type === 'list_splat') {
        if (mapping) order(arg, 'iterable argument unpacking follows keyword argument unpacking');
      }
      // CPython's parser raises these at the last token it read: the call's closing parenthesis
      else if (mapping) order(close ?? arg, 'positional argument follows keyword argument unpacking');
      else if (keyword) order(close ?? arg, 'positional argument follows keyword argument');
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
      return (
        param.namedChildren.find((c) => c?.type === 'identifier')?.text ??
        param.namedChildren.find((c) => c?.type === 'list_splat_pattern' || c?.type === 'dictionary_splat_pattern')
          ?.namedChildren[0]?.text
      );
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
  // one report per list and pass: a parse error still outranks an earlier duplicate name
  const reported = new Set<Phase>();
  const report = (node: Node, message: string, how: How = {}) => {
    if (!reported.has(how.phase ?? 'parse')) add(node, message, how);
    reported.add(how.phase ?? 'parse');
  };
  params.forEach((param, i) => {
    const name = parameterName(param);
    if (name) {
      const first = seen.get(name);
      if (first)
        report(param, `duplicate argument '${name}' in function definition`, {
          phase: 'symtable',
          related: first.startIndex,
        });
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

const FUTURE_FEATURES = new Set([
  'nested_scopes',
  'generators',
  'division',
  'absolute_import',
  'with_statement',
  'print_function',
  'unicode_literals',
  'barry_as_FLUFL',
  'generator_stop',
  'annotations',
]);

/** `from __future__ import x` only after the docstring and other future imports, of known features. */
function checkFutureImports(module: Node, add: Add): void {
  let leading = true;
  module.namedChildren.forEach((statement, i) => {
    if (!statement || isExtra(statement)) return;
    if (statement.type === 'future_import_statement') {
      if (!leading) add(statement, 'from __future__ imports must occur at the beginning of the file', CODEGEN);
      for (const name of statement.namedChildren) {
        const feature = name?.type === 'aliased_import' ? name.childForFieldName('name')?.text : name?.text;
        // only the leading block reaches CPython's future pass, which points at the statement
        if (!leading) continue;
        if (feature === 'braces') add(statement, 'not a chance', { phase: 'future' });
        else if (feature && !FUTURE_FEATURES.has(feature))
          add(statement, `future feature ${feature} is not defined`, { phase: 'future' });
      }
      return;
    }
    const docstring =
      i === module.namedChildren.findIndex((c) => c && !isExtra(c)) &&
      statement.type === 'expression_statement' &&
      statement.namedChildren[0]?.type === 'string';
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
    if ((p.type === 'for_statement' || p.type === 'while_statement') && p.childForFieldName('body')?.id === child.id)
      return true;
  }
  return false;
}

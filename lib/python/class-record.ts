// One class statement as the scan records it: its name, where it is, its header's items and
// bases as written, and whether it runs where a failure is expected.
import type { Node } from 'web-tree-sitter';
import type { ScanInput } from './class-scan.js';

/** A positional base in a class header, as written. */
export interface BaseExpr {
  text: string;
  start: number;
  end: number;
  line: number;
  column: number;
  /** Position among all the header's items (bases, keywords, splats). */
  item: number;
  kind: 'name' | 'attribute' | 'subscript' | 'call' | 'other';
  /** Dotted parts of a name or attribute, or of a subscript's value (`Base[T]` → ['Base']). */
  path?: string[];
}

/** One item of a class header's argument list: what edits need to keep or drop. */
export interface HeaderItem {
  start: number;
  end: number;
  kind: 'base' | 'keyword' | 'splat';
}

export interface ClassRecord {
  /** `pkg.mod:Outer.Inner`; nested in a function: `pkg.mod:build.<locals>.Inner`; a redefinition gets `#2`. */
  id: string;
  name: string;
  qualname: string;
  module: string;
  file: string;
  /** 1-based position of the class name. */
  line: number;
  column: number;
  nameStart: number;
  /** Position of the `class` keyword. */
  start: number;
  /** The header's parentheses (`open` is the index of `(`, `close` of `)`); absent for `class C:`. */
  header?: { open: number; close: number; items: HeaderItem[] };
  bases: BaseExpr[];
  /** `*bases` or `**kw` in the header: the bases are not known statically. */
  splat: boolean;
  /** Scope the class statement runs in, and the scope of its body. */
  scope: number;
  bodyScope: number;
  /**
   * The class statement runs where a failure is expected (`with pytest.raises(…)`,
   * `self.assertRaises(…)`, a `try` that catches TypeError): an inconsistent MRO is the point.
   */
  expectsFailure?: string;
  /** Decorators of the class statement (`dataclass`), when it has any. */
  decorators?: string[];
  /** Names the body binds inside an if/try/for/with/while/match: what they hold depends on the run. */
  conditional?: string[];
  /** `self.<name> = …` anywhere in the class, methods included (nested classes are theirs); loggers apart. */
  selfAttributes?: string[];
  selfLoggers?: string[];
}

/** Context managers that expect the block to raise: pytest's and unittest's. */
const RAISES_CALL = /(^|\.)(raises|assertRaises|assertRaisesRegex|assertRaisesRegexp)$/;

/**
 * `with pytest.raises(TypeError)` or `with self.assertRaises(…)` around the statement, or a `try`
 * whose handler catches TypeError: the text shown in the report, or undefined.
 */
function expectedFailureAround(node: Node): string | undefined {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'with_statement') {
      for (const item of parent.descendantsOfType('with_item')) {
        const value = item?.childForFieldName('value');
        const callee = value?.type === 'call' ? value.childForFieldName('function')?.text : undefined;
        if (callee && RAISES_CALL.test(callee)) return `with ${callee}(…)`;
      }
    }
    if (parent.type === 'try_statement' && parent.childForFieldName('body')?.startIndex === child.startIndex) {
      const catches = parent.namedChildren.some(
        (clause) =>
          clause?.type === 'except_clause' && /\bTypeError\b/.test(clause.text.slice(0, clause.text.indexOf(':'))),
      );
      if (catches) return 'a try that catches TypeError';
    }
  }
  return undefined;
}

export function classRecord(
  node: Node,
  nameNode: Node,
  source: string,
  input: ScanInput,
  id: string,
  name: string,
  qualname: string,
  scope: number,
): ClassRecord {
  const record: ClassRecord = {
    id,
    name,
    qualname,
    module: input.module,
    file: input.file,
    line: nameNode.startPosition.row + 1,
    column: columnOf(source, nameNode.startIndex),
    nameStart: nameNode.startIndex,
    start: node.startIndex,
    bases: [],
    splat: false,
    scope,
    bodyScope: -1,
  };
  const expects = expectedFailureAround(node);
  if (expects) record.expectsFailure = expects;
  const args = node.childForFieldName('superclasses');
  if (!args) return record;
  const items: HeaderItem[] = [];
  for (const child of args.namedChildren) {
    if (!child || child.type === 'comment') continue;
    const item = items.length;
    if (child.type === 'keyword_argument') {
      items.push({ start: child.startIndex, end: child.endIndex, kind: 'keyword' });
    } else if (child.type === 'list_splat' || child.type === 'dictionary_splat') {
      items.push({ start: child.startIndex, end: child.endIndex, kind: 'splat' });
      record.splat = true;
    } else {
      items.push({ start: child.startIndex, end: child.endIndex, kind: 'base' });
      record.bases.push(baseExpr(child, source, item));
    }
  }
  record.header = { open: args.startIndex, close: args.endIndex - 1, items };
  return record;
}

function baseExpr(node: Node, source: string, item: number): BaseExpr {
  const common = {
    text: node.text,
    start: node.startIndex,
    end: node.endIndex,
    line: node.startPosition.row + 1,
    column: columnOf(source, node.startIndex),
    item,
  };
  const path = dottedPath(node);
  if (path) return { ...common, kind: path.length === 1 ? 'name' : 'attribute', path };
  if (node.type === 'subscript' || node.type === 'generic_type') {
    const value = node.childForFieldName('value') ?? node.namedChildren[0];
    const valuePath = value ? dottedPath(value) : undefined;
    return { ...common, kind: 'subscript', path: valuePath };
  }
  if (node.type === 'call') return { ...common, kind: 'call' };
  return { ...common, kind: 'other' };
}

/** `a.b.C` → ['a', 'b', 'C']; anything else → undefined. */
export function dottedPath(node: Node): string[] | undefined {
  if (node.type === 'identifier') return [node.text];
  if (node.type === 'attribute') {
    const object = node.childForFieldName('object');
    const attribute = node.childForFieldName('attribute');
    const head = object ? dottedPath(object) : undefined;
    return head && attribute ? [...head, attribute.text] : undefined;
  }
  if (node.type === 'parenthesized_expression' && node.namedChildCount === 1) return dottedPath(node.namedChildren[0]!);
  return undefined;
}

function columnOf(source: string, index: number): number {
  return index - (source.lastIndexOf('\n', index - 1) + 1) + 1;
}

// Python import extraction from a tree-sitter tree: one record per imported module, with the
// positions edits need and the context (lazy, optional, TYPE_CHECKING) analyses need.
import { Query, type Language, type Node } from 'web-tree-sitter';

export interface ImportedName {
  /** The name as written (`c`, `*` for a star import); dotted only in plain imports. */
  name: string;
  alias?: string;
  /** String indices of the whole `name [as alias]` item (for removing or rewriting it). */
  start: number;
  end: number;
  /** String indices of the name itself. */
  nameStart: number;
  nameEnd: number;
}

export interface PythonImport {
  kind: 'import' | 'from';
  /** Dotted module as written, without leading dots ('' for `from . import x`). */
  module: string;
  /** Number of leading dots; 0 = absolute. */
  level: number;
  /** From-imports: the imported names (`*` for a star import). Plain imports: []. */
  names: ImportedName[];
  /** `import a.b as x`. */
  alias?: string;
  /** 1-based position of the module name (of the first dot for a relative import). */
  line: number;
  column: number;
  /** String indices of the module text without the dots (empty range after the dots for `from . import x`). */
  moduleStart: number;
  moduleEnd: number;
  /** String indices of the module as written, leading dots included. */
  specifierStart: number;
  specifierEnd: number;
  /** String indices of the whole statement, and of this item within a plain `import a, b`. */
  statementStart: number;
  statementEnd: number;
  itemStart: number;
  itemEnd: number;
  /** Inside a def or lambda (a lazy import that only runs when called). */
  inFunction: boolean;
  /** Inside `try:` whose handlers catch ImportError/ModuleNotFoundError (or bare/Exception). */
  optional: boolean;
  /** Inside the body of `if TYPE_CHECKING:` (or `typing.TYPE_CHECKING`). */
  typeCheckingOnly: boolean;
  /** `from __future__ import …`. */
  future: boolean;
}

const CATCHES_IMPORT_ERROR = /^(ImportError|ModuleNotFoundError|Exception|BaseException|builtins\.\w+)$/;

/**
 * Every import in the tree, in source order. `import a, b` gives two records; a from-import
 * gives one record with all its names.
 * @example extractImports(tree.rootNode, source).map((i) => i.module)
 */
export function extractImports(root: Node, source: string): PythonImport[] {
  return importStatements(root, source).flatMap((node) => importsOfStatement(node, source));
}

/**
 * The import statements of a whole-file tree, in source order. Every one holds the keyword
 * `import` as written, so on a tree without errors each occurrence of the word is looked up
 * (a few dozen lookups, against a query that visits every node). A damaged tree may hold a
 * statement whose keyword tree-sitter inserted as missing: there the query answers.
 */
function importStatements(root: Node, source: string): Node[] {
  // a query runs inside wasm: far cheaper than visiting every node from JavaScript
  if (root.hasError || root.parent)
    return importQuery(root.tree.language)
      .captures(root)
      .map(({ node }) => node);
  const statements: Node[] = [];
  let last = -1;
  for (const match of source.matchAll(IMPORT_KEYWORD)) {
    // the keyword's own node, then its statement (a word in a comment or string finds none)
    let node: Node | null = root.descendantForIndex(match.index);
    while (node && !IMPORT_STATEMENTS.has(node.type)) {
      if (STATEMENT_BOUNDARY.has(node.type)) node = null;
      else node = node.parent;
    }
    if (!node || node.startIndex <= last) continue; // a comment inside `from a import (…)`
    last = node.startIndex;
    statements.push(node);
  }
  return statements;
}

/** The word `import` (`from .import x` too), not part of a longer name (`importlib`, `__import__`). */
const IMPORT_KEYWORD = /(?<!\w)import(?!\w)/g;
/** Nodes that never sit inside an import statement: the climb from a word stops there. */
const STATEMENT_BOUNDARY = new Set(['block', 'module', 'expression_statement', 'string', 'call']);

/** The import records of one `import`, `from … import` or `from __future__ import` statement. */
export function importsOfStatement(node: Node, source: string): PythonImport[] {
  const found: PythonImport[] = [];
  switch (node.type) {
    case 'import_statement':
      for (const item of node.childrenForFieldName('name')) {
        if (!item) continue;
        const dotted = item.type === 'aliased_import' ? item.childForFieldName('name') : item;
        if (!dotted) continue;
        const alias = item.type === 'aliased_import' ? item.childForFieldName('alias')?.text : undefined;
        found.push(record(node, source, 'import', dotted, 0, dotted, [], alias, item));
      }
      break;
    case 'import_from_statement':
    case 'future_import_statement': {
      const future = node.type === 'future_import_statement';
      const moduleNode = future ? undefined : node.childForFieldName('module_name');
      if (!future && !moduleNode) break;
      const names = importedNames(node);
      if (future) {
        found.push({
          ...record(node, source, 'from', node, 0, undefined, names, undefined, node),
          module: '__future__',
          future: true,
        });
        break;
      }
      let level = 0;
      let dotted: Node | undefined = moduleNode!;
      if (moduleNode!.type === 'relative_import') {
        const prefix = moduleNode!.namedChildren.find((c) => c?.type === 'import_prefix');
        level = prefix ? prefix.text.replace(/\s/g, '').length : 0;
        dotted = moduleNode!.namedChildren.find((c) => c?.type === 'dotted_name') ?? undefined;
      }
      found.push(record(node, source, 'from', moduleNode!, level, dotted, names, undefined, node));
      break;
    }
  }
  return found;
}

/** The statement types `importsOfStatement` reads. */
export const IMPORT_STATEMENTS = new Set(['import_statement', 'import_from_statement', 'future_import_statement']);

const importQueries = new WeakMap<Language, Query>();

function importQuery(language: Language): Query {
  let query = importQueries.get(language);
  if (!query) {
    query = new Query(language, '[(import_statement) (import_from_statement) (future_import_statement)] @import');
    importQueries.set(language, query);
  }
  return query;
}

function importedNames(statement: Node): ImportedName[] {
  const names: ImportedName[] = [];
  for (const child of statement.namedChildren) {
    if (!child) continue;
    if (child.type === 'wildcard_import') {
      names.push({
        name: '*',
        start: child.startIndex,
        end: child.endIndex,
        nameStart: child.startIndex,
        nameEnd: child.endIndex,
      });
      continue;
    }
    if (statement.childForFieldName('module_name')?.id === child.id) continue;
    if (child.type === 'dotted_name') {
      names.push({
        name: child.text,
        start: child.startIndex,
        end: child.endIndex,
        nameStart: child.startIndex,
        nameEnd: child.endIndex,
      });
    } else if (child.type === 'aliased_import') {
      const name = child.childForFieldName('name');
      const alias = child.childForFieldName('alias');
      if (!name) continue;
      names.push({
        name: name.text,
        alias: alias?.text,
        start: child.startIndex,
        end: child.endIndex,
        nameStart: name.startIndex,
        nameEnd: name.endIndex,
      });
    }
  }
  return names;
}

function record(
  statement: Node,
  source: string,
  kind: 'import' | 'from',
  specifier: Node,
  level: number,
  dotted: Node | undefined,
  names: ImportedName[],
  alias: string | undefined,
  item: Node,
): PythonImport {
  const moduleStart = dotted ? dotted.startIndex : specifier.endIndex;
  const moduleEnd = dotted ? dotted.endIndex : specifier.endIndex;
  const context = contextOf(statement);
  return {
    kind,
    module: dotted ? source.slice(moduleStart, moduleEnd).replace(/\s|\\/g, '') : '',
    level,
    names,
    ...(alias !== undefined ? { alias } : {}),
    line: specifier.startPosition.row + 1,
    column: columnOf(source, specifier.startIndex),
    moduleStart,
    moduleEnd,
    specifierStart: specifier.startIndex,
    specifierEnd: specifier.endIndex,
    statementStart: statement.startIndex,
    statementEnd: statement.endIndex,
    itemStart: item.startIndex,
    itemEnd: item.endIndex,
    ...context,
    future: false,
  };
}

/** 1-based UTF-16 column of a string index. */
function columnOf(source: string, index: number): number {
  return index - (source.lastIndexOf('\n', index - 1) + 1) + 1;
}

function contextOf(statement: Node): Pick<PythonImport, 'inFunction' | 'optional' | 'typeCheckingOnly'> {
  let inFunction = false;
  let optional = false;
  let typeCheckingOnly = false;
  let child: Node = statement;
  for (let parent = statement.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'function_definition' || parent.type === 'lambda') inFunction = true;
    if (parent.type === 'try_statement' && parent.childForFieldName('body')?.id === child.id) {
      if (parent.namedChildren.some((c) => c?.type === 'except_clause' && catchesImportError(c))) optional = true;
    }
    if (parent.type === 'if_statement' && parent.childForFieldName('consequence')?.id === child.id) {
      const condition = parent.childForFieldName('condition')?.text.replace(/\s/g, '');
      if (condition === 'TYPE_CHECKING' || condition === 'typing.TYPE_CHECKING') typeCheckingOnly = true;
    }
  }
  return { inFunction, optional, typeCheckingOnly };
}

/** `except:`, `except ImportError:`, `except (ValueError, ModuleNotFoundError) as e:` … */
function catchesImportError(clause: Node): boolean {
  const value = clause.namedChildren.find((c) => c && c.type !== 'block' && c.type !== 'comment');
  if (!value) return true; // bare except
  const caught = value.type === 'as_pattern' ? value.namedChildren[0] : value;
  if (!caught) return true;
  const names =
    caught.type === 'tuple' || caught.type === 'parenthesized_expression'
      ? caught.namedChildren.map((c) => c?.text ?? '')
      : [caught.text];
  return names.some((n) => CATCHES_IMPORT_ERROR.test(n.replace(/\s/g, '')));
}

/**
 * The package a module's relative imports start from (`from . import x`): a package's
 * `__init__` is its own package, any other module its parent ('' for a top-level module).
 */
export function packageOfModule(moduleName: string, relPath: string): string {
  if (/(^|\/)__init__\.pyi?$/.test(relPath)) return moduleName;
  const dot = moduleName.lastIndexOf('.');
  return dot === -1 ? '' : moduleName.slice(0, dot);
}

/**
 * Absolute module of a relative import, read from the package `pkg` ('' = a top-level module,
 * which has none): one dot is `pkg` itself, each further dot its parent. Undefined where CPython
 * raises ImportError: more dots than `pkg` has parts ("attempted relative import beyond
 * top-level package", importlib's `package.rsplit('.', level - 1)` gives fewer than `level`
 * parts), and any dot in a top-level module ("attempted relative import with no known parent
 * package").
 * @example resolveRelativeImport('a.b', 2, 'c.d') // 'a.c.d'
 * @example resolveRelativeImport('pkg', 2, 'config') // undefined: `from ..config` in pkg/a.py
 */
export function resolveRelativeImport(pkg: string, level: number, module: string): string | undefined {
  const parts = pkg ? pkg.split('.') : [];
  if (level > parts.length) return undefined;
  const base = parts.slice(0, parts.length - (level - 1));
  if (module) base.push(...module.split('.'));
  return base.join('.');
}

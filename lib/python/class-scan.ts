// One Python file's scopes and every name binding in them (the one Python binding model): what
// the class index needs to resolve a base expression the way Python would when the class
// statement runs, and what fix-call-syntax needs to know which function a call names (defs
// with their parameters, classes with their members, imports, loggers, and every other site
// that rebinds a name: assignments, for/with/except targets, walrus, global/nonlocal).
import type { Node } from 'web-tree-sitter';
import { extractImports, IMPORT_STATEMENTS, importsOfStatement } from './imports.js';
import { decoratorsOf, isGetLogger, parameterListOf, type ParameterList } from './signature.js';
import { addSelfAttributes } from './self-attributes.js';
import { classRecord, dottedPath, type ClassRecord } from './class-record.js';

export type { BaseExpr, ClassRecord } from './class-record.js';

/** Where a name is bound: `at` orders bindings; `alternate` marks one in an `except` handler (the try body is what runs). */
interface BindingSite {
  at: number;
  alternate?: true;
}

export type Binding = BindingSite &
  (
    | { kind: 'class'; classId: string }
    /** A `def`, with what a call needs to know about it. */
    | { kind: 'function'; parameters: ParameterList; decorators?: string[] }
    /** `import a.b` binds `a` (module 'a'); `import a.b as m` binds `m` (module 'a.b'). */
    | { kind: 'module'; module: string | undefined }
    /** `from m import n [as x]`, relative imports already made absolute (undefined: above the root). */
    | { kind: 'from'; module: string | undefined; name: string }
    /** `X = a.b.C`: an alias of another name. */
    | { kind: 'alias'; path: string[] }
    /** `log = logging.getLogger(…)`. */
    | { kind: 'logger' }
    /** Anything else: a value computed at run time. */
    | { kind: 'other' }
  );

export type FunctionBinding = Extract<Binding, { kind: 'function' }>;

export interface Scope {
  id: number;
  kind: 'module' | 'function' | 'class';
  /** The scope whose names this one sees next (class bodies are skipped by nested functions, as in Python). */
  parent: number | undefined;
  start: number;
  end: number;
  bindings: Map<string, Binding[]>;
  /** The class whose body this is. */
  classId?: string;
}

export interface FileScan {
  file: string;
  module: string;
  scopes: Scope[];
  classes: ClassRecord[];
  /** Star imports at module level, in order: absolute module names. */
  stars: { module: string | undefined; at: number }[];
  /** `__all__` when it is a literal list/tuple of strings; null when present but not literal. */
  all: string[] | null | undefined;
}

export interface ScanInput {
  file: string;
  /** Dotted module name; a pseudo name for files outside any package. */
  module: string;
  /** `(level, module)` of a relative import ➔ absolute module, undefined above the source root. */
  resolveRelative: (level: number, module: string) => string | undefined;
}

export interface ScanOptions {
  /**
   * Keep every function scope (the file fix-call-syntax is fixing: a call in any function looks
   * its names up there). By default only the scopes a class statement's lookup reaches are kept,
   * which keeps the cached scan small.
   */
  everyScope?: boolean;
}

/** Nodes whose children may be statements (or hold them, like clauses and blocks). */
const COMPOUND = new Set([
  'block',
  'if_statement',
  'elif_clause',
  'else_clause',
  'try_statement',
  'finally_clause',
  'with_statement',
  'for_statement',
  'while_statement',
  'decorated_definition',
  'match_statement',
  'case_clause',
  'ERROR',
]);

/** Where the walk is: the scope statements bind in, and how they run there. */
interface Place {
  scope: number;
  qualPrefix: string;
  /** Inside an `except` handler. */
  alternate: boolean;
  /** Inside a compound statement of the scope (if/try/for/with/while/match): bound only on some runs. */
  conditional: boolean;
}

export function scanTree(root: Node, source: string, input: ScanInput, options: ScanOptions = {}): FileScan {
  const scan: FileScan = { file: input.file, module: input.module, scopes: [], classes: [], stars: [], all: undefined };
  const excepts: { start: number; end: number }[] = [];
  const recordOfScope = new Map<number, ClassRecord>();
  // most files hold no walrus: the expressions that could bind one are searched only when one does
  const walrus = source.includes(':=');
  const saysGlobal = source.includes('global');
  const newScope = (kind: Scope['kind'], parent: number | undefined, node: Node, classId?: string): number => {
    scan.scopes.push({
      id: scan.scopes.length,
      kind,
      parent,
      start: node.startIndex,
      end: node.endIndex,
      bindings: new Map(),
      classId,
    });
    return scan.scopes.length - 1;
  };
  const bind = (place: Place, name: string, binding: Binding) => {
    if (place.alternate) binding.alternate = true;
    const bindings = scan.scopes[place.scope].bindings;
    const list = bindings.get(name) ?? [];
    list.push(binding);
    bindings.set(name, list);
    const record = place.conditional ? recordOfScope.get(place.scope) : undefined;
    if (record && !record.conditional?.includes(name)) (record.conditional ??= []).push(name);
  };
  const bindTargets = (place: Place, target: Node | null, at: number) => {
    for (const name of target ? identifiersIn(target) : []) bind(place, name, { kind: 'other', at });
  };
  /** `(x := …)` in an expression binds x in the scope (a comprehension's too, as in Python). */
  const bindWalrus = (place: Place, node: Node) => {
    if (!mentions(source, ':=', node)) return;
    for (const named of node.descendantsOfType('named_expression')) {
      const name = named?.childForFieldName('name');
      if (name) bind(place, name.text, { kind: 'other', at: named!.startIndex });
    }
  };
  /** `with a as x`, `except E as e`: the names after `as`. */
  const bindAsTargets = (place: Place, node: Node | null) => {
    for (const target of node?.descendantsOfType('as_pattern_target') ?? [])
      if (target) bindTargets(place, target.namedChildren[0] ?? null, target.startIndex);
  };
  const qualCount = new Map<string, number>();

  const visit = (node: Node, place: Place): void => {
    // the definition a decorated_definition holds: its decorators are this node's other children
    const decorated = node.type === 'decorated_definition' ? node : undefined;
    for (const child of node.namedChildren) {
      if (!child) continue;
      switch (child.type) {
        case 'class_definition': {
          const nameNode = child.childForFieldName('name');
          if (!nameNode) break;
          const name = nameNode.text;
          const qualname = place.qualPrefix + name;
          const n = (qualCount.get(qualname) ?? 0) + 1;
          qualCount.set(qualname, n);
          const id = `${input.module}:${qualname}${n > 1 ? `#${n}` : ''}`;
          const record = classRecord(child, nameNode, source, input, id, name, qualname, place.scope);
          const decorators = decorated && decoratorsOf(decorated);
          if (decorators?.length) record.decorators = decorators;
          const body = child.childForFieldName('body');
          record.bodyScope = newScope('class', place.scope, body ?? child, id);
          recordOfScope.set(record.bodyScope, record);
          scan.classes.push(record);
          bind(place, name, { kind: 'class', at: child.startIndex, classId: id });
          if (body)
            visit(body, { scope: record.bodyScope, qualPrefix: `${qualname}.`, alternate: false, conditional: false });
          break;
        }
        case 'function_definition': {
          const nameNode = child.childForFieldName('name');
          if (nameNode) bind(place, nameNode.text, functionBinding(child, decorated));
          // a nested function sees its enclosing functions and the module, never a class body
          let parent: number | undefined = place.scope;
          while (parent !== undefined && scan.scopes[parent].kind === 'class') parent = scan.scopes[parent].parent;
          const inner = newScope('function', parent, child);
          // a function holding no class is a scope no class lookup reaches (keepResolvableScopes
          // drops it): its parameters and body need no walk, which is most of a file's statements
          // (one that says `global` is walked too: what it assigns rebinds a module-level name)
          if (
            !options.everyScope &&
            !mentions(source, 'class', child) &&
            !(saysGlobal && mentions(source, 'global', child))
          )
            break;
          const body = child.childForFieldName('body');
          const own: Place = {
            scope: inner,
            qualPrefix: `${place.qualPrefix}${nameNode?.text ?? '<lambda>'}.<locals>.`,
            alternate: false,
            conditional: false,
          };
          for (const param of parameterNames(child.childForFieldName('parameters')))
            bind(own, param, { kind: 'other', at: child.startIndex });
          if (body) visit(body, own);
          break;
        }
        case 'expression_statement':
          for (const expr of child.namedChildren) if (expr) assignment(expr, place);
          if (walrus) bindWalrus(place, child);
          break;
        case 'except_clause':
        case 'except_group_clause': {
          excepts.push({ start: child.startIndex, end: child.endIndex });
          const inside = { ...place, alternate: true, conditional: true };
          bindAsTargets(inside, child.childForFieldName('value'));
          visit(child, inside);
          break;
        }
        case 'for_statement':
          bindTargets({ ...place, conditional: true }, child.childForFieldName('left'), child.startIndex);
          visit(child, { ...place, conditional: true });
          break;
        case 'with_clause':
          bindAsTargets(place, child);
          if (walrus) bindWalrus(place, child);
          break;
        case 'global_statement':
        case 'nonlocal_statement': {
          // the function assigns the module's (or the enclosing function's) name when it runs: the
          // name is not static there, and is a local name here
          const outer = child.type === 'global_statement' ? 0 : scan.scopes[place.scope].parent;
          for (const name of child.namedChildren) {
            if (name?.type !== 'identifier') continue;
            bind(place, name.text, { kind: 'other', at: child.startIndex });
            if (outer !== undefined && outer !== place.scope)
              bind({ ...place, scope: outer }, name.text, { kind: 'other', at: child.startIndex });
          }
          break;
        }
        default:
          // statements hold classes, bindings and imports; an expression binds only through a walrus
          if (COMPOUND.has(child.type))
            visit(child, { ...place, conditional: place.conditional || child.type !== 'decorated_definition' });
          else if (IMPORT_STATEMENTS.has(child.type)) importStatements.push(child);
          else if (walrus) bindWalrus(place, child);
      }
    }
  };

  const assignment = (expr: Node, place: Place) => {
    if (expr.type !== 'assignment' && expr.type !== 'augmented_assignment') return;
    const left = expr.childForFieldName('left');
    const right = expr.childForFieldName('right');
    if (!left) return;
    if (left.type !== 'identifier') return bindTargets(place, left, expr.startIndex);
    const name = left.text;
    if (name === '__all__' && scan.scopes[place.scope].kind === 'module') {
      const names = right ? stringList(right) : null;
      if (expr.type === 'augmented_assignment') scan.all = scan.all && names ? [...scan.all, ...names] : null;
      else scan.all = names;
    }
    const path = expr.type === 'assignment' && right ? dottedPath(right) : undefined;
    // a chained `A = B = C` keeps the innermost value
    bind(
      place,
      name,
      path
        ? { kind: 'alias', at: expr.startIndex, path }
        : isGetLogger(right)
          ? { kind: 'logger', at: expr.startIndex }
          : { kind: 'other', at: expr.startIndex },
    );
    if (right?.type === 'assignment') assignment(right, place);
  };

  const importStatements: Node[] = [];
  newScope('module', undefined, root);
  visit(root, { scope: 0, qualPrefix: '', alternate: false, conditional: false });

  // imports bind in the innermost scope holding the statement; the walk above met every import
  // statement of a tree that parses (a whole-tree query would walk every expression too)
  const imports = root.hasError
    ? extractImports(root, source)
    : importStatements.flatMap((node) => importsOfStatement(node, source));
  for (const imp of imports) {
    if (imp.future) continue;
    const scope = innermostScope(scan.scopes, imp.statementStart);
    const alternate = excepts.some((e) => e.start <= imp.statementStart && imp.statementEnd <= e.end);
    const place: Place = { scope, qualPrefix: '', alternate, conditional: false };
    const absolute = imp.level > 0 ? input.resolveRelative(imp.level, imp.module) : imp.module;
    if (imp.kind === 'import') {
      // import a.b ➔ a (module a); import a.b as m ➔ m (module a.b)
      const module = imp.alias ? imp.module : imp.module.split('.')[0];
      bind(place, imp.alias ?? module, { kind: 'module', at: imp.statementStart, module });
      continue;
    }
    for (const item of imp.names) {
      if (item.name === '*') {
        if (scan.scopes[scope].kind === 'module') scan.stars.push({ module: absolute, at: imp.statementStart });
        continue;
      }
      bind(place, item.alias ?? item.name, { kind: 'from', at: imp.statementStart, module: absolute, name: item.name });
    }
  }
  for (const scope of scan.scopes) for (const list of scope.bindings.values()) list.sort((a, b) => a.at - b.at);
  if (scan.classes.length) addSelfAttributes(root, source, scan);
  return options.everyScope ? scan : keepResolvableScopes(scan);
}

/** Whether `word` occurs in the text of `node` (a cheap test before walking it). */
function mentions(source: string, word: string, node: Node): boolean {
  const at = source.indexOf(word, node.startIndex);
  return at >= 0 && at < node.endIndex;
}

/** A def's binding: its parameters and decorators, what a call to it may pass. */
function functionBinding(def: Node, decorated: Node | undefined): FunctionBinding {
  const binding: FunctionBinding = {
    kind: 'function',
    at: def.startIndex,
    parameters: parameterListOf(def.childForFieldName('parameters')),
  };
  const decorators = decorated && decoratorsOf(decorated);
  if (decorators?.length) binding.decorators = decorators;
  return binding;
}

/** The scan of a file that defines and binds nothing (text with no class, def, import or `__all__`). */
export function emptyScan(input: ScanInput): FileScan {
  return {
    file: input.file,
    module: input.module,
    scopes: [{ id: 0, kind: 'module', parent: undefined, start: 0, end: 0, bindings: new Map() }],
    classes: [],
    stars: [],
    all: undefined,
  };
}

/**
 * Drop the scopes no name lookup can reach: lookups start at a class statement's scope or body
 * and climb through parents, so a function that holds no class is never consulted. Most
 * functions hold none; dropping them keeps the scan (in memory and in the fact cache) small.
 */
function keepResolvableScopes(scan: FileScan): FileScan {
  const keep = new Set<number>([0]);
  for (const record of scan.classes) {
    for (const start of [record.scope, record.bodyScope]) {
      for (
        let id: number | undefined = start;
        id !== undefined && id >= 0 && !keep.has(id);
        id = scan.scopes[id].parent
      )
        keep.add(id);
    }
  }
  if (keep.size === scan.scopes.length) return scan;
  const renumber = new Map<number, number>();
  for (const scope of scan.scopes) if (keep.has(scope.id)) renumber.set(scope.id, renumber.size);
  const scopes = scan.scopes
    .filter((scope) => keep.has(scope.id))
    .map((scope) => ({
      ...scope,
      id: renumber.get(scope.id)!,
      parent: scope.parent === undefined ? undefined : renumber.get(scope.parent),
    }));
  const classes = scan.classes.map((record) => ({
    ...record,
    scope: renumber.get(record.scope)!,
    bodyScope: renumber.get(record.bodyScope) ?? record.bodyScope,
  }));
  return { ...scan, scopes, classes };
}

function stringList(node: Node): string[] | null {
  if (node.type !== 'list' && node.type !== 'tuple') return null;
  const names: string[] = [];
  for (const child of node.namedChildren) {
    if (!child || child.type === 'comment') continue;
    if (child.type !== 'string') return null;
    const parts = child.namedChildren.filter((c) => c?.type === 'string_content');
    if (child.namedChildren.some((c) => c?.type === 'interpolation')) return null;
    names.push(parts.map((p) => p!.text).join(''));
  }
  return names;
}

function parameterNames(params: Node | null): string[] {
  if (!params) return [];
  const names: string[] = [];
  for (const p of params.namedChildren) {
    if (!p) continue;
    if (p.type === 'identifier') names.push(p.text);
    else {
      const name = p.childForFieldName('name') ?? p.namedChildren.find((c) => c?.type === 'identifier');
      if (name?.type === 'identifier') names.push(name.text);
    }
  }
  return names;
}

function identifiersIn(node: Node): string[] {
  if (node.type === 'identifier') return [node.text];
  if (
    node.type === 'pattern_list' ||
    node.type === 'tuple_pattern' ||
    node.type === 'list_pattern' ||
    node.type === 'list_splat_pattern' ||
    node.type === 'expression_list' ||
    node.type === 'tuple' ||
    node.type === 'list' ||
    node.type === 'parenthesized_expression'
  ) {
    return node.namedChildren.flatMap((c) => (c ? identifiersIn(c) : []));
  }
  return [];
}

function innermostScope(scopes: Scope[], at: number): number {
  let best = 0;
  for (const scope of scopes) {
    if (scope.start <= at && at < scope.end && scope.end - scope.start <= scopes[best].end - scopes[best].start)
      best = scope.id;
  }
  return best;
}

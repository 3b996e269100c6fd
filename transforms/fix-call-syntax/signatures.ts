// Function signatures and name bindings of Python modules, across the repository: what a name
// refers to in a module (def, class, import, logger, anything else) and the parameters of each
// def, so a call can be checked against the function it really calls.
import type { Node, Parser } from 'web-tree-sitter';
import type { RepoIndex } from '../../lib/repo/repo-index.js';
import { isExtra, parameterName, parameterSplat } from '../../lib/python/syntax-check.js';
import { parsePython } from '../../lib/python/parser.js';
import { importsOfStatement } from '../../lib/python/imports.js';

export type ParameterKind =
  'positional-only' | 'positional-or-keyword' | 'keyword-only' | 'var-positional' | 'var-keyword';

export interface Parameter {
  name: string;
  kind: ParameterKind;
}

export interface FunctionSignature {
  name: string;
  parameters: Parameter[];
  /** Decorator expressions as written, without `@` and call arguments: `functools.lru_cache`. */
  decorators: string[];
  /** Repo-relative file and 1-based line of the `def`. */
  path: string;
  line: number;
}

export interface ClassSummary {
  name: string;
  path: string;
  line: number;
  /** Base expressions as written (`mixins.Retry`); keyword arguments (metaclass=…) set `hasKeywords`. */
  bases: string[];
  hasKeywords: boolean;
  decorators: string[];
  /** Methods by name; `ambiguous` when defined conditionally or also assigned. */
  methods: Map<string, FunctionSignature | 'ambiguous'>;
  /** Names assigned in the class body or on `self.` anywhere in it (callables we cannot see). */
  attributes: Set<string>;
  /** Attributes holding a `logging.getLogger(…)` (class-level or `self.x = …`). */
  loggers: Set<string>;
}

export type Binding =
  | { kind: 'function'; signature: FunctionSignature }
  | { kind: 'class'; summary: ClassSummary }
  | { kind: 'module'; module: string }
  | { kind: 'imported'; module: string; name: string }
  | { kind: 'logger' }
  | { kind: 'other' };

export interface ScopeSummary {
  path: string;
  /** Every binding of each name in the scope; more than one means the name is not static. */
  bindings: Map<string, Binding[]>;
  /** Absolute modules of `from m import *`. */
  starImports: string[];
}

/** Decorators that keep a function's call signature. */
export const TRANSPARENT_DECORATORS = new Set([
  'staticmethod',
  'classmethod',
  'abstractmethod',
  'abc.abstractmethod',
  'override',
  'typing.override',
  'typing_extensions.override',
  'functools.cache',
  'cache',
  'functools.lru_cache',
  'lru_cache',
  'contextmanager',
  'contextlib.contextmanager',
  'asynccontextmanager',
  'contextlib.asynccontextmanager',
  'functools.wraps',
  'wraps',
  'final',
  'typing.final',
]);

/** The parameters of a `def` or `lambda` parameter list, in order, with their kinds. */
export function parametersOf(list: Node | null): Parameter[] {
  if (!list) return [];
  const params = list.namedChildren.filter((c): c is Node => !!c && !isExtra(c));
  const slash = params.findIndex((p) => p.type === 'positional_separator');
  const out: Parameter[] = [];
  let afterStar = false;
  params.forEach((param, i) => {
    const splat = parameterSplat(param);
    if (param.type === 'keyword_separator') afterStar = true;
    if (splat === '*') afterStar = true;
    const name = parameterName(param);
    if (!name) return;
    const kind: ParameterKind =
      splat === '*'
        ? 'var-positional'
        : splat === '**'
          ? 'var-keyword'
          : i < slash
            ? 'positional-only'
            : afterStar
              ? 'keyword-only'
              : 'positional-or-keyword';
    out.push({ name, kind });
  });
  return out;
}

/** Decorator names of a def or class (`@a.b(x)` ➔ `a.b`). */
export function decoratorsOf(definition: Node): string[] {
  const parent = definition.parent;
  if (parent?.type !== 'decorated_definition') return [];
  return parent.namedChildren
    .filter((c): c is Node => c?.type === 'decorator')
    .map((d) => {
      const expr = d.namedChildren.find((c) => c && !isExtra(c));
      const target = expr?.type === 'call' ? expr.childForFieldName('function') : expr;
      return (target?.text ?? '').replace(/\s+/g, '');
    });
}

export function signatureOf(def: Node, path: string): FunctionSignature {
  return {
    name: def.childForFieldName('name')?.text ?? '',
    parameters: parametersOf(def.childForFieldName('parameters')),
    decorators: decoratorsOf(def),
    path,
    line: def.startPosition.row + 1,
  };
}

/** True when a call may pass `name=` to this signature (a named parameter or `**kwargs`). */
export function acceptsKeyword(signature: FunctionSignature, name: string): boolean {
  return signature.parameters.some(
    (p) =>
      p.kind === 'var-keyword' ||
      (p.name === name && (p.kind === 'positional-or-keyword' || p.kind === 'keyword-only')),
  );
}

/** `logging.getLogger(…)` or `getLogger(…)`: a standard library logger. */
function isGetLogger(value: Node | null): boolean {
  if (value?.type !== 'call') return false;
  const fn = value.childForFieldName('function')?.text.replace(/\s+/g, '');
  return fn === 'logging.getLogger' || fn === 'getLogger';
}

/** Module-level absolute name of an import (relative ones through `resolveRelative`). */
export type ModuleNamer = (level: number, module: string) => string | undefined;

/**
 * The bindings of a module body or a function body (not descending into nested defs or
 * classes, whose names bind but whose bodies are other scopes).
 */
export function summarizeScope(
  body: Node,
  path: string,
  absolute: ModuleNamer,
  parameters?: Node | null,
): ScopeSummary {
  const bindings = new Map<string, Binding[]>();
  const starImports: string[] = [];
  let source: string | undefined;
  const bind = (name: string | undefined, binding: Binding) => {
    if (!name) return;
    const list = bindings.get(name) ?? [];
    list.push(binding);
    bindings.set(name, list);
  };
  for (const p of parametersOf(parameters ?? null)) bind(p.name, { kind: 'other' });
  const bindTargets = (target: Node | null, binding: Binding) => {
    if (!target) return;
    if (target.type === 'identifier') bind(target.text, binding);
    else if (
      [
        'pattern_list',
        'tuple_pattern',
        'list_pattern',
        'list_splat_pattern',
        'expression_list',
        'tuple',
        'list',
        'parenthesized_expression',
      ].includes(target.type)
    ) {
      for (const c of target.namedChildren) bindTargets(c, { kind: 'other' });
    }
  };
  const visit = (node: Node) => {
    switch (node.type) {
      case 'function_definition':
        bind(node.childForFieldName('name')?.text, { kind: 'function', signature: signatureOf(node, path) });
        return;
      case 'class_definition':
        bind(node.childForFieldName('name')?.text, { kind: 'class', summary: summarizeClass(node, path) });
        return;
      case 'import_statement':
      case 'import_from_statement':
        // lib/python/imports reads the statement (dots, dotted names, aliases) as every analysis does
        for (const imp of importsOfStatement(node, (source ??= body.tree.rootNode.text))) {
          // import a.b ➔ a (module a); import a.b as m ➔ m (module a.b)
          if (imp.kind === 'import') {
            const module = imp.alias ? imp.module : imp.module.split('.')[0];
            bind(imp.alias ?? module, { kind: 'module', module });
            continue;
          }
          const module = absolute(imp.level, imp.module);
          for (const item of imp.names) {
            if (item.name === '*') {
              if (module !== undefined) starImports.push(module);
              continue;
            }
            bind(
              item.alias ?? item.name,
              module === undefined ? { kind: 'other' } : { kind: 'imported', module, name: item.name },
            );
          }
        }
        return;
      case 'assignment': {
        const value = node.childForFieldName('right');
        bindTargets(node.childForFieldName('left'), isGetLogger(value) ? { kind: 'logger' } : { kind: 'other' });
        if (value?.type === 'assignment') visit(value);
        return;
      }
      case 'augmented_assignment':
        bindTargets(node.childForFieldName('left'), { kind: 'other' });
        return;
      case 'for_statement':
        bindTargets(node.childForFieldName('left'), { kind: 'other' });
        break;
      case 'as_pattern_target':
        bindTargets(node.namedChildren[0] ?? null, { kind: 'other' });
        return;
      case 'except_clause':
        for (const c of node.namedChildren)
          if (c?.type === 'identifier' && c.previousSibling?.type === 'as') bind(c.text, { kind: 'other' });
        break;
      case 'named_expression':
        bind(node.childForFieldName('name')?.text, { kind: 'other' });
        break;
      case 'global_statement':
      case 'nonlocal_statement':
        for (const c of node.namedChildren) if (c?.type === 'identifier') bind(c.text, { kind: 'other' });
        return;
      case 'lambda':
      case 'list_comprehension':
      case 'dictionary_comprehension':
      case 'set_comprehension':
      case 'generator_expression':
        return;
    }
    for (const c of node.namedChildren) if (c) visit(c);
  };
  for (const c of body.namedChildren) if (c) visit(c);
  return { path, bindings, starImports };
}

/** Methods, attributes and bases of one class definition. */
export function summarizeClass(node: Node, path: string): ClassSummary {
  const superclasses = node.childForFieldName('superclasses');
  const bases: string[] = [];
  let hasKeywords = false;
  for (const arg of superclasses?.namedChildren ?? []) {
    if (!arg || isExtra(arg)) continue;
    if (arg.type === 'keyword_argument' || arg.type === 'dictionary_splat' || arg.type === 'list_splat')
      hasKeywords = true;
    else bases.push(arg.text.replace(/\s+/g, ''));
  }
  const methods = new Map<string, FunctionSignature | 'ambiguous'>();
  const attributes = new Set<string>();
  const loggers = new Set<string>();
  const body = node.childForFieldName('body');
  for (const raw of body?.namedChildren ?? []) {
    const statement = raw?.type === 'decorated_definition' ? raw.childForFieldName('definition') : raw;
    if (!statement) continue;
    if (statement.type === 'function_definition') {
      const signature = signatureOf(statement, path);
      const previous = methods.get(signature.name);
      // @overload stubs come first; the last plain def is what runs
      if (signature.decorators.some((d) => d.endsWith('overload'))) {
        if (!previous) methods.set(signature.name, 'ambiguous');
      } else methods.set(signature.name, signature);
    } else if (statement.type === 'expression_statement') {
      for (const assignment of statement.namedChildren) {
        if (assignment?.type !== 'assignment') continue;
        const left = assignment.childForFieldName('left');
        if (left?.type !== 'identifier') continue;
        if (isGetLogger(assignment.childForFieldName('right'))) loggers.add(left.text);
        else attributes.add(left.text);
      }
    } else if (statement.type !== 'pass_statement' && !isExtra(statement) && statement.type !== 'class_definition') {
      // conditional definitions: whatever they define is not static
      walkDefinitions(statement, (name) => methods.set(name, 'ambiguous'));
    }
  }
  // `self.x = …` anywhere in the class: an instance attribute may shadow a method
  const visit = (n: Node) => {
    if (n.type === 'assignment') {
      const left = n.childForFieldName('left');
      if (left?.type === 'attribute' && left.childForFieldName('object')?.text === 'self') {
        const attr = left.childForFieldName('attribute')?.text;
        if (attr) (isGetLogger(n.childForFieldName('right')) ? loggers : attributes).add(attr);
      }
    }
    if (n.type === 'class_definition' && n.id !== node.id) return;
    for (const c of n.namedChildren) if (c) visit(c);
  };
  if (body) visit(body);
  for (const name of attributes) if (methods.has(name)) methods.set(name, 'ambiguous');
  return {
    name: node.childForFieldName('name')?.text ?? '',
    path,
    line: node.startPosition.row + 1,
    bases,
    hasKeywords,
    decorators: decoratorsOf(node),
    methods,
    attributes,
    loggers,
  };
}

/** Identity of a class across summaries of the same file (in memory or read from disk). */
export const classKey = (c: ClassSummary) => `${c.path}#${c.name}`;

function walkDefinitions(node: Node, found: (name: string) => void): void {
  if (node.type === 'function_definition' || node.type === 'class_definition') {
    const name = node.childForFieldName('name')?.text;
    if (name) found(name);
    return;
  }
  if (node.type === 'assignment' && node.childForFieldName('left')?.type === 'identifier')
    found(node.childForFieldName('left')!.text);
  for (const c of node.namedChildren) if (c) walkDefinitions(c, found);
}

/**
 * Summaries of the repository's Python modules, parsed lazily and kept for the run (one per
 * RepoIndex, through `repo.memo`). Files are read from disk: the file being transformed passes
 * its own in-memory summary instead.
 */
export class PythonSignatureIndex {
  private readonly modules = new Map<string, ScopeSummary | undefined>();
  private subclassMap: Map<string, ClassSummary[]> | undefined;

  constructor(
    readonly repo: RepoIndex,
    private readonly parser: Parser,
  ) {}

  static for(repo: RepoIndex, parser: Parser): PythonSignatureIndex {
    return repo.memo('transforms/fix-call-syntax/signatures', (r) => new PythonSignatureIndex(r, parser));
  }

  /** The module-level summary of a repo-relative file, or undefined when unreadable. */
  module(path: string): ScopeSummary | undefined {
    if (!this.modules.has(path)) {
      const text = this.repo.read(path);
      let summary: ScopeSummary | undefined;
      if (text !== undefined) {
        const tree = parsePython(this.parser, text);
        try {
          if (tree) summary = this.summarizeModule(tree.rootNode, path);
        } finally {
          tree?.delete();
        }
      }
      this.modules.set(path, summary);
    }
    return this.modules.get(path);
  }

  /** Summarise a module tree (the file being transformed, from its current text). */
  summarizeModule(root: Node, path: string): ScopeSummary {
    return summarizeScope(root, path, this.namer(path));
  }

  /** Absolute module names for a file's imports. */
  namer(path: string): ModuleNamer {
    return (level, module) => (level === 0 ? module : this.repo.python.resolveRelative(path, level, module));
  }

  /** Repo-relative file of a dotted module, when it is a Python file in the repository. */
  fileOf(module: string): string | undefined {
    const file = this.repo.python.resolve(module);
    return file && /\.pyi?$/.test(file) ? file : undefined;
  }

  /** Every repository class, with the classes whose bases (transitively) include it. */
  subclassesOf(target: ClassSummary, resolveBases: (c: ClassSummary) => (ClassSummary | undefined)[]): ClassSummary[] {
    if (!this.subclassMap) {
      const direct = new Map<string, ClassSummary[]>();
      const all: ClassSummary[] = [];
      for (const file of this.repo.python.files()) {
        const summary = this.module(file);
        if (!summary) continue;
        for (const list of summary.bindings.values()) for (const b of list) if (b.kind === 'class') all.push(b.summary);
      }
      for (const cls of all) {
        for (const base of resolveBases(cls)) {
          if (!base) continue;
          const list = direct.get(classKey(base)) ?? [];
          list.push(cls);
          direct.set(classKey(base), list);
        }
      }
      this.subclassMap = direct;
    }
    const out: ClassSummary[] = [];
    const queue = [target];
    const seen = new Set<string>([classKey(target)]);
    while (queue.length) {
      for (const sub of this.subclassMap.get(classKey(queue.shift()!)) ?? []) {
        if (seen.has(classKey(sub))) continue;
        seen.add(classKey(sub));
        out.push(sub);
        queue.push(sub);
      }
    }
    return out;
  }
}

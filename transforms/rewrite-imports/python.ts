// Python: rewrite module paths in every import form, dotted uses and string targets, as byte-range
// edits on the original text (comments, parentheses, continuations and quotes stay as written).
import type { Node } from 'web-tree-sitter';
import { EditSet } from '../../lib/text/edit-set.js';
import {
  extractImports,
  resolveRelativeImport,
  type ImportedName,
  type PythonImport,
} from '../../lib/python/imports.js';
import { withPythonTree } from '../../lib/python/parser.js';
import { damagedLines, GuardedEdits, reportDamage } from './python-damaged.js';
import { reportAt, reportPerStatement, type RewriteContext } from './report.js';
import { matchPython, type PythonRule } from './rules.js';
import { checkExists, checkForbidden, pythonModuleExists } from './python-checks.js';
import { rewriteStringTargets } from './python-strings.js';

/** Rewrite one Python file; returns the new text (the same text when nothing applies). */
export async function rewritePython(source: string, ctx: RewriteContext): Promise<string> {
  return withPythonTree(source, (tree) => {
    // a damaged file: tree-sitter recovers the statements around the damage, and only edits away from it are kept
    const damaged = tree.rootNode.hasError ? damagedLines(tree.rootNode, source) : undefined;
    const edits = damaged ? new GuardedEdits(source, damaged) : new EditSet(source);
    const dottedRoots = new Set<string>();
    const writtenPackage = ctx.pythonPackages?.written;
    const futurePackage = ctx.pythonPackages?.future;
    const imports = extractImports(tree.rootNode, source);
    // import a.b, a.c: the modules of one statement make one finding, as the names of a from-import do
    for (const statement of byStatement(imports)) {
      reportPerStatement(ctx, '', (statementCtx) => {
        for (const imp of statement) {
          if (imp.future) continue;
          if (imp.level === 0) rewriteAbsolute(source, imp, statementCtx, edits, dottedRoots);
          else rewriteRelative(source, imp, statementCtx, edits, writtenPackage, futurePackage);
        }
      });
    }
    if (dottedRoots.size) rewriteDottedUses(tree.rootNode, source, dottedRoots, ctx, edits);
    rewriteStringTargets(tree.rootNode, source, imports, ctx, edits);
    if (damaged)
      reportDamage(tree.rootNode, source, ctx, edits as GuardedEdits, damaged, writtenPackage !== futurePackage);
    return edits.size ? edits.apply() : source;
  });
}

/** Imports in the order found, grouped by the statement they belong to (`import a, b` is one). */
function byStatement(imports: readonly PythonImport[]): PythonImport[][] {
  const groups = new Map<number, PythonImport[]>();
  for (const imp of imports) groups.set(imp.statementStart, [...(groups.get(imp.statementStart) ?? []), imp]);
  return [...groups.values()];
}

/** `import a.b.c [as x]`, `from a.b import c`, and `from a import b` where `a.b` moved. */
function rewriteAbsolute(
  source: string,
  imp: PythonImport,
  ctx: RewriteContext,
  edits: EditSet,
  dottedRoots: Set<string>,
): void {
  const match = matchPython(ctx.set, imp.module, ctx.relPath);
  checkForbidden(ctx, imp.module, match?.result, imp.moduleStart);
  if (match) {
    ctx.count(match.rule.label);
    checkExists(ctx, match.result, imp.module, match.rule.label, imp.moduleStart);
    // `from a import b` under rules a=x and a.b=y: b follows its own, longer rule
    const ownRule = (n: ImportedName) =>
      n.name !== '*' && matchPython(ctx.set, `${imp.module}.${n.name}`, ctx.relPath)?.rule !== match.rule;
    if (imp.kind === 'from' && imp.names.some(ownRule)) {
      rewriteMovedNames(source, imp, imp.module, ctx, edits, match.result, undefined, match.rule);
      return;
    }
    // import a.b.c ➔ import x.y.c; from a.b import c ➔ from x.y import c
    edits.replace(imp.moduleStart, imp.moduleEnd, match.result);
    if (imp.kind === 'import' && imp.alias === undefined) dottedRoots.add(imp.module.split('.')[0]);
    return;
  }
  if (imp.kind === 'from') rewriteMovedNames(source, imp, imp.module, ctx, edits);
}

/**
 * `from . import m`, `from ..util import f`: resolved against the package the file was written
 * in; rewritten only when the target moved or the file moved and the relation no longer holds.
 */
function rewriteRelative(
  source: string,
  imp: PythonImport,
  ctx: RewriteContext,
  edits: EditSet,
  writtenPackage: string | undefined,
  futurePackage: string | undefined,
): void {
  const specifier = source.slice(imp.specifierStart, imp.specifierEnd);
  if (writtenPackage === undefined || futurePackage === undefined) {
    if (ctx.options.absolute)
      reportAt(ctx, 'rewrite-imports/not-in-source-root', imp.specifierStart, { path: ctx.relPath }, 'info');
    return;
  }
  let target = resolveRelativeImport(writtenPackage, imp.level, imp.module);
  // a file that moved before the run (`git mv`): an import that still works where the file now is
  // was written (or fixed) there, e.g. by a module that always lived in the merged-into package
  if (writtenPackage !== futurePackage) {
    const here = resolveRelativeImport(futurePackage, imp.level, imp.module);
    // …and its names too: `from . import helpers` where helpers stayed behind is not "working here"
    const submodule = (base: string | undefined, n: string) =>
      base !== undefined && pythonModuleExists(ctx.set, base ? `${base}.${n}` : n);
    const namesHere = imp.names.every((n) => n.name === '*' || submodule(here, n.name) || !submodule(target, n.name));
    if (here !== undefined && pythonModuleExists(ctx.set, here) && namesHere) target = here;
  }
  // from ..config import x in pkg/a.py, from . import x in a top-level module: CPython refuses both
  if (target === undefined) {
    const where = writtenPackage ? `package '${writtenPackage}'` : 'a top-level module';
    reportAt(ctx, 'rewrite-imports/relative-beyond-root', imp.specifierStart, { specifier, where }, 'warning');
    return;
  }
  // from .b import f ➔ unchanged, when both ends move under the rules (a move and its reverse are byte-identical)
  if (movesAlong(imp, target, ctx, futurePackage)) {
    checkForbidden(ctx, target, matchPython(ctx.set, target, ctx.relPath)?.result, imp.specifierStart);
    return;
  }
  // a resolved target and a rule's result are never empty (a rule's new name never is)
  const spell = (absolute: string) =>
    ctx.options.keepRelative && !ctx.options.absolute ? (relativeForm(futurePackage, absolute) ?? absolute) : absolute;
  const relativeNow = resolveRelativeImport(futurePackage, imp.level, imp.module);
  const match = matchPython(ctx.set, target, ctx.relPath);
  checkForbidden(ctx, target, match?.result, imp.specifierStart);
  if (match) {
    // the target moved: from ..util import f ➔ from pkg.util import f (unless the file moved along)
    if (relativeNow === match.result && !ctx.options.absolute) return;
    edits.replace(imp.specifierStart, imp.specifierEnd, spell(match.result));
    ctx.count(match.rule.label);
    checkExists(ctx, match.result, target, match.rule.label, imp.specifierStart);
    return;
  }
  // the file moved away from its target, or --absolute: from ..config import x ➔ from pkg.config import x
  const respell = ctx.options.absolute || relativeNow !== target ? spell(target) : undefined;
  rewriteMovedNames(source, imp, target, ctx, edits, respell, spell);
}

/**
 * A relative import in a module that a dotted rule moves, which still names what the rules make
 * of its targets when read from the module's new package: `from .b import f` and `from .. import
 * utils` in `shared/utils/a.py` under `shared.utils=platform_shared.utils`.
 */
function movesAlong(
  imp: PythonImport,
  target: string,
  ctx: RewriteContext,
  futurePackage: string | undefined,
): boolean {
  if (ctx.options.absolute || !futurePackage) return false;
  const moved = matchPython(ctx.set, futurePackage, ctx.relPath)?.result;
  const here = moved === undefined ? undefined : resolveRelativeImport(moved, imp.level, imp.module);
  if (here === undefined) return false;
  const follow = (name: string) => matchPython(ctx.set, name, ctx.relPath)?.result ?? name;
  const join = (base: string, name: string) => (base ? `${base}.${name}` : name);
  // a submodule follows its own rule; any other name is an attribute of the module it comes from
  return (
    imp.names.length > 0 &&
    imp.names.every((n) =>
      n.name !== '*' && pythonModuleExists(ctx.set, join(target, n.name))
        ? follow(join(target, n.name)) === join(here, n.name)
        : follow(target) === here,
    )
  );
}

/**
 * `from a import b` where a rule moves `a.b` itself: `from x import y as b`, or `from x import y`
 * when the bound name stays the same. Names that move elsewhere are split into their own statements.
 */
function rewriteMovedNames(
  source: string,
  imp: PythonImport,
  base: string,
  ctx: RewriteContext,
  edits: EditSet,
  respell?: string,
  spellModule: (absolute: string) => string = (m) => m,
  moduleRule?: PythonRule,
): void {
  const moved = new Map<ImportedName, { parent: string; leaf: string; label: string }>();
  // from a import b, c, d: one finding for the statement, not one per name
  reportPerStatement(ctx, base, (statement) => {
    for (const name of imp.names) {
      if (name.name === '*') continue;
      const full = base ? `${base}.${name.name}` : name.name;
      const match = matchPython(ctx.set, full, ctx.relPath);
      // names the module's own rule covers stay in the statement, which `respell` moves
      if (moduleRule && match?.rule === moduleRule) continue;
      checkForbidden(statement, full, match?.result, name.nameStart, base);
      if (!match) continue;
      const dot = match.result.lastIndexOf('.');
      moved.set(name, {
        parent: dot === -1 ? '' : match.result.slice(0, dot),
        leaf: match.result.slice(dot + 1),
        label: match.rule.label,
      });
      ctx.count(match.rule.label);
      checkExists(statement, match.result, full, match.rule.label, name.nameStart);
    }
  });
  if (moved.size === 0) {
    if (respell !== undefined) edits.replace(imp.specifierStart, imp.specifierEnd, respell);
    return;
  }
  const item = (name: ImportedName, leaf: string) => {
    const bound = name.alias ?? name.name;
    return leaf === bound ? leaf : `${leaf} as ${bound}`;
  };
  const staying = imp.names.filter((n) => !moved.has(n));
  const groups = new Map<string, ImportedName[]>();
  for (const [name, target] of moved) groups.set(target.parent, [...(groups.get(target.parent) ?? []), name]);
  // the statement itself keeps the unmoved names, or else the first moved group
  let keptGroup: string | undefined;
  if (staying.length === 0) {
    keptGroup = moved.get(imp.names.find((n) => moved.has(n))!)!.parent;
    if (keptGroup === '') keptGroup = [...groups.keys()].find((g) => g !== '');
  }
  if (keptGroup !== undefined) {
    // from a import b ➔ from x import y as b
    edits.replace(imp.specifierStart, imp.specifierEnd, spellModule(keptGroup));
    for (const name of groups.get(keptGroup)!) edits.replace(name.start, name.end, item(name, moved.get(name)!.leaf));
  } else if (respell !== undefined) {
    edits.replace(imp.specifierStart, imp.specifierEnd, respell);
  }
  const removed = imp.names.filter((n) => moved.has(n) && moved.get(n)!.parent !== keptGroup);
  if (removed.length === 0) return;
  const replaceWhole = staying.length === 0 && keptGroup === undefined;
  if (!replaceWhole) removeNames(source, imp.names, new Set(removed), edits);
  const statements: string[] = [];
  for (const [parent, names] of groups) {
    if (parent === keptGroup) continue;
    if (parent === '') {
      // from a import b ➔ import y as b (the module moved to the top level)
      for (const name of names) statements.push(`import ${item(name, moved.get(name)!.leaf)}`);
    } else {
      statements.push(`from ${spellModule(parent)} import ${names.map((n) => item(n, moved.get(n)!.leaf)).join(', ')}`);
    }
  }
  if (replaceWhole) {
    // every name moved to the top level: from a import b ➔ import b
    const lineStart = source.lastIndexOf('\n', imp.statementStart - 1) + 1;
    const indent = source.slice(lineStart, imp.statementStart);
    const newline = source.includes('\r\n') ? '\r\n' : '\n';
    edits.replace(
      imp.statementStart,
      imp.statementEnd,
      statements.join(/^[ \t]*$/.test(indent) ? newline + indent : '; '),
    );
    return;
  }
  insertAfterStatement(source, imp, statements, edits);
}

/**
 * Delete names from an import list with their commas, leaving the others and every comment as
 * written: a name alone on its line goes with its line; otherwise the name and the comma after it.
 */
function removeNames(source: string, names: ImportedName[], removed: Set<ImportedName>, edits: EditSet): void {
  names.forEach((name, i) => {
    if (!removed.has(name)) return;
    const lineStart = source.lastIndexOf('\n', name.start - 1) + 1;
    const aloneBefore = /^[ \t]*$/.test(source.slice(lineStart, name.start));
    let after = skipBlanks(source, name.end);
    const hasComma = source[after] === ',';
    if (hasComma) after = skipBlanks(source, after + 1);
    const lineEnd = source.indexOf('\n', after);
    const aloneAfter = (source[after] === '\r' || source[after] === '\n' || after >= source.length) && lineEnd !== -1;
    if (aloneBefore && aloneAfter) {
      edits.delete(lineStart, lineEnd + 1);
    } else if (hasComma) {
      edits.delete(name.start, after);
    } else {
      // the last name, without a trailing comma: drop the comma after the last name kept before it
      const kept = names
        .slice(0, i)
        .filter((n) => !removed.has(n))
        .pop();
      if (!kept) return;
      const comma = skipBlanks(source, kept.end);
      if (source[comma] === ',') edits.delete(comma, comma + 1);
      const from = aloneBefore ? lineStart : skipBackBlanks(source, name.start);
      edits.delete(from, name.end);
    }
  });
}

const skipBlanks = (s: string, i: number) => {
  while (i < s.length && (s[i] === ' ' || s[i] === '\t' || (s[i] === '\\' && /^\\\r?\n/.test(s.slice(i, i + 3)))))
    i += s[i] === '\\' ? (s[i + 1] === '\r' ? 3 : 2) : 1;
  return i;
};
const skipBackBlanks = (s: string, i: number) => {
  while (i > 0 && (s[i - 1] === ' ' || s[i - 1] === '\t')) i--;
  return i;
};

/** New statements on the lines after `imp`, at its indentation (or after `; ` on a one-line block). */
function insertAfterStatement(source: string, imp: PythonImport, statements: string[], edits: EditSet): void {
  const lineStart = source.lastIndexOf('\n', imp.statementStart - 1) + 1;
  const indent = source.slice(lineStart, imp.statementStart);
  const newline = source.includes('\r\n') ? '\r\n' : '\n';
  const text = /^[ \t]*$/.test(indent)
    ? statements.map((s) => newline + indent + s).join('')
    : statements.map((s) => `; ${s}`).join('');
  edits.insert(imp.statementEnd, text);
}

/**
 * After `import a.b.c` becomes `import x.y.c`, uses follow: every attribute chain that starts
 * with a rewritten import's top-level name (`a.b.c.fn()`, `a.b.other`) is matched against the
 * rules and its module part replaced. Occurrences are found in the text, never by a tree walk.
 */
function rewriteDottedUses(root: Node, source: string, roots: Set<string>, ctx: RewriteContext, edits: EditSet): void {
  for (const name of roots) {
    for (let i = source.indexOf(name); i !== -1; i = source.indexOf(name, i + 1)) {
      if (/[\w.]/.test(source[i - 1] ?? '') || source[i + name.length] !== '.') continue;
      const identifier = root.descendantForIndex(i);
      if (
        !identifier ||
        identifier.type !== 'identifier' ||
        identifier.startIndex !== i ||
        !isLoadChain(identifier) ||
        insideImport(identifier) ||
        shadowed(identifier, name)
      )
        continue;
      // climb the object side of the chain: a ➔ a.b ➔ a.b.c ➔ a.b.c.fn
      const chain: Node[] = [identifier];
      for (let n = identifier; n.parent?.type === 'attribute' && n.parent.childForFieldName('object')?.id === n.id;) {
        n = n.parent;
        if (!/^[\w.]+$/.test(n.text)) break;
        chain.push(n);
      }
      const match = matchPython(ctx.set, chain[chain.length - 1].text, ctx.relPath);
      const moduleNode = match && chain.find((n) => n.text === match.rule.from);
      if (!moduleNode) continue;
      edits.replace(moduleNode.startIndex, moduleNode.endIndex, match.rule.to);
      ctx.count(match.rule.label);
    }
  }
}

/** A parameter of an enclosing def or lambda with the module's name hides the module. */
function shadowed(node: Node, name: string): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type !== 'function_definition' && n.type !== 'lambda') continue;
    const parameters = n.childForFieldName('parameters');
    if (parameters && new RegExp(`(^|[(,*\\s])${name}\\s*([,:=)]|$)`).test(parameters.text)) return true;
  }
  return false;
}

function insideImport(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parent) {
    if (n.type === 'import_statement' || n.type === 'import_from_statement') return true;
    if (n.type.endsWith('_statement') || n.type === 'block' || n.type === 'module') return false;
  }
  return false;
}

const BINDING_PARENTS = new Set([
  'parameters',
  'lambda_parameters',
  'default_parameter',
  'typed_parameter',
  'typed_default_parameter',
  'function_definition',
  'class_definition',
  'global_statement',
  'nonlocal_statement',
  'dotted_name',
  'aliased_import',
]);

/** The object side of attribute chains only: never `obj.a.b` where `a.b` is an attribute name, nor a parameter `a`. */
function isLoadChain(node: Node): boolean {
  const parent = node.parent;
  if (node.type === 'identifier' && parent && BINDING_PARENTS.has(parent.type)) return false;
  if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.id === node.id) return false;
  if (parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.id === node.id) return false;
  return true;
}

/** The shortest relative spelling of `target` from `pkg`, if both share a top-level package. */
export function relativeForm(pkg: string, target: string): string | undefined {
  const from = pkg ? pkg.split('.') : [];
  const to = target.split('.');
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  if (common === 0) return undefined;
  return '.'.repeat(from.length - common + 1) + to.slice(common).join('.');
}

// Python string targets: importlib.import_module("…"), __import__("…"), mock.patch("…"),
// mocker.patch("…"), monkeypatch.setattr("…", …), patch.dict("…"); with --all-strings, any string
// literal whose whole text is a dotted path under an old prefix (docstrings excepted).
import type { Node } from 'web-tree-sitter';
import type { EditSet } from '../../lib/python/edit-set.js';
import type { PythonImport } from '../../lib/python/imports.js';
import type { RewriteContext } from './report.js';
import { matchPython } from './rules.js';
import { checkExists, checkForbidden, pythonModuleExists } from './python.js';

const DOTTED = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const QUALIFIED_TARGETS = new Set([
  'importlib.import_module', '__import__', 'pkgutil.resolve_name',
  'mock.patch', 'mock.patch.dict', 'mock.patch.multiple', 'unittest.mock.patch', 'unittest.mock.patch.dict', 'unittest.mock.patch.multiple',
  'mocker.patch', 'mocker.patch.dict', 'mocker.patch.multiple', 'monkeypatch.setattr', 'monkeypatch.delattr',
]);

/** Rewrite the dotted string targets of one file. */
export function rewriteStringTargets(root: Node, source: string, imports: PythonImport[], ctx: RewriteContext, edits: EditSet): void {
  const targets = localTargetNames(imports);
  const handled = new Set<number>();
  const stack: Node[] = [root];
  const strings: Node[] = [];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'call') {
      const callee = node.childForFieldName('function')?.text.replace(/\s/g, '');
      const first = node.childForFieldName('arguments')?.namedChildren[0];
      if (callee && first?.type === 'string' && (QUALIFIED_TARGETS.has(callee) || targets.has(callee))) {
        rewriteString(first, source, ctx, edits);
        handled.add(first.id);
      }
    } else if (node.type === 'string' && ctx.options.allStrings) {
      strings.push(node);
    }
    for (let i = node.namedChildCount - 1; i >= 0; i--) {
      const child = node.namedChild(i);
      if (child) stack.push(child);
    }
  }
  for (const node of strings) {
    if (handled.has(node.id) || isDocstringLike(node) || node.parent?.type === 'concatenated_string') continue;
    rewriteString(node, source, ctx, edits);
  }
}

/** `patch`, `patch.dict` when imported from unittest.mock or mock; `import_module` from importlib. */
function localTargetNames(imports: PythonImport[]): Set<string> {
  const names = new Set<string>();
  for (const imp of imports) {
    if (imp.kind !== 'from' || imp.level !== 0) continue;
    for (const n of imp.names) {
      const bound = n.alias ?? n.name;
      if ((imp.module === 'unittest.mock' || imp.module === 'mock') && n.name === 'patch') {
        names.add(bound).add(`${bound}.dict`).add(`${bound}.multiple`);
      }
      if (imp.module === 'importlib' && n.name === 'import_module') names.add(bound);
      if (imp.module === 'unittest' && n.name === 'mock') names.add(`${bound}.patch`).add(`${bound}.patch.dict`).add(`${bound}.patch.multiple`);
    }
  }
  return names;
}

/** "a.b.c.fn" ➔ "x.y.c.fn": only the text between the quotes, quote style and prefix untouched. */
function rewriteString(node: Node, source: string, ctx: RewriteContext, edits: EditSet): void {
  const start = node.namedChildren.find((c) => c?.type === 'string_start');
  const end = node.namedChildren.find((c) => c?.type === 'string_end');
  if (!start || !end || !/^[rRuU]?('|"|'''|""")$/.test(start.text)) return; // f-strings, bytes
  if (node.namedChildren.some((c) => c?.type === 'interpolation')) return;
  const value = source.slice(start.endIndex, end.startIndex);
  if (!DOTTED.test(value)) return;
  const match = matchPython(ctx.set, value, ctx.relPath);
  checkForbidden(ctx, value, match?.result, start.endIndex);
  if (!match) return;
  edits.replace(start.endIndex, end.startIndex, match.result);
  ctx.count(match.rule.label);
  // the module part must exist: the deepest existing prefix of the old path, or the rule's target
  const parts = value.split('.');
  let checked = false;
  for (let n = parts.length; n > 0; n--) {
    const prefix = parts.slice(0, n).join('.');
    if (prefix.length < match.rule.from.length) break;
    if (pythonModuleExists(ctx.set, prefix)) {
      checkExists(ctx, match.rule.to + prefix.slice(match.rule.from.length), prefix, match.rule.label, start.endIndex);
      checked = true;
      break;
    }
  }
  if (!checked) checkExists(ctx, match.rule.to, match.rule.from, match.rule.label, start.endIndex);
}

/** A string that is a whole statement: a docstring, or a string used as a comment. */
function isDocstringLike(node: Node): boolean {
  return node.parent?.type === 'expression_statement' && node.parent.namedChildCount === 1;
}

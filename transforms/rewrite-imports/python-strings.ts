// Python string targets: importlib.import_module("…"), __import__("…"), mock.patch("…"),
// mocker.patch("…"), monkeypatch.setattr("…", …), patch.dict("…"); with --all-strings, any string
// literal whose whole text is a dotted path under an old prefix (docstrings excepted).
import type { Node } from 'web-tree-sitter';
import type { EditSet } from '../../lib/text/edit-set.js';
import type { PythonImport } from '../../lib/python/imports.js';
import type { RewriteContext } from './report.js';
import { matchPython } from './rules.js';
import { checkExists, checkForbidden, pythonModuleExists } from './python-checks.js';

const DOTTED = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const QUALIFIED_TARGETS = new Set([
  'importlib.import_module',
  '__import__',
  'pkgutil.resolve_name',
  'mock.patch',
  'mock.patch.dict',
  'mock.patch.multiple',
  'unittest.mock.patch',
  'unittest.mock.patch.dict',
  'unittest.mock.patch.multiple',
  'mocker.patch',
  'mocker.patch.dict',
  'mocker.patch.multiple',
  'monkeypatch.setattr',
  'monkeypatch.delattr',
]);

/**
 * Rewrite the dotted string targets of one file. Only strings that contain an old prefix are
 * looked at: each occurrence in the text is mapped to its node, so the tree is never walked whole.
 */
export function rewriteStringTargets(
  root: Node,
  source: string,
  imports: PythonImport[],
  ctx: RewriteContext,
  edits: EditSet,
): void {
  const prefixes = new Set<string>(ctx.set.python.map((r) => r.from));
  for (const ban of ctx.set.forbids) if (ban.module) prefixes.add(ban.module);
  if (prefixes.size === 0) return;
  let targets: Set<string> | undefined;
  const seen = new Set<number>();
  for (const prefix of prefixes) {
    for (let i = source.indexOf(prefix); i !== -1; i = source.indexOf(prefix, i + 1)) {
      const string = enclosingString(root.descendantForIndex(i));
      if (!string || seen.has(string.startIndex)) continue;
      seen.add(string.startIndex);
      if (string.parent?.type === 'concatenated_string') continue;
      targets ??= localTargetNames(imports);
      if (isTargetArgument(string, targets) || (ctx.options.allStrings && !isDocstringLike(string)))
        rewriteString(string, source, ctx, edits);
    }
  }
}

/** The `string` node around a position inside its text, if any. */
function enclosingString(node: Node | null): Node | undefined {
  for (let n = node, depth = 0; n && depth < 3; n = n.parent, depth++) {
    if (n.type === 'string') return n;
  }
  return undefined;
}

/** The first argument of importlib.import_module(…), mock.patch(…) and the like. */
function isTargetArgument(string: Node, targets: Set<string>): boolean {
  let args = string.parent;
  // patch(target="a.b.c"), import_module(name="a.b")
  if (args?.type === 'keyword_argument') {
    if (!['target', 'name', 'in_dict'].includes(args.childForFieldName('name')?.text ?? '')) return false;
    args = args.parent;
  } else if (args?.type !== 'argument_list' || args.namedChildren[0]?.startIndex !== string.startIndex) return false;
  if (args?.type !== 'argument_list') return false;
  const call = args.parent;
  if (call?.type !== 'call') return false;
  const callee = call.childForFieldName('function')?.text.replace(/\s/g, '');
  return callee !== undefined && (QUALIFIED_TARGETS.has(callee) || targets.has(callee));
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
      if (imp.module === 'unittest' && n.name === 'mock')
        names.add(`${bound}.patch`).add(`${bound}.patch.dict`).add(`${bound}.patch.multiple`);
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

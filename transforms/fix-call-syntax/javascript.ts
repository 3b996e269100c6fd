// The JS/TS side of fix-call-syntax: parse with jscodeshift's parser, then edit text ranges at
// the parser's offsets (no recast reprint): duplicate properties in object literals passed to
// calls, and the comma-first last line of an argument list.
import { createRequire } from 'node:module';
import type { TransformContext } from '../../lib/engine/context.js';
import { parserForFile } from '../../lib/engine/call-transform.js';
import { fillMessage } from '../../lib/engine/diagnostics.js';
import { positionAt } from '../../lib/text/positions.js';
import { EditSet, type TextEdit } from '../../lib/text/edit-set.js';
import { CONFLICTING_PROPERTY, IMPURE_REPEAT, messages, PARSE_ERROR, snippetAt } from './messages.js';
import { layoutStyle, removeItems, repairCommaFirst, type ListShape, type Range } from './separated-list.js';

interface Token {
  start: number;
  end: number;
  type: string | { label?: string };
  value?: unknown;
}

// Babel AST nodes as far as this module reads them
interface AstNode {
  type: string;
  start: number;
  end: number;
  extra?: { parenthesized?: boolean; parenStart?: number };
  [key: string]: unknown;
}

interface Parser {
  parse(source: string): unknown;
}

const require = createRequire(import.meta.url);
const parsers = new Map<string, Parser>();

/**
 * jscodeshift's own parser for a file (the same @babel/parser options `j(source)` uses), called
 * directly: only offsets and tokens are read here, so recast's copy of the whole tree, which
 * costs twice the parse itself, is never made.
 */
function parserFor(relPath: string): Parser {
  const name = parserForFile(relPath);
  let parser = parsers.get(name);
  if (!parser) parsers.set(name, (parser = (require('jscodeshift/src/getParser') as (name: string) => Parser)(name)));
  return parser;
}

/** Every call in the tree, outer calls before the calls in their arguments. */
function collectCalls(root: AstNode): AstNode[] {
  const calls: AstNode[] = [];
  const stack: AstNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'CallExpression' || node.type === 'NewExpression' || node.type === 'OptionalCallExpression')
      calls.push(node);
    const children: AstNode[] = [];
    for (const key in node) {
      if (key === 'loc' || key === 'tokens' || key === 'comments' || key.endsWith('Comments') || key === 'extra')
        continue;
      const value = node[key];
      if (Array.isArray(value)) {
        for (const item of value) if (item && typeof item.type === 'string') children.push(item);
      } else if (value && typeof value === 'object' && typeof (value as AstNode).type === 'string') {
        children.push(value as AstNode);
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return calls;
}

const label = (t: Token) => (typeof t.type === 'string' ? t.type : (t.type.label ?? ''));
const isComment = (t: Token) => label(t) === 'CommentLine' || label(t) === 'CommentBlock';

/** Fix one JS/TS file; a file that does not parse is reported and returned unchanged. */
export function fixJavaScriptCalls(source: string, ctx: TransformContext, keywordNames: ReadonlySet<string>): string {
  let root: AstNode & { tokens?: Token[] };
  try {
    root = parserFor(ctx.relPath).parse(source) as AstNode & { tokens?: Token[] };
  } catch (error) {
    const e = error as { loc?: { line: number; column: number }; message?: string };
    const line = e.loc?.line ?? 1;
    const column = (e.loc?.column ?? 0) + 1;
    const what = String(e.message ?? error)
      .split('\n')[0]
      .replace(/\s*\(\d+:\d+\)$/, '');
    const lineText = source.split('\n')[line - 1] ?? '';
    const index =
      source
        .split('\n')
        .slice(0, line - 1)
        .join('\n').length + (line > 1 ? 1 : 0);
    ctx.report({
      severity: 'error',
      code: PARSE_ERROR,
      line,
      column,
      message: fillMessage(messages[PARSE_ERROR], {
        what,
        snippet: snippetAt(source, index + Math.min(column - 1, lineText.length)),
      }),
    });
    return source;
  }
  const tokens = (root.tokens ?? []).filter((t) => typeof t.start === 'number').sort((a, b) => a.start - b.start);
  if (!tokens.length) return source;
  const comments: Range[] = tokens.filter(isComment).map((t) => ({ start: t.start, end: t.end }));
  const code = tokens.filter((t) => !isComment(t));
  const typescript = /\.[cm]?tsx?$/i.test(ctx.relPath);

  const calls = collectCalls(root);

  const edits: TextEdit[] = [];
  const shapes: { shape: ListShape; args: AstNode[] }[] = [];
  for (const call of calls) {
    const shape = argumentShape(call, source, code, comments);
    if (shape) shapes.push({ shape, args: (call.arguments as AstNode[]) ?? [] });
    for (const arg of (call.arguments as AstNode[]) ?? []) {
      if (arg.type === 'ObjectExpression')
        edits.push(...duplicateProperties(arg, source, code, comments, typescript, ctx));
    }
  }
  const style = layoutStyle(shapes.map((s) => s.shape));
  // `, { cause: e })` on its own line: moved only when it carries a property the user named
  const injected = (args: AstNode[]) => (moved: number[]) =>
    moved.every((i) => args[i].type === 'ObjectExpression' && propertyNames(args[i]).some((n) => keywordNames.has(n)));
  for (const { shape, args } of shapes) edits.push(...(repairCommaFirst(shape, style, injected(args)) ?? []));
  if (!edits.length) return source;
  const set = new EditSet(source);
  for (const e of edits) if (!set.overlaps(e.start, e.end) || e.start === e.end) set.replace(e.start, e.end, e.text);
  return set.apply();
}

/** First code token at or after `index`. */
function tokenAt(code: Token[], index: number): number {
  let lo = 0;
  let hi = code.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (code[mid].start < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** An expression's range with its own parentheses: `(a)` rather than `a`. */
function outerRange(node: AstNode, code: Token[]): Range {
  if (!node.extra?.parenthesized || node.extra.parenStart === undefined) return { start: node.start, end: node.end };
  const start = node.extra.parenStart;
  let opens = 0;
  for (let i = tokenAt(code, start); i < code.length && code[i].start < node.start; i++)
    if (label(code[i]) === '(') opens++;
  let end = node.end;
  for (let i = tokenAt(code, node.end); i < code.length && opens > 0 && label(code[i]) === ')'; i++, opens--)
    end = code[i].end;
  return { start, end };
}

/** Items, separating commas and brackets of a list between `open` and `close` tokens. */
function shapeOf(
  source: string,
  open: number,
  close: number,
  nodes: AstNode[],
  code: Token[],
  comments: Range[],
): ListShape {
  const items = nodes.map((n) => outerRange(n, code));
  const commas = items.map((item, i) => {
    const limit = i + 1 < items.length ? items[i + 1].start : close;
    for (let t = tokenAt(code, item.end); t < code.length && code[t].start < limit; t++)
      if (label(code[t]) === ',') return code[t].start;
    return undefined;
  });
  return {
    text: source,
    open,
    close,
    items,
    commas,
    comments: comments.filter((c) => c.start > open && c.end <= close),
  };
}

function argumentShape(call: AstNode, source: string, code: Token[], comments: Range[]): ListShape | undefined {
  const args = (call.arguments as AstNode[] | undefined) ?? [];
  const close = call.end - 1;
  if (source[close] !== ')') return undefined;
  const callee = call.callee as AstNode;
  const after = Math.max(callee.end, ((call.typeArguments ?? call.typeParameters) as AstNode | undefined)?.end ?? 0);
  // the first `(` after the callee; scanning in place, not over a copy of every later token
  let t: Token | undefined;
  for (let i = tokenAt(code, after); i < code.length && code[i].start < close; i++) {
    if (label(code[i]) === '(') {
      t = code[i];
      break;
    }
  }
  if (!t) return undefined;
  return shapeOf(source, t.start, close, args, code, comments);
}

/**
 * `{ cause: e, cause: e }` ➔ `{ cause: e }`; a repeat with another value is reported (an
 * error in TypeScript, TS1117; a warning in JavaScript, where the last one silently wins).
 */
function duplicateProperties(
  object: AstNode,
  source: string,
  code: Token[],
  comments: Range[],
  typescript: boolean,
  ctx: TransformContext,
): TextEdit[] {
  const properties = (object.properties as AstNode[]) ?? [];
  // a spread between two repeats decides which value wins: nothing is provably redundant
  if (properties.some((p) => p.type === 'SpreadElement' || p.type === 'SpreadProperty')) return [];
  const groups = new Map<string, number[]>();
  properties.forEach((p, i) => {
    const name = propertyName(p);
    if (name !== undefined) groups.set(name, [...(groups.get(name) ?? []), i]);
  });
  const text = (n: AstNode) =>
    code
      .slice(tokenAt(code, n.start), tokenAt(code, n.end))
      .map((t) => source.slice(t.start, t.end))
      .join(' ');
  const remove: number[] = [];
  for (const [name, indices] of groups) {
    if (indices.length < 2) continue;
    const value = (i: number) => text(properties[i].value as AstNode);
    const differing = indices.find((i) => value(i) !== value(indices[0]));
    if (differing !== undefined) {
      const first = properties[indices[0]];
      const pos = positionAt(source, first.start);
      ctx.report({
        severity: typescript ? 'error' : 'warning',
        code: CONFLICTING_PROPERTY,
        index: properties[differing].start,
        message: fillMessage(messages[CONFLICTING_PROPERTY], { name, first: `${pos.line}:${pos.column}` }),
      });
      continue;
    }
    // a value with side effects runs once per repeat: dropping one would change the program
    if (!pure(properties[indices[0]].value as AstNode)) {
      const pos = positionAt(source, properties[indices[0]].start);
      ctx.report({
        severity: 'warning',
        code: IMPURE_REPEAT,
        index: properties[indices[1]].start,
        message: fillMessage(messages[IMPURE_REPEAT], { name, first: `${pos.line}:${pos.column}` }),
      });
      continue;
    }
    // ➔ { cause: e }    from { cause: e, cause: e }
    remove.push(...indices.slice(1));
  }
  if (!remove.length || source[object.start] !== '{' || source[object.end - 1] !== '}') return [];
  const shape = shapeOf(source, object.start, object.end - 1, properties, code, comments);
  return removeItems(shape, remove);
}

/** The static key of a plain `key: value` property (not computed, not a getter or method). */
function propertyName(p: AstNode): string | undefined {
  if ((p.type !== 'ObjectProperty' && p.type !== 'Property') || p.computed || (p.kind && p.kind !== 'init'))
    return undefined;
  const key = p.key as AstNode & { name?: string; value?: unknown };
  if (key.type === 'Identifier') return key.name;
  return key.type === 'StringLiteral' || key.type === 'NumericLiteral' || key.type === 'Literal'
    ? String(key.value)
    : undefined;
}

function propertyNames(object: AstNode): string[] {
  return ((object.properties as AstNode[]) ?? []).map(propertyName).filter((n): n is string => n !== undefined);
}

/** Identifiers, literals, `this` and plain member chains: evaluating them twice is harmless. */
function pure(node: AstNode | undefined): boolean {
  if (!node) return false;
  switch (node.type) {
    case 'Identifier':
    case 'ThisExpression':
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
    case 'Literal':
      return true;
    case 'TemplateLiteral':
      return ((node.expressions as AstNode[]) ?? []).every(pure);
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return pure(node.object as AstNode) && (!node.computed || pure(node.property as AstNode));
    default:
      return false;
  }
}

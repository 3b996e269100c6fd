// Repairs that need no option: missing commas before an argument on its own line, identical
// repeated keyword arguments, and a comma-first last line of an argument list.
import type { Node, Parser } from 'web-tree-sitter';
import type { TextEdit } from '../../lib/text/edit-set.js';
import { parsePython, walk } from '../../lib/python/parser.js';
import { isExtra, nodesOfType } from '../../lib/python/syntax-check.js';
import { fillMessage } from '../../lib/engine/diagnostics.js';
import { KEPT_REPEAT, messages } from './messages.js';
import { listItems, listShape, sameTokens } from './python-lists.js';
import { layoutStyle, removeItems, repairCommaFirst, startsLine, type ListShape } from './separated-list.js';

export interface PassFinding {
  index: number;
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
}

/** A text repair of a list that does not parse, kept only when it makes the list parse. */
interface Candidate {
  edit: TextEdit;
  /** 'list': the argument list around the edit must parse; 'fewer-errors': the file must have fewer broken regions. */
  check: 'list' | 'fewer-errors';
}

/**
 * Repairs that make a broken argument list parse again, each tried on its own and kept only
 * when it works:
 * - the comma a bulk edit forgot: `    details=details\n    processor_name=x\n)` ➔ `details=details,`;
 * - a trailing comma before a comma-first line: `    e,\n, exc_info=True)` ➔ `    e\n, exc_info=True)`
 *   (the comma-first repair then lays it out);
 * - with `--keyword NAME=VALUE`, the fragment `, NAME=VALUE` where it broke a tuple or
 *   parenthesised expression: `% (sig,, exc_info=True))` ➔ `% (sig,))`.
 * With `names`, only before/for a keyword of one of those names. Returns edits in `text` positions.
 */
export function repairBrokenLists(
  parser: Parser,
  text: string,
  names: ReadonlySet<string> | undefined,
  fragments: readonly string[],
): TextEdit[] {
  const first = parsePython(parser, text);
  if (!first) return [];
  const candidates: Candidate[] = [];
  let errorsBefore = 0;
  try {
    if (!first.rootNode.hasError) return [];
    errorsBefore = countErrors(first.rootNode);
    const leaves: Node[] = [];
    walk(first.rootNode, (n) => {
      if (n.childCount === 0 && !n.isMissing && !isExtra(n) && n.endIndex > n.startIndex) leaves.push(n);
      return n.type === 'string' ? (leaves.push(n), false) : undefined;
    });
    for (let i = 1; i + 1 < leaves.length; i++) {
      const name = leaves[i];
      const previous = leaves[i - 1];
      // `NAME=` opening a line, right after a line that ends an expression without a comma
      if (
        name.type === 'identifier' &&
        leaves[i + 1].type === '=' &&
        name.startPosition.row !== previous.endPosition.row &&
        startsLine(text, name.startIndex) &&
        (!names || names.has(name.text))
      ) {
        if (
          /[\w"')\]}]$/.test(previous.text) &&
          !/^(and|or|not|in|is|if|else|lambda|await|return|yield)$/.test(previous.text)
        ) {
          candidates.push({ edit: { start: previous.endIndex, end: previous.endIndex, text: ',' }, check: 'list' });
        }
      }
      // `x,\n    , NAME=…`: two commas around a line break, the second opening its line
      const next = leaves[i + 1];
      if (
        previous.type === ',' &&
        name.type === ',' &&
        name.startPosition.row !== previous.endPosition.row &&
        startsLine(text, name.startIndex) &&
        next?.type === 'identifier' &&
        leaves[i + 2]?.type === '=' &&
        (!names || names.has(next.text))
      ) {
        candidates.push({ edit: { start: previous.startIndex, end: previous.endIndex, text: '' }, check: 'list' });
      }
    }
    for (const fragment of fragments) {
      for (let at = text.indexOf(fragment); at !== -1; at = text.indexOf(fragment, at + 1)) {
        const node = first.rootNode.descendantForIndex(at, at + fragment.length);
        if (insideString(node) || !insideError(node)) continue;
        candidates.push({ edit: { start: at, end: at + fragment.length, text: '' }, check: 'fewer-errors' });
      }
    }
  } finally {
    first.delete();
  }
  // last first, so earlier positions stay valid as edits go in
  candidates.sort((a, b) => b.edit.start - a.edit.start);
  const edits: TextEdit[] = [];
  let current = text;
  for (const { edit, check } of candidates) {
    if (edits.some((e) => e.start < edit.end && edit.start < e.end)) continue;
    const attempt = current.slice(0, edit.start) + edit.text + current.slice(edit.end);
    const tree = parsePython(parser, attempt);
    if (!tree) continue;
    try {
      let ok: boolean;
      if (check === 'list') {
        let list: Node | null = tree.rootNode.descendantForIndex(
          Math.max(0, edit.start - 1),
          edit.start + edit.text.length,
        );
        while (list && list.type !== 'argument_list' && list.type !== 'parameters' && list.type !== 'ERROR')
          list = list.parent;
        ok = !!list && list.type !== 'ERROR' && !list.hasError;
      } else {
        const errors = countErrors(tree.rootNode);
        ok = errors < errorsBefore;
        if (ok) errorsBefore = errors;
      }
      if (ok) {
        current = attempt;
        edits.push(edit);
      }
    } finally {
      tree.delete();
    }
  }
  return edits;
}

/** ERROR and MISSING nodes, counting a nested run once. */
function countErrors(root: Node): number {
  let count = 0;
  walk(root, (n) => {
    if (n.isError || n.isMissing) {
      count++;
      return false;
    }
    return n.hasError;
  });
  return count;
}

function insideString(node: Node | null): boolean {
  for (let p = node; p; p = p.parent) if (p.type === 'string' || p.type === 'comment') return true;
  return false;
}

function insideError(node: Node | null): boolean {
  for (let p = node; p; p = p.parent) if (p.isError || p.hasError) return true;
  return false;
}

/**
 * Repeated keyword arguments: identical repeats go, the first stays where it stands. Repeats
 * with another value stay (the final syntax check reports them) unless `keep` says which wins.
 */
export function removeRepeatedKeywords(
  root: Node,
  text: string,
  keep: 'first' | 'last' | undefined,
  findings: PassFinding[],
): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const list of nodesOfType(root, new Set(['argument_list']))) {
    const shape = listShape(list, text);
    if (!shape) continue;
    const items = listItems(list);
    const groups = new Map<string, number[]>();
    items.forEach((item, i) => {
      if (item.type !== 'keyword_argument') return;
      const name = item.childForFieldName('name')?.text ?? '';
      groups.set(name, [...(groups.get(name) ?? []), i]);
    });
    const remove: number[] = [];
    for (const [name, indices] of groups) {
      if (indices.length < 2) continue;
      const value = (i: number) => items[i].childForFieldName('value')!;
      const differing = indices.filter((i) => !sameTokens(value(i), value(indices[0])));
      if (differing.length === 0) {
        // ➔ f(a, exc_info=True)    from f(a, exc_info=True, exc_info=True)
        remove.push(...indices.slice(1));
        continue;
      }
      if (!keep) continue;
      const kept = keep === 'first' ? indices[0] : indices[indices.length - 1];
      const dropped = indices.filter((i) => i !== kept);
      remove.push(...dropped);
      const shown = [
        ...new Set(
          dropped.filter((i) => !sameTokens(value(i), value(kept))).map((i) => items[i].text.replace(/\s+/g, ' ')),
        ),
      ];
      findings.push({
        index: items[differing[0]].startIndex,
        severity: 'warning',
        code: KEPT_REPEAT,
        message: fillMessage(messages[KEPT_REPEAT], {
          name,
          kept: items[kept].text.replace(/\s+/g, ' '),
          keep,
          removed: shown.join(', '),
        }),
      });
    }
    edits.push(...removeItems(shape, remove));
  }
  return edits;
}

/**
 * `logger.error(\n    f"{name} failed"\n, exc_info=True)` ➔ the comma after the message, the
 * keyword on its own line, `)` where this file's other calls put it. Only when every moved
 * argument is a keyword the user named: a comma-first layout is otherwise someone's style.
 */
export function repairCommaFirstCalls(root: Node, text: string, names: ReadonlySet<string>): TextEdit[] {
  const lists = nodesOfType(root, new Set(['argument_list'])).filter((list) => list.parent?.type === 'call');
  const shaped = lists
    .map((list) => ({ list, shape: listShape(list, text) }))
    .filter((x): x is { list: Node; shape: ListShape } => !!x.shape);
  const style = layoutStyle(shaped.map((x) => x.shape));
  return shaped.flatMap(({ list, shape }) => {
    const items = listItems(list);
    const injected = (moved: number[]) =>
      moved.every(
        (i) => items[i].type === 'keyword_argument' && names.has(items[i].childForFieldName('name')?.text ?? ''),
      );
    return repairCommaFirst(shape, style, injected) ?? [];
  });
}

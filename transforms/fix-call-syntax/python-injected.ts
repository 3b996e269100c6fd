// Removing a keyword the user names (`--keyword exc_info=True`) where a bulk edit put it and it
// is provably wrong: definitions it makes invalid, string text, calls whose callee rejects it.
import type { Node } from 'web-tree-sitter';
import type { CalleeResolver } from './callees.js';
import { fillMessage } from '../../lib/engine/diagnostics.js';
import type { TextEdit } from '../../lib/text/edit-set.js';
import { walk } from '../../lib/python/parser.js';
import { isExtra, nodesOfType, parameterName, parameterSplat } from '../../lib/python/syntax-check.js';
import { FRAGMENT_NEEDS_VALUE, REMOVED_PARAMETER_USED, UNKNOWN_CALLEE, messages } from './messages.js';
import type { InjectedKeyword } from './options.js';
import { isDocumentation, listItems, listShape, tokens } from './python-lists.js';
import type { PassFinding } from './python-repairs.js';
import { removeItems } from './separated-list.js';

/** An injected keyword with its value parsed into tokens (for matching `exc_info = True` too). */
export interface KeywordPattern extends InjectedKeyword {
  valueTokens?: string[];
}

/**
 * `def notify(*args, **kwargs, processor_name=None)` ➔ `def notify(*args, **kwargs)`: a named
 * parameter after `**kwargs`, or a repeat of an earlier one, is removed.
 */
export function removeInjectedParameters(
  root: Node,
  text: string,
  keywords: readonly KeywordPattern[],
  findings: PassFinding[],
): TextEdit[] {
  const names = new Set(keywords.map((k) => k.name));
  const edits: TextEdit[] = [];
  for (const list of nodesOfType(root, new Set(['parameters', 'lambda_parameters']))) {
    const params = listItems(list);
    const remove: number[] = [];
    const seen = new Set<string>();
    let varKeyword = false;
    params.forEach((param, i) => {
      const name = parameterName(param);
      const splat = parameterSplat(param);
      if (name && names.has(name) && !splat && (varKeyword || seen.has(name))) remove.push(i);
      if (name) seen.add(name);
      if (splat === '**') varKeyword = true;
    });
    if (!remove.length) continue;
    const shape = list.type === 'parameters' ? listShape(list, text) : lambdaShape(list, text);
    if (!shape) continue;
    edits.push(...removeItems(shape, remove));
    const def = list.parent;
    const body = def?.childForFieldName('body');
    for (const i of remove) {
      const name = parameterName(params[i])!;
      if (body && usesName(body, name)) {
        findings.push({
          index: params[i].startIndex,
          severity: 'warning',
          code: REMOVED_PARAMETER_USED,
          message: fillMessage(messages[REMOVED_PARAMETER_USED], {
            name,
            function: def?.childForFieldName('name')?.text ?? 'lambda',
          }),
        });
      }
    }
  }
  return edits;
}

/** `lambda a, **k, x=None: …` has no parentheses: its items run up to the `:`. */
function lambdaShape(list: Node, text: string) {
  const items = listItems(list).map((n) => ({ start: n.startIndex, end: n.endIndex }));
  const commas: (number | undefined)[] = items.map(() => undefined);
  let item = -1;
  for (const child of list.children) {
    if (child?.type === ',') commas[item] = child.startIndex;
    else if (child && !isExtra(child)) item++;
  }
  return { text, open: list.startIndex, close: list.endIndex, items, commas, comments: [] };
}

/** An identifier read in a body (not a keyword name in a call, not an attribute name). */
function usesName(body: Node, name: string): boolean {
  let found = false;
  walk(body, (n) => {
    if (found) return false;
    if (n.type === 'identifier' && n.text === name) {
      const parent = n.parent;
      const isKeywordName = parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.id === n.id;
      const isAttribute = parent?.type === 'attribute' && parent.childForFieldName('attribute')?.id === n.id;
      if (!isKeywordName && !isAttribute) found = true;
    }
    return undefined;
  });
  return found;
}

/**
 * `f"failed ({kind}, exc_info=True, exc_info=True)"` ➔ `f"failed ({kind})"`: the exact
 * fragment `, NAME=VALUE` (and its repeats) goes from string text, never from docstrings.
 */
export function removeStringFragments(
  root: Node,
  keywords: readonly KeywordPattern[],
  findings: PassFinding[],
): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const string of nodesOfType(root, new Set(['string']))) {
    // docstrings and multi-line strings hold examples and templates, where the text is meant
    if (isDocumentation(string) || string.startPosition.row !== string.endPosition.row) continue;
    for (const content of string.namedChildren) {
      if (content?.type !== 'string_content') continue;
      for (const k of keywords) {
        if (k.value === undefined) {
          if (content.text.includes(`, ${k.name}=`)) {
            findings.push({
              index: content.startIndex + content.text.indexOf(`, ${k.name}=`),
              severity: 'info',
              code: FRAGMENT_NEEDS_VALUE,
              message: fillMessage(messages[FRAGMENT_NEEDS_VALUE], { name: k.name }),
            });
          }
          continue;
        }
        const fragment = `, ${k.name}=${k.value}`;
        // the fragment must end where a value ends: `, limit=1` is not in `, limit=10`
        const boundary = /\w$/.test(k.value) ? '(?!\\w)' : '';
        const re = new RegExp(escapeRegExp(fragment) + boundary, 'g');
        for (const m of content.text.matchAll(re)) {
          edits.push({
            start: content.startIndex + m.index!,
            end: content.startIndex + m.index! + fragment.length,
            text: '',
          });
        }
      }
    }
  }
  return edits;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `is_quota_error(e, exc_info=True)` ➔ `is_quota_error(e)` when the callee, found in the
 * repository, takes no `exc_info` and no `**kwargs`; unknown callees are listed as info.
 */
export function removeInjectedKeywords(
  root: Node,
  text: string,
  keywords: readonly KeywordPattern[],
  resolver: CalleeResolver,
  findings: PassFinding[],
): TextEdit[] {
  const edits: TextEdit[] = [];
  const taken: { start: number; end: number }[] = [];
  for (const call of nodesOfType(root, new Set(['call']))) {
    const list = call.childForFieldName('arguments');
    if (list?.type !== 'argument_list') continue;
    const items = listItems(list);
    const matching = items
      .map((item, i) => ({ item, i }))
      .filter(({ item }) => item.type === 'keyword_argument' && keywords.some((k) => matches(item, k)));
    if (!matching.length) continue;
    const verdict = resolver.resolveCall(call);
    if (verdict.kind === 'unknown') {
      findings.push({
        index: matching[0].item.startIndex,
        severity: 'info',
        code: UNKNOWN_CALLEE,
        message: fillMessage(messages[UNKNOWN_CALLEE], {
          callee: shorten(verdict.callee),
          why: verdict.why,
          name: matching[0].item.childForFieldName('name')!.text,
          keyword: matching[0].item.text.replace(/\s+/g, ''),
        }),
      });
      continue;
    }
    const remove = matching
      .filter(({ item }) => !verdict.accepts(item.childForFieldName('name')!.text))
      .map(({ i }) => i);
    const shape = listShape(list, text);
    if (!remove.length || !shape) continue;
    const ranges = removeItems(shape, remove);
    // a call nested in the value of another removed argument goes with it
    if (ranges.some((r) => taken.some((t) => r.start < t.end && t.start < r.end))) continue;
    taken.push(...ranges);
    edits.push(...ranges);
  }
  return edits;
}

function matches(arg: Node, k: KeywordPattern): boolean {
  if (arg.childForFieldName('name')?.text !== k.name) return false;
  if (!k.valueTokens) return true;
  const value = tokens(arg.childForFieldName('value')!);
  return value.length === k.valueTokens.length && value.every((t, i) => t === k.valueTokens![i]);
}

const shorten = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);

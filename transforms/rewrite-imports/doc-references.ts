// Stale references in the prose around code: Python comments and docstrings, JS/TS comments and
// their JSDoc examples. Prose mentions are whole tokens; an example is parsed as code, so only
// its real import specifiers change (`const s = "effect/types"` in an example stays).
import { createRequire } from 'node:module';
import type { Node } from 'web-tree-sitter';
import { withPythonTree } from '../../lib/python/parser.js';
import { parseWithOxc } from './oxc-scan.js';
import { babelOptions, scanSpecifiers } from './specifiers.js';
import { mapPath, matchPackage, stripExtension, type RuleSet } from './rules.js';
import { findReferences, mentionsOf, type Mention } from './text-references.js';

/** One replacement in a comment or docstring, with the text it replaces. */
export interface DocEdit {
  start: number;
  end: number;
  found: string;
  to: string;
  label: string;
}

const require = createRequire(import.meta.url);
const mentionCache = new WeakMap<RuleSet, Mention[]>();

/** The rule set's mentions, computed once per rule set. */
export function cachedMentions(set: RuleSet): Mention[] {
  let mentions = mentionCache.get(set);
  if (!mentions) mentionCache.set(set, (mentions = mentionsOf(set)));
  return mentions;
}

/** True when the text may hold a mention or a package specifier: the cheap test before a parse. */
export function mayMention(source: string, set: RuleSet): boolean {
  return cachedMentions(set).some((m) => source.includes(m.from)) || set.packages.some((r) => source.includes(r.from));
}

/** Every stale reference in the comments and docstrings of one file, in source order. */
export async function docReferences(
  source: string,
  relPath: string,
  language: 'python' | 'javascript',
  set: RuleSet,
): Promise<DocEdit[]> {
  if (!mayMention(source, set)) return [];
  const mentions = cachedMentions(set);
  if (language === 'python') return pythonDocReferences(source, mentions);
  return javascriptDocReferences(source, relPath, set, mentions);
}

const asEdit =
  (source: string) =>
  (r: { start: number; end: number; mention: Mention }): DocEdit => ({
    start: r.start,
    end: r.end,
    found: source.slice(r.start, r.end),
    to: r.mention.to,
    label: r.mention.label,
  });

/** Comments and docstrings; in a doctest (`>>> `) line, only an import statement's module. */
async function pythonDocReferences(source: string, mentions: Mention[]): Promise<DocEdit[]> {
  const references = findReferences(source, mentions);
  if (references.length === 0) return [];
  return withPythonTree(source, (tree) =>
    references
      .filter((ref) => {
        const node = tree.rootNode.descendantForIndex(ref.start, ref.end);
        if (node?.type === 'comment') return true;
        if (!isDocstring(node)) return false;
        const lineStart = source.lastIndexOf('\n', ref.start - 1) + 1;
        const line = source.slice(lineStart, ref.start);
        // a doctest line is code: its imports move, its other strings and names are not ours
        return (
          !/^\s*(>>>|\.\.\.)(\s|$)/.test(line) ||
          /^\s*(>>>|\.\.\.)\s+(from\s+\S*$|import\s+([\w.]+\s*(as\s+\w+\s*)?,\s*)*$)/.test(line)
        );
      })
      .map(asEdit(source)),
  );
}

/** A string that is a whole statement (a docstring, or a string used as a comment). */
function isDocstring(node: Node | null): boolean {
  for (let n = node, depth = 0; n && depth < 3; n = n.parent, depth++) {
    if (n.type === 'string') return n.parent?.type === 'expression_statement' && n.parent.namedChildCount === 1;
  }
  return false;
}

interface BabelComment {
  value: string;
  start: number;
  end: number;
}

/** Comments' prose by token; `@example` sections and fenced blocks parsed as code for their specifiers. */
function javascriptDocReferences(source: string, relPath: string, set: RuleSet, mentions: Mention[]): DocEdit[] {
  const comments = commentsOf(source, relPath);
  if (!comments) return []; // the import pass reports a file that does not parse
  const edits: DocEdit[] = [];
  for (const comment of comments) {
    const offset = comment.start + 2; // after `//` or `/*`
    const { code, mask } = exampleCode(comment.value);
    for (const ref of findReferences(comment.value, mentions)) {
      if (mask[ref.start] === 1) continue; // example code: only its specifiers, below
      const edit = asEdit(comment.value)(ref);
      edits.push({ ...edit, start: edit.start + offset, end: edit.end + offset });
    }
    if (!mask.includes(1)) continue;
    let specifiers;
    try {
      specifiers = scanSpecifiers(code, relPath);
    } catch {
      continue; // an example that is not code: its prose was handled above
    }
    for (const spec of specifiers) {
      const to = matchPackage(set, spec.value, relPath)?.result ?? pathSpecifier(set, spec.value);
      if (to !== undefined && to !== spec.value)
        edits.push({
          start: spec.start + offset,
          end: spec.end + offset,
          found: spec.value,
          to,
          label: ruleLabel(set, spec.value, relPath),
        });
    }
  }
  return edits.sort((a, b) => a.start - b.start);
}

/** oxc's comments where the file parses cleanly (the import scan reuses that parse), else babel's; undefined when neither parses. */
function commentsOf(source: string, relPath: string): BabelComment[] | undefined {
  const parsed = parseWithOxc(source, relPath);
  if (parsed) return parsed.comments;
  try {
    const parse = (require('@babel/parser') as typeof import('@babel/parser')).parse;
    return (parse(source, babelOptions(relPath)) as unknown as { comments?: BabelComment[] }).comments ?? [];
  } catch {
    return undefined;
  }
}

/** `src/utils/auth` under `src/utils=src/lib`: a repository path written as a specifier, extension kept as written. */
function pathSpecifier(set: RuleSet, value: string): string | undefined {
  const moved = mapPath(set, value, undefined);
  if (!moved) return undefined;
  return stripExtension(value) === value ? stripExtension(moved.result) : moved.result;
}

function ruleLabel(set: RuleSet, value: string, relPath: string): string {
  return matchPackage(set, value, relPath)?.rule.label ?? mapPath(set, value, undefined)?.rule.label ?? '';
}

/**
 * The code of a comment's examples at the same offsets, everything else blanked (newlines kept):
 * the lines after `@example` up to the next tag, and fenced blocks. `mask[i]` is 1 inside them.
 */
export function exampleCode(value: string): { code: string; mask: Uint8Array } {
  const mask = new Uint8Array(value.length);
  const chars: string[] = value.split('').map((c) => (c === '\n' || c === '\r' ? c : ' '));
  let inExample = false;
  let inFence = false;
  let at = 0;
  for (const line of value.split('\n')) {
    const start = at;
    at += line.length + 1;
    const body = /^\s*\*?\s?/.exec(line)![0].length; // the ` * ` decoration
    const text = line.slice(body);
    if (/^```/.test(text.trim())) {
      inFence = !inFence;
      continue;
    }
    if (/^@example\b/.test(text)) {
      inExample = true;
      continue;
    }
    if (/^@\w/.test(text)) inExample = false;
    if (!inExample && !inFence) continue;
    for (let i = start + body; i < start + line.length; i++) {
      chars[i] = value[i];
      mask[i] = 1;
    }
  }
  return { code: chars.join(''), mask };
}

// Mentions of moved paths and modules outside import syntax: whole tokens such as
// `shared/utils/bigquery_utils.py`, `python -m shared.utils.x` or `pkg.mod:main`, found by text.
import { PY_EXTENSIONS, stripExtension, type RuleSet } from './rules.js';

/** One old spelling and its new one: a repository path (`a/b.py`, `a/b`) or a dotted module. */
export interface Mention {
  from: string;
  to: string;
  kind: 'path' | 'module';
  label: string;
}

/** A whole-token occurrence of a mention in a text. */
export interface Reference {
  start: number;
  end: number;
  mention: Mention;
}

/**
 * Every spelling the rules move, longest first. Single names (`pkg`, `utils`) are left out:
 * as words of prose they would match far more than the module.
 */
export function mentionsOf(set: RuleSet): Mention[] {
  const found = new Map<string, Mention>();
  const add = (from: string, to: string, kind: Mention['kind'], label: string) => {
    if (from === to || found.has(from) || !(kind === 'path' ? from.includes('/') : from.includes('.'))) return;
    found.set(from, { from, to, kind, label });
  };
  for (const rule of set.paths) {
    add(rule.from, rule.to, 'path', rule.label);
    // `shared/utils/x.py` is also written `shared/utils/x` (a module path, a script name)
    if (rule.isFile && stripExtension(rule.from) !== rule.from)
      add(stripExtension(rule.from), stripExtension(rule.to), 'path', rule.label);
  }
  for (const rule of set.python) {
    add(rule.from, rule.to, 'module', rule.label);
    if (rule.fromPath) continue; // the path rule gave its paths already
    const file = set.py.resolve(rule.from);
    const slashed = (m: string) => m.replaceAll('.', '/');
    if (file) {
      // `src/shared/utils/x.py` for `shared.utils.x` under the source root `src`
      const isPackage = /(^|\/)__init__\.pyi?$/.test(file);
      const stem = isPackage ? file.replace(/\/?__init__\.pyi?$/, '') : stripExtension(file);
      const root = stem.slice(0, stem.length - slashed(rule.from).length);
      if (stem.endsWith(slashed(rule.from))) {
        add(stem, root + slashed(rule.to), 'path', rule.label);
        if (!isPackage) add(file, root + slashed(rule.to) + file.slice(stem.length), 'path', rule.label);
      }
    } else {
      add(slashed(rule.from), slashed(rule.to), 'path', rule.label);
    }
  }
  return [...found.values()].sort((a, b) => b.from.length - a.from.length);
}

const WORD = /[A-Za-z0-9_]/;
const PATH_CHAR = /[A-Za-z0-9_\-.@]/;
const EXTENSION_AFTER = new RegExp(
  `^\\.(${['d.ts', 'ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs', ...PY_EXTENSIONS.map((e) => e.slice(1))].join('|').replaceAll('.', '\\.')})(?![A-Za-z0-9_])`,
);

/**
 * Whole-token occurrences, at most one per position (the longest spelling wins). A path may
 * follow `/` (`./a/b`, `$ROOT/a/b`) and be followed by `/`, an extension or punctuation; a
 * module may be followed by `.name` (a submodule or attribute) or `:name` (an entry point).
 * @example findReferences('python -m a.b.c', [{ from: 'a.b', … }]) // [{ start: 10, end: 13, … }]
 */
export function findReferences(text: string, mentions: readonly Mention[]): Reference[] {
  const found: Reference[] = [];
  for (const mention of mentions) {
    for (let i = text.indexOf(mention.from); i !== -1; i = text.indexOf(mention.from, i + 1)) {
      const end = i + mention.from.length;
      if (isToken(text, i, end, mention.kind)) found.push({ start: i, end, mention });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Reference[] = [];
  for (const ref of found) if (!kept.length || ref.start >= kept[kept.length - 1].end) kept.push(ref);
  return kept;
}

function isToken(text: string, start: number, end: number, kind: Mention['kind']): boolean {
  const before = text[start - 1] ?? ' ';
  if (PATH_CHAR.test(before) || (kind === 'module' && before === '/')) return false;
  const after = text[end] ?? ' ';
  if (after === '.') {
    const rest = text.slice(end, end + 6);
    if (kind === 'module') return true;
    return !WORD.test(text[end + 1] ?? ' ') || EXTENSION_AFTER.test(rest);
  }
  return !(WORD.test(after) || after === '-' || after === '@');
}

/** The text with every reference replaced by its new spelling. */
export function rewriteReferences(text: string, references: readonly Reference[]): string {
  let out = '';
  let at = 0;
  for (const ref of references) {
    out += text.slice(at, ref.start) + ref.mention.to;
    at = ref.end;
  }
  return out + text.slice(at);
}

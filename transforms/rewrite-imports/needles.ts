// Cheap substrings that any file needing a rewrite must contain: the prefilter, and the
// transform's own first test under the stock jscodeshift runner.
import { aliasesFor } from '../../lib/js/resolve.js';
import type { RuleSpec } from './options.js';
import type { RuleSet } from './rules.js';

/**
 * Any import of `a.b.c` (or of `src/shared/utils`) names its last segment somewhere in the
 * file: `import a.b.c`, `from a.b import c`, `from .c import x`, `'../utils/x'`. Moved files'
 * own relative imports are handled by the repository plan, so they need no needle.
 * Returns undefined when every file must be parsed.
 */
export function prefilterNeedles(rules: readonly RuleSpec[], absolute: boolean): string[] | undefined {
  const needles = new Set<string>();
  for (const rule of rules) {
    const prefix = rule.kind === 'map' ? rule.from : rule.forbid;
    const segment = lastSegment(prefix);
    if (!segment) return undefined;
    needles.add(segment);
    for (const needle of barrelNeedles(prefix)) needles.add(needle);
  }
  // every relative import contains `from .` (Python) once spaces are normalised
  if (absolute) needles.add('from .').add('from\t.').add('from  .');
  return [...needles];
}

/**
 * A barrel (`src/lib/index.ts`) is imported through its directory: `'./lib'`, `'@/lib'`, or from
 * inside it as `'.'` / `'..'`; those specifiers name the folder, never "index".
 */
export function barrelNeedles(prefix: string): string[] {
  const parts = prefix.split('/').filter(Boolean);
  if (parts.length < 2 || !/^index(\.d)?(\.[cm]?[jt]sx?)?$/.test(parts[parts.length - 1])) return [];
  return [parts[parts.length - 2], ".'", '."', "./'", './"'];
}

/** `a.b.c` ➔ `c`; `src/utils/auth.ts` ➔ `auth`; `@acme/core` ➔ `core`. */
export function lastSegment(prefix: string): string {
  const slash = prefix.split('/').filter(Boolean);
  let last = slash[slash.length - 1] ?? '';
  if (slash.length === 1) last = last.split('.').filter(Boolean).pop() ?? '';
  else last = last.replace(/\.(d\.)?[cm]?[jt]sx?$|\.pyi?$/, '');
  return last;
}

/**
 * The transform's own test, with the repository at hand: a file is parsed only when it names an
 * old module or package in full (or its parent, for `from a.b import c`), or holds a relative
 * import that could reach a rule's target (same top-level package, naming its last segment).
 */
export function needsParse(source: string, relPath: string, set: RuleSet, absolute: boolean, python: boolean): boolean {
  if (python) {
    const relative = /\bfrom[ \t\\]+\./.test(source);
    if (absolute && relative) return true;
    const modules = [...set.python.map((r) => r.from), ...set.forbids.flatMap((b) => (b.module ? [b.module] : []))];
    for (const m of modules) {
      const dot = m.lastIndexOf('.');
      if (source.includes(dot === -1 ? m : m.slice(0, dot))) return true;
    }
    if (!relative) return false;
    const top = set.py.moduleOf(relPath)?.split('.')[0];
    return modules.some((m) => m.split('.')[0] === top && source.includes(lastSegment(m)));
  }
  for (const rule of set.packages) if (source.includes(rule.from)) return true;
  for (const ban of set.forbids) if (!ban.path && source.includes(ban.prefix)) return true;
  for (const p of [...set.paths.map((r) => r.from), ...set.forbids.flatMap((b) => (b.path ? [b.path] : []))]) {
    // relative and baseUrl specifiers name the directory or file after a slash; aliases may not
    if (source.includes(`/${lastSegment(p)}`) || (aliasesFor(set.repo, relPath) && source.includes(lastSegment(p))))
      return true;
    if (barrelNeedles(p).some((needle) => source.includes(needle))) return true;
  }
  return false;
}

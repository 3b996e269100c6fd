// Cheap substrings that any file needing a rewrite must contain: the prefilter, and the
// transform's own first test under the stock jscodeshift runner.
import type { RuleSpec } from './options.js';

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
  }
  // every relative import contains `from .` (Python) once spaces are normalised
  if (absolute) needles.add('from .').add('from\t.').add('from  .');
  return [...needles];
}

/** `a.b.c` ➔ `c`; `src/utils/auth.ts` ➔ `auth`; `@acme/core` ➔ `core`. */
export function lastSegment(prefix: string): string {
  const slash = prefix.split('/').filter(Boolean);
  let last = slash[slash.length - 1] ?? '';
  if (slash.length === 1) last = last.split('.').filter(Boolean).pop() ?? '';
  else last = last.replace(/\.(d\.)?[cm]?[jt]sx?$|\.pyi?$/, '');
  return last;
}

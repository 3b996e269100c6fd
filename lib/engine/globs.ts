// Globs among the command line's paths. fast-glob costs ~50 ms to load, so it is loaded only
// when a path has a character that can make it a pattern; plain paths (the usual case) never pay.
import { createRequire } from 'node:module';
import ignore from 'ignore';

const require = createRequire(import.meta.url);
let fastGlob: typeof import('fast-glob') | undefined;
const fg = () => (fastGlob ??= require('fast-glob') as typeof import('fast-glob'));

/** fast-glob treats nothing as a pattern without one of these. */
const PATTERN_CHARACTERS = /[*?[\]{}()!+@]/;

export function isGlob(text: string): boolean {
  return PATTERN_CHARACTERS.test(text) && fg().isDynamicPattern(text);
}

/** Matches relative to `cwd`, dot files included, links listed but never followed. */
export function expandGlob(pattern: string, cwd: string, options: { onlyFiles: boolean }): string[] {
  return fg().sync(pattern, { cwd, dot: true, onlyFiles: options.onlyFiles, followSymbolicLinks: false });
}

/** True when a repository-relative path is matched by one of the globs. */
export type PathMatcher = (relPath: string) => boolean;

/**
 * Config globs (`onlyIn`, `in`) read as .gitignore lines, by the same library discovery uses:
 * `**`, `*`, `?`, classes; a name without a slash matches at any depth; a folder matches
 * everything under it; `!` re-includes. Case-sensitive, as paths are on Linux.
 */
export function pathMatcher(globs: readonly string[]): PathMatcher {
  const rules = ignore({ ignorecase: false }).add(globs.map((g) => g.replace(/^\.\//, '')));
  return (relPath) => rules.ignores(relPath);
}

// Globs among the command line's paths. fast-glob costs ~50 ms to load, so it is loaded only
// when a path has a character that can make it a pattern; plain paths (the usual case) never pay.
import { createRequire } from 'node:module';

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

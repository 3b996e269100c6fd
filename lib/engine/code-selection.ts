// `check --select` and `--ignore-code` (and `select` / `ignoreCodes` in the config): which checks run
// and which findings count. An entry is a transform's name (the whole check), a code
// (`remove-redundant-bases/inconsistent-mro`), or a short or engine code (`inconsistent-mro`, `parse-error`).
import type { Diagnostic } from './diagnostics.js';
import { codeMatches } from './suppressions.js';

export interface CodeSelection {
  select?: readonly string[];
  ignore?: readonly string[];
}

/**
 * Does the selection let the transform `name` run at all? `allNames` are every transform's names:
 * a selection that names none of them (only short or engine codes) keeps every check running.
 */
export function runsTransform(selection: CodeSelection, name: string, allNames: readonly string[]): boolean {
  if (selection.ignore?.includes(name)) return false;
  const named = (entry: string) => allNames.some((n) => entry === n || entry.startsWith(`${n}/`));
  const select = selection.select ?? [];
  return !select.some(named) || select.some((entry) => entry === name || entry.startsWith(`${name}/`));
}

/** Does a finding count under the selection? */
export function keepsFinding(selection: CodeSelection, diagnostic: Diagnostic): boolean {
  if (selection.ignore?.some((entry) => codeMatches(entry, diagnostic.code))) return false;
  return !selection.select?.length || selection.select.some((entry) => codeMatches(entry, diagnostic.code));
}

// One line for a finding repeated across many files: a rewrite to a module that does not exist
// yet warns in every file that imports it, and 3,117 identical lines hide everything else.
import type { Diagnostic } from '../../lib/engine/diagnostics.js';

/** A group is collapsed when the same finding is in more files than this; fewer are listed as they are. */
export const LISTED_REPEATS = 3;

/** A diagnostic to print, with how often the same finding occurs when it stands for a group. */
export interface ShownDiagnostic {
  diagnostic: Diagnostic;
  /** Set on the first diagnostic of a collapsed group only. */
  repeated?: { times: number; files: number };
}

/**
 * The diagnostics to print, in their order: each group of the same finding (severity, code and
 * message once the file's own path is taken out) that spans more than `LISTED_REPEATS` files
 * becomes its first diagnostic, with the group's size.
 * @example collapseRepeats(warnings).map(({ repeated }) => repeated) // [{ times: 3117, files: 3117 }]
 */
export function collapseRepeats(diagnostics: readonly Diagnostic[]): ShownDiagnostic[] {
  const groups = new Map<string, { first: Diagnostic; times: number; files: Set<string> }>();
  const keys = diagnostics.map(findingKey);
  diagnostics.forEach((d, i) => {
    const group = groups.get(keys[i]);
    if (group) {
      group.times++;
      group.files.add(d.path);
    } else groups.set(keys[i], { first: d, times: 1, files: new Set([d.path]) });
  });
  const shown: ShownDiagnostic[] = [];
  diagnostics.forEach((d, i) => {
    const { first, times, files } = groups.get(keys[i])!;
    if (files.size <= LISTED_REPEATS) shown.push({ diagnostic: d });
    else if (first === d) shown.push({ diagnostic: d, repeated: { times, files: files.size } });
  });
  return shown;
}

/** `(in 3117 files; --verbose lists them)`, or `(3200 times in 3117 files; …)` when files repeat it. */
export function repeatedText({ times, files }: { times: number; files: number }): string {
  return `(${times > files ? `${times} times ` : ''}in ${files} files; --verbose lists them)`;
}

/** What makes two diagnostics the same finding: a message naming its own file is the same message. */
function findingKey(d: Diagnostic): string {
  return `${d.severity}\0${d.code}\0${d.path ? d.message.split(d.path).join('\0path\0') : d.message}`;
}

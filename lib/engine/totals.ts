// The one-sentence count of a run, shared by the stderr summary and the reports.
import type { RunTotals } from './engine.js';

/** How every dry run that has something to write ends its summary. */
export const DRY_RUN_NOTE = '(dry run: nothing written; add --apply to write)';

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `12 changed, 830 unchanged, 3 skipped, 1 failed; 1 error, 2 warnings` (errors only when there are some). */
export function totalsSentence(t: RunTotals): string {
  const findings = [t.errors ? plural(t.errors, 'error') : '', plural(t.warnings, 'warning')]
    .filter(Boolean)
    .join(', ');
  return `${t.changed} changed, ${t.unchanged} unchanged, ${t.skipped} skipped, ${t.failed} failed; ${findings}`;
}

// Shared plumbing for the language modules: what a rewrite reports and counts.
import { fillMessage } from '../../lib/diagnostics.js';
import type { Finding } from '../../lib/context.js';
import { messages, type MessageCode } from './messages.js';
import type { RewriteImportsOptions } from './options.js';
import type { RuleSet } from './rules.js';

export interface RewriteContext {
  /** Repo-relative path of the file as it is now (diagnostics, onlyIn, forbid scopes). */
  relPath: string;
  /** Where the file's relative imports were written from, and where it will live. */
  written: string;
  future: string;
  /** Python: the package relative imports were written from, and the one the file ends up in. */
  pythonPackages?: { written?: string; future?: string };
  set: RuleSet;
  options: RewriteImportsOptions;
  report(finding: Finding): void;
  /** Count one rewrite under a rule (jscodeshift `api.stats`). */
  count(rule: string): void;
  /** Missing targets already reported in this file: a module imported 500 times is one warning. */
  missingReported?: Set<string>;
}

/** Report `code` at a string index with the table's message. */
export function reportAt(ctx: RewriteContext, key: MessageCode, index: number, values: Record<string, string | number>, severity?: Finding['severity']): void {
  const code = key.replace(/-fixed$/, '');
  if (code === 'rewrite-imports/missing-module') {
    const reported = (ctx.missingReported ??= new Set());
    if (reported.has(String(values.target))) return;
    reported.add(String(values.target));
  }
  const level = severity ?? (code === 'rewrite-imports/missing-module' ? (ctx.options.strict ? 'error' : 'warning') : 'warning');
  ctx.report({ severity: level, code, message: fillMessage(messages[key], values), index });
}

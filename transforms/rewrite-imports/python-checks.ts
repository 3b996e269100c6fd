// Python resolution checks shared by imports and string targets: does a rewritten module exist,
// and does an import break a ban.
import { reportAt, type RewriteContext } from './report.js';
import { underModule, type RuleSet } from './rules.js';

/** Warn when a rewritten module resolves nowhere in the repository (and is not third-party). */
export function checkExists(ctx: RewriteContext, target: string, original: string, rule: string, index: number): void {
  if (pythonModuleExists(ctx.set, target)) return;
  const top = target.split('.')[0];
  const repoish =
    pythonModuleExists(ctx.set, top) ||
    pythonModuleExists(ctx.set, original) ||
    pythonModuleExists(ctx.set, original.split('.')[0]);
  if (!repoish) return; // third-party on both sides
  reportAt(ctx, 'rewrite-imports/missing-module', index, { target, original, rule });
}

/** True when `name` exists now, or will once the rules' moves are done (rules that run before the move). */
export function pythonModuleExists(set: RuleSet, name: string): boolean {
  if (set.py.resolve(name) !== undefined) return true;
  for (const rule of set.python) {
    if (
      rule.fromPath &&
      rule.oldExists &&
      underModule(name, rule.to) &&
      set.py.resolve(rule.from + name.slice(rule.to.length)) !== undefined
    )
      return true;
  }
  return false;
}

/** Report a use of a forbidden module prefix; a mapping that moves it out of the ban is the fix. */
export function checkForbidden(
  ctx: RewriteContext,
  original: string,
  rewritten: string | undefined,
  index: number,
  reportedFor?: string,
): void {
  for (const ban of ctx.set.forbids) {
    if (!ban.module || !underModule(original, ban.module)) continue;
    // `from banned.mod import name`: the module was reported already, not each name again
    if (reportedFor !== undefined && underModule(reportedFor, ban.module)) continue;
    if (ban.scope && !ban.scope(ctx.relPath)) continue;
    const fixed = rewritten !== undefined && !underModule(rewritten, ban.module);
    const values = {
      module: original,
      scope: ban.scopeText,
      rule: ban.label,
      prefix: ban.prefix,
      target: rewritten ?? '',
    };
    if (fixed) reportAt(ctx, 'rewrite-imports/forbidden-import-fixed', index, values, 'warning');
    else reportAt(ctx, 'rewrite-imports/forbidden-import', index, values, 'error');
  }
}

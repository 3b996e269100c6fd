// Shared plumbing for the language modules: what a rewrite reports and counts.
import { fillMessage, type MessageValues } from '../../lib/engine/diagnostics.js';
import type { Finding } from '../../lib/engine/context.js';
import { shortList } from '../../lib/text/short-list.js';
import { messages, statementMessages, type MessageCode } from './messages.js';
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
  /** Set while the names of one import statement are checked: their findings wait here (reportPerStatement). */
  deferred?: DeferredFinding[];
}

/** A finding held back until its statement is done, to be reported with the statement's others. */
export interface DeferredFinding {
  key: MessageCode;
  index: number;
  values: Record<string, string | number>;
  severity: Finding['severity'];
}

/** The diagnostic code of a message key: `forbidden-import-fixed` is a `forbidden-import` with its fix. */
const codeOf = (key: MessageCode) => key.replace(/-fixed$/, '');

/** Report `code` at a string index with the table's message. */
export function reportAt<Key extends MessageCode>(
  ctx: RewriteContext,
  key: Key,
  index: number,
  values: MessageValues<(typeof messages)[Key]>,
  severity?: Finding['severity'],
): void {
  const code = codeOf(key);
  if (code === 'rewrite-imports/missing-module') {
    const reported = (ctx.missingReported ??= new Set());
    if (reported.has(String(values.target))) return;
    reported.add(String(values.target));
  }
  const level =
    severity ?? (code === 'rewrite-imports/missing-module' ? (ctx.options.strict ? 'error' : 'warning') : 'warning');
  if (ctx.deferred) ctx.deferred.push({ key, index, values, severity: level });
  else ctx.report({ severity: level, code, message: fillMessage(messages[key], values), index });
}

/**
 * Check the names of one `from m import a, b, c` statement (or the modules of one `import a, b`,
 * with `module` ''), then report what it found once per kind of finding, at the first name,
 * listing the names: one banned or rewritten statement is one finding, not one per name.
 */
export function reportPerStatement(ctx: RewriteContext, module: string, check: (ctx: RewriteContext) => void): void {
  const deferred: DeferredFinding[] = [];
  // the copy shares the per-file set of missing targets already reported
  ctx.missingReported ??= new Set();
  check({ ...ctx, deferred });
  const groups = new Map<string, DeferredFinding[]>();
  for (const finding of deferred) {
    const key = `${finding.key}\0${finding.values.scope ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  for (const group of groups.values()) {
    const [first] = group;
    const template = statementMessages[first.key as keyof typeof statementMessages];
    if (group.length === 1 || !template) {
      for (const f of group)
        ctx.report({
          severity: f.severity,
          code: codeOf(f.key),
          // checked when reportAt deferred it
          message: fillMessage(messages[f.key] as string, f.values),
          index: f.index,
        });
      continue;
    }
    const quoted = (name: string) => shortList([...new Set(group.map((f) => `'${f.values[name]}'`))]);
    const rules = [...new Set(group.map((f) => String(f.values.rule)))];
    const bans = shortList([...new Set(group.map((f) => `rule ${f.values.rule} forbids '${f.values.prefix}'`))]);
    // `A, B from 'pkg.errors'`, or `'a.b', 'a.c'` for the modules of a plain import
    const names = module
      ? `${shortList(group.map((f) => String(f.values.module).slice(module.length + 1)))} from '${module}'`
      : quoted('module');
    const origin = module ? `names of '${module}'` : quoted('original');
    const values = {
      names,
      origin,
      bans,
      scope: first.values.scope ?? '',
      targets: quoted('target'),
      rules: `${rules.length > 1 ? 'rules' : 'rule'} ${shortList(rules)}`,
      check: rules.length > 1 ? 'the rules' : 'the rule',
    };
    ctx.report({
      severity: first.severity,
      code: codeOf(first.key),
      message: fillMessage(template, values),
      index: first.index,
    });
  }
}

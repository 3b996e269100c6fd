// The Python half: apply the planned removals to one file's class headers and report each
// class's findings (inconsistent MRO, removals, unsafe removals).
import type { Finding } from '../../lib/engine/context.js';
import { fillMessage } from '../../lib/engine/diagnostics.js';
import { positionAt } from '../../lib/text/positions.js';
import type { RunMode } from '../../lib/engine/context.js';
import { classIndexFor, type ClassIndex } from './class-index.js';
import { EditSet } from '../../lib/text/edit-set.js';
import { pythonFacts } from '../../lib/python/file-facts.js';
import type { RepoIndex } from '../../lib/repo/repo-index.js';
import { removeListItems } from '../../lib/text/remove-list-items.js';
import { conflictText, mroText, placedName, shortName } from './class-names.js';
import { CODES, messages, removedText } from './messages.js';
import type { RemoveRedundantBasesOptions } from './options.js';
import { plannerFor, type ClassPlan, type Redundancy } from './python-plan.js';
import { dropUnusedImports } from './unused-imports.js';

/**
 * The new text of one Python file: redundant bases removed where the MRO proves it safe.
 * @throws SyntaxError (with `loc`) when the file does not parse: nothing is edited then.
 */
export async function fixPythonFile(
  source: string,
  relPath: string,
  repo: RepoIndex,
  options: RemoveRedundantBasesOptions,
  mode: RunMode,
  report: (f: Finding) => void,
): Promise<string> {
  let index = await classIndexFor(repo);
  // the engine hands us the file as it is on disk; anything else (stdin, a caller's buffer) is re-scanned
  if (repo.read(relPath) !== source || !index.scanOf(relPath)) index = await index.withFileText(relPath, source);
  const scan = index.scanOf(relPath)!;
  // the same oracle as fix-call-syntax and check: CPython's verdict and position, compile-time errors included
  const problem = (await pythonFacts(repo, relPath, source)).problems[0];
  if (problem) {
    const { line, column } = positionAt(source, problem.index);
    throw Object.assign(new SyntaxError(problem.message), { loc: { line, column: column - 1 } });
  }
  const planner = plannerFor(index, options);
  const edits = new EditSet(source);
  const removedNames = new Set<string>();
  for (const record of scan.classes) {
    const plan = planner.plan(record.id);
    if (!plan) continue;
    reportPlan(index, plan, options, mode, report);
    if (plan.removed.length && record.header) {
      // class A(B, C, D) ➔ class A(B, D): the header's items, bases among keywords and splats
      const items = record.header.items;
      const remove = plan.removed.map((i) => record.bases[i].item);
      for (const i of plan.removed) if (record.bases[i].kind === 'name') removedNames.add(record.bases[i].text);
      const bounds = { open: record.header.open + 1, close: record.header.close };
      for (const edit of removeListItems(source, bounds, items, remove)) edits.replace(edit.start, edit.end, edit.text);
    }
  }
  if (!edits.size) return source;
  const fixed = edits.apply();
  if (options.keepImports) return fixed;
  const { text, dropped } = await dropUnusedImports(fixed, relPath, removedNames, scan.all);
  for (const d of dropped) {
    const { line, column } = positionAt(fixed, d.index);
    report({
      severity: 'info',
      code: CODES.unusedImport,
      line,
      column,
      message: fillMessage(messages[CODES.unusedImport], {
        removed: removedText(mode),
        name: d.name,
        module: d.module,
      }),
    });
  }
  return text;
}

function reportPlan(
  index: ClassIndex,
  plan: ClassPlan,
  options: RemoveRedundantBasesOptions,
  mode: RunMode,
  report: (f: Finding) => void,
): void {
  const { record } = plan;
  const at = (base: number) => ({ line: record.bases[base].line, column: record.bases[base].column });
  const written = (bases: readonly number[]) => bases.map((i) => record.bases[i].text).join(', ');
  const reasonOf = (r: Redundancy) => reasonText(index, plan, r);
  const redundancy = (base: number) => plan.redundant.find((r) => r.base === base)!;
  const removed = removedText(mode);
  if (plan.outcome === 'intended') {
    const finding =
      plan.before.kind === 'inconsistent'
        ? `its MRO is inconsistent: ${conflictText(index, record, plan.before)}`
        : `redundant: ${written(plan.redundant.map((r) => r.base))}`;
    report({
      severity: 'info',
      code: CODES.intended,
      line: record.line,
      column: record.column,
      message: fillMessage(messages[CODES.intended], {
        class: record.name,
        context: record.expectsFailure ?? '',
        finding,
      }),
    });
    return;
  }
  if (plan.before.kind === 'inconsistent') {
    const opaque = plan.opaque.map((o) => o.base);
    const outcome =
      plan.outcome === 'fixed'
        ? `${removed} ${written(plan.removed)}`
        : plan.redundant.length
          ? `removing ${written(plan.redundant.map((r) => r.base))} would not fix it; left unchanged`
          : opaque.length
            ? `${written(opaque)} ${opaque.length > 1 ? 'come' : 'comes'} from outside the repository: remove ${opaque.length > 1 ? 'them' : 'it'} by hand`
            : 'no listed base is redundant; left unchanged';
    report({
      severity: 'error',
      code: CODES.inconsistentMro,
      line: record.line,
      column: record.column,
      message: fillMessage(messages[CODES.inconsistentMro], {
        class: record.name,
        conflict: conflictText(index, record, plan.before),
        outcome,
      }),
    });
  }
  for (const base of plan.removed) {
    report({
      severity: 'info',
      code: CODES.redundantBase,
      ...at(base),
      message: fillMessage(messages.removed, {
        removed,
        base: record.bases[base].text,
        reason: reasonOf(redundancy(base)),
      }),
    });
  }
  for (const { base, after } of plan.unsafe) {
    report({
      severity: 'warning',
      code: CODES.unsafeRemoval,
      ...at(base),
      message: fillMessage(messages[CODES.unsafeRemoval], {
        base: record.bases[base].text,
        reason: reasonOf(redundancy(base)),
        class: record.name,
        before: mroText(index, plan.before),
        after: mroText(index, after),
      }),
    });
  }
  if (plan.before.kind === 'ok' && options.onlyErrors) {
    for (const r of plan.redundant) {
      report({
        severity: 'info',
        code: CODES.redundantBase,
        ...at(r.base),
        message: fillMessage(messages.keptOnlyErrors, { base: record.bases[r.base].text, reason: reasonOf(r) }),
      });
    }
  }
  // an ancestor that cannot be created is reported on that ancestor, once
  if (plan.before.kind === 'unknown' && !plan.before.ancestor) {
    for (const r of plan.redundant) {
      report({
        severity: 'info',
        code: CODES.unknownMro,
        ...at(r.base),
        message: fillMessage(messages[CODES.unknownMro], {
          base: record.bases[r.base].text,
          reason: reasonOf(r),
          class: record.name,
          unknown: plan.before.why,
        }),
      });
    }
  }
}

/** `BackfillMixin is already a base of ProcessorBase (pkg/base.py:12)`. */
function reasonText(index: ClassIndex, plan: ClassPlan, r: Redundancy): string {
  const written = plan.record.bases[r.base].text;
  switch (r.reason.kind) {
    case 'duplicate': {
      const first = plan.record.bases[r.reason.of].text;
      return first === written
        ? `${written} is listed twice`
        : `${written} is the same class as ${first}, listed before it`;
    }
    case 'object':
      return 'every class already inherits from object';
    case 'inherited': {
      const name = shortName(index, index.baseEntries(plan.record)[r.base].node!);
      const where = placedName(index, r.reason.provider, plan.record);
      if (r.reason.via.length === 0) return `${name} is already a base of ${where}`;
      return `${name} is already inherited by ${where} through ${r.reason.via.map((v) => shortName(index, v)).join(', ')}`;
    }
  }
}

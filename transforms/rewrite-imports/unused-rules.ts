// Rules that rewrote nothing: a typo in OLD (or a path without its `.py`) must not look like a
// clean run. Reported once per rule, with the nearest module or path of the repository.
import { fillMessage, type Diagnostic } from '../../lib/engine/diagnostics.js';
import { positionAt } from '../../lib/text/positions.js';
import { editDistance } from '../../lib/text/edit-distance.js';
import { messages } from './messages.js';
import type { RewriteImportsOptions, RuleSpec } from './options.js';
import { stripExtension, underModule, type RuleSet } from './rules.js';

const CONFIG_FILE = 'repomod.config.json';

/**
 * One `rewrite-imports/unused-rule` finding per mapping that rewrote nothing in a run over the
 * whole repository while neither OLD nor NEW is in the repository but something near OLD is (a typo):
 * a warning, an error under `--check` or `--strict`.
 * @param counted rewrites per rule so far (`rewrite-imports: <label>`), per-file pass and plan
 */
export function unusedRules(
  set: RuleSet,
  options: RewriteImportsOptions & { allRules: RuleSpec[] },
  counted: (name: string) => number,
  strict: boolean,
  configText: string | undefined,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const rule of options.allRules) {
    if (rule.kind !== 'map' || seen.has(rule.label)) continue;
    seen.add(rule.label);
    // OLD still there: nothing imports it yet; NEW there: the move is done and the rule guards it
    if (counted(`rewrite-imports: ${rule.label}`) > 0 || exists(set, rule.from) || exists(set, rule.to)) continue;
    // nothing near OLD: a finished move or a third-party rename that the rule now guards (CI keeps
    // such rules so the old name cannot come back), not a typo
    const suggestion = nearest(set, rule.from, rule.to);
    if (!suggestion) continue;
    const values = { rule: rule.label, from: rule.from, suggestion };
    found.push({
      ...where(rule.from, configText),
      severity: strict ? 'error' : 'warning',
      code: 'rewrite-imports/unused-rule',
      message: fillMessage(messages['rewrite-imports/unused-rule'], values),
    });
  }
  return found;
}

/** The rule's OLD in the config file (where a user fixes it), else the repository root. */
function where(from: string, configText: string | undefined): Pick<Diagnostic, 'path' | 'line' | 'column'> {
  const index = configText?.indexOf(JSON.stringify(from)) ?? -1;
  if (configText !== undefined && index !== -1) return { path: CONFIG_FILE, ...positionAt(configText, index + 1) };
  return { path: '.', line: 1, column: 1 };
}

/** A Python module or package, a file (with or without its extension) or a directory. */
function exists(set: RuleSet, name: string): boolean {
  if (/^[\p{L}_][\p{L}\p{N}_]*(\.[\p{L}_][\p{L}\p{N}_]*)*$/u.test(name) && set.py.resolve(name) !== undefined)
    return true;
  const { repo } = set;
  return repo.hasFile(name) || repo.files.some((f) => f.startsWith(`${name}/`) || stripExtension(f) === name);
}

/**
 * The repository's module name or path nearest to `name` by edit distance (dotted names for a
 * dotted rule, paths for a path rule, a path's extension optional), within a third of its length;
 * never NEW or anything under it.
 */
export function nearest(set: RuleSet, name: string, to: string): string | undefined {
  const dotted = !name.includes('/');
  const candidates = new Set<string>();
  for (const file of set.repo.files) {
    if (dotted) {
      const module = /\.pyi?$/.test(file) ? set.py.moduleOf(file) : undefined;
      for (let m = module; m; m = m.includes('.') ? m.slice(0, m.lastIndexOf('.')) : undefined) candidates.add(m);
    } else {
      candidates.add(file);
      for (let d = file; d.includes('/');) candidates.add((d = d.slice(0, d.lastIndexOf('/'))));
    }
  }
  const limit = Math.max(1, Math.floor(name.length / 3));
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of [...candidates].sort()) {
    // never NEW, nor OLD's own parents (`pipeline.common` outlives `pipeline.common.util`)
    if (
      dotted
        ? underModule(candidate, to) || underModule(name, candidate)
        : candidate === to || candidate.startsWith(`${to}/`) || name.startsWith(`${candidate}/`)
    )
      continue;
    if (
      Math.abs(stripExtension(candidate).length - name.length) > limit &&
      Math.abs(candidate.length - name.length) > limit
    )
      continue;
    // `shared/utils/bq` names `shared/utils/bq.py`: compared without the extension, suggested with it
    const distance = Math.min(
      editDistance(name, candidate, limit),
      editDistance(name, stripExtension(candidate), limit) + (candidate === stripExtension(candidate) ? 0 : 0.5),
    );
    if (distance <= limit && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

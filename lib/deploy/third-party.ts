// Third-party imports of a closure against what the package declares: through the Python
// environment when there is one, else through the name table and the common-dependency table.
import type { PythonImport } from '../python/imports.js';
import type { ChainStep, Closure, ClosureFinding, ThirdPartyImport } from './closure.js';
import { commonlyInstalled } from './common-dependencies.js';
import { candidateDistributions, suggestedDistribution } from './distributions.js';
import { askEnvironment, type EnvironmentFacts, type EnvironmentProblem } from './python-environment.js';
import type { DeclaredDependencies } from './requirements.js';

/**
 * Third-party imports against what is declared: through the Python environment when there is one
 * (which installed distribution provides the module, and is it pulled in by a declared
 * requirement?), else through the name table and the table of common dependencies.
 */
export function classifyThirdParty(
  pending: readonly { module: string; step: ChainStep; imp: PythonImport }[],
  declared: DeclaredDependencies,
  guardOf: ReadonlyMap<string, ChainStep>,
  python: { abs: string; shown: string } | undefined,
  thirdParty: Map<string, ThirdPartyImport>,
  findings: ClosureFinding[],
): Closure['environment'] {
  const undeclared = pending.filter((p) => !candidateDistributions(p.module).some((c) => declared.names.has(c)));
  const asked =
    python && undeclared.length > 0
      ? askEnvironment(python, [...new Set(undeclared.map((p) => p.module))].sort(), declared.extras)
      : undefined;
  const facts = asked && 'providers' in asked ? (asked as EnvironmentFacts) : undefined;
  // what the environment cannot tell (a declared requirement it does not have installed), the table does
  const common = commonlyInstalled(
    facts ? new Set([...declared.names].filter((d) => !facts.installed.includes(d))) : declared.names,
  );
  for (const { module, step, imp } of pending) {
    const top = module.split('.')[0];
    const candidates = candidateDistributions(module);
    const installed = facts?.providers[module] ?? [];
    const provider = candidates.find((c) => declared.names.has(c)) ?? installed.find((d) => declared.names.has(d));
    // provided, though not declared: which distribution, and which declared requirement brings it
    const proven = provider || !facts ? undefined : installed.find((d) => facts.reachable[d]);
    const indirect = provider ? undefined : (proven ?? candidates.find((c) => common.has(c)));
    const via = proven ? facts!.reachable[proven] : indirect ? common.get(indirect) : undefined;
    const distribution = provider ?? indirect ?? installed[0] ?? suggestedDistribution(module);
    const key = provider ? `${top}\0${provider}` : module;
    const record = thirdParty.get(key) ?? {
      module: provider ? top : module,
      declared: Boolean(provider),
      distribution,
      ...(via ? { via } : {}),
      importedBy: [],
    };
    record.importedBy.push(step);
    thirdParty.set(key, record);
    if (provider || proven) continue;
    const guardedBy = guardOf.get(step.file);
    const at = {
      file: step.file,
      line: imp.line,
      column: imp.column,
      module,
      optional: imp.optional,
      inFunction: imp.inFunction,
      distribution,
      ...(guardedBy ? { guardedBy } : {}),
    };
    if (via)
      findings.push({
        kind: 'indirect-dependency',
        severity: 'warning',
        ...at,
        via,
        ...(facts ? { environment: 'requirement-not-installed' as const } : {}),
      });
    else {
      const severity = imp.optional || imp.inFunction || guardedBy ? 'warning' : 'error';
      const environment = facts ? (installed.length ? 'installed-undeclared' : 'not-installed') : undefined;
      findings.push({ kind: 'undeclared-dependency', severity, ...at, ...(environment ? { environment } : {}) });
    }
  }
  if (!asked) return undefined;
  return facts ? { python: facts.python, version: facts.version } : (asked as EnvironmentProblem);
}

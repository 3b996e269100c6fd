// Messages of `repomod bundle` (codes `bundle/<code>`), and the step from findings to diagnostics.
import path from 'node:path';
import { fillMessage, type Diagnostic } from '../diagnostics.js';
import type { Closure, ClosureFinding } from './closure.js';
import type { PackagePlan, PackageProblem } from './package.js';

export const messages = {
  'missing-module': "'{module}' is imported{context} but missing from the package '{package}': the repository has it in {repoFile}; the deploy fails with ModuleNotFoundError (--fix provides it)",
  'missing-optional-module': "'{module}' is imported{context} but missing from the package '{package}' (the repository has it in {repoFile}): the code it guards is silently off",
  'unresolved-module': "'{module}' is imported{context} but is neither in the package nor in the repository",
  'undeclared-dependency': "'{module}' is imported{context} but no dependency declared in {files} provides it; add '{distribution}'",
  'undeclared-not-installed': "'{module}' is imported{context} but no dependency declared in {files} provides it, and {python} does not have it installed; add '{distribution}'",
  'undeclared-installed': "'{module}' is imported{context} and {python} has it from '{distribution}', but no dependency declared in {files} pulls that in; add '{distribution}'",
  'indirect-dependency': "'{module}' is imported{context} but not declared in {files}; '{distribution}' usually comes with the declared '{via}'. Declare it if the code relies on it directly, or pass --python to check the real environment",
  'indirect-dependency-uninstalled': "'{module}' is imported{context} but not declared in {files}; '{distribution}' usually comes with the declared '{via}', which {python} does not have installed. Declare it if the code relies on it directly",
  'python-environment': "cannot ask {python} which distributions it has installed ({reason}); third-party imports are checked against built-in tables",
  'removed-stdlib': "'{module}' was removed from the standard library in Python {version}; the import fails on newer runtimes",
  'parse-error': 'file does not parse; imports after the error may be missed',
  'no-dependency-file': 'the package declares no dependencies (no requirements.txt or pyproject.toml), so its third-party imports will not be installed',
  'unused-file': "not reached from {entry}'s imports (dynamic imports are not followed)",
  'cannot-fix': "cannot provide '{destination}': {reason}",
  'unreadable-file': 'file is not read: it {reason}; its imports are not followed',
  'refused-include': "'-r {include}' is not read: {reason}; requirements files may include only files inside the repository",
  'unreadable-dependency-file': "'{file}' is not read: it {reason}; the dependencies it declares are not counted",
  'include-cycle': "'-r {include}' includes '{file}' again ({cycle}); each file is read once",
} as const;

const code = (c: string) => `bundle/${c}`;

/** ` inside a function` / ` inside try/except ImportError` / ` in a file reached only through …` / `` */
function contextText(f: ClosureFinding): string {
  if (f.optional) return ' inside try/except ImportError';
  if (f.guardedBy) return ` in a file reached only through the try/except ImportError import at ${f.guardedBy.file}:${f.guardedBy.line}`;
  if (f.inFunction) return ' inside a function (it fails when that code runs)';
  return '';
}

/** `.venv/bin/python (Python 3.11.7)`: the environment asked, for messages. */
function pythonShown(closure: Closure): string {
  return closure.environment && 'version' in closure.environment ? `${closure.environment.python} (Python ${closure.environment.version})` : '';
}

/** Repo-relative path of a package file, for diagnostics. */
export function repoPathOf(plan: PackagePlan, closure: Closure | undefined, packageRel: string): string {
  const file = closure?.files.find((f) => f.path === packageRel);
  if (file && (file.provider === 'missing' || file.provider === 'entry')) return file.source;
  // a file only a bundle entry provides does not exist in the package folder: name its source
  const planned = plan.files.get(packageRel);
  if (planned?.via === 'entry' && planned.abs.startsWith(plan.repoRoot + path.sep)) return path.relative(plan.repoRoot, planned.abs).split(path.sep).join('/');
  return plan.rel ? `${plan.rel}/${packageRel}` : packageRel;
}

/** Diagnostics for a closure's findings. */
export function closureDiagnostics(plan: PackagePlan, closure: Closure): Diagnostic[] {
  const pkg = plan.rel || '.';
  const files = closure.dependencyFiles.length ? closure.dependencyFiles.join(' and ') : 'the package';
  return closure.findings.map((f): Diagnostic => {
    const at = { path: repoPathOf(plan, closure, f.file), line: f.line, column: f.column, severity: f.severity };
    switch (f.kind) {
      case 'missing-module':
        return f.optional || f.guardedBy
          ? { ...at, code: code('missing-module'), message: fillMessage(messages['missing-optional-module'], { module: f.module, context: contextText(f), package: pkg, repoFile: f.repoFile! }) }
          : { ...at, code: code('missing-module'), message: fillMessage(messages['missing-module'], { module: f.module, context: contextText(f), package: pkg, repoFile: f.repoFile! }) };
      case 'unresolved-module':
        return { ...at, code: code(f.kind), message: fillMessage(messages['unresolved-module'], { module: f.module, context: contextText(f) }) };
      case 'undeclared-dependency': {
        const template = f.environment === 'not-installed' ? messages['undeclared-not-installed'] : f.environment === 'installed-undeclared' ? messages['undeclared-installed'] : messages['undeclared-dependency'];
        return { ...at, code: code(f.kind), message: fillMessage(template, { module: f.module, context: contextText(f), files, distribution: f.distribution!, python: pythonShown(closure) }) };
      }
      case 'indirect-dependency': {
        const template = f.environment === 'requirement-not-installed' ? messages['indirect-dependency-uninstalled'] : messages['indirect-dependency'];
        return { ...at, code: code(f.kind), message: fillMessage(template, { module: f.module, context: contextText(f), files, distribution: f.distribution!, via: f.via!, python: pythonShown(closure) }) };
      }
      case 'removed-stdlib':
        return { ...at, code: code(f.kind), message: fillMessage(messages['removed-stdlib'], { module: f.module, version: f.distribution! }) };
      case 'parse-error':
        return { ...at, code: code(f.kind), message: messages['parse-error'] };
      case 'no-dependency-file':
        return { ...at, code: code(f.kind), message: messages['no-dependency-file'] };
      case 'unreadable-file':
        return { ...at, code: code(f.kind), message: fillMessage(messages['unreadable-file'], { reason: f.reason ?? 'unknown' }) };
    }
  });
}

/** Diagnostics for dependency files refused or not read (paths are already repo-relative), and an environment that could not answer. */
export function dependencyDiagnostics(plan: PackagePlan, closure: Closure): Diagnostic[] {
  const environment = closure.environment && 'reason' in closure.environment ? closure.environment : undefined;
  const entry = repoPathOf(plan, closure, closure.entry);
  const unanswered: Diagnostic[] = environment
    ? [{ path: entry, line: 1, column: 1, severity: 'warning', code: code('python-environment'), message: fillMessage(messages['python-environment'], { python: environment.python, reason: environment.reason }) }]
    : [];
  return [...unanswered, ...closure.dependencyProblems.map((p): Diagnostic => {
    const at = { path: p.path, line: p.line, column: 1, code: code(p.kind) };
    switch (p.kind) {
      case 'refused-include':
        return { ...at, severity: 'error', message: fillMessage(messages['refused-include'], { include: p.include!, reason: p.reason }) };
      case 'include-cycle':
        return { ...at, severity: 'warning', message: fillMessage(messages['include-cycle'], { include: p.include!, file: p.file!, cycle: p.reason }) };
      case 'unreadable-dependency-file':
        return { ...at, severity: p.severity ?? 'error', message: fillMessage(messages['unreadable-dependency-file'], { file: p.file ?? p.path, reason: p.reason }) };
    }
  })];
}

/** Diagnostics for a package plan's problems (broken links and entries, conflicts): all errors. */
export function packageDiagnostics(plan: PackagePlan): Diagnostic[] {
  return plan.problems.map((p: PackageProblem) => ({
    path: plan.rel ? `${plan.rel}/${p.path}` : p.path,
    line: p.line,
    column: 1,
    severity: 'error' as const,
    code: code(p.kind),
    message: p.message,
  }));
}

/** Warnings for package files the closure never reaches. */
export function unusedDiagnostics(plan: PackagePlan, closure: Closure): Diagnostic[] {
  return closure.unused.map((rel) => ({
    path: repoPathOf(plan, closure, rel),
    line: 1,
    column: 1,
    severity: 'warning' as const,
    code: code('unused-file'),
    message: fillMessage(messages['unused-file'], { entry: closure.entry }),
  }));
}

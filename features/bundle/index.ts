// The three bundle commands as functions: load the repository around a path, plan the package,
// and return diagnostics and data; the CLI only prints and sets the exit code.
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { specialFileType } from '../../lib/engine/containment.js';
import { compareDiagnostics, type Diagnostic } from '../../lib/engine/diagnostics.js';
import { discoverRepository } from '../../lib/engine/discover.js';
import { UsageError } from '../../lib/engine/errors.js';
import { gitTopLevel } from '../../lib/engine/git.js';
import { RepoIndex } from '../../lib/repo/repo-index.js';
import type { FileChange } from '../../lib/engine/types.js';
import { buildPackage } from './build.js';
import { computeClosure, type Closure } from '../../lib/deploy/closure.js';
import { planClosureFix, type FixStyle } from './fix.js';
import {
  closureDiagnostics,
  dependencyDiagnostics,
  messages,
  packageDiagnostics,
  unusedDiagnostics,
} from './messages.js';
import { planPackage, sourceOf, type PackagePlan } from '../../lib/deploy/package.js';
import { findPython } from '../../lib/deploy/python-environment.js';

/** The repository around `anyPath`: git's top level, else the folder itself; discovered like the engine does. */
export function loadRepository(anyPath: string, sourceRoots?: readonly string[]): RepoIndex {
  const start = path.resolve(anyPath);
  const dir = existsSync(start) && statSync(start).isDirectory() ? start : path.dirname(start);
  const root = gitTopLevel(dir) ?? dir;
  const discovery = discoverRepository({ root });
  return new RepoIndex({ ...discovery, root, sourceRoots: sourceRoots ? [...sourceRoots] : undefined });
}

function requireDir(given: string, what: string): string {
  const abs = path.resolve(given);
  if (!existsSync(abs) || !statSync(abs).isDirectory())
    throw new UsageError(`${what} '${given}' is not a folder`, 'give the package folder, e.g. functions/fn_a');
  return abs;
}

export interface PackageReport {
  plan: PackagePlan;
  diagnostics: Diagnostic[];
}

/** `bundle check`: every entry's source and every link of the package resolves. */
export function checkBundle(packageDir: string, options: { allowOutside?: boolean } = {}): PackageReport {
  const abs = requireDir(packageDir, 'package');
  const repo = loadRepository(abs);
  const plan = planPackage(repo, abs, options);
  return { plan, diagnostics: packageDiagnostics(plan).sort(compareDiagnostics) };
}

export interface BuildReport extends PackageReport {
  /** Package-relative paths written; empty when problems stopped the build. */
  written: string[];
  out: string;
}

/** `bundle build`: refuse on any problem (nothing written), else write the package to `out`. */
export function buildBundle(
  packageDir: string,
  out: string,
  options: { force?: boolean; allowOutside?: boolean } = {},
): BuildReport {
  const abs = requireDir(packageDir, 'package');
  const repo = loadRepository(abs);
  const plan = planPackage(repo, abs, options);
  const diagnostics = packageDiagnostics(plan).sort(compareDiagnostics);
  if (diagnostics.length > 0) return { plan, diagnostics, written: [], out };
  const written = buildPackage(plan, out, { force: options.force, repoRoot: repo.root });
  return { plan, diagnostics, written, out };
}

export interface ClosureOptions {
  packageRoot?: string;
  unused?: boolean;
  fix?: FixStyle;
  ignoreModules?: readonly string[];
  sourceRoots?: readonly string[];
  /** --python: the interpreter of the environment the package is installed into. */
  python?: string;
}

export interface ClosureReport extends PackageReport {
  repo: RepoIndex;
  closure: Closure;
  /** With `fix`: the changes that provide what is missing. */
  changes: FileChange[];
}

/** `bundle closure`: the entry's import closure against what the package provides. */
export async function closureOf(entryFile: string, options: ClosureOptions = {}): Promise<ClosureReport> {
  const entryAbs = path.resolve(entryFile);
  if (!existsSync(entryAbs))
    throw new UsageError(
      `entry file '${entryFile}' does not exist`,
      'give the Python file the platform runs, e.g. functions/fn_a/main.py',
    );
  const special = specialFileType(entryAbs) ?? (statSync(entryAbs).isDirectory() ? 'directory' : undefined);
  if (special)
    throw new UsageError(
      `entry file '${entryFile}' is not a regular file (${special})`,
      'give the Python file the platform runs, e.g. functions/fn_a/main.py',
    );
  const packageAbs = requireDir(options.packageRoot ?? path.dirname(entryAbs), 'package root');
  const entryRel = path
    .relative(realpathSync(packageAbs), path.join(realpathSync(path.dirname(entryAbs)), path.basename(entryAbs)))
    .split(path.sep)
    .join('/');
  if (entryRel.startsWith('..') || path.isAbsolute(entryRel))
    throw new UsageError(
      `entry file '${entryFile}' is not inside the package root '${options.packageRoot}'`,
      'pass --package-root with a folder that holds the entry file',
    );
  const repo = loadRepository(packageAbs, options.sourceRoots);
  const plan = planPackage(repo, packageAbs);
  const python = findPython(repo.root, options.python);
  const closure = await computeClosure(repo, plan, entryRel, { ignoreModules: options.ignoreModules, python });
  const diagnostics = [
    ...packageDiagnostics(plan),
    ...closureDiagnostics(plan, closure),
    ...dependencyDiagnostics(plan, closure),
    ...(options.unused ? unusedDiagnostics(plan, closure) : []),
  ];
  let changes: FileChange[] = [];
  if (options.fix) {
    const fix = planClosureFix(repo, plan, closure, options.fix);
    changes = fix.changes;
    for (const refused of fix.refused) {
      diagnostics.push({
        path: plan.rel ? `${plan.rel}/${refused.destination}` : refused.destination,
        line: 1,
        column: 1,
        severity: 'error',
        code: 'bundle/cannot-fix',
        message: messages['cannot-fix']
          .replace('{destination}', refused.destination)
          .replace('{reason}', refused.reason),
      });
    }
  }
  return { plan, repo, closure, diagnostics: diagnostics.sort(compareDiagnostics), changes };
}

/** The `--json` document of a closure (schema in transforms/replace-symlinks/README.md). */
export function closureJson(report: ClosureReport): object {
  const { plan, closure, repo } = report;
  return {
    version: 1,
    entry: closure.entry,
    packageRoot: plan.rel || '.',
    files: closure.files.map((f) => ({ path: f.path, source: f.source, provider: f.provider, chain: f.chain })),
    missing: closure.findings
      .filter((f) => f.kind === 'missing-module')
      .map((f) => ({
        module: f.module,
        destination: f.destination,
        source: f.repoFile,
        importedBy: { file: f.file, line: f.line },
        optional: f.optional,
        inFunction: f.inFunction,
      })),
    thirdParty: closure.thirdParty,
    ...(closure.environment && 'version' in closure.environment ? { environment: closure.environment } : {}),
    dependencyFiles: closure.dependencyFiles,
    unused: closure.unused.map((rel) => {
      const file = plan.files.get(rel);
      return { path: rel, source: file ? sourceOf(repo, file) : rel };
    }),
    diagnostics: report.diagnostics,
    ...(report.changes.length
      ? {
          fix: report.changes.map((c) => ({
            path: c.path,
            kind: c.after?.kind ?? 'deleted',
            ...(c.after?.kind === 'symlink' ? { target: c.after.target } : {}),
          })),
        }
      : {}),
  };
}

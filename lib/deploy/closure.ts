// The import closure of an entry file: every module it needs, transitively, resolved first in the
// package (as at run time there), then in the repository; what is missing, and undeclared third parties.
import path from 'node:path';
import { ContainmentError, readRegularFile } from '../engine/containment.js';
import { firstSyntaxError, withPythonTree } from '../python/parser.js';
import { extractImports, packageOfModule, resolveRelativeImport, type PythonImport } from '../python/imports.js';
import type { RepoIndex } from '../repo/repo-index.js';
import { isStdlib, removedFromStdlib } from './distributions.js';
import { sourceOf, type PackagePlan } from './package.js';
import type { EnvironmentProblem } from './python-environment.js';
import { readDeclaredDependencies, type DependencyProblem } from './requirements.js';
import { classifyThirdParty } from './third-party.js';

/** One step of the chain that pulls a file in: `file` imports `module` at `line`. */
export interface ChainStep {
  file: string;
  line: number;
  module: string;
}

export interface ClosureFile {
  /** Package-relative path. */
  path: string;
  /** Repo-relative path of the content (absolute when outside the repository). */
  source: string;
  provider: 'entry-file' | 'file' | 'link' | 'entry' | 'missing';
  /** Imports from the entry file to this one. */
  chain: ChainStep[];
}

export type FindingKind =
  | 'missing-module'
  | 'unresolved-module'
  | 'relative-beyond-top'
  | 'undeclared-dependency'
  | 'indirect-dependency'
  | 'removed-stdlib'
  | 'parse-error'
  | 'no-dependency-file'
  | 'unreadable-file';

export interface ClosureFinding {
  kind: FindingKind;
  severity: 'error' | 'warning';
  /** Package-relative file and 1-based position of the import. */
  file: string;
  line: number;
  column: number;
  module: string;
  optional: boolean;
  inFunction: boolean;
  /** The try/except ImportError import, in another file of the chain, that the file is reached only through. */
  guardedBy?: ChainStep;
  /** missing-module: repo-relative file that provides it and where it belongs in the package. */
  repoFile?: string;
  destination?: string;
  /** undeclared-/indirect-dependency: the distribution to declare. */
  distribution?: string;
  /** indirect-dependency: the declared requirement that usually installs it. */
  via?: string;
  /** What the Python environment said: the module is not installed, installed but pulled in by nothing declared, or (indirect-dependency) the declared requirement is not installed there. */
  environment?: 'not-installed' | 'installed-undeclared' | 'requirement-not-installed';
  /** unreadable-file: why. */
  reason?: string;
}

export interface ThirdPartyImport {
  module: string;
  declared: boolean;
  /** The declared distribution that provides it, or the one to add. */
  distribution: string;
  /** Not declared, but installed through this declared requirement (per the environment or the table). */
  via?: string;
  importedBy: ChainStep[];
}

export interface Closure {
  entry: string;
  files: ClosureFile[];
  findings: ClosureFinding[];
  thirdParty: ThirdPartyImport[];
  /** Package .py files the closure never reaches. */
  unused: string[];
  /** Dependency files read (package-relative). */
  dependencyFiles: string[];
  /** Requirements includes refused, dependency files not read, include cycles. */
  dependencyProblems: DependencyProblem[];
  /** The Python environment asked about third-party imports, or why it could not answer. */
  environment?: { python: string; version: string } | EnvironmentProblem;
}

export interface ClosureOptions {
  /** Top-level module names never to report (provided by the runtime, say). */
  ignoreModules?: readonly string[];
  /** The text of a file as it will be (a planned move's content); undefined reads the disk. */
  readSource?: (abs: string) => Promise<string | undefined>;
  /** The interpreter of the environment the package is installed into (see findPython). */
  python?: { abs: string; shown: string };
}

/** Top-level namespace packages shared by many distributions (`google.cloud.storage`, `azure.identity`). */
const NAMESPACE_TOPS = new Set([
  'google',
  'azure',
  'opentelemetry',
  'zope',
  'backports',
  'jaraco',
  'sphinxcontrib',
  'ruamel',
  'snowflake',
]);

const toPath = (module: string) => module.split('.').join('/');

/** Package-relative file of a dotted module, or a namespace directory marker, or undefined. */
function resolveInPackage(plan: PackagePlan, dirs: Set<string>, module: string): string | undefined {
  const base = toPath(module);
  for (const candidate of [`${base}.py`, `${base}/__init__.py`]) if (plan.files.has(candidate)) return candidate;
  return dirs.has(base) ? `${base}/` : undefined;
}

/** Dotted module of a package-relative file (`shared/db.py` → `shared.db`). */
function moduleOfPackageFile(rel: string): string {
  return rel
    .replace(/\.py$/, '')
    .replace(/\/__init__$/, '')
    .replace(/^__init__$/, '')
    .split('/')
    .join('.');
}

/**
 * Compute the closure of `entry` (package-relative) inside the planned package.
 * @example
 *   const closure = await computeClosure(repo, planPackage(repo, 'functions/fn_a'), 'main.py');
 *   closure.findings // [{ kind: 'missing-module', module: 'shared.espn_client', file: 'main.py', line: 12, … }]
 */
export async function computeClosure(
  repo: RepoIndex,
  plan: PackagePlan,
  entry: string,
  options: ClosureOptions = {},
): Promise<Closure> {
  const dirs = new Set<string>();
  for (const rel of plan.files.keys())
    for (let i = rel.lastIndexOf('/'); i > 0; i = rel.lastIndexOf('/', i - 1)) dirs.add(rel.slice(0, i));
  const ignored = new Set(options.ignoreModules ?? []);
  const declared = readDeclaredDependencies(plan.abs, plan.repoRoot);
  const files = new Map<string, ClosureFile>();
  const findings: ClosureFinding[] = [];
  const thirdParty = new Map<string, ThirdPartyImport>();
  const queue: { rel: string; abs: string }[] = [];
  const copiedSources = copiedPaths(repo);

  const entryFile = plan.files.get(entry);
  files.set(entry, {
    path: entry,
    source: entryFile ? sourceOf(repo, entryFile) : entry,
    provider: 'entry-file',
    chain: [],
  });
  queue.push({ rel: entry, abs: entryFile?.abs ?? path.join(plan.abs, entry) });

  /** Where the real module lives in the repository, and where it belongs in the package. */
  const resolveInRepo = (module: string): { repoFile: string; destination: string } | 'namespace' | undefined => {
    const python = repo.python;
    const candidates: { repoFile: string; root: string }[] = [];
    let namespace = false;
    for (const root of python.sourceRoots) {
      const found = python.resolve(module, [root]);
      if (!found) continue;
      if (!/\.pyi?$/.test(found)) {
        // a folder of modules without __init__.py: a namespace package, created by its files
        if (!(plan.rel !== '' && found.startsWith(`${plan.rel}/`))) namespace = true;
        continue;
      }
      if (!found.endsWith('.py')) continue;
      // the package itself, and copies recorded by replace-symlinks, are not where a module really lives
      if (plan.rel === '' ? false : found.startsWith(`${plan.rel}/`)) continue;
      candidates.push({ repoFile: found, root });
    }
    const best =
      candidates.find((c) => !copiedSources.some((copy) => c.repoFile === copy || c.repoFile.startsWith(`${copy}/`))) ??
      candidates[0];
    if (!best) return namespace ? 'namespace' : undefined;
    const inner = best.root ? best.repoFile.slice(best.root.length + 1) : best.repoFile;
    return { repoFile: best.repoFile, destination: inner };
  };

  /** Third-party imports, classified once the whole closure (and so every module to ask about) is known. */
  const pending: { module: string; step: ChainStep; imp: PythonImport }[] = [];
  const addThirdParty = (module: string, step: ChainStep, imp: PythonImport) => {
    const top = module.split('.')[0];
    if (ignored.has(top) || ignored.has(module)) return;
    if (isStdlib(module)) {
      const removed = removedFromStdlib(module);
      if (removed)
        findings.push({
          kind: 'removed-stdlib',
          severity: 'warning',
          file: step.file,
          line: imp.line,
          column: imp.column,
          module: top,
          optional: imp.optional,
          inFunction: imp.inFunction,
          distribution: removed,
        });
      return;
    }
    pending.push({ module, step, imp });
  };
  /** Imports between closure files: a file reached only through guarded ones is optional too. */
  const edges: { from: string; to: string; step: ChainStep; guarded: boolean }[] = [];

  while (queue.length > 0) {
    const current = queue.shift()!;
    const currentChain = files.get(current.rel)!.chain;
    let source: string;
    try {
      source =
        (await options.readSource?.(current.abs)) ??
        readRegularFile(current.abs, Number.MAX_SAFE_INTEGER, current.rel).toString('utf8');
    } catch (error) {
      const reason =
        error instanceof ContainmentError ? error.message.replace(/^'[^']*' /, '') : (error as Error).message;
      findings.push({
        kind: 'unreadable-file',
        severity: 'error',
        file: current.rel,
        line: 1,
        column: 1,
        module: '',
        optional: false,
        inFunction: false,
        reason,
      });
      continue;
    }
    const imports = await withPythonTree(source, (tree) => {
      const error = firstSyntaxError(tree.rootNode);
      if (error)
        findings.push({
          kind: 'parse-error',
          severity: 'warning',
          file: current.rel,
          line: error.startPosition.row + 1,
          column: error.startPosition.column + 1,
          module: '',
          optional: false,
          inFunction: false,
        });
      return extractImports(tree.rootNode, source);
    });
    const ownPackage = packageOfModule(moduleOfPackageFile(current.rel), current.rel);
    for (const imp of imports) {
      if (imp.typeCheckingOnly || imp.future) continue;
      let base = imp.module;
      if (imp.level > 0) {
        const resolved = resolveRelativeImport(ownPackage, imp.level, imp.module);
        // from . import x in main.py (the package's top level), from ..x in a/b.py: CPython raises
        // ImportError there, and which module was meant is a guess, so it is reported, not followed
        if (resolved === undefined) {
          findings.push({
            kind: 'relative-beyond-top',
            severity: imp.optional ? 'warning' : 'error',
            file: current.rel,
            line: imp.line,
            column: imp.column,
            module: '.'.repeat(imp.level) + imp.module,
            optional: imp.optional,
            inFunction: imp.inFunction,
          });
          continue;
        }
        base = resolved;
      }
      // import a.b.c needs a, a.b and a.b.c; from a.b import c needs a, a.b, and a.b.c if it is a module
      const required: string[] = [];
      const parts = base ? base.split('.') : [];
      for (let n = 1; n <= parts.length; n++) required.push(parts.slice(0, n).join('.'));
      const maybe =
        imp.kind === 'from'
          ? imp.names.filter((n) => n.name !== '*').map((n) => (base ? `${base}.${n.name}` : n.name))
          : [];
      const step: ChainStep = {
        file: current.rel,
        line: imp.line,
        module: base || imp.names.map((n) => n.name).join(', '),
      };
      const chain = [...currentChain, step];
      const isFirstPartyTop =
        parts.length > 0 &&
        (resolveInPackage(plan, dirs, parts[0]) !== undefined ||
          resolveInRepo(parts[0]) !== undefined ||
          imp.level > 0);
      if (parts.length > 0 && !isFirstPartyTop) {
        // from google.cloud import bigquery: in a namespace package, each name is its own distribution;
        // from google.api_core.exceptions import NotFound: one module, below the namespace levels
        const names = imp.names.filter((n) => n.name !== '*');
        if (imp.kind === 'from' && NAMESPACE_TOPS.has(parts[0]) && parts.length <= 2 && names.length > 0)
          for (const n of names) addThirdParty(`${base}.${n.name}`, step, imp);
        else addThirdParty(base, step, imp);
        continue;
      }
      const visit = (module: string, mustExist: boolean) => {
        const inPackage = resolveInPackage(plan, dirs, module);
        if (inPackage) {
          if (!inPackage.endsWith('/')) edges.push({ from: current.rel, to: inPackage, step, guarded: imp.optional });
          if (!inPackage.endsWith('/') && !files.has(inPackage)) {
            const file = plan.files.get(inPackage)!;
            files.set(inPackage, { path: inPackage, source: sourceOf(repo, file), provider: file.via, chain });
            queue.push({ rel: inPackage, abs: file.abs });
          }
          return true;
        }
        const inRepo = resolveInRepo(module);
        if (inRepo === 'namespace') return true;
        if (inRepo) {
          edges.push({ from: current.rel, to: inRepo.destination, step, guarded: imp.optional });
          if (!files.has(inRepo.destination)) {
            findings.push({
              kind: 'missing-module',
              severity: imp.optional ? 'warning' : 'error',
              file: current.rel,
              line: imp.line,
              column: imp.column,
              module,
              optional: imp.optional,
              inFunction: imp.inFunction,
              repoFile: inRepo.repoFile,
              destination: inRepo.destination,
            });
            // follow it too: once provided, what it imports is needed as well
            files.set(inRepo.destination, {
              path: inRepo.destination,
              source: inRepo.repoFile,
              provider: 'missing',
              chain,
            });
            queue.push({ rel: inRepo.destination, abs: repo.absolute(inRepo.repoFile) });
          }
          return true;
        }
        if (mustExist)
          findings.push({
            kind: 'unresolved-module',
            severity: imp.optional ? 'warning' : 'error',
            file: current.rel,
            line: imp.line,
            column: imp.column,
            module,
            optional: imp.optional,
            inFunction: imp.inFunction,
          });
        return false;
      };
      let ok = true;
      for (const module of required) if (ok && module) ok = visit(module, true);
      if (ok) for (const module of maybe) visit(module, false);
    }
  }

  // a guard anywhere on the way makes what lies beyond it optional: files reached only through one
  const guardOf = guardedFiles(entry, edges);
  for (const f of findings) {
    const guard = guardOf.get(f.file);
    if (!guard || f.kind === 'removed-stdlib' || f.kind === 'parse-error' || f.kind === 'unreadable-file') continue;
    f.guardedBy = guard;
    f.severity = 'warning';
  }
  const environment = classifyThirdParty(pending, declared, guardOf, options.python, thirdParty, findings);

  const reached = new Set(files.keys());
  const unused = [...plan.files.keys()].filter((rel) => rel.endsWith('.py') && !reached.has(rel)).sort();
  if (declared.files.length === 0 && [...thirdParty.values()].some((t) => !t.declared)) {
    findings.push({
      kind: 'no-dependency-file',
      severity: 'warning',
      file: entry,
      line: 1,
      column: 1,
      module: '',
      optional: false,
      inFunction: false,
    });
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  return {
    entry,
    files: [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    findings,
    thirdParty: [...thirdParty.values()].sort((a, b) => (a.module < b.module ? -1 : 1)),
    unused,
    dependencyFiles: declared.files,
    dependencyProblems: declared.problems,
    ...(environment ? { environment } : {}),
  };
}

/** Each file reached only through guarded imports ➔ the first guarded import on its way. */
function guardedFiles(
  entry: string,
  edges: readonly { from: string; to: string; step: ChainStep; guarded: boolean }[],
): Map<string, ChainStep> {
  const open = new Set([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const from = queue.shift()!;
    for (const e of edges) {
      if (e.from !== from || e.guarded || open.has(e.to)) continue;
      open.add(e.to);
      queue.push(e.to);
    }
  }
  const guards = new Map<string, ChainStep>();
  // breadth first from the files reached openly, so each guarded file names the nearest guard
  let frontier = edges
    .filter((e) => e.guarded && open.has(e.from) && !open.has(e.to))
    .map((e) => ({ to: e.to, guard: e.step }));
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { to, guard } of frontier) {
      if (guards.has(to)) continue;
      guards.set(to, guard);
      for (const e of edges) if (e.from === to && !open.has(e.to) && !guards.has(e.to)) next.push({ to: e.to, guard });
    }
    frontier = next;
  }
  return guards;
}

/** Repo-relative destinations of copies recorded in any manifest (`"copied": true`). */
function copiedPaths(repo: RepoIndex): string[] {
  return repo.memo('bundle-copied-paths', (r) => {
    const copies: string[] = [];
    for (const file of r.files) {
      if (!file.endsWith('repomod.bundle.json')) continue;
      const text = r.read(file);
      if (!text) continue;
      try {
        const dir = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file);
        for (const entry of (JSON.parse(text) as { entries?: { to?: string; copied?: boolean }[] }).entries ?? []) {
          if (entry.copied && typeof entry.to === 'string') copies.push(dir ? `${dir}/${entry.to}` : entry.to);
        }
      } catch {
        // an invalid manifest is reported by whoever owns it
      }
    }
    return copies;
  });
}

// The rule set for one run: each rule classified (Python module, JS package, repository path),
// matched at module boundaries, longest prefix first, each specifier rewritten at most once.
import { pathMatcher, type PathMatcher } from '../../lib/engine/globs.js';
import { JS_EXTENSIONS, PYTHON_EXTENSIONS } from '../../lib/languages.js';
import type { RepoIndex } from '../../lib/repo/repo-index.js';
import type { PythonModules } from '../../lib/repo/python-modules.js';
import type { RewriteImportsOptions, RuleSpec } from './options.js';

export interface PythonRule {
  from: string;
  to: string;
  label: string;
  onlyIn?: PathMatcher;
  /** The old module is still in the repository (the rule runs before the move). */
  oldExists: boolean;
  /**
   * Derived from a path rule: those work before the move too, so a target that does not exist
   * yet is fine when its old counterpart does. Dotted rules describe the repository as it is.
   */
  fromPath: boolean;
}

export interface PackageRule {
  from: string;
  to: string;
  label: string;
  onlyIn?: PathMatcher;
}

export interface PathRule {
  /** Repository paths; for a file rule, with the extension as the user wrote it (maybe none). */
  from: string;
  to: string;
  isFile: boolean;
  label: string;
  onlyIn?: PathMatcher;
  oldExists: boolean;
}

export interface ForbidRule {
  label: string;
  prefix: string;
  /** Set when the prefix names a repository path. */
  path?: string;
  /** Set when the prefix is (or maps to) a Python module. */
  module?: string;
  scope?: PathMatcher;
  scopeText: string;
}

export interface RuleSet {
  python: PythonRule[];
  packages: PackageRule[];
  paths: PathRule[];
  forbids: ForbidRule[];
  py: PythonModules;
  repo: RepoIndex;
}

/** Suffixes a rule's path may leave off (an import names `util`, the file is `util.ts`), with their dot. */
const JS_SUFFIXES = [...JS_EXTENSIONS.map((e) => `.${e}`), '.d.ts'];
export const PY_EXTENSIONS = PYTHON_EXTENSIONS.map((e) => `.${e}`);
const isDotted = (s: string) => /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(s);

/** Classify and order the rules once per repository view. */
export function buildRuleSet(
  repo: RepoIndex,
  py: PythonModules,
  options: RewriteImportsOptions & { allRules: RuleSpec[] },
): RuleSet {
  const set: RuleSet = { python: [], packages: [], paths: [], forbids: [], py, repo };
  const dirExists = (dir: string) => repo.files.some((f) => f.startsWith(`${dir}/`));
  const fileExists = (p: string) =>
    repo.hasFile(p) || [...JS_SUFFIXES, ...PY_EXTENSIONS].some((e) => repo.hasFile(p + e));
  const namesPath = (p: string) => (p.includes('/') ? fileExists(p) || dirExists(p) : repo.hasFile(p) || dirExists(p));
  // `src/core` after it was deleted, or a NEW with a typo: still a path when it starts in a top-level directory
  const looksLikePath = (p: string) => p.includes('/') && !p.startsWith('@') && dirExists(p.split('/')[0]);
  for (const rule of options.allRules) {
    if (rule.kind === 'forbid') {
      const scopeText = rule.in?.join(', ') ?? 'the repository';
      const forbid: ForbidRule = {
        label: rule.label,
        prefix: rule.forbid,
        scope: rule.in ? pathMatcher(rule.in) : undefined,
        scopeText,
      };
      if (namesPath(rule.forbid)) {
        forbid.path = rule.forbid;
        forbid.module = moduleOfPath(py, rule.forbid, dirExists(rule.forbid));
      } else if (isDotted(rule.forbid)) {
        forbid.module = rule.forbid;
      }
      set.forbids.push(forbid);
      continue;
    }
    const onlyIn = rule.onlyIn?.length ? pathMatcher(rule.onlyIn) : undefined;
    // `old.mod=old`: a dotted OLD that names no path is a module, even when NEW is also a directory;
    // `pkg=newroot.pkg`: so is a directory OLD that is a Python package (regular or namespace).
    // A move names paths, and so does a file (`main.py=app.py`) or a directory without Python.
    const dottedModule =
      isDotted(rule.from) &&
      isDotted(rule.to) &&
      !options.moveFiles &&
      !repo.hasFile(rule.from) &&
      ((rule.from.includes('.') && !namesPath(rule.from)) || py.resolve(rule.from) !== undefined);
    if (
      !dottedModule &&
      (namesPath(rule.from) || namesPath(rule.to) || (looksLikePath(rule.from) && looksLikePath(rule.to)))
    ) {
      const isDir =
        dirExists(rule.from) ||
        (!fileExists(rule.from) &&
          (dirExists(rule.to) || (!fileExists(rule.to) && !/\.[A-Za-z0-9]+$/.test(rule.from))));
      const oldExists = isDir ? dirExists(rule.from) : fileExists(rule.from);
      set.paths.push({ from: rule.from, to: rule.to, isFile: !isDir, label: rule.label, onlyIn, oldExists });
      // the same move seen from Python: a package or module path becomes a dotted rule
      const fromModule = moduleOfPath(py, rule.from, isDir);
      const toModule = moduleOfPath(py, rule.to, isDir);
      const pythonSide = isDir || PY_EXTENSIONS.some((e) => rule.from.endsWith(e) || rule.to.endsWith(e));
      if (pythonSide && fromModule && toModule && fromModule !== toModule) {
        set.python.push({
          from: fromModule,
          to: toModule,
          label: rule.label,
          onlyIn,
          oldExists: py.resolve(fromModule) !== undefined,
          fromPath: true,
        });
      }
      continue;
    }
    if (isDotted(rule.from) && isDotted(rule.to)) {
      set.python.push({
        from: rule.from,
        to: rule.to,
        label: rule.label,
        onlyIn,
        oldExists: py.resolve(rule.from) !== undefined,
        fromPath: false,
      });
    }
    set.packages.push({ from: rule.from, to: rule.to, label: rule.label, onlyIn });
  }
  // longest prefix first: the most specific rule wins
  set.python.sort((a, b) => b.from.length - a.from.length);
  set.packages.sort((a, b) => b.from.length - a.from.length);
  set.paths.sort((a, b) => b.from.length - a.from.length);
  return set;
}

/**
 * Rules whose NEW lies inside their OLD (`a.b=a.b.sub`, `src=src/lib`): the rewritten name still
 * matches OLD, so a second run nests it again. One entry per rule as the user wrote it, with the
 * repository path the warning is reported on (the old module's file, or the old path).
 */
export function nestingRules(set: RuleSet): { label: string; from: string; to: string; at: string }[] {
  const found = new Map<string, { label: string; from: string; to: string; at: string }>();
  for (const rule of set.paths) {
    if (rule.to.startsWith(`${rule.from}/`) && !found.has(rule.label))
      found.set(rule.label, { label: rule.label, from: rule.from, to: rule.to, at: rule.from });
  }
  for (const rule of set.python) {
    if (rule.to !== rule.from && underModule(rule.to, rule.from) && !found.has(rule.label)) {
      found.set(rule.label, {
        label: rule.label,
        from: rule.from,
        to: rule.to,
        at: set.py.resolve(rule.from) ?? rule.from.replaceAll('.', '/'),
      });
    }
  }
  for (const rule of set.packages) {
    if (rule.to.startsWith(`${rule.from}/`) && !found.has(rule.label))
      found.set(rule.label, { label: rule.label, from: rule.from, to: rule.to, at: rule.from });
  }
  return [...found.values()];
}

/** Dotted module of a repository path (a package directory or a `.py` file), if it has one. */
function moduleOfPath(py: PythonModules, p: string, isDir: boolean): string | undefined {
  if (isDir) return py.moduleOf(`${p}/__init__.py`);
  if (PY_EXTENSIONS.some((e) => p.endsWith(e))) return py.moduleOf(p);
  return py.moduleOf(`${p}.py`);
}

const appliesTo = (rule: { onlyIn?: PathMatcher }, file: string) => !rule.onlyIn || rule.onlyIn(file);

/** `a.b` matches `a.b` and `a.b.c`, never `a.bc`. */
export function underModule(name: string, prefix: string): boolean {
  return name === prefix || name.startsWith(`${prefix}.`);
}

/** The rule that rewrites a dotted module for this importing file, longest prefix first. */
export function matchPython(
  set: RuleSet,
  name: string,
  file: string,
): { rule: PythonRule; result: string } | undefined {
  for (const rule of set.python) {
    if (appliesTo(rule, file) && underModule(name, rule.from))
      return { rule, result: rule.to + name.slice(rule.from.length) };
  }
  return undefined;
}

/** `@acme/core` matches `@acme/core` and `@acme/core/x`, never `@acme/core-utils`. */
export function matchPackage(
  set: RuleSet,
  specifier: string,
  file: string,
): { rule: PackageRule; result: string } | undefined {
  for (const rule of set.packages) {
    if (!appliesTo(rule, file)) continue;
    if (specifier === rule.from || specifier.startsWith(`${rule.from}/`))
      return { rule, result: rule.to + specifier.slice(rule.from.length) };
  }
  return undefined;
}

/** Strip a JS/TS or Python extension. */
export function stripExtension(p: string): string {
  return p.replace(/\.d\.ts$|\.[cm]?[jt]sx?$|\.pyi?$/, '');
}

/**
 * Where a repository path goes under the path rules: `src/utils/auth.ts` ➔ `src/utils/middlewares/auth.ts`.
 * `reverse` maps a new location back to the old one (files moved before the run).
 */
export function mapPath(
  set: RuleSet,
  p: string,
  file: string | undefined,
  reverse = false,
): { rule: PathRule; result: string } | undefined {
  for (const rule of set.paths) {
    if (file !== undefined && !appliesTo(rule, file)) continue;
    const from = reverse ? rule.to : rule.from;
    const to = reverse ? rule.from : rule.to;
    if (rule.isFile) {
      // a rule written with an extension names exactly that file; without one, any extension of it
      if (p === from || (stripExtension(from) === from && stripExtension(p) === from)) {
        const ext = /\.(d\.ts|[cm]?[jt]sx?|pyi?)$/.exec(to) ? '' : (/\.(d\.ts|[cm]?[jt]sx?|pyi?)$/.exec(p)?.[0] ?? '');
        return { rule, result: to + ext };
      }
    } else if (p === from || p.startsWith(`${from}/`)) {
      return { rule, result: to + p.slice(from.length) };
    }
  }
  return undefined;
}

/** Where a file will live (before-the-move order) and where its relative imports were written (after `git mv`). */
export function fileLocation(set: RuleSet, relPath: string): { written: string; future: string } {
  const forward = mapPath(set, relPath, undefined);
  if (forward && forward.rule.oldExists) return { written: relPath, future: forward.result };
  const backward = mapPath(set, relPath, undefined, true);
  if (backward && !backward.rule.oldExists) return { written: backward.result, future: relPath };
  return { written: relPath, future: relPath };
}

/** Python view of the same: the module a file's relative imports were written from, and where it goes. */
export function pythonLocation(
  set: RuleSet,
  relPath: string,
): { written?: string; future?: string; isPackage: boolean } {
  const isPackage = /(^|\/)__init__\.pyi?$/.test(relPath);
  const current = set.py.moduleOf(relPath);
  if (current === undefined) return { isPackage };
  for (const rule of set.python) {
    if (rule.fromPath && rule.oldExists && underModule(current, rule.from))
      return { written: current, future: rule.to + current.slice(rule.from.length), isPackage };
  }
  for (const rule of set.python) {
    if (!rule.oldExists && underModule(current, rule.to))
      return { written: rule.from + current.slice(rule.to.length), future: current, isPackage };
  }
  return { written: current, future: current, isPackage };
}

/** True when the file itself moves (or moved) under a rule: the repository plan rewrites it. */
export function isMovingFile(set: RuleSet, relPath: string): boolean {
  const loc = fileLocation(set, relPath);
  if (loc.written !== loc.future) return true;
  if (!/\.pyi?$/.test(relPath)) return false;
  const py = pythonLocation(set, relPath);
  return py.written !== py.future;
}

/**
 * The tree specifiers were written against: the repository as it is, plus the old side of moves
 * already done (rules whose OLD no longer exists).
 */
export function oldTreeExists(set: RuleSet): (file: string) => boolean {
  const repo = set.repo;
  return (file) => {
    if (repo.hasFile(file)) return true;
    const moved = mapPath(set, file, undefined);
    return moved !== undefined && !moved.rule.oldExists && repo.hasFile(moved.result);
  };
}

/** The tree after the moves: files that arrive under a rule, without the ones that leave. */
export function futureTreeExists(set: RuleSet): (file: string) => boolean {
  const repo = set.repo;
  return (file) => {
    const from = mapPath(set, file, undefined, true);
    if (from && from.rule.oldExists && repo.hasFile(from.result)) return true;
    if (!repo.hasFile(file)) return false;
    const to = mapPath(set, file, undefined);
    return !(to && to.rule.oldExists);
  };
}

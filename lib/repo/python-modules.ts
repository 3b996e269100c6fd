// Python module resolution inside the repository: source roots, dotted name ⇄ file.
import path from 'node:path';
import { packageOfModule, resolveRelativeImport } from '../python/imports.js';
import type { RepoIndex } from './repo-index.js';

const PACKAGE_MARKERS = ['pyproject.toml', 'setup.cfg', 'setup.py'];

export class PythonModules {
  /** Repo-relative directories that act as import roots ('' is the repository root), most specific first. */
  readonly sourceRoots: string[];
  private readonly pythonFiles: Set<string>;
  private readonly packageDirs: Set<string>;

  constructor(private readonly repo: RepoIndex) {
    this.pythonFiles = new Set(repo.files.filter((f) => f.endsWith('.py') || f.endsWith('.pyi')));
    this.packageDirs = new Set();
    for (const file of this.pythonFiles) {
      for (let dir = posixDirname(file); dir !== ''; dir = posixDirname(dir)) {
        if (this.packageDirs.has(dir)) break;
        this.packageDirs.add(dir);
      }
    }
    this.sourceRoots = detectSourceRoots(repo);
  }

  /**
   * The file that defines a dotted module, searching each source root:
   * `a/b/c.py`, `a/b/c.pyi`, `a/b/c/__init__.py`. A directory of Python files without
   * `__init__.py` is a namespace package and resolves to the directory itself.
   */
  resolve(moduleName: string, roots: readonly string[] = this.sourceRoots): string | undefined {
    const rel = moduleName.split('.').join('/');
    for (const root of roots) {
      const base = root ? `${root}/${rel}` : rel;
      for (const candidate of [`${base}.py`, `${base}/__init__.py`, `${base}.pyi`, `${base}/__init__.pyi`]) {
        if (this.pythonFiles.has(candidate)) return candidate;
      }
      if (this.packageDirs.has(base)) return base;
    }
    return undefined;
  }

  /** True when the module, or a package of that name, exists in the repository. */
  exists(moduleName: string): boolean {
    return this.resolve(moduleName) !== undefined;
  }

  /** Dotted module name of a repo-relative `.py` file, under the most specific source root that holds it. */
  moduleOf(relPath: string): string | undefined {
    for (const root of this.sourceRoots) {
      if (root && !relPath.startsWith(`${root}/`)) continue;
      const inner = root ? relPath.slice(root.length + 1) : relPath;
      const parts = inner.replace(/\.pyi?$/, '').split('/');
      if (parts[parts.length - 1] === '__init__') parts.pop();
      if (parts.length === 0 || !parts.every(isIdentifier)) continue;
      return parts.join('.');
    }
    return undefined;
  }

  /** The package a file's relative imports start from (`from . import x`). */
  packageOf(relPath: string): string | undefined {
    const moduleName = this.moduleOf(relPath);
    return moduleName === undefined ? undefined : packageOfModule(moduleName, relPath);
  }

  /**
   * Absolute module name of a relative import: level 1 is the file's package.
   * Returns undefined when the dots climb above the source root.
   */
  resolveRelative(relPath: string, level: number, moduleName: string): string | undefined {
    const pkg = this.packageOf(relPath);
    return pkg === undefined ? undefined : resolveRelativeImport(pkg, level, moduleName);
  }

  /** Every repo-relative Python file. */
  files(): string[] {
    return [...this.pythonFiles];
  }
}

/**
 * Import roots: the repository root, `src/`, folders holding a packaging marker (and their
 * `src/`), and any `--source-root`. Deeper roots come first so they win over the root.
 */
function detectSourceRoots(repo: RepoIndex): string[] {
  const roots = new Set<string>(['']);
  for (const file of repo.files) {
    const base = path.posix.basename(file);
    if (PACKAGE_MARKERS.includes(base)) {
      const dir = posixDirname(file);
      roots.add(dir);
      roots.add(dir ? `${dir}/src` : 'src');
    }
  }
  roots.add('src');
  for (const extra of repo.extraSourceRoots) roots.add(extra.replace(/\/+$/, ''));
  const hasPython = (root: string) =>
    root === '' || repo.files.some((f) => f.startsWith(`${root}/`) && /\.pyi?$/.test(f));
  return [...roots].filter(hasPython).sort((a, b) => depth(b) - depth(a) || a.localeCompare(b));
}

const depth = (dir: string) => (dir === '' ? 0 : dir.split('/').length);
const posixDirname = (p: string) => {
  const i = p.lastIndexOf('/');
  return i === -1 ? '' : p.slice(0, i);
};
const isIdentifier = (s: string) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);

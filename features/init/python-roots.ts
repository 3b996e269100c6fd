// Python source roots a repository declares or implies: packages at the root, `src/` layouts,
// the package folders pyproject.toml names, and `sys.path` insertions written literally.
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import type { RepoIndex } from '../../lib/repo/repo-index.js';
import { dig } from '../../lib/dig.js';

export interface SourceRoot {
  /** Repo-relative folder ('' is the repository root). */
  path: string;
  /** Where it was seen, for the report: `packages at the root: pipeline, shared`. */
  why: string;
  /** repomod finds it on its own (the root, `src/`, a folder with pyproject.toml/setup.py); else it needs --source-root. */
  automatic: boolean;
}

/** Every source root found, the repository root first, then by path. */
export function pythonSourceRoots(repo: RepoIndex): SourceRoot[] {
  const automatic = new Set(repo.python.sourceRoots);
  const found = new Map<string, string[]>();
  const add = (root: string, why: string) => {
    const clean = path.posix
      .normalize(root || '.')
      .replace(/^\.$/, '')
      .replace(/\/$/, '');
    if (clean.startsWith('..') || path.posix.isAbsolute(clean)) return; // outside the repository
    found.set(clean, [...(found.get(clean) ?? []), why]);
  };
  const packages = packageFolders(repo);
  const topLevel = packages.filter((p) => !p.includes('/'));
  if (topLevel.length) add('', `packages at the root: ${topLevel.join(', ')}`);
  for (const pkg of packages) {
    const parent = path.posix.dirname(pkg);
    if (path.posix.basename(parent) === 'src' && !packages.includes(parent))
      add(parent, `src/ layout: ${path.posix.basename(pkg)}`);
  }
  for (const file of repo.files.filter((f) => path.posix.basename(f) === 'pyproject.toml')) {
    for (const root of pyprojectRoots(repo.read(file) ?? ''))
      add(path.posix.join(path.posix.dirname(file), root), `packages in ${file}`);
  }
  for (const file of repo.files.filter((f) => f.endsWith('.py'))) {
    const text = repo.read(file);
    if (!text?.includes('sys.path')) continue;
    for (const { root, line } of sysPathInsertions(file, text)) add(root, `sys.path insertion in ${file}:${line}`);
  }
  return [...found]
    .map(([root, whys]) => ({ path: root, why: [...new Set(whys)].join('; '), automatic: automatic.has(root) }))
    .sort((a, b) => (a.path === '' ? -1 : b.path === '' ? 1 : a.path.localeCompare(b.path)));
}

/** Folders holding an `__init__.py` whose parent does not: the top of each regular package. */
function packageFolders(repo: RepoIndex): string[] {
  const inits = new Set(
    repo.files.filter((f) => path.posix.basename(f) === '__init__.py').map((f) => path.posix.dirname(f)),
  );
  return [...inits].filter((dir) => !inits.has(path.posix.dirname(dir))).sort();
}

/**
 * Folders pyproject.toml puts packages in, relative to it: setuptools' `package-dir` and
 * `packages.find.where`, poetry's `packages[].from`, hatch's wheel `packages` (their parents).
 */
export function pyprojectRoots(text: string): string[] {
  let tool: unknown;
  try {
    tool = dig(parseToml(text), 'tool');
  } catch {
    return [];
  }
  const roots: string[] = [];
  const packageDir = dig(tool, 'setuptools', 'package-dir', '');
  if (typeof packageDir === 'string') roots.push(packageDir);
  const where = dig(tool, 'setuptools', 'packages', 'find', 'where');
  if (Array.isArray(where)) roots.push(...where.filter((w): w is string => typeof w === 'string'));
  const poetryPackages = dig(tool, 'poetry', 'packages');
  for (const entry of Array.isArray(poetryPackages) ? poetryPackages : []) {
    const from = dig(entry, 'from');
    if (typeof from === 'string') roots.push(from);
  }
  const hatch = dig(tool, 'hatch', 'build', 'targets', 'wheel', 'packages');
  for (const pkg of Array.isArray(hatch) ? hatch : [])
    if (typeof pkg === 'string' && pkg.includes('/')) roots.push(path.posix.dirname(pkg));
  return roots.filter((r) => r !== '' && r !== '.');
}

/**
 * `sys.path` insertions whose folder can be read from the text alone, relative to the file:
 * `os.path.join(os.path.dirname(__file__), '..', 'lib')` (abspath/realpath wrappers allowed),
 * `Path(__file__).resolve().parent.parent / 'lib'`, `str(...)` around either.
 * @example sysPathInsertions('scripts/run.py', "sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))") // [{ root: 'lib', line: 1 }]
 */
export function sysPathInsertions(file: string, text: string): { root: string; line: number }[] {
  const found: { root: string; line: number }[] = [];
  const call = /sys\.path\.(?:insert\(\s*-?\d+\s*,|append\()\s*/g;
  for (let m = call.exec(text); m; m = call.exec(text)) {
    const argument = balanced(text, m.index + m[0].length);
    const folder = argument === undefined ? undefined : folderOf(argument.replace(/\s+/g, ''));
    if (folder === undefined) continue;
    const root = path.posix.normalize(path.posix.join(path.posix.dirname(file), folder));
    if (root === '..' || root.startsWith('../')) continue; // above the repository: not a root of it
    found.push({ root: root === '.' ? '' : root, line: text.slice(0, m.index).split('\n').length });
  }
  return found;
}

/** The expression up to the call's closing parenthesis. */
function balanced(text: string, start: number): string | undefined {
  let depth = 0;
  for (let i = start; i < text.length && i < start + 400; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') {
      if (depth === 0) return text.slice(start, i);
      depth--;
    }
  }
  return undefined;
}

const STRING = /^(?:'([^'\\]*)'|"([^"\\]*)")/;
const WRAPPERS = /^(?:str|os\.path\.abspath|os\.path\.realpath|os\.path\.normpath|os\.fspath)\((.*)\)$/;

/** A folder relative to the file's own folder, for the forms the docs above name; else undefined. */
function folderOf(expression: string): string | undefined {
  const wrapped = WRAPPERS.exec(expression);
  if (wrapped) return folderOf(wrapped[1]);
  const join = /^os\.path\.join\((.*)\)$/.exec(expression);
  if (join) {
    const [first, ...rest] = splitArguments(join[1]);
    const base = first === undefined ? undefined : folderOf(first);
    const parts = rest.map((part) => STRING.exec(part)).map((s) => (s && s[0].length > 0 ? (s[1] ?? s[2]) : undefined));
    if (base === undefined || parts.some((p) => p === undefined || path.posix.isAbsolute(p!))) return undefined;
    return path.posix.join(base, ...(parts as string[]));
  }
  // os.path.dirname(os.path.dirname(__file__)): one level up per dirname beyond the first
  const dirnames =
    /^((?:os\.path\.dirname\()+)(?:os\.path\.abspath\(__file__\)|os\.path\.realpath\(__file__\)|__file__)(\)+)$/.exec(
      expression,
    );
  if (dirnames) {
    const levels = dirnames[1].split('(').length - 1;
    return levels === 1
      ? '.'
      : Array(levels - 1)
          .fill('..')
          .join('/');
  }
  // Path(__file__).resolve().parent.parent / 'lib' / 'x'
  const pathlib =
    /^(?:pathlib\.)?Path\(__file__\)(?:\.resolve\(\)|\.absolute\(\))?((?:\.parent)+)((?:\/(?:'[^'\\]*'|"[^"\\]*"))*)$/.exec(
      expression,
    );
  if (pathlib) {
    const levels = pathlib[1].split('.parent').length - 1;
    const parts = [...pathlib[2].matchAll(/'([^'\\]*)'|"([^"\\]*)"/g)].map((p) => p[1] ?? p[2]);
    return path.posix.join(
      levels === 1
        ? '.'
        : Array(levels - 1)
            .fill('..')
            .join('/'),
      ...parts,
    );
  }
  return undefined;
}

/** Top-level comma-separated arguments. */
function splitArguments(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.filter((s) => s !== '');
}

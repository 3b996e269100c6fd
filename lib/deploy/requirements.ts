// A package's declared dependencies: requirements.txt (with -r includes) and pyproject.toml
// ([project] dependencies and optional-dependencies, [dependency-groups], Poetry), as distribution names.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { ContainmentError, pathExists, readRegularFile, resolveInside } from '../engine/containment.js';
import { parse as parseToml } from 'smol-toml';
import { normaliseDistribution } from './distributions.js';
import { dig, tableAt } from '../dig.js';

export interface DeclaredDependencies {
  /** Normalised distribution names (PEP 503). */
  names: Set<string>;
  /** Normalised name ➔ the extras requested (`google-cloud-bigquery[pandas]`), normalised. */
  extras: Map<string, string[]>;
  /** Package-relative files read, in order. */
  files: string[];
  /** Includes refused, files that could not be read or parsed, include cycles: with where and why. */
  problems: DependencyProblem[];
}

/**
 * A dependency file not read. `path`/`line` (repo-relative) say where: the `-r` line that names
 * it, or the file itself. `include` is the `-r` argument as written; `file` the file meant.
 */
export interface DependencyProblem {
  kind: 'refused-include' | 'unreadable-dependency-file' | 'include-cycle';
  path: string;
  line: number;
  include?: string;
  file?: string;
  reason: string;
  severity?: 'error' | 'warning';
}

const NAME = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/;
const EXTRAS = /^\s*[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?\s*\[([^\]]*)\]/;

/** `name` or `name[extra,…]`: the distribution a requirement names and the extras it asks for. */
function requirementWithExtras(spec: string): string | undefined {
  const name = requirementName(spec);
  const extras = requirementExtras(spec);
  return name && extras.length ? `${name}[${extras.join(',')}]` : name;
}

/** The extras a PEP 508 requirement asks for (`apache-beam[gcp, dataframe]` ➔ gcp, dataframe). */
export function requirementExtras(spec: string): string[] {
  const match = EXTRAS.exec(spec);
  return match
    ? match[1]
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean)
    : [];
}

/** The distribution name at the start of a PEP 508 requirement (`PyYAML[extra]>=6 ; python_version>"3"`). */
export function requirementName(spec: string): string | undefined {
  const match = NAME.exec(spec);
  return match ? match[1] : undefined;
}

/**
 * Distribution names, with the extras asked for (`requests[socks]`), from a requirements file's text. Follows `-r`/`--requirement` includes
 * through `include(file, line)` (the 1-based line of the include); constraints (`-c`), index
 * options and hashes declare nothing.
 */
export function parseRequirements(text: string, include?: (file: string, line: number) => string[]): string[] {
  const names: string[] = [];
  const physical = text.split(/\r?\n/);
  for (let i = 0; i < physical.length; i++) {
    const lineNumber = i + 1;
    // a trailing backslash continues the line
    let raw = physical[i];
    while (raw.endsWith('\\') && i + 1 < physical.length) raw = `${raw.slice(0, -1)} ${physical[++i]}`;
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    const includeMatch = /^(?:-r|--requirement)(?:\s+|=)(\S+)/.exec(line);
    if (includeMatch) {
      if (include) names.push(...include(includeMatch[1], lineNumber));
      continue;
    }
    const editable = /^(?:-e|--editable)(?:\s+|=)(\S+)/.exec(line);
    if (editable) {
      const egg = /[#&]egg=([A-Za-z0-9._-]+)/.exec(editable[1]);
      if (egg) names.push(egg[1]);
      continue;
    }
    if (line.startsWith('-')) continue;
    // a bare URL or path with #egg=name
    if (/^[a-z+]+:\/\//i.test(line) || line.startsWith('.') || line.startsWith('/')) {
      const egg = /[#&]egg=([A-Za-z0-9._-]+)/.exec(line);
      if (egg) names.push(egg[1]);
      continue;
    }
    const name = requirementWithExtras(line);
    if (name) names.push(name);
  }
  return names;
}

/** Distribution names, with the extras asked for, from a pyproject.toml's text. @throws on invalid TOML */
export function parsePyproject(text: string): string[] {
  const data = parseToml(text);
  const names: string[] = [];
  const fromSpecs = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const spec of list) if (typeof spec === 'string') names.push(requirementWithExtras(spec) ?? '');
  };
  fromSpecs(dig(data, 'project', 'dependencies'));
  for (const group of Object.values(tableAt(data, 'project', 'optional-dependencies'))) fromSpecs(group);
  for (const group of Object.values(tableAt(data, 'dependency-groups'))) fromSpecs(group);
  const poetry = dig(data, 'tool', 'poetry');
  const poetryTables = [
    dig(poetry, 'dependencies'),
    ...Object.values(tableAt(poetry, 'group')).map((g) => dig(g, 'dependencies')),
  ];
  for (const table of poetryTables) {
    if (!table || typeof table !== 'object') continue;
    for (const [key, value] of Object.entries(table)) {
      const declared = dig(value, 'extras');
      const extras = Array.isArray(declared) ? declared.filter((e): e is string => typeof e === 'string') : [];
      if (key.toLowerCase() !== 'python') names.push(extras.length ? `${key}[${extras.join(',')}]` : key);
    }
  }
  return names.filter(Boolean);
}

/** Requirements and pyproject files are read whole; past this they are not a dependency list. */
export const MAX_DEPENDENCY_FILE_BYTES = 1024 * 1024;

/**
 * Read what the package at `packageAbs` declares: its requirements.txt (with its includes) and
 * pyproject.toml. Every file is read at most once, only when it is a regular file inside the
 * repository `repoRoot` (no absolute or escaping includes, no FIFOs), and at most
 * MAX_DEPENDENCY_FILE_BYTES; what is refused or unreadable becomes a problem, never a throw.
 */
export function readDeclaredDependencies(packageAbs: string, repoRoot: string): DeclaredDependencies {
  const result: DeclaredDependencies = { names: new Set(), extras: new Map(), files: [], problems: [] };
  const declare = (spec: string) => {
    const name = normaliseDistribution(requirementName(spec) ?? spec);
    result.names.add(name);
    const extras = requirementExtras(spec).map(normaliseDistribution);
    result.extras.set(name, [...new Set([...(result.extras.get(name) ?? []), ...extras])]);
  };
  const realRoot = realpathSync(repoRoot);
  const shownOf = (abs: string) => path.relative(realRoot, abs).split(path.sep).join('/');
  const read = new Set<string>();
  /** Real paths of the files being read, outermost first: an include of one of them is a cycle. */
  const stack: string[] = [];
  const problem = (p: DependencyProblem) => void result.problems.push(p);
  /** The text of a dependency file (`abs` absolute), or undefined after reporting why not. */
  const readText = (abs: string, at: { path: string; line: number; include?: string }): string | undefined => {
    try {
      let target = resolveInside(realRoot, abs);
      try {
        target = realpathSync(target);
      } catch {
        // missing: readRegularFile says so
      }
      return readRegularFile(target, MAX_DEPENDENCY_FILE_BYTES, shownOf(target)).toString('utf8');
    } catch (error) {
      if (!(error instanceof ContainmentError)) throw error;
      const reason = error.message.replace(/^'[^']*' /, '');
      if (at.include !== undefined && (error.reason === 'outside' || error.reason === 'beyond-link'))
        problem({ kind: 'refused-include', ...at, reason: `'${at.include}' ${reason}` });
      else
        problem({
          kind: 'unreadable-dependency-file',
          ...at,
          file: shownOf(abs),
          reason,
          severity: error.reason === 'missing' ? 'warning' : 'error',
        });
      return undefined;
    }
  };
  const readRequirements = (abs: string, from?: { path: string; line: number; include: string }): string[] => {
    let real: string;
    try {
      real = realpathSync(abs);
    } catch {
      real = abs;
    }
    if (stack.includes(real)) {
      const cycle = [...stack.slice(stack.indexOf(real)), real].map(shownOf).join(' → ');
      problem({
        kind: 'include-cycle',
        path: from!.path,
        line: from!.line,
        include: from!.include,
        file: shownOf(real),
        reason: cycle,
      });
      return [];
    }
    if (read.has(real)) return [];
    read.add(real);
    const text = readText(abs, from ?? { path: shownOf(abs), line: 1 });
    if (text === undefined) return [];
    const shown = shownOf(real);
    result.files.push(path.relative(packageAbs, real).split(path.sep).join('/'));
    stack.push(real);
    try {
      return parseRequirements(text, (file, line) => {
        const at = { path: shown, line, include: file };
        if (/^[a-z+]+:\/\//i.test(file)) {
          problem({
            kind: 'unreadable-dependency-file',
            ...at,
            file,
            reason: 'is a URL, which is not fetched',
            severity: 'warning',
          });
          return [];
        }
        // -r /etc/passwd, -r /dev/zero: never stat'ed, never opened
        if (path.isAbsolute(file) || /^[A-Za-z]:[\\/]/.test(file)) {
          problem({ kind: 'refused-include', ...at, reason: `'${file}' is an absolute path` });
          return [];
        }
        return readRequirements(path.resolve(path.dirname(real), file), at);
      });
    } finally {
      stack.pop();
    }
  };
  const requirements = path.join(packageAbs, 'requirements.txt');
  if (pathExists(requirements)) for (const spec of readRequirements(requirements)) declare(spec);
  const pyproject = path.join(packageAbs, 'pyproject.toml');
  if (pathExists(pyproject)) {
    const text = readText(pyproject, { path: shownOf(pyproject), line: 1 });
    if (text !== undefined) {
      try {
        for (const spec of parsePyproject(text)) declare(spec);
        result.files.push('pyproject.toml');
      } catch (error) {
        problem({
          kind: 'unreadable-dependency-file',
          path: shownOf(pyproject),
          line: 1,
          file: shownOf(pyproject),
          reason: `is not valid TOML (${(error as Error).message.split('\n')[0]})`,
          severity: 'warning',
        });
      }
    }
  }
  return result;
}

// A package's declared dependencies: requirements.txt (with -r includes) and pyproject.toml
// ([project] dependencies and optional-dependencies, [dependency-groups], Poetry), as distribution names.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { normaliseDistribution } from './distributions.js';

export interface DeclaredDependencies {
  /** Normalised distribution names (PEP 503). */
  names: Set<string>;
  /** Package-relative files read, in order. */
  files: string[];
  /** Files that could not be read or parsed, with why. */
  problems: { file: string; reason: string }[];
}

const NAME = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/;

/** The distribution name at the start of a PEP 508 requirement (`PyYAML[extra]>=6 ; python_version>"3"`). */
export function requirementName(spec: string): string | undefined {
  const match = NAME.exec(spec);
  return match ? match[1] : undefined;
}

/**
 * Distribution names from a requirements file's text. Follows `-r`/`--requirement` includes
 * through `include(file)`; constraints (`-c`), index options and hashes declare nothing.
 */
export function parseRequirements(text: string, include?: (file: string) => string[]): string[] {
  const names: string[] = [];
  // a trailing backslash continues the line
  const lines = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  for (const raw of lines) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    const includeMatch = /^(?:-r|--requirement)(?:\s+|=)(\S+)/.exec(line);
    if (includeMatch) {
      if (include) names.push(...include(includeMatch[1]));
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
    const name = requirementName(line);
    if (name) names.push(name);
  }
  return names;
}

/** Distribution names from a pyproject.toml's text. @throws on invalid TOML */
export function parsePyproject(text: string): string[] {
  const data = parseToml(text) as Record<string, any>;
  const names: string[] = [];
  const fromSpecs = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const spec of list) if (typeof spec === 'string') names.push(requirementName(spec) ?? '');
  };
  fromSpecs(data.project?.dependencies);
  for (const group of Object.values(data.project?.['optional-dependencies'] ?? {})) fromSpecs(group);
  for (const group of Object.values(data['dependency-groups'] ?? {})) fromSpecs(group);
  const poetry = data.tool?.poetry;
  const poetryTables = [poetry?.dependencies, ...Object.values(poetry?.group ?? {}).map((g: any) => g?.dependencies)];
  for (const table of poetryTables) {
    if (!table || typeof table !== 'object') continue;
    for (const key of Object.keys(table)) if (key.toLowerCase() !== 'python') names.push(key);
  }
  return names.filter(Boolean);
}

/** Read what the package at `packageAbs` declares: its requirements*.txt files and pyproject.toml. */
export function readDeclaredDependencies(packageAbs: string): DeclaredDependencies {
  const result: DeclaredDependencies = { names: new Set(), files: [], problems: [] };
  const seen = new Set<string>();
  const readRequirements = (abs: string): string[] => {
    if (seen.has(abs)) return [];
    seen.add(abs);
    const shown = path.relative(packageAbs, abs).split(path.sep).join('/');
    let text: string;
    try {
      text = readFileSync(abs, 'utf8');
    } catch (error) {
      result.problems.push({ file: shown, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : (error as Error).message });
      return [];
    }
    result.files.push(shown);
    return parseRequirements(text, (file) => readRequirements(path.resolve(path.dirname(abs), file)));
  };
  const requirements = path.join(packageAbs, 'requirements.txt');
  if (existsSync(requirements)) for (const name of readRequirements(requirements)) result.names.add(normaliseDistribution(name));
  const pyproject = path.join(packageAbs, 'pyproject.toml');
  if (existsSync(pyproject)) {
    try {
      for (const name of parsePyproject(readFileSync(pyproject, 'utf8'))) result.names.add(normaliseDistribution(name));
      result.files.push('pyproject.toml');
    } catch (error) {
      result.problems.push({ file: 'pyproject.toml', reason: (error as Error).message.split('\n')[0] });
    }
  }
  return result;
}

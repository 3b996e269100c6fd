// repomod.config.json, or `[tool.repomod]` in pyproject.toml: found from the current directory up
// to the repository root (or given with --config). Every key is checked; a typo is an error
// naming the key and the file.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { isTable } from '../dig.js';
import { ConfigError } from './errors.js';
import { parseSize } from './file-size.js';

export const CONFIG_FILE = 'repomod.config.json';

export interface RepomodConfig {
  /** Where the config was read from (absolute), or undefined when there is none. */
  file?: string;
  paths?: string[];
  ignore?: string[];
  /** `maxFileSize`: bytes, or a size such as "20MB" in the file. */
  maxFileSize?: number;
  /** `check`: only these checks and codes, and never these (transform names, codes, short codes). */
  select?: string[];
  ignoreCodes?: string[];
  /** `"cache": false` turns the fact cache off; `"cacheDir"` moves it (repository-relative, inside it). */
  cache?: boolean;
  cacheDir?: string;
  /** Per-transform options keyed by transform name. */
  transforms: Record<string, Record<string, unknown>>;
}

/** Every key a config may hold (repomod.schema.json lists the same ones). */
export const TOP_LEVEL_KEYS = [
  '$schema',
  'paths',
  'ignore',
  'maxFileSize',
  'select',
  'ignoreCodes',
  'cache',
  'cacheDir',
  'transforms',
];

const PYPROJECT = 'pyproject.toml';

/**
 * Find the nearest config between `cwd` and `root` (inclusive): a `repomod.config.json`, or a
 * `pyproject.toml` with a `[tool.repomod]` table (Python teams keep tool config there). One
 * folder holding both is an error: which one wins would be a guess.
 */
export function findConfig(cwd: string, root: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const json = path.join(dir, CONFIG_FILE);
    const pyproject = path.join(dir, PYPROJECT);
    const hasJson = existsSync(json);
    const hasTable = isRegularFile(pyproject) && /^\s*\[tool\.repomod[\].]/m.test(readFileSync(pyproject, 'utf8'));
    if (hasJson && hasTable) {
      throw new ConfigError(
        `${path.relative(process.cwd(), dir) || '.'} holds both ${CONFIG_FILE} and [tool.repomod] in ${PYPROJECT}`,
        'keep one of them (or pass --config FILE)',
      );
    }
    if (hasJson) return json;
    if (hasTable) return pyproject;
    if (dir === path.resolve(root) || dir === path.dirname(dir)) return undefined;
  }
}

/**
 * Read and validate a config file. `knownTransforms` lists the names (and aliases) a
 * `transforms` key may use.
 */
export function loadConfig(file: string | undefined, knownTransforms: readonly string[]): RepomodConfig {
  if (!file) return { transforms: {} };
  let shown = path.relative(process.cwd(), file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read ${shown}: ${(error as Error).message}`, 'check the --config path');
  }
  let data: unknown;
  if (path.basename(file) === PYPROJECT) {
    try {
      data = (parseToml(text) as { tool?: { repomod?: unknown } }).tool?.repomod ?? {};
    } catch (error) {
      throw new ConfigError(
        `${shown} is not valid TOML: ${(error as Error).message.split('\n')[0]}`,
        'fix the TOML syntax',
      );
    }
    shown = `[tool.repomod] in ${shown}`;
  } else {
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new ConfigError(
        `${shown} is not valid JSON: ${(error as Error).message}`,
        'fix the JSON syntax (no comments or trailing commas)',
      );
    }
  }
  if (!isTable(data))
    throw new ConfigError(`${shown} must hold a JSON object`, `see the README's "Configuration" section`);
  for (const key of Object.keys(data)) {
    if (!TOP_LEVEL_KEYS.includes(key)) {
      throw new ConfigError(
        `unknown key '${key}' in ${shown}`,
        `allowed keys: ${TOP_LEVEL_KEYS.filter((k) => k !== '$schema').join(', ')}`,
      );
    }
  }
  const config: RepomodConfig = { file, transforms: {} };
  for (const key of ['paths', 'ignore', 'select', 'ignoreCodes'] as const) {
    const value = data[key];
    if (value === undefined) continue;
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
      throw new ConfigError(`'${key}' in ${shown} must be a list of strings`, `e.g. "${key}": ["src"]`);
    }
    config[key] = value;
  }
  if (data.cache !== undefined) {
    if (typeof data.cache !== 'boolean')
      throw new ConfigError(
        `'cache' in ${shown} must be true or false`,
        'e.g. "cache": false to turn the fact cache off',
      );
    config.cache = data.cache;
  }
  if (data.cacheDir !== undefined) {
    if (typeof data.cacheDir !== 'string' || data.cacheDir === '')
      throw new ConfigError(`'cacheDir' in ${shown} must be a folder name`, 'e.g. "cacheDir": ".cache/repomod"');
    config.cacheDir = data.cacheDir;
  }
  if (data.maxFileSize !== undefined) config.maxFileSize = parseSize(data.maxFileSize, `'maxFileSize' in ${shown}`);
  if (data.transforms !== undefined) {
    if (!isTable(data.transforms))
      throw new ConfigError(
        `'transforms' in ${shown} must be an object keyed by transform name`,
        `e.g. "transforms": {"rewrite-imports": {...}}`,
      );
    for (const [name, options] of Object.entries(data.transforms)) {
      if (!knownTransforms.includes(name)) {
        throw new ConfigError(
          `unknown transform '${name}' under 'transforms' in ${shown}`,
          `run 'repomod list' to see them all`,
        );
      }
      if (!isTable(options))
        throw new ConfigError(`'transforms.${name}' in ${shown} must be an object of options`, `e.g. "${name}": {}`);
      config.transforms[name] = options;
    }
  }
  return config;
}

function isRegularFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

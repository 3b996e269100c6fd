// JS/TS module resolution over the repository's file list: relative paths with the extension and
// index forms bundlers and TypeScript accept, tsconfig `paths`/`baseUrl` aliases (with `extends`),
// and workspace packages by their package.json name. Also the reverse: spelling a file again.
// Ours on purpose, not oxc-resolver's: a move is planned on the tree before and after it (files
// that do not exist yet, files `git mv` already moved), given as predicates a resolver reading the
// disk cannot take, and a rewrite must know how a specifier was spelled (alias key, extension or
// not, folder index) to spell it again. What reads packages as they are on disk (`exports`,
// `extends` naming a package) goes through oxc-resolver in module-resolver.ts.
import path from 'node:path';
import type { RepoIndex } from '../repo/repo-index.js';
import { JS_FOR_TS, PROBE_EXTENSIONS } from './extensions.js';
import { resolveModule } from './module-resolver.js';

/** How a specifier named its file, so a rewritten one keeps the same style. */
export type SpecifierForm =
  | 'exact' //          './a.css', './a.ts' (extension as on disk)
  | 'js-for-ts' //      './a.js' for a.ts (ESM TypeScript)
  | 'no-extension' //   './a' for a.ts
  | 'index'; //         './dir' for dir/index.ts

export interface Resolved {
  file: string;
  form: SpecifierForm;
  /** The written extension for 'js-for-ts' ('.js', '.mjs', '.cjs', '.jsx'). */
  writtenExtension?: string;
}

const TS_TO_JS: Record<string, string> = { '.ts': '.js', '.tsx': '.js', '.mts': '.mjs', '.cts': '.cjs' };

/** Find the file a path names (repo-relative, no leading ./), the way TypeScript and bundlers probe. */
export function probe(p: string, exists: (file: string) => boolean): Resolved | undefined {
  if (exists(p)) return { file: p, form: 'exact' };
  const ext = path.posix.extname(p);
  for (const tsExt of JS_FOR_TS[ext] ?? []) {
    const candidate = p.slice(0, -ext.length) + tsExt;
    if (exists(candidate)) return { file: candidate, form: 'js-for-ts', writtenExtension: ext };
  }
  for (const e of PROBE_EXTENSIONS) if (exists(p + e)) return { file: p + e, form: 'no-extension' };
  for (const e of PROBE_EXTENSIONS) if (exists(`${p}/index${e}`)) return { file: `${p}/index${e}`, form: 'index' };
  return undefined;
}

/** The path a specifier should name for `file`, in the style of `like`: extension kept, dropped, or the directory of an index. */
export function spellFile(file: string, like: Resolved): string {
  const ext = /\.d\.[cm]?ts$/.exec(file)?.[0] ?? path.posix.extname(file);
  const stem = file.slice(0, file.length - ext.length);
  switch (like.form) {
    case 'exact':
      return file;
    case 'js-for-ts':
      return (
        stem +
        (ext === '.tsx' && like.writtenExtension === '.jsx'
          ? '.jsx'
          : (TS_TO_JS[ext.replace(/^\.d/, '')] ?? like.writtenExtension ?? ext))
      );
    case 'no-extension':
      return stem;
    case 'index':
      return path.posix.basename(stem) === 'index' ? path.posix.dirname(stem) : stem;
  }
}

/** `./x` form of `target` (a spelled path) seen from directory `fromDir`. */
export function relativeSpecifier(fromDir: string, target: string): string {
  let rel = path.posix.relative(fromDir || '.', target || '.');
  if (rel === '') return '.';
  if (!rel.startsWith('../') && rel !== '..') rel = `./${rel}`;
  return rel;
}

/** Normalise `dir` + relative specifier into a repo-relative path; undefined when it leaves the repository. */
export function joinSpecifier(dir: string, specifier: string): string | undefined {
  const joined = path.posix.normalize(path.posix.join(dir || '.', specifier));
  if (joined === '..' || joined.startsWith('../') || path.posix.isAbsolute(joined)) return undefined;
  return joined === '.' ? '' : joined.replace(/\/$/, '');
}

export const isRelativeSpecifier = (s: string) => s === '.' || s === '..' || s.startsWith('./') || s.startsWith('../');

export interface PathAliases {
  /** The tsconfig file (repo-relative) they come from. */
  config: string;
  /** Repo-relative base directory for `paths` and bare specifiers ('' = repository root). */
  baseUrl?: string;
  pathsBase: string;
  paths: { key: string; targets: string[] }[];
}

/**
 * tsconfig `paths`/`baseUrl` for a file: the nearest tsconfig.json (or jsconfig.json) up its
 * directories, `extends` followed; a solution-style config (`"files": []` with `references`, Vite's
 * layout) hands over to the referenced project whose `files`/`include` cover the file.
 */
export function aliasesFor(repo: RepoIndex, relPath: string): PathAliases | undefined {
  const configs = repo.memo(
    'js:tsconfigs',
    (r) => new Set(r.files.filter((f) => /(^|\/)(tsconfig|jsconfig)\.json$/.test(f))),
  );
  for (let dir = path.posix.dirname(relPath); ; dir = path.posix.dirname(dir)) {
    const d = dir === '.' ? '' : dir;
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      const candidate = d ? `${d}/${name}` : name;
      if (!configs.has(candidate)) continue;
      const project = referencedProjectFor(repo, candidate, relPath);
      return repo.memo(`js:aliases:${project}`, (r) => readAliases(r, project));
    }
    if (d === '') return undefined;
  }
}

/** The config that governs `relPath`: the first referenced project (depth-first) that includes it, else `config`. */
function referencedProjectFor(repo: RepoIndex, config: string, relPath: string, seen = new Set<string>()): string {
  seen.add(config);
  const json = repo.memo(`js:tsconfig-json:${config}`, (r) => parseJsonc(r.read(config)));
  const references = Array.isArray(json?.references) ? (json.references as { path?: unknown }[]) : [];
  for (const reference of references) {
    if (typeof reference?.path !== 'string') continue;
    const joined = joinSpecifier(dirOf(config), reference.path);
    if (joined === undefined) continue;
    const target = /\.json$/.test(joined) ? joined : joined ? `${joined}/tsconfig.json` : 'tsconfig.json';
    if (seen.has(target) || !repo.hasFile(target)) continue;
    const inner = referencedProjectFor(repo, target, relPath, seen);
    if (inner !== target || includes(repo, target, relPath)) return inner;
  }
  return config;
}

/** Whether a project's `files`/`include` (its own or inherited through `extends`) cover a file. */
function includes(repo: RepoIndex, config: string, relPath: string): boolean {
  const scope = repo.memo(`js:tsconfig-scope:${config}`, (r) => projectScope(r, config));
  return scope.files.has(relPath) || scope.patterns.some((pattern) => pattern.test(relPath));
}

/** The first `files`/`include` up the extends chain; neither anywhere: every file under the config's folder. */
function projectScope(repo: RepoIndex, config: string): { files: Set<string>; patterns: RegExp[] } {
  for (const file of extendsChain(repo, config)) {
    const json = parseJsonc(repo.read(file));
    const dir = dirOf(file);
    const files = Array.isArray(json?.files) ? (json.files as unknown[]) : undefined;
    const include = Array.isArray(json?.include) ? (json.include as unknown[]) : undefined;
    if (!files && !include) continue;
    return {
      files: new Set((files ?? []).flatMap((f) => (typeof f === 'string' ? [joinSpecifier(dir, f) ?? ''] : []))),
      patterns: (include ?? []).flatMap((pattern) =>
        typeof pattern === 'string' ? [includePattern(dir, pattern)] : [],
      ),
    };
  }
  return { files: new Set(), patterns: [includePattern(dirOf(config), '.')] };
}

/** A tsconfig `include` entry as a regular expression over repository paths ('src', 'src/**' plus a file pattern). */
function includePattern(dir: string, pattern: string): RegExp {
  const joined = joinSpecifier(dir, pattern);
  if (joined === undefined) return /(?!)/;
  if (joined === '') return /.*/;
  const parts = joined.split('/');
  let source = parts
    .map((part) =>
      part === '**'
        ? '(?:[^/]+/)*'
        : `${part
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '[^/]*')
            .replace(/\?/g, '[^/]')}/`,
    )
    .join('');
  const last = parts[parts.length - 1];
  // 'src/**' means every file below src; a last part without a wildcard may name a directory
  if (last === '**') source += '[^/]+';
  else source = source.slice(0, -1) + (/[*?]/.test(last) ? '' : '(?:/.*)?');
  return new RegExp(`^${source}$`);
}

const dirOf = (file: string) => (path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file));

/** The config and the configs it extends, leaf first (`extends` a path or a package, a string or an array). */
function extendsChain(repo: RepoIndex, config: string): string[] {
  const chain: string[] = [];
  const visit = (file: string) => {
    if (chain.includes(file)) return;
    const json = parseJsonc(repo.read(file));
    if (!json) return;
    chain.push(file);
    const parents = Array.isArray(json.extends) ? json.extends : [json.extends];
    // TypeScript merges an array of bases left to right, so the last one wins: visit it first
    for (const parent of [...parents].reverse()) {
      if (typeof parent !== 'string') continue;
      if (isRelativeSpecifier(parent)) {
        const joined = joinSpecifier(dirOf(file), parent);
        if (joined !== undefined) visit(joined.endsWith('.json') ? joined : `${joined}.json`);
      } else {
        // "@acme/tsconfig/base" or "@tsconfig/strictest": a package, found through node_modules (a
        // workspace link followed to its real folder) by the resolver; one outside the repository is not read
        const found = resolveModule(repo, dirOf(file), parent, 'tsconfig');
        if (found !== undefined) visit(found);
      }
    }
  };
  visit(config);
  return chain;
}

/** `paths`/`baseUrl` as one tsconfig sees them, its `extends` chain followed. */
export function readAliases(repo: RepoIndex, config: string): PathAliases | undefined {
  let baseUrl: string | undefined;
  let paths: Record<string, string[]> | undefined;
  let pathsBase: string | undefined;
  const configDir = dirOf(config);
  // walk the extends chain from the leaf: the first definition of each key wins
  for (const file of extendsChain(repo, config)) {
    const json = parseJsonc(repo.read(file));
    const options = (json?.compilerOptions ?? {}) as Record<string, unknown>;
    const dir = dirOf(file);
    const ownBaseUrl =
      typeof options.baseUrl === 'string'
        ? (joinSpecifier(dir, withConfigDir(options.baseUrl, dir, configDir)) ?? '')
        : undefined;
    baseUrl ??= ownBaseUrl;
    if (paths === undefined && options.paths && typeof options.paths === 'object') {
      paths = options.paths as Record<string, string[]>;
      pathsBase = ownBaseUrl ?? dir;
    }
  }
  if (baseUrl === undefined && paths === undefined) return undefined;
  // paths relative to baseUrl when there is one, else to the config that declared them
  const base = baseUrl ?? pathsBase ?? '';
  return {
    config,
    baseUrl,
    pathsBase: baseUrl ?? pathsBase ?? base,
    paths: Object.entries(paths ?? {}).map(([key, targets]) => ({
      key,
      targets: Array.isArray(targets)
        ? targets.filter((t) => typeof t === 'string').map((t) => withConfigDir(t, base, configDir))
        : [],
    })),
  };
}

/**
 * TypeScript 5.5's `${configDir}` (a shared base config's way to say "the project using me"): the
 * leaf config's folder, spelled relative to `from`, the folder the value is joined to.
 * @example withConfigDir('${configDir}/src/*', 'packages/tsconfig', 'apps/web') // '../../apps/web/src/*'
 */
function withConfigDir(value: string, from: string, configDir: string): string {
  const TEMPLATE = '${configDir}';
  return value.startsWith(TEMPLATE) ? relativeSpecifier(from, configDir) + value.slice(TEMPLATE.length) : value;
}

/**
 * Candidate repo paths of a bare specifier under the aliases, with the alias key that produced each;
 * `exact` when neither key nor target has a wildcard (`"@env": ["./src/config/env.ts"]`).
 */
export function aliasCandidates(
  aliases: PathAliases,
  specifier: string,
): { key?: string; path: string; exact?: boolean }[] {
  const out: { key?: string; path: string; exact?: boolean }[] = [];
  for (const { key, targets } of aliases.paths) {
    const star = key.indexOf('*');
    let wildcard: string | undefined;
    if (star === -1) wildcard = specifier === key ? '' : undefined;
    else if (
      specifier.startsWith(key.slice(0, star)) &&
      specifier.endsWith(key.slice(star + 1)) &&
      specifier.length >= key.length - 1
    ) {
      wildcard = specifier.slice(star, specifier.length - (key.length - star - 1));
    }
    if (wildcard === undefined) continue;
    for (const target of targets) {
      const joined = joinSpecifier(aliases.pathsBase, target.replace('*', wildcard));
      if (joined !== undefined) out.push({ key, path: joined, exact: star === -1 && !target.includes('*') });
    }
  }
  if (aliases.baseUrl !== undefined) {
    const joined = joinSpecifier(aliases.baseUrl, specifier);
    if (joined !== undefined) out.push({ path: joined });
  }
  return out;
}

/** Spell a (spelled) repo path through an alias: the given key first, then any other; undefined if none covers it. */
export function spellWithAlias(aliases: PathAliases, spelled: string, preferKey?: string): string | undefined {
  const ordered = [...aliases.paths].sort((a, b) => Number(b.key === preferKey) - Number(a.key === preferKey));
  for (const { key, targets } of ordered) {
    for (const target of targets) {
      const full = joinSpecifier(aliases.pathsBase, target);
      if (full === undefined) continue;
      const star = full.indexOf('*');
      const keyStar = key.indexOf('*');
      if (star === -1 || keyStar === -1) {
        if (full === spelled && star === -1 && keyStar === -1) return key;
        continue;
      }
      const prefix = full.slice(0, star);
      const suffix = full.slice(star + 1);
      if (spelled.startsWith(prefix) && spelled.endsWith(suffix) && spelled.length >= prefix.length + suffix.length) {
        return (
          key.slice(0, keyStar) + spelled.slice(prefix.length, spelled.length - suffix.length) + key.slice(keyStar + 1)
        );
      }
    }
  }
  return undefined;
}

/** Workspace packages: package.json `name` ➔ its directory. */
export function workspacePackages(repo: RepoIndex): Map<string, { dir: string; exports?: unknown }> {
  return repo.memo('js:workspace-packages', (r) => {
    const map = new Map<string, { dir: string; exports?: unknown }>();
    for (const file of r.files) {
      if (!/(^|\/)package\.json$/.test(file)) continue;
      const json = parseJsonc(r.read(file));
      if (json && typeof json.name === 'string')
        map.set(json.name, {
          dir: path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file),
          exports: json.exports,
        });
    }
    return map;
  });
}

/** `@scope/name/sub/path` ➔ [`@scope/name`, `sub/path`]. */
export function splitPackageSpecifier(specifier: string): [string, string] {
  const parts = specifier.split('/');
  const n = specifier.startsWith('@') ? 2 : 1;
  return [parts.slice(0, n).join('/'), parts.slice(n).join('/')];
}

/** JSON with comments and trailing commas (tsconfig style); undefined when unreadable. */
export function parseJsonc(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 1;
    } else out += c;
  }
  try {
    const value = JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

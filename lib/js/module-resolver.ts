// Node/TypeScript module resolution on disk through oxc-resolver (package `exports` maps with
// conditions and patterns, package self-references, node_modules symlinks, `.js` ➔ `.ts`), with
// every answer kept inside the repository. One ResolverFactory per repository, its cache shared.
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { NapiResolveOptions, ResolverFactory } from 'oxc-resolver';
import { isWithin } from '../engine/containment.js';
import type { RepoIndex } from '../repo/repo-index.js';
import { JS_FOR_TS, PROBE_EXTENSIONS } from './extensions.js';

/** What is being resolved: a module an import names, or the config a tsconfig `extends` names. */
export type ResolutionKind = 'module' | 'tsconfig';

/**
 * Every environment's conditions: the question asked is whether a module exists at all, not which
 * file one runtime would load, so an export only a browser or only `require` sees still counts.
 */
const CONDITIONS = ['types', 'import', 'require', 'node', 'browser', 'default'];

// The extensions TypeScript and bundlers probe, and ESM TypeScript's `./a.js` for a.ts
// (an `exports` target `./src/util/index.js` is the source `index.ts` before a build).
const MODULE_OPTIONS: NapiResolveOptions = {
  extensions: PROBE_EXTENSIONS,
  // oxc replaces the written extension with the listed ones, so the written one goes last
  extensionAlias: Object.fromEntries(Object.entries(JS_FOR_TS).map(([js, ts]) => [js, [...ts, js]])),
  conditionNames: CONDITIONS,
  mainFields: ['types', 'module', 'main'],
};

// TypeScript's `extends` lookup: `@acme/tsconfig/base` gains `.json`; a bare package name means
// its package.json `tsconfig` field, else its tsconfig.json.
const TSCONFIG_OPTIONS: NapiResolveOptions = {
  extensions: ['.json'],
  conditionNames: CONDITIONS,
  mainFields: ['tsconfig'],
  mainFiles: ['tsconfig'],
};

let load: typeof import('oxc-resolver') | undefined;
/** Loaded on first use: most runs never resolve a package, and start-up time counts. */
function oxcResolver(): typeof import('oxc-resolver') {
  load ??= createRequire(import.meta.url)('oxc-resolver') as typeof import('oxc-resolver');
  return load;
}

interface Resolvers {
  realRoot: string;
  byKind: Record<ResolutionKind, ResolverFactory>;
}

function resolversFor(repo: RepoIndex): Resolvers {
  return repo.memo('js:oxc-resolvers', (r) => {
    const realRoot = realpathSync(r.root);
    // Links are followed to their real place so that `resolveModule` can refuse an answer outside
    // the repository: a fork's node_modules link or `extends` must not make repomod read /etc or a
    // sibling checkout. (oxc's `restrictions` refused answers inside the root too in 11.24, so the
    // check is ours.) NODE_PATH is the caller's environment, not the repository's.
    const shared: NapiResolveOptions = { nodePath: false, symlinks: true };
    const module = new (oxcResolver().ResolverFactory)({ ...shared, ...MODULE_OPTIONS });
    // the clone shares the first factory's file-system cache
    const tsconfig = module.cloneWithOptions({ ...shared, ...TSCONFIG_OPTIONS });
    return { realRoot, byKind: { module, tsconfig } };
  });
}

/**
 * The repository file `specifier` names when imported from the repo-relative directory `fromDir`,
 * as Node and TypeScript resolve it on disk today (symlinks followed to their real place), or
 * undefined when it does not resolve or resolves outside the repository. Memoised per question:
 * the same package subpath is asked from thousands of files.
 * @example resolveModule(repo, 'packages/core', '@acme/core/util') // 'packages/core/src/util/index.ts' (a self-reference through `exports`)
 */
export function resolveModule(
  repo: RepoIndex,
  fromDir: string,
  specifier: string,
  kind: ResolutionKind = 'module',
): string | undefined {
  const cache = repo.memo(`js:oxc-resolved:${kind}`, () => new Map<string, string | undefined>());
  const key = `${fromDir}\0${specifier}`;
  if (cache.has(key)) return cache.get(key);
  const { realRoot, byKind } = resolversFor(repo);
  const found = byKind[kind].sync(path.join(realRoot, fromDir), specifier).path;
  const inside = found !== undefined && isWithin(found, realRoot) && found !== realRoot;
  const relPath = inside ? path.relative(realRoot, found).split(path.sep).join('/') : undefined;
  cache.set(key, relPath);
  return relPath;
}

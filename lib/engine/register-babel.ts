// The stock jscodeshift runner's way of loading a transform: @babel/register with the presets and
// plugins its Worker uses, so that every transform (and every helper it requires) loads exactly
// as it does under `jscodeshift -t`: ESM syntax in a .js file compiled to CommonJS, TypeScript
// stripped, `require` available at run time. No guessing of module formats from the text.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageInfo } from './package-info.js';

const require = createRequire(import.meta.url);

/**
 * Which flavour the hook is installed with, kept on the process rather than in this module: the
 * hook is the process's, and one process may load repomod twice (a test runner holding the sources
 * and dist/), so one copy must see, and take out, what the other installed.
 */
const REGISTERED = Symbol.for('repomod.register-babel.flavour');
const hookState = globalThis as typeof globalThis & { [REGISTERED]?: 'typescript' | 'flow' };

/**
 * Install the require hook once per thread, as jscodeshift 17's src/Worker.js `setup` does: the
 * TypeScript preset for a `.ts`/`.tsx` transform, else Flow; preset-env only when installed.
 * jscodeshift itself is loaded first (as the stock Worker loads it before the hook); it and
 * repomod's other dependencies are never compiled: they are not the transform's code.
 * Compiled output is not cached on disk (stock writes `.babel.*.json` into the repository's
 * node_modules/.cache or $HOME): a dry run writes nothing.
 */
export function registerBabel(transformPath: string): void {
  const flavour = /\.tsx?$/.test(transformPath) ? 'typescript' : 'flow';
  // stock registers once per worker, for one transform: a second flavour replaces the first
  if (hookState[REGISTERED] === flavour) return;
  const jscodeshiftDir = path.dirname(require.resolve('jscodeshift/package.json'));
  const own = ownDependencyDirs();
  require('jscodeshift');
  // babel and its presets are jscodeshift's dependencies: resolve them from there
  const fromJscodeshift = createRequire(path.join(jscodeshiftDir, 'package.json'));
  const { DEFAULT_EXTENSIONS } = fromJscodeshift('@babel/core') as { DEFAULT_EXTENSIONS: readonly string[] };
  const presets: unknown[] = [];
  try {
    presets.push([(fromJscodeshift('@babel/preset-env') as { default: unknown }).default, { targets: { node: true } }]);
  } catch {
    // optional, as in stock
  }
  presets.push(
    (
      fromJscodeshift(flavour === 'typescript' ? '@babel/preset-typescript' : '@babel/preset-flow') as {
        default: unknown;
      }
    ).default,
  );
  const plugin = (name: string) => (fromJscodeshift(name) as { default: unknown }).default;
  const register = fromJscodeshift('@babel/register') as (options: object) => void;
  register({
    configFile: false,
    babelrc: false,
    cache: false,
    presets,
    plugins: [
      plugin('@babel/plugin-transform-class-properties'),
      plugin('@babel/plugin-transform-nullish-coalescing-operator'),
      plugin('@babel/plugin-transform-optional-chaining'),
      plugin('@babel/plugin-transform-modules-commonjs'),
      plugin('@babel/plugin-transform-private-methods'),
    ],
    extensions: [...DEFAULT_EXTENSIONS, '.ts', '.tsx'],
    // stock's list (parsers, recast, ast-types: it compiles everything else, node_modules
    // included), plus repomod's own dependencies, which repomod requires lazily (jsdiff for the
    // patch): they are not the transform's, and compiling them cost ~1.5 s of a 260-file run
    ignore: [
      /@babel\/parser/,
      /\/flow-parser\//,
      /\/recast\//,
      /\/ast-types\//,
      (file: string) => own.some((dir) => file.startsWith(dir)),
    ],
  });
  hookState[REGISTERED] = flavour;
}

/**
 * Remove the hook again, whichever copy of repomod installed it. For the tests, which share one
 * process between files: a file that runs a transform the stock way must not leave every later
 * file's requires compiled by babel.
 */
export function unregisterBabel(): void {
  if (!hookState[REGISTERED]) return;
  const jscodeshiftDir = path.dirname(require.resolve('jscodeshift/package.json'));
  const register = createRequire(path.join(jscodeshiftDir, 'package.json'))('@babel/register') as { revert(): void };
  register.revert();
  hookState[REGISTERED] = undefined;
}

/**
 * The folders of repomod's runtime dependencies and of theirs (each ending in a separator): ts-morph
 * requires @ts-morph/common lazily, and compiled by the hook its static class blocks fail to load.
 * jscodeshift's own dependencies are left to stock's list above, as stock leaves them.
 */
export function ownDependencyDirs(): string[] {
  const dirs = new Set<string>();
  const visit = (name: string, from: NodeJS.Require) => {
    const dir = packageDir(name, from);
    if (!dir || dirs.has(dir)) return;
    dirs.add(dir);
    if (name === 'jscodeshift') return;
    let dependencies: Record<string, string> = {};
    try {
      dependencies =
        (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson).dependencies ?? {};
    } catch {
      // no readable package.json: its dependencies stay unknown
    }
    const fromDir = createRequire(path.join(dir, 'package.json'));
    for (const dependency of Object.keys(dependencies)) visit(dependency, fromDir);
  };
  for (const name of packageInfo().dependencies) visit(name, require);
  return [...dirs];
}

type PackageJson = { dependencies?: Record<string, string> };

/** A package's folder as `from` resolves it, ending in a separator; undefined when it cannot be resolved. */
function packageDir(name: string, from: NodeJS.Require): string | undefined {
  try {
    // the entry point, not package.json: a package's `exports` may hide package.json
    let dir = path.dirname(from.resolve(name));
    while (
      !dir.endsWith(`${path.sep}node_modules${path.sep}${name.split('/').join(path.sep)}`) &&
      dir !== path.dirname(dir)
    )
      dir = path.dirname(dir);
    return dir !== path.dirname(dir) ? dir + path.sep : undefined;
  } catch {
    // an ESM-only package `require.resolve` cannot resolve is never required either
    return undefined;
  }
}

// The stock jscodeshift runner's way of loading a transform: @babel/register with the presets and
// plugins its Worker uses, so that every transform (and every helper it requires) loads exactly
// as it does under `jscodeshift -t`: ESM syntax in a .js file compiled to CommonJS, TypeScript
// stripped, `require` available at run time. No guessing of module formats from the text.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

let registered: 'typescript' | 'flow' | undefined;

/**
 * Install the require hook once per thread, as jscodeshift 17's src/Worker.js `setup` does: the
 * TypeScript preset for a `.ts`/`.tsx` transform, else Flow; preset-env only when installed.
 * jscodeshift itself is loaded first (as the stock Worker loads it before the hook) and is
 * never compiled: it is plain CommonJS, and compiling it would cost time, not change it.
 * Compiled output is not cached on disk (stock writes `.babel.*.json` into the repository's
 * node_modules/.cache or $HOME): a dry run writes nothing.
 */
export function registerBabel(transformPath: string): void {
  const flavour = /\.tsx?$/.test(transformPath) ? 'typescript' : 'flow';
  // stock registers once per worker, for one transform: a second flavour replaces the first
  if (registered === flavour) return;
  const jscodeshiftDir = path.dirname(require.resolve('jscodeshift/package.json'));
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
  presets.push((fromJscodeshift(flavour === 'typescript' ? '@babel/preset-typescript' : '@babel/preset-flow') as { default: unknown }).default);
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
    // stock's list (parsers, recast, ast-types: compiled everything else, node_modules included),
    // plus jscodeshift's own files
    ignore: [/@babel\/parser/, /\/flow-parser\//, /\/recast\//, /\/ast-types\//, (file: string) => file.startsWith(jscodeshiftDir + path.sep)],
  });
  registered = flavour;
}

// Load a transform: a built-in by name or alias, or any jscodeshift transform file or package
// (JS or TS, ESM or CommonJS) without a build step, the way the stock runner loads it.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { UsageError } from './errors.js';
import { registerBabel } from './register-babel.js';
import type { TransformMeta, TransformModule } from './types.js';

/** Where a transform comes from; plain data so worker threads can load it too. */
export interface TransformSource {
  /** Display name: the built-in's name or the path the user gave. */
  name: string;
  /** A file URL or absolute path that `loadTransformModule` can import. */
  specifier: string;
  builtin: boolean;
  /**
   * Load a third-party transform through @babel/register as stock jscodeshift does (its default,
   * `--babel`); false (`--no-babel`): Node's own `require`, as stock's `--no-babel`.
   */
  babel?: boolean;
  /** Already-imported module (in-process runs, tests); workers still import `specifier`. */
  preloaded?: TransformModule;
  /** Several transforms run as one (`repomod check`), each with its own options. */
  parts?: { source: TransformSource; options: Record<string, unknown> }[];
}

/** Resolve `-t <path-or-package>` relative to `cwd`. */
export function resolveTransformSource(given: string, cwd: string): TransformSource {
  const asPath = path.resolve(cwd, given);
  if (existsSync(asPath)) return { name: given, specifier: asPath, builtin: false };
  try {
    const require = createRequire(path.join(cwd, 'noop.js'));
    return { name: given, specifier: require.resolve(given), builtin: false };
  } catch {
    throw new UsageError(
      `transform '${given}' is neither a file nor an installed package`,
      `give a path to a transform file (relative to ${cwd}) or install the package; run 'repomod list' for the built-ins`,
    );
  }
}

/** Import a transform module; third-party code is required as the stock runner requires it. */
export async function loadTransformModule(source: TransformSource): Promise<TransformModule> {
  let loaded: unknown;
  if (source.preloaded) return source.preloaded;
  if (source.parts) {
    const { composeTransforms } = await import('./composite.js');
    const parts = await Promise.all(
      source.parts.map(async (part) => ({
        name: part.source.name,
        module: await loadTransformModule(part.source),
        options: part.options,
      })),
    );
    return composeTransforms(parts);
  }
  if (source.builtin) {
    loaded = await import(source.specifier);
  } else {
    const file = source.specifier.startsWith('file:') ? fileURLToPath(source.specifier) : source.specifier;
    try {
      loaded = await requireTransform(file, source.babel ?? true);
    } catch (error) {
      // the transform is the user's input: a syntax error in it is theirs to fix, not our bug
      const message = String((error as Error)?.message ?? error).split('\n')[0];
      throw new UsageError(
        `cannot load transform '${source.name}': ${(error as Error)?.name ?? 'Error'}: ${message}`,
        'fix the transform file (run it with node to see the whole error), or check the path given to -t',
      );
    }
  }
  return normaliseModule(loaded, source);
}

/**
 * `require(file)` under stock's babel hook, or plain with `babel` false. A module that only
 * `import()` can load (top-level await, or an ES module the hook leaves alone) is imported
 * instead: stock fails on it, so this changes nothing stock loads.
 */
async function requireTransform(file: string, babel: boolean): Promise<unknown> {
  if (babel) registerBabel(file);
  try {
    return createRequire(file)(file);
  } catch (error) {
    const code = (error as { code?: string })?.code;
    if (code !== 'ERR_REQUIRE_ESM' && code !== 'ERR_REQUIRE_ASYNC_MODULE') throw error;
    return import(pathToFileURL(file).href);
  }
}

/** CommonJS `module.exports = fn`, ESM `export default fn`, and a nested `default.default`. */
function normaliseModule(loaded: unknown, source: TransformSource): TransformModule {
  const mod = loaded as Record<string, unknown>;
  let fn: unknown = typeof loaded === 'function' ? loaded : mod?.default;
  if (fn && typeof fn === 'object' && typeof (fn as Record<string, unknown>).default === 'function')
    fn = (fn as Record<string, unknown>).default;
  const module: TransformModule = {
    default: typeof fn === 'function' ? (fn as TransformModule['default']) : undefined,
    meta: (mod?.meta ?? (fn as Record<string, unknown> | undefined)?.meta) as TransformMeta | undefined,
    parser: (mod?.parser ?? (fn as Record<string, unknown> | undefined)?.parser) as TransformModule['parser'],
    planRepository: mod?.planRepository as TransformModule['planRepository'],
  };
  if (!module.default && !module.planRepository) {
    throw new UsageError(
      `'${source.name}' exports no transform function`,
      'a jscodeshift transform exports a function (module.exports = fn, or export default fn)',
    );
  }
  return module;
}

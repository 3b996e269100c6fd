// Load a transform: a built-in by name or alias, or any jscodeshift transform file or package
// (JS or TS, ESM or CommonJS) without a build step, through jiti as jscodeshift uses babel-register.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from './errors.js';
import type { TransformMeta, TransformModule } from './types.js';

/** Where a transform comes from; plain data so worker threads can load it too. */
export interface TransformSource {
  /** Display name: the built-in's name or the path the user gave. */
  name: string;
  /** A file URL or absolute path that `loadTransformModule` can import. */
  specifier: string;
  builtin: boolean;
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

let jiti: Promise<{ import: (id: string) => Promise<unknown> }> | undefined;

/** Import a transform module; third-party code goes through jiti (TS, ESM syntax in .js, CJS). */
export async function loadTransformModule(source: TransformSource): Promise<TransformModule> {
  let loaded: unknown;
  if (source.preloaded) return source.preloaded;
  if (source.parts) {
    const { composeTransforms } = await import('./composite.js');
    const parts = await Promise.all(source.parts.map(async (part) => ({ name: part.source.name, module: await loadTransformModule(part.source), options: part.options })));
    return composeTransforms(parts);
  }
  if (source.builtin) {
    loaded = await import(source.specifier);
  } else {
    jiti ??= import('jiti').then(({ createJiti }) => createJiti(import.meta.url, { interopDefault: false, moduleCache: true, fsCache: false }));
    const url = source.specifier.startsWith('file:') ? source.specifier : pathToFileURL(source.specifier).href;
    try {
      loaded = await (await jiti).import(url);
    } catch (error) {
      // the transform is the user's input: a syntax error in it is theirs to fix, not our bug
      const message = String((error as Error)?.message ?? error).split('\n')[0];
      throw new UsageError(`cannot load transform '${source.name}': ${(error as Error)?.name ?? 'Error'}: ${message}`, 'fix the transform file (run it with node to see the whole error), or check the path given to -t');
    }
  }
  return normaliseModule(loaded, source);
}

/** CommonJS `module.exports = fn`, ESM `export default fn`, and a nested `default.default`. */
function normaliseModule(loaded: unknown, source: TransformSource): TransformModule {
  const mod = loaded as Record<string, unknown>;
  let fn: unknown = typeof loaded === 'function' ? loaded : mod?.default;
  if (fn && typeof fn === 'object' && typeof (fn as Record<string, unknown>).default === 'function') fn = (fn as Record<string, unknown>).default;
  const module: TransformModule = {
    default: typeof fn === 'function' ? (fn as TransformModule['default']) : undefined,
    meta: (mod?.meta ?? (fn as Record<string, unknown> | undefined)?.meta) as TransformMeta | undefined,
    parser: (mod?.parser ?? (fn as Record<string, unknown> | undefined)?.parser) as TransformModule['parser'],
    planRepository: mod?.planRepository as TransformModule['planRepository'],
  };
  if (!module.default && !module.planRepository) {
    throw new UsageError(`'${source.name}' exports no transform function`, 'a jscodeshift transform exports a function (module.exports = fn, or export default fn)');
  }
  return module;
}

// The one table of repomod's layers (STYLE.md: cli → api → features | transforms → lib), read by
// the import-boundary lint rule (./import-boundary.js); test/unit/package/layering.test.ts checks its messages, and npm run lint runs it over the tree.
import path from 'node:path';

/** Top-level folders that are layers, highest first. */
const LAYERS = ['cli', 'api', 'features', 'transforms', 'lib'];

/** What each layer may import besides itself: cli reaches features and transforms only through api. */
const ALLOWED = {
  cli: ['api', 'lib'],
  api: ['features', 'transforms', 'lib'],
  features: ['lib'],
  transforms: ['lib'],
  lib: [],
};

/** The layer of a repo-relative `/` path, or undefined outside the layers (test/, scripts/, …). */
function layerOf(relative) {
  const top = relative.split('/')[0];
  return LAYERS.includes(top) ? top : undefined;
}

/** `<name>` for a transform's own files (`transforms/<name>/…`); undefined for the registry beside them. */
function transformOf(relative) {
  const parts = relative.split('/');
  return parts[0] === 'transforms' && parts.length > 2 ? parts[1] : undefined;
}

/**
 * Why `from` may not import `to` (both repo-relative `/` paths), or undefined when it may.
 * @example crossing('lib/engine/x.ts', 'transforms/y.js')
 *   // 'lib may not import transforms; move the shared part into lib/'
 */
export function crossing(from, to) {
  const source = layerOf(from);
  const target = layerOf(to);
  if (source === undefined || target === undefined) return undefined;
  if (source !== target && !ALLOWED[source].includes(target)) {
    const fix =
      source === 'cli'
        ? `reach ${target}/ through api/ (export what cli needs from there)`
        : 'move the shared part into lib/';
    return `${source} may not import ${target}; ${fix}`;
  }
  const own = transformOf(from);
  const other = transformOf(to);
  if (own !== undefined && other !== undefined && own !== other)
    return `transform ${own} may not import transform ${other}; move the shared part into lib/`;
  return undefined;
}

/** A relative specifier in `file` (absolute), resolved against its folder, as a `/` path relative to `root`. */
export function resolveRelative(root, file, specifier) {
  return path
    .relative(root, path.resolve(path.dirname(file), specifier))
    .split(path.sep)
    .join('/');
}

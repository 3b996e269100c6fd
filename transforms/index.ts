// Registry of built-in transforms. Only each transform's light `meta.ts` is imported here, so
// `repomod list` and `--help` start fast; the transform itself loads on first use.
import type { TransformMeta, TransformModule } from '../lib/types.js';
import { meta as rewriteImportsMeta } from './rewrite-imports/meta.js';
import { meta as replaceSymlinks } from './replace-symlinks/meta.js';
import { meta as fixCallSyntax } from './fix-call-syntax/meta.js';
import { meta as removeRedundantBasesMeta } from './remove-redundant-bases/meta.js';

export interface RegistryEntry {
  meta: TransformMeta;
  /** Module specifier resolvable from this file, for worker threads to import. */
  modulePath: string;
  load: () => Promise<TransformModule>;
}

export const registry: RegistryEntry[] = [
  // entries are added by each transform: { meta, modulePath: new URL('./name/index.js', import.meta.url).href, load: () => import('./name/index.js') }
  { meta: fixCallSyntax, modulePath: new URL('./fix-call-syntax/index.js', import.meta.url).href, load: () => import('./fix-call-syntax/index.js') },
  { meta: replaceSymlinks, modulePath: new URL('./replace-symlinks/index.js', import.meta.url).href, load: () => import('./replace-symlinks/index.js') },
  { meta: rewriteImportsMeta, modulePath: new URL('./rewrite-imports/index.js', import.meta.url).href, load: () => import('./rewrite-imports/index.js') },
  { meta: removeRedundantBasesMeta, modulePath: new URL('./remove-redundant-bases/index.js', import.meta.url).href, load: () => import('./remove-redundant-bases/index.js') },
];

/** Find a built-in transform by name or alias. */
export function findTransform(name: string): RegistryEntry | undefined {
  return registry.find((e) => e.meta.name === name || e.meta.aliases?.includes(name));
}

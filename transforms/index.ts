// Registry of built-in transforms: the single source that the CLI's commands, `repomod list`,
// the help's message tables, the README's check table, the demo's steps and the registry test
// (test/unit/transforms/index.test.ts) all read. Only each transform's light `meta.ts` is imported
// here, so `repomod list` and `--help` start fast; the transform and its messages load on use.
import type { Explanation } from '../lib/engine/explanations.js';
import type { TransformMeta, TransformModule } from '../lib/engine/types.js';
import { meta as fixCallSyntax } from './fix-call-syntax/meta.js';
import { meta as replaceSymlinks } from './replace-symlinks/meta.js';
import { meta as rewriteImports } from './rewrite-imports/meta.js';
import { meta as removeRedundantBases } from './remove-redundant-bases/meta.js';

/** What a transform's `messages.ts` exports: its message table and the `repomod explain` entries beside it. */
export interface MessagesModule {
  messages: Record<string, unknown>;
  explanations: Record<string, Explanation>;
}

export interface RegistryEntry {
  meta: TransformMeta;
  /** Module specifier resolvable from this file, for worker threads to import. */
  modulePath: string;
  load: () => Promise<TransformModule>;
  /** The transform's `messages.ts`, for `repomod explain`, SARIF rule help and the README's check table. */
  loadMessages: () => Promise<MessagesModule>;
}

/**
 * A registry entry for the transform in `transforms/<meta.name>/`: one name everywhere (STYLE.md),
 * so the folder is never spelled again and every file of the layout is found from it.
 */
function builtin(meta: TransformMeta): RegistryEntry {
  const file = (name: string) => new URL(`./${meta.name}/${name}`, import.meta.url).href;
  const modulePath = file('index.js');
  return {
    meta,
    modulePath,
    load: () => import(modulePath) as Promise<TransformModule>,
    loadMessages: () => import(file('messages.js')) as Promise<MessagesModule>,
  };
}

/** In the order `repomod list`, `--help`, `repomod check` and the demo show them. */
export const registry: RegistryEntry[] = [fixCallSyntax, replaceSymlinks, rewriteImports, removeRedundantBases].map(
  builtin,
);

/** Find a built-in transform by name or alias. */
export function findTransform(name: string): RegistryEntry | undefined {
  return registry.find((e) => e.meta.name === name || e.meta.aliases?.includes(name));
}

/** `npm run demo`'s commands, as argument lists: each transform's `meta.demo`, or one plain dry run. */
export function demoSteps(): string[][] {
  return registry.flatMap(({ meta }) => meta.demo ?? [[meta.name]]);
}

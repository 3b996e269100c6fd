// Load the repository's config for a command: --config, or the nearest repomod.config.json.
import path from 'node:path';
import { findConfig, loadConfig, type RepomodConfig } from '../lib/config.js';
import { gitTopLevel } from '../lib/git.js';
import { registry } from '../transforms/index.js';

export function loadCommandConfig(configFlag: string | undefined): RepomodConfig {
  const cwd = process.cwd();
  const root = gitTopLevel(cwd) ?? cwd;
  const file = configFlag ? path.resolve(cwd, configFlag) : findConfig(cwd, root);
  const names = registry.flatMap((e) => [e.meta.name, ...(e.meta.aliases ?? [])]);
  return loadConfig(file, names);
}

/** A config's options for a transform, whether keyed by its name or an alias. */
export function configOptionsFor(config: RepomodConfig, name: string, aliases: readonly string[] = []): Record<string, unknown> | undefined {
  for (const key of [name, ...aliases]) if (config.transforms[key]) return config.transforms[key];
  return undefined;
}

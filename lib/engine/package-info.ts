// repomod's own package.json, found by walking up from this module: the same code runs from
// dist/ (installed, built) and from the TypeScript sources (tests).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PackageInfo {
  name: string;
  version: string;
  /** Names of the runtime dependencies. */
  dependencies: string[];
}

let cached: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  if (cached) return cached;
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as {
        name?: string;
        version?: string;
        dependencies?: Record<string, string>;
      };
      if (pkg.name === 'repomod')
        return (cached = {
          name: pkg.name,
          version: pkg.version ?? '0.0.0',
          dependencies: Object.keys(pkg.dependencies ?? {}),
        });
    }
    if (dir === path.dirname(dir)) return (cached = { name: 'repomod', version: '0.0.0', dependencies: [] });
  }
}

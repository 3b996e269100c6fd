// `npm ci` on a fresh clone is CI's first step: the lock must name only packages it contains.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/paths.js';

it('package-lock.json has no dangling optional dependencies (run scripts/fix-lockfile.mjs)', () => {
  const lock = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8'));
  const present = new Set(Object.keys(lock.packages).map((key: string) => key.replace(/^.*node_modules\//, '')));
  const dangling = Object.values(lock.packages as Record<string, { optionalDependencies?: Record<string, string> }>)
    .flatMap((entry) => Object.keys(entry.optionalDependencies ?? {}))
    .filter((name) => !present.has(name));
  expect(dangling).toEqual([]);
});

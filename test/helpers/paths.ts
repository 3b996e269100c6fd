// Where the repository is, for tests that read its files (sources, fixtures, README). Kept apart
// from cli.ts so that importing a path does not make an in-process test look like one that spawns.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The folders tsc builds into dist/ (tsconfig.json's `include`): the one list of source folders. */
export const SOURCE_FOLDERS: readonly string[] = (
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'tsconfig.json'), 'utf8')) as { include: string[] }
).include;

// Where the repository is, for tests that read its files (sources, fixtures, README). Kept apart
// from cli.ts so that importing a path does not make an in-process test look like one that spawns.
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

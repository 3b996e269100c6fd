// Where the fact cache lives: inside the git directory (never committed, never in `git status`,
// never walked), or `node_modules/.cache/repomod` outside git; a config may move it within the
// repository, only `--cache-dir` may put it anywhere.
import path from 'node:path';
import { ContainmentError, normaliseInside, resolveInside } from '../containment.js';
import { ConfigError } from '../errors.js';
import { gitDirOf } from '../write/state-dir.js';

export interface CacheRequest {
  /** false: no cache (`--no-cache`, `"cache": false`). */
  enabled?: boolean;
  /** `--cache-dir`: an explicit folder, relative to `cwd`, anywhere. */
  dir?: string;
  /** `"cacheDir"` from a config file: repository-relative, must stay inside the repository. */
  configured?: { dir: string; shown: string };
}

/**
 * The absolute cache folder for a run in `root`, or undefined when the cache is off; `notice`
 * says why a default location was refused (a link out of the repository on the way).
 * @throws ConfigError when a configured `cacheDir` leaves the repository
 */
export function resolveCacheDir(root: string, cwd: string, request: CacheRequest): { dir?: string; notice?: string } {
  if (request.enabled === false) return {};
  if (request.dir) return { dir: path.resolve(cwd, request.dir) };
  if (request.configured) {
    const { dir, shown } = request.configured;
    const inside = normaliseInside(dir.split(path.sep).join('/'));
    const help = 'give a folder inside the repository, or pass --cache-dir on the command line';
    if (!inside)
      throw new ConfigError(
        `'cacheDir' in ${shown} must be a relative folder inside the repository, got '${dir}'`,
        help,
      );
    try {
      return { dir: resolveInside(root, inside) };
    } catch (error) {
      if (error instanceof ContainmentError) throw new ConfigError(`'cacheDir' in ${shown}: ${error.message}`, help);
      throw error;
    }
  }
  const gitDir = gitDirOf(root);
  if (gitDir) return { dir: path.join(gitDir, 'repomod', 'cache') };
  try {
    return { dir: resolveInside(root, 'node_modules/.cache/repomod') };
  } catch (error) {
    if (!(error instanceof ContainmentError)) throw error;
    return { notice: `the fact cache is off: ${error.message}; pass --cache-dir to choose a folder` };
  }
}

// Which folder is "the package" a link belongs to: where its manifest lives and its `to` is relative to.
import path from 'node:path';
import type { RepoIndex } from '../repo/repo-index.js';
import { MANIFEST_NAME } from './tree.js';

/** Files that mark a deployable folder (a function, a service). */
export const PACKAGE_MARKERS = [
  'requirements.txt',
  'pyproject.toml',
  'setup.py',
  'setup.cfg',
  'main.py',
  'package.json',
  'Dockerfile',
  'app.yaml',
];

/**
 * The package folder of a link (repo-relative): the nearest folder above it that already has a
 * `repomod.bundle.json`, else the nearest that holds a package marker (below the repository
 * root), else the link's own folder.
 * @example packageDirFor(repo, 'functions/fn_a/shared/config.py') // 'functions/fn_a' (it has main.py)
 */
export function packageDirFor(repo: RepoIndex, linkPath: string): string {
  const parent = path.posix.dirname(linkPath) === '.' ? '' : path.posix.dirname(linkPath);
  const ancestors: string[] = [];
  for (let dir = parent; ; dir = path.posix.dirname(dir) === '.' ? '' : path.posix.dirname(dir)) {
    ancestors.push(dir);
    if (dir === '') break;
  }
  const has = (dir: string, name: string) => repo.hasFile(dir ? `${dir}/${name}` : name);
  const withManifest = ancestors.find((dir) => has(dir, MANIFEST_NAME));
  if (withManifest !== undefined) return withManifest;
  const withMarker = ancestors.find((dir) => dir !== '' && PACKAGE_MARKERS.some((m) => has(dir, m)));
  return withMarker ?? parent;
}

/** `dir/name`, or `name` at the repository root. */
export function joinRel(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}

/** `file` relative to the folder `dir` (both repo-relative, `file` under `dir`). */
export function relativeTo(dir: string, file: string): string {
  return dir ? file.slice(dir.length + 1) : file;
}

// The few facts repomod asks git: where the work tree starts, and which files have uncommitted changes.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/** The git top-level of `cwd`, or undefined outside a work tree. */
export function gitTopLevel(cwd: string): string | undefined {
  const out = git(cwd, ['rev-parse', '--show-toplevel']);
  return out ? path.resolve(out.trim()) : undefined;
}

/**
 * Repo-relative paths among `paths` with uncommitted changes (staged, unstaged or untracked).
 * Untracked files count: overwriting one would lose work that git cannot bring back.
 */
export function dirtyPaths(root: string, paths: readonly string[]): string[] {
  if (paths.length === 0) return [];
  const dirty: string[] = [];
  const wanted = new Set(paths);
  // batch the pathspecs so a huge change list does not overflow the command line
  for (let i = 0; i < paths.length; i += 1000) {
    const out = git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...paths.slice(i, i + 1000).map((p) => `:(literal)${p}`)]);
    if (out === undefined) continue;
    const entries = out.split('\0');
    for (let k = 0; k < entries.length; k++) {
      const entry = entries[k];
      if (entry.length < 4) continue;
      const status = entry.slice(0, 2);
      const file = entry.slice(3);
      if (status[0] === 'R' || status[0] === 'C') k++; // the next entry is the rename's source
      if (wanted.has(file)) dirty.push(file);
    }
  }
  return dirty.sort();
}

// Where the write layer keeps its lock and journal: inside the git directory (never committed,
// never walked), or `.repomod/` at the root outside git.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository's own git directory (`.git`, or what a `.git` file of a worktree or submodule
 * points to), or undefined outside git.
 */
export function gitDirOf(root: string): string | undefined {
  const dotGit = path.join(root, '.git');
  try {
    if (statSync(dotGit).isDirectory()) return dotGit;
    const match = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'));
    return match ? path.resolve(root, match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** The folder holding `lock` and `journal.json` for `root`. */
export function stateDirOf(root: string): string {
  const gitDir = gitDirOf(root);
  return gitDir ? path.join(gitDir, 'repomod') : path.join(root, '.repomod');
}

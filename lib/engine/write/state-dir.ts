// Where the write layer keeps its lock and journal: inside the git directory (never committed,
// never walked), or `.repomod/` at the root outside git.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describeFsError, WriteError } from './write-error.js';

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

/**
 * Create the state folder, or fail as a write the file system refused (nothing written yet).
 * Node's recursive mkdir reports a read-only file system as ENOENT; a plain mkdir of the last
 * level, whose parent exists, tells the real reason.
 */
export function ensureStateDir(stateDir: string, root: string): void {
  try {
    mkdirSync(stateDir, { recursive: true });
  } catch (error) {
    let reason = error;
    try {
      mkdirSync(stateDir);
    } catch (plain) {
      if ((plain as NodeJS.ErrnoException).code !== 'ENOENT') reason = plain;
    }
    throw new WriteError(describeFsError(reason, root), 'nothing was written', reason);
  }
}

// Just before the commit: every path still holds the bytes the run read, and nothing stands where
// a file will be created. An editor saving, a second run, a git checkout in between: write nothing.
import { lstatSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { RefusedError } from '../errors.js';
import type { FileState } from '../types.js';

type Finding = { path: string; problem: 'exists' | 'changed' | 'special' };

/** @throws RefusedError naming every path that differs from what the plan expects */
export function verifyUnchanged(root: string, expected: ReadonlyMap<string, FileState | null>): void {
  const findings: Finding[] = [];
  for (const [rel, state] of expected) {
    const problem = compare(path.join(root, rel), state);
    if (problem) findings.push({ path: rel, problem });
  }
  if (findings.length === 0) return;
  const exists = findings.filter((f) => f.problem === 'exists').map((f) => f.path);
  const changed = findings.filter((f) => f.problem !== 'exists').map((f) => f.path);
  const list = (paths: string[]) =>
    paths
      .slice(0, 10)
      .map((p) => `'${p}'`)
      .join(', ') + (paths.length > 10 ? ` and ${paths.length - 10} more` : '');
  if (exists.length > 0) {
    throw new RefusedError(
      `${list(exists)} already exist${exists.length === 1 ? 's' : ''} and would be overwritten; nothing was written`,
      'repomod never writes over a file it did not read: move it away (it may be git-ignored or untracked) or choose another destination',
    );
  }
  throw new RefusedError(
    `${list(changed)} changed on disk while repomod was running; nothing was written`,
    'another program or run edited it: run the command again on the current tree',
  );
}

function compare(abs: string, state: FileState | null): Finding['problem'] | undefined {
  let stat;
  try {
    stat = lstatSync(abs);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR')
      return state === null ? undefined : 'changed';
    throw error;
  }
  if (state === null) return 'exists';
  if (stat.isSymbolicLink())
    return state.kind === 'symlink' && readlinkSync(abs) === state.target ? undefined : 'changed';
  if (!stat.isFile()) return 'special';
  if (state.kind !== 'file' || stat.size !== state.bytes.length) return 'changed';
  return readFileSync(abs).equals(state.bytes) ? undefined : 'changed';
}

// Apply mode: write a finished run's changes to disk, each file atomically, deletions first
// so a link can become a directory of copies. Only called once every file has been processed.
import { mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, symlinkSync, lstatSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { writeFileAtomic } from './files.js';
import type { FileChange, FileState } from './types.js';

/** Write every change under `root`. Returns the repo-relative paths written or removed. */
export function applyChanges(root: string, changes: readonly FileChange[]): string[] {
  const touched: string[] = [];
  const abs = (rel: string) => path.join(root, rel);
  // 1. remove what goes away: deleted paths, rename sources, and the old side of type changes
  for (const change of changes) {
    if (change.renamedFrom) removePath(root, change.renamedFrom);
    if (change.before && (!change.after || change.before.kind !== change.after.kind)) removePath(root, change.path);
  }
  // 2. write what arrives
  for (const change of changes) {
    if (change.after) writeState(abs(change.path), change.after, change.before?.kind === 'file' ? change.before : undefined);
    touched.push(change.path);
    if (change.renamedFrom) touched.push(change.renamedFrom);
  }
  return touched.sort();
}

function writeState(file: string, state: FileState, before?: FileState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  if (state.kind === 'symlink') {
    // a link is created under a temp name and renamed over, so it appears atomically too
    const temp = path.join(path.dirname(file), `.${path.basename(file)}.repomod-${randomBytes(4).toString('hex')}`);
    symlinkSync(state.target, temp);
    renameSync(temp, file);
    return;
  }
  const mode = modeFor(file, state, before);
  writeFileAtomic(file, state.bytes, mode);
  chmodSync(file, mode);
}

/** Keep the file's own permission bits unless the executable bit itself changes. */
function modeFor(file: string, state: FileState & { kind: 'file' }, before?: FileState): number {
  let current: number | undefined;
  try {
    const stat = lstatSync(file);
    if (stat.isFile()) current = stat.mode & 0o7777;
  } catch {
    current = undefined;
  }
  const wasExecutable = before?.kind === 'file' && before.executable;
  if (current !== undefined && wasExecutable === state.executable) return current;
  const base = current ?? 0o644 & ~process.umask();
  return state.executable ? base | ((base & 0o444) >> 2) : base & ~0o111;
}

/** Remove a file or link, then any directories it leaves empty, as `git apply` does. */
function removePath(root: string, rel: string): void {
  rmSync(path.join(root, rel), { force: true });
  for (let dir = path.dirname(rel); dir !== '.' && dir !== ''; dir = path.dirname(dir)) {
    const absDir = path.join(root, dir);
    try {
      if (readdirSync(absDir).length > 0) break;
      rmdirSync(absDir);
    } catch {
      break;
    }
  }
}

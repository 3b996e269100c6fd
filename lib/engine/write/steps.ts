// The steps of one commit, each idempotent so the same code commits, finishes an interrupted
// commit, or undoes it: stage temp files, move paths forward, roll back, clean up.
import { closeSync, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { pathExists } from '../containment.js';
import type { FileState } from '../types.js';
import { seam } from './fault-seam.js';
import { syncDir, type Journal } from './journal.js';
import type { WriteOp } from './plan-writes.js';

/**
 * Write one op's new content in full to its temp file, with the mode it will have. A failure
 * names the file being written, not the temp file's name.
 */
export function stageOne(root: string, op: WriteOp & { temp: string }, state: FileState): void {
  try {
    stageContent(root, op, state);
  } catch (error) {
    if (error && typeof error === 'object' && 'code' in error)
      Object.assign(error, { path: path.join(root, op.path), dest: undefined });
    throw error;
  }
}

function stageContent(root: string, op: WriteOp & { temp: string }, state: FileState): void {
  const temp = path.join(root, op.temp);
  if (state.kind === 'symlink') {
    seam.symlink(state.target, temp);
    return;
  }
  const mode = modeFor(path.join(root, op.path), state, op.kind === 'replace');
  const fd = seam.open(temp, 'wx', mode);
  try {
    seam.writeAll(fd, state.bytes, temp);
    seam.fsync(fd, temp);
  } finally {
    closeSync(fd);
  }
  // the umask applied at open: set exactly the mode the file must have
  seam.chmod(temp, mode);
}

/** Keep the file's own permission bits unless the executable bit itself changes. */
function modeFor(file: string, state: FileState & { kind: 'file' }, replacing: boolean): number {
  let current: number | undefined;
  if (replacing) {
    try {
      const stat = lstatSync(file);
      if (stat.isFile()) current = stat.mode & 0o7777;
    } catch {
      current = undefined;
    }
  }
  const base = current ?? 0o666 & ~process.umask();
  const wasExecutable = current !== undefined && (current & 0o111) !== 0;
  if (current !== undefined && wasExecutable === state.executable) return current;
  return state.executable ? base | ((base & 0o444) >> 2) : base & ~0o111;
}

/**
 * Move every path to its new state. Safe to run again after a crash at any point: a step whose
 * temp file is gone, or whose backup exists, has been taken.
 */
export function runForward(root: string, journal: Journal): void {
  const abs = (rel: string) => path.join(root, rel);
  for (const op of journal.ops) {
    if (op.kind === 'remove') {
      if (!pathExists(abs(op.backup)) && pathExists(abs(op.path))) seam.rename(abs(op.path), abs(op.backup));
      continue;
    }
    if (!pathExists(abs(op.temp))) continue;
    if (op.kind === 'replace' && !pathExists(abs(op.backup))) keepBackup(abs(op.path), abs(op.backup));
    if (op.kind === 'create') makeDirs(root, journal.newDirs, op.path);
    seam.rename(abs(op.temp), abs(op.path));
  }
  for (const dir of touchedDirs(journal)) syncDir(abs(dir));
}

/**
 * Put every path back as it was: undo arrivals newest first, remove the folders the commit made,
 * then restore what was removed (a link that became a folder can only come back once the folder is gone).
 */
export function rollBack(root: string, journal: Journal): void {
  const abs = (rel: string) => path.join(root, rel);
  for (const op of [...journal.ops].reverse()) {
    if (op.kind === 'remove') continue;
    if (op.kind === 'replace') restore(abs(op.backup), abs(op.path));
    else if (!pathExists(abs(op.temp)) && pathExists(abs(op.path))) seam.unlink(abs(op.path));
    if (pathExists(abs(op.temp))) seam.unlink(abs(op.temp));
  }
  for (const dir of [...journal.newDirs].reverse()) removeIfEmpty(abs(dir));
  for (const op of journal.ops) if (op.kind === 'remove') restore(abs(op.backup), abs(op.path));
  for (const dir of touchedDirs(journal)) syncDir(abs(dir));
}

/**
 * A hard link costs nothing and keeps the old bytes whatever replaces the name; a file system
 * without hard links gets a copy instead (written in full and fsynced, like any staged file).
 */
function keepBackup(file: string, backup: string): void {
  try {
    seam.link(file, backup);
  } catch (error) {
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK', 'ENOSYS'].includes((error as NodeJS.ErrnoException).code ?? ''))
      throw error;
    const stat = lstatSync(file);
    if (stat.isSymbolicLink()) return seam.symlink(readlinkSync(file), backup);
    const fd = seam.open(backup, 'wx', stat.mode & 0o7777);
    try {
      seam.writeAll(fd, readFileSync(file), backup);
      seam.fsync(fd, backup);
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * Put a backup back at its path. When the path is still the very file the backup links to (the
 * new content never arrived), rename does nothing by POSIX rules: then the backup just goes.
 */
function restore(backup: string, target: string): void {
  if (!pathExists(backup)) return;
  seam.rename(backup, target);
  if (pathExists(backup)) seam.unlink(backup);
}

/** Delete temp files of a commit that never started (the tree itself was not touched). */
export function discardStaged(root: string, journal: Journal): void {
  for (const op of journal.ops)
    if (op.kind !== 'remove' && pathExists(path.join(root, op.temp))) seam.unlink(path.join(root, op.temp));
}

/** After the commit point: delete the backups, then the folders removals left empty. */
export function cleanUp(root: string, journal: Journal): void {
  for (const op of journal.ops)
    if (op.kind !== 'create' && pathExists(path.join(root, op.backup))) seam.unlink(path.join(root, op.backup));
  for (const start of journal.pruneFrom) {
    // a folder already gone (an earlier, interrupted clean-up took it) does not stop the climb
    for (let dir = start; dir !== '' && dir !== '.'; dir = path.posix.dirname(dir)) {
      if (removeIfEmpty(path.join(root, dir)) === 'kept') break;
    }
  }
}

function makeDirs(root: string, newDirs: readonly string[], target: string): void {
  for (const dir of newDirs) {
    if (!target.startsWith(`${dir}/`) || pathExists(path.join(root, dir))) continue;
    seam.mkdir(path.join(root, dir));
  }
}

/** Remove `dir` if it is empty. Failures other than "not empty" or "not there" are thrown. */
function removeIfEmpty(dir: string): 'removed' | 'gone' | 'kept' {
  try {
    if (readdirSync(dir).length > 0) return 'kept';
    seam.rmdir(dir);
    return 'removed';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT') return 'gone';
    if (['ENOTEMPTY', 'EEXIST', 'ENOTDIR'].includes(code)) return 'kept';
    throw error;
  }
}

function touchedDirs(journal: Journal): string[] {
  const dirs = new Set<string>();
  for (const op of journal.ops) dirs.add(path.posix.dirname(op.path));
  return [...dirs].map((d) => (d === '.' ? '' : d));
}

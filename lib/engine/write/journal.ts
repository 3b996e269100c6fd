// The commit's journal: written before the first path is touched, so that a run killed at any
// step can be finished or rolled back by the next one. It lists every step, temp file and backup.
import { closeSync, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { seam } from './fault-seam.js';
import { containedPath, SCRATCH_NAME, type WriteOp } from './plan-writes.js';

/**
 * `staging`: temp files are being written, nothing in the tree has changed (roll back: delete them);
 * `committing`: paths are being renamed (finish it); `done`: only backups remain to delete.
 */
export type JournalState = 'staging' | 'committing' | 'done';

export interface Journal {
  version: 1;
  txid: string;
  pid: number;
  command: string;
  state: JournalState;
  ops: WriteOp[];
  newDirs: string[];
  /** Folders whose last file a removal may take: pruned at the end, as `git apply` does. */
  pruneFrom: string[];
}

export const journalFile = (stateDir: string) => path.join(stateDir, 'journal.json');

/** Write the journal in full beside its place, fsync, rename over: it is always whole or absent. */
export function writeJournal(stateDir: string, journal: Journal): void {
  const file = journalFile(stateDir);
  const temp = `${file}.${journal.txid}.tmp`;
  const fd = seam.open(temp, 'w', 0o644);
  try {
    seam.writeAll(fd, Buffer.from(JSON.stringify(journal)), temp);
    seam.fsync(fd, temp);
  } finally {
    closeSync(fd);
  }
  seam.rename(temp, file);
  syncDir(stateDir);
}

export function removeJournal(stateDir: string): void {
  const file = journalFile(stateDir);
  if (existsSync(file)) seam.unlink(file);
}

/** A journal write cut short by a kill leaves its temp file: it never became the journal. */
export function removeJournalTemps(stateDir: string): void {
  let names: string[];
  try {
    names = readdirSync(stateDir);
  } catch {
    return;
  }
  for (const name of names) if (/^journal\.json\.[0-9a-f]+\.tmp$/.test(name)) seam.unlink(path.join(stateDir, name));
}

/**
 * The journal left by an interrupted run, checked: a journal that names a path outside the root
 * or a scratch file repomod would not have made is refused rather than acted on.
 */
export function readJournal(stateDir: string): Journal | undefined {
  const file = journalFile(stateDir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const journal = JSON.parse(text) as Journal;
  if (journal.version !== 1 || !Array.isArray(journal.ops)) throw new Error(`${file} is not a repomod journal`);
  for (const op of journal.ops) {
    containedPath(op.path);
    for (const scratch of [op.kind === 'remove' ? undefined : op.temp, op.kind === 'create' ? undefined : op.backup]) {
      if (scratch !== undefined && !SCRATCH_NAME.test(containedPath(scratch)))
        throw new Error(`${file} names '${scratch}', which repomod would not have written`);
    }
  }
  journal.newDirs.forEach(containedPath);
  journal.pruneFrom.forEach(containedPath);
  return journal;
}

/** fsync a folder so the renames in it survive a power cut. */
export function syncDir(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    seam.fsync(fd, dir);
  } finally {
    closeSync(fd);
  }
}

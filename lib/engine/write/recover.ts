// What a run does first when the previous one was killed mid-write: finish its commit when every
// staged file is still there, roll it back otherwise, and say which.
import { RefusedError } from '../errors.js';
import { journalFile, readJournal, removeJournal, removeJournalTemps, type Journal } from './journal.js';
import { cleanUp, discardStaged, runForward } from './steps.js';

/** Called with the work tree's lock held. */
export function recoverInterrupted(root: string, stateDir: string, onNotice: (text: string) => void): void {
  let journal: Journal | undefined;
  try {
    journal = readJournal(stateDir);
  } catch (error) {
    throw new RefusedError(
      `cannot read the journal of an interrupted run: ${(error as Error).message}; nothing was written`,
      `look at ${journalFile(stateDir)}, then remove it`,
    );
  }
  removeJournalTemps(stateDir);
  if (!journal) return;
  const who = `an interrupted repomod run (pid ${journal.pid}${journal.command ? `, '${journal.command}'` : ''})`;
  const files = (n: number) => `${n} path${n === 1 ? '' : 's'}`;
  if (journal.state === 'staging') {
    discardStaged(root, journal);
    removeJournal(stateDir);
    onNotice(`recovered ${who}: it had not begun writing; its temp files were removed and the tree is as it was`);
  } else if (journal.state === 'committing') {
    // finishing is always safe: a step whose temp file is gone was taken (renames are atomic)
    runForward(root, journal);
    cleanUp(root, journal);
    removeJournal(stateDir);
    onNotice(
      `recovered ${who}: finished its commit; the tree now holds all of its changes (${files(journal.ops.length)})`,
    );
  } else {
    cleanUp(root, journal);
    removeJournal(stateDir);
    onNotice(`recovered ${who}: its commit had finished; removed the backups it left`);
  }
}

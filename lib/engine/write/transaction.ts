// The one write layer: every byte repomod writes into a repository goes through `applyChanges`.
// Stage every new content in full (temp files beside their targets, fsynced), check that nothing
// changed since it was read, write the journal, then commit by renames, removals last. Any failure
// before or during the commit leaves the tree as it was; a kill is finished by the next run.
import { randomBytes } from 'node:crypto';
import { existsSync, rmdirSync } from 'node:fs';
import { RefusedError } from '../errors.js';
import { turnTaker } from '../event-loop-turns.js';
import { uncommittedPaths } from '../git.js';
import type { FileChange } from '../types.js';
import { describeFsError, WriteError } from './write-error.js';
import { SimulatedCrash } from './fault-seam.js';
import { journalFile, removeJournal, writeJournal, type Journal } from './journal.js';
import { acquireLock, type HeldLock } from './lock.js';
import { planWrites, type WritePlan } from './plan-writes.js';
import { verifyUnchanged } from './verify-unchanged.js';
import { recoverInterrupted } from './recover.js';
import { ensureStateDir, gitDirOf, stateDirOf } from './state-dir.js';
import { cleanUp, discardStaged, rollBack, runForward, stageOne } from './steps.js';

export interface ApplyOptions {
  /** Write over files with uncommitted changes (and go on when git cannot tell). */
  allowDirty?: boolean;
  /** Aborting before the commit writes nothing; the commit itself is never cut short. */
  signal?: AbortSignal;
  /** Told what recovery and lock take-over did, one line each. */
  onNotice?: (text: string) => void;
}

/** The commit in progress, for a second Ctrl-C that must end the process at once. */
let staging: { root: string; stateDir: string; journal: Journal } | undefined;

/**
 * A work tree held for writing: its lock taken and any interrupted commit finished or rolled
 * back. Open it before reading the files a run will change, so that two runs cannot interleave.
 */
export class WriteSession {
  private constructor(
    readonly root: string,
    private readonly stateDir: string,
    private readonly lock: HeldLock,
  ) {}

  static open(root: string, onNotice: (text: string) => void = () => {}): WriteSession {
    const stateDir = stateDirOf(root);
    ensureStateDir(stateDir, root);
    let lock: HeldLock;
    try {
      lock = acquireLock(stateDir, onNotice);
    } catch (error) {
      // the folder exists but the file system refuses the lock file (read-only, full)
      if ((error as NodeJS.ErrnoException).syscall)
        throw new WriteError(describeFsError(error, root), 'nothing was written', error);
      throw error;
    }
    try {
      recoverInterrupted(root, stateDir, onNotice);
    } catch (error) {
      lock.release();
      throw error;
    }
    return new WriteSession(root, stateDir, lock);
  }

  release(): void {
    this.lock.release();
    // outside git the state folder sits in the work tree: leave no trace when nothing is pending
    if (!gitDirOf(this.root)) {
      try {
        rmdirSync(this.stateDir);
      } catch {
        // not empty (another run's lock, a kept journal) or already gone
      }
    }
  }

  /**
   * Write every change, all or nothing.
   * @returns the repo-relative paths written or removed, sorted
   * @throws RefusedError (uncommitted changes, a path changed meanwhile, a path outside the root),
   *   WriteError (the file system failed; the tree was rolled back), or the signal's AbortError
   */
  async apply(changes: readonly FileChange[], options: ApplyOptions = {}): Promise<string[]> {
    const touched = [...new Set(changes.flatMap((c) => (c.renamedFrom ? [c.path, c.renamedFrom] : [c.path])))].sort();
    if (changes.length === 0) return [];
    if (!options.allowDirty) await refuseUncommitted(this.root, touched, options.signal);
    options.signal?.throwIfAborted();
    const txid = randomBytes(4).toString('hex');
    const plan = planWrites(this.root, changes, txid);
    const journal: Journal = {
      version: 1,
      txid,
      pid: process.pid,
      command: process.argv.slice(2).join(' '),
      state: 'staging',
      ops: plan.ops,
      newDirs: plan.newDirs,
      pruneFrom: [
        ...new Set(
          plan.ops.filter((op) => op.kind === 'remove').map((op) => op.path.split('/').slice(0, -1).join('/')),
        ),
      ].filter(Boolean),
    };
    await this.stage(journal, plan, options.signal);
    this.commit(journal);
    return touched;
  }

  /** Stage phase: nothing in the tree changes; on any failure the temp files go and the error is rethrown. */
  private async stage(journal: Journal, plan: WritePlan, signal: AbortSignal | undefined): Promise<void> {
    try {
      writeJournal(this.stateDir, journal);
      staging = { root: this.root, stateDir: this.stateDir, journal };
      const turn = turnTaker();
      for (const [index, op] of journal.ops.entries()) {
        if (op.kind === 'remove') continue;
        stageOne(this.root, op, plan.contents.get(index)!);
        await turn();
        signal?.throwIfAborted();
      }
      // the last moment before the commit: the bytes read are still the bytes on disk
      verifyUnchanged(this.root, plan.expected);
      signal?.throwIfAborted();
    } catch (error) {
      if (error instanceof SimulatedCrash) throw error;
      staging = undefined;
      try {
        discardStaged(this.root, journal);
        removeJournal(this.stateDir);
      } catch {
        // the next run's recovery removes what is left
      }
      if (error instanceof RefusedError || (error as Error)?.name === 'AbortError') throw error;
      throw new WriteError(describeFsError(error, this.root), 'nothing was written', error);
    }
  }

  /** Commit phase: synchronous, so no signal handler runs in the middle of it. */
  private commit(journal: Journal): void {
    try {
      journal.state = 'committing';
      writeJournal(this.stateDir, journal);
      staging = undefined;
      runForward(this.root, journal);
    } catch (error) {
      if (error instanceof SimulatedCrash) throw error;
      staging = undefined;
      try {
        rollBack(this.root, journal);
        discardStaged(this.root, journal);
        removeJournal(this.stateDir);
      } catch (rollbackError) {
        throw new WriteError(
          describeFsError(error, this.root),
          `rolling back failed too (${describeFsError(rollbackError, this.root)}); the journal is kept: run 'repomod recover' once the cause is fixed`,
          error,
        );
      }
      throw new WriteError(describeFsError(error, this.root), 'rolled back: nothing was written', error);
    }
    // the commit point is passed: every step from here on is tidying, which the next run's
    // recovery repeats safely if it fails (finishing a finished commit changes nothing)
    // recovery repeats safely if it fails (finishing a finished commit changes nothing); the
    // journal goes last, so backups a failed tidy-up leaves are still listed for that run
    try {
      writeJournal(this.stateDir, { ...journal, state: 'done' });
      cleanUp(this.root, journal);
      removeJournal(this.stateDir);
    } catch (error) {
      if (error instanceof SimulatedCrash) throw error;
    }
  }
}

/** Write `changes` under `root` in one transaction (lock, recovery, guard, stage, commit). */
export async function applyChanges(
  root: string,
  changes: readonly FileChange[],
  options: ApplyOptions = {},
): Promise<string[]> {
  const session = WriteSession.open(root, options.onNotice);
  try {
    return await session.apply(changes, options);
  } finally {
    session.release();
  }
}

/**
 * A run that only reads (dry run, check) still finishes an interrupted commit first, so it
 * never reports on a half-written tree. Cheap when there is nothing to recover.
 */
export function recoverIfInterrupted(root: string, onNotice: (text: string) => void = () => {}): void {
  const stateDir = stateDirOf(root);
  if (!hasJournal(stateDir)) return;
  WriteSession.open(root, onNotice).release();
}

/** `repomod recover`: finish or roll back what an interrupted run left; says what it did. */
export function recoverNow(root: string, onNotice: (text: string) => void): void {
  WriteSession.open(root, onNotice).release();
}

/**
 * Called on a second Ctrl-C, just before the process ends: remove the temp files of a commit
 * that has not begun. The tree itself has not been touched.
 */
export function abandonStaging(): void {
  if (!staging) return;
  try {
    discardStaged(staging.root, staging.journal);
    removeJournal(staging.stateDir);
  } catch {
    // the next run's recovery removes what is left
  }
  staging = undefined;
}

async function refuseUncommitted(root: string, paths: string[], signal: AbortSignal | undefined): Promise<void> {
  const { dirty, failure } = await uncommittedPaths(root, paths, signal);
  if (failure !== undefined) {
    const safeDirectory = /dubious ownership/.test(failure)
      ? `git config --global --add safe.directory ${root}`
      : 'fix what git reports';
    throw new RefusedError(
      `cannot tell whether files have uncommitted changes: git says: ${failure}; nothing was written`,
      `${safeDirectory}, or pass --allow-dirty to write without this check`,
    );
  }
  if (dirty.length === 0) return;
  const shown = dirty.slice(0, 10).join(', ') + (dirty.length > 10 ? ` and ${dirty.length - 10} more` : '');
  throw new RefusedError(
    `${dirty.length} file${dirty.length === 1 ? ' has' : 's have'} uncommitted changes: ${shown}; nothing was written`,
    'commit or stash them first, or pass --allow-dirty to write over them',
  );
}

const hasJournal = (stateDir: string) => existsSync(journalFile(stateDir));

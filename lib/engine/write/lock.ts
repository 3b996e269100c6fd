// One writer per work tree: a lock file created exclusively, naming its holder. A lock left by a
// process that no longer runs (SIGKILL, OOM killer, a cancelled CI job) is taken over, with a notice.
import { openSync, readFileSync, renameSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { RefusedError } from '../errors.js';

interface LockHolder {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export interface HeldLock {
  release(): void;
}

/**
 * Take the work tree's lock in `stateDir`, or refuse naming the live holder.
 * @param onNotice told when a stale lock was taken over
 */
export function acquireLock(stateDir: string, onNotice: (text: string) => void): HeldLock {
  const file = path.join(stateDir, 'lock');
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    command: process.argv.slice(2).join(' '),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      heldHere.add(file);
      return { release: () => releaseLock(file) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // a lock created this instant may not hold its holder yet: look again after a moment
    let holder = readHolder(file);
    if (!holder) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
      holder = readHolder(file);
    }
    if (holder && isAlive(holder, file)) {
      throw new RefusedError(
        `another repomod run (pid ${holder.pid}, '${holder.command}', since ${holder.since}) is writing this work tree; nothing was written`,
        `wait for it to finish and run the command again; if no such process runs, remove ${file}`,
      );
    }
    // move the stale lock aside under a unique name: of two runs taking it over, one rename wins
    try {
      renameSync(file, `${file}.stale-${process.pid}`);
      unlinkSync(`${file}.stale-${process.pid}`);
      onNotice(`took over the lock of repomod pid ${holder?.pid ?? '?'}, which is no longer running`);
    } catch {
      // another run took it over first: try again, and meet its live lock
    }
  }
  throw new RefusedError(
    `cannot take the lock ${file}; nothing was written`,
    'another repomod run is starting; run the command again',
  );
}

/** Locks this process holds: a lock file naming our own pid but not in here was left by a crash. */
const heldHere = new Set<string>();

function releaseLock(file: string): void {
  heldHere.delete(file);
  try {
    if (readHolder(file)?.pid === process.pid) unlinkSync(file);
  } catch {
    // already gone
  }
}

function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

/** A holder on another host cannot be checked: it counts as alive. */
function isAlive(holder: LockHolder, file: string): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return heldHere.has(file);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

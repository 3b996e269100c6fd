// Long synchronous phases (transforming in-process, building an index, staging writes) hand the
// event loop a turn every so often: signals are delivered through it, so Ctrl-C, SIGTERM and
// worker results are seen within a fraction of a second.
import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * The running engine's abort signal: a long phase that takes turns also stops at them once it
 * is aborted, without every index builder having to carry the signal. One run at a time per thread.
 */
let runSignal: AbortSignal | undefined;

/** Set by the engine for the length of a run. */
export function setRunSignal(signal: AbortSignal | undefined): void {
  runSignal = signal;
}

/** Yield to the event loop at least this often. */
export const TURN_EVERY_MS = 50;

/**
 * A function to call inside a loop: it yields only when `everyMs` have passed since the last turn,
 * so a fast loop pays one clock read per iteration, and throws once the run is aborted.
 * @example const turn = turnTaker(); for (const f of files) { work(f); await turn(); signal?.throwIfAborted(); }
 */
export function turnTaker(everyMs = TURN_EVERY_MS): (force?: boolean) => Promise<void> {
  let last = performance.now();
  return async (force = false) => {
    if (!force && performance.now() - last < everyMs) return;
    await nextTurn();
    last = performance.now();
    runSignal?.throwIfAborted();
  };
}

/**
 * Let a signal that arrived during a long synchronous stretch (loading a transform through babel)
 * reach its handler, then throw if the run was aborted. Two turns: libuv reads signals in the poll
 * phase, and an immediate queued from an I/O callback runs in the same iteration, before it.
 */
export async function takeSignalTurns(): Promise<void> {
  await nextTurn();
  await nextTurn();
  runSignal?.throwIfAborted();
}

/** Whether `error` is the running engine's own abort (thrown by a turn), not a failure of the work. */
export function isRunAbort(error: unknown): boolean {
  return runSignal?.aborted === true && error === runSignal.reason;
}

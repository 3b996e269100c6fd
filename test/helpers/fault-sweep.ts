// Drive one fault over the steps of a package move and check the tree after each: the original
// or the full result, directly or after the next run's recovery, no temp file left.
import path from 'node:path';
import { expect } from 'vitest';
import { applyChanges, recoverNow } from '../../lib/engine/apply.js';
import {
  setFaultPlan,
  SimulatedCrash,
  stepCounts,
  type FaultAction,
  type WriteStep,
} from '../../lib/engine/write/fault-seam.js';
import { WriteError } from '../../lib/engine/write/write-error.js';
import { fastTempDir, pictureOf, resetTree, writeMoveScenario } from './move-scenario.js';

const KINDS: WriteStep[] = ['open', 'write', 'fsync', 'chmod', 'rename', 'link', 'symlink', 'mkdir', 'unlink', 'rmdir'];

export interface SweepOutcome {
  tried: number;
  original: number;
  result: number;
}

/**
 * @param modules size of the moved package (the scenario adds 20 importers, a link turned into a
 *   folder, an executable and a deletion)
 * @param every try every `every`-th step of each kind (1: all of them)
 */
export async function sweepFaults(action: FaultAction, modules: number, every = 1): Promise<SweepOutcome> {
  const pristine = path.join(fastTempDir(), 'pristine');
  const changes = writeMoveScenario(pristine, modules);
  const work = path.join(path.dirname(pristine), 'work');
  const skipState = (rel: string) => rel === '.repomod';
  const original = JSON.stringify(pictureOf(pristine));
  resetTree(pristine, work);
  setFaultPlan({ step: 'any', at: Number.MAX_SAFE_INTEGER, action: 'fail' });
  await applyChanges(work, changes, { allowDirty: true });
  const counts = stepCounts();
  const result = JSON.stringify(pictureOf(work, skipState));
  const outcome: SweepOutcome = { tried: 0, original: 0, result: 0 };
  let treeIsOriginal = false;
  for (const step of KINDS) {
    const total = counts[step] ?? 0;
    // the last step of each kind is always tried: the commit's end is where clean-up faults hide
    const picks = new Set(
      [...Array.from({ length: Math.ceil(total / every) }, (_, i) => 1 + i * every), total].filter((n) => n >= 1),
    );
    for (const at of picks) {
      const label = `${action} at ${step} #${at}`;
      if (!treeIsOriginal) resetTree(pristine, work);
      setFaultPlan({ step, at, action });
      let thrown: unknown;
      try {
        await applyChanges(work, changes, { allowDirty: true });
      } catch (error) {
        thrown = error;
      }
      setFaultPlan(undefined);
      if (thrown && !(thrown instanceof SimulatedCrash)) expect(thrown, label).toBeInstanceOf(WriteError);
      // the next run: finishes a crashed commit, or removes what a failed tidy-up left
      recoverNow(work, () => {});
      const after = pictureOf(work, skipState);
      expect(
        Object.keys(after).filter((p) => /\.repomod-|journal\.json/.test(p)),
        label,
      ).toEqual([]);
      const text = JSON.stringify(after);
      treeIsOriginal = text === original;
      if (treeIsOriginal) outcome.original++;
      else {
        // compare as objects only on a mismatch: the message then shows the differing paths
        if (text !== result) expect(after, label).toEqual(JSON.parse(result));
        outcome.result++;
      }
      outcome.tried++;
    }
  }
  return outcome;
}

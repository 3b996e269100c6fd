// A crash (what SIGKILL leaves: no rollback, no clean-up) at a step of a package move, then the
// next run's recovery: the original tree while staging, the full result once the commit began.
// Every step of a 40-module move; every 8th of each kind in a 200-file one.
import { afterEach, expect, it } from 'vitest';
import { setFaultPlan } from '../../../../../lib/engine/write/fault-seam.js';
import { sweepFaults } from '../../../../helpers/fault-sweep.js';

afterEach(() => setFaultPlan(undefined));

it('leaves the original tree or the full result after a crash at every step of a 40-module move and one recovery', async () => {
  const outcome = await sweepFaults('crash', 40);
  expect(outcome.tried).toBeGreaterThan(350);
  expect(outcome.original).toBeGreaterThan(0);
  expect(outcome.result).toBeGreaterThan(100);
}, 120_000);

it('does the same at every 8th step of each kind in a 200-file move', async () => {
  const outcome = await sweepFaults('crash', 200, 8);
  expect(outcome.tried).toBeGreaterThan(200);
  expect(outcome.result).toBeGreaterThan(50);
}, 120_000);

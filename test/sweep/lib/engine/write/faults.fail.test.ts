// An I/O error (EIO) at a step of a package move: reported as a WriteError and rolled back, or,
// past the commit point, not felt at all. Every step of a 40-module move; every 8th of a 200-file one.
import { afterEach, expect, it } from 'vitest';
import { setFaultPlan } from '../../../../../lib/engine/write/fault-seam.js';
import { sweepFaults } from '../../../../helpers/fault-sweep.js';

afterEach(() => setFaultPlan(undefined));

it('leaves the original tree (or, past the commit point, the full result) after an EIO at every step of a 40-module move', async () => {
  const outcome = await sweepFaults('fail', 40);
  expect(outcome.tried).toBeGreaterThan(350);
  expect(outcome.original).toBeGreaterThan(outcome.tried / 2);
}, 120_000);

it('does the same at every 8th step of each kind in a 200-file move', async () => {
  const outcome = await sweepFaults('fail', 200, 8);
  expect(outcome.tried).toBeGreaterThan(200);
}, 120_000);

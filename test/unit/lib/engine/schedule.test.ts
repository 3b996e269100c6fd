// The worker pool starts only where a core is free for it: on a machine whose load average
// already fills its cores, workers compete with the main thread and the run gets slower.
import { describe, expect, it } from 'vitest';
import { coresToSpare } from '../../../../lib/engine/schedule.js';

describe('coresToSpare', () => {
  it.each([
    [0.2, 2, true],
    [1.5, 2, true], // this run's own thread on a quiet 2-core machine
    [1.99, 2, true],
    [2, 2, false],
    [13.5, 2, false],
    [3.9, 4, true],
    [6, 4, false],
  ])('load %f on %i cores: %s', (load, cores, expected) => {
    expect(coresToSpare(load, cores)).toBe(expected);
  });
});

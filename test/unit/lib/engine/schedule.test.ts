// The worker pool starts only where a core is free for it: on a machine whose cores other work
// already fills, workers compete with the main thread and the run gets slower.
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { coresToSpare, IdleMeter, workersFor } from '../../../../lib/engine/schedule.js';

describe('coresToSpare', () => {
  it.each([
    [0, false], // every core busy
    [0.3, false],
    [0.5, true],
    [0.9, true], // a quiet 2-core machine beside our own busy main thread
    [6.5, true],
  ])('%f idle cores: %s', (idleCores, expected) => {
    expect(coresToSpare(idleCores)).toBe(expected);
  });
});

describe('workersFor', () => {
  it.each([
    [0.9, 2, 1], // a quiet 2-core machine: one worker beside the main thread
    [0.5, 2, 1],
    [6.8, 8, 7], // a quiet 8-core machine: jobs − 1
    [2.2, 8, 2], // other work fills 6 of 8 cores: 2 workers, not 7
    [12, 4, 3], // never past jobs − 1
    [0.5, 8, 1],
  ])('%f idle cores, --jobs %i: %i workers', (idleCores, jobs, expected) => {
    expect(workersFor(idleCores, jobs)).toBe(expected);
  });
});

describe('IdleMeter', () => {
  it("reads the machine's idle counters: a thread kept busy is not idle", () => {
    const meter = new IdleMeter();
    const until = performance.now() + 300;
    while (performance.now() < until); // keep this core busy
    const idle = meter.idleCores();
    expect(idle).toBeGreaterThanOrEqual(0);
    // the counters tick every 10 ms or so: allow that much on each core
    expect(idle).toBeLessThanOrEqual(os.cpus().length - 1 + 0.1 * os.cpus().length);
  });
});

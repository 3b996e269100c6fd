// After each test file: remove its temp folders and stop its FIFO watchdogs. A setup file, not a
// hook in the helpers: with the unit project's shared modules (isolate: false) a helper module is
// loaded once per worker, so its own afterAll would clean up after the first file only.
import { afterAll } from 'vitest';
import { stopFifoWatchdogs } from '../helpers/fifo.js';
import { removeTempDirs } from '../helpers/tree.js';

afterAll(() => {
  removeTempDirs();
  stopFifoWatchdogs();
});

// After each test file: remove its temp folders, stop its FIFO watchdogs and take out the babel
// require hook a stock-style transform run installs. A setup file, not hooks in the helpers: with
// the unit project's shared processes (--no-isolate) a helper module is loaded once per worker, so
// its own afterAll would clean up after the first file only; and a hook left in place compiled
// every later file's requires (ESLint's config load in layering.test.ts: 5 s became a 30 s timeout).
import { afterAll } from 'vitest';
import { unregisterBabel } from '../../lib/engine/register-babel.js';
import { stopFifoWatchdogs } from '../helpers/fifo.js';
import { removeTempDirs } from '../helpers/tree.js';

afterAll(() => {
  removeTempDirs();
  stopFifoWatchdogs();
  unregisterBabel();
});

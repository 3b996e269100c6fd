// Real FIFOs for tests, each with a watchdog: if code under test ever opens one for reading (a
// regression), the watchdog opens the write end and closes it, so the read sees EOF and the test
// fails on its assertions instead of hanging the suite.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';

const watchdogs: ChildProcess[] = [];

/** Stop the watchdogs started so far: test/setup/clean-up-after-file.ts calls it after each test file. */
export function stopFifoWatchdogs(): void {
  for (const child of watchdogs.splice(0)) child.kill();
}

const WATCHDOG = `
const fs = require('node:fs');
const fifo = process.argv[1];
setInterval(() => {
  try { fs.closeSync(fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK)); } catch {}
}, 50);
setTimeout(() => process.exit(0), 120000);
`;

/** mkfifo `file`, watched for the length of the test file. */
export function makeFifo(file: string): string {
  execFileSync('mkfifo', [file]);
  const child = spawn(process.execPath, ['-e', WATCHDOG, file], { stdio: 'ignore' });
  child.unref();
  watchdogs.push(child);
  return file;
}

// stdout carries the data (the patch, JSON). A reader that goes away (`repomod … | head`) ends
// the output quietly with the run's own exit code; a stdout that cannot be written (a full disk,
// `> /dev/full`, a closed descriptor) is an error, exit 1, never a lost patch and exit 0.
import { readFileSync, readlinkSync } from 'node:fs';

let failure: NodeJS.ErrnoException | undefined;
let guarded = false;

/**
 * Watch `process.stdout` for the whole process, before anything is printed. Later calls (a
 * program that runs `main` more than once) keep the first watch instead of adding listeners.
 */
export function guardStdout(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') failure ??= error;
  });
  if (stdoutWasClosed()) {
    const write = (() => {
      failure ??= Object.assign(new Error('stdout is closed'), { code: 'EBADF' });
      return true;
    }) as typeof process.stdout.write;
    process.stdout.write = write;
  }
}

/** One line for the user when stdout could not take the output, or undefined. */
export function stdoutFailure(): string | undefined {
  if (!failure) return undefined;
  const text = /^[A-Z]+: ([^,]+)/.exec(failure.message)?.[1] ?? failure.message;
  return `cannot write the output to stdout: ${text}${failure.code ? ` (${failure.code})` : ''}; the output is lost`;
}

/**
 * Node reopens a closed descriptor 1 on /dev/null read-write; a shell's `> /dev/null` opens it
 * write-only. Linux tells the two apart in /proc; elsewhere this says no.
 */
function stdoutWasClosed(): boolean {
  try {
    if (readlinkSync('/proc/self/fd/1') !== '/dev/null') return false;
    const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync('/proc/self/fdinfo/1', 'utf8'))?.[1];
    return flags !== undefined && (parseInt(flags, 8) & 0o3) === 0o2;
  } catch {
    return false;
  }
}

// Ctrl-C and SIGTERM (a cancelled CI job, `timeout`): before the commit the run is aborted and
// nothing is written; the commit itself is synchronous, so a signal during it is handled once it
// has finished. A second signal ends the process at once, removing any staged temp files.
import { abandonStaging } from '../lib/engine/apply.js';

export interface Interrupts {
  signal: AbortSignal;
  /** 130 after SIGINT, 143 after SIGTERM; undefined when no signal came. */
  exitCode(): number | undefined;
  dispose(): void;
}

const EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

let installed: Interrupts | undefined;

/**
 * The process's handlers, installed once at start-up (a signal during module loading is an
 * interruption too, not a silent death by the default handler) and shared by every run.
 */
export function watchInterrupts(stderr: NodeJS.WritableStream = process.stderr): Interrupts {
  if (installed) return installed;
  const controller = new AbortController();
  let received: string | undefined;
  const onSignal = (name: NodeJS.Signals) => {
    if (received) {
      // the second one: do not wait for a transform that never yields
      abandonStaging();
      stderr.write('repomod: interrupted: nothing was written\n');
      process.exit(EXIT_CODES[received]);
    }
    received = name;
    controller.abort(Object.assign(new Error(`interrupted by ${name}`), { name: 'AbortError' }));
  };
  for (const name of Object.keys(EXIT_CODES)) process.on(name, onSignal);
  installed = {
    signal: controller.signal,
    exitCode: () => (received ? EXIT_CODES[received] : undefined),
    dispose: () => {
      for (const name of Object.keys(EXIT_CODES)) process.removeListener(name, onSignal);
      installed = undefined;
    },
  };
  return installed;
}

/** A transform stopped by Ctrl-C inside `vm`'s breakOnSigint (see lib/engine/call-transform.ts). */
export function isInterruption(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  return code === 'ERR_SCRIPT_EXECUTION_INTERRUPTED' || (error as Error)?.name === 'AbortError';
}

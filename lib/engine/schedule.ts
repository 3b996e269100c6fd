// Runs every target file through the transform: in-process from the first file, with worker
// threads joining only when the files measured so far predict enough remaining work to pay for
// the workers' start-up. A light run (most files prefiltered away, a byte-range rewrite) then
// never pays ~0.3 s per worker to load the transform; in a heavy one the main thread keeps
// transforming beside the workers, from the first file to the last.
import os from 'node:os';
import { turnTaker } from './event-loop-turns.js';
import { processFile, type FileJob, type FileOutcome } from './process-file.js';
import type { TransformSource } from './transform-loader.js';
import type { WorkerSetup } from './worker.js';

/** Largest batch a worker takes at once; batches shrink near the end so no thread idles long. */
const BATCH_SIZE = 24;
/**
 * The in-process rate is measured over windows this long; the first window (lazy loading, a cold
 * JIT) is not trusted, so the earliest decision comes after three.
 */
const WINDOW_MS = 100;
/**
 * Start workers only when the rest would take longer than this in-process. Each worker loads the
 * engine, the transform and its parser again (~0.5 s of CPU, competing with the main thread on a
 * small machine), so a shorter remainder ran slower with the pool. Measured on 2 cores: 7,000 TS
 * files (oxc scan, ~3.5 s in-process) took 4.3–4.6 s and 217–228 MiB with the pool started at
 * 1.5 s, 3.7–4.2 s and 160–163 MiB in-process; 16,000 Python files (~16 s in-process) take ~10 s
 * with the pool. The rate is wall time, which a busy machine inflates (the 7,000-file run, estimated
 * at 2.9 s on a quiet machine, crossed 4 s under load), hence the margin; CPU time was tried and
 * is worse, since Node 20 only gives the whole process's (GC and compiler threads included).
 */
const POOL_WORTH_MS = 5000;
/**
 * A worker's young generation, in MB. V8's default lets each thread's nursery grow to tens of MB
 * of short-lived parse garbage before a scavenge; with two workers beside the main thread that
 * was most of the pool's extra peak (7,000 TS files: 244 MiB → 199 MiB at 8 MB, same CPU time).
 */
const WORKER_YOUNG_GENERATION_MB = 8;
/**
 * Workers start only if, while the main thread measured its rate, the machine's cores sat idle
 * this much on average (in cores). Our own main thread keeps one core busy, so on a quiet 2-core
 * machine about one core is idle; on a machine that other work already fills, none is.
 */
const IDLE_CORES_FOR_WORKERS = 0.5;

/**
 * `REPOMOD_WORKERS=always` starts the pool before the first file, `never` keeps every file
 * in-process, `by-rate` decides by the measured rate alone (whatever else the machine runs);
 * anything else decides by the rate and the machine's idle cores.
 */
function workersPolicy(): 'always' | 'never' | 'by-rate' | 'auto' {
  const given = process.env.REPOMOD_WORKERS;
  return given === 'always' || given === 'never' || given === 'by-rate' ? given : 'auto';
}

/**
 * Whether the machine has a core to spare for workers, from how idle its cores were while the
 * main thread measured its rate. On a busy machine the workers only compete for the same cores,
 * and their start-up (each loads the engine, the transform and its parser again) is mostly loss:
 * at load 12-19 on 2 cores the 2,000-file Python rewrite took 7.2, 10.8 and 12.1 s in-process
 * against 8.9, 13.2 and 14.8 s with the pool. The one-minute load average was used before; it
 * lags both ways, still counting for a minute work that has ended (a build, our own previous run)
 * and hardly counting work that has just begun, such as a `git gc` that a large commit started in
 * the background: that one kept both cores busy through a 16,000-file run, and the idle counters
 * saw it.
 */
export function coresToSpare(idleCores: number): boolean {
  return idleCores >= IDLE_CORES_FOR_WORKERS;
}

/**
 * Workers to start beside the main thread: one per core that sat idle (rounded), at most
 * `jobs` − 1. A machine whose other work leaves 2 of 8 cores idle gets 2 workers, not 7 that
 * would compete with it; a quiet 2-core machine gets 1, as `jobs` − 1 gives.
 */
export function workersFor(idleCores: number, jobs: number): number {
  return Math.max(1, Math.min(jobs - 1, Math.round(idleCores)));
}

/** Idle time of every core, summed, from the operating system's counters (ms; every platform). */
function idleMilliseconds(): number {
  return os.cpus().reduce((sum, cpu) => sum + cpu.times.idle, 0);
}

/** Cores that sat idle, on average, since the meter was made. */
export class IdleMeter {
  private readonly idleAtStart = idleMilliseconds();
  private readonly start = performance.now();

  idleCores(): number {
    const elapsed = performance.now() - this.start;
    return elapsed > 0 ? (idleMilliseconds() - this.idleAtStart) / elapsed : 0;
  }
}

export interface ScheduleOptions {
  /** Threads in all, the main thread included (`--jobs`). */
  jobs: number;
  /** What workers need to rebuild `job` on their side (plain data). */
  workerSetup: () => WorkerSetup;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Outcomes in the order of `targets`. */
export async function processTargets(
  targets: readonly string[],
  job: FileJob,
  options: ScheduleOptions,
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(targets.length);
  const policy = workersPolicy();
  const pool = options.jobs > 1 && workerAvailable() && policy !== 'never' ? new LazyPool(options) : undefined;
  let next = 0;
  let done = 0;
  const finished = (count: number) => {
    done += count;
    options.onProgress?.(done, targets.length);
  };
  const takeBatch = (): [number, string[]] | undefined => {
    if (next >= targets.length) return undefined;
    const threads = options.jobs;
    const size = Math.max(1, Math.min(BATCH_SIZE, Math.ceil((targets.length - next) / (4 * threads))));
    const from = next;
    next += size;
    return [from, targets.slice(from, from + size)];
  };

  const rate = new RateWindow();
  const collect: BatchDone = (from, batch) => {
    batch.forEach((outcome, i) => (outcomes[from + i] = outcome));
    finished(batch.length);
  };
  if (pool && policy === 'always') pool.start(takeBatch, collect, options.jobs - 1);
  try {
    // the main thread keeps transforming beside its workers: 16,000 Python files on 2
    // cores, three runs back to back, took 8.3–10.5 s and 200–205 MiB, against 9.6–12.6 s and
    // 224–227 MiB with two workers and a main thread that only coordinated once they were warm
    const turn = turnTaker();
    // a worker's failure fails the run (drained() rethrows it): stop transforming here too
    while (next < targets.length && !pool?.failed) {
      options.signal?.throwIfAborted();
      const index = next++;
      outcomes[index] = await processFile(targets[index], job);
      finished(1);
      const measured = pool && !pool.started ? rate.tick() : undefined;
      if (measured !== undefined && measured.perFile * (targets.length - next) > POOL_WORTH_MS) {
        if (policy === 'by-rate') pool!.start(takeBatch, collect, options.jobs - 1);
        // idle cores are only looked at once workers could pay: decide after a window has measured them
        else if (measured.idleCores === undefined) rate.watchIdle();
        else if (coresToSpare(measured.idleCores))
          pool!.start(takeBatch, collect, workersFor(measured.idleCores, options.jobs));
      }
      // a synchronous transform never lets the event loop run: let worker results in, and a
      // Ctrl-C or SIGTERM be seen within a fraction of a second
      await turn(pool?.started);
    }
    await pool?.drained();
    options.signal?.throwIfAborted();
    return outcomes;
  } finally {
    await pool?.destroy();
  }
}

/** What the in-process windows measured: the steady rate, and how idle the machine's cores were. */
interface Measured {
  perFile: number;
  /** Undefined until `watchIdle` and a window after it. */
  idleCores: number | undefined;
}

/**
 * Milliseconds per file in-process, once per full window after the first: the lower figure of
 * the last two windows, since a JIT still warming up makes one window look slower than the run is.
 * Idle cores likewise, once asked for: the higher figure of the last two windows, since V8's
 * background threads (compiling the parser's wasm, a GC) keep a core busy for a while.
 */
class RateWindow {
  private windows = 0;
  private start = performance.now();
  private files = 0;
  private previousPerFile = Infinity;
  private previousIdle = 0;
  private idle: IdleMeter | undefined;

  /**
   * Measure idle cores from now on. Not from the start: each look at the counters reads every
   * core's (os.cpus(): 0.09 ms a call on 2 cores, more with more), and a light run never needs them.
   */
  watchIdle(): void {
    this.idle ??= new IdleMeter();
  }

  tick(): Measured | undefined {
    this.files++;
    const elapsed = performance.now() - this.start;
    if (elapsed < WINDOW_MS) return undefined;
    const perFile = elapsed / this.files;
    const idleCores = this.idle?.idleCores();
    const steady = {
      perFile: Math.min(perFile, this.previousPerFile),
      idleCores: idleCores === undefined ? undefined : Math.max(idleCores, this.previousIdle),
    };
    this.windows++;
    this.previousPerFile = perFile;
    if (idleCores !== undefined) {
      this.previousIdle = idleCores;
      this.idle = new IdleMeter();
    }
    this.start = performance.now();
    this.files = 0;
    return this.windows >= 3 ? steady : undefined;
  }
}

type TakeBatch = () => [number, string[]] | undefined;
type BatchDone = (from: number, outcomes: FileOutcome[]) => void;

/** Worker threads beside the main one (at most `jobs` − 1), pulling batches from the shared queue, two in flight each. */
class LazyPool {
  started = false;
  private pool: import('tinypool').default | undefined;
  private inFlight = new Set<Promise<void>>();
  private failure: unknown;
  private take: TakeBatch = () => undefined;
  private done: BatchDone = () => {};
  private abort = () => void this.pool?.destroy();

  constructor(private readonly options: ScheduleOptions) {}

  start(take: TakeBatch, done: BatchDone, threads: number): void {
    this.started = true;
    this.take = take;
    this.done = done;
    const starting = import('tinypool').then(({ default: Tinypool }) => {
      this.pool = new Tinypool({
        filename: workerUrl().href,
        minThreads: threads,
        maxThreads: threads,
        workerData: this.options.workerSetup(),
        isolateWorkers: false,
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      });
      this.options.signal?.addEventListener('abort', this.abort);
      for (let i = 0; i < threads * 2; i++) this.feed();
    });
    this.track(starting);
  }

  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Resolves when every batch handed out has come back; rethrows a worker's failure. */
  async drained(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    if (this.failure) throw this.failure;
  }

  async destroy(): Promise<void> {
    this.options.signal?.removeEventListener('abort', this.abort);
    await this.pool?.destroy();
  }

  private feed(): void {
    const batch = this.failure === undefined ? this.take() : undefined;
    if (!batch || !this.pool) return;
    const [from, paths] = batch;
    this.track(
      (this.pool.run(paths) as Promise<FileOutcome[]>).then((outcomes) => {
        this.done(from, outcomes.map(reviveBuffers));
        this.feed();
      }),
    );
  }

  private track(work: Promise<void>): void {
    const tracked: Promise<void> = work
      .catch((error) => void (this.failure ??= error))
      .finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }
}

/** Workers import transforms themselves: send only the plain-data part of a source. */
export function withoutModules(source: TransformSource): TransformSource {
  return {
    ...source,
    preloaded: undefined,
    parts: source.parts?.map((part) => ({ ...part, source: withoutModules(part.source) })),
  };
}

function workerUrl(): URL {
  return new URL('./worker.js', import.meta.url);
}

/** Under the TypeScript sources (tests), there is no compiled worker: run in-process. */
function workerAvailable(): boolean {
  return import.meta.url.endsWith('.js');
}

/** Structured clone turns Buffers into Uint8Arrays. */
function reviveBuffers(outcome: FileOutcome): FileOutcome {
  for (const state of [outcome.before, outcome.after]) {
    if (state?.kind === 'file' && !Buffer.isBuffer(state.bytes)) {
      const bytes = state.bytes as Uint8Array;
      state.bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
  }
  return outcome;
}

// Worker-thread entry for the pool: loads the transform and the repository view once per
// thread, then processes batches of files. Results are plain data (buffers are cloned).
import { workerData } from 'node:worker_threads';
import type { RunMode } from './context.js';
import { flushFactCaches } from './cache/fact-cache.js';
import { processFile, type FileJob, type FileOutcome } from './process-file.js';
import { RepoIndex, type RepoSnapshot } from '../repo/repo-index.js';
import type { ParserChoice } from './call-transform.js';
import { loadTransformModule, type TransformSource } from './transform-loader.js';

export interface WorkerSetup {
  source: TransformSource;
  options: Record<string, unknown>;
  snapshot: RepoSnapshot;
  cwd: string;
  prefilter?: string[];
  mode?: RunMode;
  typedPaths?: Map<string, string>;
  parser?: ParserChoice;
}

let job: Promise<FileJob> | undefined;
/** A worker writes its parse results to the fact cache once it holds this many. */
const WORKER_FLUSH_ENTRIES = 128;

function setup(): Promise<FileJob> {
  // tinypool passes [its own data, ours] as the thread's workerData
  const data = (workerData as [unknown, WorkerSetup])[1];
  job ??= loadTransformModule(data.source).then((module) => ({
    module,
    options: data.options,
    repo: new RepoIndex(data.snapshot),
    cwd: data.cwd,
    prefilter: data.prefilter,
    mode: data.mode,
    typedPaths: data.typedPaths,
    parser: data.parser,
  }));
  return job;
}

/** Process one batch of repo-relative paths, in order. */
export default async function processBatch(paths: string[]): Promise<FileOutcome[]> {
  const ready = await setup();
  const outcomes: FileOutcome[] = [];
  for (const relPath of paths) outcomes.push(await processFile(relPath, ready));
  // a worker has no last batch it knows of: write facts in packs of a useful size as they come
  flushFactCaches(WORKER_FLUSH_ENTRIES);
  return outcomes;
}

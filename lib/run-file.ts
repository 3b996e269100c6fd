// Run one transform on one file's text: the jscodeshift API, parser choice by extension,
// structured diagnostics. The engine, the worker threads and the fixture tests all go through here.
import { createRequire } from 'node:module';
import vm from 'node:vm';
import path from 'node:path';
import type { Diagnostic } from './diagnostics.js';
import type { ApiWithRepomod, RunMode } from './context.js';
import type { RepoIndex } from './repo/repo-index.js';
import type { TransformModule } from './types.js';

type JscodeshiftModule = typeof import('jscodeshift');
const require = createRequire(import.meta.url);
let jscodeshiftModule: JscodeshiftModule | undefined;

const bound = new Map<string, ReturnType<JscodeshiftModule['withParser']>>();

/**
 * jscodeshift bound to a parser, loaded on first use: loading it (babel, recast, ast-types) costs
 * ~150 ms per thread, which transforms that never touch `api.jscodeshift` (Python, the built-in
 * byte-range rewrites) should not pay. `withParser` builds a whole new API object (~0.3 ms):
 * once per parser, not once per file.
 */
function jscodeshiftFor(parser: string) {
  let j = bound.get(parser);
  if (!j) {
    jscodeshiftModule ??= require('jscodeshift') as JscodeshiftModule;
    bound.set(parser, (j = jscodeshiftModule.withParser(parser)));
  }
  return j;
}

/** The parser jscodeshift should use for a file, unless the transform names its own. */
export function parserForFile(filePath: string): 'ts' | 'tsx' | 'babel' {
  const ext = path.extname(filePath).toLowerCase();
  if (ext === '.ts' || ext === '.mts' || ext === '.cts') return 'ts';
  if (ext === '.tsx') return 'tsx';
  return 'babel';
}

export interface FileRunResult {
  /** undefined: not applicable (skipped); same text: nothing to change; else the new text. */
  output: string | undefined;
  diagnostics: Diagnostic[];
  /** `api.stats` counters, as the stock runner collects them in dry runs. */
  stats: Record<string, number>;
}

/**
 * Call `module`'s default export on one file.
 * @param filePath path as the transform should see it (cwd-relative, as the stock runner passes it)
 * @param relPath repo-relative path, used in diagnostics
 * @param mode what the run does with the output (`api.repomod.mode`): messages say "would" until it writes
 */
export async function runTransformOnText(
  module: TransformModule,
  filePath: string,
  relPath: string,
  source: string,
  options: Record<string, unknown>,
  repo: RepoIndex,
  mode: RunMode = 'dry-run',
): Promise<FileRunResult> {
  const transform = module.default;
  if (typeof transform !== 'function') throw new Error('the transform module has no default export function');
  const parser = (module.parser ?? parserForFile(filePath)) as string;
  const diagnostics: Diagnostic[] = [];
  const stats: Record<string, number> = {};
  const api: ApiWithRepomod = {
    get j() {
      return jscodeshiftFor(parser);
    },
    get jscodeshift() {
      return jscodeshiftFor(parser);
    },
    stats: (name: string, quantity = 1) => {
      stats[name] = (stats[name] ?? 0) + quantity;
    },
    // third-party transforms report free text: keep it as an info diagnostic on line 1
    report: (message: string) => diagnostics.push({ path: relPath, line: 1, column: 1, severity: 'info', code: 'report', message }),
    repomod: { repo, report: (d) => diagnostics.push(d), relPath, mode },
  };
  const file = { path: filePath, source };
  // a third-party transform may loop forever: run its synchronous part where Ctrl-C can stop it
  const result = await (module.meta ? transform(file, api, options) : callInterruptibly(() => transform(file, api, options)));
  return { output: typeof result === 'string' ? result : undefined, diagnostics, stats };
}

const interruptibleCall = new vm.Script('globalThis.__repomodInterruptible()');

/**
 * Call `fn` so that SIGINT stops it even in an endless synchronous loop: vm's breakOnSigint
 * terminates the execution and throws ERR_SCRIPT_EXECUTION_INTERRUPTED, which the run treats
 * as an interruption (nothing is written). Costs ~0.1 ms a call, so built-ins, which always
 * return, are called directly.
 */
function callInterruptibly<T>(fn: () => T): T {
  const holder = globalThis as { __repomodInterruptible?: () => T };
  holder.__repomodInterruptible = fn;
  try {
    return interruptibleCall.runInThisContext({ breakOnSigint: true }) as T;
  } finally {
    holder.__repomodInterruptible = undefined;
  }
}

// Call one transform on one file's text (no file system): the jscodeshift API, parser choice by extension,
// structured diagnostics. The engine, the worker threads and the fixture tests all go through here.
import { createRequire } from 'node:module';
import vm from 'node:vm';
import path from 'node:path';
import type { Diagnostic } from './diagnostics.js';
import { takeSignalTurns } from './event-loop-turns.js';
import type { ApiWithRepomod, RunMode } from './context.js';
import type { RepoIndex } from '../repo/repo-index.js';
import type { TransformModule } from './types.js';

type JscodeshiftModule = typeof import('jscodeshift');
const require = createRequire(import.meta.url);
let jscodeshiftModule: JscodeshiftModule | undefined;

const bound = new Map<string | object, ReturnType<JscodeshiftModule['withParser']>>();

/** The parser a run asks for (`--parser`, `--parser-config`), as the stock runner takes it. */
export interface ParserChoice {
  /** babel, babylon, flow, ts or tsx (stock's names). */
  name: string;
  /** Parsed `--parser-config` JSON: babylon and flow read it, the others ignore it, as under stock. */
  config?: Record<string, unknown>;
}

/**
 * jscodeshift bound to a parser, loaded on first use: loading it (babel, recast, ast-types) costs
 * ~150 ms per thread, which transforms that never touch `api.jscodeshift` (Python, the built-in
 * byte-range rewrites) should not pay. `withParser` builds a whole new API object (~0.3 ms):
 * once per parser, not once per file. A parser object (a transform's own `parser` export, or
 * one built from `--parser-config`) is its own key.
 */
function jscodeshiftFor(parser: string | object) {
  let j = bound.get(parser);
  if (!j) {
    jscodeshiftModule ??= require('jscodeshift') as JscodeshiftModule;
    bound.set(parser, (j = jscodeshiftModule.withParser(parser as string)));
  }
  return j;
}

const configured = new Map<string, object>();

/** A stock parser built with `--parser-config`, through jscodeshift's own getParser (once per config). */
function configuredParser(choice: ParserChoice): string | object {
  if (!choice.config) return choice.name;
  const key = `${choice.name}\0${JSON.stringify(choice.config)}`;
  let parser = configured.get(key);
  if (!parser) {
    const getParser = require('jscodeshift/src/getParser.js') as (name: string, options?: object) => object;
    configured.set(key, (parser = getParser(choice.name, choice.config)));
  }
  return parser;
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
  parserChoice?: ParserChoice,
): Promise<FileRunResult> {
  const transform = module.default;
  if (typeof transform !== 'function') throw new Error('the transform module has no default export function');
  // as the stock Worker: the module's own parser first, then the run's, then (repomod) by extension
  const byFile = parserChoice ? undefined : parserForFile(filePath);
  const parser = module.parser ?? (parserChoice ? configuredParser(parserChoice) : byFile!);
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
    report: (message: string) =>
      diagnostics.push({ path: relPath, line: 1, column: 1, severity: 'info', code: 'report', message }),
    repomod: { repo, report: (d) => diagnostics.push(d), relPath, mode },
  };
  const file = { path: filePath, source };
  // a third-party transform reads `options.parser` as the stock runner sets it: the run's parser
  // (here the one chosen by extension); a module's own `parser` export leaves it at stock's default
  const given =
    module.meta || options.parser !== undefined || !byFile
      ? options
      : withParserOption(options, module.parser ? 'babel' : byFile);
  // a third-party transform may loop forever: run its synchronous part where Ctrl-C can stop it
  const result = await (module.meta
    ? transform(file, api, given)
    : callInterruptibly(() => transform(file, api, given)));
  // the jscodeshift contract: any falsy result ('' included) means "skip this file", never "empty
  // it"; a built-in returning an empty file unchanged ('' for '') looked at it and found it fine
  const kept = typeof result === 'string' && (result !== '' || (module.meta !== undefined && source === ''));
  return { output: kept ? (result as string) : undefined, diagnostics, stats };
}

const perParser = new WeakMap<Record<string, unknown>, Map<string, Record<string, unknown>>>();

/** `options` plus `parser`, one object per run and parser (stock hands every file of a batch the same object). */
function withParserOption(options: Record<string, unknown>, parser: string): Record<string, unknown> {
  let copies = perParser.get(options);
  if (!copies) perParser.set(options, (copies = new Map()));
  let copy = copies.get(parser);
  if (!copy) copies.set(parser, (copy = { ...options, parser }));
  return copy;
}

const interruptibleCall = new vm.Script('globalThis.__repomodInterruptible()');

/**
 * Call `fn` so that SIGINT stops it even in an endless synchronous loop: vm's breakOnSigint
 * terminates the execution and throws ERR_SCRIPT_EXECUTION_INTERRUPTED, which the run treats
 * as an interruption (nothing is written). Costs ~0.1 ms a call, so built-ins, which always
 * return, are called directly.
 *
 * breakOnSigint takes the process's SIGINT listeners off for the call and puts them back after.
 * A SIGINT that libuv caught between two calls but had not yet handed to them was dropped with
 * the listeners' signal handle, so that Ctrl-C was lost and the run went on to write every file
 * (1 run in 3 of the in-process SIGINT test, at 20 ms a file). Two turns of the event loop hand
 * it over first, and the run stops there (the abort is thrown) instead of calling `fn`.
 */
async function callInterruptibly<T>(fn: () => T): Promise<T> {
  if (process.listenerCount('SIGINT') > 0) await takeSignalTurns();
  const holder = globalThis as { __repomodInterruptible?: () => T };
  holder.__repomodInterruptible = fn;
  try {
    return interruptibleCall.runInThisContext({ breakOnSigint: true }) as T;
  } finally {
    holder.__repomodInterruptible = undefined;
  }
}

// A built-in transform's per-file entry, declared once: how its options resolve (once per run,
// see optionsResolver) and what it does to one file. What comes back is a plain jscodeshift
// transform function, so the same default export runs under repomod and under the stock runner.
import type { API, FileInfo } from 'jscodeshift';
import { contextFor, type TransformContext } from './context.js';

/** What a transform does with one file: the new text, or undefined to leave it as it is. */
export type FileResult = string | undefined;

/** The run around one file, as a transform sees it. */
export interface FileRun {
  /** jscodeshift's api: `api.stats`, and repomod's additions under the engine. */
  api: API;
  /** The repository, the file's repo-relative path, the run's mode and the reporter; made on first use. */
  readonly context: TransformContext;
}

export interface TransformSpec<Options> {
  /** Raw options (CLI, config or stock runner) ➔ what the transform works with; throws ConfigError. */
  resolveOptions: (raw: Record<string, unknown> | undefined) => Options;
  transform(file: FileInfo, options: Options, run: FileRun): FileResult | Promise<FileResult>;
}

/**
 * The jscodeshift transform for a spec. The context is made lazily: a file the transform skips
 * on its text alone never asks for the repository (under the stock runner that is a git call).
 */
export function defineTransform<Options>(
  spec: TransformSpec<Options>,
): (file: FileInfo, api: API, raw: Record<string, unknown>) => Promise<FileResult> {
  return async function transform(file, api, raw) {
    const options = spec.resolveOptions(raw);
    let context: TransformContext | undefined;
    const run: FileRun = {
      api,
      get context() {
        // the stock runner's --dry reaches here in raw: messages then say "would remove"
        return (context ??= contextFor(file, api, raw));
      },
    };
    return spec.transform(file, options, run);
  };
}

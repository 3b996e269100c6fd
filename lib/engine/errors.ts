// Known run-level errors: each carries a help line and an exit code; the CLI prints both lines.
export abstract class KnownError extends Error {
  abstract readonly exitCode: number;
  constructor(
    message: string,
    readonly help: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad command line: unknown transform, conflicting flags. Exit 2. */
export class UsageError extends KnownError {
  readonly exitCode = 2;
}

/** Bad configuration: unknown key, ill-typed value, in a config file or a transform option. Exit 2. */
export class ConfigError extends KnownError {
  readonly exitCode = 2;
}

/** Apply refused: uncommitted changes, unwritable files. Exit 1 (nothing was written). */
export class RefusedError extends KnownError {
  readonly exitCode = 1;
}

export function isKnownError(error: unknown): error is KnownError {
  return error instanceof KnownError;
}

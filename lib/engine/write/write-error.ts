// A write that the file system refused (full disk, read-only folder, I/O error): one line naming
// the path and the errno text, then what became of the tree. Exit 1.
import path from 'node:path';
import { KnownError } from '../errors.js';

export class WriteError extends KnownError {
  readonly exitCode = 1;
  constructor(
    what: string,
    outcome: string,
    readonly original?: unknown,
  ) {
    super(
      `${what}; ${outcome}`,
      'free space or fix the permissions, then run the command again (--apply writes all or nothing)',
    );
  }
}

/**
 * `cannot write 'pkg/a.py': no space left on device (ENOSPC)`: the errno text without node's
 * prefix and syscall, the path repository-relative.
 */
export function describeFsError(error: unknown, root: string): string {
  const e = error as NodeJS.ErrnoException & { dest?: string };
  // a rename names its source first; the destination is the path the user knows
  const named = e?.syscall === 'rename' && e.dest ? e.dest : e?.path;
  const file = named ? path.relative(root, named) || '.' : undefined;
  const shown = file && !file.startsWith('..') ? file.split(path.sep).join('/') : named;
  const text = /^[A-Z]+: ([^,]+)/.exec(String(e?.message ?? ''))?.[1] ?? String(e?.message ?? error);
  const verb =
    e?.syscall === 'unlink' || e?.syscall === 'rmdir'
      ? 'remove'
      : e?.syscall === 'rename'
        ? 'move into place'
        : 'write';
  return `${shown ? `cannot ${verb} '${shown}'` : `cannot ${verb}`}: ${text}${e?.code ? ` (${e.code})` : ''}`;
}

// Containment: keep every path repomod opens for the user inside the repository root, never
// through a symlinked directory, and never open anything but a regular file (no FIFO hangs).
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs';
import path from 'node:path';

/** A path refused by a containment check; `message` names the path and why, `help` what to do. */
export class ContainmentError extends Error {
  constructor(
    message: string,
    readonly help: string,
    readonly reason: 'outside' | 'beyond-link' | 'not-regular' | 'too-large' | 'missing',
  ) {
    super(message);
    this.name = 'ContainmentError';
  }
}

const ALLOW_HELP = 'pass --allow-outside to accept paths outside the repository';

export interface ResolveOptions {
  /** `--allow-outside`: accept absolute paths, `..` escapes and symlinked directories. */
  allowOutside?: boolean;
}

/**
 * A repository-relative path, normalised (`/` separators, no `./`, no trailing `/`), or undefined
 * when it is empty, absolute, names the root itself or climbs out of it. Lexical only: the
 * file system is not asked (see `resolveInside` for links).
 * @example normaliseInside('tools/../../pwned/x.py') // undefined
 */
export function normaliseInside(rel: string): string | undefined {
  if (rel === '' || rel.includes('\0') || path.posix.isAbsolute(rel)) return undefined;
  const normal = path.posix.normalize(rel).replace(/\/+$/, '');
  return normal === '.' || normal === '..' || normal.startsWith('../') ? undefined : normal;
}

/** True when the absolute path `child` is `parent` or lies under it. */
export function isWithin(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
}

/**
 * The absolute path of `rel` (relative to the repository `root`, or absolute), after checking
 * that it stays inside the root once normalised and passes through no symlinked directory
 * (as `git apply` refuses a path "beyond a symbolic link"). The last component may be a link;
 * its real target must also be inside the root. Missing components are fine (a path to create).
 * @throws ContainmentError naming `--allow-outside`, unless `allowOutside` is set.
 * @example resolveInside('/repo', 'shared/../../etc/passwd') // throws: 'shared/../../etc/passwd' is outside the repository
 */
export function resolveInside(root: string, rel: string, options: ResolveOptions = {}): string {
  const realRoot = realpathSync(root);
  const abs = path.resolve(realRoot, rel);
  if (options.allowOutside) return abs;
  if (!isWithin(abs, realRoot)) throw new ContainmentError(`'${rel}' is outside the repository`, ALLOW_HELP, 'outside');
  const parts = path.relative(realRoot, abs).split(path.sep).filter(Boolean);
  let current = realRoot;
  for (let i = 0; i < parts.length; i++) {
    current = path.join(current, parts[i]);
    let stat: Stats;
    try {
      stat = lstatSync(current);
    } catch {
      return abs; // the rest does not exist yet: nothing to pass through
    }
    if (!stat.isSymbolicLink()) continue;
    const shown = parts.slice(0, i + 1).join('/');
    if (i < parts.length - 1)
      throw new ContainmentError(`'${rel}' is beyond a symbolic link ('${shown}')`, ALLOW_HELP, 'beyond-link');
    let real: string;
    try {
      real = realpathSync(current);
    } catch {
      return abs; // a broken link: whoever opens it reports it missing
    }
    if (!isWithin(real, realRoot))
      throw new ContainmentError(`'${rel}' resolves to '${real}', outside the repository`, ALLOW_HELP, 'outside');
  }
  return abs;
}

/** True when anything is at `abs`, links not followed (a broken link or a FIFO counts). */
export function pathExists(abs: string): boolean {
  try {
    lstatSync(abs);
    return true;
  } catch {
    return false;
  }
}

/** What a stat describes, in words: 'FIFO', 'socket', 'character device', … */
export function fileTypeOf(stat: Stats): string {
  if (stat.isFile()) return 'regular file';
  if (stat.isDirectory()) return 'directory';
  if (stat.isSymbolicLink()) return 'symbolic link';
  if (stat.isFIFO()) return 'FIFO';
  if (stat.isSocket()) return 'socket';
  if (stat.isCharacterDevice()) return 'character device';
  if (stat.isBlockDevice()) return 'block device';
  return 'special file';
}

/**
 * The type of what `abs` points to (links followed) when it is neither a regular file nor a
 * directory, else undefined: a FIFO, socket or device, that must never be opened.
 */
export function specialFileType(abs: string): string | undefined {
  let stat: Stats;
  try {
    stat = statSync(abs);
  } catch {
    return undefined;
  }
  return stat.isFile() || stat.isDirectory() ? undefined : fileTypeOf(stat);
}

/**
 * Refuse anything but a regular file (or a link to one) without opening it.
 * @throws ContainmentError "not a regular file (FIFO)", or 'missing' when nothing is there.
 */
export function assertRegularFile(abs: string, shown = abs): void {
  let stat: Stats;
  try {
    stat = statSync(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ContainmentError(
      code === 'ENOENT'
        ? `'${shown}' does not exist`
        : `'${shown}' cannot be read (${code ?? (error as Error).message})`,
      'check that it exists and is readable',
      'missing',
    );
  }
  if (!stat.isFile())
    throw new ContainmentError(
      `'${shown}' is not a regular file (${fileTypeOf(stat)})`,
      'only regular files are read',
      'not-regular',
    );
}

/**
 * Read a regular file of at most `maxBytes`. The file is opened non-blocking and checked again
 * through its descriptor, so a FIFO swapped in after the check cannot block the read.
 * @throws ContainmentError when not a regular file or too large; nothing past `maxBytes` is read.
 */
export function readRegularFile(abs: string, maxBytes: number, shown = abs): Buffer {
  assertRegularFile(abs, shown);
  const fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile())
      throw new ContainmentError(
        `'${shown}' is not a regular file (${fileTypeOf(stat)})`,
        'only regular files are read',
        'not-regular',
      );
    if (stat.size > maxBytes)
      throw new ContainmentError(
        `'${shown}' is too large (${stat.size} bytes; the limit is ${maxBytes})`,
        'keep such files small',
        'too-large',
      );
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

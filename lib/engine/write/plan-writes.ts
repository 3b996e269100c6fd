// Turn a run's changes into write steps: which paths are removed first (a link that becomes a
// folder), which are created or replaced, which are removed last (a moved source disappears only
// after its destination exists), where each temp file and backup goes, and which folders are new.
// Every path is checked to stay inside the root and not to pass through a symlinked folder.
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { normaliseInside } from '../containment.js';
import { RefusedError } from '../errors.js';
import type { FileChange, FileState } from '../types.js';
import { compareOrdinal } from '../../order.js';

export type WriteOp =
  /** rename path ➔ backup: deletions, rename sources, the old side of a type change */
  | { kind: 'remove'; path: string; backup: string }
  /** link path ➔ backup, then rename temp ➔ path */
  | { kind: 'replace'; path: string; temp: string; backup: string }
  /** make the missing folders, then rename temp ➔ path */
  | { kind: 'create'; path: string; temp: string };

export interface WritePlan {
  /** In commit order: early removals, then creations and replacements, then late removals. */
  ops: WriteOp[];
  /** Folders the commit creates, parents first (removed again by a rollback). */
  newDirs: string[];
  /** The state each staged path gets, by op index. */
  contents: Map<number, FileState>;
  /** What each path must hold on disk just before the commit (null: nothing), beside what is planned. */
  expected: Map<string, FileState | null>;
}

/** Names of the write layer's own temp files and backups: `.repomod-<tx>-<n>.tmp|orig`. */
export const SCRATCH_NAME = /(^|\/)\.repomod-[0-9a-f]{8,}-\d+\.(tmp|orig)$/;

/**
 * A repo-relative `/` path, normalised, that cannot leave the root: no absolute paths, no `..`
 * that climbs out, no empty or NUL-holding names.
 * @throws RefusedError naming the path
 */
export function containedPath(rel: string): string {
  const normal = normaliseInside(rel);
  if (normal === undefined) {
    throw new RefusedError(
      `refusing to write '${rel}': it is not inside the repository; nothing was written`,
      'repomod writes only inside the repository root; check the rule or path that produced it',
    );
  }
  return normal;
}

export function planWrites(root: string, changes: readonly FileChange[], txid: string): WritePlan {
  const creations = new Map<string, FileState>();
  const replacements = new Map<string, FileState>();
  const removals = new Set<string>();
  const expected = new Map<string, FileState | null>();
  for (const change of changes) {
    const target = containedPath(change.path);
    const source = change.renamedFrom === undefined ? undefined : containedPath(change.renamedFrom);
    if (source !== undefined) {
      // a move: the source goes, the destination arrives
      removals.add(source);
      expected.set(source, change.before);
      if (!expected.has(target)) expected.set(target, null);
      if (change.after) creations.set(target, change.after);
      continue;
    }
    expected.set(target, change.before);
    if (change.before && change.after && change.before.kind === change.after.kind)
      replacements.set(target, change.after);
    else {
      if (change.before) removals.add(target);
      if (change.after) creations.set(target, change.after);
    }
  }
  // a removal must come first when something is created at its path or below it
  const arriving = [...creations.keys(), ...replacements.keys()];
  const early = new Set<string>();
  for (const removed of removals) {
    if (arriving.some((p) => p === removed || p.startsWith(`${removed}/`))) early.add(removed);
  }

  const walker = new AncestorWalker(root, early);
  const newDirs = new Set<string>();
  const stageDirOf = (target: string) => {
    const { fresh, realDir } = walker.walk(target);
    fresh.forEach((d) => newDirs.add(d));
    return realDir;
  };
  for (const removed of removals) walker.walk(removed);
  for (const target of [...expected.keys()]) {
    // under a link that this plan removes first, nothing exists yet: do not look through the link
    if (walker.underEarlyRemoval(target)) expected.delete(target);
  }

  const ops: WriteOp[] = [];
  const contents = new Map<number, FileState>();
  const scratch = (dir: string, n: number, ext: string) => (dir ? `${dir}/` : '') + `.repomod-${txid}-${n}.${ext}`;
  for (const removed of [...early].sort(compareOrdinal))
    ops.push({ kind: 'remove', path: removed, backup: scratch(dirOf(removed), ops.length, 'orig') });
  for (const target of [...new Set(arriving)].sort(compareOrdinal)) {
    const n = ops.length;
    const replacement = replacements.get(target);
    if (replacement) {
      ops.push({
        kind: 'replace',
        path: target,
        temp: scratch(stageDirOf(target), n, 'tmp'),
        backup: scratch(dirOf(target), n, 'orig'),
      });
      contents.set(n, replacement);
    } else {
      ops.push({ kind: 'create', path: target, temp: scratch(stageDirOf(target), n, 'tmp') });
      contents.set(n, creations.get(target)!);
    }
  }
  for (const removed of [...removals].filter((r) => !early.has(r)).sort(compareOrdinal))
    ops.push({ kind: 'remove', path: removed, backup: scratch(dirOf(removed), ops.length, 'orig') });
  const dirs = [...newDirs].sort((a, b) => a.split('/').length - b.split('/').length || compareOrdinal(a, b));
  return { ops, newDirs: dirs, contents, expected };
}

const dirOf = (rel: string) => {
  const dir = path.posix.dirname(rel);
  return dir === '.' ? '' : dir;
};

/**
 * Looks at each folder on the way to a path once: a symlinked folder is refused (as `git apply`
 * refuses "beyond a symbolic link"), unless this plan removes it before anything is written below.
 */
class AncestorWalker {
  private readonly seen = new Map<string, 'dir' | 'missing'>();

  constructor(
    private readonly root: string,
    private readonly early: ReadonlySet<string>,
  ) {}

  underEarlyRemoval(rel: string): boolean {
    const parts = rel.split('/');
    for (let n = 1; n < parts.length; n++) if (this.early.has(parts.slice(0, n).join('/'))) return true;
    return false;
  }

  /** The folders below the deepest real one that the path needs (fresh), and that deepest real folder. */
  walk(rel: string): { fresh: string[]; realDir: string } {
    const parts = rel.split('/');
    const fresh: string[] = [];
    let realDir = '';
    let missing = false;
    for (let n = 1; n < parts.length; n++) {
      const dir = parts.slice(0, n).join('/');
      if (missing || this.early.has(dir)) {
        missing = true;
        fresh.push(dir);
        continue;
      }
      const kind = this.kindOf(dir, rel);
      if (kind === 'missing') {
        missing = true;
        fresh.push(dir);
      } else realDir = dir;
    }
    return { fresh, realDir };
  }

  private kindOf(dir: string, forPath: string): 'dir' | 'missing' {
    let kind = this.seen.get(dir);
    if (kind) return kind;
    try {
      const stat = lstatSync(path.join(this.root, dir));
      if (stat.isSymbolicLink()) {
        throw new RefusedError(
          `refusing to write '${forPath}': '${dir}' is a symbolic link, and writing through it could leave the repository; nothing was written`,
          `replace the link '${dir}' with a folder first (repomod replace-symlinks), or choose another destination`,
        );
      }
      if (!stat.isDirectory())
        throw new RefusedError(
          `refusing to write '${forPath}': '${dir}' is not a folder; nothing was written`,
          'move that file away first, or choose another destination',
        );
      kind = 'dir';
    } catch (error) {
      if (error instanceof RefusedError) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      kind = 'missing';
    }
    this.seen.set(dir, kind);
    return kind;
  }
}

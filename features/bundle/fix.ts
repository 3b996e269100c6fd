// `closure --fix`: provide every module the closure misses that the repository has, as bundle
// entries, relative links or copies; returned as FileChanges so the dry run shows a git diff.
import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import {
  ContainmentError,
  fileTypeOf,
  pathExists,
  readRegularFile,
  resolveInside,
} from '../../lib/engine/containment.js';
import { gitStateOf } from '../../lib/engine/git.js';
import type { RepoIndex } from '../../lib/repo/repo-index.js';
import type { FileChange } from '../../lib/engine/types.js';
import type { Closure } from '../../lib/deploy/closure.js';
import {
  formatManifest,
  MAX_MANIFEST_BYTES,
  mergeEntries,
  parseManifest,
  type BundleEntry,
  type Manifest,
} from '../../lib/deploy/manifest.js';
import type { PackagePlan } from '../../lib/deploy/package.js';
import { hashTree, isExecutable, MANIFEST_NAME } from '../../lib/deploy/tree.js';

export type FixStyle = 'manifest' | 'links' | 'copies';

export interface FixResult {
  changes: FileChange[];
  /** Package-relative destinations that could not be provided, with why. */
  refused: { destination: string; reason: string }[];
}

const join = (dir: string, name: string) => (dir ? `${dir}/${name}` : name);

/**
 * Changes that provide each missing module of `closure` inside the package.
 * @example planClosureFix(repo, plan, closure, 'links') // [{ path: 'fn_a/shared/espn.py', after: { kind: 'symlink', target: '../../shared/espn.py' } }]
 */
export function planClosureFix(repo: RepoIndex, plan: PackagePlan, closure: Closure, style: FixStyle): FixResult {
  const result: FixResult = { changes: [], refused: [] };
  const missing = closure.files.filter((f) => f.provider === 'missing');
  const entries: BundleEntry[] = [];
  const ownEntries = plan.manifests.flatMap((m) => m.entries.map((e) => join(m.dir, e.to)));
  for (const file of missing) {
    const repoPath = join(plan.rel, file.path);
    const blocker =
      blockingAncestor(plan, ownEntries, file.path) ??
      (style === 'manifest' ? undefined : occupied(repo.root, repoPath));
    if (blocker) {
      result.refused.push({ destination: file.path, reason: blocker });
      continue;
    }
    if (style === 'manifest') {
      // missing shared/espn.py ➔ { "from": "shared/espn.py", "to": "shared/espn.py" }
      entries.push({ from: file.source, to: file.path });
    } else if (style === 'links') {
      // missing shared/espn.py ➔ fn_a/shared/espn.py -> ../../shared/espn.py
      const target = path.posix.relative(path.posix.dirname(repoPath), file.source);
      result.changes.push({ path: repoPath, before: null, after: { kind: 'symlink', target } });
    } else {
      // missing shared/espn.py ➔ a copy, with its provenance recorded for drift checks
      let bytes: Buffer;
      try {
        bytes = readRegularFile(repo.absolute(file.source), MAX_COPY_BYTES, file.source);
      } catch (error) {
        result.refused.push({ destination: file.path, reason: (error as Error).message });
        continue;
      }
      const executable = isExecutable(repo.absolute(file.source));
      result.changes.push({ path: repoPath, before: null, after: { kind: 'file', bytes, executable } });
      entries.push({
        from: file.source,
        to: file.path,
        copied: true,
        hash: hashTree([{ rel: '', executable, bytes }]),
      });
    }
  }
  if (entries.length > 0) {
    const manifestPath = join(plan.rel, MANIFEST_NAME);
    let before: Buffer | undefined;
    let manifest: Manifest = { entries: [], extra: {} };
    try {
      if (pathExists(repo.absolute(manifestPath))) {
        before = readRegularFile(resolveInside(repo.root, manifestPath), MAX_MANIFEST_BYTES, manifestPath);
        manifest = parseManifest(before.toString('utf8'));
      }
    } catch (error) {
      // a manifest that cannot be read is never replaced by a new one
      if (before || error instanceof ContainmentError) {
        result.refused.push(
          ...entries.map((e) => ({
            destination: e.to,
            reason: `${manifestPath} cannot be read: ${(error as Error).message}`,
          })),
        );
        return result;
      }
    }
    const text = formatManifest(mergeEntries(manifest, entries).manifest);
    result.changes.push({
      path: manifestPath,
      before: before ? { kind: 'file', bytes: before, executable: false } : null,
      after: { kind: 'file', bytes: Buffer.from(text, 'utf8'), executable: false },
    });
  }
  result.changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return result;
}

/** A module copied by --fix copies is read whole; past this it is not a module. */
const MAX_COPY_BYTES = 64 * 1024 * 1024;

/**
 * Why --fix may not write at the repo-relative `repoPath`: something is already there (a file
 * git tracks, an untracked or ignored one, a FIFO, a folder) or it lies beyond a symbolic link.
 * A fix only ever adds; it never overwrites.
 */
function occupied(root: string, repoPath: string): string | undefined {
  let abs: string;
  try {
    abs = resolveInside(root, repoPath);
  } catch (error) {
    return (error as Error).message;
  }
  let stat;
  try {
    stat = lstatSync(abs);
  } catch {
    return undefined;
  }
  const type = stat.isFile() ? '' : `, a ${fileTypeOf(stat)}`;
  return `'${repoPath}' already exists (${gitStateOf(root, repoPath)}${type}) and is never overwritten; move it away or provide the module by hand`;
}

/**
 * Why nothing can be added at `destination`: an ancestor folder in the package is a link or a
 * bundle entry, so writing there would write into the repository's source instead.
 */
function blockingAncestor(plan: PackagePlan, entryDestinations: string[], destination: string): string | undefined {
  const parts = destination.split('/');
  for (let n = 1; n < parts.length; n++) {
    const ancestor = parts.slice(0, n).join('/');
    if (entryDestinations.includes(ancestor))
      return `'${ancestor}' is a bundle entry; add the module to its source instead`;
    try {
      if (lstatSync(path.join(plan.abs, ancestor)).isSymbolicLink()) {
        return `'${ancestor}' is a link to '${path.relative(plan.abs, realpathSync(path.join(plan.abs, ancestor)))}'; add the module there or replace the link first`;
      }
    } catch {
      return undefined;
    }
  }
  return undefined;
}

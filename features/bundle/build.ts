// `bundle build`: write the planned package into --out, dereferenced like `rsync -aL`, all or
// nothing: a temp folder next to --out is filled first, then renamed into place.
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { assertRegularFile, isWithin as within } from '../../lib/engine/containment.js';
import { RefusedError, UsageError } from '../../lib/engine/errors.js';
import { trackedUnder } from '../../lib/engine/git.js';
import type { PackagePlan } from '../../lib/deploy/package.js';

export interface BuildOptions {
  /** Replace a non-empty --out. */
  force?: boolean;
  /** The repository root: --out may not contain it. */
  repoRoot: string;
}

/** Real path of `p`, or of its nearest existing ancestor joined with the rest. */
function realish(p: string): string {
  const missing: string[] = [];
  let current = path.resolve(p);
  for (;;) {
    try {
      return path.join(realpathSync(current), ...missing.reverse());
    } catch {
      missing.push(path.basename(current));
      const parent = path.dirname(current);
      if (parent === current) return path.resolve(p);
      current = parent;
    }
  }
}

const shown = (abs: string, repoRoot: string) =>
  within(abs, repoRoot) ? path.relative(repoRoot, abs).split(path.sep).join('/') || '.' : abs;

/**
 * Refuse an --out that would destroy or recurse into something: the package itself, a folder
 * holding it or the repository, any of its sources (entries and links included), a folder git
 * tracks (even with --force), or a non-empty folder without --force.
 * @throws UsageError or RefusedError; nothing is written.
 */
export function checkOutDir(plan: PackagePlan, outDir: string, options: BuildOptions): string {
  const out = realish(outDir);
  const repoRoot = realpathSync(options.repoRoot);
  if (within(plan.abs, out))
    throw new UsageError(
      `--out ${outDir} contains the package itself`,
      'choose a folder outside the package, e.g. build/<name>',
    );
  if (within(repoRoot, out))
    throw new UsageError(`--out ${outDir} contains the repository`, 'choose a folder inside a build directory');
  if (within(out, plan.abs))
    throw new UsageError(
      `--out ${outDir} is inside the package`,
      'the next build would include this one; choose a folder outside the package',
    );
  // fn_a/shared -> ../shared and --out shared: the build would replace its own source
  const help = "choose a folder outside the package's sources, e.g. build/<name>";
  const sourceDir = plan.sourceDirs.find((dir) => within(dir, out) || within(out, dir));
  if (sourceDir !== undefined) {
    const relation = sourceDir === out ? 'is' : within(sourceDir, out) ? 'contains' : 'is inside';
    throw new UsageError(
      `--out ${outDir} ${relation} '${shown(sourceDir, repoRoot)}', a source of the package; nothing was written`,
      help,
    );
  }
  const source = [...plan.files.values()].find((file) => within(file.abs, out));
  if (source)
    throw new UsageError(
      `--out ${outDir} contains '${shown(source.abs, repoRoot)}', a source of the package; nothing was written`,
      help,
    );
  if (within(out, repoRoot)) {
    const tracked = trackedUnder(repoRoot, path.relative(repoRoot, out).split(path.sep).join('/'));
    if (tracked.length > 0) {
      throw new RefusedError(
        `--out ${outDir} holds ${tracked.length} file${tracked.length === 1 ? '' : 's'} tracked by git (${tracked[0]}${tracked.length > 1 ? ', …' : ''}); nothing was written`,
        'choose a folder git does not track, e.g. an ignored build/<name> (--force never replaces tracked files)',
      );
    }
  }
  let entries: string[] = [];
  try {
    if (!statSync(out).isDirectory())
      throw new UsageError(`--out ${outDir} exists and is not a folder`, 'give a folder path');
    entries = readdirSync(out);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    entries = [];
  }
  if (entries.length > 0 && !options.force) {
    throw new RefusedError(
      `--out ${outDir} is not empty (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}); nothing was written`,
      'pass --force to replace its contents, or choose an empty folder',
    );
  }
  return out;
}

/**
 * Write every file of the plan under `outDir` with its mode bits and modification time.
 * The caller has refused plans with problems; this only writes.
 * @returns the package-relative paths written, sorted
 */
export function buildPackage(plan: PackagePlan, outDir: string, options: BuildOptions): string[] {
  const out = checkOutDir(plan, outDir, options);
  mkdirSync(path.dirname(out), { recursive: true });
  const temp = path.join(path.dirname(out), `.${path.basename(out)}.repomod-${randomBytes(4).toString('hex')}`);
  const written: string[] = [];
  try {
    mkdirSync(temp);
    for (const file of [...plan.files.values()].sort((a, b) => (a.rel < b.rel ? -1 : 1))) {
      const dest = path.join(temp, ...file.rel.split('/'));
      mkdirSync(path.dirname(dest), { recursive: true });
      // checked at planning; checked again so a FIFO swapped in since cannot block the copy
      assertRegularFile(file.abs);
      copyFileSync(file.abs, dest);
      const stat = statSync(file.abs);
      chmodSync(dest, file.executable ? 0o755 : 0o644);
      utimesSync(dest, stat.atime, stat.mtime);
      written.push(file.rel);
    }
    rmSync(out, { recursive: true, force: true });
    renameSync(temp, out);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  return written;
}

// Links and bundle entries follow a move: a link into a moved path is retargeted (and moved when its
// place in a deploy package mirrors the target's path), a link that moves keeps resolving, and
// `repomod.bundle.json` entries whose source moved name the new source.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_NAME } from '../../lib/deploy/tree.js';
import { joinRel, packageDirFor } from '../../lib/deploy/package-dir.js';
import type { RepoIndex } from '../../lib/repo/repo-index.js';
import type { FileChange } from '../../lib/engine/types.js';
import { movedPath } from './move-paths.js';
import type { RuleSet } from './rules.js';

const posix = path.posix;

/** What happens to one link or bundle entry: where it provides a file in its package, before and after. */
export interface ProviderMove {
  /** Repo-relative package folder the link or manifest belongs to. */
  packageDir: string;
  /** Package-relative place it provides, before and after the move. */
  rel: string;
  relAfter: string;
  /** Repo-relative source it provides, before and after (undefined: outside the repository). */
  source?: string;
  sourceAfter?: string;
  /** The link (or entry) was pointed at the moved source. */
  retargeted: boolean;
  /** For bundle entries: the manifest and the entry's `to`. */
  manifest?: string;
  entryTo?: string;
}

export interface LinkPlan {
  changes: FileChange[];
  /** New manifest text by the manifest's current path (moved manifests included). */
  manifests: Map<string, string>;
  /** Every link and bundle entry of the repository, as it moves. */
  providers: ProviderMove[];
  /** Package folders with a link or entry into (or around) a moved path. */
  touched: Set<string>;
}

/** Plan the links and bundle entries of a move (`set`'s path rules whose OLD exists). */
export function planLinks(repo: RepoIndex, set: RuleSet, taken: Set<string>): LinkPlan {
  const plan: LinkPlan = { changes: [], manifests: new Map(), providers: [], touched: new Set() };
  const moved = (p: string) => movedPath(set, p);
  const around = (p: string) =>
    set.paths.some((r) => r.oldExists && (r.from === p || r.from.startsWith(`${p}/`) || p.startsWith(`${r.from}/`)));
  const roots = [repo.root, repo.memo('real-root', () => realRoot(repo.root))];
  for (const link of repo.symlinks) {
    const dir = posix.dirname(link.path) === '.' ? '' : posix.dirname(link.path);
    const absolute = posix.isAbsolute(link.target);
    const root = absolute ? roots.find((r) => link.target === r || link.target.startsWith(`${r}/`)) : undefined;
    const lexical = absolute
      ? root !== undefined
        ? link.target.slice(root.length + 1)
        : undefined
      : posix.normalize(posix.join(dir, link.target));
    const inside = lexical !== undefined && lexical !== '..' && !lexical.startsWith('../');
    const source = inside ? (lexical === '.' ? '' : lexical) : undefined;
    const sourceAfter = source !== undefined ? (moved(source) ?? source) : undefined;
    const packageDir = packageDirFor(repo, link.path);
    const rel = packageDir ? link.path.slice(packageDir.length + 1) : link.path;
    let linkAfter = moved(link.path) ?? link.path;
    const retargeted = source !== undefined && sourceAfter !== undefined && sourceAfter !== source;
    // fn/shared/utils/x.py -> shared/utils/x.py: its place in the package mirrors the source, so it moves too
    if (
      retargeted &&
      sourceAfter !== undefined &&
      linkAfter === link.path &&
      (source === rel || source.endsWith(`/${rel}`))
    ) {
      const prefix = source.slice(0, source.length - rel.length);
      const mirrored = sourceAfter.startsWith(prefix)
        ? joinRel(packageDir, sourceAfter.slice(prefix.length))
        : undefined;
      if (mirrored && !taken.has(mirrored) && !repo.existsOnDisk(mirrored)) linkAfter = mirrored;
    }
    if (source !== undefined && around(source)) plan.touched.add(packageDir);
    plan.providers.push({
      packageDir,
      rel,
      relAfter: packageDir ? linkAfter.slice(packageDir.length + 1) : linkAfter,
      source,
      sourceAfter,
      retargeted,
    });
    if (linkAfter === link.path && !retargeted) continue;
    const target = newTarget(link.target, {
      absolute,
      root,
      dirAfter: posix.dirname(linkAfter),
      sourceAfter,
      outside: lexical,
      dirBefore: dir,
    });
    taken.add(linkAfter);
    const before = { kind: 'symlink' as const, target: link.target };
    const after = { kind: 'symlink' as const, target };
    plan.changes.push(
      linkAfter === link.path
        ? { path: link.path, before, after }
        : { path: linkAfter, before, after, renamedFrom: link.path },
    );
  }
  for (const manifest of repo.files.filter((f) => posix.basename(f) === MANIFEST_NAME))
    planManifest(repo, manifest, moved, around, taken, plan);
  return plan;
}

interface TargetContext {
  absolute: boolean;
  root?: string;
  dirBefore: string;
  dirAfter: string;
  sourceAfter?: string;
  /** The lexical resolution, repo-relative; `../…` when it leaves the repository. */
  outside?: string;
}

/** A link's new target: absolute in-repository targets stay absolute, relative ones are recomputed from the link's new folder. */
function newTarget(target: string, c: TargetContext): string {
  const dirAfter = c.dirAfter === '.' ? '' : c.dirAfter;
  if (c.absolute)
    return c.root !== undefined && c.sourceAfter !== undefined
      ? c.sourceAfter
        ? `${c.root}/${c.sourceAfter}`
        : c.root
      : target;
  const destination = c.sourceAfter ?? c.outside!;
  // the old text still reaches the new source from the new place (both moved together): keep it
  if (posix.normalize(posix.join(dirAfter, target)) === destination) return target;
  const trailing = target.endsWith('/') ? '/' : '';
  return (posix.relative(dirAfter || '.', destination || '.') || '.') + trailing;
}

function planManifest(
  repo: RepoIndex,
  manifest: string,
  moved: (p: string) => string | undefined,
  around: (p: string) => boolean,
  taken: Set<string>,
  plan: LinkPlan,
): void {
  const text = repo.read(manifest);
  if (text === undefined) return;
  const dir = posix.dirname(manifest) === '.' ? '' : posix.dirname(manifest);
  let changed = false;
  // edit each entry's object in place: the rest of the file (order, spacing, other keys) stays as it is
  const edited = text.replace(/\{[^{}]*"from"[^{}]*\}/g, (object) => {
    let entry: { from?: unknown; to?: unknown };
    try {
      entry = JSON.parse(object);
    } catch {
      return object;
    }
    if (typeof entry.from !== 'string' || typeof entry.to !== 'string') return object;
    const from = posix.normalize(entry.from).replace(/\/+$/, '');
    const fromAfter = moved(from);
    let to = entry.to;
    if (around(from)) plan.touched.add(dir);
    if (fromAfter && (from === to || from.endsWith(`/${to}`))) {
      const prefix = from.slice(0, from.length - to.length);
      const mirrored = fromAfter.startsWith(prefix) ? fromAfter.slice(prefix.length) : undefined;
      if (mirrored && !taken.has(joinRel(dir, mirrored)) && !repo.existsOnDisk(joinRel(dir, mirrored))) to = mirrored;
    }
    plan.providers.push({
      packageDir: dir,
      rel: entry.to,
      relAfter: to,
      source: from,
      sourceAfter: fromAfter ?? from,
      retargeted: Boolean(fromAfter),
      manifest,
      entryTo: entry.to,
    });
    if (!fromAfter) return object;
    changed = true;
    taken.add(joinRel(dir, to));
    return object
      .replace(/("from"\s*:\s*)"(?:[^"\\]|\\.)*"/, `$1${JSON.stringify(fromAfter)}`)
      .replace(/("to"\s*:\s*)"(?:[^"\\]|\\.)*"/, `$1${JSON.stringify(to)}`);
  });
  if (changed) plan.manifests.set(manifest, edited);
}

function realRoot(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}

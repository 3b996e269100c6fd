// What happens to each link: copied, turned into a bundle entry, removed when broken, or
// reported and left alone (broken, escaping, cyclic, or holding such a link inside).
import { readFileSync } from 'node:fs';
import type { BundleEntry } from '../../lib/deploy/manifest.js';
import { joinRel, packageDirFor, relativeTo } from '../../lib/deploy/package-dir.js';
import { hashTree, loadTree, treeProblemText, type TreeReader } from '../../lib/deploy/tree.js';
import { specialFileType } from '../../lib/engine/containment.js';
import type { RepoIndex } from '../../lib/repo/repo-index.js';
import type { LinkInfo } from '../../lib/repo/symlinks.js';
import type { FileChange, FileState } from '../../lib/engine/types.js';
import type { ManifestBook } from './manifests.js';
import type { ReplaceSymlinksOptions } from './options.js';
import { cycleText, emit, suggestionText, viaText, type LinkListing, type Report } from './report.js';

export interface LinkRun {
  repo: RepoIndex;
  reader: TreeReader;
  options: ReplaceSymlinksOptions;
  report: Report;
  book: ManifestBook;
}

const linkState = (link: LinkInfo): FileState => ({ kind: 'symlink', target: link.target });

/** Decide and plan one link; returns its listing for the summary and --json. */
export function planLink(link: LinkInfo, run: LinkRun): LinkListing {
  const { options, report } = run;
  const listing: LinkListing = {
    path: link.path,
    kind: link.kind,
    chain: link.hops.length > 1,
    target: link.target,
    action: 'left',
  };
  if (link.resolved) listing.resolved = link.resolved;
  if (link.missing) listing.missing = link.missing;
  switch (link.kind) {
    case 'broken': {
      const values = {
        target: link.target,
        missing: link.missing ?? link.target,
        suggestion: suggestionText(link.suggestion && run.reader.resolver.display(link.suggestion)),
      };
      if (options.removeBroken) {
        // broken link ➔ nothing: deleted in the diff, the rest of the repository untouched
        run.book.add(packageDirFor(run.repo, link.path), [{ path: link.path, before: linkState(link), after: null }]);
        emit(report, 'info', 'removed-broken', link.path, values);
        listing.action = 'removed';
      } else {
        emit(report, 'error', 'broken-link', link.path, values);
      }
      return listing;
    }
    case 'cyclic':
      emit(report, 'error', 'cyclic-link', link.path, { cycle: cycleText(link) });
      return listing;
    case 'escaping':
      if (!options.allowOutside) {
        emit(report, 'error', 'escaping-link', link.path, { path: link.path, resolved: link.resolved! });
        return listing;
      }
      if (options.mode === 'bundle') {
        emit(report, 'error', 'outside-entry', link.path, { resolved: link.resolved! });
        return listing;
      }
      break;
    default:
      emit(report, 'info', 'link', link.path, {
        kind: link.kind,
        resolved: link.resolved!,
        target: link.target,
        via: viaText(link),
      });
  }
  const special =
    options.mode && !link.targetIsDirectory && link.kind !== 'directory'
      ? specialFileType(link.resolvedAbs!)
      : undefined;
  if (special) {
    // a link to a FIFO, socket or device: reading it could block forever, and it is not "ignored"
    emit(report, 'error', 'not-regular-target', link.path, { resolved: link.resolved!, type: special });
    return listing;
  }
  if (options.mode && link.kind === 'file' && !run.repo.hasFile(link.resolved!)) {
    // a link to a git-ignored file (a local .env, a generated secret) must not become a committed copy
    emit(report, 'error', 'ignored-target', link.path, { resolved: link.resolved! });
    return listing;
  }
  if (options.mode === 'copy') {
    if (planCopy(link, run)) listing.action = 'copied';
  } else if (options.mode === 'bundle') {
    if (planBundleEntry(link, run)) listing.action = 'bundled';
  } else {
    listing.action = 'listed';
  }
  return listing;
}

/** Read what a directory link points to; reports and returns undefined when it cannot be copied whole. */
function readTarget(link: LinkInfo, run: LinkRun) {
  const { reader, report, options } = run;
  const resolvedAbs = link.resolvedAbs!;
  if (reader.resolver.inside(resolvedAbs) && !reader.discovered(resolvedAbs)) {
    emit(report, 'error', 'ignored-target', link.path, { resolved: link.resolved! });
    return undefined;
  }
  const tree = reader.read(resolvedAbs, { allowOutside: options.allowOutside, skipBroken: options.removeBroken });
  const problem = tree.problems[0];
  if (problem) {
    const more =
      tree.problems.length > 1
        ? `; ${tree.problems.length - 1} more such link${tree.problems.length > 2 ? 's' : ''}`
        : '';
    const nested = problem.link;
    if (problem.special || problem.unreadable || problem.ignored || !nested) {
      // a FIFO, socket or device, an unlistable folder, or a link to ignored content inside the target
      const what = problem.special
        ? `not a regular file (${problem.special}), which is never opened`
        : problem.unreadable
          ? `a folder that cannot be read (${problem.unreadable})`
          : treeProblemText(problem).replace(/; commit it or remove the link$/, '');
      emit(report, 'error', 'nested-uncopyable', link.path, {
        resolved: link.resolved!,
        nested: nested?.path ?? joinRel(link.resolved!, problem.rel),
        what: what + more,
      });
      return undefined;
    }
    const detail =
      nested.kind === 'broken'
        ? `target '${nested.target}' is missing`
        : nested.kind === 'cyclic'
          ? `it loops: ${cycleText(nested)}`
          : `it resolves to '${nested.resolved}'`;
    const what =
      nested.kind === 'broken'
        ? 'the broken link'
        : nested.kind === 'cyclic'
          ? 'the looping link'
          : 'the link outside the repository';
    emit(report, 'error', 'nested-problem', link.path, {
      resolved: link.resolved!,
      problem: what,
      nested: nested.path,
      detail: detail + more,
    });
    return undefined;
  }
  if (tree.files.length === 0) {
    emit(report, 'warning', 'empty-target', link.path, { resolved: link.resolved! });
    return undefined;
  }
  return tree;
}

/** The link becomes real files: a file link changes type, a directory link is deleted and its tree added. */
function planCopy(link: LinkInfo, run: LinkRun): boolean {
  const pkg = packageDirFor(run.repo, link.path);
  const outside = link.kind === 'escaping';
  const isDirectory = link.kind === 'directory' || (outside && link.targetIsDirectory);
  let changes: FileChange[];
  let hash: string;
  if (isDirectory) {
    const tree = readTarget(link, run);
    if (!tree) return false;
    const loaded = loadTree(tree.files);
    hash = hashTree(loaded);
    // fn_a/shared -> ../shared ➔ fn_a/shared/config.py, fn_a/shared/db.py, … (the link deleted)
    changes = [
      { path: link.path, before: linkState(link), after: null },
      ...loaded.map((f): FileChange => ({
        path: `${link.path}/${f.rel}`,
        before: null,
        after: { kind: 'file', bytes: f.bytes, executable: f.executable },
      })),
    ];
  } else {
    const bytes = readFileSync(link.resolvedAbs!);
    const executable = link.executable ?? false;
    hash = hashTree([{ rel: '', executable, bytes }]);
    // fn_a/config.py -> ../shared/config.py ➔ fn_a/config.py with the target's bytes and mode
    changes = [{ path: link.path, before: linkState(link), after: { kind: 'file', bytes, executable } }];
  }
  if (outside) {
    emit(run.report, 'warning', 'outside-copied', link.path, { resolved: link.resolved! });
    run.book.add(pkg, changes);
  } else {
    const entry: BundleEntry = { from: link.resolved!, to: relativeTo(pkg, link.path), copied: true, hash };
    run.book.add(pkg, changes, entry);
  }
  return true;
}

/** The link is removed and recorded as `{from, to}` in its package's manifest. */
function planBundleEntry(link: LinkInfo, run: LinkRun): boolean {
  if (link.kind === 'directory' && !readTarget(link, run)) return false;
  const pkg = packageDirFor(run.repo, link.path);
  // fn_a/shared -> ../shared ➔ (link removed) + { "from": "shared", "to": "shared" }
  run.book.add(pkg, [{ path: link.path, before: linkState(link), after: null }], {
    from: link.resolved!,
    to: relativeTo(pkg, link.path),
  });
  return true;
}

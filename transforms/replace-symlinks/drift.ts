// Drift: recorded copies (`"copied": true` manifest entries) compared with their source, and
// refreshed with --sync; bundle entries whose source is gone are reported on the way.
import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { lineOfEntry, parseManifest, type BundleEntry } from '../../lib/deploy/manifest.js';
import { joinRel } from '../../lib/deploy/package-dir.js';
import { hashTree, isExecutable, loadTree, MANIFEST_NAME, type TreeReader } from '../../lib/deploy/tree.js';
import type { RepoIndex } from '../../lib/repo/repo-index.js';
import { isUnder, nearestSibling } from '../../lib/repo/symlinks.js';
import { shortList } from '../../lib/text/short-list.js';
import type { FileChange } from '../../lib/engine/types.js';
import type { ManifestBook } from './manifests.js';
import type { ReplaceSymlinksOptions } from './options.js';
import { emit, suggestionText, type Report } from './report.js';
import { byOrdinalKey } from '../../lib/order.js';

type Loaded = { rel: string; executable: boolean; bytes: Buffer }[];

export interface DriftRun {
  repo: RepoIndex;
  reader: TreeReader;
  options: ReplaceSymlinksOptions;
  report: Report;
  book: ManifestBook;
  paths: readonly string[];
}

/** Check every manifest under the run's paths. */
export function checkManifests(run: DriftRun): void {
  const manifests = run.repo.files.filter(
    (f) =>
      (f === MANIFEST_NAME || f.endsWith(`/${MANIFEST_NAME}`)) &&
      (run.paths.length === 0 || run.paths.some((p) => isUnder(f, p))),
  );
  for (const manifestPath of manifests) {
    const text = run.repo.read(manifestPath);
    if (text === undefined) continue;
    const dir = path.posix.dirname(manifestPath) === '.' ? '' : path.posix.dirname(manifestPath);
    let entries: BundleEntry[];
    try {
      entries = parseManifest(text).entries;
    } catch (error) {
      emit(run.report, 'error', 'invalid-manifest', manifestPath, {
        manifest: manifestPath,
        reason: (error as Error).message,
      });
      continue;
    }
    for (const entry of entries) {
      const line = lineOfEntry(text, entry.to);
      if (entry.copied) checkCopy(run, dir, manifestPath, entry, line);
      else checkEntrySource(run, manifestPath, entry, line);
    }
  }
}

/** Real path of a repo-relative path (links followed), or undefined when it does not resolve. */
function realOf(repo: RepoIndex, rel: string): string | undefined {
  try {
    return realpathSync(repo.absolute(rel));
  } catch {
    return undefined;
  }
}

function checkEntrySource(run: DriftRun, manifestPath: string, entry: BundleEntry, line: number): void {
  if (realOf(run.repo, entry.from) !== undefined) return;
  const suggestion = nearestSibling(run.repo.absolute(entry.from));
  emit(
    run.report,
    'error',
    'broken-entry',
    manifestPath,
    {
      to: entry.to,
      from: entry.from,
      suggestion: suggestionText(suggestion && run.reader.resolver.display(suggestion)),
    },
    line,
  );
}

/** The files of a source or copy: a directory's tree, or one file named ''. */
function filesOf(run: DriftRun, realAbs: string): Loaded {
  if (statSync(realAbs).isDirectory()) return loadTree(run.reader.read(realAbs, { skipBroken: true }).files);
  return [{ rel: '', executable: isExecutable(realAbs), bytes: readFileSync(realAbs) }];
}

function checkCopy(run: DriftRun, dir: string, manifestPath: string, entry: BundleEntry, line: number): void {
  const copyPath = joinRel(dir, entry.to);
  const sourceAbs = realOf(run.repo, entry.from);
  if (!sourceAbs) {
    emit(run.report, 'warning', 'source-missing', copyPath, { from: entry.from });
    return;
  }
  let copyStat;
  try {
    copyStat = lstatSync(run.repo.absolute(copyPath));
  } catch {
    emit(run.report, 'warning', 'copy-missing', manifestPath, { from: entry.from, to: entry.to }, line);
    return;
  }
  // a link again: the next replace-symlinks run turns it into a copy; nothing to compare
  if (copyStat.isSymbolicLink()) return;
  const source = filesOf(run, sourceAbs);
  const copy = filesOf(run, run.repo.absolute(copyPath));
  const sourceHash = hashTree(source);
  const copyHash = hashTree(copy);
  if (sourceHash === copyHash) {
    if (run.options.sync && entry.hash !== sourceHash) run.book.add(dir, [], { ...entry, hash: sourceHash });
    return;
  }
  const changes = syncChanges(copyPath, source, copy);
  const differing = changes.map((c) => c.path);
  if (!run.options.sync) {
    const how =
      entry.hash === copyHash
        ? 'the source changed since it was copied'
        : entry.hash === sourceHash
          ? 'the copy was edited'
          : entry.hash
            ? 'both the source and the copy changed'
            : 'they differ';
    emit(run.report, 'error', 'drift', copyPath, {
      from: entry.from,
      how,
      count: differing.length,
      files: shortList(differing),
    });
    return;
  }
  if (entry.hash !== copyHash)
    emit(run.report, 'warning', 'sync-overwrites-edits', copyPath, { from: entry.from, files: shortList(differing) });
  // a drifted copy ➔ the source's bytes and modes again, with the new hash recorded
  run.book.add(dir, changes, { ...entry, hash: sourceHash });
}

/** Changes that turn the copy's files into the source's. */
function syncChanges(copyPath: string, source: Loaded, copy: Loaded): FileChange[] {
  const at = (rel: string) => (rel ? `${copyPath}/${rel}` : copyPath);
  const copyByRel = new Map(copy.map((f) => [f.rel, f]));
  const sourceRels = new Set(source.map((f) => f.rel));
  const changes: FileChange[] = [];
  for (const file of source) {
    const old = copyByRel.get(file.rel);
    if (old && old.bytes.equals(file.bytes) && old.executable === file.executable) continue;
    changes.push({
      path: at(file.rel),
      before: old ? { kind: 'file', bytes: old.bytes, executable: old.executable } : null,
      after: { kind: 'file', bytes: file.bytes, executable: file.executable },
    });
  }
  for (const old of copy) {
    if (!sourceRels.has(old.rel))
      changes.push({
        path: at(old.rel),
        before: { kind: 'file', bytes: old.bytes, executable: old.executable },
        after: null,
      });
  }
  return changes.sort(byOrdinalKey((x) => x.path));
}

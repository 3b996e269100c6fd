// What a move does to folders: new folders become regular Python packages when the module came
// from regular packages, and a moved folder takes its git-ignored files along, as `git mv` does.
import { lstatSync, readdirSync, readlinkSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RepoIndex } from '../../lib/repo/repo-index.js';
import type { FileChange, FileState } from '../../lib/engine/types.js';
import type { RuleSet } from './rules.js';

const posix = path.posix;
const parentOf = (p: string) => (posix.dirname(p) === '.' ? '' : posix.dirname(p));

/**
 * An empty `__init__.py` for every folder a Python move creates, when the folder the module (or
 * moved package) came from was a regular package; a namespace package's move creates none.
 * @example shared/utils/bq.py ➔ shared/gcp/bq.py, shared/utils/__init__.py exists: creates shared/gcp/__init__.py
 */
export function planPackageInits(repo: RepoIndex, set: RuleSet, moves: readonly FileChange[]): FileChange[] {
  const created = new Set<string>();
  const exists = (dir: string) =>
    dir === '' || repo.isDirectory(dir) || repo.files.some((f) => f.startsWith(`${dir}/`));
  for (const rule of set.paths) {
    if (!rule.oldExists) continue;
    const movesPython = moves.some(
      (c) =>
        c.renamedFrom &&
        /\.pyi?$/.test(c.path) &&
        (c.renamedFrom === rule.from || c.renamedFrom.startsWith(`${rule.from}/`)),
    );
    if (!movesPython) continue;
    const oldParent = parentOf(rule.from);
    if (oldParent === '' || !repo.hasFile(`${oldParent}/__init__.py`)) continue;
    for (let dir = parentOf(rule.to); dir !== '' && !exists(dir); dir = parentOf(dir))
      created.add(`${dir}/__init__.py`);
  }
  const empty: FileState = { kind: 'file', bytes: Buffer.alloc(0), executable: false };
  return [...created].sort().map((file) => ({ path: file, before: null, after: empty }));
}

/**
 * Renames for the files under moved folders that discovery does not list (git-ignored ones):
 * `git mv` renames the folder, so they go along. One that would land on something is left in place.
 */
export function planIgnoredFiles(
  repo: RepoIndex,
  set: RuleSet,
  taken: Set<string>,
): { changes: FileChange[]; left: string[] } {
  const known = new Set([...repo.files, ...repo.symlinks.map((l) => l.path)]);
  const changes: FileChange[] = [];
  const left: string[] = [];
  for (const rule of set.paths) {
    if (!rule.oldExists || rule.isFile || !repo.isDirectory(rule.from)) continue;
    for (const file of walk(repo, rule.from)) {
      if (known.has(file.path)) continue;
      const destination = rule.to + file.path.slice(rule.from.length);
      if (taken.has(destination) || repo.existsOnDisk(destination)) {
        left.push(file.path);
        continue;
      }
      taken.add(destination);
      changes.push({ path: destination, before: file.state, after: file.state, renamedFrom: file.path });
    }
  }
  return { changes, left };
}

function* walk(repo: RepoIndex, dir: string): Generator<{ path: string; state: FileState }> {
  let names: string[];
  try {
    names = readdirSync(repo.absolute(dir)).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const rel = `${dir}/${name}`;
    const abs = repo.absolute(rel);
    const stat = lstatSync(abs);
    if (stat.isSymbolicLink()) yield { path: rel, state: { kind: 'symlink', target: readlinkSync(abs) } };
    else if (stat.isDirectory()) {
      // a nested repository is its own business, as it is git's
      if (name !== '.git') yield* walk(repo, rel);
    } else if (stat.isFile())
      yield { path: rel, state: { kind: 'file', bytes: readFileSync(abs), executable: (stat.mode & 0o111) !== 0 } };
  }
}

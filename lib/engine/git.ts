// The few facts repomod asks git: where the work tree starts, and which files have uncommitted
// changes. A git that refuses to answer (a corrupt index, "dubious ownership" in a container)
// is never taken to mean "nothing uncommitted": the caller refuses instead.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
}

/** Repo-relative paths git tracks at or under `rel` (none outside a work tree). */
export function trackedUnder(root: string, rel: string): string[] {
  return (git(root, ['ls-files', '-z', '--', `:(literal)${rel || '.'}`]) ?? '').split('\0').filter(Boolean);
}

/** How git sees an existing path: 'tracked', 'git-ignored' or 'untracked'. */
export function gitStateOf(root: string, rel: string): 'tracked' | 'git-ignored' | 'untracked' {
  if (git(root, ['ls-files', '--error-unmatch', '--', `:(literal)${rel}`]) !== undefined) return 'tracked';
  return git(root, ['check-ignore', '-q', '--no-index', '--', rel]) !== undefined ? 'git-ignored' : 'untracked';
}

/** Run git without blocking the event loop (a Ctrl-C during a long `git status` is seen at once). */
export function gitAsync(
  cwd: string,
  args: string[],
  signal?: AbortSignal,
): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, signal }, (error, stdout, stderr) => {
      // an abort kills git and ends the run: it is not git's answer
      if (signal?.aborted) return reject(signal.reason);
      resolve({
        ok: !error,
        stdout: String(stdout ?? ''),
        stderr: String(stderr ?? '') || String(error?.message ?? ''),
      });
    });
  });
}

/**
 * The git top-level of `cwd`, or undefined outside a work tree. When git refuses to answer but a
 * `.git` is there (another user's checkout), that folder is still the root: paths stay repository-relative.
 */
export function gitTopLevel(cwd: string): string | undefined {
  const known = topLevels.get(cwd);
  if (known) return known;
  const out = git(cwd, ['rev-parse', '--show-toplevel']);
  if (out) {
    // one run asks several times (config, cache, engine); each answer costs a process
    const top = path.resolve(out.trim());
    topLevels.set(cwd, top);
    return top;
  }
  return enclosingDotGit(cwd);
}

const topLevels = new Map<string, string>();

/** The nearest folder at or above `dir` that holds a `.git`. */
export function enclosingDotGit(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (existsSync(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

/**
 * Repo-relative paths among `paths` with uncommitted changes (staged, unstaged or untracked),
 * looking into nested repositories too. Untracked files count: overwriting one would lose work
 * that git cannot bring back.
 * @returns the dirty paths, or git's own complaint when it could not tell
 */
export async function uncommittedPaths(
  root: string,
  paths: readonly string[],
  signal?: AbortSignal,
): Promise<{ dirty: string[]; failure?: string }> {
  const dirty: string[] = [];
  const rootIsRepository = existsSync(path.join(root, '.git'));
  for (const [repoDir, members] of groupByRepository(root, paths)) {
    if (repoDir === '' && !rootIsRepository) continue;
    const prefix = repoDir ? `${repoDir}/` : '';
    const wanted = new Set(members.map((p) => p.slice(prefix.length)));
    // batch the pathspecs so a huge change list does not overflow the command line
    for (let i = 0; i < members.length; i += 1000) {
      const specs = members.slice(i, i + 1000).map((p) => `:(literal)${p.slice(prefix.length)}`);
      const result = await gitAsync(
        path.join(root, repoDir),
        ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignore-submodules=none', '--', ...specs],
        signal,
      );
      if (!result.ok)
        return { dirty, failure: `${repoDir ? `in ${repoDir}: ` : ''}${result.stderr.trim().split('\n')[0]}` };
      const entries = result.stdout.split('\0');
      for (let k = 0; k < entries.length; k++) {
        const entry = entries[k];
        if (entry.length < 4) continue;
        const status = entry.slice(0, 2);
        const file = entry.slice(3);
        if (status[0] === 'R' || status[0] === 'C') k++; // the next entry is the rename's source
        if (wanted.has(file)) dirty.push(prefix + file);
      }
    }
  }
  return { dirty: dirty.sort() };
}

/** Paths grouped by the innermost repository holding them ('' is `root` itself). */
function groupByRepository(root: string, paths: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  const isRepo = new Map<string, boolean>();
  const holds = (dir: string) => {
    let known = isRepo.get(dir);
    if (known === undefined) isRepo.set(dir, (known = existsSync(path.join(root, dir, '.git'))));
    return known;
  };
  for (const rel of paths) {
    let owner = '';
    const parts = rel.split('/');
    for (let n = parts.length - 1; n >= 1; n--) {
      const dir = parts.slice(0, n).join('/');
      if (holds(dir)) {
        owner = dir;
        break;
      }
    }
    const group = groups.get(owner) ?? [];
    group.push(rel);
    groups.set(owner, group);
  }
  return groups;
}

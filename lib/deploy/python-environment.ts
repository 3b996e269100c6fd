// The Python environment a package is installed into, asked once (one subprocess, importlib.metadata)
// which installed distribution provides each imported module and what each declared requirement
// pulls in, so the dependency check reports only what is really missing.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../engine/errors.js';
import { gitStateOf } from '../engine/git.js';

export interface EnvironmentFacts {
  /** The interpreter asked, as given or found (repo-relative when found at the root). */
  python: string;
  version: string;
  /** Imported module ➔ the installed distributions (normalised) whose files provide it. */
  providers: Record<string, string[]>;
  /** Installed distribution (normalised) ➔ the declared requirement that pulls it in. */
  reachable: Record<string, string>;
  /** Every installed distribution (normalised). */
  installed: string[];
}

/** What went wrong asking an environment: the check then falls back to the built-in table. */
export interface EnvironmentProblem {
  python: string;
  reason: string;
}

/** Virtual environments looked for at the repository root, in order. */
const ROOT_VENVS = ['.venv', 'venv'];

/**
 * The interpreter to ask: `given` (--python, relative to the working directory), else
 * `.venv/bin/python` or `venv/bin/python` at the root. Only a real venv folder of the checkout
 * (not a link, with its pyvenv.cfg, its interpreter not committed) is run unasked: a branch from a
 * fork must not choose a program for repomod to execute.
 */
export function findPython(repoRoot: string, given?: string): { abs: string; shown: string } | undefined {
  if (given) {
    const abs = path.resolve(given);
    if (!existsSync(abs))
      throw new UsageError(
        `--python '${given}' does not exist`,
        'give a Python interpreter, e.g. --python .venv/bin/python',
      );
    return { abs, shown: given };
  }
  for (const venv of ROOT_VENVS) {
    const dir = path.join(repoRoot, venv);
    const python = path.join(dir, 'bin', 'python');
    try {
      if (!lstatSync(dir).isDirectory() || !existsSync(path.join(dir, 'pyvenv.cfg')) || !existsSync(python)) continue;
    } catch {
      continue;
    }
    if (gitStateOf(repoRoot, `${venv}/bin/python`) === 'tracked') continue;
    return { abs: python, shown: `${venv}/bin/python` };
  }
  return undefined;
}

// Reads files lists (RECORD), never imports a package: asking must not run the package's code.
const QUERY = String.raw`
import json, re, sys
from importlib import metadata
query = json.load(sys.stdin)
norm = lambda n: re.sub(r'[-_.]+', '-', n).lower()
dists, modules = {}, {}
for d in metadata.distributions():
    name = d.metadata['Name']
    if not name or norm(name) in dists:
        continue  # the first on sys.path is the one imported
    n = norm(name)
    dists[n] = d
    files = d.files
    if files is None:
        for top in (d.read_text('top_level.txt') or '').split():
            modules.setdefault(top, set()).add(n)
        continue
    for f in files:
        parts = f.parts
        if not parts or parts[0] == '..' or parts[0].endswith(('.dist-info', '.egg-info', '.data')):
            continue
        leaf = parts[-1]
        if leaf.endswith('.py'):
            stem = leaf[:-3]
        elif leaf.endswith(('.so', '.pyd')):
            stem = leaf.split('.')[0]
        else:
            continue
        names = list(parts[:-1]) + ([] if stem == '__init__' else [stem])
        for i in range(1, len(names) + 1):
            modules.setdefault('.'.join(names[:i]), set()).add(n)

def provider(module):
    parts = module.split('.')
    for i in range(len(parts), 0, -1):
        found = modules.get('.'.join(parts[:i]))
        if found:
            return sorted(found)
    return []

def requirements(n, extras):
    out = []
    for spec in dists[n].requires or []:
        m = re.match(r'\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?', spec)
        if not m:
            continue
        marker = spec.split(';', 1)[1] if ';' in spec else ''
        wanted = re.findall(r'extra\s*==\s*["\']([^"\']+)["\']', marker)
        if wanted and not any(norm(e) in extras for e in wanted):
            continue
        sub = frozenset(norm(x) for x in (m.group(2) or '[]')[1:-1].split(',') if x.strip())
        out.append((norm(m.group(1)), sub))
    return out

reachable, seen = {}, set()
queue = [(norm(n), frozenset(norm(e) for e in extras), norm(n)) for n, extras in sorted(query['declared'].items())]
while queue:
    n, extras, root = queue.pop(0)
    if (n, extras) in seen or n not in dists:
        continue
    seen.add((n, extras))
    reachable.setdefault(n, root)
    queue.extend((dep, sub, root) for dep, sub in requirements(n, extras))

print(json.dumps({
    'version': '.'.join(map(str, sys.version_info[:3])),
    'providers': {m: provider(m) for m in query['modules']},
    'reachable': reachable,
    'installed': sorted(dists),
}))
`;

/**
 * Ask `python` (one process, isolated mode) about `modules` and the `declared` requirements
 * (normalised name ➔ extras). A problem, never a throw, when it cannot answer.
 */
export function askEnvironment(
  python: { abs: string; shown: string },
  modules: readonly string[],
  declared: ReadonlyMap<string, readonly string[]>,
): EnvironmentFacts | EnvironmentProblem {
  const input = JSON.stringify({ modules, declared: Object.fromEntries(declared) });
  const run = spawnSync(python.abs, ['-I', '-c', QUERY], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) return { python: python.shown, reason: run.error.message };
  if (run.status !== 0)
    return { python: python.shown, reason: (run.stderr.trim().split('\n').pop() ?? '') || `exit code ${run.status}` };
  try {
    return { python: python.shown, ...(JSON.parse(run.stdout) as Omit<EnvironmentFacts, 'python'>) };
  } catch {
    return { python: python.shown, reason: 'it printed no JSON' };
  }
}

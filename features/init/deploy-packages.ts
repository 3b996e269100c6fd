// Deploy packages: folders a platform uploads as they are (a Cloud Function's main.py beside its
// requirements.txt, a package.json function), and folders holding links into the rest of the
// repository (what a deploy step that does not follow links breaks on).
import path from 'node:path';
import type { RepoIndex } from '../../lib/repo/repo-index.js';
import { dig, tableAt } from '../../lib/dig.js';

export interface DeployPackage {
  /** Repo-relative folder. */
  path: string;
  kind: 'python-function' | 'node-function' | 'linked-folder';
  /** The file the platform runs (repo-relative), when the layout names one. */
  entry?: string;
  /** Links inside the folder whose targets lie outside it (into the rest of the repository). */
  links: number;
}

/** Runtimes that make a package.json a deployable function. */
const FUNCTION_RUNTIMES = ['@google-cloud/functions-framework', 'firebase-functions', '@azure/functions'];

export function deployPackages(repo: RepoIndex): DeployPackage[] {
  const packages = new Map<string, DeployPackage>();
  const has = (file: string) => repo.hasFile(file);
  for (const file of repo.files) {
    const dir = path.posix.dirname(file);
    const base = path.posix.basename(file);
    if (base === 'main.py' && has(join(dir, 'requirements.txt')))
      packages.set(dir, { path: dir, kind: 'python-function', entry: file, links: 0 });
    if (base === 'package.json' && dir !== '.') {
      const manifest = parseJson(repo.read(file));
      const dependencies = { ...tableAt(manifest, 'dependencies'), ...tableAt(manifest, 'devDependencies') };
      if (FUNCTION_RUNTIMES.some((name) => name in dependencies)) {
        const declared = dig(manifest, 'main');
        const main = typeof declared === 'string' ? path.posix.normalize(join(dir, declared)) : undefined;
        packages.set(dir, { path: dir, kind: 'node-function', entry: main && has(main) ? main : undefined, links: 0 });
      }
    }
  }
  for (const link of repo.symlinks) {
    const holder = path.posix.dirname(link.path);
    const resolved = path.posix.normalize(path.posix.join(holder, link.target));
    if (path.posix.isAbsolute(link.target) || resolved.startsWith('..')) continue; // escaping links are replace-symlinks' findings
    const owner = [...packages.keys()].find((dir) => isWithin(link.path, dir));
    const folder = owner ?? topHolder(link.path, resolved);
    if (folder === undefined) continue;
    if (!packages.has(folder)) packages.set(folder, { path: folder, kind: 'linked-folder', links: 0 });
    const pkg = packages.get(folder)!;
    if (!isWithin(resolved, folder)) pkg.links++;
  }
  return [...packages.values()]
    .filter((p) => p.kind !== 'linked-folder' || p.links > 0)
    .sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The folder a link into the repository belongs to: where the link mirrors its target's path
 * (`fn_a/shared/config.py` ➔ `shared/config.py` belongs to `fn_a`), else the folder holding it.
 */
function topHolder(linkPath: string, resolved: string): string | undefined {
  if (linkPath.endsWith(`/${resolved}`)) return linkPath.slice(0, -resolved.length - 1);
  const holder = path.posix.dirname(linkPath);
  return holder === '.' ? undefined : holder;
}

const join = (dir: string, name: string) => (dir === '.' || dir === '' ? name : `${dir}/${name}`);
const isWithin = (file: string, dir: string) => dir === '' || dir === '.' || file === dir || file.startsWith(`${dir}/`);

function parseJson(text: string | undefined): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

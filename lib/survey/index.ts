// What a repository holds, for `repomod init`: its languages, Python source roots, tsconfig files
// and their path aliases, deploy packages and links. Reads files; writes and prints nothing.
import path from 'node:path';
import { discoverRepository } from '../discover.js';
import { readAliases } from '../js/resolve.js';
import { RepoIndex } from '../repo/repo-index.js';
import { deployPackages, type DeployPackage } from './deploy-packages.js';
import { pythonSourceRoots, type SourceRoot } from './python-roots.js';

export type { DeployPackage, SourceRoot };

export interface Survey {
  root: string;
  /** Source files per language, most first. */
  languages: { name: string; files: number; extensions: string[] }[];
  /** Every extension with a file (without the dot). */
  extensions: Set<string>;
  pythonRoots: SourceRoot[];
  tsconfigs: { path: string; paths: { key: string; targets: string[] }[] }[];
  deployPackages: DeployPackage[];
  symlinks: number;
  /** The root's pyproject.toml (repo-relative), when there is one. */
  pyproject?: string;
}

const LANGUAGES: { name: string; extensions: string[] }[] = [
  { name: 'Python', extensions: ['py', 'pyi'] },
  { name: 'TypeScript', extensions: ['ts', 'tsx', 'mts', 'cts'] },
  { name: 'JavaScript', extensions: ['js', 'jsx', 'mjs', 'cjs'] },
];

export function surveyRepository(root: string): Survey {
  const discovery = discoverRepository({ root });
  const repo = new RepoIndex({ root, files: discovery.files, symlinks: discovery.symlinks });
  const extensions = new Set(repo.files.map((f) => path.posix.extname(f).slice(1)).filter(Boolean));
  const languages = LANGUAGES.map((l) => ({ ...l, files: repo.files.filter((f) => l.extensions.includes(path.posix.extname(f).slice(1)) && !f.endsWith('.d.ts')).length }))
    .filter((l) => l.files > 0)
    .sort((a, b) => b.files - a.files);
  const tsconfigs = repo.files
    .filter((f) => /^tsconfig(\..+)?\.json$/.test(path.posix.basename(f)))
    .map((config) => ({ path: config, paths: readAliases(repo, config)?.paths ?? [] }));
  return {
    root,
    languages,
    extensions,
    pythonRoots: languages.some((l) => l.name === 'Python') ? pythonSourceRoots(repo) : [],
    tsconfigs,
    deployPackages: deployPackages(repo),
    symlinks: repo.symlinks.length,
    pyproject: repo.hasFile('pyproject.toml') ? 'pyproject.toml' : undefined,
  };
}

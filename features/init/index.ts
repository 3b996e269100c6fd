// What a repository holds, for `repomod init`: its languages, Python source roots, tsconfig files
// and their path aliases, deploy packages and links. Reads files; writes and prints nothing.
import path from 'node:path';
import { discoverRepository } from '../../lib/engine/discover.js';
import { readAliases } from '../../lib/js/resolve.js';
import { isTypeDeclaration, languageOf, type Language } from '../../lib/languages.js';
import { RepoIndex } from '../../lib/repo/repo-index.js';
import { deployPackages, type DeployPackage } from './deploy-packages.js';
import { pythonSourceRoots, type SourceRoot } from './python-roots.js';

export type { DeployPackage, SourceRoot };

export interface Survey {
  root: string;
  /** Source files per language, most first. */
  languages: { id: Language; name: string; files: number }[];
  pythonRoots: SourceRoot[];
  tsconfigs: { path: string; paths: { key: string; targets: string[] }[] }[];
  deployPackages: DeployPackage[];
  symlinks: number;
  /** The root's pyproject.toml (repo-relative), when there is one. */
  pyproject?: string;
}

const NAMES: Record<Language, string> = { python: 'Python', typescript: 'TypeScript', javascript: 'JavaScript' };

export function surveyRepository(root: string): Survey {
  const discovery = discoverRepository({ root });
  const repo = new RepoIndex({ root, files: discovery.files, symlinks: discovery.symlinks });
  const counts = new Map<Language, number>();
  for (const file of repo.files) {
    const language = languageOf(file);
    // declaration files are types for code elsewhere, not a language the repository is written in
    if (language && !isTypeDeclaration(file)) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  const languages = [...counts]
    .map(([id, files]) => ({ id, name: NAMES[id], files }))
    .sort((a, b) => b.files - a.files);
  const tsconfigs = repo.files
    .filter((f) => /^tsconfig(\..+)?\.json$/.test(path.posix.basename(f)))
    .map((config) => ({ path: config, paths: readAliases(repo, config)?.paths ?? [] }));
  return {
    root,
    languages,
    pythonRoots: counts.has('python') ? pythonSourceRoots(repo) : [],
    tsconfigs,
    deployPackages: deployPackages(repo),
    symlinks: repo.symlinks.length,
    pyproject: repo.hasFile('pyproject.toml') ? 'pyproject.toml' : undefined,
  };
}

// ts-morph projects for repository files: one per tsconfig.json (so `paths` and `baseUrl` apply),
// built once per run with the tsconfig's files, so one program and one checker serve every file.
import path from 'node:path';
import { Project, ts, type SourceFile } from 'ts-morph';
import type { RepoIndex } from '../../lib/repo/repo-index.js';
import { shareLibFiles } from './shared-lib-files.js';

/** The nearest `tsconfig.json` at or above a file's folder, inside the repository. */
export function nearestTsconfig(repo: RepoIndex, relPath: string): string | undefined {
  for (let dir = path.posix.dirname(relPath); ; dir = path.posix.dirname(dir)) {
    const candidate = dir === '.' || dir === '' ? 'tsconfig.json' : `${dir}/tsconfig.json`;
    if (repo.hasFile(candidate) || repo.existsOnDisk(candidate)) return candidate;
    if (dir === '.' || dir === '' || dir === '/') return undefined;
  }
}

/** The project a file belongs to, shared through `repo.memo`. */
export function tsProjectFor(repo: RepoIndex, relPath: string): Project {
  const config = nearestTsconfig(repo, relPath);
  return repo.memo(`ts-morph-project:${config ?? ''}`, () => {
    const project = newProject(repo, config);
    shareLibFiles(project);
    return project;
  });
}

/** A Project from the tsconfig when it reads, else one with defaults. */
function newProject(repo: RepoIndex, config: string | undefined): Project {
  if (config) {
    try {
      return new Project({ tsConfigFilePath: repo.absolute(config), skipFileDependencyResolution: true });
    } catch {
      // an unreadable tsconfig: fall back to defaults rather than fail every file
    }
  }
  return new Project({
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      allowJs: true,
      jsx: ts.JsxEmit.Preserve,
      skipLibCheck: true,
      noEmit: true,
    },
  });
}

/** A source file holding exactly `text` (the file being transformed), in its project. */
export function tsSourceFile(repo: RepoIndex, relPath: string, text: string): SourceFile {
  const project = tsProjectFor(repo, relPath);
  const absolute = repo.absolute(relPath);
  const existing = project.getSourceFile(absolute);
  if (existing && existing.getFullText() === text) return existing;
  return project.createSourceFile(absolute, text, { overwrite: true });
}

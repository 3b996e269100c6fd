// The per-file view a transform gets: where the file is, the repository around it, and a
// reporter that is structured under repomod and falls back to `api.report` under jscodeshift.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { API, FileInfo } from 'jscodeshift';
import type { Diagnostic, Severity } from './diagnostics.js';
import { formatDiagnostic } from './diagnostics.js';
import { positionAt } from '../text/positions.js';
import { discoverRepository } from './discover.js';
import { RepoIndex } from '../repo/repo-index.js';

/** What a run does with the new text: messages say "would remove" until it is written. */
export type RunMode = 'dry-run' | 'apply' | 'check';

/** What repomod's engine adds to jscodeshift's `api` object. Absent under the stock runner. */
export interface RepomodApi {
  repo: RepoIndex;
  report(diagnostic: Diagnostic): void;
  /** Repo-relative path of the file; `file.path` is relative to the engine's cwd, not process.cwd(). */
  relPath?: string;
  mode?: RunMode;
}

export type ApiWithRepomod = API & { repomod?: RepomodApi };

export interface Finding {
  severity: Severity;
  code: string;
  message: string;
  /** Either a string index into the file's text… */
  index?: number;
  /** …or a 1-based position. */
  line?: number;
  column?: number;
  /** The file counts as failed (see Diagnostic.fails). */
  fails?: boolean;
}

export interface TransformContext {
  repo: RepoIndex;
  /** Repo-relative `/` path of the file being transformed. */
  relPath: string;
  /** Whether this run writes what the transform returns (`apply`) or only shows it. */
  mode: RunMode;
  report(finding: Finding): void;
}

/**
 * The context for one file. Under the stock jscodeshift runner there is no engine, so the
 * repository is discovered from the file's location (git top-level) once per process, and the
 * runner's `--dry` option (passed on in the transform's options) tells whether it writes.
 */
export function contextFor(file: FileInfo, api: API, options?: { dry?: unknown }): TransformContext {
  const engine = (api as ApiWithRepomod).repomod;
  const repo = engine?.repo ?? standaloneRepoFor(file.path);
  const relPath = engine?.relPath ?? repo.relative(file.path);
  const report = (finding: Finding) => {
    const position =
      finding.index !== undefined
        ? positionAt(file.source, finding.index)
        : { line: finding.line ?? 1, column: finding.column ?? 1 };
    const diagnostic: Diagnostic = {
      path: relPath,
      ...position,
      severity: finding.severity,
      code: finding.code,
      message: finding.message,
      ...(finding.fails ? { fails: true } : {}),
    };
    if (engine) engine.report(diagnostic);
    else api.report(formatDiagnostic(diagnostic));
  };
  const mode: RunMode = engine?.mode ?? (options?.dry ? 'dry-run' : 'apply');
  return { repo, relPath, mode, report };
}

const standaloneRepos = new Map<string, RepoIndex>();

/** A RepoIndex for code running outside repomod's engine (stock jscodeshift, scripts). */
export function standaloneRepoFor(filePath: string): RepoIndex {
  const dir = path.dirname(path.resolve(filePath));
  let root: string;
  try {
    root = execFileSync('git', ['rev-parse', '--show-toplevel'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    root = process.cwd();
  }
  let repo = standaloneRepos.get(root);
  if (!repo) {
    // the engine's own walk: the same files (ignore rules, skipped folders, links recorded and
    // never followed) as a repomod run sees, so a transform answers alike under both runners
    repo = new RepoIndex({ root, ...discoverRepository({ root }) });
    standaloneRepos.set(root, repo);
  }
  return repo;
}

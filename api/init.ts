// `repomod init`: survey the repository and propose a config (`[tool.repomod]` in the root's
// pyproject.toml when it is a Python repository that has one, else repomod.config.json), plus the
// pre-commit entry and the GitHub Actions job that run it. Proposes only keys lib/engine/config.ts accepts.
import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE, findConfig } from '../lib/engine/config.js';
import { ConfigError } from '../lib/engine/errors.js';
import { gitTopLevel } from '../lib/engine/git.js';
import { languageOf } from '../lib/languages.js';
import { packageInfo } from '../lib/engine/package-info.js';
import { surveyRepository, type Survey } from '../features/init/index.js';
import type { FileChange } from '../lib/engine/types.js';
import { registry } from '../transforms/index.js';

export interface ProposedCheck {
  name: string;
  /** The options `check` runs it with (its defaults without a config). */
  options: Record<string, unknown>;
  why: string;
}

export interface InitProposal {
  survey: Survey;
  checks: ProposedCheck[];
  /** The config as data: exactly what lib/engine/config.ts reads back. */
  config: { transforms: Record<string, Record<string, unknown>> };
  /** Repo-relative file the config goes to, and the change that writes it there. */
  file: string;
  change: FileChange;
  /** `--source-root` flags for the roots repomod does not find on its own. */
  sourceRootArgs: string[];
  /** `.pre-commit-config.yaml` and `.github/workflows/repomod.yml`, as text to paste. */
  preCommit: string;
  githubJob: string;
}

/** Survey the repository holding `cwd` and propose its first config. */
export function proposeInit(cwd: string): InitProposal {
  const root = gitTopLevel(cwd) ?? path.resolve(cwd);
  const existing = findConfig(root, root);
  if (existing)
    throw new ConfigError(
      `this repository already has a config: ${path.relative(root, existing)}${existing.endsWith('.toml') ? ' ([tool.repomod])' : ''}`,
      'edit it, or remove it and run repomod init again',
    );
  const survey = surveyRepository(root);
  const checks = applicableChecks(survey);
  const config = { transforms: Object.fromEntries(checks.map((c) => [c.name, c.options])) };
  const python = survey.languages.some((l) => l.id === 'python');
  const file = python && survey.pyproject ? survey.pyproject : CONFIG_FILE;
  const change = file === CONFIG_FILE ? createJson(config) : appendToPyproject(root, file, config);
  const sourceRootArgs = survey.pythonRoots
    .filter((r) => !r.automatic)
    .flatMap((r) => ['--source-root', r.path || '.']);
  return {
    survey,
    checks,
    config,
    file,
    change,
    sourceRootArgs,
    preCommit: preCommitEntry(sourceRootArgs),
    githubJob: githubJob(survey, sourceRootArgs),
  };
}

/** Every check that needs no options and has something to look at here, with the options `check` gives it. */
function applicableChecks(survey: Survey): ProposedCheck[] {
  const checks: ProposedCheck[] = [];
  for (const { meta } of registry) {
    if (!meta.checkDefaults) continue;
    const languages = survey.languages
      .filter((l) => meta.extensions.some((e) => languageOf(`file.${e}`) === l.id))
      .map((l) => l.name);
    // a repository-level check (no per-file extensions) applies where there is something to plan over
    const links = meta.extensions.length === 0 && (survey.symlinks > 0 || survey.deployPackages.length > 0);
    if (!languages.length && !links) continue;
    const why = languages.length
      ? `${languages.join(', ')} files`
      : `${survey.symlinks} link${survey.symlinks === 1 ? '' : 's'}, ${survey.deployPackages.length} deploy package${survey.deployPackages.length === 1 ? '' : 's'}`;
    checks.push({ name: meta.name, options: { ...meta.checkDefaults }, why });
  }
  return checks;
}

const PROPOSED_BY =
  'proposed by `repomod init`: the checks `repomod check` runs (`repomod explain --list` names their codes)';

function createJson(config: InitProposal['config']): FileChange {
  return {
    path: CONFIG_FILE,
    before: null,
    after: { kind: 'file', bytes: Buffer.from(`${JSON.stringify(config, null, 2)}\n`), executable: false },
  };
}

/** pyproject.toml with a `[tool.repomod]` table added at its end, in the file's own line endings. */
function appendToPyproject(root: string, file: string, config: InitProposal['config']): FileChange {
  const abs = path.join(root, file);
  const before = readFileSync(abs);
  const text = before.toString('utf8');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const table = ['[tool.repomod]', `# ${PROPOSED_BY}`, `transforms = ${tomlValue(config.transforms)}`];
  const separator = text === '' ? '' : text.endsWith('\n') ? eol : eol + eol;
  const after = Buffer.concat([before, Buffer.from(`${separator}${table.join(eol)}${eol}`)]);
  const executable = (lstatSync(abs).mode & 0o111) !== 0;
  return {
    path: file,
    before: { kind: 'file', bytes: before, executable },
    after: { kind: 'file', bytes: after, executable },
  };
}

/** A TOML inline value: tables as `{ key = value }`, keys bare where TOML allows. */
export function tomlValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(tomlValue).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([k, v]) => `${/^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k)} = ${tomlValue(v)}`,
    );
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/** The `.pre-commit-config.yaml` entry: repomod's own hook, on the staged files. */
function preCommitEntry(sourceRootArgs: readonly string[]): string {
  const lines = [
    '# .pre-commit-config.yaml',
    'repos:',
    '  - repo: https://github.com/repomod/repomod',
    `    rev: v${packageInfo().version}`,
    '    hooks:',
    '      - id: repomod-check',
  ];
  if (sourceRootArgs.length) lines.push(`        args: [${sourceRootArgs.join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

/** A pull-request job: the gate, then each deploy package's import closure or bundle check. */
function githubJob(survey: Survey, sourceRootArgs: readonly string[]): string {
  const extra = sourceRootArgs.length ? ` ${sourceRootArgs.join(' ')}` : '';
  const lines = [
    '# .github/workflows/repomod.yml',
    'name: repomod',
    'on: pull_request',
    'jobs:',
    '  check:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: actions/setup-node@v4',
    '        with:',
    '          node-version: 20',
    '      - run: npm install --no-save repomod',
    `      - run: npx repomod check --format github${extra}`,
  ];
  for (const pkg of survey.deployPackages) {
    if (pkg.kind === 'python-function' && pkg.entry)
      lines.push(`      - run: npx repomod bundle closure ${pkg.entry}${extra}`);
    else lines.push(`      - run: npx repomod bundle check ${pkg.path}`);
  }
  return `${lines.join('\n')}\n`;
}

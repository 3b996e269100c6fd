// The README's snippets are promises: the workflow's repomod step, the pre-commit config's
// hooks and the `repomod check` session on examples/ are run here exactly as written.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT, repomodInProcess } from '../../helpers/cli.js';
import { git, initRepo, tempDir } from '../../helpers/tree.js';

const README = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

/** The fenced block of the given language whose first line is `first`. */
function block(lang: string, first: string): string {
  const found = [...README.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].find(
    (m) => m[1] === lang && m[2].startsWith(`${first}\n`),
  );
  if (!found) throw new Error(`README has no \`\`\`${lang} block starting with '${first}'`);
  return found[2];
}

/** `repomod …` as a shell would split it (the snippets use no quoting). */
function repomodArgs(command: string): string[] {
  const words = command.trim().split(/\s+/);
  const at = words.indexOf('repomod');
  expect(at, `'${command}' runs repomod`).toBeGreaterThanOrEqual(0);
  return words.slice(at + 1);
}

function stagedRepo(files: Record<string, string>): string {
  const repo = tempDir();
  initRepo(repo);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
    writeFileSync(path.join(repo, rel), text);
  }
  git(repo, 'add', '-A');
  return repo;
}

const INJECTED = 'import logging\nlogging.error("x", exc_info=True, exc_info=True)\n';

describe('README: GitHub Actions workflow', () => {
  const workflow = parse(block('yaml', '# .github/workflows/repomod.yml')) as {
    jobs: Record<string, { steps: { run?: string }[] }>;
  };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const checkStep = steps.find((s) => s.run?.includes('repomod check'));

  it('has a repomod check step in github format that annotates findings and fails the job', async () => {
    expect(checkStep?.run).toBeDefined();
    const args = repomodArgs(checkStep!.run!);
    expect(args).toContain('github');
    const repo = stagedRepo({ 'svc/log.py': INJECTED, 'svc/broken.py': 'def f(:\n    pass\n' });
    const run = await repomodInProcess(repo, args);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    for (const line of lines)
      expect(line).toMatch(/^::(error|warning|notice) file=[^,:]+,line=\d+(,col=\d+)?,title=[^:]+::.+$/);
    expect(lines.some((l) => l.startsWith('::error file=svc/broken.py,line=1,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('::error file=svc/log.py,'))).toBe(true);
  });

  it('passes on a clean repository', async () => {
    const repo = stagedRepo({ 'svc/ok.py': 'import logging\nlogging.error("x", exc_info=True)\n' });
    const run = await repomodInProcess(repo, repomodArgs(checkStep!.run!));
    expect(run.stdout).toBe('');
    expect(run.code).toBe(0);
  });
});

describe('README: pre-commit config', () => {
  interface HookDefinition {
    id: string;
    entry: string;
    pass_filenames?: boolean;
  }
  const offered = parse(readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as HookDefinition[];
  const config = parse(block('yaml', '# .pre-commit-config.yaml')) as {
    repos: { hooks: { id: string; args?: string[] }[] }[];
  };
  const used = config.repos.flatMap((r) => r.hooks);

  /** As pre-commit runs a hook: entry, then the config's args, then the staged file names. */
  async function runHook(id: string, args: string[], repo: string) {
    const hook = offered.find((h) => h.id === id);
    expect(hook, `hook '${id}' is offered in .pre-commit-hooks.yaml`).toBeDefined();
    const staged =
      hook!.pass_filenames === false
        ? []
        : git(repo, 'diff', '--cached', '--name-only', '-z').split('\0').filter(Boolean);
    return repomodInProcess(repo, [...repomodArgs(hook!.entry), ...args, ...staged]);
  }

  it('names only hooks the repository offers, and each fails on a staged injected keyword', async () => {
    expect(used.length).toBeGreaterThan(0);
    const repo = stagedRepo({ 'svc/log.py': INJECTED });
    for (const hook of used) {
      const run = await runHook(hook.id, hook.args ?? [], repo);
      expect(run.code, `${hook.id}: ${run.stderr}`).toBe(1);
      expect(run.stderr).toContain('svc/log.py: would change\n');
    }
  });

  it('each passes once the file is fixed', async () => {
    const repo = stagedRepo({ 'svc/log.py': 'import logging\nlogging.error("x", exc_info=True)\n' });
    for (const hook of used) expect((await runHook(hook.id, hook.args ?? [], repo)).code, hook.id).toBe(0);
  });
});

describe('README: repomod check on examples/', () => {
  it('prints what the README shows, up to the timing', async () => {
    const session = block('console', '$ cd examples && repomod check').split('\n');
    const expected = session.slice(1, session.indexOf('$ echo $?')).join('\n');
    const run = await repomodInProcess(path.join(REPO_ROOT, 'examples'), ['check']);
    expect(run.stderr.replace(/\(\d+\.\ds\)/, '(T)')).toBe(`${expected.replace(/\(\d+\.\ds\)/, '(T)')}\n`);
    expect(String(run.code)).toBe(session[session.indexOf('$ echo $?') + 1]);
  });
});

describe('README: first screen', () => {
  it('keeps the first two commands as they are', () => {
    expect(README.split('\n').slice(2, 6).join('\n')).toBe(
      '```sh\nnpm install && npm run demo     # install, then dry-run every transform on examples/ (prints real diffs)\nnpm test                        # the whole test suite (builds first)\n```',
    );
  });

  it('says how to install for your own repository, then init, a dry run and check', () => {
    const steps = block(
      'sh',
      'npm i -g repomod         # or prefix each command with npx; from a clone: npm install && npm link',
    ).split('\n');
    expect(steps.map((line) => line.split('#')[0].trim()).filter(Boolean)).toEqual([
      'npm i -g repomod',
      'repomod init',
      'repomod init --apply',
      'repomod fix-call-syntax',
      'repomod check',
    ]);
  });

  it('has the table of what check runs, equal to the registry (npm run readme-table rewrites it)', async () => {
    const { checkTable, TABLE_START, TABLE_END } = await import('../../../api/check-table.js');
    const start = README.indexOf(TABLE_START);
    expect(start).toBeGreaterThan(0);
    expect(README.slice(start, README.indexOf(TABLE_END) + TABLE_END.length)).toBe(await checkTable());
    // on the first screen: before the command table
    expect(start).toBeLessThan(README.indexOf('| command | what it fixes |'));
  });
});

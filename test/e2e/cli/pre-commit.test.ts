// The hooks in .pre-commit-hooks.yaml, invoked exactly as pre-commit does: the entry, then the
// staged files' names as arguments (when pass_filenames is true).
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { registry } from '../../../transforms/index.js';
import { REPO_ROOT, repomodInProcess } from '../../helpers/cli.js';
import { git, initRepo, tempDir } from '../../helpers/tree.js';

interface Hook {
  id: string;
  entry: string;
  language: string;
  pass_filenames?: boolean;
}

const hooks = parse(readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

function write(dir: string, files: Record<string, string>) {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
}

/** Run a hook as pre-commit would: `entry` split on spaces, staged file names appended. */
async function runHook(hook: Hook, repo: string) {
  const staged = git(repo, 'diff', '--cached', '--name-only', '-z').split('\0').filter(Boolean);
  const [command, ...args] = hook.entry.split(' ');
  expect(command).toBe('repomod');
  const files = hook.pass_filenames === false ? [] : staged;
  return repomodInProcess(repo, [...args, ...files]);
}

const CONFIG = JSON.stringify({
  transforms: { 'rewrite-imports': { map: ['old.util=new.util'] }, 'fix-call-syntax': { keyword: ['exc_info=True'] } },
});

function stagedRepo(files: Record<string, string>, links: Record<string, string> = {}): string {
  const repo = tempDir();
  write(repo, { 'repomod.config.json': CONFIG, 'new/__init__.py': '', 'new/util.py': 'X = 1\n' });
  initRepo(repo);
  write(repo, files);
  for (const [link, target] of Object.entries(links)) {
    mkdirSync(path.dirname(path.join(repo, link)), { recursive: true });
    symlinkSync(target, path.join(repo, link));
  }
  git(repo, 'add', '-A');
  return repo;
}

describe('.pre-commit-hooks.yaml', () => {
  it('offers repomod-check and one check-mode hook per registered transform, all node hooks', () => {
    // test/unit/transforms/index.test.ts (the registry test) names the transform whose hook is missing
    const expected = ['repomod-check', ...registry.map((e) => `repomod-${e.meta.name}`)];
    expect(hooks.map((h) => h.id).sort()).toEqual(expected.sort());
    for (const hook of hooks) {
      expect(hook.language).toBe('node');
      expect(hook.entry === 'repomod check' || hook.entry.endsWith(' --check')).toBe(true);
    }
  });

  const problems: Record<string, string> = {
    'jobs/run.py': 'from old.util import X\n',
    'svc/log.py': 'import logging\nlogging.error("x", exc_info=True, exc_info=True)\n',
    'pkg/__init__.py': '',
    'pkg/classes.py': 'class A:\n    pass\n\n\nclass B(A):\n    pass\n\n\nclass C(A, B):\n    pass\n',
  };

  it.each(hooks.map((h) => [h.id, h] as const))(
    '%s fails the commit on staged problems and passes on clean files',
    async (_id, hook) => {
      const dirty = stagedRepo(problems, { 'fn/shared': '../sharde' });
      const failing = await runHook(hook, dirty);
      expect(failing.code, failing.stderr).toBe(1);
      const clean = stagedRepo({
        'jobs/run.py': 'from new.util import X\n',
        'pkg/__init__.py': '',
        'pkg/ok.py': 'class A:\n    pass\n',
      });
      const passing = await runHook(hook, clean);
      expect(passing.stderr).not.toMatch(/error/);
      expect(passing.code, passing.stderr).toBe(0);
    },
  );
});

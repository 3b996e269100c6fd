// --stat prints what `git diff --stat` prints once the patch is applied; --quiet keeps stderr to errors.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repomodInProcess } from '../../helpers/cli.js';
import { initRepo, tempDir } from '../../helpers/tree.js';

function repo(): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'a.py'), 'import logging\nlogging.error("x", exc_info=True, exc_info=True)\n');
  writeFileSync(
    path.join(dir, 'longer_name.py'),
    'import logging\nlogging.error(\n    "y",\n    exc_info=True\n, exc_info=True)\nlogging.error("z", exc_info=True, exc_info=True)\n',
  );
  writeFileSync(path.join(dir, 'broken.py'), 'def f(:\n    pass\n');
  initRepo(dir);
  return dir;
}

it('--stat prints the table git diff --stat prints once the patch is applied', async () => {
  const dir = repo();
  const patch = (await repomodInProcess(dir, ['fix-call-syntax', 'a.py', 'longer_name.py'])).stdout;
  const stat = await repomodInProcess(dir, ['fix-call-syntax', '--stat', 'a.py', 'longer_name.py']);
  writeFileSync(path.join(dir, '.git', 'p.diff'), patch);
  execFileSync('git', ['apply', '.git/p.diff'], { cwd: dir });
  const gitStat = execFileSync('git', ['diff', '--stat'], { cwd: dir, encoding: 'utf8' });
  expect(stat.code).toBe(0);
  expect(stat.stdout).toBe(gitStat);
});

it('--quiet prints only errors on stderr, and the exit code is unchanged', async () => {
  const dir = repo();
  const loud = await repomodInProcess(dir, ['fix-call-syntax']);
  const quiet = await repomodInProcess(dir, ['fix-call-syntax', '--quiet']);
  expect(quiet.stdout).toBe(loud.stdout);
  expect(quiet.code).toBe(loud.code);
  expect(quiet.code).toBe(1);
  expect(quiet.stderr).toBe(
    "broken.py:1:7: error: file does not parse (expected ')'); left unchanged: `def f(:` [parse-error]\n",
  );
  const check = await repomodInProcess(dir, ['check', '-q', 'a.py']);
  expect([check.code, check.stderr]).toEqual([1, 'a.py: would change\n']);
  expect((await repomodInProcess(dir, ['check', '--quiet', '--verbose'])).code).toBe(2);
});

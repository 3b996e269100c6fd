// `[tool.repomod]` in pyproject.toml is read like repomod.config.json; one folder may not hold both.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repomodInProcess } from '../../../helpers/cli.js';
import { initRepo, tempDir } from '../../../helpers/tree.js';

const PYPROJECT = `[project]
name = "svc"

[tool.repomod]
ignore = ["vendor/**"]

[tool.repomod.transforms.rewrite-imports]
map = ["pipeline.common.util=common.util"]
`;

function repo(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [rel, text] of Object.entries(files)) writeFileSync(path.join(dir, rel), text);
  initRepo(dir);
  return dir;
}

it('takes rules and ignores from [tool.repomod]', async () => {
  const dir = repo({ 'pyproject.toml': PYPROJECT, 'job.py': 'from pipeline.common.util import lock\n' });
  const run = await repomodInProcess(dir, ['rewrite-imports', '--apply']);
  expect(run.code, run.stderr).toBe(0);
  expect(readFileSync(path.join(dir, 'job.py'), 'utf8')).toBe('from common.util import lock\n');
});

it('names the table and the key of a typo', async () => {
  const dir = repo({ 'pyproject.toml': '[tool.repomod]\npath = ["src"]\n', 'a.py': '' });
  const run = await repomodInProcess(dir, ['check']);
  expect(run.code).toBe(2);
  expect(run.stderr).toBe(
    "repomod: error: unknown key 'path' in [tool.repomod] in pyproject.toml\nhelp: allowed keys: paths, ignore, maxFileSize, select, ignoreCodes, cache, cacheDir, transforms\n",
  );
});

it('ignores a pyproject.toml without the table, and refuses a folder holding both configs', async () => {
  const plain = repo({ 'pyproject.toml': '[project]\nname = "x"\n', 'a.py': 'x = 1\n' });
  expect((await repomodInProcess(plain, ['check'])).code).toBe(0);
  const both = repo({ 'pyproject.toml': PYPROJECT, 'repomod.config.json': '{}\n', 'a.py': '' });
  const run = await repomodInProcess(both, ['check']);
  expect(run.code).toBe(2);
  expect(run.stderr).toBe(
    'repomod: error: . holds both repomod.config.json and [tool.repomod] in pyproject.toml\nhelp: keep one of them (or pass --config FILE)\n',
  );
});

// check --select / --ignore-code and the config's ignoreCodes, as users pass them: the exit code says
// which checks ran and which findings counted (the selection rules themselves: test/unit/lib/engine/).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repomodInProcess } from '../../../helpers/cli.js';
import { initRepo, tempDir } from '../../../helpers/tree.js';

it('repomod check --select runs only the named check; the config can say the same', async () => {
  const repo = tempDir();
  writeFileSync(path.join(repo, 'a.py'), 'import logging\nlogging.error("x", exc_info=True, exc_info=True)\n');
  initRepo(repo);
  expect((await repomodInProcess(repo, ['check', 'a.py'])).code).toBe(1);
  expect((await repomodInProcess(repo, ['check', '--select', 'remove-redundant-bases', 'a.py'])).code).toBe(0);
  expect((await repomodInProcess(repo, ['check', '--ignore-code', 'fix-call-syntax', 'a.py'])).code).toBe(0);
  writeFileSync(path.join(repo, 'repomod.config.json'), '{ "ignoreCodes": ["fix-call-syntax"] }\n');
  expect((await repomodInProcess(repo, ['check', 'a.py'])).code).toBe(0);
  expect((await repomodInProcess(repo, ['check', '--ignore-code', 'remove-redundant-bases', 'a.py'])).code).toBe(1);
});

// The same finding in many files is one line with a count on stderr; --verbose, --json and SARIF
// have every one of them. The summary says what the run did to the files.
import { expect, it } from 'vitest';
import { repomodInProcess } from '../../helpers/cli.js';
import { repoWith } from '../../helpers/tree.js';

/** Six modules importing `pkg.util`, which a rule moves to `common.util`, which does not exist yet. */
function importingRepo(files = 6): string {
  const jobs = Array.from({ length: files }, (_, i) => [`job${i}.py`, 'import os\nfrom pkg_util import lock\n']);
  return repoWith({ 'pkg_util.py': '', ...Object.fromEntries(jobs) });
}

const missing = (file: string) =>
  `${file}:2:6: warning: 'common.util' is not in the repository (rewritten from 'pkg_util' by rule --map pkg_util=common.util); check the rule, or move the module there`;
const seconds = (stderr: string) => /\((\d+\.\ds)\) \(/.exec(stderr)?.[1];

it('prints a finding repeated across files once, with the count and the first location', async () => {
  const run = await repomodInProcess(importingRepo(), ['imports', '--map', 'pkg_util=common.util', '--stat']);
  expect(run.code).toBe(0);
  expect(run.stderr).toBe(
    `${missing('job0.py')} (in 6 files; --verbose lists them) [rewrite-imports/missing-module]\n` +
      'counts:\n  6  rewrite-imports: --map pkg_util=common.util\n' +
      `6 changed, 1 unchanged, 0 skipped, 0 failed; 6 warnings (${seconds(run.stderr)}) (dry run: nothing written; add --apply to write)\n`,
  );
});

it('lists a finding in three files or fewer as it is', async () => {
  const run = await repomodInProcess(importingRepo(3), ['imports', '--map', 'pkg_util=common.util', '--stat']);
  expect(run.stderr.split('\n').slice(0, 3)).toEqual(
    ['job0.py', 'job1.py', 'job2.py'].map((f) => `${missing(f)} [rewrite-imports/missing-module]`),
  );
});

it('lists every one with --verbose, and has every one in --json and SARIF', async () => {
  const dir = importingRepo();
  const verbose = await repomodInProcess(dir, ['imports', '--map', 'pkg_util=common.util', '--verbose', '--stat']);
  const lines = verbose.stderr.split('\n').filter((l) => l.includes('[rewrite-imports/missing-module]'));
  expect(lines).toEqual([0, 1, 2, 3, 4, 5].map((i) => `${missing(`job${i}.py`)} [rewrite-imports/missing-module]`));
  const json = JSON.parse((await repomodInProcess(dir, ['imports', '--map', 'pkg_util=common.util', '--json'])).stdout);
  expect(json.files.flatMap((f: { diagnostics: unknown[] }) => f.diagnostics)).toHaveLength(6);
  const sarif = JSON.parse(
    (await repomodInProcess(dir, ['imports', '--map', 'pkg_util=common.util', '--format', 'sarif'])).stdout,
  );
  expect(sarif.runs[0].results).toHaveLength(6);
});

it('says in the summary what check and apply did', async () => {
  const dir = importingRepo(1);
  const check = await repomodInProcess(dir, ['imports', '--map', 'pkg_util=common.util', '--check']);
  expect([check.code, check.stderr.split('\n').slice(1)]).toEqual([
    1,
    [
      'job0.py: would change',
      'counts:',
      '  1  rewrite-imports: --map pkg_util=common.util',
      `1 changed, 1 unchanged, 0 skipped, 0 failed; 1 warning (${seconds(check.stderr)}) (check: nothing written)`,
      '',
    ],
  ]);
  const applied = await repomodInProcess(dir, ['imports', '--map', 'pkg_util=common.util', '--apply']);
  expect(applied.stderr.split('\n').slice(1)).toEqual([
    'job0.py: written',
    'counts:',
    '  1  rewrite-imports: --map pkg_util=common.util',
    `1 changed, 1 unchanged, 0 skipped, 0 failed; 1 warning (${seconds(applied.stderr)}) (applied: 1 file written)`,
    '',
  ]);
  const again = await repomodInProcess(dir, ['imports', '--map', 'pkg_util=common.util']);
  expect(again.stderr).toMatch(/^0 changed, 2 unchanged, .* \(dry run: nothing to write\)\n$/m);
});

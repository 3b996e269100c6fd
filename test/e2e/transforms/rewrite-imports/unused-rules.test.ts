// rewrite-imports through the built CLI: rules that rewrote nothing (unused-rule, with the nearest
// module or path), dotted rules over package directories, and moves whose reverse is byte-identical.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI, repomodInProcess } from '../../../helpers/cli.js';
import { git, repoWith, snapshotTree } from '../../../helpers/tree.js';

const built = existsSync(CLI);
if (!built) console.log('skipping the rule-use tests: run `npm run build` first (dist/cli/index.js is missing)');
const python = spawnSync('python3', ['--version']).status === 0;

const repository = repoWith;

function commit(dir: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'step');
}

/** A package whose modules import each other relatively, lazily, and through mock.patch strings. */
const PACKAGE = {
  'platform_shared/__init__.py': '',
  'shared/__init__.py': '',
  'shared/utils/__init__.py': 'from .bigquery_utils import query  # re-export\n',
  'shared/utils/bigquery_utils.py': 'def query():\n    return 1\n',
  'shared/utils/retry.py':
    '# utils: retry helpers\nfrom .bigquery_utils import query\nfrom . import bigquery_utils\nfrom .. import utils\n\n\ndef run():\n    from .bigquery_utils import query as lazy  # only on this path\n    return lazy() + bigquery_utils.query() + utils.query()\n',
  'jobs/run.py':
    'import shared.utils.retry\nfrom shared.utils import bigquery_utils\n\n\ndef main():\n    from shared.utils.retry import run\n    return shared.utils.retry.run() + run()\n',
  'tests/test_run.py':
    'from unittest import mock\n\n\n@mock.patch("shared.utils.bigquery_utils.query", return_value=2)\ndef test_run(query):\n    import jobs.run\n    return jobs.run.main()\n',
};

describe.runIf(built)('a rule that rewrote nothing', () => {
  it.each([
    [
      'shared.utls=platform_shared.utils',
      "warning: rule --map shared.utls=platform_shared.utils rewrote nothing: 'shared.utls' is not in the repository; did you mean 'shared.utils'?",
    ],
    [
      'shared.utils.bigquery_util=shared.gcp.bigquery_utils',
      "warning: rule --map shared.utils.bigquery_util=shared.gcp.bigquery_utils rewrote nothing: 'shared.utils.bigquery_util' is not in the repository; did you mean 'shared.utils.bigquery_utils'?",
    ],
    [
      'shared/utils/bigquery_util=shared/gcp/bigquery_utils.py',
      "warning: rule --map shared/utils/bigquery_util=shared/gcp/bigquery_utils.py rewrote nothing: 'shared/utils/bigquery_util' is not in the repository; did you mean 'shared/utils/bigquery_utils.py'?",
    ],
  ])('--map %s warns with the nearest name, exit 0', async (rule, finding) => {
    const dir = repository(PACKAGE);
    const run = await repomodInProcess(dir, ['rewrite-imports', '--map', rule]);
    expect([run.code, run.stdout, run.stderr]).toEqual([
      0,
      '',
      `.:1:1: ${finding} [rewrite-imports/unused-rule]\n0 changed, 7 unchanged, 0 skipped, 0 failed; 1 warning (${run.stderr.match(/\((\S+s)\) /)![1]}) (dry run: nothing to write)\n`,
    ]);
  });

  it.each(['--check', '--strict'])('is an error under %s, exit 1', async (flag) => {
    const dir = repository(PACKAGE);
    const run = await repomodInProcess(dir, ['rewrite-imports', flag, '--map', 'shared.utls=platform_shared.utils']);
    expect([run.code, run.stderr.split('\n')[0]]).toEqual([
      1,
      ".:1:1: error: rule --map shared.utls=platform_shared.utils rewrote nothing: 'shared.utls' is not in the repository; did you mean 'shared.utils'? [rewrite-imports/unused-rule]",
    ]);
  });

  it('reports a config rule at its line in repomod.config.json, and not in a run over some paths', async () => {
    const config = `{\n  "transforms": {\n    "rewrite-imports": {\n      "rules": [\n        { "from": "shared.utils.retyr", "to": "shared.retry" }\n      ]\n    }\n  }\n}\n`;
    const dir = repository({ ...PACKAGE, 'repomod.config.json': config });
    const run = await repomodInProcess(dir, ['check']);
    expect(run.stderr.split('\n')[0]).toBe(
      "repomod.config.json:5:20: error: rule rules[0] rewrote nothing: 'shared.utils.retyr' is not in the repository; did you mean 'shared.utils.retry'? [rewrite-imports/unused-rule]",
    );
    expect(run.code).toBe(1);
    // pre-commit runs on the staged files: a rule with nothing to do there is normal
    expect(await repomodInProcess(dir, ['check', 'jobs/run.py'])).toMatchObject({
      code: 0,
      stderr: expect.not.stringContaining('unused-rule'),
    });
  });

  it.each(['pipeline.common=shared.utils', 'mock=unittest.mock'])(
    'says nothing about %s, which guards a finished move or a third-party rename (nothing is near OLD)',
    async (rule) => {
      const dir = repository(PACKAGE);
      const run = await repomodInProcess(dir, ['rewrite-imports', '--check', '--verbose', '--map', rule]);
      expect([run.code, run.stderr]).toEqual([
        0,
        expect.stringMatching(
          /^0 changed, 7 unchanged, 0 skipped, 0 failed; 0 warnings \(\S+\) \(check: nothing written\)\n$/,
        ),
      ]);
    },
  );

  it('lists how many references each rule rewrote, and says nothing about a rule that did', async () => {
    const dir = repository(PACKAGE);
    const run = await repomodInProcess(dir, [
      'rewrite-imports',
      '--map',
      'shared.utils.retry=shared.retry',
      '--map',
      'jobs=pipeline.jobs',
    ]);
    expect(run.stderr).not.toContain('unused-rule');
    expect(run.stderr).toContain(
      'counts:\n  3  rewrite-imports: --map shared.utils.retry=shared.retry\n  2  rewrite-imports: --map jobs=pipeline.jobs\n',
    );
  });
});

describe.runIf(built)('dotted rules over package directories', () => {
  it('takes pkg=newroot.pkg, with pkg/ a namespace package of scripts at the root, as a module rule', async () => {
    const dir = repository({
      'pkg/script.py': 'X = 1\n',
      'pkg/other.py': 'import pkg.script\n',
      'main.py': 'import pkg.script\nfrom pkg import other\n',
      'newroot/pkg/.keep': '',
    });
    const run = await repomodInProcess(dir, ['rewrite-imports', '--map', 'pkg=newroot.pkg']);
    expect(run.stdout).toContain(
      '-import pkg.script\n-from pkg import other\n+import newroot.pkg.script\n+from newroot.pkg import other\n',
    );
    expect(run.stdout).toMatch(
      /--- a\/pkg\/other.py\n\+\+\+ b\/pkg\/other.py\n@@ .* @@\n-import pkg.script\n\+import newroot.pkg.script\n/,
    );
    expect(run.stderr).toContain('counts:\n  3  rewrite-imports: --map pkg=newroot.pkg\n');
  });
});

describe.runIf(built)('a move and its reverse', () => {
  it('--map before git mv keeps relative imports between moving modules, and the reverse restores every byte', async () => {
    const dir = repository(PACKAGE);
    const start = snapshotTree(dir);
    const forward = await repomodInProcess(dir, [
      'rewrite-imports',
      '--map',
      'shared.utils=platform_shared.utils',
      '--apply',
    ]);
    expect(forward.stderr).toMatch(/^2 changed, /m);
    // only the importers outside the package changed; the package's own files are as written
    expect(git(dir, 'diff', '--stat', '--', 'shared')).toBe('');
    git(dir, 'mv', 'shared/utils', 'platform_shared/utils');
    commit(dir);
    if (python) expect(pythonRuns(dir)).toBe('10\n');
    const back = await repomodInProcess(dir, [
      'rewrite-imports',
      '--map',
      'platform_shared.utils=shared.utils',
      '--apply',
    ]);
    expect(back.stderr).toMatch(/^2 changed, /m);
    git(dir, 'mv', 'platform_shared/utils', 'shared/utils');
    expect(snapshotTree(dir)).toEqual(start);
  });

  it('move OLD NEW --apply, then move NEW OLD --apply, leaves every byte as it was', async () => {
    const dir = repository(PACKAGE);
    const start = snapshotTree(dir);
    const forward = await repomodInProcess(dir, ['move', 'shared/utils', 'platform_shared/utils', '--apply']);
    expect([forward.code, forward.stderr]).toMatchObject([0, expect.stringMatching(/^5 changed, /m)]);
    expect(snapshotTree(dir)['platform_shared/utils/retry.py']).toEqual(start['shared/utils/retry.py']);
    commit(dir);
    if (python) expect(pythonRuns(dir)).toBe('10\n');
    else console.log('python3 is absent: not importing the moved package');
    const back = await repomodInProcess(dir, ['move', 'platform_shared/utils', 'shared/utils', '--apply']);
    expect(back.code).toBe(0);
    expect(snapshotTree(dir)).toEqual(start);
  });
});

/** python3 imports the test module and runs it: every rewritten import and patch target resolves. */
function pythonRuns(dir: string): string {
  const run = spawnSync('python3', ['-B', '-c', 'import tests.test_run as t; print(t.test_run())'], {
    cwd: dir,
    encoding: 'utf8',
  });
  return run.stdout + run.stderr;
}

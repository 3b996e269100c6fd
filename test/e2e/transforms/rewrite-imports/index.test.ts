// rewrite-imports end to end: --check with bans, python3 as the oracle (outputs compile, the
// rewritten package imports and runs), `repomod move` through the built CLI, stock jscodeshift.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../../../cli/output.js';
import { diagnosticLines, FIXTURES_ROOT, repoFixtures, runOn } from '../../../helpers/fixtures.js';
import { CLI, REPO_ROOT, repomodInProcess } from '../../../helpers/cli.js';
import { initRepo, tempDir } from '../../../helpers/tree.js';

const FIXTURES = path.join(FIXTURES_ROOT, 'rewrite-imports');
const python3 = spawnSync('python3', ['--version']).status === 0;
const built = existsSync(CLI);
if (!python3) console.log('skipping the python3 oracle tests: python3 is not on PATH');
if (!built) console.log('skipping the CLI tests: run `npm run build` first (dist/cli/index.js is missing)');

function write(dir: string, files: Record<string, string>): string {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

function walkFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walkFiles(full) : [full];
  });
}

describe('forbid rules in --check', () => {
  it('reports every use with file:line:col and exits 1, with or without a fix', async () => {
    const dir = write(tempDir(), {
      'shared/report.py': 'import os\nfrom services.private.db import DB\n',
      'shared/fixable.py': 'from services.private.helpers import h\n',
      'services/private/db.py': 'DB = 1\n',
      'services/private/helpers.py': 'def h(): ...\n',
      'services/api.py': 'from services.private.db import DB\n',
    });
    const options = {
      rules: [
        { forbid: 'services.private', in: 'shared/**' },
        { from: 'services.private.helpers', to: 'shared.helpers' },
      ],
    };
    const result = await runOn(dir, 'rewrite-imports', options, 'check');
    expect(diagnosticLines(result)).toEqual([
      "shared/fixable.py:1:6: warning: 'services.private.helpers' may not be imported in shared/** (rule rules[0] forbids 'services.private'); rewritten to 'shared.helpers' [rewrite-imports/forbidden-import]",
      "shared/fixable.py:1:6: warning: 'shared.helpers' is not in the repository (rewritten from 'services.private.helpers' by rule rules[1]); check the rule, or move the module there [rewrite-imports/missing-module]",
      "shared/report.py:2:6: error: 'services.private.db' may not be imported in shared/** (rule rules[0] forbids 'services.private'); no rule rewrites it: import it from elsewhere or move the code [rewrite-imports/forbidden-import]",
    ]);
    expect(exitCodeFor(result)).toBe(1);
    // a ban alone, with nothing to rewrite, still fails the check
    const banOnly = await runOn(dir, 'rewrite-imports', { rules: [options.rules[0]] }, 'check');
    expect(banOnly.changes).toEqual([]);
    expect(exitCodeFor(banOnly)).toBe(1);
  });

  it('is an error with --strict when a rewritten module is missing', async () => {
    const dir = write(tempDir(), { 'pkg/a.py': 'import pkg.old\n', 'pkg/old.py': '' });
    const result = await runOn(dir, 'rewrite-imports', { map: ['pkg.old=pkg.typo'], strict: true }, 'dry-run');
    expect(diagnosticLines(result)).toEqual([
      "pkg/a.py:1:8: error: 'pkg.typo' is not in the repository (rewritten from 'pkg.old' by rule --map pkg.old=pkg.typo); check the rule, or move the module there [rewrite-imports/missing-module]",
    ]);
  });
});

describe.skipIf(!python3)('python3 oracle', () => {
  it('compiles every expected .py output', () => {
    // damaged-file cases keep their syntax error on purpose: only the imports around it change
    const files = walkFiles(FIXTURES).filter(
      (f) => f.endsWith('.py') && /(\.output\.py$|\/output\/)/.test(f) && !f.includes('damaged'),
    );
    expect(files.length).toBeGreaterThan(10);
    const script = 'import sys\nfor f in sys.argv[1:]:\n    compile(open(f, encoding="utf-8").read(), f, "exec")\n';
    execFileSync('python3', ['-c', script, ...files]);
  });

  it.each([
    ['python-relative-imports-after-git-mv', 'import pkg.jobs.run as r; print(r.main())'],
    ['python-path-rule-before-move', 'import main'],
    ['repomod-move-python-package', 'import pkg.tasks.jobs.run as r; print(r.main())'],
    ['python-absolute-option', 'import sys; sys.path.insert(0, "src"); import app.sub.job as j; print(j.NAME)'],
  ])('the rewritten %s package imports and runs', async (name, code) => {
    const dir = tempDir();
    cpSync(path.join(repoFixtures('rewrite-imports'), name, 'input'), dir, { recursive: true });
    initRepo(dir);
    const options = JSON.parse(readFileSync(path.join(repoFixtures('rewrite-imports'), name, 'options.json'), 'utf8'));
    await runOn(dir, 'rewrite-imports', options, 'apply');
    // a path rule before the move: do the move the rule describes, as the user would next
    if (name === 'python-path-rule-before-move') {
      mkdirSync(path.join(dir, 'pkg/tasks'), { recursive: true });
      execFileSync('git', ['mv', 'pkg/jobs', 'pkg/tasks/jobs'], { cwd: dir });
    }
    const run = spawnSync('python3', ['-B', '-c', code], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

describe.skipIf(!built)('built CLI', () => {
  it('repomod move renames and rewrites; git apply accepts the diff; python3 runs the result', async () => {
    const dir = write(tempDir(), {
      'pkg/__init__.py': '',
      'pkg/util/__init__.py': '',
      'pkg/util/lock.py': 'from ..config import NAME\n\ndef acquire():\n    return NAME\n',
      'pkg/config.py': 'NAME = "locked"\n',
      'pkg/jobs.py':
        'from pkg.util import lock\nfrom .util.lock import acquire\n\ndef main():\n    return lock.acquire() + acquire()\n',
      'web/src/core/format.ts': 'export const f = 1;\n',
      'web/src/api/report.ts': "import { f } from '../core/format';\n",
    });
    initRepo(dir);
    const py = await repomodInProcess(dir, ['move', 'pkg/util', 'pkg/common/util']);
    // pkg/common/ is new and pkg/ a regular package: the move creates pkg/common/__init__.py
    expect(py.stderr).toMatch(/4 changed/);
    expect(py.stdout).toContain('diff --git a/pkg/common/__init__.py b/pkg/common/__init__.py\nnew file mode 100644');
    expect(py.code).toBe(0);
    expect(py.stdout).toContain('rename from pkg/util/lock.py\nrename to pkg/common/util/lock.py');
    writeFileSync(path.join(dir, '.git', 'move.patch'), py.stdout);
    execFileSync('git', ['apply', '--check', '.git/move.patch'], { cwd: dir });
    expect((await repomodInProcess(dir, ['move', 'pkg/util', 'pkg/common/util', '--apply'])).code).toBe(0);
    expect(readFileSync(path.join(dir, 'pkg/common/util/lock.py'), 'utf8')).toBe(
      'from pkg.config import NAME\n\ndef acquire():\n    return NAME\n',
    );
    expect(readFileSync(path.join(dir, 'pkg/jobs.py'), 'utf8')).toBe(
      'from pkg.common.util import lock\nfrom pkg.common.util.lock import acquire\n\ndef main():\n    return lock.acquire() + acquire()\n',
    );
    if (python3)
      expect(
        execFileSync('python3', ['-B', '-c', 'import pkg.jobs; print(pkg.jobs.main())'], {
          cwd: dir,
          encoding: 'utf8',
        }),
      ).toBe('lockedlocked\n');
    const web = await repomodInProcess(path.join(dir, 'web'), ['move', 'src/core', 'src/platform', '--apply']);
    expect(web.code).toBe(0);
    expect(readFileSync(path.join(dir, 'web/src/api/report.ts'), 'utf8')).toBe(
      "import { f } from '../platform/format';\n",
    );
  });

  it.each([
    [['move', 'nope', 'there'], "nothing to move at 'nope'"],
    [['move', 'a.py', 'a.py'], 'OLD and NEW are the same path'],
    [['move', 'a.py', 'b.py'], "'b.py' already exists"],
  ])('%j is a two-line error, exit 2', async (args, message) => {
    const dir = write(tempDir(), { 'a.py': '', 'b.py': '' });
    initRepo(dir);
    const run = await repomodInProcess(dir, args);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toMatch(/\nhelp: /);
    expect(run.code).toBe(2);
  });

  it('runs unchanged under the stock jscodeshift runner', () => {
    const dir = write(tempDir(), {
      'pkg/run.py': 'from pipeline.common.util import lock\n',
      'web/a.ts': "import x from '@acme/core/x';\n",
    });
    initRepo(dir);
    const jscodeshift = path.join(REPO_ROOT, 'node_modules/jscodeshift/bin/jscodeshift.js');
    const transform = path.join(REPO_ROOT, 'dist/transforms/rewrite-imports/index.js');
    const run = spawnSync(
      process.execPath,
      [
        jscodeshift,
        '--no-babel',
        '-t',
        transform,
        '--extensions=py,ts',
        '--silent',
        '--map=pipeline.common.util=common.util',
        '--map=@acme/core=@acme/platform/core',
        'pkg/run.py',
        'web/a.ts',
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    expect(readFileSync(path.join(dir, 'pkg/run.py'), 'utf8')).toBe('from common.util import lock\n');
    expect(readFileSync(path.join(dir, 'web/a.ts'), 'utf8')).toBe("import x from '@acme/platform/core/x';\n");
  });
});

describe('missing-module warnings', () => {
  it.skipIf(!built)(
    'warns once per file and missing module, at its first use, however often it is imported',
    async () => {
      const dir = write(tempDir(), {
        'pkg/__init__.py': '',
        'pkg/old.py': 'a = b = c = 1\n',
        'pkg/users.py': 'from pkg.old import a\nfrom pkg.old import b\n\ndef f():\n    from pkg.old import c\n',
        'pkg/other.py': 'import pkg.old\n',
      });
      initRepo(dir);
      const run = await repomodInProcess(dir, ['rewrite-imports', '--map', 'pkg.old=pkg.gone']);
      const warnings = run.stderr.split('\n').filter((l) => l.includes('[rewrite-imports/missing-module]'));
      expect(warnings.map((l) => l.split(': warning')[0])).toEqual(['pkg/other.py:1:8', 'pkg/users.py:1:6']);
      expect(run.stdout).toContain('+    from pkg.gone import c\n');
    },
  );
});

describe('a run without rules', () => {
  it.skipIf(!built)(
    'is a usage error (exit 2) rather than an empty, successful diff; --absolute alone is a job',
    async () => {
      const dir = write(tempDir(), { 'pkg/__init__.py': '', 'pkg/a.py': 'from . import b\n', 'pkg/b.py': '' });
      initRepo(dir);
      const bare = await repomodInProcess(dir, ['rewrite-imports']);
      expect(bare.code).toBe(2);
      expect(bare.stderr).toBe(
        'repomod: error: rewrite-imports has no rules\nhelp: give --map OLD=NEW (repeatable), or "map"/"rules" under "rewrite-imports" in repomod.config.json; --absolute alone converts relative imports\n',
      );
      const absolute = await repomodInProcess(dir, ['rewrite-imports', '--absolute']);
      expect(absolute.code).toBe(0);
      expect(absolute.stdout).toContain('-from . import b\n+from pkg import b\n');
    },
  );
});

describe('rewrites counted per rule', () => {
  it.skipIf(!built)('lists the counts before the summary and in --json, moved files included', async () => {
    const dir = write(tempDir(), {
      'pkg/__init__.py': '',
      'pkg/old.py': 'a = 1\n',
      'pkg/users.py': 'from pkg.old import a\nimport pkg.old\n',
      'web/a.ts': "import { x } from '@acme/core';\n",
    });
    initRepo(dir);
    const args = ['rewrite-imports', '--map', 'pkg.old=pkg.fresh', '--map', '@acme/core=@acme/platform'];
    const run = await repomodInProcess(dir, args);
    expect(run.stderr).toMatch(
      /^counts:\n {2}2 {2}rewrite-imports: --map pkg\.old=pkg\.fresh\n {2}1 {2}rewrite-imports: --map @acme\/core=@acme\/platform\n/m,
    );
    const doc = JSON.parse((await repomodInProcess(dir, [...args, '--json'])).stdout);
    expect(doc.stats).toEqual({
      'rewrite-imports: --map pkg.old=pkg.fresh': 2,
      'rewrite-imports: --map @acme/core=@acme/platform': 1,
    });
    const moved = JSON.parse(
      (await repomodInProcess(dir, ['move', 'pkg/users.py', 'pkg/sub/users.py', '--json'])).stdout,
    );
    expect(moved.stats).toBeUndefined();
    const movedWithImports = JSON.parse(
      (await repomodInProcess(dir, ['move', 'pkg/old.py', 'pkg/sub/old.py', '--json'])).stdout,
    );
    expect(movedWithImports.stats).toEqual({ 'rewrite-imports: --map pkg/old.py=pkg/sub/old.py': 2 });
  });
});

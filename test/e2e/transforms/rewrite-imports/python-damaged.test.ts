// rewrite-imports on Python files that do not parse: imports away from the damage are rewritten,
// references inside it are errors, the file counts as failed, and `move --apply` never half-moves.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../../../cli/output.js';
import { CLI, repomodInProcess } from '../../../helpers/cli.js';
import { diagnosticLines, runOn } from '../../../helpers/fixtures.js';
import { git, initRepo, tempDir } from '../../../helpers/tree.js';

const built = existsSync(CLI);

function write(dir: string, files: Record<string, string>): string {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const BROKEN_IMPORTER =
  'from shared.utils.bq import load\n\n\ndef f(:\n    from shared.utils.bq import load\n    return load()\n\n\n@mock.patch("shared.utils.bq.client")\ndef test(m):\n    pass\n';

const repository = () =>
  write(tempDir(), {
    'shared/__init__.py': '',
    'shared/utils/__init__.py': '',
    'shared/utils/bq.py': 'def load(): ...\n',
    'app/ok.py': 'from shared.utils.bq import load\n',
    'app/broken.py': BROKEN_IMPORTER,
  });

describe('a damaged importer', () => {
  it('is rewritten away from the damage, reported at its first syntax error and counted as failed, never changed', async () => {
    const dir = repository();
    // a path rule before the move: the new module counts as there
    const result = await runOn(dir, 'rewrite-imports', { map: ['shared/utils/bq.py=shared/gcp/bq.py'] });
    expect(diagnosticLines(result).filter((l) => l.startsWith('app/broken.py'))).toEqual([
      "app/broken.py:4:7: warning: file does not parse (expected ')'); 2 rewrites made away from the damage, 1 reference inside it left unchanged [rewrite-imports/damaged-file]",
      "app/broken.py:5:10: error: 'shared.utils.bq' on line 5 is inside a damaged region (the file stops parsing at line 4: expected ')'); left unchanged: fix the syntax and run again [rewrite-imports/damaged-reference]",
    ]);
    const broken = result.files.find((f) => f.path === 'app/broken.py')!;
    expect(broken.status).toBe('failed');
    expect(result.totals).toMatchObject({ changed: 1, failed: 1, errors: 1, warnings: 1 });
    expect(exitCodeFor(result)).toBe(1);
    const after = result.changes.find((c) => c.path === 'app/broken.py')!.after;
    expect(after?.kind === 'file' && after.bytes.toString()).toBe(
      BROKEN_IMPORTER.replace('from shared.utils.bq import load\n\n', 'from shared.gcp.bq import load\n\n').replace(
        'patch("shared.utils.bq',
        'patch("shared.gcp.bq',
      ),
    );
  });

  it('is not parsed at all when it names no old module', async () => {
    const dir = write(tempDir(), { 'a.py': 'def broken(:\n    lock = 1\n', 'shared/utils/bq.py': '' });
    const result = await runOn(dir, 'rewrite-imports', { map: ['shared.utils.bq=shared.gcp.bq'] });
    expect(result.diagnostics).toEqual([]);
    expect(result.totals.failed).toBe(0);
  });
});

describe.skipIf(!built)('repomod move with damaged files', () => {
  it('refuses --apply while a reference cannot be rewritten, writing nothing; --allow-damaged moves', async () => {
    const dir = repository();
    initRepo(dir);
    const dry = await repomodInProcess(dir, ['move', 'shared/utils/bq.py', 'shared/gcp/bq.py']);
    expect(dry.code).toBe(1);
    // the new folder becomes a package as its source was one: shared/gcp/__init__.py is the third change
    expect(dry.stdout).toContain('diff --git a/shared/gcp/__init__.py b/shared/gcp/__init__.py\n');
    expect(dry.stderr).toContain('3 changed, 3 unchanged, 0 skipped, 1 failed; 1 error, 1 warning');
    writeFileSync(path.join(dir, '.git', 'move.patch'), dry.stdout);
    execFileSync('git', ['apply', '--check', '.git/move.patch'], { cwd: dir });

    const refused = await repomodInProcess(dir, ['move', 'shared/utils/bq.py', 'shared/gcp/bq.py', '--apply']);
    expect(refused.code).toBe(1);
    expect(refused.stderr.split('\n').slice(-3)).toEqual([
      'repomod: error: refusing to move: 1 reference to what moves cannot be rewritten (app/broken.py:5: the file does not parse there); nothing was written',
      'help: fix the syntax there and run again (the dry run lists each one), or pass --allow-damaged to move anyway and fix them by hand',
      '',
    ]);
    expect(git(dir, 'status', '--porcelain')).toBe('');

    const forced = await repomodInProcess(dir, [
      'move',
      'shared/utils/bq.py',
      'shared/gcp/bq.py',
      '--apply',
      '--allow-damaged',
    ]);
    expect(forced.code).toBe(1); // written, and still a failed file to fix by hand
    expect(readFileSync(path.join(dir, 'app/ok.py'), 'utf8')).toBe('from shared.gcp.bq import load\n');
    expect(readFileSync(path.join(dir, 'app/broken.py'), 'utf8')).toContain(
      'def f(:\n    from shared.utils.bq import load\n',
    );
    expect(existsSync(path.join(dir, 'shared/gcp/bq.py'))).toBe(true);
  });

  it('handles a moved file that does not parse the same way: its relative imports away from the damage follow, one inside refuses', async () => {
    const dir = write(tempDir(), {
      'pkg/__init__.py': '',
      'pkg/old/__init__.py': '',
      'pkg/old/helpers.py': 'H = 1\n',
      'pkg/old/job.py': 'from . import helpers\n\n\ndef f(:\n    from .helpers import H\n',
    });
    initRepo(dir);
    const dry = await repomodInProcess(dir, ['move', 'pkg/old/job.py', 'pkg/new/job.py']);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('-from . import helpers\n+from pkg.old import helpers\n');
    expect(dry.stderr.split('\n').filter((l) => l.includes('['))).toEqual([
      "pkg/new/job.py:4:7: warning: file does not parse (expected ')'); 1 rewrite made away from the damage, 1 reference inside it left unchanged [rewrite-imports/damaged-file]",
      "pkg/new/job.py:5:10: error: '.helpers' on line 5 is inside a damaged region (the file stops parsing at line 4: expected ')'); left unchanged: fix the syntax and run again [rewrite-imports/damaged-reference]",
    ]);
    expect(dry.stderr).toContain('1 changed, 4 unchanged, 0 skipped, 1 failed');
    const refused = await repomodInProcess(dir, ['move', 'pkg/old/job.py', 'pkg/new/job.py', '--apply']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'refusing to move: 1 reference to what moves cannot be rewritten (pkg/new/job.py:5',
    );
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});

// In-source suppressions through the built CLI: `repomod check` passes a suppressed finding and a
// fix leaves the suppressed file alone (which lines they keep out: test/unit/lib/engine/).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repomodInProcess } from '../../../helpers/cli.js';
import { initRepo, tempDir } from '../../../helpers/tree.js';

describe('repomod check with suppressions', () => {
  it('passes a file whose only problem is suppressed, fails on one that is not, and fixes only the latter', async () => {
    const repo = tempDir();
    writeFileSync(
      path.join(repo, 'ok.py'),
      'import logging\nlogging.error("x", exc_info=True, exc_info=True)  # repomod: ignore[fix-call-syntax]\n',
    );
    writeFileSync(path.join(repo, 'bad.py'), 'import logging\nlogging.error("x", exc_info=True, exc_info=True)\n');
    initRepo(repo);
    expect((await repomodInProcess(repo, ['check', 'ok.py'])).code).toBe(0);
    const bad = await repomodInProcess(repo, ['check', 'bad.py']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('bad.py: would change\n');
    const fixed = await repomodInProcess(repo, ['fix-call-syntax', '--json', 'ok.py', 'bad.py']);
    const report = JSON.parse(fixed.stdout) as { files: { path: string; status: string }[] };
    expect(report.files.map((f) => [f.path, f.status])).toEqual([
      ['bad.py', 'changed'],
      ['ok.py', 'unchanged'],
    ]);
  });
});

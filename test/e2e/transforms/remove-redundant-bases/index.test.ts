// remove-redundant-bases through the built CLI: --keep-imports keeps the from-import of a removed
// base, which a default run drops with it.
import { cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, repomodInProcess } from '../../../helpers/cli.js';
import { initRepo, tempDir } from '../../../helpers/tree.js';

describe('--keep-imports', () => {
  it('keeps the import of a removed base, which is dropped by default', async () => {
    const repo = tempDir();
    cpSync(path.join(REPO_ROOT, '__testfixtures__/remove-redundant-bases/repos/cross-package-mixin/input'), repo, {
      recursive: true,
    });
    initRepo(repo);
    const importLine = 'from pkg.mixins import BackfillMixin as Backfill, SmartSkipMixin\n';
    expect((await repomodInProcess(repo, ['bases'])).stdout).toContain(
      `-${importLine}+from pkg.mixins import SmartSkipMixin\n`,
    );
    const kept = (await repomodInProcess(repo, ['bases', '--keep-imports'])).stdout;
    expect(kept).not.toContain(`-${importLine}`);
    expect(kept).toContain('+class DailyCacheProcessor(SmartSkipMixin, Base):\n');
  });
});

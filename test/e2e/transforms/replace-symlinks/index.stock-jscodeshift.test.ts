// replace-symlinks as shipped (dist/), under the stock jscodeshift runner: it loads and leaves every
// file alone, since its work is repository-level (planRepository), which plain jscodeshift never calls.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stockJscodeshift } from '../../../helpers/cli.js';
import { tempDir } from '../../../helpers/tree.js';

describe('under the stock jscodeshift runner', () => {
  it('loads and leaves every file alone (the work is repository-level)', () => {
    const work = tempDir();
    writeFileSync(path.join(work, 'a.py'), 'x = 1\n');
    // in-process (--run-in-band): loading is what is tested, not stock's forked worker, which
    // fix-call-syntax's stock test runs as users do
    const run = stockJscodeshift(work, 'replace-symlinks', ['--run-in-band', '--extensions=py', 'a.py']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/0 errors/);
    expect(run.stdout).toMatch(/1 skipped/);
  });
});

// The test tree's projects are chosen by folder, and this keeps the folders honest: a file in
// test/unit/ (or test/sweep/, the exhaustive fault sweeps) runs the sources in-process, a file in
// test/e2e/ runs what users run (the built CLI, in this process or spawned; a built transform under
// jscodeshift; the packed package) and so waits for a fresh dist/. Which one a file is follows
// from what it imports and spawns.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.js';

const TEST_ROOT = path.join(REPO_ROOT, 'test');
const THIS_FILE = 'unit/test-layout.test.ts';

function testFiles(folder: string): string[] {
  return readdirSync(path.join(TEST_ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => path.posix.join(folder, name.split(path.sep).join('/')))
    .sort();
}

/** What makes a file end to end: the built CLI's helpers, or npm/npx running the packed package. */
const RUNS_WHAT_USERS_RUN = /from '(?:\.\.\/)+helpers\/cli\.js'|\bimport\('(?:\.\.\/)+helpers\/cli\.js'\)|\[?'np[mx]'/;

describe('test layout', () => {
  it('puts every test file under test/unit/, test/sweep/ or test/e2e/', () => {
    const elsewhere = testFiles('.').filter((file) => !/^(unit|sweep|e2e)\//.test(file));
    expect(elsewhere, 'vitest.config.ts runs only test/unit/, test/sweep/ and test/e2e/').toEqual([]);
  });

  it('keeps test/unit/ and test/sweep/ on the sources: no file runs the built CLI or the package', () => {
    // this file names the helpers in its own examples below
    const runningBuilt = [...testFiles('unit'), ...testFiles('sweep')].filter(
      (file) => file !== THIS_FILE && RUNS_WHAT_USERS_RUN.test(readFileSync(path.join(TEST_ROOT, file), 'utf8')),
    );
    expect(runningBuilt, 'move these (or their tests of the built CLI) to test/e2e/').toEqual([]);
  });

  it('keeps test/e2e/ for files that run what users run', () => {
    const onSources = testFiles('e2e').filter(
      (file) => !RUNS_WHAT_USERS_RUN.test(readFileSync(path.join(TEST_ROOT, file), 'utf8')),
    );
    expect(onSources, 'these run nothing users run: move them to test/unit/').toEqual([]);
  });

  it('tells a file that runs the built CLI or the package from one that runs the sources', () => {
    expect(RUNS_WHAT_USERS_RUN.test("import { repomod } from '../../helpers/cli.js';")).toBe(true);
    expect(RUNS_WHAT_USERS_RUN.test("execFileSync('npm', ['pack'])")).toBe(true);
    expect(RUNS_WHAT_USERS_RUN.test("import { REPO_ROOT } from '../../helpers/paths.js';")).toBe(false);
    expect(RUNS_WHAT_USERS_RUN.test("execFileSync('git', ['init'])")).toBe(false);
  });
});

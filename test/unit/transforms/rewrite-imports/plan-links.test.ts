// rewrite-imports --move-files (what `repomod move` runs): links, bundle entries, new packages'
// __init__.py, git-ignored files and deploy-package closures after the move. The fixture case
// itself (dry-run patch through `git apply` == --apply == output/) runs in rewrite-imports.test.ts.
import { mkdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closureOf, loadRepository } from '../../../../features/bundle/index.js';
import { findSymlinks } from '../../../../lib/repo/symlinks.js';
import { diagnosticLines, repoFixtures, runOn } from '../../../helpers/fixtures.js';
import { initRepo, materialise, snapshotTree, tempDir } from '../../../helpers/tree.js';

const CASE = path.join(repoFixtures('rewrite-imports'), 'cloud-functions-linking-shared');
const FUNCTIONS = 'orchestration/cloud_functions';

function fixtureRepo(): string {
  const dir = tempDir();
  const links = (readJson('links.json') as { input: Record<string, string> }).input;
  materialise(path.join(CASE, 'input'), dir, links);
  initRepo(dir);
  return dir;
}

const readJson = (name: string): unknown => JSON.parse(readFileSync(path.join(CASE, name), 'utf8'));

describe('a move across Cloud Function folders that link and bundle shared/', () => {
  it('leaves no broken link, and every package but the one named in the warning closes', async () => {
    const dir = fixtureRepo();
    const options = readJson('options.json') as Record<string, unknown>;
    await runOn(dir, 'rewrite-imports', options, 'apply');
    expect(findSymlinks(loadRepository(dir)).filter((l) => l.kind === 'broken')).toEqual([]);
    const missing = async (fn: string) =>
      (await closureOf(path.join(dir, FUNCTIONS, fn, 'main.py'))).closure.findings
        .filter((f) => f.kind === 'missing-module')
        .map((f) => f.module);
    expect(await missing('fn_a')).toEqual([]);
    expect(await missing('fn_b')).toEqual([]);
    expect(await missing('fn_d')).toEqual([]);
    expect(await missing('fn_c')).toEqual(['shared.gcp', 'shared.gcp.bigquery_utils']);
  });

  it('--strict makes what a package will miss an error', async () => {
    const dir = fixtureRepo();
    const result = await runOn(dir, 'rewrite-imports', { ...(readJson('options.json') as object), strict: true });
    expect(diagnosticLines(result).filter((l) => l.includes('package-misses-module'))).toEqual([
      expect.stringMatching(
        /^orchestration\/cloud_functions\/fn_c\/shared\/utils\/helpers\.py:1:6: error: after the move the deploy package 'orchestration\/cloud_functions\/fn_c' misses 'shared\.gcp\.bigquery_utils' /,
      ),
    ]);
  });
});

describe('links, namespace packages and ignored files', () => {
  it('keeps absolute targets absolute, leaves namespace packages without __init__.py, never overwrites an ignored file', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'scripts/jobs/cache'), { recursive: true });
    mkdirSync(path.join(dir, 'tools/jobs/cache'), { recursive: true });
    mkdirSync(path.join(dir, 'bin'), { recursive: true });
    writeFileSync(path.join(dir, '.gitignore'), 'cache/\n');
    writeFileSync(path.join(dir, 'scripts/jobs/run.py'), 'print("run")\n');
    writeFileSync(path.join(dir, 'scripts/jobs/cache/a.json'), 'old\n');
    writeFileSync(path.join(dir, 'scripts/jobs/cache/b.json'), 'b\n');
    writeFileSync(path.join(dir, 'tools/jobs/cache/a.json'), 'someone else\n');
    symlinkSync(path.join(dir, 'scripts/jobs/run.py'), path.join(dir, 'bin/run'));
    initRepo(dir);
    const result = await runOn(dir, 'rewrite-imports', { map: ['scripts/jobs=tools/jobs'], moveFiles: true }, 'apply');
    expect(diagnosticLines(result)).toEqual([
      "scripts/jobs/cache/a.json:1:1: warning: git-ignored 'scripts/jobs/cache/a.json' is left where it is: 'tools/jobs/cache/a.json' already exists and is never overwritten [rewrite-imports/ignored-file-left]",
      'tools/jobs:1:1: info: 1 git-ignored file moves with the folder, as git mv moves them: tools/jobs/cache/b.json [rewrite-imports/ignored-files-moved]',
    ]);
    expect(readlinkSync(path.join(dir, 'bin/run'))).toBe(path.join(dir, 'tools/jobs/run.py'));
    const tree = snapshotTree(dir);
    expect(Object.keys(tree).filter((p) => p.endsWith('__init__.py'))).toEqual([]);
    expect(tree['tools/jobs/cache/a.json']).toMatchObject({ content: 'someone else\n' });
    expect(tree['scripts/jobs/cache/a.json']).toMatchObject({ content: 'old\n' });
    expect(tree['tools/jobs/cache/b.json']).toMatchObject({ content: 'b\n' });
  });
});

// `repomod bundle build` and `bundle check`: the built package compared as a whole tree (names,
// bytes, modes), the refusals that protect --out, and bundle mode + build ≡ copy mode.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundle, checkBundle } from '../../../../features/bundle/index.js';
import { formatDiagnostic } from '../../../../lib/engine/diagnostics.js';
import { FIXTURES_ROOT, repoFixtures, runOn } from '../../../helpers/fixtures.js';
import { initRepo, materialise, snapshotTree, tempDir } from '../../../helpers/tree.js';
import { repomodInProcess } from '../../../helpers/cli.js';

const BUILD_CASES = path.join(FIXTURES_ROOT, 'bundle', 'build');
const SHARED_TREE = path.join(repoFixtures('replace-symlinks'), 'function-shared-tree');

function setUp(caseDir: string, treeName = 'tree', linksKey?: string): string {
  const dir = tempDir();
  const linksFile = path.join(caseDir, 'links.json');
  const allLinks = existsSync(linksFile) ? JSON.parse(readFileSync(linksFile, 'utf8')) : {};
  materialise(path.join(caseDir, treeName), dir, linksKey ? allLinks[linksKey] : allLinks);
  initRepo(dir);
  return dir;
}

describe('bundle build', () => {
  for (const name of readdirSync(BUILD_CASES).sort()) {
    it(`${name}: the built tree equals expected/`, () => {
      const caseDir = path.join(BUILD_CASES, name);
      const repo = setUp(caseDir);
      const out = path.join(tempDir(), 'out');
      const report = buildBundle(path.join(repo, 'fn_a'), out);
      expect(report.diagnostics.map(formatDiagnostic)).toEqual([]);
      expect(snapshotTree(out)).toEqual(snapshotTree(path.join(caseDir, 'expected')));
    });
  }

  it('bundle mode then build gives exactly what copy mode puts in the package', async () => {
    const viaCopy = setUp(SHARED_TREE, 'input', 'input');
    await runOn(viaCopy, 'replace-symlinks', { mode: 'copy' }, 'apply');
    const viaBundle = setUp(SHARED_TREE, 'input', 'input');
    await runOn(viaBundle, 'replace-symlinks', { mode: 'bundle' }, 'apply');
    for (const pkg of ['fn_a', 'fn_b']) {
      const out = path.join(tempDir(), pkg);
      buildBundle(path.join(viaBundle, pkg), out);
      const copied = snapshotTree(path.join(viaCopy, pkg));
      delete copied['repomod.bundle.json'];
      expect(snapshotTree(out), pkg).toEqual(copied);
    }
  });

  it('refuses a non-empty --out without --force, and replaces it with --force', () => {
    const repo = setUp(path.join(BUILD_CASES, 'function-with-entries'));
    const out = path.join(tempDir(), 'out');
    mkdirSync(out);
    writeFileSync(path.join(out, 'stale.py'), 'old\n');
    expect(() => buildBundle(path.join(repo, 'fn_a'), out)).toThrow(
      /--out .* is not empty \(1 entry\); nothing was written/,
    );
    expect(readdirSync(out)).toEqual(['stale.py']);
    buildBundle(path.join(repo, 'fn_a'), out, { force: true });
    expect(existsSync(path.join(out, 'stale.py'))).toBe(false);
    expect(existsSync(path.join(out, 'shared', 'vendor', 'espn', 'client.py'))).toBe(true);
  });

  it.each([
    ['the package itself', (repo: string) => path.join(repo, 'fn_a'), /contains the package itself/],
    ['a folder inside the package', (repo: string) => path.join(repo, 'fn_a', 'build'), /is inside the package/],
    ['the repository root', (repo: string) => repo, /contains the package itself|contains the repository/],
  ])('refuses --out set to %s', (_label, outOf, message) => {
    const repo = setUp(path.join(BUILD_CASES, 'function-with-entries'));
    expect(() => buildBundle(path.join(repo, 'fn_a'), outOf(repo), { force: true })).toThrow(message);
    expect(existsSync(path.join(repo, 'fn_a', 'main.py'))).toBe(true);
  });

  it('writes nothing when an entry source is missing or a link is broken', () => {
    const repo = setUp(path.join(BUILD_CASES, 'function-with-entries'));
    rmSync(path.join(repo, 'tools', 'serve.sh'));
    symlinkSync('../shared/espon_client.py', path.join(repo, 'fn_a', 'espn.py'));
    const out = path.join(tempDir(), 'out');
    const report = buildBundle(path.join(repo, 'fn_a'), out);
    expect(report.diagnostics.map(formatDiagnostic)).toEqual([
      "fn_a/espn.py:1:1: error: broken link: target '../shared/espon_client.py' does not exist ('shared/espon_client.py' is missing) [bundle/broken-link]",
      "fn_a/repomod.bundle.json:4:1: error: bundle entry 'bin/serve.sh': source 'tools/serve.sh' does not exist [bundle/missing-source]",
    ]);
    expect(existsSync(out)).toBe(false);
  });
});

describe('bundle check', () => {
  it('is clean for a package whose entries all resolve', () => {
    const repo = setUp(path.join(BUILD_CASES, 'function-with-entries'));
    expect(checkBundle(path.join(repo, 'fn_a')).diagnostics).toEqual([]);
  });

  it('reports a missing source, including one in a nested manifest', () => {
    const repo = setUp(path.join(BUILD_CASES, 'function-with-entries'));
    rmSync(path.join(repo, 'libs'), { recursive: true });
    expect(checkBundle(path.join(repo, 'fn_a')).diagnostics.map(formatDiagnostic)).toEqual([
      "fn_a/shared/repomod.bundle.json:3:1: error: bundle entry 'vendor/espn': source 'libs/espn' does not exist [bundle/missing-source]",
    ]);
  });
});

describe('bundle CLI end to end', () => {
  const cli = async (cwd: string, ...args: string[]) => await repomodInProcess(cwd, args);

  it('check exits 1 on a missing source and 0 once it is back; build writes --out', { timeout: 60_000 }, async () => {
    const repo = setUp(path.join(BUILD_CASES, 'function-with-entries'));
    execFileSync('mv', ['tools', 'tools-moved'], { cwd: repo });
    const broken = await cli(repo, 'bundle', 'check', 'fn_a');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(
      "fn_a/repomod.bundle.json:4:1: error: bundle entry 'bin/serve.sh': source 'tools/serve.sh' does not exist [bundle/missing-source]",
    );
    execFileSync('mv', ['tools-moved', 'tools'], { cwd: repo });
    const fixed = await cli(repo, 'bundle', 'check', 'fn_a');
    expect([fixed.code, fixed.stderr]).toEqual([0, 'fn_a: 3 bundle entries, 10 files; 0 warnings\n']);
    const out = path.join(tempDir(), 'deploy');
    const built = await cli(repo, 'bundle', 'build', 'fn_a', '--out', out);
    expect([built.code, built.stderr]).toEqual([
      0,
      `built fn_a into ${out}: 10 files, 6 from bundle entries; 0 warnings\n`,
    ]);
    const again = await cli(repo, 'bundle', 'build', 'fn_a', '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^repomod: error: --out .* is not empty .*\nhelp: pass --force/);
  });
});

// What the engine gives a repository-level transform (replace-symlinks here): the command line's
// paths, the links it attaches shown in --json and before the summary, no per-file pass, and a
// clean --check that prints nothing.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repomodInProcess } from '../../../helpers/cli.js';
import { git, initRepo, tempDir } from '../../../helpers/tree.js';

/** Two functions linking one shared module; fn_b's link is broken. */
function linkedRepo(): string {
  const repo = tempDir();
  const files: Record<string, string> = {
    'shared/config.py': 'REGION = "eu"\n',
    'fn_a/main.py': 'import shared.config\n',
    'fn_b/main.py': 'import shared.config\n',
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
    writeFileSync(path.join(repo, rel), text);
  }
  symlinkSync('../shared', path.join(repo, 'fn_a/shared'));
  symlinkSync('../sharde', path.join(repo, 'fn_b/shared'));
  initRepo(repo);
  return repo;
}

describe('repository plans through the CLI', () => {
  it('counts the links it looked at in one line before the summary, and only under the given paths', async () => {
    const repo = linkedRepo();
    const run = await repomodInProcess(repo, ['replace-symlinks', '--mode', 'copy', 'fn_a']);
    expect(run.stderr).toBe(
      '1 link: 1 to copy (--verbose lists them)\n' +
        `3 changed, 0 unchanged, 0 skipped, 0 failed; 0 warnings (${run.stderr.match(/\((\d+\.\d)s\)/)![1]}s) (dry run: nothing written; add --apply to write)\n`,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('diff --git a/fn_a/shared/config.py b/fn_a/shared/config.py\nnew file mode 100644\n');
    expect(run.stdout).not.toContain('fn_b');
  });

  it('puts the links in --json as a top-level key, with the broken one as an error', async () => {
    const repo = linkedRepo();
    const run = await repomodInProcess(repo, ['replace-symlinks', '--json']);
    const report = JSON.parse(run.stdout);
    expect(report.links.map((l: { path: string; kind: string; target: string }) => [l.path, l.kind, l.target])).toEqual(
      [
        ['fn_a/shared', 'directory', '../shared'],
        ['fn_b/shared', 'broken', '../sharde'],
      ],
    );
    expect(report.totals).toMatchObject({ changed: 0, errors: 1 });
    expect(run.code).toBe(1);
  });

  it('refuses a glob that matches nothing rather than widening the run to the whole repository', async () => {
    const run = await repomodInProcess(linkedRepo(), ['replace-symlinks', '--mode', 'copy', 'fn_c*']);
    expect(run.stderr).toMatch(/^repomod: error: pattern 'fn_c\*' matches nothing\n/);
    expect(run.code).toBe(2);
  });

  it('expands a glob to the links it names', async () => {
    const run = await repomodInProcess(linkedRepo(), ['replace-symlinks', '--mode', 'copy', 'fn_a/*']);
    expect(run.stderr.split('\n')[0]).toBe('1 link: 1 to copy (--verbose lists them)');
    expect(run.code).toBe(0);
  });

  it('lists each link with --verbose, and says what --apply did with them', async () => {
    const repo = linkedRepo();
    const verbose = await repomodInProcess(repo, ['replace-symlinks', '--mode', 'copy', '--verbose', 'fn_a']);
    expect(verbose.stderr).toMatch(
      /^(.*\[replace-symlinks\/link\]\n)+1 link:\n {2}fn_a\/shared -> \.\.\/shared \(shared\): directory, copied\n3 changed/,
    );
    const applied = await repomodInProcess(repo, ['replace-symlinks', '--mode', 'copy', '--apply', 'fn_a']);
    expect(applied.stderr.split('\n').slice(-3)).toEqual([
      '1 link: 1 copied (--verbose lists them)',
      expect.stringMatching(/^3 changed, .* \(applied: 3 files written\)$/),
      '',
    ]);
  });

  it('keeps links out of check mode unless --verbose: its findings say what matters', async () => {
    const repo = linkedRepo();
    const check = await repomodInProcess(repo, ['check', 'fn_a', 'fn_b']);
    expect(check.stderr).toMatch(/^fn_b\/shared:1:1: error: broken link: /m);
    expect(check.stderr).not.toMatch(/^\d+ links?[: ]/m);
    const symlinks = await repomodInProcess(repo, ['replace-symlinks', '--check']);
    expect(symlinks.stderr).toMatch(
      /^fn_b\/shared:1:1: error: broken link: .*\n0 changed, 2 unchanged, 0 skipped, 0 failed; 1 error, 0 warnings \(\d+\.\ds\) \(check: nothing written\)\n$/,
    );
    expect(symlinks.code).toBe(1);
  });

  it('prints nothing on a clean --check and exits 0; with findings, the summary follows them', async () => {
    const repo = linkedRepo();
    const clean = await repomodInProcess(repo, ['fix-call-syntax', '--check']);
    expect([clean.code, clean.stdout, clean.stderr]).toEqual([0, '', '']);
    writeFileSync(path.join(repo, 'fn_a/main.py'), 'print("x", end="", end="")\n');
    git(repo, 'add', '-A');
    const dirty = await repomodInProcess(repo, ['fix-call-syntax', '--check']);
    expect(dirty.code).toBe(1);
    expect(dirty.stderr).toMatch(
      /^fn_a\/main\.py: would change\n1 changed, 2 unchanged, 0 skipped, 0 failed; 0 warnings/m,
    );
  });

  it('accepts --no-color on every command, those that print no diff too', async () => {
    const run = await repomodInProcess(linkedRepo(), ['bundle', 'closure', 'fn_a/main.py', '--no-color']);
    expect(run.stderr).not.toMatch(/Unknown argument/);
    expect(run.stdout).toBe('main.py\nshared/config.py\n');
    expect(run.code).toBe(0);
  });
});

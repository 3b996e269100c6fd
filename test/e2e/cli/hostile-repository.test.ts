// One repository holding every hostile or odd input of issue 12 at once: a committed config rule
// that climbs out, a symlinked folder leading outside, requirements includes of /etc/passwd and
// /dev/zero, FIFOs, manifest entries into .git/ and ignored files, a self-including package, a
// 3,000-deep expression. Each command ends in bounded time, writes nothing outside the root, and
// names what it refused.
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { CLI } from '../../helpers/cli.js';
import { makeFifo } from '../../helpers/fifo.js';
import { git, initRepo, tempDir } from '../../helpers/tree.js';
import { pictureOf } from '../../helpers/move-scenario.js';

function cli(cwd: string, ...args: string[]) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, ms: performance.now() - started };
}

function hostileRepository(): { outer: string; repo: string } {
  const outer = tempDir('repomod-hostile-');
  const repo = path.join(outer, 'repo');
  const files: Record<string, string> = {
    'repomod.config.json': JSON.stringify({
      transforms: {
        'rewrite-imports': {
          rules: [{ from: 'tools/payload.py', to: 'tools/../../pwned/usercustomize.py' }],
          moveFiles: true,
        },
      },
    }),
    'tools/payload.py': 'import os\n',
    'pkg/__init__.py': '',
    'pkg/mod.py': 'VALUE = 1\n',
    'deep.py': `x = ${'('.repeat(3000)}1${')'.repeat(3000)}\n`,
    'fn/main.py': 'from shared import config\n',
    'fn/requirements.txt': 'requests\n-r /etc/passwd\n-r ../../../../etc/shadow\n-r /dev/zero\n',
    'fn/repomod.bundle.json': JSON.stringify({
      entries: [
        { from: '.git/config', to: 'gitconfig' },
        { from: 'shared/.env', to: '.env' },
        { from: 'fn', to: 'again' },
      ],
    }),
    'shared/__init__.py': '',
    'shared/config.py': 'X = 1\n',
    '.gitignore': 'shared/.env\n',
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
    writeFileSync(path.join(repo, rel), text);
  }
  mkdirSync(path.join(outer, 'outside'));
  writeFileSync(path.join(outer, 'clean.json'), '{}\n');
  writeFileSync(path.join(outer, 'outside', 'keep.txt'), 'outside the repository\n');
  symlinkSync('../outside', path.join(repo, 'out'));
  symlinkSync('../shared', path.join(repo, 'fn', 'shared'));
  initRepo(repo);
  writeFileSync(path.join(repo, 'shared', '.env'), 'AWS_SECRET=abc\n');
  makeFifo(path.join(repo, 'fn', 'pipe.py'));
  makeFifo(path.join(repo, 'shared', 'stream.py'));
  return { outer, repo };
}

it(
  'every command ends in bounded time, writes nothing outside the root, and names each refused item',
  { timeout: 180_000 },
  () => {
    const { outer, repo } = hostileRepository();
    const outsideBefore = pictureOf(outer, (rel) => rel === 'repo');
    const repoBefore = pictureOf(repo);

    // the committed config's rule climbs out of the repository: refused before anything runs
    const check = cli(repo, 'check', '--apply');
    expect(check.code).toBe(2);
    expect(check.stderr).toContain("'tools/../../pwned/usercustomize.py' leads outside the repository");

    // the syntax gate (with a config of the user's own) rejects what CPython rejects: 3,000 nested parentheses
    const gate = cli(repo, 'fix-call-syntax', '--check', '--config', path.join(outer, 'clean.json'), 'deep.py');
    expect(gate.code, gate.stderr).toBe(1);
    expect(gate.stderr).toMatch(/deep\.py:1:\d+: error: .*too many nested parentheses/);

    // a move into a symlinked folder that leads outside: refused, the source stays
    const move = cli(repo, 'move', 'pkg/mod.py', 'out/mod.py', '--apply', '--config', path.join(outer, 'clean.json'));
    expect(move.code, move.stderr).toBe(1);
    expect(move.stderr).toContain("repomod: error: refusing to write 'out/mod.py': 'out' is a symbolic link");

    // the package: FIFOs, .git/ and ignored sources, itself, requirements leaving the repository
    const bundleCheck = cli(repo, 'bundle', 'check', 'fn');
    expect(bundleCheck.code).toBe(1);
    const build = cli(repo, 'bundle', 'build', 'fn', '--out', path.join(outer, 'build'));
    expect(build.code).toBe(1);
    const closure = cli(repo, 'bundle', 'closure', 'fn/main.py');
    for (const [name, run] of Object.entries({ bundleCheck, build, closure, move, check, gate })) {
      expect(run.ms, `${name} took ${Math.round(run.ms)} ms`).toBeLessThan(20_000);
    }
    const said = bundleCheck.stderr + build.stderr + closure.stderr;
    for (const named of [
      '.git/config',
      'shared/.env',
      'not a regular file (FIFO)',
      '/etc/passwd',
      '../../../../etc/shadow',
      '/dev/zero',
    ]) {
      expect(said, named).toContain(named);
    }
    expect(said).toMatch(/includes? (the package|itself)|self-inclusion/);

    // nothing was written outside the root, nor inside it
    expect(pictureOf(outer, (rel) => rel === 'repo')).toEqual(outsideBefore);
    expect(pictureOf(repo)).toEqual(repoBefore);
    expect(git(repo, 'status', '--porcelain')).toBe('');
  },
);

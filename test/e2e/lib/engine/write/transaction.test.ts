// --apply as a transaction, end to end with the built CLI: kill -9 at random moments of a real
// move, Ctrl-C and SIGTERM in each long phase, two runs at once, an edit made mid-run, and a
// destination that git ignores. After each, the tree is the original or the full result.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, repomodInProcess } from '../../../../helpers/cli.js';
import { git, initRepo, tempDir } from '../../../../helpers/tree.js';
import { fastTempDir, pictureOf, type Picture } from '../../../../helpers/move-scenario.js';

interface Running {
  pid: number;
  done: Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stderr: string;
    stdout: string;
    endedAt: number;
  }>;
  kill: (signal: NodeJS.Signals) => void;
}

function start(cwd: string, args: string[], env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, FORCE_COLOR: '0', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<Awaited<Running['done']>>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr, stdout, endedAt: performance.now() })),
  );
  return { pid: child.pid!, done, kill: (signal) => child.kill(signal) };
}

/**
 * A third-party transform that takes 20 ms a file and, once it has done three, drops a
 * `started` marker: the run is surely past start-up and has read some files.
 */
const SLOW_TRANSFORM = `let n = 0;
module.exports = (file) => {
  if (++n === 3) require('fs').writeFileSync('started', '');
  const end = Date.now() + 20;
  while (Date.now() < end) {}
  return file.source.replace('foo', 'bar');
};
`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Flags for runs of the test's own CommonJS transforms: Node's require instead of @babel/register
 * (~1 s of loading presets a run, more under load), which these tests do not exercise; the loading
 * is compared with stock's in test/e2e/cli/commands/run.stock-parity.test.ts.
 */
const PLAIN_REQUIRE = '--no-babel';

/** The lock a run takes before it reads the files it will change: it is past start-up. */
const lockOf = (root: string) => path.join(root, '.git/repomod/lock');

async function waitFor(predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > until) throw new Error('timed out waiting');
    await sleep(10);
  }
}

/** A repository with a 120-module package that `move pkg lib/pkg` rewrites, importers included. */
function movableRepo(modules = 120): string {
  const root = tempDir('repomod-tx-');
  for (let i = 0; i < modules; i++) {
    mkdirSync(path.join(root, 'pkg', `sub${i % 5}`), { recursive: true });
    writeFileSync(
      path.join(root, 'pkg', `sub${i % 5}`, `m${i}.py`),
      `from pkg.sub${(i + 1) % 5} import m${(i + 1) % modules}\nX${i} = ${i}\n`,
    );
  }
  for (let i = 0; i < 5; i++) writeFileSync(path.join(root, 'pkg', `sub${i}`, '__init__.py'), '');
  writeFileSync(path.join(root, 'pkg', '__init__.py'), '');
  mkdirSync(path.join(root, 'app'));
  for (let i = 0; i < 30; i++)
    writeFileSync(
      path.join(root, 'app', `v${i}.py`),
      `import pkg.sub1.m1\n\ndef f():\n    from pkg.sub2 import m2\n    return m2\n`,
    );
  initRepo(root);
  return root;
}

/** A `git` first on PATH that waits in `git status` until released, so a test can act meanwhile. */
function slowGit(dir: string): { env: Record<string, string>; entered: string; release: string } {
  const bin = path.join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const real = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
  const entered = path.join(dir, 'entered');
  const release = path.join(dir, 'release');
  writeFileSync(
    path.join(bin, 'git'),
    `#!/bin/sh\nif [ "$1" = status ]; then touch '${entered}'; while [ ! -e '${release}' ]; do sleep 0.05; done; fi\nexec '${real}' "$@"\n`,
  );
  chmodSync(path.join(bin, 'git'), 0o755);
  return { env: { PATH: `${bin}:${process.env.PATH}` }, entered, release };
}

const scratch = (picture: Picture) => Object.keys(picture).filter((p) => p.includes('.repomod-'));

describe('kill -9 during a real move', () => {
  // on the disk, not tmpfs: there the fsyncs are free and fewer kills would land in the commit
  it('leaves, after one more run, the original tree or the full result, at 20 random moments', async () => {
    const root = movableRepo(60);
    const original = pictureOf(root);
    const reset = () => {
      git(root, 'reset', '-q', '--hard');
      git(root, 'clean', '-qfdx');
    };
    const timed = start(root, ['move', 'pkg', 'lib/pkg', '--apply']);
    const began = performance.now();
    const clean = await timed.done;
    expect(clean.code, clean.stderr).toBe(0);
    const duration = clean.endedAt - began;
    const result = pictureOf(root);
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const seen = { original: 0, result: 0 };
    for (let i = 0; i < 20; i++) {
      reset();
      const run = start(root, ['move', 'pkg', 'lib/pkg', '--apply']);
      // spread the kills over the whole run, start-up and commit included
      await sleep(random() * duration);
      run.kill('SIGKILL');
      await run.done;
      // the next run, whatever it is, first finishes or rolls back what the killed one left (in this
      // process: only the killed one needs a process of its own)
      const next = await repomodInProcess(root, i % 2 === 0 ? ['recover'] : ['move', 'pkg', 'lib/pkg', '--json']);
      expect(next.code === 0 || next.code === 1, next.stderr).toBe(true);
      const after = pictureOf(root);
      expect(scratch(after), `kill ${i}`).toEqual([]);
      if (JSON.stringify(after) === JSON.stringify(original)) seen.original++;
      else {
        expect(after, `kill ${i}: neither the original nor the result`).toEqual(result);
        seen.result++;
      }
    }
    expect(seen.original + seen.result).toBe(20);
  }, 180_000);
});

describe('signals', () => {
  it('Ctrl-C during the uncommitted-changes check: exit 130 promptly, nothing written', async () => {
    const root = movableRepo(20);
    const original = pictureOf(root);
    const slow = slowGit(tempDir('repomod-git-'));
    const run = start(root, ['move', 'pkg', 'lib/pkg', '--apply'], slow.env);
    await waitFor(() => existsSync(slow.entered));
    const sent = performance.now();
    run.kill('SIGINT');
    const ended = await run.done;
    writeFileSync(slow.release, '');
    expect(ended.code).toBe(130);
    expect(ended.endedAt - sent).toBeLessThan(2000);
    expect(ended.stderr).toContain('repomod: interrupted: nothing was written\n');
    expect(pictureOf(root)).toEqual(original);
    expect(existsSync(path.join(root, '.git/repomod/journal.json'))).toBe(false);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    '%s while a slow transform runs in-process (--jobs 1): exit %i, nothing written',
    async (signal, code) => {
      const root = fastTempDir();
      for (let i = 0; i < 200; i++) writeFileSync(path.join(root, `f${i}.js`), `foo(${i});\n`);
      writeFileSync(path.join(root, 'slow.cjs'), SLOW_TRANSFORM);
      initRepo(root);
      const original = pictureOf(root);
      const run = start(root, ['run', '-t', 'slow.cjs', PLAIN_REQUIRE, '--jobs', '1', '--apply', '.']);
      await waitFor(() => existsSync(path.join(root, 'started')));
      await sleep(300);
      const sent = performance.now();
      run.kill(signal);
      const ended = await run.done;
      expect(ended.code, ended.stderr).toBe(code);
      expect(ended.endedAt - sent).toBeLessThan(2000);
      expect(ended.stderr).toContain('interrupted: nothing was written');
      expect(pictureOf(root, (rel) => rel === '.git' || rel === 'started')).toEqual(original);
    },
  );

  it('a SIGINT that comes between two calls of a third-party transform is not lost', async () => {
    const root = fastTempDir();
    for (let i = 0; i < 20; i++) writeFileSync(path.join(root, `f${i}.js`), `foo(${i});\n`);
    // the signal comes once the first call has returned, before the second: vm's breakOnSigint
    // took the SIGINT listeners off for each call, and a signal still pending then was dropped
    writeFileSync(
      path.join(root, 'signals-itself.cjs'),
      `let sent = false;
module.exports = (file) => {
  if (!sent) queueMicrotask(() => process.kill(process.pid, 'SIGINT'));
  sent = true;
  return file.source.replace('foo', 'bar');
};
`,
    );
    initRepo(root);
    const original = pictureOf(root);
    const ended = await start(root, ['run', '-t', 'signals-itself.cjs', PLAIN_REQUIRE, '--jobs', '1', '--apply', '.'])
      .done;
    expect(ended.code, ended.stderr).toBe(130);
    expect(ended.stderr).toContain('repomod: interrupted: nothing was written\n');
    expect(pictureOf(root, (rel) => rel === '.git')).toEqual(original);
  });

  it('Ctrl-C stops a third-party transform stuck in an endless loop', async () => {
    const root = fastTempDir();
    writeFileSync(path.join(root, 'a.js'), 'foo();\n');
    // it says when it is in the loop: the signal must find it there, not still starting
    writeFileSync(
      path.join(root, 'stuck.cjs'),
      "module.exports = () => { require('fs').writeFileSync('looping', ''); for (;;) {} };\n",
    );
    const run = start(root, ['run', '-t', 'stuck.cjs', PLAIN_REQUIRE, '--jobs', '1', '--apply', 'a.js']);
    await waitFor(() => existsSync(path.join(root, 'looping')));
    run.kill('SIGINT');
    const ended = await Promise.race([run.done, sleep(5000).then(() => undefined)]);
    if (!ended) run.kill('SIGKILL');
    expect(ended?.code).toBe(130);
    expect(readFileSync(path.join(root, 'a.js'), 'utf8')).toBe('foo();\n');
  });

  it('Ctrl-C while remove-redundant-bases works through thousands of files in-process: exit 130 within two seconds (0.05 s turns; two test forks share the cores)', async () => {
    // on tmpfs: 6,000 files written and hashed by git cost seconds on a busy disk
    const root = fastTempDir();
    for (let p = 0; p < 30; p++) {
      mkdirSync(path.join(root, `p${p}`));
      writeFileSync(path.join(root, `p${p}`, 'base.py'), 'class Mixin:\n    pass\n\n\nclass Base(Mixin):\n    pass\n');
    }
    for (let i = 0; i < 6000; i++)
      writeFileSync(
        path.join(root, `p${i % 30}`, `m${i}.py`),
        `from p${i % 30}.base import Base, Mixin\n\n\nclass C${i}(Base):\n    pass\n`,
      );
    initRepo(root);
    const run = start(root, ['remove-redundant-bases', '--apply']);
    // past start-up (the lock is taken before the files are read), then half a second into them
    let finished = false;
    void run.done.then(() => (finished = true));
    await waitFor(() => finished || existsSync(lockOf(root)));
    await sleep(500);
    const sent = performance.now();
    run.kill('SIGINT');
    const ended = await run.done;
    if (ended.code === 0 && ended.endedAt < sent + 20)
      return console.log('skipped: the run finished before the signal');
    expect(ended.code, ended.stderr).toBe(130);
    expect(ended.endedAt - sent).toBeLessThan(2000);
    expect(git(root, 'status', '--porcelain')).toBe('');
  });
});

describe('concurrent runs and edits', () => {
  it('a second run refuses while the first holds the work tree, naming its pid', async () => {
    const root = movableRepo(20);
    const slow = slowGit(tempDir('repomod-git-'));
    const first = start(root, ['move', 'pkg', 'lib/pkg', '--apply'], slow.env);
    await waitFor(() => existsSync(slow.entered));
    const second = await repomodInProcess(root, ['rewrite-imports', '--map', 'pkg=other', '--apply']);
    writeFileSync(slow.release, '');
    const ended = await first.done;
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(
      new RegExp(
        `^repomod: error: another repomod run \\(pid ${first.pid}, 'move pkg lib/pkg --apply', since [^)]+\\) is writing this work tree; nothing was written\\n`,
      ),
    );
    expect(ended.code, ended.stderr).toBe(0);
    expect(existsSync(path.join(root, 'lib/pkg/sub0/m0.py'))).toBe(true);
    expect(readFileSync(path.join(root, 'app/v0.py'), 'utf8')).toBe(
      'import lib.pkg.sub1.m1\n\ndef f():\n    from lib.pkg.sub2 import m2\n    return m2\n',
    );
  });

  it('an edit saved while the run works makes it write nothing and name the file', async () => {
    const root = fastTempDir();
    for (let i = 0; i < 80; i++) writeFileSync(path.join(root, `f${String(i).padStart(2, '0')}.js`), `foo(${i});\n`);
    writeFileSync(path.join(root, 'slow.cjs'), SLOW_TRANSFORM);
    initRepo(root);
    const run = start(root, ['run', '-t', 'slow.cjs', PLAIN_REQUIRE, '--jobs', '1', '--apply', '--allow-dirty', '.']);
    // an editor saves a file the run has already read, while it is still working on others
    await waitFor(() => existsSync(path.join(root, 'started')));
    writeFileSync(path.join(root, 'f00.js'), 'foo(0); // edited by hand\n');
    const ended = await run.done;
    expect(ended.code).toBe(1);
    expect(ended.stderr).toContain(
      "repomod: error: 'f00.js' changed on disk while repomod was running; nothing was written\n",
    );
    expect(git(root, 'status', '--porcelain')).toBe(' M f00.js\n?? started\n');
    expect(readFileSync(path.join(root, 'f00.js'), 'utf8')).toBe('foo(0); // edited by hand\n');
  });

  it('never overwrites a git-ignored file at a move destination', async () => {
    const root = tempDir('repomod-ignored-');
    mkdirSync(path.join(root, 'a'));
    mkdirSync(path.join(root, 'b'));
    writeFileSync(path.join(root, 'a', 'settings_local.py'), 'DEBUG = False\n');
    writeFileSync(path.join(root, '.gitignore'), 'b/settings_local.py\n');
    initRepo(root);
    writeFileSync(path.join(root, 'b', 'settings_local.py'), 'SECRET = "mine"\n');
    const run = await repomodInProcess(root, ['move', 'a', 'b', '--apply']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "repomod: error: 'b/settings_local.py' already exists and would be overwritten; nothing was written\n",
    );
    expect(readFileSync(path.join(root, 'b', 'settings_local.py'), 'utf8')).toBe('SECRET = "mine"\n');
    expect(readFileSync(path.join(root, 'a', 'settings_local.py'), 'utf8')).toBe('DEBUG = False\n');
  });
});

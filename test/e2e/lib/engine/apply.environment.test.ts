// What the environment does to a run: a full disk, a read-only folder, an I/O error, git refusing
// to answer, a nested repository, stdout that is closed, full or gone, paths after `--`.
// Each error is one line naming the path and the errno text, then what happened to the tree.
import { spawnSync } from 'node:child_process';
import { chownSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, repomodInProcess } from '../../../helpers/cli.js';
import { git, initRepo, tempDir } from '../../../helpers/tree.js';
import { pictureOf } from '../../../helpers/move-scenario.js';

const HELP = 'help: free space or fix the permissions, then run the command again (--apply writes all or nothing)\n';

function smallRepo(): string {
  const root = tempDir('repomod-env-');
  mkdirSync(path.join(root, 'pkg'));
  for (let i = 0; i < 60; i++) writeFileSync(path.join(root, 'pkg', `m${i}.py`), `import pkg.m${(i + 1) % 60}\n`);
  writeFileSync(path.join(root, 'app.py'), 'from pkg import m1\n');
  initRepo(root);
  return root;
}

const isRoot = process.getuid?.() === 0;
const mounts: string[] = [];
afterAll(() => {
  for (const dir of mounts) spawnSync('umount', ['-l', dir]);
});

/** A tmpfs of `size` mounted on `dir`, or the reason it cannot be. */
function mountTmpfs(dir: string, size: string): string | undefined {
  if (!isRoot) return 'not root: cannot mount a tmpfs';
  mkdirSync(dir, { recursive: true });
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (result.status !== 0) return `mount failed: ${result.stderr.trim() || result.error?.message}`;
  mounts.push(dir);
  return undefined;
}

describe('file-system faults during --apply', () => {
  it('an EIO at the 50th fsync: one line, exit 1, the tree byte-identical', async () => {
    const root = smallRepo();
    const before = pictureOf(root);
    const run = await repomodInProcess(root, ['move', 'pkg', 'lib/pkg', '--apply'], undefined, {
      REPOMOD_FAULT: 'fsync:50:fail',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^repomod: error: cannot write '[^']+': i\/o error \(injected fault\) \(EIO\); nothing was written\n/,
    );
    expect(run.stderr.endsWith(HELP)).toBe(true);
    expect(run.stderr.split('\n')).toHaveLength(3);
    expect(pictureOf(root)).toEqual(before);
  });

  it('a full disk (a real tmpfs): exit 1, ENOSPC named, the old file kept whole', async (context) => {
    const root = tempDir('repomod-full-');
    const reason = mountTmpfs(root, '1m');
    if (reason) {
      console.log(`skipped: ${reason}`);
      return context.skip();
    }
    // a 600 KB module whose one import changes, on a disk with about 200 KB free
    const big = `import pkg.old\n${'x = 1  # padding\n'.repeat((600 * 1024) / 17)}`;
    writeFileSync(path.join(root, 'big.py'), big);
    writeFileSync(path.join(root, 'filler'), Buffer.alloc(1024 * 1024 - big.length - 200 * 1024));
    const run = await repomodInProcess(root, ['rewrite-imports', '--map', 'pkg.old=pkg.new', '--apply', 'big.py']);
    expect(run.stderr).toMatch(
      /^repomod: error: cannot write '[^']+': no space left on device \(ENOSPC\); nothing was written\n/,
    );
    expect(run.code).toBe(1);
    expect(readFileSync(path.join(root, 'big.py'), 'utf8')).toBe(big);
    expect(Object.keys(pictureOf(root)).sort()).toEqual(['big.py', 'filler']);
  });

  it('a read-only destination folder: exit 1, EROFS named, the sources still there', async (context) => {
    const root = smallRepo();
    const locked = path.join(root, 'locked');
    const reason = mountTmpfs(locked, '1m');
    if (reason) {
      console.log(`skipped: ${reason}`);
      return context.skip();
    }
    spawnSync('mount', ['-o', 'remount,ro', locked]);
    const before = pictureOf(root);
    const run = await repomodInProcess(root, ['move', 'pkg', 'locked/pkg', '--apply']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^repomod: error: cannot write 'locked[^']*': read-only file system \(EROFS\); nothing was written\n/,
    );
    expect(pictureOf(root)).toEqual(before);
  });

  it('a work tree on a read-only file system: exit 1, EROFS named for the state folder, nothing written', async (context) => {
    const mount = path.join(tempDir('repomod-env-'), 'ro');
    const reason = mountTmpfs(mount, '8m');
    if (reason) {
      console.log(`skipped: ${reason}`);
      return context.skip();
    }
    const root = path.join(mount, 'repo');
    cpSync(smallRepo(), root, { recursive: true });
    spawnSync('mount', ['-o', 'remount,ro', mount]);
    const before = pictureOf(root);
    const run = await repomodInProcess(root, ['move', 'pkg', 'lib/pkg', '--apply']);
    expect(run.code).toBe(1);
    // Node's recursive mkdir calls this ENOENT; the user must hear the real reason
    expect(run.stderr).toBe(
      "repomod: error: cannot write '.git/repomod': read-only file system (EROFS); nothing was written\n" +
        'help: free space or fix the permissions, then run the command again (--apply writes all or nothing)\n',
    );
    expect(pictureOf(root)).toEqual(before);
  });
});

describe('the uncommitted-changes guard fails closed', () => {
  it("refuses when git will not answer (another user's checkout) and names the way out", async (context) => {
    if (!isRoot) {
      console.log('skipped: not root, cannot give the checkout to another user');
      return context.skip();
    }
    const root = smallRepo();
    spawnSync('chown', ['-R', '65534:65534', root]);
    const emptyConfig = path.join(tempDir(), 'gitconfig');
    writeFileSync(emptyConfig, '');
    const env = { GIT_CONFIG_GLOBAL: emptyConfig, GIT_CONFIG_NOSYSTEM: '1' };
    const before = pictureOf(root);
    const run = await repomodInProcess(root, ['move', 'pkg', 'lib/pkg', '--apply'], undefined, env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'repomod: error: cannot tell whether files have uncommitted changes: git says: fatal: detected dubious ownership in repository',
    );
    expect(run.stderr).toContain(
      `help: git config --global --add safe.directory ${root}, or pass --allow-dirty to write without this check\n`,
    );
    expect(pictureOf(root)).toEqual(before);
    const forced = await repomodInProcess(root, ['move', 'pkg', 'lib/pkg', '--apply', '--allow-dirty'], undefined, env);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(path.join(root, 'app.py'), 'utf8')).toBe('from lib.pkg import m1\n');
    chownSync(root, 0, 0);
  });

  it('refuses when the index is corrupt', async () => {
    const root = smallRepo();
    writeFileSync(path.join(root, '.git', 'index'), 'not an index');
    const run = await repomodInProcess(root, ['move', 'pkg', 'lib/pkg', '--apply']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^repomod: error: cannot tell whether files have uncommitted changes: git says: .*index.*; nothing was written\n/,
    );
    expect(readFileSync(path.join(root, 'app.py'), 'utf8')).toBe('from pkg import m1\n');
  });

  it('sees uncommitted edits inside a nested repository', async () => {
    const root = smallRepo();
    const nested = path.join(root, 'vendor', 'tool');
    mkdirSync(nested, { recursive: true });
    writeFileSync(path.join(nested, 'use.py'), 'import pkg.m1\n');
    initRepo(nested);
    writeFileSync(path.join(nested, 'use.py'), 'import pkg.m1  # edited, not committed\n');
    const run = await repomodInProcess(root, ['move', 'pkg', 'lib/pkg', '--apply']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'repomod: error: 1 file has uncommitted changes: vendor/tool/use.py; nothing was written\n',
    );
    expect(readFileSync(path.join(nested, 'use.py'), 'utf8')).toBe('import pkg.m1  # edited, not committed\n');
  });
});

describe('stdout and the command line', () => {
  const shell = (cwd: string, command: string) =>
    spawnSync('bash', ['-c', command], { cwd, encoding: 'utf8', env: { ...process.env, CLI } });

  it("a reader that goes away (| head) ends quietly with the run's exit code", () => {
    const root = smallRepo();
    const run = shell(root, 'node "$CLI" move pkg lib/pkg | head -c 20 > /dev/null; echo "exit ${PIPESTATUS[0]}" >&2');
    expect(run.stderr).not.toMatch(/Error|at /);
    expect(run.stderr).toMatch(/exit 0\n$/);
  });

  it('a full stdout (/dev/full) is exit 1 with one line, not a lost patch and exit 0', () => {
    const root = smallRepo();
    const run = shell(root, 'node "$CLI" move pkg lib/pkg > /dev/full');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'repomod: error: cannot write the output to stdout: no space left on device (ENOSPC); the output is lost\n',
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a closed stdout (>&-) is exit 1', () => {
    const root = smallRepo();
    const run = shell(root, 'node "$CLI" move pkg lib/pkg >&-');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'repomod: error: cannot write the output to stdout: stdout is closed (EBADF); the output is lost\n',
    );
  });

  it('paths after -- are paths, even when they start with -', async () => {
    const root = tempDir('repomod-dashes-');
    writeFileSync(path.join(root, '-rf.js'), "import x from 'old-pkg';\n");
    writeFileSync(path.join(root, 'other.js'), "import x from 'old-pkg';\n");
    initRepo(root);
    const run = await repomodInProcess(root, [
      'rewrite-imports',
      '--map',
      'old-pkg=new-pkg',
      '--apply',
      '--',
      '-rf.js',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(path.join(root, '-rf.js'), 'utf8')).toBe("import x from 'new-pkg';\n");
    expect(readFileSync(path.join(root, 'other.js'), 'utf8')).toBe("import x from 'old-pkg';\n");
    const missing = await repomodInProcess(root, [
      'rewrite-imports',
      '--map',
      'old-pkg=new-pkg',
      '--check',
      '--',
      'missing.js',
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("repomod: error: path 'missing.js' does not exist\n");
  });

  it('an empty path is a usage error, not the whole repository', async () => {
    const root = smallRepo();
    const run = await repomodInProcess(root, ['fix-call-syntax', '--apply', '']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "repomod: error: an empty path ('') was given\nhelp: give files, directories or globs, or none for the current directory\n",
    );
    expect(git(root, 'status', '--porcelain')).toBe('');
  });

  it('a -t transform with a syntax error is a usage error (exit 2) naming it', async () => {
    const root = tempDir('repomod-bad-t-');
    writeFileSync(path.join(root, 'a.js'), 'foo();\n');
    writeFileSync(path.join(root, 'broken.js'), 'module.exports = (file) => { return file.source.replace( };\n');
    const run = await repomodInProcess(root, ['run', '-t', 'broken.js', 'a.js']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^repomod: error: cannot load transform 'broken\.js': .*Unexpected token.*\nhelp: fix the transform file/,
    );
  });
});

// Odd inputs through the built CLI: files past the parse limit, FIFOs and directories named as
// files, unreadable directories, control characters in file names. Each gets one diagnostic line.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, quotePath } from '../../../lib/engine/diagnostics.js';
import { formatSize, parseSize } from '../../../lib/engine/file-size.js';
import { CLI, repomodInProcess, repomodUnprivileged } from '../../helpers/cli.js';
import { initRepo, snapshotTree, tempDir } from '../../helpers/tree.js';

const built = existsSync(CLI);
if (!built) console.log('skipping the input tests: run `npm run build` first (dist/cli/index.js is missing)');
const mkfifo = spawnSync('mkfifo', ['--version']).status === 0;
if (!mkfifo) console.log('skipping the FIFO tests: mkfifo is not on PATH');

const BROKEN = 'f(a=1, a=1)\n';

function repository(files: Record<string, string>, init = true): string {
  const dir = tempDir();
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  if (init) initRepo(dir);
  return dir;
}

describe('size limit', () => {
  it.each([
    ['10MB', 10_000_000],
    ['500k', 500_000],
    ['500kB', 500_000],
    ['1.5MiB', 1_572_864],
    ['2048', 2048],
    [4096, 4096],
  ])('parses %j as %d bytes', (text, bytes) => expect(parseSize(text, '--max-file-size')).toBe(bytes));

  it.each(['', '0', '-1', '10 parsecs', '1e9', 'MB'])('rejects %j', (text) =>
    expect(() => parseSize(text, '--max-file-size')).toThrow(
      /--max-file-size must be a size such as 10MB, 500k or a number of bytes/,
    ),
  );

  it.each([
    [52_428_800, '52.4 MB'],
    [10_000_000, '10 MB'],
    [2_000, '2 kB'],
    [812, '812 bytes'],
  ])('shows %d bytes as %s', (bytes, shown) => expect(formatSize(bytes)).toBe(shown));
});

describe.runIf(built)('files past the parse limit', () => {
  it('skips a 52.4 MB file with a too-large warning, without reading it (default limit)', async () => {
    const dir = repository({ 'small.py': BROKEN, 'big.py': BROKEN });
    // sparse: 50 MiB on the size, nothing on the disk; a read would see NUL bytes and call it binary
    truncateSync(path.join(dir, 'big.py'), 50 * 1024 * 1024);
    const run = await repomodInProcess(dir, ['fix-call-syntax', '--check']);
    expect(run.stderr.split('\n').slice(0, 2)).toEqual([
      'big.py:1:1: warning: file is 52.4 MB, over the 10 MB parse limit (--max-file-size); left unchanged [too-large]',
      'small.py: would change',
    ]);
    expect(run.stderr.split('\n')[2]).toMatch(/^1 changed, 0 unchanged, 1 skipped, 0 failed; 1 warning \(/);
    expect(run.code).toBe(1);
  });

  it('takes the limit from --max-file-size, then from the config, and rejects a bad one (exit 2)', async () => {
    const dir = repository({ 'a.py': `${BROKEN}${'#'.repeat(2000)}\n`, 'b.py': BROKEN });
    const flag = await repomodInProcess(dir, ['fix-call-syntax', '--max-file-size', '1k']);
    expect(flag.stderr.split('\n')[0]).toBe(
      'a.py:1:1: warning: file is 2 kB, over the 1 kB parse limit (--max-file-size); left unchanged [too-large]',
    );
    expect(flag.stdout).toMatch(/^diff --git a\/b.py b\/b.py\n/);
    writeFileSync(path.join(dir, 'repomod.config.json'), JSON.stringify({ maxFileSize: '1500' }));
    expect((await repomodInProcess(dir, ['fix-call-syntax'])).stderr.split('\n')[0]).toBe(
      'a.py:1:1: warning: file is 2 kB, over the 1.5 kB parse limit (--max-file-size); left unchanged [too-large]',
    );
    // the flag wins over the config
    expect((await repomodInProcess(dir, ['fix-call-syntax', '--max-file-size', '1MB'])).stderr).not.toContain(
      'too-large',
    );
    const bad = await repomodInProcess(dir, ['fix-call-syntax', '--max-file-size', '5X']);
    expect([bad.code, bad.stderr]).toEqual([
      2,
      'repomod: error: --max-file-size must be a size such as 10MB, 500k or a number of bytes, got "5X"\nhelp: e.g. --max-file-size 20MB\n',
    ]);
    writeFileSync(path.join(dir, 'repomod.config.json'), JSON.stringify({ maxFileSize: true }));
    const badConfig = await repomodInProcess(dir, ['fix-call-syntax']);
    expect([badConfig.code, badConfig.stderr]).toEqual([
      2,
      `repomod: error: 'maxFileSize' in repomod.config.json must be a size such as 10MB, 500k or a number of bytes, got true\nhelp: e.g. "maxFileSize": "20MB"\n`,
    ]);
  });
});

describe.runIf(built && mkfifo)('paths that are not regular files', () => {
  it('reports an explicit FIFO and a directory named x.py, never opens them, and still checks the rest', () => {
    const dir = repository({ 'ok.py': BROKEN, 'x.py/readme.txt': 'not python\n' });
    spawnSync('mkfifo', [path.join(dir, 'pipe.py')]);
    const started = Date.now();
    const run = spawnSync(process.execPath, [CLI, 'fix-call-syntax', '--check', 'pipe.py', 'x.py', 'ok.py'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 20_000,
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    expect(run.signal).toBeNull(); // a read of the FIFO would block until the timeout kills it
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(run.stderr.split('\n').slice(0, 3)).toEqual([
      'pipe.py:1:1: warning: not a regular file (FIFO); left unchanged [not-a-file]',
      'x.py:1:1: warning: not a regular file (directory); left unchanged [not-a-file]',
      'ok.py: would change',
    ]);
    expect(run.stderr.split('\n')[3]).toMatch(/^1 changed, 0 unchanged, 2 skipped, 0 failed; 2 warnings \(/);
    expect(run.status).toBe(1);
  });

  it('leaves a directory named x.py alone when it holds Python files (it is walked as a directory)', async () => {
    const dir = repository({ 'x.py/inner.py': BROKEN });
    const run = await repomodInProcess(dir, ['fix-call-syntax', '--check', 'x.py']);
    expect(run.stderr.split('\n')[0]).toBe('x.py/inner.py: would change');
    expect(run.code).toBe(1);
  });
});

describe.runIf(built)('unreadable directories', () => {
  it('reports an unreadable directory as a read-error, so --check fails instead of passing', (context) => {
    const dir = repository(
      { 'pkg/m.py': 'f(a=1)\n', 'secret/s.py': BROKEN, 'ignored/s.py': BROKEN, '.gitignore': 'ignored/\n' },
      false,
    );
    chmodSync(path.join(dir, 'secret'), 0o000);
    chmodSync(path.join(dir, 'ignored'), 0o000);
    try {
      const run = repomodUnprivileged(dir, ['fix-call-syntax', '--check'], /read-error/);
      if (typeof run === 'string') {
        console.log(`skipping the unreadable-directory test: ${run}`);
        return context.skip();
      }
      // git-ignored directories are never walked, so never reported
      expect(run.stderr.split('\n').slice(0, 2)).toEqual([
        'secret:1:1: error: cannot read the directory (EACCES: permission denied); its files were not checked: fix its permissions, or --ignore it [read-error]',
        expect.stringMatching(/^0 changed, 1 unchanged, 0 skipped, 1 failed; 1 error, 0 warnings \(/),
      ]);
      expect(run.code).toBe(1);
    } finally {
      chmodSync(path.join(dir, 'secret'), 0o755);
      chmodSync(path.join(dir, 'ignored'), 0o755);
    }
  });
});

describe('control characters in file names', () => {
  it.each([
    ['a\nb.py', '"a\\nb.py"'],
    ['tab\there.py', '"tab\\there.py"'],
    ['bell\x07"q"\\.py', '"bell\\a\\"q\\"\\\\.py"'],
    ['esc\x1b.py', '"esc\\033.py"'],
    ['plain "name".py', 'plain "name".py'],
    ['café.py', 'café.py'],
  ])('quotes %j as %s', (name, quoted) => expect(quotePath(name)).toBe(quoted));

  it('keeps a diagnostic on one line', () => {
    const line = formatDiagnostic({
      path: 'a\nb.py',
      line: 1,
      column: 5,
      severity: 'error',
      code: 'parse-error',
      message: "file does not parse ('x\ny'); left unchanged",
    });
    expect(line).toBe('"a\\nb.py":1:5: error: file does not parse (\'x\\ny\'); left unchanged [parse-error]');
  });

  it.runIf(built)('quotes the name end to end, in diagnostics and in --check lines', async () => {
    const dir = repository({ 'a\nb.py': BROKEN, 'big\tfile.py': `${BROKEN}${'#'.repeat(2000)}\n` });
    const run = await repomodInProcess(dir, ['fix-call-syntax', '--check', '--max-file-size', '1k']);
    expect(run.stderr.split('\n').slice(0, 2)).toEqual([
      '"big\\tfile.py":1:1: warning: file is 2 kB, over the 1 kB parse limit (--max-file-size); left unchanged [too-large]',
      '"a\\nb.py": would change',
    ]);
    expect(readFileSync(path.join(dir, 'a\nb.py'), 'utf8')).toBe(BROKEN);
    expect(Object.keys(snapshotTree(dir)).sort()).toEqual(['a\nb.py', 'big\tfile.py']);
  });
});

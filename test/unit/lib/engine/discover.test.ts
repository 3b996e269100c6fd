import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverRepository, selectTargets } from '../../../../lib/engine/discover.js';
import { UsageError } from '../../../../lib/engine/errors.js';
import { initRepo, tempDir } from '../../../helpers/tree.js';

function tree(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe('discoverRepository', () => {
  it('honours .gitignore at every level, info/exclude and --ignore, and always skips tool folders', () => {
    const dir = tree({
      '.gitignore': '*.log\n/build/\n',
      'app/.gitignore': 'generated/\n!keep.log\n',
      'app/main.py': '',
      'app/keep.log': '',
      'app/debug.log': '',
      'app/generated/x.py': '',
      'build/out.js': '',
      'lib/build/kept.js': '',
      'node_modules/pkg/index.js': '',
      'pkg/__pycache__/m.cpython-311.pyc': '',
      '.venv/lib/site.py': '',
      'venv/lib/site.py': '',
      'secret/key.py': '',
      'vendor/big.js': '',
    });
    initRepo(dir);
    writeFileSync(path.join(dir, '.git/info/exclude'), 'secret/\n');
    const { files } = discoverRepository({ root: dir, ignore: ['vendor/**'] });
    expect(files).toEqual(['.gitignore', 'app/.gitignore', 'app/keep.log', 'app/main.py', 'lib/build/kept.js']);
  });

  it('records links without following them, loops included', () => {
    const dir = tree({ 'shared/config.py': 'X = 1\n', 'fn/main.py': '' });
    symlinkSync('../shared', path.join(dir, 'fn/shared'));
    symlinkSync('..', path.join(dir, 'fn/loop'));
    symlinkSync('missing.py', path.join(dir, 'fn/broken.py'));
    const { files, symlinks } = discoverRepository({ root: dir });
    expect(files).toEqual(['fn/main.py', 'shared/config.py']);
    expect(symlinks).toEqual([
      { path: 'fn/broken.py', target: 'missing.py' },
      { path: 'fn/loop', target: '..' },
      { path: 'fn/shared', target: '../shared' },
    ]);
  });
});

describe('selectTargets', () => {
  const dir = tree({ 'src/a.py': '', 'src/b.ts': '', 'src/sub/c.py': '', 'docs/d.md': '' });
  const discovery = discoverRepository({ root: dir });
  const select = (paths: string[], extensions?: string[], cwd = dir) =>
    selectTargets(discovery, { root: dir, cwd, paths, extensions });

  it.each([
    [[], undefined, ['docs/d.md', 'src/a.py', 'src/b.ts', 'src/sub/c.py']],
    [['src'], ['py'], ['src/a.py', 'src/sub/c.py']],
    [['src/**/*.py'], undefined, ['src/a.py', 'src/sub/c.py']],
    [['src/b.ts', 'docs'], undefined, ['docs/d.md', 'src/b.ts']],
  ])('%j with extensions %j', (paths, extensions, expected) => {
    expect(select(paths, extensions)).toEqual(expected);
  });

  it('resolves paths against the current directory', () => {
    expect(select(['sub'], undefined, path.join(dir, 'src'))).toEqual(['src/sub/c.py']);
  });

  it('refuses a path that does not exist', () => {
    expect(() => select(['nope'])).toThrow(UsageError);
  });

  // the stock runner's file.path: a directory's files joined onto the directory as typed, kept
  // only where that differs from the cwd-relative path
  it.each([
    ['src', dir, {}],
    ['src/', dir, {}],
    ['.', path.join(dir, 'src'), {}],
    ['./src', dir, {}],
    ['../src', path.join(dir, 'docs'), {}],
    ['../src/./sub', path.join(dir, 'docs'), {}],
    ['./', path.join(dir, 'src', 'sub'), {}],
    [
      path.join(dir, 'src'),
      dir,
      { 'src/a.py': path.join(dir, 'src/a.py'), 'src/sub/c.py': path.join(dir, 'src/sub/c.py') },
    ],
  ])('spells the files of %j (cwd %s) as typed where they differ', (given, cwd, expected) => {
    const typedPaths = new Map<string, string>();
    selectTargets(discovery, { root: dir, cwd, paths: [given], extensions: ['py'], typedPaths });
    const spelled = Object.fromEntries([...typedPaths].filter(([rel]) => rel.endsWith('.py')));
    expect(spelled).toEqual(expected);
  });
});

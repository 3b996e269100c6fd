// The programmatic API, as a library user calls it: same data as --json, no printing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, ConfigError, runTransform } from '../../../api/index.js';
import { REPO_ROOT } from '../../helpers/paths.js';
import { repoWith } from '../../helpers/tree.js';

const RENAME = path.join(REPO_ROOT, '__testfixtures__/third-party/rename-identifier.js');

describe('runTransform', () => {
  it('returns the patch, per-file results and totals without writing in a dry run', async () => {
    const dir = repoWith({ 'a.js': 'foo(1);\n', 'b.js': 'baz(2);\n' });
    const result = await runTransform({ cwd: dir, transform: RENAME, jobs: 1 });
    expect(result.totals).toMatchObject({ changed: 1, unchanged: 1, failed: 0 });
    expect(result.files.map((f) => [f.path, f.status])).toEqual([
      ['a.js', 'changed'],
      ['b.js', 'unchanged'],
    ]);
    expect(result.patch).toMatch(
      /^diff --git a\/a\.js b\/a\.js\nindex [0-9a-f]{40}\.\.[0-9a-f]{40} 100644\n--- a\/a\.js\n\+\+\+ b\/a\.js\n@@ -1,1 \+1,1 @@\n-foo\(1\);\n\+bar\(1\);\n$/,
    );
    expect(readFileSync(path.join(dir, 'a.js'), 'utf8')).toBe('foo(1);\n');
  });

  it('writes in apply mode and passes options through', async () => {
    const dir = repoWith({ 'a.js': 'foo(1);\n' });
    const result = await runTransform({ cwd: dir, transform: RENAME, mode: 'apply', options: { to: 'qux' }, jobs: 1 });
    expect(result.written).toEqual(['a.js']);
    expect(readFileSync(path.join(dir, 'a.js'), 'utf8')).toBe('qux(1);\n');
  });

  it('rejects an unknown option of a built-in transform with a ConfigError', async () => {
    const dir = repoWith({ 'a.py': 'x = 1\n' });
    await expect(
      runTransform({ cwd: dir, transform: 'replace-symlinks', options: { mdoe: 'copy' } }),
    ).rejects.toBeInstanceOf(ConfigError);
  });
});

describe('check', () => {
  it('runs the option-free checks without a config and reports a broken link', async () => {
    const dir = repoWith({ 'fn/main.py': 'x = 1\n' });
    const { symlinkSync } = await import('node:fs');
    symlinkSync('../sharde', path.join(dir, 'fn/shared'));
    const result = await check({ cwd: dir, jobs: 1 });
    expect(result.mode).toBe('check');
    expect(result.diagnostics.some((d) => d.severity === 'error' && d.path === 'fn/shared')).toBe(true);
  });
});

describe('check without a config', () => {
  it('gates on parse errors, repeated keywords and inconsistent MROs, leaving consistent redundant bases alone', async () => {
    const dir = repoWith({
      'svc/log.py': 'import logging\nlogging.error("x", exc_info=True, exc_info=True)\n',
      'svc/broken.py': 'def f(:\n    pass\n',
      'svc/classes.py': [
        'class Mixin:\n    pass\n',
        'class Base(Mixin):\n    pass\n',
        'class Bad(Mixin, Base):\n    pass\n',
        'class Fine(Base, Mixin):\n    pass\n',
      ].join('\n'),
    });
    const result = await check({ cwd: dir, jobs: 1 });
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.path}:${d.line}`);
    expect(errors).toEqual(expect.arrayContaining(['svc/broken.py:1', 'svc/classes.py:7']));
    const changed = result.files
      .filter((f) => f.status === 'changed')
      .map((f) => f.path)
      .sort();
    expect(changed).toEqual(['svc/classes.py', 'svc/log.py']);
    expect(result.patch).toContain(
      '-logging.error("x", exc_info=True, exc_info=True)\n+logging.error("x", exc_info=True)\n',
    );
    expect(result.patch).toContain('-class Bad(Mixin, Base):\n+class Bad(Base):\n');
    expect(result.patch).not.toContain('-class Fine');
  });
});

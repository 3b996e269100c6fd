// The one relative-import resolver (lib/python/imports.ts): `from ..x import y` ➔ module, checked
// against CPython's own importlib.util.resolve_name wherever CPython resolves the import.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { packageOfModule, resolveRelativeImport } from '../../../../lib/python/imports.js';
import { HAS_PYTHON, PYTHON3 } from '../../../helpers/cpython.js';

describe('packageOfModule', () => {
  it.each([
    ['a.b', 'a/b.py', 'a'],
    ['a.b', 'src/a/b.pyi', 'a'],
    ['a', 'a/__init__.py', 'a'],
    ['a.b', 'a/b/__init__.pyi', 'a.b'],
    ['m', 'm.py', ''],
    ['', '__init__.py', ''],
  ])('%s (%s) reads relative imports from %j', (module, file, expected) => {
    expect(packageOfModule(module, file)).toBe(expected);
  });
});

describe('resolveRelativeImport', () => {
  it.each([
    ['a.b', 1, '', 'a.b'],
    ['a.b', 1, 'c', 'a.b.c'],
    ['a.b', 2, 'c.d', 'a.c.d'],
    // a source root's top-level modules read `.` as the root itself; CPython has no package there
    // and refuses, as it refuses `..` from `pkg` (repomod resolves both to a top-level module)
    ['', 1, 'x', 'x'],
    ['pkg', 2, 'config', 'config'],
    ['pkg', 3, 'config', undefined],
    ['', 2, 'x', undefined],
  ])('from %j, %i dots and %j', (pkg, level, module, expected) => {
    expect(resolveRelativeImport(pkg, level, module)).toBe(expected);
  });

  it.skipIf(!HAS_PYTHON)('agrees with importlib.util.resolve_name wherever CPython resolves the import', () => {
    const cases = ['a', 'a.b', 'a.b.c'].flatMap((pkg) =>
      [1, 2, 3].flatMap((level) => ['', 'x', 'x.y'].map((module) => ({ pkg, level, module }))),
    );
    const script = `
import importlib.util, json, sys
out = []
for c in json.load(sys.stdin):
    try:
        out.append(importlib.util.resolve_name("." * c["level"] + c["module"], c["pkg"]))
    except ImportError:
        out.append(None)
print(json.dumps(out))
`;
    const run = spawnSync(PYTHON3!, ['-I', '-c', script], { input: JSON.stringify(cases), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const cpython = JSON.parse(run.stdout) as (string | null)[];
    const resolved = cases.flatMap((c, i) => (cpython[i] === null ? [] : [[c, cpython[i]]]));
    expect(resolved.length).toBeGreaterThan(10);
    for (const [c, expected] of resolved as [(typeof cases)[0], string][])
      expect(resolveRelativeImport(c.pkg, c.level, c.module), JSON.stringify(c)).toBe(expected);
  });
});

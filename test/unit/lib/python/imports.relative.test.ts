// The one relative-import resolver (lib/python/imports.ts): `from ..x import y` ➔ module, checked
// against CPython's own importlib.util.resolve_name, refusals included, and against real imports.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageOfModule, resolveRelativeImport } from '../../../../lib/python/imports.js';
import { HAS_PYTHON, PYTHON3 } from '../../../helpers/cpython.js';
import { tempDir, writeTree } from '../../../helpers/tree.js';

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
    ['pkg', 1, 'config', 'pkg.config'],
    // CPython refuses both: a top-level module has no package ("no known parent package"), and
    // `..` in pkg/a.py climbs above pkg ("attempted relative import beyond top-level package")
    ['', 1, 'x', undefined],
    ['', 1, '', undefined],
    ['pkg', 2, 'config', undefined],
    ['pkg', 3, 'config', undefined],
    ['', 2, 'x', undefined],
  ])('from %j, %i dots and %j', (pkg, level, module, expected) => {
    expect(resolveRelativeImport(pkg, level, module)).toBe(expected);
  });

  it.skipIf(!HAS_PYTHON)('gives importlib.util.resolve_name, or undefined where it raises ImportError', () => {
    const cases = ['', 'a', 'a.b', 'a.b.c'].flatMap((pkg) =>
      [1, 2, 3, 4].flatMap((level) => ['', 'x', 'x.y'].map((module) => ({ pkg, level, module }))),
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
    // both answers occur, so agreeing means something
    expect(cpython.filter((m) => m === null).length).toBeGreaterThan(10);
    expect(cpython.filter((m) => m !== null).length).toBeGreaterThan(10);
    const ours = cases.map((c) => resolveRelativeImport(c.pkg, c.level, c.module) ?? null);
    expect(cases.map((c, i) => ({ ...c, module: ours[i] }))).toEqual(
      cases.map((c, i) => ({ ...c, module: cpython[i] })),
    );
  });

  // the same rule through real imports of real files: python3 imports each module in a fresh
  // interpreter, and either refuses it or loads exactly the config module repomod resolves to
  it.skipIf(!HAS_PYTHON)('matches what python3 imports, file by file', () => {
    const tree = {
      'config.py': 'x = 1\n',
      'top.py': 'from . import config\n',
      'top_dotted.py': 'from .config import x\n',
      'pkg/__init__.py': '',
      'pkg/config.py': 'x = 2\n',
      'pkg/a.py': 'from ..config import x\n',
      'pkg/b.py': 'from .config import x\n',
      'pkg/c.py': 'from . import config\n',
      'pkg/sub/__init__.py': 'from .. import config\n',
      'pkg/sub/d.py': 'from ..config import x\n',
      'pkg/sub/e.py': 'from ...config import x\n',
    };
    const root = writeTree(tempDir(), tree);
    const script = `
import importlib, json, sys
sys.path.insert(0, ".")  # -I leaves the working folder off the path
try:
    importlib.import_module(sys.argv[1])
    print(json.dumps(sorted(m for m in sys.modules if m in ("config", "pkg.config"))))
except ImportError as e:
    print(json.dumps(str(e)))
`;
    const files = Object.keys(tree).filter((f) => !['config.py', 'pkg/__init__.py', 'pkg/config.py'].includes(f));
    let refused = 0;
    for (const file of files) {
      const [, dots, written, name] = /^from (\.+)(\S*) import (\w+)/.exec(
        readFileSync(path.join(root, file), 'utf8'),
      )!;
      const module = file
        .replace(/(\/__init__)?\.py$/, '')
        .split('/')
        .join('.');
      const ours = resolveRelativeImport(packageOfModule(module, file), dots.length, written);
      const run = spawnSync(PYTHON3!, ['-I', '-B', '-c', script, module], { cwd: root, encoding: 'utf8' });
      expect(run.stderr, file).toBe('');
      const outcome = JSON.parse(run.stdout) as string | string[];
      if (ours === undefined) {
        refused++;
        expect(outcome, file).toMatch(
          /^attempted relative import (beyond top-level package|with no known parent package)$/,
        );
      } else expect(outcome, file).toEqual([written ? ours : `${ours}.${name}`]);
    }
    expect(refused, 'refused and resolved imports both occur').toBe(4);
  });
});

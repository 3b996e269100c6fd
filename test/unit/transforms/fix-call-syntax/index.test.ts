// fix-call-syntax: every fixture case; python3 as the oracle on every Python fixture (outputs
// compile, rejected inputs are rejected at the same line); small cases in tables; one run
// under the stock jscodeshift runner.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../../lib/engine/diagnostics.js';
import { positionAt } from '../../../../lib/text/positions.js';
import { withPythonTree } from '../../../../lib/python/parser.js';
import { pythonSyntaxProblems } from '../../../../lib/python/syntax-check.js';
import * as transform from '../../../../transforms/fix-call-syntax/index.js';
import { parseKeywords } from '../../../../transforms/fix-call-syntax/options.js';
import { cpythonErrorLines, HAS_PYTHON } from '../../../helpers/cpython.js';
import { describeFixtures, fileFixtures, repoFixtures, runOnFileIn } from '../../../helpers/fixtures.js';

describeFixtures('fix-call-syntax');

const FILES = fileFixtures('fix-call-syntax');
const REPOS = repoFixtures('fix-call-syntax');
if (!HAS_PYTHON) console.log('python3 is not on PATH: the CPython oracle tests are skipped');

/** Every Python fixture file: [label, file, side, stderr of its case]. */
function pythonFixtures(): { label: string; file: string; side: 'input' | 'output'; stderr: string }[] {
  const out: { label: string; file: string; side: 'input' | 'output'; stderr: string }[] = [];
  const read = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8') : '');
  for (const entry of readdirSync(FILES).sort()) {
    const single = /^(.*)\.(input|output)\.py$/.exec(entry);
    if (single)
      out.push({
        label: entry,
        file: path.join(FILES, entry),
        side: single[2] as 'input' | 'output',
        stderr: read(path.join(FILES, `${single[1]}.stderr.txt`)),
      });
  }
  for (const entry of readdirSync(REPOS).sort()) {
    const full = path.join(REPOS, entry);
    for (const side of ['input', 'output'] as const) {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((n) =>
          statSync(path.join(dir, n)).isDirectory() ? walk(path.join(dir, n)) : [path.join(dir, n)],
        );
      for (const file of existsSync(path.join(full, side))
        ? walk(path.join(full, side)).filter((f) => f.endsWith('.py'))
        : []) {
        out.push({ label: path.relative(REPOS, file), file, side, stderr: read(path.join(full, 'stderr.txt')) });
      }
    }
  }
  return out;
}

describe.skipIf(!HAS_PYTHON)('fix-call-syntax fixtures against CPython', () => {
  const files = pythonFixtures();
  let cpythonErrorLine: (source: string) => number;
  beforeAll(() => {
    cpythonErrorLine = cpythonErrorLines(files.map((f) => readFileSync(f.file, 'utf8')));
  });
  it.each(files.filter((f) => f.side === 'output').map((f) => [f.label, f] as const))(
    '%s compiles, or is reported where CPython fails',
    (_label, f) => {
      const line = cpythonErrorLine(readFileSync(f.file, 'utf8'));
      if (!f.stderr.includes('[parse-error]')) expect(line, 'python3 rejects a fixed file').toBe(0);
      else expect(f.stderr).toMatch(new RegExp(`:${line}:\\d+: error: .*\\[parse-error\\]`));
    },
  );

  it.each(files.filter((f) => f.side === 'input').map((f) => [f.label, f] as const))(
    '%s: what CPython rejects, the check rejects at the same line',
    async (_label, f) => {
      const source = readFileSync(f.file, 'utf8');
      const line = cpythonErrorLine(source);
      const lines = await withPythonTree(source, (tree) =>
        pythonSyntaxProblems(tree.rootNode, source).map((p) => positionAt(source, p.index).line),
      );
      if (line === 0) expect(lines).toEqual([]);
      else expect(lines).toContain(line);
    },
  );
});

/** Run the transform on one in-memory file of an otherwise empty repository. */
async function fix(source: string, options: Record<string, unknown> = {}, name = 'app.py') {
  const { result } = await runOnFileIn(transform, { [name]: source }, name, options);
  return { output: result.output, diagnostics: result.diagnostics.map(formatDiagnostic) };
}

describe('fix-call-syntax on small cases', () => {
  it.each([
    'logger.error(m, exc_info=True)\n',
    'f(**kw)\n',
    'f(a, *args, b=1, **kw)\n',
    'f(\n    a,\n    b,\n)\n',
    'f(a\n  , b\n  , c\n  )\n',
    'x = "a, exc_info=True"\n',
    'def f(a, b=1, *args, c, **kw):\n    return f(a, b=b, c=c)\n',
    'print("a", end="")\n',
  ])('leaves %j alone without options', async (source) => {
    expect(await fix(source)).toEqual({ output: source, diagnostics: [] });
  });

  it.each([
    ['f(a, b=1, b=1)\n', 'f(a, b=1)\n'],
    ['f(a, b = 1, b=1)\n', 'f(a, b = 1)\n'],
    ['f(b=[1, 2], a, b=[1,2])\n', undefined],
    ['f(\n    a,\n    b=1,\n    b=1,\n)\n', 'f(\n    a,\n    b=1,\n)\n'],
    ['f(\n    a\n    b=1\n)\n', 'f(\n    a,\n    b=1\n)\n'],
  ])('%j ➔ %j', async (source, expected) => {
    const { output } = await fix(source);
    expect(output).toBe(expected ?? source);
  });

  it('removes the fragment only where it is exactly the named keyword and value', async () => {
    const source = 'log(f"{a}, exc_info=True)")\nlog("x, exc_info=Truely")\nlog("x, exc_info=False)")\n';
    const { output } = await fix(source, { keyword: ['exc_info=True'] });
    expect(output).toBe('log(f"{a})")\nlog("x, exc_info=Truely")\nlog("x, exc_info=False)")\n');
  });

  it('matches the value token by token', async () => {
    const source = 'def helper(e):\n    return e\n\nhelper(e, exc_info = True)\nhelper(e, exc_info=False)\n';
    const { output } = await fix(source, { keyword: ['exc_info=True'] });
    expect(output).toBe('def helper(e):\n    return e\n\nhelper(e)\nhelper(e, exc_info=False)\n');
  });

  it('removes a keyword from a nested helper without the option value too', async () => {
    const source = 'def helper(e):\n    return e\n\nhelper(e, exc_info=e)\n';
    expect((await fix(source, { keyword: ['exc_info'] })).output).toBe('def helper(e):\n    return e\n\nhelper(e)\n');
  });

  it('reports a file that does not parse, with the line and a snippet, and leaves it', async () => {
    const source = 'def f(:\n    pass\n';
    expect(await fix(source)).toEqual({
      output: source,
      diagnostics: ["app.py:1:7: error: file does not parse (expected ')'); left unchanged: `def f(:` [parse-error]"],
    });
  });

  it('reports a JS file that does not parse', async () => {
    const source = 'log.error(msg {});\n';
    const { output, diagnostics } = await fix(source, {}, 'app.js');
    expect(output).toBe(source);
    expect(diagnostics).toEqual([
      'app.js:1:15: error: file does not parse (Unexpected token, expected ","); left unchanged: `log.error(msg {});` [parse-error]',
    ]);
  });

  it('keeps a BOM-less file without final newline byte for byte', async () => {
    const source = 'logger.error("x", exc_info=True, exc_info=True)';
    expect((await fix(source)).output).toBe('logger.error("x", exc_info=True)');
  });
});

describe('--keyword values', () => {
  it.each([
    [['exc_info=True'], [{ name: 'exc_info', value: 'True' }]],
    ['stacklevel', [{ name: 'stacklevel' }]],
    [
      ['a = 1', 'b'],
      [{ name: 'a', value: '1' }, { name: 'b' }],
    ],
  ])('%j', (raw, parsed) => expect(parseKeywords(raw)).toEqual(parsed));

  it.each([['1x=2'], ['a='], [['ok', 3]], ['']])('rejects %j naming the option', (raw) => {
    expect(() => parseKeywords(raw)).toThrow(/option 'keyword'/);
  });

  it('rejects a value that is not a Python expression', async () => {
    await expect(fix('f(x)\n', { keyword: ['exc_info=True)'] })).rejects.toThrow(/not a Python expression/);
  });
});

/** Run on `main.py` of a repository holding `files`, with --keyword exc_info=True. */
async function fixInRepo(files: Record<string, string>) {
  const { result } = await runOnFileIn(transform, files, 'main.py', { keyword: ['exc_info=True'] });
  return { removed: result.output !== files['main.py'], diagnostics: result.diagnostics.map((d) => d.message) };
}

describe('which callees lose an injected keyword', () => {
  it.each([
    ['a plain def without it', { 'main.py': 'def f(a):\n    pass\n\nf(1, exc_info=True)\n' }, true],
    ['a def with **kwargs', { 'main.py': 'def f(a, **kw):\n    pass\n\nf(1, exc_info=True)\n' }, false],
    [
      'a def taking it keyword-only',
      { 'main.py': 'def f(a, *, exc_info=False):\n    pass\n\nf(1, exc_info=True)\n' },
      false,
    ],
    [
      'a def taking it positional-only',
      { 'main.py': 'def f(a, exc_info, /):\n    pass\n\nf(1, exc_info=True)\n' },
      true,
    ],
    ['a nested def', { 'main.py': 'def outer():\n    def f(a):\n        pass\n    f(1, exc_info=True)\n' }, true],
    [
      'a parameter shadowing a def',
      { 'main.py': 'def f(a):\n    pass\n\ndef g(f):\n    f(1, exc_info=True)\n' },
      false,
    ],
    ['a name bound twice', { 'main.py': 'def f(a):\n    pass\n\nif X:\n    f = print\nf(1, exc_info=True)\n' }, false],
    [
      'a decorated def',
      {
        'main.py':
          'import functools\n\n@functools.cache\ndef f(a):\n    pass\n\n@deco\ndef g(a):\n    pass\n\nf(1, exc_info=True)\ng(1, exc_info=True)\n',
      },
      'f only',
    ],
    [
      'a class with __init__',
      { 'main.py': 'class A:\n    def __init__(self, a):\n        pass\n\nA(1, exc_info=True)\n' },
      true,
    ],
    ['a class without __init__', { 'main.py': 'class A:\n    pass\n\nA(exc_info=True)\n' }, true],
    ['an exception subclass', { 'main.py': 'class E(ValueError):\n    pass\n\nraise E("x", exc_info=True)\n' }, true],
    [
      'a dataclass',
      {
        'main.py': 'from dataclasses import dataclass\n\n@dataclass\nclass A:\n    exc: int = 0\n\nA(exc_info=True)\n',
      },
      false,
    ],
    [
      'a class with a third-party base',
      { 'main.py': 'from pydantic import BaseModel\n\nclass A(BaseModel):\n    pass\n\nA(exc_info=True)\n' },
      false,
    ],
    [
      'a class with a metaclass',
      { 'main.py': 'class A(metaclass=Meta):\n    def __init__(self):\n        pass\n\nA(exc_info=True)\n' },
      false,
    ],
    [
      'an imported def',
      {
        'main.py': 'from pkg.helpers import f\n\nf(1, exc_info=True)\n',
        'pkg/__init__.py': '',
        'pkg/helpers.py': 'def f(a):\n    pass\n',
      },
      true,
    ],
    [
      'a def re-exported by a package',
      {
        'main.py': 'from pkg import f\n\nf(1, exc_info=True)\n',
        'pkg/__init__.py': 'from .helpers import *\n',
        'pkg/helpers.py': 'def f(a):\n    pass\n',
      },
      true,
    ],
    [
      'a module attribute',
      {
        'main.py': 'import pkg.helpers as h\n\nh.f(1, exc_info=True)\n',
        'pkg/__init__.py': '',
        'pkg/helpers.py': 'def f(a):\n    pass\n',
      },
      true,
    ],
    ['a third-party function', { 'main.py': 'from requests import get\n\nget("u", exc_info=True)\n' }, false],
    [
      'a stdlib logger',
      {
        'main.py':
          'import logging\nlog = logging.getLogger(__name__)\nlog.error("x", exc_info=True)\nlogging.warning("x", exc_info=True)\n',
      },
      false,
    ],
    ['print', { 'main.py': 'print("x", exc_info=True)\n' }, true],
    ['dict', { 'main.py': 'dict(exc_info=True)\n' }, false],
  ] as const)('%s', async (_name, files, expected) => {
    const { removed } = await fixInRepo(files as Record<string, string>);
    if (expected === 'f only') {
      const out = await fixInRepo(files as Record<string, string>);
      expect(out.removed).toBe(true);
      expect(out.diagnostics.join('\n')).toMatch(/'g' accepts exc_info= \(decorated with @deco\)/);
    } else expect(removed).toBe(expected);
  });
});

describe('nested repeats', () => {
  it('removes a repeat whose value holds repeats of its own', async () => {
    const source = 'f(x=g(a=1, a=1), x=g(a=1, a=1))\n';
    expect((await fix(source)).output).toBe('f(x=g(a=1))\n');
  });
});

describe('unusual but valid input', () => {
  it('reads old Mac line endings (a lone \\r ends a line for CPython too) and repairs them in place', async () => {
    const source = 'import logging\rlogging.error("x", exc_info=True, exc_info=True)\rx = 1\r';
    const { output, diagnostics } = await fix(source);
    expect(diagnostics).toEqual([]);
    expect(output).toBe('import logging\rlogging.error("x", exc_info=True)\rx = 1\r');
  });

  it('handles a minified one-line file of 30,000 calls (line scans were quadratic: minutes, past the test timeout)', async () => {
    const source = Array.from({ length: 30_000 }, (_, i) => `foo(a${i},{b:1,b:1});`).join('');
    const { output } = await fix(source, {}, 'bundle.min.js');
    expect(output).toBe(Array.from({ length: 30_000 }, (_, i) => `foo(a${i},{b:1});`).join(''));
  });
});

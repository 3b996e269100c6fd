// The syntax gate of fix-call-syntax against CPython: every snippet CPython rejects is rejected
// at the same line, and every snippet it accepts passes.
import { beforeAll, describe, expect, it } from 'vitest';
import { positionAt } from '../../../../lib/text/positions.js';
import { withPythonTree } from '../../../../lib/python/parser.js';
import { pythonSyntaxProblems } from '../../../../lib/python/syntax-check.js';
import { cpythonErrorLines, HAS_PYTHON } from '../../../helpers/cpython.js';

if (!HAS_PYTHON) console.log('python3 is not on PATH: the CPython oracle comparisons are skipped');

async function problems(source: string) {
  return withPythonTree(source, (tree) =>
    pythonSyntaxProblems(tree.rootNode, source).map((p) => ({ ...p, ...positionAt(source, p.index) })),
  );
}

const rejected = [
  'f(\n    details=details\n    processor_name=self.name\n)\n',
  'def notify(*args, **kwargs, processor_name=None):\n    pass\n',
  'def notify(a, a=None):\n    pass\n',
  'f(a=1, b)\n',
  'f(**k, *a)\n',
  'f(**k, a)\n',
  "logger.error(\n    f'x',\n    exc_info=True\n, exc_info=True, exc_info=True)\n",
  "logger.error(\n    f'x',\n    exc_info=True\n, exc_info=False)\n",
  'def f(a=1, b): pass\n',
  'def f(*, a, *b): pass\n',
  'def f(*): pass\n',
  'lambda a, a: 1\n',
  'def f(**k, *a): pass\n',
  'def f(a, /, b, /): pass\n',
  'x = 1\nif x:\n  return 3\n',
  'class A:\n  def f(self):\n    def g(a, **kw, b=1): pass\n',
  'def f(:\n    pass\n',
  'x = (1,\ny = 2\n',
  'f(a, b c)\n',
  'if x\n    pass\n',
  'x = [1, 2\n\ndef g():\n    return 1\n',
  'logger.error(f"a",\n  exc_info=True\n  exc_info=True)\n',
  "print 'hello'\n",
  'class A:\npass\n',
  'x = 1 +\n',
  "a = {'x': 1 'y': 2}\n",
  'def f(a, b):\n    return a +* b\n',
  'from . import\n',
  "x = 'abc\n",
  'for i in range(3):\n  print(i)\n else:\n  pass\n',
  'if x:\n    a = 1\n  b = 2\n',
  'def f():\n    pass\n\tpass\n',
  'while x:\n    pass\nelse:\n    break\n',
  'def f():\n    class A:\n        return 1\n',
  'nonlocal x\n',
  'class A(B, metaclass=M, metaclass=N):\n    pass\n',
  'async def f():\n    pass\nawait f()\n',
];

const accepted = [
  'f(x=1, *a)\n',
  'f(*a, **k, b=1)\n',
  'def f(a, /, b, *, c, **kw): pass\n',
  'def f(a=1, *args, b, c=2, **kw): pass\n',
  'lambda: (yield)\n',
  'x = *a, b\n',
  'for i in x:\n    if i:\n        break\nelse:\n    pass\n',
  'class A:\n    """doc"""\n\n    def f(self):\n        return 1\n',
  'if x: pass\nelif y: pass\nelse: pass\n',
  'def f():\n    x = [\n  1,\n        2]\n    return x\n',
  'try:\n    pass\nexcept (A, B):\n    pass\nfinally:\n    pass\n',
  'async def f():\n    await g()\n    async with a as b:\n        pass\n',
  "logger.error(\n    f'x',\n    exc_info=True,\n)\n",
  'match x:\n    case 1:\n        pass\n    case _:\n        pass\n',
  'def f(*, a): pass\n',
];

describe('pythonSyntaxProblems', () => {
  let cpythonErrorLine: (source: string) => number;
  beforeAll(() => {
    if (HAS_PYTHON) cpythonErrorLine = cpythonErrorLines([...rejected, ...accepted]);
  });

  it.each(rejected)('rejects %j', async (source) => {
    const found = await problems(source);
    expect(found.length).toBeGreaterThan(0);
    if (HAS_PYTHON) expect(found.map((p) => p.line)).toContain(cpythonErrorLine(source));
  });

  it.each(accepted)('accepts %j', async (source) => {
    expect(await problems(source)).toEqual([]);
    if (HAS_PYTHON) expect(cpythonErrorLine(source)).toBe(0);
  });

  it('names the first occurrence of a repeated keyword', async () => {
    const [p] = await problems('f(a=1,\n  a=2)\n');
    expect(p).toMatchObject({ line: 2, column: 3, message: 'keyword argument repeated: a', kind: 'compile' });
    expect(p.relatedIndex).toBe(2);
  });
});

// The one Python binding model: every site that binds a name (what fix-call-syntax needs to
// know a def is the only thing a name can hold), defs' parameters (python3's inspect as the
// oracle of which keywords they take) and the class members a call through `self` reaches.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { scanTree, type FileScan } from '../../../../lib/python/class-scan.js';
import { withPythonTree } from '../../../../lib/python/parser.js';
import { acceptsKeyword } from '../../../../lib/python/signature.js';
import { HAS_PYTHON } from '../../../helpers/cpython.js';

function scan(source: string, everyScope = false): Promise<FileScan> {
  return withPythonTree(source, (tree) =>
    scanTree(tree.rootNode, source, { file: 'm.py', module: 'm', resolveRelative: () => undefined }, { everyScope }),
  );
}

/** The kinds of the bindings of `name` in a scope, in source order. */
const kinds = (result: FileScan, name: string, scope = 0) =>
  result.scopes[scope].bindings.get(name)?.map((b) => b.kind);

describe('binding sites in the module scope', () => {
  it.each([
    ['a for loop target', 'def f(a):\n    pass\nfor f in x:\n    pass\n', ['function', 'other']],
    ['a for loop tuple target', 'for (g, f) in x:\n    pass\n', ['other']],
    ['a with target', 'def f(a):\n    pass\nwith g() as f:\n    pass\n', ['function', 'other']],
    ['a with tuple target', 'with g() as (h, f):\n    pass\n', ['other']],
    ['an except target', 'def f(a):\n    pass\ntry:\n    pass\nexcept E as f:\n    pass\n', ['function', 'other']],
    ['an except* target', 'try:\n    pass\nexcept* E as f:\n    pass\n', ['other']],
    ['a walrus in a condition', 'def f(a):\n    pass\nif (f := g()):\n    pass\n', ['function', 'other']],
    ['a walrus in an argument', 'print(f := 1)\n', ['other']],
    ['a walrus in a comprehension (it binds outside it)', 'y = [(f := v) for v in x]\n', ['other']],
    ['an augmented assignment', 'def f(a):\n    pass\nf += 1\n', ['function', 'other']],
    [
      'a global assignment in a function',
      'def f(a):\n    pass\ndef g():\n    global f\n    f = 1\n',
      ['function', 'other'],
    ],
    ['a logger', 'import logging\nf = logging.getLogger(__name__)\n', ['logger']],
    ['an alias', 'import a\nf = a.b\n', ['alias']],
    ['an import in a try', 'try:\n    from a import f\nexcept ImportError:\n    f = None\n', ['from', 'other']],
  ])('%s', async (_name, source, expected) => {
    expect(kinds(await scan(source), 'f')).toEqual(expected);
  });

  it('marks the binding in an except handler as the alternate', async () => {
    const result = await scan('try:\n    from a import f\nexcept ImportError as f:\n    pass\n');
    expect(result.scopes[0].bindings.get('f')?.map((b) => b.alternate)).toEqual([undefined, true]);
  });
});

describe('binding sites in a function scope', () => {
  const source =
    'def run():\n    def f(a):\n        pass\n    def install():\n        nonlocal f\n        f = 1\n    for g in x:\n        pass\n';

  it('keeps every function scope when asked, with nonlocal rebinding the enclosing name', async () => {
    const result = await scan(source, true);
    const run = result.scopes.findIndex((s) => s.kind === 'function' && s.start === 0);
    expect(kinds(result, 'f', run)).toEqual(['function', 'other']);
    expect(kinds(result, 'g', run)).toEqual(['other']);
  });

  it('drops the scopes no class lookup reaches by default (the cached scan stays small)', async () => {
    const result = await scan(source);
    expect(result.scopes.map((s) => s.kind)).toEqual(['module']);
    expect(kinds(result, 'run')).toEqual(['function']);
  });
});

const DEFS = [
  'def f(a, /, b, *args, c, d=1, **kw): pass',
  'def f(self, *, x: int = 1, y): pass',
  'def f(*args: int, **kw: str): pass',
  'def f(a, b=2, /): pass',
  'def f(ä, b): pass',
];

describe('parameters', () => {
  it.each([
    [DEFS[0], ['a', '/', 'b', '*args', 'c', 'd', '**kw']],
    [DEFS[1], ['self', '*', 'x', 'y']],
    [DEFS[2], ['*args', '**kw']],
    [DEFS[3], ['a', 'b', '/']],
    [DEFS[4], ['ä', 'b']],
  ])('%s', async (source, expected) => {
    const binding = (await scan(`${source}\n`)).scopes[0].bindings.get('f')![0];
    expect(binding.kind === 'function' && binding.parameters).toEqual(expected);
  });

  const KEYWORDS = ['a', 'b', 'c', 'd', 'x', 'y', 'ä', 'args', 'kw', 'exc_info'];
  it.skipIf(!HAS_PYTHON)('accept the keywords python3 binds', async () => {
    const program = `
import inspect, json
out = []
for src in ${JSON.stringify(DEFS)}:
    ns = {}
    exec(src, ns)
    sig = inspect.signature(ns["f"])
    # positional-only parameters given by position: a keyword of the same name may then go to **kwargs
    given = [None for p in sig.parameters.values() if p.kind == p.POSITIONAL_ONLY]
    row = []
    for k in ${JSON.stringify(KEYWORDS)}:
        try:
            sig.bind_partial(*given, **{k: None})
            row.append(True)
        except TypeError:
            row.append(False)
    out.append(row)
print(json.dumps(out))
`;
    const oracle = JSON.parse(execFileSync('python3', ['-c', program], { encoding: 'utf8' })) as boolean[][];
    const ours: boolean[][] = [];
    for (const source of DEFS) {
      const binding = (await scan(`${source}\n`)).scopes[0].bindings.get('f')![0];
      if (binding.kind !== 'function') throw new Error(`${source}: not a function binding`);
      ours.push(KEYWORDS.map((k) => acceptsKeyword(binding.parameters, k)));
    }
    expect(ours).toEqual(oracle);
  });
});

describe('class members', () => {
  it('records decorators, conditional names and what methods assign through self', async () => {
    const source = [
      'import logging',
      '',
      '@dataclass',
      'class A(Base, metaclass=M):',
      '    log = logging.getLogger(__name__)',
      '    if X:',
      '        def maybe(self):',
      '            pass',
      '    def __init__(self):',
      '        self.handler = None',
      '        self.logger = logging.getLogger("a")',
      '        self.count: int = 0',
      '        self.handler == 1',
      '        self.items[0] = 1',
      '        self.a, self.b = 1, 2',
      '        "self.text = 1"',
      '',
      '        class Inner:',
      '            def __init__(self):',
      '                self.inner = 1',
      '',
    ].join('\n');
    const result = await scan(source);
    const [a, inner] = result.classes;
    expect([a.decorators, a.conditional, a.selfAttributes, a.selfLoggers]).toEqual([
      ['dataclass'],
      ['maybe'],
      ['handler', 'count'],
      ['logger'],
    ]);
    expect([inner.decorators, inner.selfAttributes]).toEqual([undefined, ['inner']]);
    expect(kinds(result, 'log', a.bodyScope)).toEqual(['logger']);
    expect(kinds(result, '__init__', a.bodyScope)).toEqual(['function']);
  });
});

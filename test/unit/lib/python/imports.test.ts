// extractImports finds statements by the word `import` on trees without errors: every import
// statement CPython sees must be found, and nothing else. CPython's own ast is the oracle.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { extractImports } from '../../../../lib/python/imports.js';
import { withPythonTree } from '../../../../lib/python/parser.js';
import { PYTHON3 } from '../../../helpers/cpython.js';

const CASES: Record<string, string> = {
  'from-dot-import-without-space': 'from .import a\nfrom ..import b as c\n',
  'word-in-comments-strings-and-names':
    '# import os\n"""import sys"""\nimportlib = __import__("json")\nx = "from a import b"\nreimport = 1\n',
  'comment-inside-parenthesised-list': 'from a.b import (  # import these two\n    c,  # import c\n    d,\n)\n',
  'backslash-continuation': 'from a \\\n    import b\nimport c, \\\n    d.e as f\n',
  'one-line-statements': 'import a; import b.c\nif x: import d\n',
  'nested-in-def-try-type-checking':
    'from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from a import B\ntry:\n    import c\nexcept ImportError:\n    c = None\ndef f():\n    import d.e\n    return lambda: __import__("g")\nclass K:\n    from h import i\n',
  'future-and-star': 'from __future__ import annotations\nfrom a import *\n',
  'non-ascii-before': 'ß = "é"; import a\n# ünïcode import\nimport b\n',
  'crlf-and-bom': '\uFEFFimport a\r\nfrom b import c\r\n',
};

/** What CPython's ast sees: `level module line` per from-import, and per module of a plain import (at its own line). */
function cpython(cases: Record<string, string>): Record<string, string[]> | undefined {
  const script = `
import ast, json, sys
out = {}
for name, source in json.load(sys.stdin).items():
    found = []
    for node in ast.walk(ast.parse(source.lstrip("\\ufeff"))):
        if isinstance(node, ast.Import):
            found += [(a.lineno, a.col_offset, 0, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.lineno, node.col_offset, node.level, node.module or ""))
    out[name] = ["%d %s %d" % (level, module, line) for line, col, level, module in sorted(found)]
print(json.dumps(out))
`;
  const run = spawnSync(PYTHON3 ?? 'python3', ['-c', script], { input: JSON.stringify(cases), encoding: 'utf8' });
  return run.status === 0 ? JSON.parse(run.stdout) : undefined;
}

const oracle = cpython(CASES);
if (!oracle) console.log('python3 is not on PATH: the import-statement comparisons with CPython are skipped');

const ours = (source: string) =>
  withPythonTree(source, (tree) =>
    extractImports(tree.rootNode, source).map((i) => `${i.level} ${i.module} ${i.line}`),
  );

describe('extractImports', () => {
  it.skipIf(!oracle).each(Object.keys(CASES))('finds what CPython finds: %s', async (name) => {
    expect(await ours(CASES[name])).toEqual(oracle![name]);
  });

  it('gives every field of a statement, with string indices past a BOM and CRLF', async () => {
    const source = '\uFEFFimport a\r\nfrom ..b import (c as d,\r\n    e)\r\n';
    const [plain, from] = await withPythonTree(source, (tree) => extractImports(tree.rootNode, source));
    expect(source.slice(plain.moduleStart, plain.moduleEnd)).toBe('a');
    expect(from).toMatchObject({ kind: 'from', module: 'b', level: 2, line: 2, column: 6 });
    expect(source.slice(from.specifierStart, from.specifierEnd)).toBe('..b');
    expect(from.names.map((n) => [n.name, n.alias, source.slice(n.start, n.end)])).toEqual([
      ['c', 'd', 'c as d'],
      ['e', undefined, 'e'],
    ]);
  });

  it('still finds the statements of a damaged tree, around the damage', async () => {
    const source = 'import a\n<<<<<<< HEAD\nfrom b import c\n=======\n>>>>>>> main\ndef f():\n    import d\n';
    const modules = await withPythonTree(source, (tree) => {
      expect(tree.rootNode.hasError).toBe(true);
      return extractImports(tree.rootNode, source).map((i) => i.module);
    });
    expect(modules).toEqual(expect.arrayContaining(['a', 'd']));
  });
});

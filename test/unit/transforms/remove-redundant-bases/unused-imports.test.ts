// The from-imports that only served a removed base go with it; anything that might still need
// the name keeps it.
import { describe, expect, it } from 'vitest';
import { dropUnusedImports } from '../../../../transforms/remove-redundant-bases/unused-imports.js';

const drop = async (text: string, names: string[], relPath = 'pkg/mod.py', all?: string[]) =>
  (await dropUnusedImports(text, relPath, new Set(names), all)).text;

describe('dropUnusedImports', () => {
  it.each([
    [
      'the only name of a statement, with its line',
      'from m import A\nimport os\n\nclass C(B): ...\n',
      'import os\n\nclass C(B): ...\n',
    ],
    ['one name of several', 'from m import A, B\nclass C(B): ...\n', 'from m import B\nclass C(B): ...\n'],
    ['an aliased name', 'from m import Mixin as A, B\nclass C(B): ...\n', 'from m import B\nclass C(B): ...\n'],
    [
      'a name in a parenthesised list, comment lines kept',
      'from m import (\n    A,  # the mixin\n    # keep\n    B,\n)\nclass C(B): ...\n',
      'from m import (\n    # keep\n    B,\n)\nclass C(B): ...\n',
    ],
    [
      'a statement between blank lines, without growing the gap',
      'import os\n\nfrom m import A\n\n\nclass C: ...\n',
      'import os\n\n\nclass C: ...\n',
    ],
    ['a CRLF statement line', 'from m import A\r\nimport os\r\n', 'import os\r\n'],
  ])('drops %s', async (_, before, after) => {
    expect(await drop(before, ['A'])).toBe(after);
  });

  it.each([
    ['a name still used in code', 'from m import A\nx = A()\n'],
    ['a name in a string annotation', 'from m import A\ndef f(x: "A"): ...\n'],
    ['a name mentioned in a comment or docstring', 'from m import A\n"""A is documented here."""\n'],
    ['an import inside a block', 'try:\n    from m import A\nexcept ImportError:\n    pass\n'],
    ['a star import', 'from m import *\n'],
    ['a plain module import', 'import A\n'],
    ['an import sharing its line with other code', 'import os; from m import A\n'],
  ])('keeps %s', async (_, text) => {
    expect(await drop(text, ['A'])).toBe(text);
  });

  it('keeps re-exports: __init__.py files and names in __all__', async () => {
    expect(await drop('from m import A\n', ['A'], 'pkg/__init__.py')).toBe('from m import A\n');
    expect(await drop('from m import A\n', ['A'], 'pkg/mod.py', ['A'])).toBe('from m import A\n');
  });
});

// In-source suppressions: which findings and which edits `# repomod: ignore[…]` and friends keep out.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../../lib/engine/diagnostics.js';
import {
  codeMatches,
  findSuppressions,
  isSuppressed,
  withoutSuppressedEdits,
} from '../../../../lib/engine/suppressions.js';

const finding = (line: number, code: string): Diagnostic => ({
  path: 'a.py',
  line,
  column: 1,
  severity: 'error',
  code,
  message: 'm',
});

describe('findSuppressions', () => {
  it.each([
    ['x = 1  # repomod: ignore', 1, 'fix-call-syntax/kept-repeat', true],
    ['x = 1  # repomod: ignore[inconsistent-mro]', 1, 'remove-redundant-bases/inconsistent-mro', true],
    ['x = 1  # repomod: ignore[inconsistent-mro]', 1, 'remove-redundant-bases/redundant-base', false],
    ['x = 1  # repomod: ignore[remove-redundant-bases, parse-error]', 1, 'parse-error', true],
    ['x = 1  # repomod: ignore[fix-call-syntax]', 2, 'fix-call-syntax/kept-repeat', false],
    ['// repomod-ignore-next-line rewrite-imports\nimport x from "old";', 2, 'rewrite-imports/forbidden-import', true],
    ['// repomod-ignore-next-line\nimport x from "old";', 2, 'anything', true],
    ['# repomod: ignore-file[rewrite-imports]\nimport old', 2, 'rewrite-imports/forbidden-import', true],
    ['# repomod: ignore-file[rewrite-imports]\nimport old', 2, 'parse-error', false],
    ['// repomod-ignore-file\nimport x from "old";', 2, 'rewrite-imports/forbidden-import', true],
    ['x = "repomod"  # not a suppression', 1, 'parse-error', false],
  ] as const)('%j at line %i suppresses %s: %s', (text, line, code, expected) => {
    const s = findSuppressions(text);
    expect(s ? isSuppressed(s, line, code) : false).toBe(expected);
  });

  it('finds nothing in a file that never names repomod', () => {
    expect(findSuppressions('import os\n# ignore\n')).toBeUndefined();
  });

  it.each([
    ['fix-call-syntax', 'fix-call-syntax/kept-repeat', true],
    ['kept-repeat', 'fix-call-syntax/kept-repeat', true],
    ['fix-call', 'fix-call-syntax/kept-repeat', false],
    ['parse-error', 'parse-error', true],
  ])('codeMatches(%s, %s) is %s', (listed, code, expected) => expect(codeMatches(listed, code)).toBe(expected));
});

describe('withoutSuppressedEdits', () => {
  const before =
    'a = f(x=1, x=1)  # repomod: ignore\r\nb = f(x=1, x=1)\r\nc = f(x=1, x=1)  # repomod: ignore[other]\r\n';
  const after = 'a = f(x=1)  # repomod: ignore\r\nb = f(x=1)\r\nc = f(x=1)  # repomod: ignore[other]\r\n';

  it('keeps a suppressed line as it was and the others fixed, line endings untouched', () => {
    const s = findSuppressions(before)!;
    expect(withoutSuppressedEdits(before, after, s, [], ['fix-call-syntax'])).toBe(
      'a = f(x=1, x=1)  # repomod: ignore\r\nb = f(x=1)\r\nc = f(x=1)  # repomod: ignore[other]\r\n',
    );
  });

  it('ties an edit to the findings on its lines: a comment naming one of them keeps the line', () => {
    const s = findSuppressions(before)!;
    const out = withoutSuppressedEdits(before, after, s, [finding(3, 'x/other')], ['fix-call-syntax']);
    expect(out).toBe(
      'a = f(x=1, x=1)  # repomod: ignore\r\nb = f(x=1)\r\nc = f(x=1, x=1)  # repomod: ignore[other]\r\n',
    );
  });

  it('keeps out a whole inserted or removed block when a line it touches is suppressed, and only that block', () => {
    const text = 'f(\n    a\n, b)  # repomod: ignore\ng(\n    a\n, b)\n';
    const fixed = 'f(\n    a,\n    b)  # repomod: ignore\ng(\n    a,\n    b,\n)\n';
    const s = findSuppressions(text)!;
    expect(withoutSuppressedEdits(text, fixed, s, [], ['fix-call-syntax'])).toBe(
      'f(\n    a\n, b)  # repomod: ignore\ng(\n    a,\n    b,\n)\n',
    );
  });
});

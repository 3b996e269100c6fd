// The same finding across many files is one line with a count; a few are listed as they are.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../../lib/engine/diagnostics.js';
import { collapseRepeats, LISTED_REPEATS, repeatedText } from '../../../../cli/formats/collapse.js';

const missing = (path: string, line = 1): Diagnostic => ({
  path,
  line,
  column: 6,
  severity: 'warning',
  code: 'rewrite-imports/missing-module',
  message:
    "'common.util' is not in the repository (rewritten from 'pkg.util' by rule rules[0]); check the rule, or move the module there",
});

describe('collapseRepeats', () => {
  it('keeps the first of a group that spans more files than are listed, with the count', () => {
    const many = Array.from({ length: 3117 }, (_, i) => missing(`src/m${String(i).padStart(4, '0')}.py`));
    const other: Diagnostic = {
      path: 'src/m0001.py',
      line: 9,
      column: 1,
      severity: 'error',
      code: 'parse-error',
      message: "file does not parse (unexpected ','); left unchanged",
    };
    const shown = collapseRepeats([many[0], many[1], other, ...many.slice(2)]);
    expect(shown).toEqual([{ diagnostic: many[0], repeated: { times: 3117, files: 3117 } }, { diagnostic: other }]);
    expect(repeatedText(shown[0].repeated!)).toBe('(in 3117 files; --verbose lists them)');
  });

  it(`lists a finding in ${LISTED_REPEATS} files or fewer as it is`, () => {
    const few = Array.from({ length: LISTED_REPEATS }, (_, i) => missing(`f${i}.py`));
    expect(collapseRepeats(few)).toEqual(few.map((diagnostic) => ({ diagnostic })));
  });

  it('counts repeats inside one file apart from the files', () => {
    const shown = collapseRepeats(['a.py', 'a.py', 'b.py', 'c.py', 'd.py'].map((p, i) => missing(p, i + 1)));
    expect(shown.map((s) => s.repeated)).toEqual([{ times: 5, files: 4 }]);
    expect(repeatedText(shown[0].repeated!)).toBe('(5 times in 4 files; --verbose lists them)');
  });

  it("takes the file's own path out of the message, and keeps severity and code apart", () => {
    const own = (path: string): Diagnostic => ({
      path,
      line: 1,
      column: 1,
      severity: 'info',
      code: 'rewrite-imports/not-in-source-root',
      message: `'${path}' is under no Python source root`,
    });
    expect(collapseRepeats(['a.py', 'b.py', 'c.py', 'd.py'].map(own)).map((s) => s.repeated)).toEqual([
      { times: 4, files: 4 },
    ]);
    const mixed = ['a.py', 'b.py', 'c.py', 'd.py'].map(
      (p, i) => ({ ...missing(p), severity: i % 2 ? 'error' : 'warning' }) as Diagnostic,
    );
    expect(collapseRepeats(mixed).every((s) => s.repeated === undefined)).toBe(true);
  });
});

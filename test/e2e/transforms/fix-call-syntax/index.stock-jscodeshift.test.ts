// fix-call-syntax as shipped (dist/), under the stock jscodeshift runner: the fixtures' outputs,
// and its findings reported through jscodeshift's api.report.
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stockJscodeshift } from '../../../helpers/cli.js';
import { fileFixtures } from '../../../helpers/fixtures.js';
import { git, tempDir } from '../../../helpers/tree.js';

const FIXTURES = fileFixtures('fix-call-syntax');

describe('under the stock jscodeshift runner', () => {
  it("gives the fixtures' outputs and reports through api.report", () => {
    const work = tempDir();
    const cases = [
      ['comma-first-spaces', 'py'],
      ['duplicate-property', 'ts'],
      ['conflicting-duplicates', 'py'],
    ] as const;
    for (const [name, ext] of cases)
      cpSync(path.join(FIXTURES, `${name}.input.${ext}`), path.join(work, `${name}.${ext}`));
    git(work, 'init', '-q');
    const run = stockJscodeshift(work, 'fix-call-syntax', [
      '--extensions=py,ts',
      '--parser=ts',
      '--keyword=exc_info=True',
      ...cases.map(([n, e]) => `${n}.${e}`),
    ]);
    expect(run.code, run.stderr).toBe(0);
    for (const [name, ext] of cases) {
      expect(readFileSync(path.join(work, `${name}.${ext}`), 'latin1')).toBe(
        readFileSync(path.join(FIXTURES, `${name}.output.${ext}`), 'latin1'),
      );
    }
    expect(run.stdout).toContain(
      'conflicting-duplicates.py:14:11: error: file does not parse (keyword argument repeated: exc_info',
    );
  });
});

// Under the stock jscodeshift runner there is no engine: the runner's `--dry` option (handed to
// the transform with the others) decides between "would remove" and "removed".
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { API } from 'jscodeshift';
import { expect, it } from 'vitest';
import transform from '../../../../transforms/remove-redundant-bases/index.js';
import { initRepo, tempDir } from '../../../helpers/tree.js';

const SOURCE = 'class Mixin:\n    pass\n\n\nclass Base(Mixin):\n    pass\n\n\nclass Thing(Mixin, Base):\n    pass\n';

it.each([
  [{ dry: true }, 'would remove'],
  [{}, 'removed'],
])('under the stock runner with options %j the finding says "%s"', async (options, verb) => {
  const dir = tempDir();
  const file = path.join(dir, 'things.py');
  writeFileSync(file, SOURCE);
  initRepo(dir);
  const reported: string[] = [];
  const api = { report: (text: string) => reported.push(text), stats: () => {} } as unknown as API;
  const output = await transform({ path: file, source: readFileSync(file, 'utf8') }, api, options);
  expect(output).toBe(SOURCE.replace('class Thing(Mixin, Base)', 'class Thing(Base)'));
  expect(reported).toEqual([
    `things.py:9:7: error: cannot create a consistent MRO for Thing: Mixin is listed before Base (things.py:5), which inherits from it; ${verb} Mixin [remove-redundant-bases/inconsistent-mro]`,
    `things.py:9:13: info: ${verb} Mixin: Mixin is already a base of Base (things.py:5) [remove-redundant-bases/redundant-base]`,
  ]);
});

// Imports point one way: cli → api → features | transforms → lib (STYLE.md). The rule that says so
// is repomod/import-boundary (scripts/eslint/, one layer table); `npm run lint` runs it with the rest,
// and this file checks what the rule says about each kind of import that crosses. The whole tree is
// `npm run lint`'s to check (npm test runs it before vitest): parsing every source a second time here
// cost about 12 s of CPU.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/paths.js';

const RULE = 'repomod/import-boundary';
// the project's own eslint.config.js with every other rule filtered out (so their disable comments
// would read as unused: that check is npm run lint's)
const eslint = new ESLint({
  cwd: REPO_ROOT,
  ruleFilter: ({ ruleId }) => ruleId === RULE,
  overrideConfig: { linterOptions: { reportUnusedDisableDirectives: 'off' } },
});

/** What the rule reports for `code` as if it were the repo-relative file `file`: `line:col message`. */
async function boundary(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, file) });
  return result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId === RULE ? '' : `${m.ruleId} `}${m.message}`);
}

describe('import-boundary rule', () => {
  it('names both files, the layers and what to do when lib imports a transform', async () => {
    expect(await boundary('lib/engine/x.ts', "import { y } from '../../transforms/y.js';\nexport { y };\n")).toEqual([
      '1:19 lib/engine/x.ts imports transforms/y.js: lib may not import transforms; move the shared part into lib/',
    ]);
  });

  it('follows every import form: export-from, export *, dynamic, import types, import-equals, require', async () => {
    const code = [
      "export { a } from '../../api/index.js';",
      "export * from '../../cli/index.js';",
      "export const b = await import('../bundle/index.js');",
      "export type C = import('../../transforms/index.js').C;",
      "import d = require('../../api/registry.js');",
      "export const e = require('../../cli/index.js') as unknown;",
      'export { d };',
    ].join('\n');
    const why = 'features may not import';
    expect(await boundary('features/init/x.ts', code)).toEqual([
      `1:19 features/init/x.ts imports api/index.js: ${why} api; move the shared part into lib/`,
      `2:15 features/init/x.ts imports cli/index.js: ${why} cli; move the shared part into lib/`,
      `4:24 features/init/x.ts imports transforms/index.js: ${why} transforms; move the shared part into lib/`,
      `5:20 features/init/x.ts imports api/registry.js: ${why} api; move the shared part into lib/`,
      `6:26 features/init/x.ts imports cli/index.js: ${why} cli; move the shared part into lib/`,
    ]);
  });

  it('sends cli to transforms and features through api, and lets it import api and lib', async () => {
    const code = [
      "import { registry } from '../api/registry.js';",
      "import { order } from '../lib/order.js';",
      "import { load } from '../transforms/index.js';",
      "import { run } from '../features/bundle/index.js';",
      'export { registry, order, load, run };',
    ].join('\n');
    const fix = 'through api/ (export what cli needs from there)';
    expect(await boundary('cli/x.ts', code)).toEqual([
      `3:22 cli/x.ts imports transforms/index.js: cli may not import transforms; reach transforms/ ${fix}`,
      `4:21 cli/x.ts imports features/bundle/index.js: cli may not import features; reach features/ ${fix}`,
    ]);
  });

  it('keeps each transform to itself and lib, while the registry beside them may import any', async () => {
    const reach = "export { a } from '../rewrite-imports/index.js';\nexport { b } from '../index.js';\n";
    expect(await boundary('transforms/fix-call-syntax/x.ts', reach)).toEqual([
      '1:19 transforms/fix-call-syntax/x.ts imports transforms/rewrite-imports/index.js: ' +
        'transform fix-call-syntax may not import transform rewrite-imports; move the shared part into lib/',
    ]);
    expect(await boundary('transforms/x.ts', "export { a } from './rewrite-imports/index.js';\n")).toEqual([]);
  });

  it('leaves tests, scripts and package imports alone', async () => {
    expect(await boundary('test/x.test.ts', "export { a } from '../transforms/rewrite-imports/index.js';\n")).toEqual(
      [],
    );
    expect(await boundary('lib/x.ts', "export { a } from 'transforms';\nexport { b } from 'node:path';\n")).toEqual([]);
  });
});

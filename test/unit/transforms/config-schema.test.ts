// repomod.schema.json: generated from the registry's option declarations, committed (pack.test.ts
// checks it ships), and agreeing with repomod's own reading of a config on every case below.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../api/index.js';
import { resolveOptions } from '../../../lib/engine/options.js';
import { configSchema, configSchemaText, SCHEMA_FILE } from '../../../transforms/config-schema.js';
import { findTransform } from '../../../transforms/index.js';
import { REPO_ROOT } from '../../helpers/paths.js';
import { tempDir } from '../../helpers/tree.js';

const validate = new Ajv({ allErrors: true }).compile(configSchema());

/** repomod's verdict: the config as `runTransform`/`check` read it, every transform's options resolved. */
function repomodAccepts(config: unknown): boolean {
  const file = path.join(tempDir(), 'repomod.config.json');
  writeFileSync(file, JSON.stringify(config));
  try {
    const read = readConfig(path.dirname(file), file);
    for (const [name, options] of Object.entries(read.transforms))
      resolveOptions(options, findTransform(name)!.meta.options ?? []);
    return true;
  } catch {
    return false;
  }
}

const VALID: [string, unknown][] = [
  ['the example config', JSON.parse(readFileSync(path.join(REPO_ROOT, 'examples/repomod.config.json'), 'utf8'))],
  ['an empty config', {}],
  [
    'every setting, aliases and structured options',
    {
      $schema: './node_modules/repomod/repomod.schema.json',
      paths: ['src'],
      ignore: ['build/**'],
      maxFileSize: '20MB',
      select: ['remove-redundant-bases'],
      ignoreCodes: ['unused-rule'],
      cache: false,
      cacheDir: '.cache/repomod',
      transforms: {
        bases: { onlyErrors: true, keepImports: false },
        symlinks: { mode: 'copy', sync: true },
        'rewrite-imports': {
          rules: [
            { from: 'a.b', to: 'c.b', onlyIn: 'svc/**' },
            { forbid: 'svc.private', in: ['shared/**'] },
          ],
          strict: true,
        },
        calls: { keyword: ['exc_info=True', { name: 'stacklevel', value: '2' }], keep: 'last' },
      },
    },
  ],
  ['one keyword as a string', { transforms: { 'fix-call-syntax': { keyword: 'exc_info=True' } } }],
];

const INVALID: [string, unknown][] = [
  ['an unknown top-level key', { pahts: ['src'] }],
  ['a list given as a string', { paths: 'src' }],
  ['cache as a word', { cache: 'no' }],
  ['an unknown transform', { transforms: { 'rewrite-import': {} } }],
  ['an unknown option', { transforms: { 'fix-call-syntax': { kepe: 'first' } } }],
  ['a value outside the choices', { transforms: { 'fix-call-syntax': { keep: 'middle' } } }],
  ['a boolean option as a word', { transforms: { 'remove-redundant-bases': { onlyErrors: 'yes' } } }],
  ['a keyword that is not NAME or NAME=VALUE', { transforms: { 'fix-call-syntax': { keyword: ['1x=True'] } } }],
  ['a mapping rule without its target', { transforms: { 'rewrite-imports': { rules: [{ from: 'a.b' }] } } }],
  ['a rule with an unknown key', { transforms: { 'rewrite-imports': { rules: [{ forbid: 'a', where: 'b' }] } } }],
  ['a map entry without =', { transforms: { 'rewrite-imports': { map: ['a.b'] } } }],
];

describe(SCHEMA_FILE, () => {
  it('is committed as the registry generates it (npm run schema rewrites it)', () => {
    expect(readFileSync(path.join(REPO_ROOT, SCHEMA_FILE), 'utf8'), `${SCHEMA_FILE} is stale: run npm run schema`).toBe(
      configSchemaText(),
    );
  });

  it.each(VALID)('accepts %s, as repomod does', (_name, config) => {
    expect(repomodAccepts(config)).toBe(true);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(INVALID)('rejects %s, as repomod does', (_name, config) => {
    expect(repomodAccepts(config)).toBe(false);
    expect(validate(config)).toBe(false);
  });
});

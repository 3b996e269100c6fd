// tsconfig resolution for aliases (solution configs, references, extends chains, include patterns)
// and the specifiers the scanner finds beyond import statements.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aliasCandidates, aliasesFor } from '../../../../lib/js/resolve.js';
import { scanSpecifiers } from '../../../../transforms/rewrite-imports/specifiers.js';
import { RepoIndex } from '../../../../lib/repo/repo-index.js';
import { tempDir } from '../../../helpers/tree.js';

function repoOf(files: Record<string, string>): RepoIndex {
  const root = tempDir('repomod-resolve-');
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return new RepoIndex({ root, files: Object.keys(files), symlinks: [] });
}

const solution = (extra: Record<string, string> = {}) =>
  repoOf({
    'tsconfig.json':
      '{ "files": [], "references": [{ "path": "./tsconfig.node.json" }, { "path": "./tsconfig.app.json" }] }',
    'tsconfig.node.json':
      '{ "compilerOptions": { "paths": { "@node/*": ["./scripts/*"] } }, "include": ["vite.config.ts", "scripts/**/*.ts"] }',
    'tsconfig.app.json': '{ "extends": ["./configs/strict.json", "./configs/paths"], "include": ["src"] }',
    'configs/strict.json': '{ "compilerOptions": { "strict": true } }',
    'configs/paths.json': '{ "compilerOptions": { "baseUrl": "..", "paths": { "@/*": ["src/*"] } } }',
    ...extra,
  });

describe('aliasesFor', () => {
  it.each([
    ['src/pages/Home.tsx', 'tsconfig.app.json', '@/*'],
    ['vite.config.ts', 'tsconfig.node.json', '@node/*'],
    ['scripts/deep/build.ts', 'tsconfig.node.json', '@node/*'],
  ])('%s is governed by %s (a referenced project), with %s', (file, config, key) => {
    const aliases = aliasesFor(solution(), file);
    expect(aliases?.config).toBe(config);
    expect(aliases?.paths.map((p) => p.key)).toEqual([key]);
  });

  it('follows an extends array to the base that declares paths, relative to its baseUrl', () => {
    const aliases = aliasesFor(solution(), 'src/a.ts')!;
    expect(aliases.pathsBase).toBe('');
    expect(aliasCandidates(aliases, '@/utils/x')).toEqual([
      { key: '@/*', path: 'src/utils/x', exact: false },
      { path: '@/utils/x' },
    ]);
  });

  it('falls back to the solution config for a file no reference includes', () => {
    expect(aliasesFor(solution(), 'docs/example.ts')).toBeUndefined();
  });

  it('marks an alias that names one file as exact', () => {
    const repo = repoOf({ 'tsconfig.json': '{ "compilerOptions": { "paths": { "@env": ["./src/config/env.ts"] } } }' });
    expect(aliasCandidates(aliasesFor(repo, 'src/a.ts')!, '@env')).toEqual([
      { key: '@env', path: 'src/config/env.ts', exact: true },
    ]);
  });
});

describe('scanSpecifiers', () => {
  it.each([
    ['/// <reference path="globals.d.ts" />\n', 'globals.d.ts', 21],
    ["///<reference path='../types/a.d.ts'/>\n", '../types/a.d.ts', 20],
  ])('finds the triple-slash path in %j', (source, value, start) => {
    const [found] = scanSpecifiers(source, 'src/a.ts');
    expect(found).toMatchObject({
      kind: 'reference-path',
      value,
      start,
      end: start + value.length,
      line: 1,
      column: start,
    });
    expect(source.slice(found.start, found.end)).toBe(value);
  });

  it.each([
    '/// <reference types="node" />\n',
    '// <reference path="x.d.ts" />\n',
    '/* /// <reference path="x.d.ts" /> */\n',
  ])('leaves %j', (source) => {
    expect(scanSpecifiers(source, 'src/a.ts')).toEqual([]);
  });
});

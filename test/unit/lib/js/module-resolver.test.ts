// Module resolution through oxc-resolver on real temp trees: package `exports` (conditions,
// patterns, null exclusions, `.js` for `.ts`) as self-references, workspace packages through
// symlinked node_modules, tsconfig `extends` from a package, and nothing resolved outside the root.
import { describe, expect, it } from 'vitest';
import { resolveModule } from '../../../../lib/js/module-resolver.js';
import { aliasCandidates, aliasesFor } from '../../../../lib/js/resolve.js';
import { RepoIndex } from '../../../../lib/repo/repo-index.js';
import { tempDir, writeTree } from '../../../helpers/tree.js';

/** Files (path ➔ text) and links (path ➔ target) under a fresh root; the index lists the files. */
function repoOf(files: Record<string, string>, links: Record<string, string> = {}): RepoIndex {
  return new RepoIndex({
    root: writeTree(tempDir('repomod-oxc-'), files, links),
    files: Object.keys(files),
    symlinks: [],
  });
}

/** A package outside the repository (a sibling checkout, a global install) with these files. */
const outsidePackage = (files: Record<string, string>) => writeTree(tempDir('repomod-oxc-outside-'), files);

const UI_EXPORTS = {
  '.': { types: './src/index.ts', default: './dist/index.js' },
  './button': { import: './src/button.mjs', require: './src/button.cjs' },
  './util': './src/util/index.js',
  './icons/*': './src/icons/*.tsx',
  './icons/internal/*': null,
};

const workspace = () =>
  repoOf(
    {
      'packages/ui/package.json': JSON.stringify({ name: '@acme/ui', exports: UI_EXPORTS }),
      'packages/ui/src/index.ts': 'export {};\n',
      'packages/ui/src/button.mjs': 'export {};\n',
      'packages/ui/src/button.cjs': 'module.exports = {};\n',
      'packages/ui/src/util/index.ts': 'export {};\n',
      'packages/ui/src/icons/star.tsx': 'export {};\n',
      'packages/ui/src/icons/internal/raw.tsx': 'export {};\n',
      'apps/web/src/main.ts': "import '@acme/ui';\n",
    },
    { 'node_modules/@acme/ui': '../../packages/ui' },
  );

describe('resolveModule: a workspace package asked from inside itself (self-reference, no install)', () => {
  it.each([
    ['@acme/ui', 'packages/ui/src/index.ts'], // the `types` condition, listed first, wins
    ['@acme/ui/button', 'packages/ui/src/button.mjs'], // `import` before `require` in the map
    ['@acme/ui/util', 'packages/ui/src/util/index.ts'], // './src/util/index.js' is the source index.ts
    ['@acme/ui/icons/star', 'packages/ui/src/icons/star.tsx'], // a pattern, with something behind it
    ['@acme/ui/icons/moon', undefined], // a pattern with nothing behind it
    ['@acme/ui/icons/internal/raw', undefined], // excluded with null although the file exists
    ['@acme/ui/src/button.mjs', undefined], // not exported: `exports` closes the package
  ])('%s ➔ %s', (specifier, expected) => {
    expect(resolveModule(workspace(), 'packages/ui', specifier)).toBe(expected);
  });
});

describe('resolveModule: through symlinked node_modules', () => {
  it('follows a workspace link to the package folder inside the repository', () => {
    expect(resolveModule(workspace(), 'apps/web/src', '@acme/ui/icons/star')).toBe('packages/ui/src/icons/star.tsx');
  });

  it('refuses a package whose link leads outside the repository', () => {
    const outside = outsidePackage({
      'package.json': JSON.stringify({ name: '@ext/lib', main: 'index.js' }),
      'index.js': 'module.exports = 1;\n',
    });
    const repo = repoOf({ 'src/a.ts': "import '@ext/lib';\n" }, { 'node_modules/@ext/lib': outside });
    expect(resolveModule(repo, 'src', '@ext/lib')).toBeUndefined();
  });

  it('answers the same question once (memoised per repository)', () => {
    const repo = workspace();
    const first = resolveModule(repo, 'apps/web/src', '@acme/ui/util');
    expect(resolveModule(repo, 'apps/web/src', '@acme/ui/util')).toBe(first);
    expect(first).toBe('packages/ui/src/util/index.ts');
  });
});

describe('aliasesFor: `extends` naming a package', () => {
  const files = (extendsValue: unknown) => ({
    'packages/tsconfig/package.json': JSON.stringify({ name: '@acme/tsconfig', version: '1.0.0' }),
    // a shared base: '${configDir}' is the folder of the project that extends it
    'packages/tsconfig/base.json': JSON.stringify({
      compilerOptions: { strict: true, paths: { '@/*': ['${configDir}/src/*'], '#ui/*': ['../ui/src/*'] } },
    }),
    'packages/tsconfig/tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '~/*': ['${configDir}/*'] } } }),
    'apps/web/tsconfig.json': JSON.stringify({ extends: extendsValue, include: ['src'] }),
    'apps/web/src/main.ts': "import { x } from '@/lib/x';\n",
  });
  const links = { 'node_modules/@acme/tsconfig': '../../packages/tsconfig' };

  it.each([['@acme/tsconfig/base.json'], ['@acme/tsconfig/base'], [['./nothing.json', '@acme/tsconfig/base']]])(
    'reads paths from %j through the workspace link, ${configDir} being the project folder',
    (extendsValue) => {
      const aliases = aliasesFor(repoOf(files(extendsValue), links), 'apps/web/src/main.ts')!;
      expect(aliases.config).toBe('apps/web/tsconfig.json');
      expect(aliasCandidates(aliases, '@/lib/x')).toEqual([{ key: '@/*', path: 'apps/web/src/lib/x', exact: false }]);
      // a target without the template stays relative to the config that declared it
      expect(aliasCandidates(aliases, '#ui/button')).toEqual([
        { key: '#ui/*', path: 'packages/ui/src/button', exact: false },
      ]);
    },
  );

  it("takes a bare package name's tsconfig.json", () => {
    const aliases = aliasesFor(repoOf(files('@acme/tsconfig'), links), 'apps/web/src/main.ts')!;
    expect(aliasCandidates(aliases, '~/src/main')).toEqual([{ key: '~/*', path: 'apps/web/src/main', exact: false }]);
  });

  it('does not read a base config whose package link leads outside the repository', () => {
    const outside = outsidePackage({
      'package.json': JSON.stringify({ name: '@ext/tsconfig' }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['*'] } } }),
    });
    const repo = repoOf(
      { 'tsconfig.json': JSON.stringify({ extends: '@ext/tsconfig' }), 'src/a.ts': '' },
      { 'node_modules/@ext/tsconfig': outside },
    );
    expect(aliasesFor(repo, 'src/a.ts')).toBeUndefined();
  });
});

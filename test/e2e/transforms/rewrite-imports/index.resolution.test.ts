// rewrite-imports through the built CLI on a workspace whose resolution only a real resolver gets
// right: a package rule's target behind an `exports` pattern (something there, or nothing), a
// conditional export, './x.js' for x.ts, and a tsconfig alias inherited from a config package
// reached through a symlinked node_modules, with `${configDir}`.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI, repomodInProcess } from '../../../helpers/cli.js';
import { repoWith, tempDir, writeTree } from '../../../helpers/tree.js';

const built = existsSync(CLI);
if (!built) console.log('skipping the resolution tests: run `npm run build` first (dist/cli/index.js is missing)');

const MAIN = [
  "import star from '@acme/core/star';",
  "import moon from '@acme/core/moon';",
  "import { t } from '@acme/core/theme';",
  "import { u } from '@acme/core/util';",
  "import { x } from '@/lib/x';",
  '',
].join('\n');

function workspace(linkTarget = '../../packages/tsconfig'): string {
  const dir = repoWith({
    '.gitignore': 'node_modules\n',
    'packages/ui/package.json': JSON.stringify({
      name: '@acme/ui',
      exports: {
        './icons/*': './src/icons/*.tsx',
        './theme': { types: './src/theme.ts', default: './dist/theme.js' },
        './util': './src/util/index.js',
      },
    }),
    'packages/ui/src/icons/star.tsx': 'export default 1;\n',
    'packages/ui/src/theme.ts': 'export const t = 1;\n',
    'packages/ui/src/util/index.ts': 'export const u = 1;\n',
    'packages/core/package.json': JSON.stringify({ name: '@acme/core' }),
    'packages/tsconfig/package.json': JSON.stringify({ name: '@acme/tsconfig' }),
    'packages/tsconfig/base.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['${configDir}/src/*'] } } }),
    'apps/web/tsconfig.json': JSON.stringify({ extends: '@acme/tsconfig/base.json', include: ['src'] }),
    'apps/web/src/lib/x.ts': 'export const x = 1;\n',
    'apps/web/src/main.ts': MAIN,
  });
  // as npm, yarn and pnpm workspaces install it: a link, ignored by git
  return writeTree(dir, {}, { 'node_modules/@acme/tsconfig': linkTarget });
}

const RULES = [
  ['@acme/core/star', '@acme/ui/icons/star'],
  ['@acme/core/moon', '@acme/ui/icons/moon'],
  ['@acme/core/theme', '@acme/ui/theme'],
  ['@acme/core/util', '@acme/ui/util'],
  ['apps/web/src/lib', 'apps/web/src/shared'],
].flatMap(([from, to]) => ['--map', `${from}=${to}`]);

const MOON_MISSING =
  "apps/web/src/main.ts:2:18: warning: '@acme/ui/icons/moon' is not in the repository (rewritten from '@acme/core/moon' by rule --map @acme/core/moon=@acme/ui/icons/moon); check the rule, or move the module there [rewrite-imports/missing-module]";

const REWRITTEN = [
  "+import star from '@acme/ui/icons/star';",
  "+import moon from '@acme/ui/icons/moon';",
  "+import { t } from '@acme/ui/theme';",
  "+import { u } from '@acme/ui/util';",
];
const removed = (lines: string[]) => lines.map((line) => `-${line}`);
const OLD = MAIN.trimEnd().split('\n');

describe.runIf(built)('rewrite-imports with package exports and a tsconfig from a package', () => {
  it('warns only for the export pattern with nothing behind it, and follows the inherited alias', async () => {
    const dir = workspace();
    const run = await repomodInProcess(dir, ['rewrite-imports', ...RULES]);
    expect(run.code).toBe(0);
    expect(run.stdout.slice(run.stdout.indexOf('@@'))).toBe(
      ['@@ -1,5 +1,5 @@', ...removed(OLD), ...REWRITTEN, "+import { x } from '@/shared/x';", ''].join('\n'),
    );
    const stderr = run.stderr.split('\n');
    expect(stderr.filter((line) => line.includes(': warning: '))).toEqual([MOON_MISSING]);
    expect(stderr).toContain('  1  rewrite-imports: --map apps/web/src/lib=apps/web/src/shared');
    expect(stderr.find((line) => line.includes(' changed, '))).toMatch(
      /^1 changed, 4 unchanged, 0 skipped, 0 failed; 1 warning \(\S+s\) \(dry run/,
    );
    // the diff is one `git apply` accepts
    execFileSync('git', ['apply', '--check'], { cwd: dir, input: run.stdout });
  });

  it('leaves an alias alone when the config package links outside the repository', async () => {
    const outside = writeTree(tempDir('repomod-outside-config-'), {
      'package.json': JSON.stringify({ name: '@acme/tsconfig' }),
      'base.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['${configDir}/src/*'] } } }),
    });
    const dir = workspace(outside);
    const run = await repomodInProcess(dir, ['rewrite-imports', ...RULES]);
    expect(run.code).toBe(0);
    // the inherited alias is unknown, so '@/lib/x' stays: a config outside the repository is not read
    expect(run.stdout.slice(run.stdout.indexOf('@@'))).toBe(
      ['@@ -1,5 +1,5 @@', ...removed(OLD.slice(0, 4)), ...REWRITTEN, ` ${OLD[4]}`, ''].join('\n'),
    );
  });
});

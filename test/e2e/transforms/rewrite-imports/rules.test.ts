// rewrite-imports rule validation through the built CLI: rules from a committed config, --map and
// `move` may not lead outside the repository; NEW must be a module or path; nesting rules warn.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, repomodInProcess } from '../../../helpers/cli.js';
import { initRepo, snapshotTree, tempDir } from '../../../helpers/tree.js';

const built = existsSync(CLI);
if (!built) console.log('skipping the rule validation tests: run `npm run build` first (dist/cli/index.js is missing)');

/** A repository one level below a fresh temp dir, so `../pwned` would land in that temp dir. */
function repository(files: Record<string, string>): { dir: string; outer: string } {
  const outer = tempDir();
  const dir = path.join(outer, 'repo');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  initRepo(dir);
  return { dir, outer };
}

const FILES = {
  'main.py': 'import tools.payload\nimport pkg.mod\n',
  'tools/__init__.py': '',
  'tools/payload.py': 'X = 1\n',
  'pkg/__init__.py': '',
  'pkg/mod.py': 'Y = 2\n',
};

describe.runIf(built)('rules that lead outside the repository', () => {
  it('refuses a committed config rule with an inner .., in rewrite-imports and in check, writing nothing', async () => {
    const config = {
      transforms: {
        'rewrite-imports': {
          rules: [{ from: 'tools/payload.py', to: 'tools/../../pwned/usercustomize.py' }],
          moveFiles: true,
        },
      },
    };
    const { dir, outer } = repository({ ...FILES, 'repomod.config.json': JSON.stringify(config) });
    const before = snapshotTree(dir);
    for (const args of [
      ['rewrite-imports', '--apply'],
      ['check', '--apply'],
    ]) {
      const run = await repomodInProcess(dir, args);
      expect(run.stderr).toBe(
        "repomod: error: rule rules[0] in repomod.config.json: 'tools/../../pwned/usercustomize.py' leads outside the repository (it normalises to '../pwned/usercustomize.py')\n" +
          'help: rules may only name modules and paths inside the repository\n',
      );
      expect([run.code, run.stdout]).toEqual([2, '']);
    }
    expect(readdirSync(outer)).toEqual(['repo']);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it.each([
    [
      'pkg=pkg/../../outside/pkg',
      "'pkg/../../outside/pkg' leads outside the repository (it normalises to '../outside/pkg')",
      'help: rules may only name modules and paths inside the repository',
    ],
    [
      'pkg=/tmp/outside/pkg',
      "'/tmp/outside/pkg' is not a module, package or repository path",
      'help: write repository paths relative to the repository root, without ./ (src/utils=src/lib/utils)',
    ],
    [
      'pkg/..=elsewhere/',
      "'pkg/..' names the repository root itself",
      'help: name a module, a package or a path inside the repository',
    ],
  ])('refuses --map %s --move-files --apply', async (rule, problem, help) => {
    const { dir, outer } = repository(FILES);
    const before = snapshotTree(dir);
    const run = await repomodInProcess(dir, ['rewrite-imports', '--map', rule, '--move-files', '--apply']);
    expect(run.stderr).toBe(`repomod: error: rule --map ${rule}: ${problem}\n${help}\n`);
    expect(run.code).toBe(2);
    expect(readdirSync(outer)).toEqual(['repo']);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('refuses move OLD NEW when NEW normalises outside', async () => {
    const { dir, outer } = repository(FILES);
    const run = await repomodInProcess(dir, ['move', 'pkg/mod.py', 'tools/../../x.py', '--apply']);
    expect(run.stderr).toBe(
      `repomod: error: 'tools/../../x.py' is not inside the repository (${dir})\nhelp: give OLD and NEW as paths inside the repository\n`,
    );
    expect(run.code).toBe(2);
    expect(readdirSync(outer)).toEqual(['repo']);
  });

  it('keeps a path rule with an inner .. that stays inside, normalised', async () => {
    const { dir } = repository(FILES);
    const run = await repomodInProcess(dir, [
      'rewrite-imports',
      '--map',
      'tools/payload.py=tools/../pkg/payload.py',
      '--move-files',
      '--apply',
    ]);
    expect([run.code, run.stderr.split('\n').at(-2)]).toEqual([0, expect.stringMatching(/^2 changed, /)]);
    expect(Object.keys(snapshotTree(dir))).toContain('pkg/payload.py');
  });
});

describe.runIf(built)('NEW values that are not modules or paths', () => {
  it.each([
    [
      'pkg=1abc',
      "'1abc' is not a valid module name (each dotted part must start with a letter or _)",
      'help: name a dotted module (a.b.c), a JS package (@scope/pkg) or a repository path; a top-level directory ends with / (2024/)',
    ],
    [
      'pkg=a.2b',
      "'a.2b' is not a valid module name (each dotted part must start with a letter or _)",
      'help: name a dotted module (a.b.c), a JS package (@scope/pkg) or a repository path; a top-level directory ends with / (2024/)',
    ],
    [
      'pkg=a..b',
      "'a..b' is not a valid module name (each dotted part must start with a letter or _)",
      'help: name a dotted module (a.b.c), a JS package (@scope/pkg) or a repository path; a top-level directory ends with / (2024/)',
    ],
    [
      `pkg=x'"`,
      `'x'"' is not a valid module name or path`,
      'help: a rule names a dotted module (a.b.c), a JS package (@scope/pkg) or a repository path (src/utils)',
    ],
  ])('--map %s is a usage error', async (rule, problem, help) => {
    const { dir } = repository(FILES);
    const run = await repomodInProcess(dir, ['rewrite-imports', '--map', rule]);
    expect([run.code, run.stdout, run.stderr]).toEqual([
      2,
      '',
      `repomod: error: rule --map ${rule}: ${problem}\n${help}\n`,
    ]);
  });

  it('names the config entry when the config holds the bad value', async () => {
    const config = { transforms: { 'rewrite-imports': { map: ['pkg=1abc'] } } };
    const { dir } = repository({ ...FILES, 'repomod.config.json': JSON.stringify(config) });
    const run = await repomodInProcess(dir, ['rewrite-imports']);
    expect(run.stderr.split('\n')[0]).toBe(
      "repomod: error: rule map[0] 'pkg=1abc' in repomod.config.json: '1abc' is not a valid module name (each dotted part must start with a letter or _)",
    );
    expect(run.code).toBe(2);
  });

  it.each(['lodash=lodash-es', '@acme/core=@acme/platform/core', '2023/=archive/2023', 'node:path=pathe'])(
    'accepts --map %s',
    async (rule) => {
      const { dir } = repository(FILES);
      expect((await repomodInProcess(dir, ['rewrite-imports', '--map', rule])).code).toBe(0);
    },
  );

  it('rewrites old.mod=old, where NEW is an existing package, instead of doing nothing', async () => {
    const { dir } = repository({
      'old/__init__.py': 'from .mod import f\n',
      'old/mod.py': 'def f(): ...\n',
      'use.py': 'from old.mod import f\nimport old.mod as m\n',
    });
    const run = await repomodInProcess(dir, ['rewrite-imports', '--map', 'old.mod=old']);
    expect(run.stdout).toContain(
      '-from old.mod import f\n-import old.mod as m\n+from old import f\n+import old as m\n',
    );
    expect(run.code).toBe(0);
  });
});

describe.runIf(built)('rules whose NEW is inside OLD', () => {
  it.each([
    [
      'pkg.mod=pkg.mod.sub',
      "pkg/mod.py:1:1: warning: rule --map pkg.mod=pkg.mod.sub moves 'pkg.mod' inside itself ('pkg.mod.sub'): a second run would rewrite 'pkg.mod.sub' to 'pkg.mod.sub.sub'; run it once, or limit it with onlyIn [rewrite-imports/nests-again]",
    ],
    [
      'pkg=pkg/sub',
      "pkg:1:1: warning: rule --map pkg=pkg/sub moves 'pkg' inside itself ('pkg/sub'): a second run would rewrite 'pkg/sub' to 'pkg/sub/sub'; run it once, or limit it with onlyIn [rewrite-imports/nests-again]",
    ],
  ])('--map %s warns that a second run nests again', async (rule, warning) => {
    const { dir } = repository(FILES);
    const run = await repomodInProcess(dir, ['rewrite-imports', '--map', rule]);
    expect(run.stderr.split('\n').filter((l) => l.includes('nests-again'))).toEqual([warning]);
    expect(run.code).toBe(0);
  });
});

// `repomod init` on a repository shaped like the users' (Python packages at the root, a src/
// layout, pyproject packages, a sys.path insertion, Cloud Function folders linking into shared/,
// one TS app with tsconfig paths): it finds every root and package without hints, and the
// README's first steps (init --apply, check, check on a staged file) then pass.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { pyprojectRoots, sysPathInsertions } from '../../../../features/init/python-roots.js';
import { surveyRepository } from '../../../../features/init/index.js';
import { loadConfig } from '../../../../lib/engine/config.js';
import { registry } from '../../../../transforms/index.js';
import { type CliRun, REPO_ROOT, repomodInProcess } from '../../../helpers/cli.js';
import { git, initRepo, tempDir } from '../../../helpers/tree.js';

const PYPROJECT =
  '[project]\nname = "platform"\nversion = "1.0"\n\n[tool.setuptools.packages.find]\nwhere = ["libs"]\n';

function usersRepository(): string {
  const dir = tempDir();
  const files: Record<string, string> = {
    'pyproject.toml': PYPROJECT,
    'pipeline/__init__.py': '',
    'pipeline/common/__init__.py': '',
    'pipeline/common/util.py': 'def lock(name):\n    return name\n',
    'pipeline/jobs.py':
      'from pipeline.common.util import lock\n\n\nclass Base:\n    pass\n\n\nclass Job(Base):\n    def run(self):\n        return lock("job")\n',
    'shared/__init__.py': '',
    'shared/config.py': 'REGION = "us-central1"\n',
    'shared/utils/__init__.py': '',
    'shared/utils/bq.py': 'from shared.config import REGION\n\n\ndef table(name):\n    return f"{REGION}.{name}"\n',
    'libs/platform_tools/__init__.py': 'VERSION = 1\n',
    'services/api/src/api_service/__init__.py': '',
    'services/api/src/api_service/app.py':
      'import logging\n\n\ndef handle(e):\n    logging.error("failed: %s", e, exc_info=True)\n',
    'tools/helpers.py': 'def helper():\n    return 1\n',
    'scripts/run_job.py':
      'import os\nimport sys\nsys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tools"))\n\nimport helpers\n\nhelpers.helper()\n',
    'orchestration/cloud_functions/fn_a/main.py':
      'from shared.config import REGION\n\n\ndef handler(request):\n    return REGION\n',
    'orchestration/cloud_functions/fn_a/requirements.txt': 'functions-framework==3.*\n',
    'orchestration/cloud_functions/fn_b/main.py':
      'from shared.config import REGION\n\n\ndef handler(request):\n    return REGION\n',
    'orchestration/cloud_functions/fn_b/requirements.txt': 'functions-framework==3.*\n',
    'web/package.json': '{"name": "web", "private": true}\n',
    'web/tsconfig.json':
      '{\n  // the app imports through @app/\n  "compilerOptions": {"baseUrl": ".", "paths": {"@app/*": ["src/*"]}}\n}\n',
    'web/src/index.ts': "import { greet } from '@app/lib/greet';\n\nexport const message = greet('world');\n",
    'web/src/lib/greet.ts': 'export function greet(name: string): string {\n  return `hello ${name}`;\n}\n',
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  // fn_a links the whole shared/ folder; fn_b holds a shared/ tree of file links, as the users' did
  symlinkSync('../../../shared', path.join(dir, 'orchestration/cloud_functions/fn_a/shared'));
  mkdirSync(path.join(dir, 'orchestration/cloud_functions/fn_b/shared'));
  symlinkSync(
    '../../../../shared/__init__.py',
    path.join(dir, 'orchestration/cloud_functions/fn_b/shared/__init__.py'),
  );
  symlinkSync('../../../../shared/config.py', path.join(dir, 'orchestration/cloud_functions/fn_b/shared/config.py'));
  initRepo(dir);
  return dir;
}

const SURVEY = `repomod init: Python (15 files), TypeScript (2 files)
Python source roots:
  .                 packages at the root: pipeline, shared
  libs              packages in pyproject.toml (not found on its own: --source-root libs)
  services/api/src  src/ layout: api_service (not found on its own: --source-root services/api/src)
  tools             sys.path insertion in scripts/run_job.py:3 (not found on its own: --source-root tools)
tsconfig files:
  web/tsconfig.json  paths: @app/* -> src/*
deploy packages:
  orchestration/cloud_functions/fn_a  Python function (orchestration/cloud_functions/fn_a/main.py), 1 link into the repository
  orchestration/cloud_functions/fn_b  Python function (orchestration/cloud_functions/fn_b/main.py), 2 links into the repository
checks (repomod check):
  fix-call-syntax         Python, TypeScript files
  replace-symlinks        3 links, 2 deploy packages
  remove-redundant-bases  Python, TypeScript files; onlyErrors: true
`;

const ROOTS = '--source-root, libs, --source-root, services/api/src, --source-root, tools';

describe("repomod init on a repository shaped like the users'", () => {
  it('finds every root and package, and proposes [tool.repomod] in pyproject.toml as a diff git apply accepts', async () => {
    const repo = usersRepository();
    const run = await repomodInProcess(repo, ['init']);
    expect(run.code).toBe(0);
    expect(run.stderr.startsWith(SURVEY)).toBe(true);
    expect(run.stdout).toBe(
      [
        'diff --git a/pyproject.toml b/pyproject.toml',
        `index ${git(repo, 'hash-object', 'pyproject.toml').trim()}..${run.stdout.split('\n')[1].split('..')[1]}`,
        '--- a/pyproject.toml',
        '+++ b/pyproject.toml',
        '@@ -4,3 +4,7 @@',
        ' ',
        ' [tool.setuptools.packages.find]',
        ' where = ["libs"]',
        '+',
        '+[tool.repomod]',
        '+# proposed by `repomod init`: the checks `repomod check` runs (`repomod explain --list` names their codes)',
        '+transforms = { fix-call-syntax = {}, replace-symlinks = {}, remove-redundant-bases = { onlyErrors = true } }',
        '',
      ].join('\n'),
    );
    writeFileSync(path.join(repo, 'init.patch'), run.stdout);
    git(repo, 'apply', '--check', 'init.patch');
    expect(run.stderr).toContain(`      - id: repomod-check\n        args: [${ROOTS}]\n`);
    expect(run.stderr).toContain(
      '      - run: npx repomod bundle closure orchestration/cloud_functions/fn_a/main.py --source-root libs --source-root services/api/src --source-root tools\n',
    );
    expect(run.stderr.endsWith('dry run: nothing written; add --apply to write pyproject.toml\n')).toBe(true);
    // both snippets are YAML that names what exists: a hook repomod offers, steps that run repomod
    const preCommit = parseYaml(/^# \.pre-commit-config\.yaml\n[\s\S]*?\n\n/m.exec(run.stderr)![0]) as {
      repos: { repo: string; hooks: { id: string; args: string[] }[] }[];
    };
    const offered = (
      parseYaml(readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string }[]
    ).map((h) => h.id);
    expect(preCommit.repos[0].hooks).toEqual([{ id: 'repomod-check', args: ROOTS.split(', ') }]);
    expect(offered).toContain(preCommit.repos[0].hooks[0].id);
    const job = parseYaml(/^# \.github\/workflows\/repomod\.yml\n[\s\S]*?\n\n/m.exec(run.stderr)![0]) as {
      jobs: { check: { steps: { run?: string }[] } };
    };
    expect(job.jobs.check.steps.map((s) => s.run).filter(Boolean)).toEqual([
      'npm install --no-save repomod',
      'npx repomod check --format github --source-root libs --source-root services/api/src --source-root tools',
      'npx repomod bundle closure orchestration/cloud_functions/fn_a/main.py --source-root libs --source-root services/api/src --source-root tools',
      'npx repomod bundle closure orchestration/cloud_functions/fn_b/main.py --source-root libs --source-root services/api/src --source-root tools',
    ]);
    expect(git(repo, 'status', '--porcelain')).toBe('?? init.patch\n');
  });

  it("the README's first steps: init --apply, then check passes, then check on a staged file as pre-commit runs it", async () => {
    const repo = usersRepository();
    // the first screen's commands, in order, as a new user types them
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const firstScreen = /^```sh\n(npm i -g repomod[\s\S]*?)^```$/m.exec(readme)![1];
    const commands = firstScreen
      .split('\n')
      .map((line) => line.split('#')[0].trim())
      .filter((line) => line.startsWith('repomod '));
    expect(commands).toEqual(['repomod init', 'repomod init --apply', 'repomod fix-call-syntax', 'repomod check']);
    const runs: CliRun[] = [];
    for (const command of commands) runs.push(await repomodInProcess(repo, command.split(' ').slice(1)));
    for (const [i, run] of runs.entries()) expect(run.code, `${commands[i]}: ${run.stderr}`).toBe(0);
    const [, init, dryRun, check] = runs;
    expect(init.stdout).toBe('');
    expect(init.stderr.endsWith('wrote pyproject.toml; next: repomod check\n')).toBe(true);
    expect([dryRun.stdout, check.stdout]).toEqual(['', '']);
    expect(check.stderr).not.toMatch(/: (error|warning): |would change/);
    const written = readFileSync(path.join(repo, 'pyproject.toml'), 'utf8');
    expect(written.startsWith(PYPROJECT)).toBe(true);
    // what was written loads as it was proposed: each check with the options check gives it anyway
    const names = registry.flatMap((e) => [e.meta.name, ...(e.meta.aliases ?? [])]);
    expect(loadConfig(path.join(repo, 'pyproject.toml'), names).transforms).toEqual({
      'fix-call-syntax': {},
      'replace-symlinks': {},
      'remove-redundant-bases': { onlyErrors: true },
    });

    // the CI job's steps pass too (each deploy package's import closure)
    const steps = [...init.stderr.matchAll(/^ {6}- run: npx repomod (bundle .*)$/gm)].map((m) => m[1].split(' '));
    expect(steps.length).toBe(2);
    for (const step of steps) expect((await repomodInProcess(repo, step)).code, step.join(' ')).toBe(0);

    // pre-commit passes the staged files after the hook's args (as init printed them)
    const args = /^ {8}args: \[(.*)\]$/m.exec(init.stderr)![1];
    expect(args).toBe(ROOTS);
    writeFileSync(
      path.join(repo, 'pipeline/jobs.py'),
      readFileSync(path.join(repo, 'pipeline/jobs.py'), 'utf8') + '\n\nclass Nightly(Job):\n    pass\n',
    );
    git(repo, 'add', 'pipeline/jobs.py');
    const staged = git(repo, 'diff', '--cached', '--name-only').trim().split('\n');
    const hook = await repomodInProcess(repo, ['check', ...args.split(', '), ...staged]);
    expect([hook.code, hook.stdout]).toEqual([0, '']);
    expect(hook.stderr).not.toMatch(/: (error|warning): |would change/);
    // the same hook on a staged file that Python would refuse fails the commit
    writeFileSync(
      path.join(repo, 'pipeline/jobs.py'),
      readFileSync(path.join(repo, 'pipeline/jobs.py'), 'utf8') + '\n\nclass Broken(Base, Job):\n    pass\n',
    );
    git(repo, 'add', 'pipeline/jobs.py');
    const refused = await repomodInProcess(repo, ['check', ...args.split(', '), ...staged]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^pipeline\/jobs\.py:\d+:7: error: .*\[remove-redundant-bases\/inconsistent-mro\]$/m,
    );

    // and a second init says the config exists instead of proposing another
    const again = await repomodInProcess(repo, ['init']);
    expect([again.code, again.stderr]).toEqual([
      2,
      'repomod: error: this repository already has a config: pyproject.toml ([tool.repomod])\nhelp: edit it, or remove it and run repomod init again\n',
    ]);
  });

  it('without pyproject.toml: repomod.config.json, created', async () => {
    const repo = tempDir();
    mkdirSync(path.join(repo, 'src'));
    writeFileSync(path.join(repo, 'src/app.ts'), 'export const x = 1;\n');
    initRepo(repo);
    const run = await repomodInProcess(repo, ['init', '--apply']);
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(repo, 'repomod.config.json'), 'utf8')).toBe(
      '{\n  "transforms": {\n    "fix-call-syntax": {},\n    "remove-redundant-bases": {\n      "onlyErrors": true\n    }\n  }\n}\n',
    );
    expect((await repomodInProcess(repo, ['check'])).code).toBe(0);
  });
});

describe('source roots read literally', () => {
  it.each([
    ['sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))', 'lib'],
    ["sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), '..', 'lib')))", 'lib'],
    ['sys.path.append(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))', ''],
    ['sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "lib"))', 'lib'],
    ['sys.path.insert(0, str(pathlib.Path(__file__).parent / "vendor"))', 'scripts/vendor'],
  ])('%s', (line, root) => {
    expect(sysPathInsertions('scripts/run.py', `import sys\n${line}\n`)).toEqual([{ root, line: 2 }]);
  });

  it.each([
    'sys.path.insert(0, os.environ["ROOT"])',
    'sys.path.insert(0, "/opt/lib")',
    'sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", ".."))',
    'sys.path.insert(0, here)',
  ])('leaves %s', (line) => {
    expect(sysPathInsertions('scripts/run.py', `${line}\n`)).toEqual([]);
  });

  it.each([
    ['[tool.setuptools]\npackage-dir = {"" = "src"}\n', ['src']],
    ['[tool.setuptools.packages.find]\nwhere = ["lib", "."]\n', ['lib']],
    ['[tool.poetry]\npackages = [{ include = "app", from = "source" }]\n', ['source']],
    ['[tool.hatch.build.targets.wheel]\npackages = ["code/app"]\n', ['code']],
    ['not toml [', []],
  ])('pyproject %j', (text, roots) => {
    expect(pyprojectRoots(text)).toEqual(roots);
  });
});

describe('deploy packages', () => {
  it('package.json functions, folders linking into the repository, and not links inside a folder', () => {
    const dir = tempDir();
    const files: Record<string, string> = {
      'functions/notify/package.json':
        '{"main": "index.js", "dependencies": {"@google-cloud/functions-framework": "^3"}}\n',
      'functions/notify/index.js': 'exports.notify = () => 1;\n',
      'web/package.json': '{"name": "web", "dependencies": {"react": "^18"}}\n',
      'common/util.py': 'X = 1\n',
      'jobs/nightly/run.py': 'from common.util import X\n',
      'docs/a.md': '# a\n',
    };
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), text);
    }
    mkdirSync(path.join(dir, 'jobs/nightly/common'));
    symlinkSync('../../../common/util.py', path.join(dir, 'jobs/nightly/common/util.py'));
    symlinkSync('a.md', path.join(dir, 'docs/b.md')); // a link inside its own folder links nothing in
    initRepo(dir);
    expect(surveyRepository(dir).deployPackages).toEqual([
      { path: 'functions/notify', kind: 'node-function', entry: 'functions/notify/index.js', links: 0 },
      { path: 'jobs/nightly', kind: 'linked-folder', links: 1 },
    ]);
  });
});

// End to end: the built CLI on temporary git repositories with a third-party transform.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, repomodInProcess } from '../../../helpers/cli.js';
import { git, initRepo, snapshotTree, tempDir } from '../../../helpers/tree.js';

const RENAME = path.join(REPO_ROOT, '__testfixtures__/third-party/rename-identifier.js');
const ADD_COMMENT = path.join(REPO_ROOT, '__testfixtures__/third-party/add-comment.ts');

/** A small repository exercising every byte-level case the diff must survive. */
function sampleRepo(): string {
  const dir = tempDir();
  const files: Record<string, string> = {
    'src/plain.js': "const a = require('x');\nfoo(a);\n",
    'src/crlf.js': "import x from 'y';\r\nfoo(x);\r\n",
    'src/bom.js': '\ufefffoo(1);\n',
    'src/no-newline.js': 'foo(2)',
    'src/untouched.js': "const s = 'single';\n",
    'ignored/skip.js': 'foo(3);\n',
    '.gitignore': 'ignored/\n',
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  writeFileSync(path.join(dir, 'src/tool.js'), '#!/usr/bin/env node\nfoo(4);\n');
  chmodSync(path.join(dir, 'src/tool.js'), 0o755);
  writeFileSync(path.join(dir, 'src/image.js'), Buffer.from([0x66, 0x6f, 0x6f, 0x00, 0x01]));
  initRepo(dir);
  return dir;
}

function copyRepo(dir: string): string {
  const copy = tempDir();
  cpSync(dir, copy, { recursive: true, verbatimSymlinks: true });
  return copy;
}

describe('repomod run (third-party transform)', () => {
  it('prints a patch that git applies to exactly the bytes --apply writes', async () => {
    const repo = sampleRepo();
    const dry = await repomodInProcess(repo, ['run', '-t', RENAME, '--no-color']);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toMatch(
      /^5 changed, 1 unchanged, 1 skipped, 0 failed; 0 warnings \(\d+\.\ds\) \(dry run: nothing written; add --apply to write\)\n$/,
    );
    expect(dry.stdout).toContain('diff --git a/src/crlf.js b/src/crlf.js');
    expect(dry.stdout).not.toContain('ignored/skip.js');

    const viaGit = copyRepo(repo);
    writeFileSync(path.join(viaGit, '.git/p.diff'), dry.stdout);
    git(viaGit, 'apply', '--check', '.git/p.diff');
    git(viaGit, 'apply', '.git/p.diff');

    const applied = await repomodInProcess(repo, ['run', '-t', RENAME, '--apply']);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toBe('');
    expect(snapshotTree(viaGit)).toEqual(snapshotTree(repo));
    expect(readFileSync(path.join(repo, 'src/crlf.js'), 'utf8')).toBe("import x from 'y';\r\nbar(x);\r\n");
    expect(readFileSync(path.join(repo, 'src/bom.js'), 'utf8')).toBe('\ufeffbar(1);\n');
    expect(readFileSync(path.join(repo, 'src/no-newline.js'), 'utf8')).toBe('bar(2)');
    expect(snapshotTree(repo)['src/tool.js']).toMatchObject({ executable: true });
  });

  it('passes --transform-option values and loads TypeScript transforms without a build', async () => {
    const repo = sampleRepo();
    writeFileSync(path.join(repo, 'src/log.ts'), 'const x: number = 1;\nconsole.log("x", x);\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'log');
    const renamed = await repomodInProcess(repo, [
      'run',
      '-t',
      RENAME,
      '--transform-option',
      'from=require',
      '--transform-option',
      'to=load',
      'src/plain.js',
    ]);
    expect(renamed.stdout).toContain("+const a = load('x');");
    const ts = await repomodInProcess(repo, ['run', '-t', ADD_COMMENT, 'src']);
    expect(ts.code).toBe(0);
    expect(ts.stdout).toContain('+console.debug("x", x);');
  });

  it('--check exits 1 naming the files that would change, and 0 on a clean tree', async () => {
    const repo = sampleRepo();
    const check = await repomodInProcess(repo, ['run', '-t', RENAME, '--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toBe('');
    expect(check.stderr).toContain('src/plain.js: would change\n');
    await repomodInProcess(repo, ['run', '-t', RENAME, '--apply']);
    const clean = await repomodInProcess(repo, ['run', '-t', RENAME, '--check']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe('');
  });

  it('refuses to --apply over uncommitted changes, and writes nothing', async () => {
    const repo = sampleRepo();
    writeFileSync(path.join(repo, 'src/plain.js'), "const a = require('x');\nfoo(a); // wip\n");
    const before = snapshotTree(repo);
    const refused = await repomodInProcess(repo, ['run', '-t', RENAME, '--apply']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'repomod: error: 1 file has uncommitted changes: src/plain.js; nothing was written\nhelp: commit or stash them first, or pass --allow-dirty to write over them\n',
    );
    expect(snapshotTree(repo)).toEqual(before);
    const forced = await repomodInProcess(repo, ['run', '-t', RENAME, '--apply', '--allow-dirty']);
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(repo, 'src/plain.js'), 'utf8')).toContain('bar(a); // wip');
  });

  it('reports a file that does not parse with line and column, and still changes the others', async () => {
    const repo = sampleRepo();
    writeFileSync(path.join(repo, 'src/broken.js'), 'foo(1);\nfunction (\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'broken');
    const run = await repomodInProcess(repo, ['run', '-t', RENAME, '--apply']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^src\/broken\.js:2:10: error: file does not parse \(.+\); left unchanged \[parse-error\]$/m,
    );
    expect(run.stderr).toMatch(/5 changed, 1 unchanged, 1 skipped, 1 failed; 1 error, 0 warnings/);
    expect(readFileSync(path.join(repo, 'src/broken.js'), 'utf8')).toBe('foo(1);\nfunction (\n');
    expect(readFileSync(path.join(repo, 'src/plain.js'), 'utf8')).toContain('bar(a)');
  });

  it('--json prints one document with per-file status, diagnostics and patch', async () => {
    const repo = sampleRepo();
    const run = await repomodInProcess(repo, ['run', '-t', RENAME, '--json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.version).toBe(1);
    expect(doc.mode).toBe('dry-run');
    expect(doc.totals).toEqual({ changed: 5, unchanged: 1, skipped: 1, failed: 0, errors: 0, warnings: 0, infos: 0 });
    const image = doc.files.find((f: { path: string }) => f.path === 'src/image.js');
    expect(image).toEqual({ path: 'src/image.js', status: 'skipped', reason: 'binary file', diagnostics: [] });
    const plain = doc.files.find((f: { path: string }) => f.path === 'src/plain.js');
    expect(plain.status).toBe('changed');
    expect(plain.patch).toMatch(/^diff --git a\/src\/plain\.js b\/src\/plain\.js\n/);
  });

  it('gives the same patch in a worker pool as in-process, and shards partition it', async () => {
    const repo = tempDir();
    mkdirSync(path.join(repo, 'many'));
    for (let i = 0; i < 120; i++)
      writeFileSync(path.join(repo, `many/f${String(i).padStart(3, '0')}.js`), i % 3 ? `foo(${i});\n` : `baz(${i});\n`);
    initRepo(repo);
    const single = await repomodInProcess(repo, ['run', '-t', RENAME, '--jobs', '1']);
    const pooled = await repomodInProcess(repo, ['run', '-t', RENAME, '--jobs', '2'], undefined, {
      REPOMOD_WORKERS: 'always',
    });
    expect(pooled.code).toBe(0);
    expect(pooled.stdout).toBe(single.stdout);
    const shards: string[] = [];
    for (const i of [1, 2, 3])
      shards.push((await repomodInProcess(repo, ['run', '-t', RENAME, '--shard', `${i}/3`])).stdout);
    const sections = (patch: string) => patch.split(/(?=^diff --git )/m).filter(Boolean);
    expect(shards.flatMap(sections).sort()).toEqual(sections(single.stdout).sort());
    expect(shards.every((s) => s.length > 0)).toBe(true);
  });

  it('warns about a source file that is not UTF-8 (latin-1 with a coding line) and leaves its bytes alone', async () => {
    const repo = tempDir();
    mkdirSync(path.join(repo, 'pkg'));
    const latin1 = Buffer.from(
      '# -*- coding: latin-1 -*-\nname = "caf\xe9"\nlogging.error("x", exc_info=True, exc_info=True)\n',
      'latin1',
    );
    writeFileSync(path.join(repo, 'pkg/legacy.py'), latin1);
    initRepo(repo);
    const run = await repomodInProcess(repo, ['fix-call-syntax', '--json']);
    const doc = JSON.parse(run.stdout);
    expect(doc.files).toEqual([
      {
        path: 'pkg/legacy.py',
        status: 'skipped',
        reason: 'not UTF-8',
        diagnostics: [
          {
            line: 1,
            column: 1,
            severity: 'warning',
            code: 'not-utf8',
            message:
              "file is not UTF-8 (it declares 'latin-1'); left unchanged: convert it to UTF-8 or check it by hand",
          },
        ],
      },
    ]);
    expect(readFileSync(path.join(repo, 'pkg/legacy.py'))).toEqual(latin1);
  });

  it('keeps a light run in-process and hands a heavy one to workers, with the same patch', async () => {
    const repo = tempDir();
    mkdirSync(path.join(repo, 'many'));
    for (let i = 0; i < 200; i++)
      writeFileSync(path.join(repo, `many/f${String(i).padStart(3, '0')}.js`), `foo(${i});\n`);
    initRepo(repo);
    // reports which thread ran each file; `busy` milliseconds per file on the main thread make the
    // run look heavy (the decision reads the main thread's rate), while workers finish at once
    const probe = path.join(tempDir(), 'thread-probe.cjs');
    writeFileSync(
      probe,
      [
        "const { isMainThread } = require('node:worker_threads');",
        'module.exports = (file, api, options) => {',
        '  const until = Date.now() + (isMainThread ? Number(options.busy ?? 0) : 0);',
        '  while (Date.now() < until);',
        "  api.report(isMainThread ? 'main' : 'worker');",
        "  return file.source.replace('foo', 'bar');",
        '};',
        '',
      ].join('\n'),
    );
    const threads = (stdout: string) => {
      const doc = JSON.parse(stdout) as { files: { diagnostics: { message: string }[] }[] };
      return new Set(doc.files.flatMap((f) => f.diagnostics.map((d) => d.message)));
    };
    const light = await repomodInProcess(repo, ['run', '-t', probe, '--jobs', '2', '--json']);
    expect([...threads(light.stdout)]).toEqual(['main']);
    // 200 files × 40 ms would be 8 s in-process: well past the ~5 s that pays for starting workers;
    // by the rate alone: on a busy machine (CI, other work) the default keeps every file in-process
    const heavy = await repomodInProcess(
      repo,
      ['run', '-t', probe, '--jobs', '2', '--json', '--transform-option', 'busy=40'],
      undefined,
      { REPOMOD_WORKERS: 'by-rate' },
    );
    expect(threads(heavy.stdout).has('worker')).toBe(true);
    const patchOf = (stdout: string) =>
      (JSON.parse(stdout) as { files: { patch?: string }[] }).files.map((f) => f.patch);
    expect(patchOf(heavy.stdout)).toEqual(patchOf(light.stdout));
  });

  it('does not walk into directory symlinks, even cyclic ones', async () => {
    const repo = sampleRepo();
    symlinkSync('..', path.join(repo, 'src/loop'));
    symlinkSync('/etc', path.join(repo, 'outside'));
    const run = await repomodInProcess(repo, ['run', '-t', RENAME, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).files.map((f: { path: string }) => f.path)).not.toContain('src/loop/src/plain.js');
  });

  it('gives byte-identical output to the stock jscodeshift runner', async () => {
    const repo = sampleRepo();
    const stock = copyRepo(repo);
    const jscodeshift = path.join(REPO_ROOT, 'node_modules/jscodeshift/bin/jscodeshift.js');
    const files = ['src/plain.js', 'src/no-newline.js', 'src/untouched.js', 'src/tool.js'];
    const result = spawnSync(process.execPath, [jscodeshift, '-t', RENAME, '--silent', ...files], {
      cwd: stock,
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    const ours = await repomodInProcess(repo, ['run', '-t', RENAME, '--apply', ...files]);
    expect(ours.code).toBe(0);
    for (const file of files)
      expect(readFileSync(path.join(repo, file), 'latin1')).toBe(readFileSync(path.join(stock, file), 'latin1'));
  });
});

describe('usage and configuration errors', () => {
  it.each([
    [
      ['run', '-t', 'no-such-transform'],
      "repomod: error: transform 'no-such-transform' is neither a file nor an installed package\n",
    ],
    [['run', '-t', RENAME, '--apply', '--check'], 'repomod: error: --apply and --check cannot be used together\n'],
    [['run', '-t', RENAME, '--shard', '4/3'], "repomod: error: --shard must be I/N with 1 ≤ I ≤ N, got '4/3'\n"],
    [['run', '-t', RENAME, 'missing-dir'], "repomod: error: path 'missing-dir' does not exist\n"],
    [['frobnicate'], "repomod: error: unknown command 'frobnicate'\n"],
  ])('%j exits 2 with a two-line error', async (args, firstLine) => {
    const repo = sampleRepo();
    const run = await repomodInProcess(repo, args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.startsWith(firstLine)).toBe(true);
    expect(run.stderr.split('\n')[1]).toMatch(/^help: /);
  });

  it('rejects an unknown key in repomod.config.json, naming it and the file', async () => {
    const repo = sampleRepo();
    writeFileSync(path.join(repo, 'repomod.config.json'), '{"ignores": ["x"]}\n');
    const run = await repomodInProcess(repo, ['run', '-t', RENAME]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "repomod: error: unknown key 'ignores' in repomod.config.json\nhelp: allowed keys: paths, ignore, maxFileSize, select, ignoreCodes, cache, cacheDir, transforms\n",
    );
  });

  it('uses paths and ignores from repomod.config.json', async () => {
    const repo = sampleRepo();
    writeFileSync(path.join(repo, 'repomod.config.json'), '{"paths": ["src"], "ignore": ["src/plain.js"]}\n');
    const run = await repomodInProcess(repo, ['run', '-t', RENAME, '--json']);
    const paths = JSON.parse(run.stdout).files.map((f: { path: string }) => f.path);
    expect(paths).not.toContain('src/plain.js');
    expect(paths).toContain('src/bom.js');
  });
});

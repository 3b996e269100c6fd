// The fact cache as users meet it: `repomod check` answers the same with a cold, a warm, a
// corrupted or no cache and when two runs share it at once; an unchanged file is not parsed
// again; the cache stays out of `git status` and out of the repository unless asked.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, repomodInProcess, type CliRun } from '../../../../helpers/cli.js';
import { git, repoWith, tempDir } from '../../../../helpers/tree.js';

/** Classes across modules (an inconsistent MRO found through imports), a repeated keyword, a file that does not parse. */
const FILES = {
  'pkg/__init__.py': '',
  'pkg/base.py': 'class Retry:\n    pass\n\n\nclass Audit(Retry):\n    pass\n',
  'pkg/jobs.py':
    'from pkg.base import Audit, Retry\n\n\nclass Daily(Retry, Audit):\n    pass\n\n\nclass Weekly(Audit):\n    pass\n',
  'pkg/log.py': 'import logging\nlogging.error("x", exc_info=True, exc_info=True)\n',
  'pkg/broken.py': 'def f(:\n    return 1\n',
  'pkg/plain.py': 'VALUE = 1\n',
};

/** A run's observable result, with the one figure that differs between runs (its duration) masked. */
const outcome = (run: CliRun) => ({
  code: run.code,
  stdout: run.stdout,
  stderr: run.stderr.replace(/\(\d+(\.\d+)?s\)/g, '(…s)'),
});

const cacheOf = (repo: string) => path.join(repo, '.git', 'repomod', 'cache');

/** Every entry line of every pack under a cache folder. */
function entries(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => path.basename(name).startsWith('pack-'))
    .flatMap((name) => readFileSync(path.join(dir, name), 'utf8').split('\n').slice(1, -1));
}

function spawnCheck(cwd: string, args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'check', ...args], { cwd, env: { ...process.env, FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the fact cache', () => {
  it('never changes what check reports: cold, warm, corrupted and off', async () => {
    const repo = repoWith(FILES);
    const reference = outcome(await repomodInProcess(repo, ['check', '--no-cache']));
    expect(reference.code).toBe(1);
    expect(reference.stderr).toContain('pkg/broken.py:1:7: error:');
    expect(reference.stderr).toContain('pkg/jobs.py:4:7: error:');
    expect(existsSync(cacheOf(repo))).toBe(false);

    expect(outcome(await repomodInProcess(repo, ['check']))).toEqual(reference);
    // one entry per Python file that was parsed (every one: the composite asks each file once)
    expect(entries(cacheOf(repo))).toHaveLength(6);
    expect(outcome(await repomodInProcess(repo, ['check']))).toEqual(reference);
    // warm: nothing was parsed again, so no new entry was written
    expect(entries(cacheOf(repo))).toHaveLength(6);

    // every entry damaged: each is read as a miss, recomputed and written again
    const [version] = readdirSync(cacheOf(repo));
    for (const pack of readdirSync(path.join(cacheOf(repo), version))) {
      const file = path.join(cacheOf(repo), version, pack);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/"line":(\d)/g, '"line":9$1'));
    }
    expect(outcome(await repomodInProcess(repo, ['check']))).toEqual(reference);
    expect(outcome(await repomodInProcess(repo, ['check']))).toEqual(reference);
  });

  it('parses again only the file that changed', async () => {
    const repo = repoWith(FILES);
    await repomodInProcess(repo, ['check']);
    const before = entries(cacheOf(repo)).length;
    writeFileSync(path.join(repo, 'pkg/plain.py'), 'VALUE = 2\n');
    await repomodInProcess(repo, ['check']);
    expect(entries(cacheOf(repo)).length).toBe(before + 1);
  });

  it("parses for one file only that file and the modules its classes' bases lead to", async () => {
    const repo = repoWith(FILES);
    const run = await repomodInProcess(repo, ['check', 'pkg/jobs.py']);
    expect(run.stderr).toContain('pkg/jobs.py:4:7: error:');
    // pkg/jobs.py and pkg/base.py (where Retry and Audit live); not the other four files
    expect(entries(cacheOf(repo))).toHaveLength(2);
  });

  it('gives two runs started at once the same answer as one run alone', async () => {
    const repo = repoWith(FILES);
    const reference = outcome(await repomodInProcess(repo, ['check', '--no-cache']));
    const both = await Promise.all([spawnCheck(repo, []), spawnCheck(repo, [])]);
    expect(both.map(outcome)).toEqual([reference, reference]);
    // whatever order their packs landed in, the next run reads a whole cache
    expect(outcome(await repomodInProcess(repo, ['check']))).toEqual(reference);
    const lines = entries(cacheOf(repo));
    expect(lines.length).toBeGreaterThanOrEqual(6);
    for (const line of lines) expect(line).toMatch(/^[0-9a-f]{64} [0-9a-f]{40} \{/);
  });

  it('lives in the git directory: git status stays clean', async () => {
    const repo = repoWith(FILES);
    await repomodInProcess(repo, ['check']);
    expect(entries(cacheOf(repo)).length).toBeGreaterThan(0);
    expect(git(repo, 'status', '--porcelain', '--ignored')).toBe('');
  });

  it('goes to node_modules/.cache/repomod outside git, to --cache-dir when given, nowhere with --no-cache', async () => {
    const dir = tempDir();
    for (const [rel, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), text);
    }
    await repomodInProcess(dir, ['check', '--no-cache']);
    expect(existsSync(path.join(dir, 'node_modules'))).toBe(false);
    await repomodInProcess(dir, ['check']);
    expect(entries(path.join(dir, 'node_modules/.cache/repomod')).length).toBe(6);

    const repo = repoWith(FILES);
    const elsewhere = tempDir();
    await repomodInProcess(repo, ['check', '--cache-dir', elsewhere]);
    expect(entries(elsewhere).length).toBe(6);
    expect(existsSync(cacheOf(repo))).toBe(false);
  });

  it('takes cache and cacheDir from the config, and refuses a cacheDir outside the repository', async () => {
    const off = repoWith({ ...FILES, 'repomod.config.json': '{"cache": false}' });
    await repomodInProcess(off, ['check']);
    expect(existsSync(cacheOf(off))).toBe(false);

    const moved = repoWith({ ...FILES, 'repomod.config.json': '{"cacheDir": ".cache/repomod"}' });
    const first = outcome(await repomodInProcess(moved, ['check', '--verbose']));
    expect(entries(path.join(moved, '.cache/repomod')).length).toBe(6);
    expect(outcome(await repomodInProcess(moved, ['check', '--verbose']))).toEqual(first);

    const escaping = repoWith({ ...FILES, 'repomod.config.json': '{"cacheDir": "../elsewhere"}' });
    const refused = await repomodInProcess(escaping, ['check']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      "repomod: error: 'cacheDir' in repomod.config.json must be a relative folder inside the repository, got '../elsewhere'\nhelp: give a folder inside the repository, or pass --cache-dir on the command line\n",
    );
  });
});

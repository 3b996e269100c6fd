#!/usr/bin/env node
// `npm run demo`: copy examples/ into a temporary git repository, add the symlinks a function
// folder would have, and run every repomod command on it in dry-run mode. Nothing is written
// to examples/; the temp copy is removed afterwards (pass --keep to keep it).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const cli = path.join(root, 'dist/cli/index.js');
if (!existsSync(cli)) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

const work = mkdtempSync(path.join(os.tmpdir(), 'repomod-demo-'));
cpSync(path.join(root, 'examples'), work, { recursive: true });
// the function folder's `shared/` tree of links, as USERS.md §2 describes it; links are made
// here rather than committed, so no tool of ours ever meets a live link in the source tree
const linkDir = path.join(work, 'functions/fn_report/shared');
mkdirSync(linkDir, { recursive: true });
symlinkSync('../../../shared/__init__.py', path.join(linkDir, '__init__.py'));
symlinkSync('../../../shared/config.py', path.join(linkDir, 'config.py'));
const git = (...args) => execFileSync('git', args, { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] });
git('init', '-q', '-b', 'main');
git('-c', 'user.email=demo@repomod.dev', '-c', 'user.name=demo', 'add', '-A');
git('-c', 'user.email=demo@repomod.dev', '-c', 'user.name=demo', 'commit', '-q', '-m', 'examples');

// the steps come from the registry: every built-in transform shows up here once it is registered
const { demoSteps } = await import(pathToFileURL(path.join(root, 'dist/api/registry.js')).href);

process.stdout.write(`# repomod demo on a copy of examples/ in ${work}\n`);
for (const args of demoSteps()) {
  process.stdout.write(`\n$ repomod ${args.join(' ')}\n`);
  const run = spawnSync(process.execPath, [cli, ...args, '--no-color'], { cwd: work, encoding: 'utf8' });
  process.stdout.write(run.stdout);
  process.stdout.write(run.stderr.replace(/^/gm, '  | ').replace(/ {2}\| $/, ''));
  process.stdout.write(`(exit ${run.status})\n`);
}
if (process.argv.includes('--keep')) process.stdout.write(`\nkept ${work}\n`);
else rmSync(work, { recursive: true, force: true });

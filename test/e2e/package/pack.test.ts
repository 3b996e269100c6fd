// The published package: `npm pack`, installed into an empty folder, gives a working
// `npx repomod` with the wasm grammar and no dev dependencies.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/paths.js';
import { initRepo, tempDir } from '../../helpers/tree.js';

describe('npm package', () => {
  // a timeout of its own: npm pack, then an install that unpacks ~150 packages (72 MB), took 20 s alone
  // on 2 cores and 58 s beside another test file under load, against the e2e project's 60 s
  it('installs from its tarball into an empty folder and runs', () => {
    const packDir = tempDir('repomod-pack-');
    // dist/ is already built by `npm test`; skip `prepare` so packing does not rebuild
    execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', packDir], { cwd: REPO_ROOT, stdio: 'pipe' });
    const tarball = readdirSync(packDir).find((f) => /^repomod-.*\.tgz$/.test(f));
    expect(tarball).toBeDefined();

    const consumer = tempDir('repomod-consumer-');
    writeFileSync(path.join(consumer, 'package.json'), '{ "name": "consumer", "private": true }\n');
    // the dependencies from npm's cache when it holds them (as on any machine that ran `npm ci`),
    // without asking the registry whether each of ~150 packuments is still fresh: half the install
    execFileSync(
      'npm',
      ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', path.join(packDir, tarball!)],
      { cwd: consumer, stdio: 'pipe' },
    );
    const installed = JSON.parse(readFileSync(path.join(consumer, 'node_modules/repomod/package.json'), 'utf8'));
    expect(readdirSync(path.join(consumer, 'node_modules')).includes('vitest')).toBe(false);
    // the config's JSON Schema, where the README's "$schema" points
    expect(
      JSON.parse(readFileSync(path.join(consumer, 'node_modules/repomod/repomod.schema.json'), 'utf8')).title,
    ).toBe('repomod.config.json');

    const npx = (cwd: string, ...args: string[]) =>
      spawnSync('npx', ['--no-install', 'repomod', ...args], { cwd, encoding: 'utf8' });
    const version = npx(consumer, '--version');
    expect(version.stdout).toBe(`${installed.version}\n`);

    // a real run that needs the Python grammar: a repeated keyword is a parse-level error
    const repo = path.join(consumer, 'project');
    execFileSync('mkdir', ['-p', repo]);
    writeFileSync(path.join(repo, 'app.py'), 'import logging\nlogging.error("x", exc_info=True, exc_info=True)\n');
    initRepo(repo);
    const fix = spawnSync(path.join(consumer, 'node_modules/.bin/repomod'), ['fix-call-syntax'], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(fix.stderr).not.toContain('internal error');
    expect(fix.stdout).toContain('+logging.error("x", exc_info=True)');

    // the programmatic API resolves as `import { runTransform, check } from 'repomod'`
    const api = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const m = await import('repomod'); console.log(typeof m.runTransform, typeof m.check)",
      ],
      { cwd: consumer, encoding: 'utf8' },
    );
    expect(api.stdout).toBe('function function\n');

    // the README's API example, as written, from a file in the consumer, run in the project
    const example = /^```js\n(import \{ check, runTransform \} from 'repomod';\n[\s\S]*?)^```$/m.exec(
      readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8'),
    )?.[1];
    expect(example).toBeDefined();
    writeFileSync(path.join(consumer, 'example.mjs'), example!);
    const ran = spawnSync(process.execPath, [path.join(consumer, 'example.mjs')], { cwd: repo, encoding: 'utf8' });
    expect(ran.stderr).toBe('');
    expect(ran.stdout).toContain('1 file(s) need changes\n');
    expect(ran.stdout).toContain(
      '-logging.error("x", exc_info=True, exc_info=True)\n+logging.error("x", exc_info=True)\n',
    );
  }, 120_000);
});

// `bundle closure`'s dependency check: without an environment, what a declared requirement
// commonly installs is a warning; with one (a real venv holding fake distributions written here,
// no network), only what the environment proves missing is reported; guards on the chain count.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closureJson, closureOf } from '../../../../features/bundle/index.js';
import { formatDiagnostic } from '../../../../lib/engine/diagnostics.js';
import { repomodInProcess } from '../../../helpers/cli.js';
import { initRepo, repoWith, tempDir } from '../../../helpers/tree.js';

const diagnostics = async (entry: string, python?: string) =>
  (await closureOf(entry, { python })).diagnostics.map(formatDiagnostic);

describe('without a Python environment', () => {
  it('warns, naming the declared requirement, for what that requirement commonly installs; errors for the rest', async () => {
    const repo = repoWith({
      'fn/requirements.txt': 'google-cloud-storage>=2\nfunctions-framework\nrequests\n',
      'fn/main.py': [
        'import flask',
        'import urllib3',
        'from google.api_core.exceptions import NotFound, Forbidden',
        'from google.cloud import exceptions, storage',
        'import google.auth',
        'import yaml',
        '',
      ].join('\n'),
    });
    expect(await diagnostics(path.join(repo, 'fn/main.py'))).toEqual([
      "fn/main.py:1:8: warning: 'flask' is imported but not declared in requirements.txt; 'flask' usually comes with the declared 'functions-framework'. Declare it if the code relies on it directly, or pass --python to check the real environment [bundle/indirect-dependency]",
      "fn/main.py:2:8: warning: 'urllib3' is imported but not declared in requirements.txt; 'urllib3' usually comes with the declared 'requests'. Declare it if the code relies on it directly, or pass --python to check the real environment [bundle/indirect-dependency]",
      "fn/main.py:3:6: warning: 'google.api_core.exceptions' is imported but not declared in requirements.txt; 'google-api-core' usually comes with the declared 'google-cloud-storage'. Declare it if the code relies on it directly, or pass --python to check the real environment [bundle/indirect-dependency]",
      "fn/main.py:4:6: warning: 'google.cloud.exceptions' is imported but not declared in requirements.txt; 'google-cloud-core' usually comes with the declared 'google-cloud-storage'. Declare it if the code relies on it directly, or pass --python to check the real environment [bundle/indirect-dependency]",
      "fn/main.py:5:8: warning: 'google.auth' is imported but not declared in requirements.txt; 'google-auth' usually comes with the declared 'google-cloud-storage'. Declare it if the code relies on it directly, or pass --python to check the real environment [bundle/indirect-dependency]",
      "fn/main.py:6:8: error: 'yaml' is imported but no dependency declared in requirements.txt provides it; add 'PyYAML' [bundle/undeclared-dependency]",
    ]);
  });

  it('an import reached only through try/except ImportError in another file of the chain is a warning', async () => {
    const repo = repoWith({
      'fn/requirements.txt': 'requests\n',
      'fn/main.py': 'import lib.plain\n\ntry:\n    from lib import fast\nexcept ImportError:\n    fast = None\n',
      'fn/lib/__init__.py': '',
      'fn/lib/plain.py': 'import shapely\n',
      'fn/lib/fast.py': 'import orjson\nfrom lib import deeper\n',
      'fn/lib/deeper.py': 'import ujson\nfrom shared import gone\n',
      'shared/gone.py': '',
    });
    expect(await diagnostics(path.join(repo, 'fn/main.py'))).toEqual([
      "fn/lib/deeper.py:1:8: warning: 'ujson' is imported in a file reached only through the try/except ImportError import at main.py:4 but no dependency declared in requirements.txt provides it; add 'ujson' [bundle/undeclared-dependency]",
      "fn/lib/deeper.py:2:6: warning: 'shared.gone' is imported in a file reached only through the try/except ImportError import at main.py:4 but missing from the package 'fn' (the repository has it in shared/gone.py): the code it guards is silently off [bundle/missing-module]",
      "fn/lib/fast.py:1:8: warning: 'orjson' is imported in a file reached only through the try/except ImportError import at main.py:4 but no dependency declared in requirements.txt provides it; add 'orjson' [bundle/undeclared-dependency]",
      "fn/lib/plain.py:1:8: error: 'shapely' is imported but no dependency declared in requirements.txt provides it; add 'shapely' [bundle/undeclared-dependency]",
    ]);
  });
});

// a venv made offline (no pip), with distributions written as .dist-info folders
const venvProbe = spawnSync('python3', ['-c', 'import venv'], { encoding: 'utf8' });
const noVenv =
  venvProbe.status !== 0
    ? `python3 cannot make a venv (${venvProbe.error?.message ?? venvProbe.stderr.trim()})`
    : undefined;
if (noVenv) console.log(`${noVenv}: the Python environment tests are skipped`);

function makeVenv(dir: string): string {
  const made = spawnSync('python3', ['-m', 'venv', '--without-pip', dir], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`python3 -m venv failed: ${made.stderr}`);
  const lib = path.join(dir, 'lib');
  return path.join(
    lib,
    readdirSync(lib).find((d) => d.startsWith('python'))!,
    'site-packages',
  );
}

/** A fake installed distribution: its files, METADATA with Requires-Dist lines, and RECORD. */
function install(sitePackages: string, name: string, files: string[], requires: string[] = []): void {
  const info = path.join(sitePackages, `${name.replace(/-/g, '_')}-1.0.dist-info`);
  mkdirSync(info, { recursive: true });
  for (const file of files) {
    mkdirSync(path.dirname(path.join(sitePackages, file)), { recursive: true });
    writeFileSync(path.join(sitePackages, file), '');
  }
  writeFileSync(
    path.join(info, 'METADATA'),
    ['Metadata-Version: 2.1', `Name: ${name}`, 'Version: 1.0', ...requires.map((r) => `Requires-Dist: ${r}`), ''].join(
      '\n',
    ),
  );
  writeFileSync(
    path.join(info, 'RECORD'),
    [...files, `${path.basename(info)}/METADATA`, `${path.basename(info)}/RECORD`].map((f) => `${f},,`).join('\n') +
      '\n',
  );
}

const MAIN = [
  'import acme.core.errors',
  'import acme_helpers',
  'import acmeextra',
  'import stray',
  'import nowhere',
  '',
].join('\n');

function acmeRepo(requirements: string): { repo: string; sitePackages: (venv: string) => string } {
  const repo = repoWith({ 'fn/requirements.txt': requirements, 'fn/main.py': MAIN });
  return {
    repo,
    sitePackages: (venv) => {
      const site = makeVenv(venv);
      install(
        site,
        'acme-cloud-thing',
        ['acme/thing/__init__.py'],
        ['acme-core>=1', 'acme-extra-only; extra == "fancy"'],
      );
      install(site, 'acme-core', ['acme/core/__init__.py', 'acme/core/errors.py', 'acme_helpers.py']);
      install(site, 'acme-extra-only', ['acmeextra/__init__.py']);
      install(site, 'Stray', ['stray/__init__.py']);
      return site;
    },
  };
}

describe.skipIf(noVenv)('with a Python environment', () => {
  it('.venv at the root: only what no declared requirement installs is reported, naming the distribution', async () => {
    // requests is declared but not installed there: what it pulls in comes from the table
    const { repo, sitePackages } = acmeRepo('acme-cloud-thing\nrequests\n');
    sitePackages(path.join(repo, '.venv'));
    writeFileSync(path.join(repo, 'fn/main.py'), `${MAIN}import urllib3\n`);
    expect(await diagnostics(path.join(repo, 'fn/main.py'))).toEqual(
      [
        "fn/main.py:3:8: error: 'acmeextra' is imported and .venv/bin/python (Python 3.11.7) has it from 'acme-extra-only', but no dependency declared in requirements.txt pulls that in; add 'acme-extra-only' [bundle/undeclared-dependency]",
        "fn/main.py:4:8: error: 'stray' is imported and .venv/bin/python (Python 3.11.7) has it from 'stray', but no dependency declared in requirements.txt pulls that in; add 'stray' [bundle/undeclared-dependency]",
        "fn/main.py:5:8: error: 'nowhere' is imported but no dependency declared in requirements.txt provides it, and .venv/bin/python (Python 3.11.7) does not have it installed; add 'nowhere' [bundle/undeclared-dependency]",
        "fn/main.py:6:8: warning: 'urllib3' is imported but not declared in requirements.txt; 'urllib3' usually comes with the declared 'requests', which .venv/bin/python (Python 3.11.7) does not have installed. Declare it if the code relies on it directly [bundle/indirect-dependency]",
      ].map((line) => line.replaceAll('3.11.7', pythonVersion())),
    );
    const json = closureJson(await closureOf(path.join(repo, 'fn/main.py'))) as {
      thirdParty: { module: string; via?: string; declared: boolean }[];
      environment: { python: string };
    };
    expect(json.environment.python).toBe('.venv/bin/python');
    expect(json.thirdParty.find((t) => t.module === 'acme.core.errors')).toMatchObject({
      declared: false,
      distribution: 'acme-core',
      via: 'acme-cloud-thing',
    });
  });

  it('--python outside the repository, and extras asked for in requirements.txt', async () => {
    const { repo, sitePackages } = acmeRepo('acme-cloud-thing[fancy]\nstray\n');
    const venv = path.join(tempDir(), 'env');
    sitePackages(venv);
    const run = await repomodInProcess(repo, [
      'bundle',
      'closure',
      'fn/main.py',
      '--python',
      path.join(venv, 'bin/python'),
    ]);
    expect(run.stderr).toContain(
      `fn/main.py:5:8: error: 'nowhere' is imported but no dependency declared in requirements.txt provides it, and ${path.join(venv, 'bin/python')} (Python ${pythonVersion()}) does not have it installed; add 'nowhere' [bundle/undeclared-dependency]\n`,
    );
    expect(run.stderr.match(/\[bundle\/\S+\]/g)).toEqual(['[bundle/undeclared-dependency]']);
    expect(run.code).toBe(1);
  });

  it('a .venv committed to the repository is never run; an interpreter that cannot answer is a warning', async () => {
    const repo = tempDir();
    mkdirSync(path.join(repo, '.venv/bin'), { recursive: true });
    mkdirSync(path.join(repo, 'fn'));
    writeFileSync(path.join(repo, '.venv/pyvenv.cfg'), 'home = /usr/bin\n');
    writeFileSync(path.join(repo, '.venv/bin/python'), `#!/bin/sh\ntouch "${path.join(repo, 'ran')}"\nexit 3\n`);
    chmodSync(path.join(repo, '.venv/bin/python'), 0o755);
    writeFileSync(path.join(repo, 'fn/requirements.txt'), 'requests\n');
    writeFileSync(path.join(repo, 'fn/main.py'), 'import urllib3\n');
    initRepo(repo);
    expect(await diagnostics(path.join(repo, 'fn/main.py'))).toEqual([
      "fn/main.py:1:8: warning: 'urllib3' is imported but not declared in requirements.txt; 'urllib3' usually comes with the declared 'requests'. Declare it if the code relies on it directly, or pass --python to check the real environment [bundle/indirect-dependency]",
    ]);
    expect(existsSync(path.join(repo, 'ran'))).toBe(false);
    // asked for by name, it runs, fails, and the check falls back to the table
    expect(await diagnostics(path.join(repo, 'fn/main.py'), path.join(repo, '.venv/bin/python'))).toEqual([
      `fn/main.py:1:1: warning: cannot ask ${path.join(repo, '.venv/bin/python')} which distributions it has installed (exit code 3); third-party imports are checked against built-in tables [bundle/python-environment]`,
      "fn/main.py:1:8: warning: 'urllib3' is imported but not declared in requirements.txt; 'urllib3' usually comes with the declared 'requests'. Declare it if the code relies on it directly, or pass --python to check the real environment [bundle/indirect-dependency]",
    ]);
  });
});

function pythonVersion(): string {
  return spawnSync('python3', ['-c', 'import platform; print(platform.python_version())'], {
    encoding: 'utf8',
  }).stdout.trim();
}

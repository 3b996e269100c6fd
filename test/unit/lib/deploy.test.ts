// The pieces under replace-symlinks and bundle, as tables: link classification, the manifest's
// format and merge, requirements and pyproject parsing, import name ➔ distribution.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  candidateDistributions,
  isStdlib,
  normaliseDistribution,
  suggestedDistribution,
} from '../../../lib/deploy/distributions.js';
import { cleanRelative, formatManifest, mergeEntries, parseManifest } from '../../../lib/deploy/manifest.js';
import { parsePyproject, parseRequirements } from '../../../lib/deploy/requirements.js';
import { formatDiagnostic, type Diagnostic } from '../../../lib/engine/diagnostics.js';
import { discoverRepository } from '../../../lib/engine/discover.js';
import { RepoIndex } from '../../../lib/repo/repo-index.js';
import { findSymlinks } from '../../../lib/repo/symlinks.js';
import { editDistance } from '../../../lib/text/edit-distance.js';
import { planRepository } from '../../../transforms/replace-symlinks/index.js';
import { tempDir } from '../../helpers/tree.js';
import { PYTHON3 } from '../../helpers/cpython.js';

/** A repository on disk: files (content; a leading `+x ` makes it executable) and links. */
function repoWith(files: Record<string, string>, links: Record<string, string>): RepoIndex {
  const root = tempDir();
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    const executable = content.startsWith('+x ');
    writeFileSync(path.join(root, rel), executable ? content.slice(3) : content, { mode: executable ? 0o755 : 0o644 });
  }
  for (const [rel, target] of Object.entries(links)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    symlinkSync(target, path.join(root, rel));
  }
  return new RepoIndex({ root, ...discoverRepository({ root }) });
}

describe('findSymlinks', () => {
  const repo = repoWith(
    { 'shared/config.py': 'X = 1\n', 'shared/espn_client.py': '', 'shared/run.sh': '+x echo\n' },
    {
      'fn/config.py': '../shared/config.py',
      'fn/shared': '../shared',
      'fn/run.sh': '../shared/run.sh',
      'fn2/shared': '../fn/shared',
      'fn/espn.py': '../shared/espon_client.py',
      'fn/a': 'b',
      'fn/b': 'a',
      'fn/up': '..',
      'fn/etc': '/etc',
    },
  );
  const byPath = Object.fromEntries(findSymlinks(repo).map((l) => [l.path, l]));

  it.each([
    ['fn/config.py', 'file', 'shared/config.py'],
    ['fn/shared', 'directory', 'shared'],
    ['fn2/shared', 'directory', 'shared'],
    ['fn/etc', 'escaping', '/etc'],
  ])('%s is a %s link to %s', (link, kind, resolved) => {
    expect([byPath[link].kind, byPath[link].resolved]).toEqual([kind, resolved]);
  });

  it('resolves a chain to its end and lists the hops', () => {
    expect(byPath['fn2/shared'].hops).toEqual(['fn2/shared', 'fn/shared']);
  });

  it('reads the executable bit of a file link target', () => {
    expect([byPath['fn/run.sh'].executable, byPath['fn/config.py'].executable]).toEqual([true, false]);
  });

  it('names the missing path of a broken link and the likely typo', () => {
    const link = byPath['fn/espn.py'];
    expect([link.kind, link.missing, path.basename(link.suggestion ?? '')]).toEqual([
      'broken',
      'shared/espon_client.py',
      'espn_client.py',
    ]);
  });

  it('reports loops of links and links to their own ancestor as cyclic', () => {
    expect([byPath['fn/a'].kind, byPath['fn/a'].cycle]).toEqual(['cyclic', ['fn/a', 'fn/b', 'fn/a']]);
    expect([byPath['fn/up'].kind, byPath['fn/up'].containsItself]).toEqual(['cyclic', true]);
  });

  it('keeps to the given paths', () => {
    expect(findSymlinks(repo, ['fn2']).map((l) => l.path)).toEqual(['fn2/shared']);
  });

  it.each([
    ['espn', 'espon', 1],
    ['abc', 'acb', 1],
    ['config', 'config', 0],
    ['shared', 'shred', 1],
  ])('editDistance(%s, %s) = %i', (a, b, d) => expect(editDistance(a, b)).toBe(d));

  it.each([
    ['shared/utils/bq', 'shared/utils/bg', 2, 1],
    ['shared/utils/bq', 'shraed/utils/bq', 2, 1],
    ['abcdef', 'uvwxyz', 2, 3],
    ['pkg/a.py', 'services/billing/handlers/very/deep/module.py', 3, 4],
  ])('editDistance(%s, %s, limit %i) = %i: exact within the limit, limit + 1 past it', (a, b, limit, d) =>
    expect(editDistance(a, b, limit)).toBe(d),
  );
});

describe('planRepository scope and --allow-outside', () => {
  it('plans only links under context.paths', async () => {
    const repo = repoWith(
      { 'shared/x.py': 'X = 1\n' },
      { 'fn_a/x.py': '../shared/x.py', 'fn_b/x.py': '../shared/x.py' },
    );
    const changes = await planRepository(repo, { mode: 'copy' }, () => {}, { paths: ['fn_b'] });
    expect(changes.map((c) => c.path)).toEqual(['fn_b/repomod.bundle.json', 'fn_b/x.py']);
  });

  it('copies a link that leaves the repository only with allowOutside, and warns', async () => {
    const outside = tempDir();
    writeFileSync(path.join(outside, 'settings.ini'), '[a]\n');
    const repo = repoWith({}, { 'fn/settings.ini': path.join(outside, 'settings.ini') });
    const refused: Diagnostic[] = [];
    expect(await planRepository(repo, { mode: 'copy' }, (d) => refused.push(d))).toEqual([]);
    expect(refused.map((d) => `${d.severity} ${d.code}`)).toEqual(['error replace-symlinks/escaping-link']);
    const warned: Diagnostic[] = [];
    const changes = await planRepository(repo, { mode: 'copy', allowOutside: true }, (d) => warned.push(d));
    expect(changes.map((c) => [c.path, c.after?.kind])).toEqual([['fn/settings.ini', 'file']]);
    expect(warned.map(formatDiagnostic)[0]).toMatch(
      /^fn\/settings.ini:1:1: warning: copied from outside the repository .*\[replace-symlinks\/outside-copied\]$/,
    );
  });

  it('rejects unknown options by name', async () => {
    const repo = repoWith({}, {});
    await expect(planRepository(repo, { mode: 'move' }, () => {})).rejects.toThrow(
      /option 'mode' .* must be one of 'copy', 'bundle'/,
    );
    await expect(planRepository(repo, { removeBrokn: true }, () => {})).rejects.toThrow(/unknown option 'removeBrokn'/);
  });
});

describe('manifest', () => {
  it('formats sorted entries, one per line, known keys first, other keys kept', () => {
    const manifest = parseManifest(
      '{"note": "deploy", "entries": [{"to": "b.py", "from": "x/b.py", "owner": "data"}, {"from": "./shared/", "to": "shared/"}]}',
    );
    expect(formatManifest(manifest)).toBe(
      '{\n  "note": "deploy",\n  "entries": [\n    { "from": "x/b.py", "to": "b.py", "owner": "data" },\n    { "from": "shared", "to": "shared" }\n  ]\n}\n',
    );
  });

  it('never duplicates an entry and lets a new source replace an old one, saying so', () => {
    const manifest = parseManifest(
      '{"entries": [{"from": "shared", "to": "shared"}, {"from": "old/a.py", "to": "a.py"}]}',
    );
    const { manifest: merged, replaced } = mergeEntries(manifest, [
      { from: 'shared', to: 'shared' },
      { from: 'new/a.py', to: 'a.py' },
    ]);
    expect(merged.entries).toEqual([
      { from: 'new/a.py', to: 'a.py' },
      { from: 'shared', to: 'shared' },
    ]);
    expect(replaced).toEqual([{ before: { from: 'old/a.py', to: 'a.py' }, after: { from: 'new/a.py', to: 'a.py' } }]);
  });

  it.each([
    ['{', /not valid JSON/],
    ['[]', /expected an object/],
    ['{"entries": {}}', /"entries" must be a list/],
    ['{"entries": [{"from": "a"}]}', /entry 1 needs "from" and "to"/],
    ['{"entries": [{"from": "../secret", "to": "a"}]}', /"from" must be a path inside the repository/],
    ['{"entries": [{"from": "a", "to": "/abs"}]}', /"to" must be a path inside the package/],
    ['{"entries": [{"from": "a", "to": "x"}, {"from": "b", "to": "x"}]}', /"x" is provided twice/],
  ])('refuses %s', (text, message) => expect(() => parseManifest(text)).toThrow(message));

  it.each([
    ['./a/b/', 'a/b'],
    ['a//b', 'a/b'],
    ['a/../b', 'b'],
    ['..', undefined],
    ['/etc', undefined],
    ['', undefined],
  ])('cleanRelative(%j) = %j', (given, clean) => expect(cleanRelative(given)).toBe(clean));
});

describe('declared dependencies', () => {
  it('reads requirements.txt lines: specifiers, extras, markers, comments, options, -r, -e, URLs', () => {
    const text = [
      '# pinned',
      'PyYAML==6.0.1',
      'requests[socks] >= 2.31 ; python_version >= "3.8"  # http',
      '-r base.txt',
      '-c constraints.txt',
      '--index-url https://example.invalid/simple',
      '-e git+https://example.invalid/org/lib.git#egg=internal-lib',
      'google-cloud-bigquery \\',
      '    >=3.0',
      'pkg @ https://example.invalid/pkg-1.0.tar.gz',
      '--hash=sha256:abc',
    ].join('\n');
    expect(parseRequirements(text, (file) => (file === 'base.txt' ? ['functions-framework'] : []))).toEqual([
      'PyYAML',
      'requests[socks]',
      'functions-framework',
      'internal-lib',
      'google-cloud-bigquery',
      'pkg',
    ]);
  });

  it('reads pyproject.toml: [project], optional groups, dependency-groups, Poetry', () => {
    const text = `
[project]
name = "x"
dependencies = ["google-cloud-storage[protobuf, tracing]>=2", "attrs"]
[project.optional-dependencies]
fast = ["orjson"]
[dependency-groups]
test = ["pytest"]
[tool.poetry.dependencies]
python = "^3.11"
PyJWT = { version = "^2", extras = ["crypto"] }
[tool.poetry.group.dev.dependencies]
ruff = "*"
`;
    expect(parsePyproject(text)).toEqual([
      'google-cloud-storage[protobuf,tracing]',
      'attrs',
      'orjson',
      'pytest',
      'PyJWT[crypto]',
      'ruff',
    ]);
  });
});

describe('import name ➔ distribution', () => {
  it.each([
    ['yaml', 'pyyaml'],
    ['google.cloud.bigquery', 'google-cloud-bigquery'],
    ['google.cloud.pubsub_v1', 'google-cloud-pubsub'],
    ['PIL.Image', 'pillow'],
    ['sklearn.linear_model', 'scikit-learn'],
    ['dateutil.parser', 'python-dateutil'],
    ['requests', 'requests'],
    ['typing_extensions', 'typing-extensions'],
    ['azure.storage.blob', 'azure-storage-blob'],
  ])('%s is provided by %s', (module, distribution) => expect(candidateDistributions(module)).toContain(distribution));

  it('does not let protobuf stand in for google.cloud packages', () => {
    expect(candidateDistributions('google.cloud.bigquery')).not.toContain('protobuf');
  });

  it.each([
    ['yaml', 'PyYAML'],
    ['google.cloud.storage', 'google-cloud-storage'],
    ['bs4', 'beautifulsoup4'],
    ['some_lib', 'some-lib'],
  ])('suggests %s ➔ %s', (module, distribution) => expect(suggestedDistribution(module)).toBe(distribution));

  it.each(['os', 'os.path', 'json', 'tomllib', '__future__', 'asyncio.tasks'])('%s is standard library', (m) =>
    expect(isStdlib(m)).toBe(true),
  );
  it.each(['yaml', 'requests', 'google'])('%s is not standard library', (m) => expect(isStdlib(m)).toBe(false));

  it('normalises names as PEP 503 does', () => expect(normaliseDistribution('Foo.Bar__baz')).toBe('foo-bar-baz'));

  it('ships the stdlib list of the local python3, when there is one', (context) => {
    let names: string[];
    try {
      names = JSON.parse(
        execFileSync(
          PYTHON3 ?? 'python3',
          ['-c', 'import sys, json; print(json.dumps(sorted(sys.stdlib_module_names)))'],
          {
            encoding: 'utf8',
          },
        ),
      );
    } catch {
      context.skip();
      return;
    }
    const missing = names.filter((n) => !isStdlib(n));
    // a newer CPython may add modules: the list is regenerated as the data file explains
    expect(missing.filter((n) => !n.startsWith('_'))).toEqual([]);
  });
});

describe('links to git-ignored content', () => {
  it('never turns a link to an ignored file into a copy or an entry', async () => {
    const repo = repoWith(
      { '.gitignore': '*.env\n', 'secrets/prod.env': 'TOKEN=x\n', 'shared/a.py': '' },
      { 'fn/settings': '../secrets/prod.env', 'fn/a.py': '../shared/a.py' },
    );
    for (const mode of ['copy', 'bundle']) {
      const diagnostics: Diagnostic[] = [];
      const changes = await planRepository(repo, { mode }, (d) => diagnostics.push(d));
      expect(changes.map((c) => c.path)).toEqual(['fn/a.py', 'fn/repomod.bundle.json']);
      expect(diagnostics.filter((d) => d.severity !== 'info').map(formatDiagnostic)).toEqual([
        "fn/settings:1:1: error: not replaced: 'secrets/prod.env' is git-ignored, so there is nothing to copy; left as is [replace-symlinks/ignored-target]",
      ]);
    }
  });
});

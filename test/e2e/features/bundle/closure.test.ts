// `repomod bundle closure`: cases in __testfixtures__/bundle/closure/<case>/ (a repository
// in tree/, links.json, case.json with the entry and options, expected files.txt and stderr.txt),
// and --fix round trips: after the fix, through --apply or `git apply`, a second run reports nothing.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../../../lib/engine/apply.js';
import { closureJson, closureOf } from '../../../../features/bundle/index.js';
import { formatDiagnostic } from '../../../../lib/engine/diagnostics.js';
import { renderPatch } from '../../../../lib/engine/diff.js';
import { repomodInProcess } from '../../../helpers/cli.js';
import { FIXTURES_ROOT } from '../../../helpers/fixtures.js';
import { git, initRepo, materialise, snapshotTree, tempDir } from '../../../helpers/tree.js';

const CASES = path.join(FIXTURES_ROOT, 'bundle', 'closure');
const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);

interface CaseSpec {
  entry: string;
  options?: { unused?: boolean; packageRoot?: string; ignoreModules?: string[] };
}

/** A fresh repository holding the case's tree and links. */
function setUp(caseDir: string): string {
  const dir = tempDir();
  const links = existsSync(path.join(caseDir, 'links.json'))
    ? JSON.parse(readFileSync(path.join(caseDir, 'links.json'), 'utf8'))
    : {};
  materialise(path.join(caseDir, 'tree'), dir, links);
  initRepo(dir);
  return dir;
}

describe('bundle closure cases', () => {
  for (const name of readdirSync(CASES).sort()) {
    it(name, async () => {
      const caseDir = path.join(CASES, name);
      const spec = JSON.parse(readFileSync(path.join(caseDir, 'case.json'), 'utf8')) as CaseSpec;
      const repo = setUp(caseDir);
      const packageRoot = spec.options?.packageRoot && path.join(repo, spec.options.packageRoot);
      const report = await closureOf(path.join(repo, spec.entry), { ...spec.options, packageRoot });
      const files = report.closure.files.map((f) => f.path);
      const diagnostics = report.diagnostics.map(formatDiagnostic);
      if (process.env.UPDATE_CLOSURE_FIXTURES) {
        writeFileSync(path.join(caseDir, 'files.txt'), files.join('\n') + '\n');
        writeFileSync(path.join(caseDir, 'stderr.txt'), diagnostics.map((d) => d + '\n').join(''));
      }
      expect(files).toEqual(lines(path.join(caseDir, 'files.txt')));
      expect(diagnostics).toEqual(lines(path.join(caseDir, 'stderr.txt')));
    });
  }
});

describe('bundle closure --fix', () => {
  const caseDir = path.join(CASES, 'lazy-and-optional-imports-missing');
  const entry = 'fn_espn/main.py';
  const missingCodes = (diagnostics: { code: string }[]) =>
    diagnostics.filter((d) => d.code === 'bundle/missing-module');

  it.each(['manifest', 'links', 'copies'] as const)(
    '--fix %s provides every missing module; a second run reports none',
    async (style) => {
      const repo = setUp(caseDir);
      const first = await closureOf(path.join(repo, entry), { fix: style });
      expect(missingCodes(first.diagnostics)).toHaveLength(2);
      // the dry run's patch through real git apply, and --apply, give the same tree
      const viaPatch = setUp(caseDir);
      writeFileSync(path.join(viaPatch, '.git', 'fix.patch'), renderPatch(first.changes));
      git(viaPatch, 'apply', '.git/fix.patch');
      await applyChanges(repo, first.changes);
      expect(snapshotTree(viaPatch)).toEqual(snapshotTree(repo));
      const second = await closureOf(path.join(repo, entry), { fix: style });
      expect(missingCodes(second.diagnostics)).toEqual([]);
      expect(second.changes).toEqual([]);
      expect(second.closure.files.map((f) => f.provider)).not.toContain('missing');
    },
  );

  it('--fix links writes relative links that resolve to the real modules', async () => {
    const repo = setUp(caseDir);
    const report = await closureOf(path.join(repo, entry), { fix: 'links' });
    expect(report.changes.map((c) => [c.path, c.after])).toEqual([
      ['fn_espn/shared/espn_client.py', { kind: 'symlink', target: '../../shared/espn_client.py' }],
      ['fn_espn/shared/fast_path.py', { kind: 'symlink', target: '../../shared/fast_path.py' }],
    ]);
  });

  it('--fix manifest records sorted entries, merged with an existing manifest', async () => {
    const repo = setUp(caseDir);
    writeFileSync(
      path.join(repo, 'fn_espn', 'repomod.bundle.json'),
      '{"entries": [{"from": "shared/fast_path.py", "to": "shared/fast_path.py"}]}\n',
    );
    const report = await closureOf(path.join(repo, entry), { fix: 'manifest' });
    const manifest = report.changes.find((c) => c.path === 'fn_espn/repomod.bundle.json');
    expect(manifest?.after?.kind === 'file' && manifest.after.bytes.toString()).toBe(
      '{\n  "entries": [\n    { "from": "shared/espn_client.py", "to": "shared/espn_client.py" },\n    { "from": "shared/fast_path.py", "to": "shared/fast_path.py" }\n  ]\n}\n',
    );
  });

  it('--json gives the import chain that pulls in each file', async () => {
    const repo = setUp(caseDir);
    const json = closureJson(await closureOf(path.join(repo, entry))) as {
      files: { path: string; provider: string; chain: unknown[] }[];
      missing: unknown[];
    };
    expect(json.files.find((f) => f.path === 'shared/config.py')).toEqual({
      path: 'shared/config.py',
      source: 'shared/config.py',
      provider: 'link',
      chain: [{ file: 'main.py', line: 3, module: 'shared.config' }],
    });
    expect(json.missing).toEqual([
      {
        module: 'shared.fast_path',
        destination: 'shared/fast_path.py',
        source: 'shared/fast_path.py',
        importedBy: { file: 'main.py', line: 6 },
        optional: true,
        inFunction: false,
      },
      {
        module: 'shared.espn_client',
        destination: 'shared/espn_client.py',
        source: 'shared/espn_client.py',
        importedBy: { file: 'main.py', line: 16 },
        optional: false,
        inFunction: true,
      },
    ]);
  });

  it('ends the summary of a --fix dry run the way every dry run ends it, and says what --apply wrote', async () => {
    const repo = setUp(caseDir);
    const dry = await repomodInProcess(repo, ['bundle', 'closure', entry, '--fix', 'manifest']);
    expect(dry.stderr.split('\n').at(-2)).toMatch(
      /^main\.py: \d+ files needed, 2 missing from the package, 1 to record; 1 error, \d+ warnings? \(dry run: nothing written; add --apply to write\)$/,
    );
    const applied = await repomodInProcess(repo, [
      'bundle',
      'closure',
      entry,
      '--fix',
      'manifest',
      '--apply',
      '--allow-dirty',
    ]);
    expect(applied.stderr.split('\n').at(-2)).toMatch(/, 1 written; \d+ warnings?$/);
  });
});

// rewrite-imports: mentions of moved paths and modules outside the imports (deploy scripts, YAML,
// Dockerfiles, entry points), found as whole tokens, listed, counted, and rewritten on request.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RepoIndex } from '../../../../lib/repo/repo-index.js';
import { CLI, repomodInProcess } from '../../../helpers/cli.js';
import { diagnosticLines, runOn } from '../../../helpers/fixtures.js';
import { initRepo, tempDir } from '../../../helpers/tree.js';
import { planTextReferences } from '../../../../transforms/rewrite-imports/text-files.js';
import { findReferences, type Mention } from '../../../../transforms/rewrite-imports/text-references.js';

const built = existsSync(CLI);

function write(dir: string, files: Record<string, string | Buffer>): string {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const pathMention: Mention = { from: 'shared/utils/bq', to: 'shared/gcp/bq', kind: 'path', label: 'r' };
const moduleMention: Mention = { from: 'shared.utils.bq', to: 'shared.gcp.bq', kind: 'module', label: 'r' };
const found = (text: string) =>
  findReferences(text, [pathMention, moduleMention]).map((r) => text.slice(r.start, r.end));

describe('whole-token mentions', () => {
  it.each([
    ['python3 shared/utils/bq.py', ['shared/utils/bq']],
    ['COPY ./shared/utils/bq /app/shared/utils/bq', ['shared/utils/bq', 'shared/utils/bq']],
    ['"$ROOT/shared/utils/bq.ts"', ['shared/utils/bq']],
    ['python -m shared.utils.bq --x', ['shared.utils.bq']],
    ['bq = "shared.utils.bq:main"', ['shared.utils.bq']],
    ['patch("shared.utils.bq.client")', ['shared.utils.bq']],
    ['see shared/utils/bq.', ['shared/utils/bq']],
    ['shared/utils/bq/inner.sh', ['shared/utils/bq']],
  ])('finds %s', (text, expected) => expect(found(text)).toEqual(expected));

  it.each([
    'shared/utils/bq_old.py',
    'shared/utils/bq-v2.sh',
    'shared/utils/bq.pyc',
    'my_shared/utils/bq.py',
    'other.shared.utils.bq',
    'shared.utils.bqx',
    'x/shared.utils.bq',
    'https://example.com@shared/utils/bq',
  ])('leaves %s', (text) => expect(found(text)).toEqual([]));
});

describe('non-code files after a move', () => {
  const repository = () =>
    write(tempDir(), {
      'shared/__init__.py': '',
      'shared/utils/__init__.py': '',
      'shared/utils/bigquery_utils.py': 'def load(): ...\n',
      'shared/utils/README.md': 'Run `python -m shared.utils.bigquery_utils` to load.\n',
      'app/main.py': 'from shared.utils.bigquery_utils import load\n',
      'deploy/deploy.sh': '#!/bin/sh\r\npython3 shared/utils/bigquery_utils.py --check\r\n',
      'deploy/Dockerfile': 'FROM python:3.12\nCOPY shared/utils/bigquery_utils.py /app/shared/utils/bigquery_utils.py',
      '.github/workflows/ci.yml': '\ufeffpaths: ["shared/utils/**"]\nrun: python -m shared.utils.bigquery_utils\n',
      'pyproject.toml': '[project.scripts]\nbq = "shared.utils.bigquery_utils:main"\n',
      'docs/logo.png': Buffer.concat([Buffer.from('\x89PNG\0\0'), Buffer.from('shared/utils/bigquery_utils.py')]),
      'notes/big.txt': `${'x'.repeat(2000)}\nshared/utils/bigquery_utils.py\n`,
      'build/out.txt': 'shared/utils/bigquery_utils.py\n',
      '.gitignore': 'build/\n',
    });

  it.skipIf(!built)(
    'lists each mention, counts them, and git apply accepts the dry run; --rewrite-text changes only those tokens',
    async () => {
      const dir = repository();
      chmodSync(path.join(dir, 'deploy/deploy.sh'), 0o755);
      initRepo(dir);
      const dry = await repomodInProcess(dir, [
        'move',
        'shared/utils/bigquery_utils.py',
        'shared/gcp/bigquery_utils.py',
        '--max-file-size',
        '1k',
      ]);
      expect(dry.code).toBe(0);
      const rule = 'rule --map shared/utils/bigquery_utils.py=shared/gcp/bigquery_utils.py';
      const info = (at: string, old: string, now: string) =>
        `${at}: info: '${old}' moves to '${now}' (${rule}); --rewrite-text updates it [rewrite-imports/stale-reference]`;
      const stderrLines = dry.stderr.split('\n');
      expect(stderrLines.filter((l) => l.includes('[rewrite-imports/stale-reference]'))).toEqual([
        info('.github/workflows/ci.yml:2:16', 'shared.utils.bigquery_utils', 'shared.gcp.bigquery_utils'),
        info('deploy/Dockerfile:2:6', 'shared/utils/bigquery_utils.py', 'shared/gcp/bigquery_utils.py'),
        info('deploy/Dockerfile:2:42', 'shared/utils/bigquery_utils.py', 'shared/gcp/bigquery_utils.py'),
        info('deploy/deploy.sh:2:9', 'shared/utils/bigquery_utils.py', 'shared/gcp/bigquery_utils.py'),
        info('pyproject.toml:2:7', 'shared.utils.bigquery_utils', 'shared.gcp.bigquery_utils'),
        info('shared/utils/README.md:1:16', 'shared.utils.bigquery_utils', 'shared.gcp.bigquery_utils'),
      ]);
      expect(stderrLines).toContain('6 references in 5 non-code files; --rewrite-text to update them');
      writeFileSync(path.join(dir, '.git', 'move.patch'), dry.stdout);
      execFileSync('git', ['apply', '--check', '.git/move.patch'], { cwd: dir });

      const withText = await repomodInProcess(dir, [
        'move',
        'shared/utils/bigquery_utils.py',
        'shared/gcp/bigquery_utils.py',
        '--max-file-size',
        '1k',
        '--rewrite-text',
      ]);
      writeFileSync(path.join(dir, '.git', 'text.patch'), withText.stdout);
      execFileSync('git', ['apply', '--check', '.git/text.patch'], { cwd: dir });
      const applied = await repomodInProcess(dir, [
        'move',
        'shared/utils/bigquery_utils.py',
        'shared/gcp/bigquery_utils.py',
        '--max-file-size',
        '1k',
        '--rewrite-text',
        '--apply',
      ]);
      expect(applied.code).toBe(0);
      expect(applied.stderr).toContain('6 references in 5 non-code files rewritten\n');
      const read = (rel: string) => readFileSync(path.join(dir, rel), 'latin1');
      expect(read('deploy/deploy.sh')).toBe('#!/bin/sh\r\npython3 shared/gcp/bigquery_utils.py --check\r\n');
      expect(statSync(path.join(dir, 'deploy/deploy.sh')).mode & 0o777).toBe(0o755);
      expect(read('deploy/Dockerfile')).toBe(
        'FROM python:3.12\nCOPY shared/gcp/bigquery_utils.py /app/shared/gcp/bigquery_utils.py',
      );
      expect(readFileSync(path.join(dir, '.github/workflows/ci.yml'), 'utf8')).toBe(
        '\ufeffpaths: ["shared/utils/**"]\nrun: python -m shared.gcp.bigquery_utils\n',
      );
      expect(read('pyproject.toml')).toBe('[project.scripts]\nbq = "shared.gcp.bigquery_utils:main"\n');
      expect(read('shared/utils/README.md')).toBe('Run `python -m shared.gcp.bigquery_utils` to load.\n');
      // binary, too large for --max-file-size, git-ignored: never changed
      expect(read('docs/logo.png')).toContain('shared/utils/bigquery_utils.py');
      expect(read('notes/big.txt')).toContain('shared/utils/bigquery_utils.py');
      expect(read('build/out.txt')).toBe('shared/utils/bigquery_utils.py\n');
      const again = await repomodInProcess(dir, [
        'move',
        'shared/utils/bigquery_utils.py',
        'shared/gcp/bigquery_utils.py',
        '--max-file-size',
        '1k',
        '--rewrite-text',
      ]);
      expect(again.stderr).not.toContain('stale-reference');
    },
  );

  it('rewrites a text file that moves with its directory at its new place', async () => {
    const dir = write(tempDir(), {
      'tools/etl/__init__.py': '',
      'tools/etl/run.py': 'X = 1\n',
      'tools/etl/README.md': 'python -m tools.etl.run\n',
      Makefile: 'etl:\n\tpython tools/etl/run.py\n',
    });
    const result = await runOn(dir, 'rewrite-imports', {
      map: ['tools/etl=jobs/etl'],
      moveFiles: true,
      rewriteText: true,
    });
    const after = Object.fromEntries(
      result.changes.map((c) => [c.path, c.after?.kind === 'file' ? c.after.bytes.toString() : '']),
    );
    expect(after['jobs/etl/README.md']).toBe('python -m jobs.etl.run\n');
    expect(after.Makefile).toBe('etl:\n\tpython jobs/etl/run.py\n');
    expect(diagnosticLines(result)).toEqual([
      "Makefile:2:9: info: 'tools/etl' moves to 'jobs/etl' (rule --map tools/etl=jobs/etl); rewritten [rewrite-imports/stale-reference]",
      "jobs/etl/README.md:1:11: info: 'tools.etl' moves to 'jobs.etl' (rule --map tools/etl=jobs/etl); rewritten [rewrite-imports/stale-reference]",
    ]);
    expect(result.attachments.textReferences).toEqual({ references: 2, files: 2, rewritten: true });
  });

  it('leaves the config that holds the rules alone, and stays quiet in the check gate', async () => {
    const dir = write(tempDir(), {
      'repomod.config.json': '{"transforms": {"rewrite-imports": {"map": ["tools.etl=jobs.etl"]}}}\n',
      'tools/etl/__init__.py': '',
      'run.sh': 'python -m tools.etl\n',
    });
    const dry = await runOn(dir, 'rewrite-imports', { map: ['tools.etl=jobs.etl'] });
    expect(diagnosticLines(dry)).toEqual([
      "run.sh:1:11: info: 'tools.etl' moves to 'jobs.etl' (rule --map tools.etl=jobs.etl); --rewrite-text updates it [rewrite-imports/stale-reference]",
    ]);
    const check = await runOn(dir, 'rewrite-imports', { map: ['tools.etl=jobs.etl'] }, 'check');
    expect(check.diagnostics).toEqual([]);
  });

  it('reads only files whose bytes hold a mention: 3,000 files cost little', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) files[`conf/c${i}.yaml`] = `name: job${i}\nimage: python:3.12\n`;
    const dir = write(tempDir(), files);
    const repo = new RepoIndex({ root: dir, files: Object.keys(files), symlinks: [] });
    const started = performance.now();
    const { summary } = planTextReferences(
      repo,
      [pathMention, moduleMention],
      () => true,
      false,
      () => {},
      new Map(),
    );
    expect(summary.references).toBe(0);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

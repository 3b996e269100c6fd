// Output formats checked against their specs: GitHub's escaping rules, a real SARIF validator.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../../lib/engine/engine.js';
import { formatWorkflowCommand, githubReport } from '../../../../cli/formats/github.js';
import { markdownReport } from '../../../../cli/formats/markdown.js';
import { sarifReport } from '../../../../cli/formats/sarif.js';
import { REPO_ROOT } from '../../../helpers/paths.js';
import { tempDir } from '../../../helpers/tree.js';

const patch =
  'diff --git a/pkg/run.py b/pkg/run.py\n--- a/pkg/run.py\n+++ b/pkg/run.py\n@@ -3,1 +3,1 @@\n-from a.util import lock\n+from b.util import lock\n';

function sampleResult(mode: RunResult['mode'] = 'check'): RunResult {
  return {
    root: '/work/repo',
    transform: 'rewrite-imports',
    mode,
    files: [
      { path: 'pkg/run.py', status: 'changed', diagnostics: [], patch },
      { path: 'svc/100% done,v2.py', status: 'failed', diagnostics: [] },
    ],
    changes: [],
    diagnostics: [
      {
        path: 'svc/100% done,v2.py',
        line: 88,
        column: 1,
        severity: 'error',
        code: 'parse-error',
        message: "file does not parse (unexpected ','); left unchanged:\n  , exc_info=True)",
      },
      {
        path: 'pkg/run.py',
        line: 14,
        column: 5,
        severity: 'warning',
        code: 'rewrite-imports/missing-module',
        message: "'common.util.lock' is not in the repository | 50%",
      },
      {
        path: 'pkg/run.py',
        line: 20,
        column: 1,
        severity: 'info',
        code: 'rewrite-imports/note',
        message: 'only verbose',
      },
    ],
    patch,
    totals: { changed: 1, unchanged: 0, skipped: 0, failed: 1, errors: 1, warnings: 1, infos: 1 },
    written: [],
    attachments: {},
    stats: {},
    durationMs: 10,
  };
}

describe('github workflow commands', () => {
  it('escapes data (%, CR, LF) and properties (also : and ,) as the runner expects', () => {
    expect(
      formatWorkflowCommand({
        command: 'error',
        properties: { file: 'a:b,c%.py', line: 3 },
        message: '50% done\r\nnext',
      }),
    ).toBe('::error file=a%3Ab%2Cc%25.py,line=3::50%25 done%0D%0Anext');
  });

  it('reports each diagnostic and each file that would change', () => {
    expect(githubReport(sampleResult(), 'repomod rewrite-imports')).toBe(
      [
        "::error file=svc/100%25 done%2Cv2.py,line=88,col=1,title=repomod parse-error::file does not parse (unexpected ','); left unchanged:%0A  , exc_info=True)",
        "::warning file=pkg/run.py,line=14,col=5,title=repomod rewrite-imports/missing-module::'common.util.lock' is not in the repository | 50%25",
        "::error file=pkg/run.py,line=3,title=repomod rewrite-imports::pkg/run.py needs changes: run 'repomod rewrite-imports' to see the fix; add --apply to write it",
        '',
      ].join('\n'),
    );
  });
});

describe('the line a change is annotated at', () => {
  // a hunk opens with three context lines: the annotation goes to the line the fix changes
  const contextPatch =
    'diff --git a/svc/main.py b/svc/main.py\n--- a/svc/main.py\n+++ b/svc/main.py\n@@ -299,7 +299,7 @@\n a\n b\n c\n-    log(x, exc_info=True\n+    log(x, exc_info=True)\n d\n e\n f\n';
  const withContext = () => {
    const result = sampleResult();
    result.files = [{ path: 'svc/main.py', status: 'changed', diagnostics: [], patch: contextPatch }];
    result.diagnostics = [];
    return result;
  };

  it('is the first changed line in GitHub annotations', () => {
    expect(githubReport(withContext(), 'repomod check --diff')).toBe(
      "::error file=svc/main.py,line=302,title=repomod rewrite-imports::svc/main.py needs changes: run 'repomod check --diff' to see the fix; add --apply to write it\n",
    );
  });

  it('is the first changed line in SARIF would-change results', () => {
    const region = sarifReport(withContext()).runs[0].results?.[0].locations?.[0].physicalLocation?.region;
    expect(region).toEqual({ startLine: 302, startColumn: 1 });
  });
});

describe('markdown report', () => {
  it('has totals, a diagnostics table and each diff folded', () => {
    const report = markdownReport(sampleResult('dry-run'), 'repomod rewrite-imports');
    expect(report).toContain('**1 changed**, 0 unchanged, 0 skipped, 1 failed; 1 error, 1 warning');
    expect(report).toContain(
      "| warning | `pkg/run.py:14:5` | 'common.util.lock' is not in the repository \\| 50% | `rewrite-imports/missing-module` |",
    );
    expect(report).not.toContain('only verbose');
    expect(report).toContain(
      '<details><summary><code>pkg/run.py</code></summary>\n\n```diff\n' + patch + '```\n\n</details>',
    );
  });

  it('has one row for a finding repeated across many files, with the count', () => {
    const result = sampleResult('dry-run');
    result.diagnostics = Array.from({ length: 40 }, (_, i) => ({
      path: `jobs/m${i + 10}.py`,
      line: 2,
      column: 6,
      severity: 'warning' as const,
      code: 'rewrite-imports/missing-module',
      message: "'common.util' is not in the repository",
    }));
    const rows = markdownReport(result, 'repomod rewrite-imports')
      .split('\n')
      .filter((l) => l.startsWith('| warning'));
    expect(rows).toEqual([
      "| warning | `jobs/m10.py:2:6` | 'common.util' is not in the repository (in 40 files; --verbose lists them) | `rewrite-imports/missing-module` |",
    ]);
  });

  it('cuts a long report and says what was left out and how to see it', () => {
    const result = sampleResult('dry-run');
    result.files = Array.from({ length: 50 }, (_, i) => ({
      path: `f${i}.py`,
      status: 'changed' as const,
      diagnostics: [],
      patch,
    }));
    const report = markdownReport(result, 'repomod rewrite-imports', 3000);
    expect(report.length).toBeLessThan(3200);
    expect(report).toMatch(
      /_\d+ more sections left out to fit a comment; run `repomod rewrite-imports` to see everything._\n$/,
    );
  });
});

describe('sarif', () => {
  it('builds one rule per code and passes the SARIF multitool validator', () => {
    const log = sarifReport(sampleResult(), (code) =>
      code === 'rewrite-imports/missing-module' ? 'The rewritten module does not exist.' : undefined,
    );
    const run = log.runs[0];
    expect(run.tool.driver.rules?.map((r) => r.id)).toEqual([
      'parse-error',
      'rewrite-imports/missing-module',
      'rewrite-imports/note',
      'would-change',
    ]);
    expect(run.results?.map((r) => [r.ruleId, r.level])).toEqual([
      ['parse-error', 'error'],
      ['rewrite-imports/missing-module', 'warning'],
      ['rewrite-imports/note', 'note'],
      ['would-change', 'error'],
    ]);
    // the official SARIF 2.1.0 schema (shipped with the multitool), enforced by ajv…
    const schema = JSON.parse(
      readFileSync(path.join(REPO_ROOT, 'node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json'), 'utf8'),
    );
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    // ajv-formats is CommonJS: under NodeNext its default import is the module object
    (formatsPlugin as unknown as { default: (ajv: Ajv2020) => void }).default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(JSON.parse(JSON.stringify(log))), JSON.stringify(validate.errors)).toBe(true);
    // the schema does reject what is wrong: a region starting at line 0
    const broken = JSON.parse(JSON.stringify(log));
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(broken)).toBe(false);
    // …and Microsoft's multitool, which also applies the SARIF authoring rules
    const file = path.join(tempDir(), 'repomod.sarif');
    writeFileSync(file, JSON.stringify(log, null, 2));
    const validator = path.join(REPO_ROOT, 'node_modules/.bin/sarif-multitool');
    const result = spawnSync(validator, ['validate', file], { encoding: 'utf8' });
    if (result.error) throw result.error;
    expect(result.stdout + result.stderr).not.toMatch(/: (error|warning) SARIF/);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });
});

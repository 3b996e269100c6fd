// SARIF 2.1.0 for code-scanning upload: one rule per diagnostic code, with its help text.
import type * as Sarif from 'sarif';
import type { RunResult } from '../engine.js';
import type { Severity } from '../diagnostics.js';
import { firstChangedLine } from '../diff-hunks.js';
import { packageInfo } from '../package-info.js';

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** Help for a diagnostic code: from the transform's message table, or the engine's own. */
export type HelpLookup = (code: string) => string | undefined;

const ENGINE_HELP: Record<string, string> = {
  'parse-error':
    'The file does not parse, so repomod left it unchanged. Fix the syntax error at the reported position and run again.',
  'transform-error':
    'The transform threw on this file; it was left unchanged. Rerun with --verbose for the stack trace.',
  'read-error': 'The file could not be read; it was left unchanged.',
  'not-utf8':
    'The file has no NUL bytes but is not UTF-8 (a latin-1 source, say); repomod edits UTF-8 text only, so it was left unchanged. Convert it to UTF-8, or check it by hand.',
  'conflicting-changes':
    'Two parts of the run wanted to change the same file; repomod kept the repository-level change.',
  'would-change':
    'repomod would change this file: run the same command without --check (`repomod check` with --diff) to see the fix, and add --apply to write it.',
};

export function sarifReport(result: RunResult, help: HelpLookup = () => undefined): Sarif.Log {
  const diagnostics = result.diagnostics.map((d) => ({ ...d }));
  if (result.mode === 'check') {
    for (const file of result.files) {
      if (file.status === 'changed')
        diagnostics.push({
          path: file.path,
          line: firstChangedLine(file.patch ?? ''),
          column: 1,
          severity: 'error',
          code: 'would-change',
          message: `repomod ${result.transform} would change this file`,
        });
    }
  }
  const codes = [...new Set(diagnostics.map((d) => d.code))].sort();
  const rules: Sarif.ReportingDescriptor[] = codes.map((code) => {
    const text = help(code) ?? ENGINE_HELP[code] ?? `See the README of repomod's ${code.split('/')[0]} transform.`;
    return {
      id: code,
      name: ruleName(code),
      shortDescription: { text: code },
      fullDescription: { text },
      help: { text },
    };
  });
  const ruleIndex = new Map(codes.map((code, i) => [code, i]));
  const results: Sarif.Result[] = diagnostics.map((d) => ({
    ruleId: d.code,
    ruleIndex: ruleIndex.get(d.code),
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(d.path), uriBaseId: 'SRCROOT' },
          region: { startLine: d.line, startColumn: d.column },
        },
      },
    ],
  }));
  const { version } = packageInfo();
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'repomod',
            version,
            semanticVersion: version,
            informationUri: 'https://github.com/repomod/repomod',
            rules,
          },
        },
        originalUriBaseIds: {
          SRCROOT: { uri: `${encodeURI(result.root.replace(/\/?$/, '/')).replace(/^\/?/, 'file:///')}` },
        },
        results,
      },
    ],
  };
}

/** `rewrite-imports/missing-module` → `RewriteImportsMissingModule` (SARIF names are PascalCase). */
function ruleName(code: string): string {
  return code
    .split(/[/-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

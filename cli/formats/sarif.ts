// SARIF 2.1.0 for code-scanning upload: one rule per diagnostic code, with its help text.
import type * as Sarif from 'sarif';
import type { RunResult } from '../../lib/engine/engine.js';
import type { Severity } from '../../lib/engine/diagnostics.js';
import { firstChangedLine } from '../../lib/engine/diff-hunks.js';
import { engineExplanations, type Explanation } from '../../lib/engine/explanations.js';
import { packageInfo } from '../../lib/engine/package-info.js';

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** Help for a diagnostic code: from the transform's message table, or the engine's own. */
export type HelpLookup = (code: string) => string | undefined;

/** The engine's own codes explained from their `repomod explain` entries, when no lookup gives them. */
function engineHelp(code: string): string | undefined {
  const entry = (engineExplanations as Record<string, Explanation>)[code];
  return entry && `${entry.summary}. ${entry.fix}.`;
}

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
    const text = help(code) ?? engineHelp(code) ?? `See the README of repomod's ${code.split('/')[0]} transform.`;
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

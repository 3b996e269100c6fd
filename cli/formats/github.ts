// GitHub Actions workflow commands, so findings show inline on the pull request's diff.
// Escaping follows the runner's rules: data escapes %, CR and LF; properties also : and ,.
import type { RunResult } from '../../lib/engine/engine.js';
import type { Severity } from '../../lib/engine/diagnostics.js';
import { firstChangedLine } from '../../lib/engine/diff-hunks.js';

const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

const COMMAND: Record<Severity, WorkflowCommand['command']> = { error: 'error', warning: 'warning', info: 'notice' };

export interface WorkflowCommand {
  command: 'error' | 'warning' | 'notice';
  properties: Record<string, string | number>;
  message: string;
}

export function formatWorkflowCommand({ command, properties, message }: WorkflowCommand): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/** One command per diagnostic, plus one per file that would change (a check failing on it). */
export function githubReport(result: RunResult, command: string): string {
  const lines: string[] = [];
  for (const d of result.diagnostics) {
    if (d.severity === 'info') continue;
    lines.push(
      formatWorkflowCommand({
        command: COMMAND[d.severity],
        properties: { file: d.path, line: d.line, col: d.column, title: `repomod ${d.code}` },
        message: d.message,
      }),
    );
  }
  if (result.mode !== 'apply') {
    for (const file of result.files) {
      if (file.status !== 'changed') continue;
      lines.push(
        formatWorkflowCommand({
          command: result.mode === 'check' ? 'error' : 'warning',
          properties: {
            file: file.path,
            line: firstChangedLine(file.patch ?? ''),
            title: `repomod ${result.transform}`,
          },
          message: `${file.path} needs changes: run '${command}' to see the fix; add --apply to write it`,
        }),
      );
    }
  }
  return lines.map((l) => `${l}\n`).join('');
}

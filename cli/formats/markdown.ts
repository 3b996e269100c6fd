// A Markdown report to post as a pull-request comment: totals, a table of diagnostics, and each
// file's diff folded in <details>. Long reports are cut with a count and the command to see all.
import type { RunResult } from '../../lib/engine/engine.js';
import { collapseRepeats, repeatedText } from './collapse.js';
import { totalsSentence } from '../../lib/engine/totals.js';

/** GitHub refuses comments over 65,536 characters; stay well below. */
export const MARKDOWN_LIMIT = 60_000;

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** Fence with more backticks than the content ever has in a row. */
function fence(content: string): string {
  const longest = Math.max(2, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

export function markdownReport(result: RunResult, command: string, limit = MARKDOWN_LIMIT): string {
  const head: string[] = [
    `### repomod ${result.transform}`,
    '',
    totalsSentence(result.totals).replace(/^\d+ changed/, (head) => `**${head}**`),
    '',
  ];
  const diagnostics = result.diagnostics.filter((d) => d.severity !== 'info');
  const sections: string[] = [];
  if (diagnostics.length) {
    // a finding repeated across many files is one row with its count, as on stderr
    const rows = collapseRepeats(diagnostics).map(({ diagnostic: d, repeated }) => {
      const message = repeated ? `${d.message} ${repeatedText(repeated)}` : d.message;
      return `| ${d.severity} | \`${cell(d.path)}:${d.line}:${d.column}\` | ${cell(message)} | \`${d.code}\` |`;
    });
    sections.push(['| severity | location | message | code |', '|---|---|---|---|', ...rows].join('\n') + '\n');
  }
  for (const file of result.files) {
    if (!file.patch) continue;
    const f = fence(file.patch);
    sections.push(
      `<details><summary><code>${escapeHtml(file.path)}</code></summary>\n\n${f}diff\n${file.patch}${file.patch.endsWith('\n') ? '' : '\n'}${f}\n\n</details>\n`,
    );
  }
  let out = head.join('\n') + '\n';
  let omitted = 0;
  for (let i = 0; i < sections.length; i++) {
    if (out.length + sections[i].length > limit) {
      omitted = sections.length - i;
      break;
    }
    out += `${sections[i]}\n`;
  }
  if (omitted)
    out += `_${omitted} more section${omitted === 1 ? '' : 's'} left out to fit a comment; run \`${command}\` to see everything._\n`;
  if (!diagnostics.length && !result.files.some((f) => f.patch)) out += 'Nothing to change.\n';
  return out;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

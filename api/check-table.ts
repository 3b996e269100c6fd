// The README's table of what `repomod check` runs, generated from the registry and the message
// tables' explanations (test/e2e/package/readme.test.ts keeps the README equal to it).
import { loadMessageTables } from './explanations.js';
import { registry } from '../transforms/index.js';

export const TABLE_START = '<!-- check-table: generated from the registry; `npm run readme-table` rewrites it -->';
export const TABLE_END = '<!-- /check-table -->';

/** Markdown: one row per check, its codes by severity (info, shown with --verbose, left out). */
export async function checkTable(): Promise<string> {
  const tables = await loadMessageTables();
  const codesOf = (owner: string, severity: string) =>
    Object.entries(tables.find((t) => t.owner === owner)?.explanations ?? {})
      .filter(([, e]) => e.severity.split(/[\s(]/)[0] === severity)
      .map(([code]) => `\`${code.slice(code.indexOf('/') + 1)}\``)
      .join(', ') || '—';
  const rows = registry.map(({ meta }) => {
    const runs = meta.checkDefaults
      ? `always${
          Object.keys(meta.checkDefaults).length
            ? ` (${Object.entries(meta.checkDefaults)
                .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
                .join(', ')})`
            : ''
        }`
      : 'when the config gives it options';
    return `| \`${meta.name}\` | ${runs} | ${codesOf(meta.name, 'error')} | ${codesOf(meta.name, 'warning')} | ${meta.checkApply ?? '—'} |`;
  });
  rows.push(`| every run | always | ${codesOf('engine', 'error')} | ${codesOf('engine', 'warning')} | — |`);
  return [
    TABLE_START,
    '| check | runs | errors (fail the gate) | warnings | `check --apply` writes |',
    '|---|---|---|---|---|',
    ...rows,
    TABLE_END,
  ].join('\n');
}

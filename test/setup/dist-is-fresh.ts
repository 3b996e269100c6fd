// Vitest global setup: the CLI tests spawn dist/, so a stale build would let them pass against
// old code (a changed message, the test still green). Refuse to start when any source file is
// newer than its compiled output, or has none; `npm test` builds first, so this only fires when
// vitest is run by hand after an edit.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT as ROOT, SOURCE_FOLDERS } from '../helpers/paths.js';

function* typeScriptSources(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* typeScriptSources(full);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) yield full;
  }
}

/** Source files (repository-relative) whose compiled `dist/….js` is missing or older. */
export function staleOutputs(root = ROOT): string[] {
  const stale: string[] = [];
  for (const folder of SOURCE_FOLDERS) {
    for (const source of typeScriptSources(path.join(root, folder))) {
      const relative = path.relative(root, source);
      const output = path.join(root, 'dist', relative.replace(/\.ts$/, '.js'));
      if (!existsSync(output) || statSync(output).mtimeMs < statSync(source).mtimeMs) stale.push(relative);
    }
  }
  return stale;
}

export default function checkDistIsFresh(): void {
  const stale = staleOutputs();
  if (stale.length === 0) return;
  const listed = stale.slice(0, 5).join(', ') + (stale.length > 5 ? `, … (${stale.length} in all)` : '');
  throw new Error(`dist/ is older than its sources (${listed}): run \`npm run build\` first (\`npm test\` does both)`);
}

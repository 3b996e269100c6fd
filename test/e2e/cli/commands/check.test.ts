// `repomod check` as CI and pre-commit run it: exit status, the fix shown with --diff, report
// hints that name a command which really prints the diff, and the run scoped to the current
// directory (links elsewhere in the repository are not this run's business).
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewCommand } from '../../../../cli/common.js';
import { repomodInProcess } from '../../../helpers/cli.js';
import { git, initRepo, tempDir } from '../../../helpers/tree.js';

const REPEATED = 'import logging\nlogging.error("x", exc_info=True, exc_info=True)\n';
const FIXED_LINES = '-logging.error("x", exc_info=True, exc_info=True)\n+logging.error("x", exc_info=True)\n';

function repoWith(files: Record<string, string>, links: Record<string, string> = {}): string {
  const dir = tempDir();
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  for (const [rel, target] of Object.entries(links)) symlinkSync(target, path.join(dir, rel));
  initRepo(dir);
  return dir;
}

describe('repomod check', () => {
  it('names the file and exits 1; --diff also prints the fix that git apply accepts', async () => {
    const repo = repoWith({ 'svc/log.py': REPEATED });
    const gate = await repomodInProcess(repo, ['check']);
    expect(gate.code).toBe(1);
    expect(gate.stdout).toBe('');
    expect(gate.stderr).toContain('svc/log.py: would change\n');

    const shown = await repomodInProcess(repo, ['check', '--diff']);
    expect(shown.code).toBe(1);
    expect(shown.stdout).toContain(FIXED_LINES);
    writeFileSync(path.join(repo, 'fix.patch'), shown.stdout);
    git(repo, 'apply', 'fix.patch');
    expect(readFileSync(path.join(repo, 'svc/log.py'), 'utf8')).toBe(
      'import logging\nlogging.error("x", exc_info=True)\n',
    );
  });

  it('points GitHub annotations at the changed line (not the first context line of its hunk) and a command that shows the diff', async () => {
    const repo = repoWith({ 'svc/log.py': REPEATED });
    const run = await repomodInProcess(repo, ['check', '--format', 'github']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "::error file=svc/log.py,line=2,title=repomod check::svc/log.py needs changes: run 'repomod check --diff' to see the fix; add --apply to write it\n",
    );
  });

  it('looks only under the current directory when no paths are given, links included', async () => {
    const repo = repoWith({ 'svc/log.py': REPEATED, 'other/ok.py': 'x = 1\n' }, { 'other/shared': '../nowhere' });
    const inSvc = await repomodInProcess(path.join(repo, 'svc'), ['check']);
    expect(inSvc.stderr).not.toContain('other/');
    expect(inSvc.stderr).toContain('svc/log.py: would change\n');
    const atRoot = await repomodInProcess(repo, ['check']);
    expect(atRoot.stderr).toMatch(/^other\/shared:1:1: error: .*broken/m);
  });
});

describe('reviewCommand', () => {
  it('drops output and mode flags, and asks check for its diff', () => {
    expect(reviewCommand(['imports', '--check', '--format', 'github', 'src'])).toBe('repomod imports src');
    expect(reviewCommand(['check', '--json', '--no-color'])).toBe('repomod check --diff');
    expect(reviewCommand(['calls', '--format=markdown', '--keyword', 'exc_info=True'])).toBe(
      'repomod calls --keyword exc_info=True',
    );
  });
});

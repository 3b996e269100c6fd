// replace-symlinks on links to FIFOs and on directory links holding one: reported as what they
// are ("not a regular file (FIFO)"), never "git-ignored", and never opened.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../../../lib/engine/diagnostics.js';
import { discoverRepository } from '../../../../lib/engine/discover.js';
import { RepoIndex } from '../../../../lib/repo/repo-index.js';
import { planRepository } from '../../../../transforms/replace-symlinks/index.js';
import { makeFifo } from '../../../helpers/fifo.js';
import { tempDir } from '../../../helpers/tree.js';

function repoWithFifo(): RepoIndex {
  const root = tempDir();
  for (const dir of ['data', 'shared', 'fn']) mkdirSync(path.join(root, dir));
  writeFileSync(path.join(root, 'shared', 'a.py'), '');
  writeFileSync(path.join(root, 'fn', 'main.py'), '');
  makeFifo(path.join(root, 'data', 'events'));
  makeFifo(path.join(root, 'shared', 'queue'));
  symlinkSync('../data/events', path.join(root, 'fn', 'events'));
  symlinkSync('../shared', path.join(root, 'fn', 'shared'));
  return new RepoIndex({ root, ...discoverRepository({ root }) });
}

describe('links to FIFOs', () => {
  it.each(['copy', 'bundle'])(
    '--mode %s reports the FIFO by type, not as git-ignored, and plans nothing for it',
    { timeout: 20_000 },
    async (mode) => {
      const repo = repoWithFifo();
      const diagnostics: Diagnostic[] = [];
      const changes = await planRepository(repo, { mode }, (d) => diagnostics.push(d));
      expect(changes).toEqual([]);
      expect(diagnostics.filter((d) => d.severity !== 'info').map(formatDiagnostic)).toEqual([
        "fn/events:1:1: error: not replaced: 'data/events' is not a regular file (FIFO); it is never opened, so there is nothing to copy; left as is [replace-symlinks/not-regular-target]",
        "fn/shared:1:1: error: not replaced: 'shared' contains 'shared/queue', not a regular file (FIFO), which is never opened, so the folder cannot be copied whole; left as is [replace-symlinks/nested-uncopyable]",
      ]);
    },
  );

  it(
    'a FIFO named repomod.bundle.json is never opened: the package is reported, its links kept',
    { timeout: 20_000 },
    async () => {
      const root = tempDir();
      mkdirSync(path.join(root, 'shared'));
      mkdirSync(path.join(root, 'fn'));
      writeFileSync(path.join(root, 'shared', 'a.py'), '');
      writeFileSync(path.join(root, 'fn', 'main.py'), '');
      symlinkSync('../shared/a.py', path.join(root, 'fn', 'a.py'));
      makeFifo(path.join(root, 'fn', 'repomod.bundle.json'));
      const diagnostics: Diagnostic[] = [];
      const changes = await planRepository(
        new RepoIndex({ root, ...discoverRepository({ root }) }),
        { mode: 'bundle' },
        (d) => diagnostics.push(d),
      );
      expect(changes).toEqual([]);
      expect(diagnostics.filter((d) => d.severity !== 'info').map(formatDiagnostic)).toEqual([
        'fn/repomod.bundle.json:1:1: error: fn/repomod.bundle.json cannot be read: is not a regular file (FIFO); links of this package are left as they are [replace-symlinks/invalid-manifest]',
      ]);
    },
  );

  it('--mode copy does not copy a linked folder that holds a link to a git-ignored file', async () => {
    const root = tempDir();
    for (const dir of ['secrets', 'shared', 'fn']) mkdirSync(path.join(root, dir));
    writeFileSync(path.join(root, '.gitignore'), '*.env\n');
    writeFileSync(path.join(root, 'secrets', 'prod.env'), 'TOKEN=x\n');
    writeFileSync(path.join(root, 'shared', 'a.py'), '');
    symlinkSync('../secrets/prod.env', path.join(root, 'shared', 'settings'));
    symlinkSync('../shared', path.join(root, 'fn', 'shared'));
    const diagnostics: Diagnostic[] = [];
    const changes = await planRepository(
      new RepoIndex({ root, ...discoverRepository({ root }) }),
      { mode: 'copy' },
      (d) => diagnostics.push(d),
    );
    expect(changes.filter((c) => c.path.startsWith('fn/'))).toEqual([]);
    expect(diagnostics.filter((d) => d.severity !== 'info' && d.path === 'fn/shared').map(formatDiagnostic)).toEqual([
      "fn/shared:1:1: error: not replaced: 'shared' contains 'shared/settings', link to 'secrets/prod.env', which is git-ignored: never copied, so the folder cannot be copied whole; left as is [replace-symlinks/nested-uncopyable]",
    ]);
  });
});

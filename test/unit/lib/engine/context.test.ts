// The repository a transform sees under the stock jscodeshift runner (no repomod engine): the
// engine's own walk, so a transform answers alike under both runners.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { standaloneRepoFor } from '../../../../lib/engine/context.js';
import { discoverRepository } from '../../../../lib/engine/discover.js';
import { makeFifo } from '../../../helpers/fifo.js';
import { repoWith } from '../../../helpers/tree.js';

describe('standaloneRepoFor', () => {
  it('lists the files and links a repomod run would: ignore rules kept, links recorded and not followed, FIFOs left out', () => {
    const root = repoWith({
      '.gitignore': 'build/\n',
      'pkg/a.py': 'import b\n',
      'pkg/b.py': '',
      'build/out.py': '',
      'node_modules/x/index.js': '',
    });
    symlinkSync('..', path.join(root, 'pkg', 'loop'));
    mkdirSync(path.join(root, 'pipes'));
    makeFifo(path.join(root, 'pipes', 'fifo.py'));
    writeFileSync(path.join(root, 'pipes', 'real.py'), '');

    const repo = standaloneRepoFor(path.join(root, 'pkg', 'a.py'));
    expect(repo.root).toBe(root);
    expect(repo.files).toEqual(['.gitignore', 'pipes/real.py', 'pkg/a.py', 'pkg/b.py']);
    expect(repo.symlinks).toEqual([{ path: 'pkg/loop', target: '..' }]);
    expect(repo.files).toEqual(discoverRepository({ root }).files);
  });
});

// processFile keeps a file's text in the repository index only when the file got past the
// prefilter: a run over a large repository must not hold every file it merely looked at.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processFile } from '../../../../lib/engine/process-file.js';
import { RepoIndex } from '../../../../lib/repo/repo-index.js';
import type { TransformModule } from '../../../../lib/engine/types.js';
import { tempDir } from '../../../helpers/tree.js';

const upper: TransformModule = { default: (file: { source: string }) => file.source.toUpperCase() };

describe('processFile', () => {
  it('remembers the text of a file past the prefilter, and reads a prefiltered-out file again when asked', async () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'hit.py'), 'import needle\n');
    writeFileSync(path.join(root, 'miss.py'), 'import other\n');
    const repo = new RepoIndex({ root, files: ['hit.py', 'miss.py'], symlinks: [] });
    const job = { module: upper, options: {}, repo, cwd: root, prefilter: ['needle'] };

    expect((await processFile('hit.py', job)).status).toBe('changed');
    expect((await processFile('miss.py', job)).status).toBe('unchanged');
    // both files change on disk after the engine read them: the index answers from what it kept
    writeFileSync(path.join(root, 'hit.py'), 'import needle as n\n');
    writeFileSync(path.join(root, 'miss.py'), 'import other as o\n');
    expect(repo.read('hit.py')).toBe('import needle\n');
    expect(repo.read('miss.py')).toBe('import other as o\n');
  });
});

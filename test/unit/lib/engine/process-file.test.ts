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

  // the prefilter looks at the bytes before decoding: every file must still get the answer the decoded text gives
  it.each([
    ['ASCII text without the needle', Buffer.from('import other\n'), 'unchanged', undefined],
    ['the needle right after a BOM', Buffer.from('\ufeffneedle = 1\n'), 'changed', undefined],
    ['a BOM and no needle', Buffer.from('\ufeffother = 1\n'), 'unchanged', undefined],
    ['a non-ASCII needle', Buffer.from('# café\nnéedle = 1\n'), 'changed', undefined],
    ['non-ASCII text without the needle', Buffer.from('# café\n'), 'unchanged', undefined],
    ['latin-1 text without the needle', Buffer.from('# caf\xe9\n', 'latin1'), 'skipped', 'not-utf8'],
    ['latin-1 text with the needle', Buffer.from('# caf\xe9 needle\n', 'latin1'), 'skipped', 'not-utf8'],
    ['a NUL byte and no needle', Buffer.from('other\0\n'), 'skipped', undefined],
  ])('decides a file holding %s as the decoded text does', async (_, bytes, status, code) => {
    const root = tempDir();
    writeFileSync(path.join(root, 'f.py'), bytes);
    const repo = new RepoIndex({ root, files: ['f.py'], symlinks: [] });
    const job = { module: upper, options: {}, repo, cwd: root, prefilter: ['needle', 'néedle'] };
    const outcome = await processFile('f.py', job);
    expect(outcome.status).toBe(status);
    expect(outcome.diagnostics.map((d) => d.code)).toEqual(code ? [code] : []);
    if (status === 'skipped' && !code) expect(outcome.reason).toBe('binary file');
  });
});

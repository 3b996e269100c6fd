// RepoIndex's text cache: what the engine already read is kept for later reads, within a budget.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RepoIndex, REMEMBER_BUDGET } from '../../../../lib/repo/repo-index.js';
import { tempDir } from '../../../helpers/tree.js';

function indexOf(files: Record<string, string>): RepoIndex {
  const root = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
  return new RepoIndex({ root, files: Object.keys(files), symlinks: [] });
}

describe('RepoIndex.remember', () => {
  it('serves a remembered text without reading the disk again', () => {
    const repo = indexOf({ 'a.py': 'on disk\n' });
    repo.remember('a.py', 'as processed\n');
    expect(repo.read('a.py')).toBe('as processed\n');
  });

  it('keeps texts only up to its budget; later reads of the rest go to the disk', () => {
    const repo = indexOf({ 'big.py': 'big on disk\n', 'small.py': 'small on disk\n', 'after.py': 'after on disk\n' });
    repo.remember('big.py', 'x'.repeat(REMEMBER_BUDGET - 10));
    repo.remember('small.py', '0123456789'); // exactly fills the budget
    repo.remember('after.py', 'y'); // one character over: not kept
    expect(repo.read('big.py')).toHaveLength(REMEMBER_BUDGET - 10);
    expect(repo.read('small.py')).toBe('0123456789');
    expect(repo.read('after.py')).toBe('after on disk\n');
  });

  it('never replaces a text already read', () => {
    const repo = indexOf({ 'a.py': 'first read\n' });
    expect(repo.read('a.py')).toBe('first read\n');
    repo.remember('a.py', 'later text\n');
    expect(repo.read('a.py')).toBe('first read\n');
  });
});

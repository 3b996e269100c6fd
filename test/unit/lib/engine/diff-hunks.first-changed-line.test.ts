// Annotations point at the line a fix changes, not at the context the hunk opens with: the line
// numbers come from real patches rendered by lib/engine/diff, in the file as it is now.
import { describe, expect, it } from 'vitest';
import { firstChangedLine } from '../../../../lib/engine/diff-hunks.js';
import { renderChange } from '../../../../lib/engine/diff.js';

const lines = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `line ${from + i}\n`).join('');
const file = (text: string) => ({ kind: 'file' as const, bytes: Buffer.from(text), executable: false });
const patchOf = (before: string | null, after: string | null) =>
  renderChange({
    path: 'a.py',
    before: before === null ? null : file(before),
    after: after === null ? null : file(after),
  });

describe('firstChangedLine', () => {
  it.each([
    ['a replaced line deep in the file', lines(400), lines(400).replace('line 302\n', 'changed\n'), 302],
    ['a removed line', lines(20), lines(20).replace('line 9\n', ''), 9],
    ['a line inserted after line 7', lines(20), lines(20).replace('line 7\n', 'line 7\nnew\n'), 7],
    ['a line inserted at the top', lines(20), `new\n${lines(20)}`, 1],
    ['a line appended at the end', lines(20), `${lines(20)}new\n`, 20],
    ['the first of two hunks', lines(100), lines(100).replace('line 40\n', 'x\n').replace('line 90\n', 'y\n'), 40],
    ['a final newline added', 'a\nb\nc', 'a\nb\nc\n', 3],
    ['a new file', null, 'a\n', 1],
    ['a deleted file', lines(5), null, 1],
    ['an empty file filled', '', 'a\n', 1],
  ])('%s', (_, before, after, expected) => {
    const patch = patchOf(before, after);
    expect(patch).toMatch(/^@@ /m);
    expect(firstChangedLine(patch)).toBe(expected);
  });

  it('is 1 for a patch without a text hunk (binary, mode only)', () => {
    expect(firstChangedLine(renderChange({ path: 'b.bin', before: file('\0a'), after: file('\0b') }))).toBe(1);
    expect(
      firstChangedLine(
        renderChange({ path: 'x.sh', before: file('x\n'), after: { ...file('x\n'), executable: true } }),
      ),
    ).toBe(1);
  });

  it('points past the hunk header the old regex read (the hunk starts 3 context lines earlier)', () => {
    const patch = patchOf(lines(400), lines(400).replace('line 302\n', 'changed\n'));
    expect(/^@@ -(\d+)/m.exec(patch)![1]).toBe('299');
  });
});

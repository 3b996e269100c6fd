// The linear hunk pass that takes over from Myers on huge, heavily changed files: its hunks must
// turn the old text into the new one exactly (checked by jsdiff's applyPatch on many random
// pairs, and by real `git apply` through renderPatch on files past the Myers budget).
import { applyPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { lineHunks, linearHunks, MAX_EDIT_LENGTH, trimCommonLines } from '../../../../lib/engine/diff-hunks.js';
import { renderPatch } from '../../../../lib/engine/diff.js';
import { applyChanges } from '../../../../lib/engine/apply.js';
import { git, initRepo, snapshotTree, tempDir } from '../../../helpers/tree.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A small deterministic generator, so a failure names a case that can be rerun. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}

function randomPair(seed: number): [string, string] {
  const pick = random(seed);
  const words = ['a', 'b', 'c', 'import x', '', '\t', 'é'];
  const eol = pick(3) === 0 ? '\r\n' : '\n';
  const lines = Array.from({ length: pick(30) }, () => words[pick(words.length)]);
  const changed = lines.map((line) => (pick(4) === 0 ? `${line}!` : line));
  if (pick(3) === 0) changed.splice(pick(changed.length + 1), 0, 'inserted');
  if (pick(3) === 0 && changed.length) changed.splice(pick(changed.length), 1);
  const join = (ls: string[]) => ls.join(eol) + (pick(3) === 0 ? '' : ls.length ? eol : '');
  return [join(lines), join(changed)];
}

describe('linearHunks', () => {
  it('turns the old text into the new one on 500 random pairs (CRLF, missing final newlines, empty sides)', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const [before, after] = randomPair(seed);
      const hunks = linearHunks(before, after, 3);
      expect(applyPatch(before, { hunks } as Parameters<typeof applyPatch>[1]), `seed ${seed}`).toBe(after);
    }
  });

  it('pairs lines when both sides have as many, so only changed lines show', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const after = before.replace('line 2\n', 'LINE 2\n').replace('line 15\n', 'LINE 15\n');
    expect(
      linearHunks(before, after, 3).map((h) => [
        h.oldStart,
        h.oldLines,
        h.newStart,
        h.newLines,
        h.lines.filter((l) => l[0] !== ' '),
      ]),
    ).toEqual([
      [1, 6, 1, 6, ['-line 2', '+LINE 2']],
      [13, 7, 13, 7, ['-line 15', '+LINE 15']],
    ]);
  });

  it('is what lineHunks falls back to past the Myers budget, and git applies the patch', async () => {
    const count = MAX_EDIT_LENGTH + 500;
    const before = Array.from({ length: count }, (_, i) => `from pkg.old import thing${i}`).join('\r\n');
    const after = before.replaceAll('pkg.old', 'pkg.new');
    expect(lineHunks(before, after, 3)).toEqual(linearHunks(before, after, 3));

    const dir = tempDir();
    mkdirSync(path.join(dir, 'pkg'));
    writeFileSync(path.join(dir, 'pkg/huge.py'), before);
    initRepo(dir);
    const change = {
      path: 'pkg/huge.py',
      before: { kind: 'file' as const, bytes: Buffer.from(before), executable: false },
      after: { kind: 'file' as const, bytes: Buffer.from(after), executable: false },
    };
    writeFileSync(path.join(dir, '.git/p.diff'), renderPatch([change]));
    git(dir, 'apply', '.git/p.diff');
    const viaApply = tempDir();
    mkdirSync(path.join(viaApply, 'pkg'));
    writeFileSync(path.join(viaApply, 'pkg/huge.py'), before);
    await applyChanges(viaApply, [change]);
    expect(snapshotTree(dir)['pkg/huge.py']).toEqual(snapshotTree(viaApply)['pkg/huge.py']);
  });
});

describe('lineHunks on the lines that differ only', () => {
  it('turns the old text into the new one on 500 random pairs, with the shared head and tail cut', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const [before, after] = randomPair(seed);
      for (const context of [0, 1, 3]) {
        const hunks = lineHunks(before, after, context);
        expect(
          applyPatch(before, { hunks } as Parameters<typeof applyPatch>[1]),
          `seed ${seed}, context ${context}`,
        ).toBe(after);
      }
    }
  });

  it('hands jsdiff a few lines of a 600,000-line file with one changed line, and numbers the hunk in the whole file', () => {
    const lines = Array.from({ length: 600_000 }, (_, i) => `x${i} = ${i}`);
    const before = lines.join('\n') + '\n';
    const after = before.replace('\nx300000 = 300000\n', '\ny300000 = 300000\n');
    expect(trimCommonLines(before, after, 3)).toEqual({
      skipped: 299_997,
      oldMiddle:
        'x299997 = 299997\nx299998 = 299998\nx299999 = 299999\nx300000 = 300000\nx300001 = 300001\nx300002 = 300002\nx300003 = 300003\n',
      newMiddle:
        'x299997 = 299997\nx299998 = 299998\nx299999 = 299999\ny300000 = 300000\nx300001 = 300001\nx300002 = 300002\nx300003 = 300003\n',
    });
    expect(lineHunks(before, after, 3).map((h) => [h.oldStart, h.oldLines, h.newStart, h.newLines])).toEqual([
      [299_998, 7, 299_998, 7],
    ]);
  });
});

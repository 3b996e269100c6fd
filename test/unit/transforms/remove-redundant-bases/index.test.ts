// remove-redundant-bases: every fixture case (Python and TypeScript), plus tables for the C3
// linearisation and the header edits.
import { describe, expect, it } from 'vitest';
import { linearise } from '../../../../transforms/remove-redundant-bases/mro.js';
import { removeListItems } from '../../../../transforms/remove-redundant-bases/header-edits.js';
import { describeFixtures } from '../../../helpers/fixtures.js';

describeFixtures('remove-redundant-bases');

describe('C3 linearisation', () => {
  const O = 'object';
  it('orders a diamond like Python', () => {
    // class A; class B(A); class C(A); class D(B, C)
    const a = ['A', O];
    expect(
      linearise(
        'D',
        ['B', 'C'],
        [
          ['B', ...a],
          ['C', ...a],
        ],
      ),
    ).toEqual({ ok: true, mro: ['D', 'B', 'C', 'A', O] });
  });
  it('refuses a mixin listed before a base that includes it, naming both orders', () => {
    const result = linearise(
      'C',
      ['M', 'Base'],
      [
        ['M', O],
        ['Base', 'M', O],
      ],
    );
    expect(result).toMatchObject({
      ok: false,
      reason: 'conflict',
      conflict: {
        first: 'M',
        second: 'Base',
        firstSource: { kind: 'bases' },
        secondSource: { kind: 'mro', of: 'Base' },
      },
    });
  });
  it('refuses a duplicate base before merging', () => {
    expect(
      linearise(
        'C',
        ['A', 'A'],
        [
          ['A', O],
          ['A', O],
        ],
      ),
    ).toEqual({ ok: false, reason: 'duplicate', duplicate: 'A' });
  });
  it('accepts the mixin listed after the base, unchanged by its removal', () => {
    expect(
      linearise(
        'C',
        ['Base', 'M'],
        [
          ['Base', 'M', O],
          ['M', O],
        ],
      ),
    ).toEqual(linearise('C', ['Base'], [['Base', 'M', O]]));
  });
});

describe('header edits', () => {
  /** Remove the items named in `names` from the bracketed list in `text`. */
  const drop = (text: string, ...names: string[]) => {
    const open = text.indexOf('(') + 1;
    const close = text.lastIndexOf(')');
    const items: { start: number; end: number; text: string }[] = [];
    const inner = text.slice(open, close).replace(/#.*$/gm, (c) => ' '.repeat(c.length));
    const re = /[A-Za-z_][\w.]*(\[[^\]]*\])?(=[\w.]+)?/g;
    for (let m = re.exec(inner); m; m = re.exec(inner))
      items.push({ start: open + m.index, end: open + m.index + m[0].length, text: m[0] });
    const remove = names.map((n) => items.findIndex((i) => i.text === n));
    const edits = removeListItems(text, open, close, items, remove).sort((a, b) => b.start - a.start);
    return edits.reduce((out, e) => out.slice(0, e.start) + e.text + out.slice(e.end), text);
  };
  it.each([
    ['C(A, B, D)', ['B'], 'C(A, D)'],
    ['C(A, B, D)', ['A'], 'C(B, D)'],
    ['C(A, B, D)', ['D'], 'C(A, B)'],
    ['C(A, B,)', ['B'], 'C(A,)'],
    ['C(A, B, D)', ['B', 'D'], 'C(A)'],
    ['C(A, B, D)', ['A', 'B'], 'C(D)'],
    ['C(A, B, metaclass=M)', ['B'], 'C(A, metaclass=M)'],
    ['C(A,\n  B, metaclass=M)', ['A'], 'C(B, metaclass=M)'],
    ['C(A, B,\n  D)', ['D'], 'C(A, B)'],
    ['C(\n    A,  # a\n    B,\n)', ['A'], 'C(\n    B,\n)'],
    ['C(\n    A,\n    B,  # b\n)', ['B'], 'C(\n    A,\n)'],
    ['C(\n    A,\n    B  # b\n)', ['B'], 'C(\n    A\n)'],
    ['C(\n    A,\n    # keep me\n    B,\n    D,\n)', ['B', 'D'], 'C(\n    A,\n    # keep me\n)'],
    ['C(\r\n    A,\r\n    B\r\n)', ['B'], 'C(\r\n    A\r\n)'],
  ])('%j minus %j', (text, names, expected) => {
    expect(drop(text, ...names)).toBe(expected);
  });
});

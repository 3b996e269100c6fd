// remove-redundant-bases: every fixture case (Python and TypeScript), plus a table for the C3
// linearisation (the header edits are lib/text's list-item remover: test/unit/lib/text/remove-list-items.test.ts).
import { describe, expect, it } from 'vitest';
import { linearise } from '../../../../transforms/remove-redundant-bases/mro.js';
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

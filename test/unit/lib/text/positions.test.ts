// positionAt: line and column of a string index, as a naive scan from the start counts them.
import { describe, expect, it } from 'vitest';
import { positionAt } from '../../../../lib/text/positions.js';

function naive(text: string, index: number) {
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

describe('positionAt', () => {
  it('agrees with a naive count at every index, newlines and CRLF included', () => {
    for (const text of ['', 'a', '\n', 'ab\ncd\n', '\n\nx', 'x\r\ny\r\n\r\nz', 'é\n😀x\ny']) {
      for (let i = 0; i <= text.length; i++)
        expect(positionAt(text, i), `${JSON.stringify(text)} @ ${i}`).toEqual(naive(text, i));
    }
  });

  it('answers for another text after one was indexed', () => {
    expect(positionAt('a\nb\nc', 4)).toEqual({ line: 3, column: 1 });
    expect(positionAt('xyz', 2)).toEqual({ line: 1, column: 3 });
  });
});

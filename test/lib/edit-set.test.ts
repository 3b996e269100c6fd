import { describe, expect, it } from 'vitest';
import { EditSet, OverlappingEditError } from '../../lib/python/edit-set.js';

describe('EditSet', () => {
  it('applies edits in any order on the original text', () => {
    const edits = new EditSet('from a.b import c\r\nimport a.b\r\n');
    edits.replace(26, 29, 'x.y');
    edits.replace(5, 8, 'x.y');
    expect(edits.apply()).toBe('from x.y import c\r\nimport x.y\r\n');
  });

  it('collapses identical edits proposed twice', () => {
    const edits = new EditSet('abc').delete(1, 2).delete(1, 2);
    expect(edits.size).toBe(1);
    expect(edits.apply()).toBe('ac');
  });

  it.each([
    [[0, 2], [1, 3]],
    [[1, 1], [1, 1, 'y']],
    [[0, 3], [1, 2]],
  ])('refuses overlapping edits %j and %j', (a, b) => {
    const edits = new EditSet('abcdef');
    edits.replace(a[0] as number, a[1] as number, 'x');
    edits.replace(b[0] as number, b[1] as number, (b[2] as string) ?? 'z');
    expect(() => edits.apply()).toThrow(OverlappingEditError);
  });

  it('allows touching edits and an insertion at an edit boundary', () => {
    const edits = new EditSet('abcdef').replace(0, 2, 'X').replace(2, 4, 'Y').insert(6, '!');
    expect(edits.apply()).toBe('XYef!');
  });

  it('rejects ranges outside the text', () => {
    expect(() => new EditSet('ab').replace(1, 5, '')).toThrow(RangeError);
  });
});

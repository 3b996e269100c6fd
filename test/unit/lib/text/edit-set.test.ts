import { describe, expect, it } from 'vitest';
import { EditSet, OverlappingEditError } from '../../../../lib/text/edit-set.js';

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
    [
      [0, 2],
      [1, 3],
    ],
    [
      [1, 1],
      [1, 1, 'y'],
    ],
    [
      [0, 3],
      [1, 2],
    ],
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

  it('answers overlaps() as a scan of every edit would, edits added in any order', () => {
    const naive = (edits: [number, number][], start: number, end: number) =>
      edits.some(([s, e]) => (s === e && start === end ? s === start : s < end && start < e));
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let round = 0; round < 200; round++) {
      const set = new EditSet('x'.repeat(60));
      const added: [number, number][] = [];
      for (let k = 0; k < 8; k++) {
        const start = next(60);
        const end = Math.min(60, start + next(round % 2 ? 20 : 3));
        set.replace(start, end, 'y');
        added.push([start, end]);
        for (let p = 0; p < 10; p++) {
          const ps = next(61);
          const pe = Math.min(60, ps + next(5));
          expect(set.overlaps(ps, pe), `round ${round}: [${ps},${pe}) against ${JSON.stringify(added)}`).toBe(
            naive(added, ps, pe),
          );
        }
      }
    }
  });

  it('takes 50,000 edits, each proposed twice: duplicates collapse, apply gives the whole text', () => {
    const source = 'from a import b\n'.repeat(50_000);
    const set = new EditSet(source);
    for (let i = 0; i < 50_000; i++) set.replace(i * 16 + 5, i * 16 + 6, 'z').replace(i * 16 + 5, i * 16 + 6, 'z');
    expect(set.size).toBe(50_000);
    expect(set.apply()).toBe('from z import b\n'.repeat(50_000));
  });
});

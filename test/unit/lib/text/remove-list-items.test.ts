// The one list-item remover (lib/text/remove-list-items.ts): tables of layouts, then every
// combination of a generated set of layouts checked by python3 (the result parses, keeps the
// other items in order, and keeps every comment that shared no line with a removed item).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { removeListItems, type Span } from '../../../../lib/text/remove-list-items.js';
import { HAS_PYTHON, PYTHON3 } from '../../../helpers/cpython.js';

const apply = (text: string, edits: { start: number; end: number; text: string }[]) =>
  [...edits]
    .sort((a, b) => b.start - a.start)
    .reduce((out, e) => out.slice(0, e.start) + e.text + out.slice(e.end), text);

/** The items of the bracketed list in `text` (names, dotted names, `k=v`), comments blanked out first. */
function itemsOf(text: string, open: number, close: number): (Span & { text: string })[] {
  const inner = text.slice(open, close).replace(/(#|\/\/).*$|\/\*.*?\*\//gm, (c) => ' '.repeat(c.length));
  const items: (Span & { text: string })[] = [];
  const re = /[A-Za-z_][\w.]*(\[[^\]]*\])?(=[\w.]+)?/g;
  for (let m = re.exec(inner); m; m = re.exec(inner))
    items.push({ start: open + m.index, end: open + m.index + m[0].length, text: m[0] });
  return items;
}

/** Remove the items named in `names` from the bracketed list in `text`. */
function drop(text: string, ...names: string[]): string {
  const open = text.indexOf('(') + 1;
  const close = text.lastIndexOf(')');
  const items = itemsOf(text, open, close);
  const remove = names.map((n) => items.findIndex((i) => i.text === n));
  return apply(text, removeListItems(text, { open, close }, items, remove));
}

describe('removeListItems', () => {
  it.each([
    ['C(A, B, D)', ['B'], 'C(A, D)'],
    ['C(A, B, D)', ['A'], 'C(B, D)'],
    ['C(A, B, D)', ['D'], 'C(A, B)'],
    ['C(A, B,)', ['B'], 'C(A,)'],
    ['C(A, B, D)', ['B', 'D'], 'C(A)'],
    ['C(A, B, D)', ['A', 'B'], 'C(D)'],
    ['C(A, B, metaclass=M)', ['B'], 'C(A, metaclass=M)'],
    ['C(A,\n  B, metaclass=M)', ['A'], 'C(B, metaclass=M)'],
    ['C(A,\n  B, D)', ['B'], 'C(A,\n  D)'],
    ['C(A, B,\n  D)', ['D'], 'C(A, B)'],
    ['C(\n    A,  # a\n    B,\n)', ['A'], 'C(\n    B,\n)'],
    ['C(\n    A,\n    B,  # b\n)', ['B'], 'C(\n    A,\n)'],
    ['C(\n    A,\n    B  # b\n)', ['B'], 'C(\n    A\n)'],
    ['C(\n    A,\n    # keep me\n    B,\n    D,\n)', ['B', 'D'], 'C(\n    A,\n    # keep me\n)'],
    ['C(\r\n    A,\r\n    B\r\n)', ['B'], 'C(\r\n    A\r\n)'],
    // a comma-first last line (a bulk edit's damage): what followed the removed item stays
    ['f(\n    x\n    , k=1)', ['k=1'], 'f(\n    x\n    )'],
    ['f(\n    x,\n    k=0\n    , k=1)', ['k=1'], 'f(\n    x,\n    k=0\n    )'],
    // an item whose comma sits on the next line is not alone on its line
    ['f(\n    A\n    , B,\n)', ['A'], 'f(\n    B,\n)'],
    // a comment in the way: only the item and its comma go, the comment stays
    ['f(a,  # why\n    b)', ['b'], 'f(a  # why\n    )'],
    ['f(a, /* why */ b, c)', ['b'], 'f(a, /* why */ c)'],
    ['f(a, // why\n  b, c)', ['b'], 'f(a, // why\n  c)'],
    // every item: the brackets' whole inside, unless a comment is there
    ['f(\n    a,\n)', ['a'], 'f()'],
    ['f(a, b)', ['a', 'b'], 'f()'],
    ['f(a,  # why\n)', ['a'], 'f(# why\n)'],
  ])('%j minus %j', (text, names, expected) => {
    expect(drop(text, ...names)).toBe(expected);
  });

  it('removes nothing when asked for nothing', () => {
    expect(removeListItems('f(a)', { open: 2, close: 3 }, [{ start: 2, end: 3 }], [])).toEqual([]);
  });

  it('works on a list without brackets (a heritage clause from its keyword to its end)', () => {
    const text = 'class X implements A, B, C {}';
    const open = text.indexOf('implements') + 'implements'.length;
    const close = text.indexOf(' {');
    const items = itemsOf(text, open, close);
    expect(apply(text, removeListItems(text, { open, close }, items, [0]))).toBe('class X implements B, C {}');
    expect(apply(text, removeListItems(text, { open, close }, items, [2]))).toBe('class X implements A, B {}');
  });
});

// Layouts a Python call can take, combined: separators, openings and closings, with comments.
const SEPARATORS = [', ', ',\n    ', '\n    , ', ',  # c\n    ', '  # c\n    , ', ',\n    # k\n    ', ','];
const OPENINGS = ['(', '(\n    '];
const CLOSINGS = [')', '\n)', ',)', ',\n)', '  # t\n)', ',  # t\n)'];
const NAMES = ['a', 'bb', 'ccc'];

interface Case {
  text: string;
  remove: number[];
  kept: string[];
  /** Comments on lines that hold no removed item: each must survive. */
  comments: number;
  result: string;
}

function generatedCases(): Case[] {
  const cases: Case[] = [];
  const separatorRows = (n: number): number[][] =>
    n === 1 ? [[]] : separatorRows(n - 1).flatMap((row) => SEPARATORS.map((_, i) => [...row, i]));
  for (let n = 1; n <= NAMES.length; n++)
    for (const row of separatorRows(n))
      for (const opening of OPENINGS)
        for (const closing of CLOSINGS) {
          let text = `f${opening}`;
          const items: Span[] = [];
          NAMES.slice(0, n).forEach((name, i) => {
            items.push({ start: text.length, end: text.length + name.length });
            text += name + (i < n - 1 ? SEPARATORS[row[i]] : '');
          });
          text += closing;
          const bounds = { open: text.indexOf('(') + 1, close: text.lastIndexOf(')') };
          for (let mask = 1; mask < 1 << n; mask++) {
            const remove = items.flatMap((_, i) => (mask & (1 << i) ? [i] : []));
            const removedNames = remove.map((i) => NAMES[i]);
            const comments = text
              .split('\n')
              .filter(
                (line) => line.includes('#') && !removedNames.some((name) => new RegExp(`\\b${name}\\b`).test(line)),
              ).length;
            const edits = removeListItems(text, bounds, items, remove).sort((a, b) => a.start - b.start);
            // what EditSet would refuse: two deletions over the same bytes
            edits.forEach((e, i) => i > 0 && expect(e.start, text).toBeGreaterThanOrEqual(edits[i - 1].end));
            const result = apply(text, edits);
            // a whitespace-only line left where an item stood
            expect(
              result.split('\n').filter((line) => /^[ \t]+$/.test(line)),
              `${text} ${remove}`,
            ).toEqual([]);
            const kept = NAMES.slice(0, n).filter((_, i) => !remove.includes(i));
            cases.push({ text, remove, kept, comments, result });
          }
        }
  return cases;
}

const ORACLE = `
import ast, json, sys
bad = []
for case in json.load(sys.stdin):
    try:
        call = ast.parse(case["result"]).body[0].value
        names = [arg.id for arg in call.args]
        if names != case["kept"]:
            bad.append([case["text"], case["remove"], case["result"], "keeps %r" % names])
    except SyntaxError as error:
        bad.append([case["text"], case["remove"], case["result"], "SyntaxError: %s" % error.msg])
    if case["result"].count("#") < case["comments"]:
        bad.append([case["text"], case["remove"], case["result"], "a comment was lost"])
print(json.dumps(bad))
`;

if (!HAS_PYTHON) console.log('python3 is not on PATH: the generated layouts are not checked against its parser');

describe.skipIf(!HAS_PYTHON)('removeListItems on every generated layout (python3 as the oracle)', () => {
  it('leaves a call that parses, with the other arguments in order and every other comment', () => {
    const cases = generatedCases();
    expect(cases.length).toBeGreaterThan(4000);
    const run = spawnSync(PYTHON3!, ['-I', '-c', ORACLE], { input: JSON.stringify(cases), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([]);
  });
});

// The oxc fast path of the specifier scan against the babel scan it stands in for: wherever it
// answers, the answer is the babel scan's, field for field; where it cannot, it declines.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanWithOxc } from '../../../../transforms/rewrite-imports/oxc-scan.js';
import { scanSpecifiers, scanWithBabel } from '../../../../transforms/rewrite-imports/specifiers.js';
import { FIXTURES_ROOT } from '../../../helpers/fixtures.js';

const fixtures = FIXTURES_ROOT;
const scripts = readdirSync(fixtures, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(?:[mc]?[jt]sx?)$/.test(f) && !f.endsWith('.d.ts.map'))
  .sort();

/** A scan's answer, or the message it throws. */
function outcome(scan: typeof scanSpecifiers, source: string, file: string) {
  try {
    return scan(source, file);
  } catch (error) {
    return `throws: ${(error as Error).message}`;
  }
}

describe('oxc scan', () => {
  it('has fixtures to compare against', () => expect(scripts.length).toBeGreaterThan(50));

  it.each(scripts)('gives the babel scan on %s', (file) => {
    const source = readFileSync(path.join(fixtures, file), 'utf8');
    expect(outcome(scanSpecifiers, source, file)).toEqual(outcome(scanWithBabel, source, file));
  });

  it.each([
    ['import a from "./x";\nexport * from "./y";\nexport { b } from \'./z\';\n', 'a.ts'],
    [
      'import type { T } from "./t";\nimport { type U } from "./u";\nimport type from "./v";\nimport type, { w } from "./w";\nimport typeKeyword, { K } from "./k";\nimport type{ N } from "./n";\nimport type fromage from "./f";\n',
      'a.ts',
    ],
    ['export type * from "./t";\nexport { x as y, z } from "./z";\n', 'a.ts'],
    [
      'import { x } from "./x";\nimport * as ns from "./ns";\nexport { x, ns };\nexport default x;\nexport * from "./all";\nexport { y as z, w } from "./c";\n',
      'a.ts',
    ],
    ['\uFEFFimport a from "./bom";\n', 'a.ts'],
    [
      'const s = "héllo 😀";\r\nimport a from "./after-astral";\u2028import b from "./after-ls";\rimport c from "./after-cr";\n',
      'a.ts',
    ],
    [
      'async function f() {\n  const m = await import(`./tpl`);\n  const n = await import(name);\n  const o = await import(`./${name}`);\n  return import("./a" + "b");\n}\n',
      'a.ts',
    ],
    ['import x from "./x";\nconst el = <div className="ü">{x}</div>;\n', 'a.tsx'],
    ['import x from "./x.js";\nexport const el = <b>{x}</b>;\n', 'a.js'],
    ['if (x) {\n  export * from "./listed-by-the-record";\n}\n', 'a.ts'],
    ['@decorate() class A {}\nimport { decorate } from "./d";\n', 'a.ts'],
    ['const s = "import x from \'./not-a-specifier\'; export * from \'./nor-this\'";\nimport a from "./a";\n', 'a.ts'],
  ])('answers for %j exactly as babel does', (source, file) => {
    const fast = scanWithOxc(source, file);
    expect(fast).toBeDefined();
    expect(fast).toEqual(scanWithBabel(source, file));
    for (const spec of fast!) expect(source.slice(spec.start, spec.end)).toBe(spec.value);
  });

  it.each([
    [
      'const a = require("./a");\nconst b = require?.("./b");\nconst c = (require)("./c");\nconst d = require(("./d"));\nrequire.resolve(`./e`);\n',
      'a.js',
    ],
    [
      'jest.requireActual("./a");\njest?.mock("./b");\njest["mock"]("./c");\nvi.importActual(`./d/${x}`);\n',
      'a.test.ts',
    ],
    ['import x = require("./a");\nexport import y = N.z;\n', 'a.ts'],
    ['jest.mock("./a");\nimport a from "./a";\n', 'a.test.ts'],
    ['vi.mock("./a");\n', 'a.test.ts'],
    ['declare module "./a" {\n  interface X {}\n}\n', 'a.d.ts'],
    ['declare module /* c */ "./a" {}\n', 'a.ts'],
    ['/// <reference path="./g.d.ts" />\n', 'a.ts'],
    ['export {} from "./a";\n', 'a.ts'],
    ['type T = import("./a").T;\n', 'a.ts'],
    ['import a from "./\\x61";\nconst b = require("./\\u0062");\n', 'a.ts'],
    ['const m = import(("./a"));\n', 'a.ts'],
    ['function f() {\n  import a from "./a";\n}\n', 'a.ts'],
    ['namespace N {\n  export const a = 1;\n}\nimport b from "./b";\n', 'a.ts'],
    ['const s = "é";\r\nconst a = require("./a");\u2028/// <reference path="./g.d.ts" />\n', 'a.ts'],
  ])('answers %j from the whole AST exactly as babel does', (source, file) => {
    const fast = scanWithOxc(source, file);
    expect(fast).toBeDefined();
    expect(fast).toEqual(scanWithBabel(source, file));
  });

  it.each([
    ['import a from "./a";\nconst x = ;\n', 'a.ts'],
    ['// @flow\nimport type { A } from "./a";\nfunction f(x: ?number) {}\n', 'a.js'],
    ['import a from "./a";\n<<<<<<< HEAD\nconst b = 1;\n=======\n>>>>>>> main\n', 'a.ts'],
  ])('leaves %j (a syntax error for oxc) to the babel scan', (source, file) => {
    expect(scanWithOxc(source, file)).toBeUndefined();
    expect(outcome(scanSpecifiers, source, file)).toEqual(outcome(scanWithBabel, source, file));
  });

  it('throws what babel throws for a file neither parses', () => {
    const source = 'import { from "./a";\n';
    expect(outcome(scanSpecifiers, source, 'a.ts')).toMatch(/^throws: /);
    expect(outcome(scanSpecifiers, source, 'a.ts')).toBe(outcome(scanWithBabel, source, 'a.ts'));
  });
});

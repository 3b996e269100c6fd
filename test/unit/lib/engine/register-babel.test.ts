// The require hook leaves repomod's dependencies, and theirs, uncompiled: ts-morph's own
// @ts-morph/common fails to load once babel compiles it (its static class blocks), which any
// stock-style transform run before remove-redundant-bases in the same process used to cause.
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { ownDependencyDirs, registerBabel, unregisterBabel } from '../../../../lib/engine/register-babel.js';
import { tempDir } from '../../../helpers/tree.js';

const require = createRequire(import.meta.url);
const dirOf = (name: string, from = require) => path.dirname(from.resolve(`${name}/package.json`)) + path.sep;

describe('ownDependencyDirs', () => {
  const dirs = ownDependencyDirs();

  it("holds repomod's dependencies and the packages they depend on", () => {
    expect(dirs).toContain(dirOf('ts-morph'));
    expect(dirs).toContain(dirOf('@ts-morph/common', createRequire(dirOf('ts-morph') + 'package.json')));
  });

  it("leaves jscodeshift's dependencies to stock's own list, as the stock runner does", () => {
    expect(dirs).toContain(dirOf('jscodeshift'));
    const fromJscodeshift = createRequire(dirOf('jscodeshift') + 'package.json');
    expect(dirs).not.toContain(dirOf('@babel/core', fromJscodeshift));
  });
});

describe('unregisterBabel', () => {
  it('takes the hook out: a TypeScript file loads under it and not after', () => {
    const dir = tempDir();
    const file = (name: string) => {
      writeFileSync(path.join(dir, name), 'const answer: number = 42;\nmodule.exports = { answer };\n');
      return path.join(dir, name);
    };
    registerBabel(path.join(dir, 'transform.ts'));
    try {
      expect(require(file('under-hook.ts'))).toMatchObject({ answer: 42 });
    } finally {
      unregisterBabel();
    }
    expect(() => require(file('after.ts'))).toThrow(SyntaxError);
  });
});

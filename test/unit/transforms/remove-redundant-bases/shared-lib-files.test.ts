// Projects share TypeScript's parsed lib files when the settings that shape a lib file agree, keep
// their own when they do not, and still type-check against them.
import { describe, expect, it } from 'vitest';
import { Project, ts, type CompilerOptions } from 'ts-morph';
import { shareLibFiles } from '../../../../transforms/remove-redundant-bases/shared-lib-files.js';

const ES5 = '/node_modules/typescript/lib/lib.es5.d.ts';

/** A shared Project holding one class that implements a lib interface, and the checker's view of it. */
function project(compilerOptions: CompilerOptions) {
  const p = new Project({ useInMemoryFileSystem: true, compilerOptions });
  expect(shareLibFiles(p), "ts-morph's document registry moved: the lib files are parsed per Project").toBe(true);
  const file = p.createSourceFile(
    '/src/a.ts',
    'export class Bag implements Iterable<number> { [Symbol.iterator]() { return [1][Symbol.iterator](); } }\n',
  );
  const implemented = file.getClassOrThrow('Bag').getImplements()[0].getExpression().getSymbolOrThrow();
  return {
    es5: p.getProgram().compilerObject.getSourceFile(ES5),
    // where the checker found Iterable: a lib file, in this Project's program
    iterableFile: implemented.getDeclarations()[0].getSourceFile().getFilePath(),
    // the file's own type errors only: checking all of the libs takes half a minute
    errors: file
      .getPreEmitDiagnostics()
      .map((d) => ts.flattenDiagnosticMessageText(d.compilerObject.messageText, '\n')),
  };
}

describe('shareLibFiles', () => {
  // ES2015's libs without the DOM: a tenth of the default's text, so each parse takes a moment
  const base = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, strict: true, lib: ['lib.es2015.d.ts'] };

  it('parses a lib file once for Projects whose tsconfigs differ only in paths and JSX', () => {
    const first = project(base);
    const second = project({
      ...base,
      paths: { '@x/*': ['./x/*'] },
      pathsBasePath: '/other',
      jsx: ts.JsxEmit.Preserve,
    });
    expect(first.es5?.text).toContain('interface Array<T>');
    // compared as booleans: a failing toBe would print two whole syntax trees
    expect(second.es5 === first.es5, 'the second Project parsed lib.es5.d.ts again').toBe(true);
    for (const p of [first, second]) {
      expect(p.iterableFile).toMatch(/^\/node_modules\/typescript\/lib\/lib\.es2015\.iterable\.d\.ts$/);
      expect(p.errors).toEqual([]);
    }
  });

  it('parses it again for another target', () => {
    const es2022 = project(base);
    const es2017 = project({ ...base, target: ts.ScriptTarget.ES2017 });
    expect(es2017.es5?.text).toContain('interface Array<T>');
    expect(es2017.es5 === es2022.es5, 'an ES2017 Project took the ES2022 parse').toBe(false);
    expect(es2017.errors).toEqual([]);
  });

  it('leaves files outside the lib folder to the Project', () => {
    const a = new Project({ useInMemoryFileSystem: true, compilerOptions: base });
    const b = new Project({ useInMemoryFileSystem: true, compilerOptions: base });
    shareLibFiles(a);
    shareLibFiles(b);
    const text = 'export interface I {}\n';
    const [inA, inB] = [a, b].map((p) => p.createSourceFile('/src/i.ts', text).compilerNode);
    expect(inA === inB, 'two Projects share a source file of their own').toBe(false);
  });
});

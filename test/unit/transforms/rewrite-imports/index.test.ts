// rewrite-imports: every fixture case (single files and repositories), run twice by the harness,
// plus tables for behaviour a fixture cannot show (rules that are not idempotent by design).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFixtures, diagnosticLines, runOn } from '../../../helpers/fixtures.js';
import { tempDir } from '../../../helpers/tree.js';

describeFixtures('rewrite-imports');

/** One dry run over a temporary repository; returns each file's new text and the diagnostics. */
async function rewrite(files: Record<string, string>, options: Record<string, unknown>) {
  const dir = tempDir();
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  const result = await runOn(dir, 'rewrite-imports', options, 'dry-run');
  const out: Record<string, string> = {};
  for (const change of result.changes)
    if (change.after?.kind === 'file') out[change.path] = change.after.bytes.toString('utf8');
  return { out, diagnostics: diagnosticLines(result), result };
}

describe('rule matching', () => {
  it('applies all rules at once, each import at most once, longest prefix first', async () => {
    const { out } = await rewrite(
      { 'm.py': 'import a\nimport a.b\nimport a.b.c\nimport b\nimport ab\n' },
      { map: ['a=b', 'b=c', 'a.b=z'] },
    );
    expect(out['m.py']).toBe('import b\nimport z\nimport z.c\nimport c\nimport ab\n');
  });

  it.each([
    ['import a.bc\n', 'a.b=x'],
    ['from a import bc\n', 'a.b=x'],
    ['import ab.c\n', 'a=x'],
    ["import x from 'a/bc';\n", 'a/b=x'],
    ["import x from '@acme/core-utils';\n", '@acme/core=@acme/platform'],
  ])('leaves %s alone under %s', async (text, rule) => {
    const file = text.startsWith('import x') ? 'm.ts' : 'm.py';
    const { out } = await rewrite({ [file]: text }, { map: [rule] });
    expect(out).toEqual({});
  });

  it('limits a rule with onlyIn', async () => {
    const { out } = await rewrite(
      { 'svc/a.py': 'import old.x\n', 'lib/b.py': 'import old.x\n' },
      { rules: [{ from: 'old', to: 'new', onlyIn: 'svc/**' }] },
    );
    expect(Object.keys(out)).toEqual(['svc/a.py']);
  });

  it('limits --map rules with --only-in', async () => {
    const { out } = await rewrite(
      { 'svc/a.py': 'import old.x\n', 'lib/b.py': 'import old.x\n', 'svc/t.ts': "import 'old/x';\n" },
      { map: ['old=new'], onlyIn: ['svc/*.py'] },
    );
    expect(out).toEqual({ 'svc/a.py': 'import new.x\n' });
  });
});

describe('options', () => {
  it.each([
    [{ map: ['nothing'] }, /must be OLD=NEW/],
    [{ map: ['./a=b'] }, /not a module, package or repository path/],
    [{ rules: [{ from: 'a', too: 'b' }] }, /rules\[0\].*unknown key 'too'/],
    [{ rules: [{ forbid: '' }] }, /'forbid' must be a non-empty string/],
    [
      {
        rules: [
          { from: 'a', to: 'b' },
          { from: 'a', to: 'c' },
        ],
      },
      /both map 'a'/,
    ],
    [{ rules: 'not json' }, /not JSON/],
  ])('rejects %j', async (options, message) => {
    const { result } = await rewrite({ 'm.py': 'import a\n' }, options).catch(
      (error: Error) => ({ result: { error } }) as never,
    );
    expect(String((result as unknown as { error?: Error }).error?.message ?? JSON.stringify(result))).toMatch(message);
  });
});

describe('files that cannot need a rewrite are never parsed', () => {
  it('leaves broken files alone when they do not name an old module', async () => {
    const { out, diagnostics } = await rewrite(
      {
        'a.py': 'def broken(:\n    lock = 1\n', // names the last segment only
        'b.ts': 'const = ;\n',
        'c.py': 'def broken(:\n    import common.util.lock\n',
      },
      { map: ['common.util.lock=core.sync.lock'] },
    );
    expect(out).toEqual({});
    expect(diagnostics).toEqual([
      "c.py:1:12: warning: file does not parse (expected ')'); 0 rewrites made away from the damage, 1 reference inside it left unchanged [rewrite-imports/damaged-file]",
      "c.py:2:12: error: 'common.util.lock' on line 2 is inside a damaged region (the file stops parsing at line 1: expected ')'); left unchanged: fix the syntax and run again [rewrite-imports/damaged-reference]",
    ]);
  });
});

describe('JS/TS syntax', () => {
  it.each([
    [
      'a.ts',
      "import data from '@acme/core/data.json' with { type: 'json' };\n@dec class A {}\nconst x = y satisfies Z;\n",
    ],
    ['a.js', "import x from '@acme/core/x';\nconst el = <div a={1} />;\n"],
    ['a.mjs', "export * as ns from '@acme/core/x';\n"],
    ['a.cjs', "const x = require.resolve('@acme/core/x');\nreturn x;\n"],
    ['a.ts', "import x = require('@acme/core/x');\nexport = x;\ntype T = typeof import('@acme/core/y');\n"],
    ['a.tsx', "import x from '@acme/core/x';\nconst a = <T,>(v: T) => <div/>;\n"],
    ['a.mts', "const m = await vi.importActual<typeof import('@acme/core/x')>('@acme/core/x');\n"],
  ])('%s: every specifier follows, nothing else changes', async (file, text) => {
    const { out } = await rewrite({ [file]: text }, { map: ['@acme/core=@acme/platform/core'] });
    expect(out[file]).toBe(text.replaceAll('@acme/core/', '@acme/platform/core/'));
  });

  it('keeps an escaped specifier as written (its text is not its value)', async () => {
    const { out } = await rewrite(
      { 'a.ts': "import x from '\\x40acme/core';\n" },
      { map: ['@acme/core=@acme/platform/core'] },
    );
    expect(out).toEqual({});
  });
});

describe('from-imports of moved submodules', () => {
  it.each([
    ['from a import b\n', 'import b\n'],
    ['from a import b as c\n', 'import b as c\n'],
    ['def f():\n    from a import b, d\n', 'def f():\n    from x import d2 as d\n    import b\n'],
    ['from a import (b,\n    d)\n', 'from x import (\n    d2 as d)\nimport b\n'],
    ['from a import other, b\n', 'from a import other\nimport b\n'],
  ])('%j ➔ %j', async (input, expected) => {
    const { out } = await rewrite({ 'm.py': input }, { map: ['a.b=b', 'a.d=x.d2'] });
    expect(out['m.py']).toBe(expected);
  });
});

describe('dotted uses after a plain import', () => {
  it.each([
    ['import a.b.c\na.b.c.fn()\nx = a.b.other\n', 'import x.c\nx.c.fn()\nx = x.other\n'],
    ['import a.b\ndef f(a):\n    return a.b\n', 'import x\ndef f(a):\n    return a.b\n'],
    ['import a.b\nobj.a.b.c = 1\nprint(a.b.c, a.bc)\n', 'import x\nobj.a.b.c = 1\nprint(x.c, a.bc)\n'],
    ['import a.b as q\na.b.fn()\n', 'import x as q\na.b.fn()\n'],
  ])('%j', async (input, expected) => {
    const { out } = await rewrite({ 'm.py': input }, { map: ['a.b=x'] });
    expect(out['m.py']).toBe(expected);
  });
});

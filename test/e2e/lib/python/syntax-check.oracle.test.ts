// One Python syntax oracle: remove-redundant-bases, fix-call-syntax and check reject the same
// files at the same line:column, and python3's compile() agrees (skipped, saying why, without python3).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repomodInProcess } from '../../../helpers/cli.js';
import { initRepo, tempDir } from '../../../helpers/tree.js';

const CASES: Record<string, string> = {
  'var-keyword-then-positional.py': 'class A:\n    pass\n\n\ndef f(**kw, a):\n    pass\n',
  'repeated-keyword.py': 'class A:\n    pass\n\n\nprint(sep="", sep=" ")\n',
  'unclosed-header.py': 'class A:\n    pass\n\n\nclass B(A,\n    pass\n',
  'return-outside-function.py': 'class A:\n    pass\n\n\nreturn 1\n',
  'compiles.py': 'class A:\n    pass\n\n\nclass B(A):\n    pass\n',
};

const PYTHON = `
import sys, json
out = {}
for name in sys.argv[1:]:
    try:
        compile(open(name).read(), name, 'exec')
        out[name] = None
    except SyntaxError as e:
        out[name] = f'{e.lineno}:{e.offset}'
print(json.dumps(out))
`;

it('remove-redundant-bases, fix-call-syntax and python3 reject the same files at the same place', async (context) => {
  const repo = tempDir();
  for (const [name, text] of Object.entries(CASES)) writeFileSync(path.join(repo, name), text);
  initRepo(repo);
  const positions = async (args: string[]) => {
    const run = await repomodInProcess(repo, [...args, '--json']);
    const files = (
      JSON.parse(run.stdout) as {
        files: { path: string; diagnostics: { line: number; column: number; code: string }[] }[];
      }
    ).files;
    return Object.fromEntries(
      Object.keys(CASES).map((name) => {
        const error = files.find((f) => f.path === name)?.diagnostics.find((d) => d.code === 'parse-error');
        return [name, error ? `${error.line}:${error.column}` : null];
      }),
    );
  };
  const bases = await positions(['remove-redundant-bases']);
  expect(bases).toEqual(await positions(['fix-call-syntax']));
  expect(bases['compiles.py']).toBeNull();
  expect(Object.values(bases).filter(Boolean)).toHaveLength(4);
  const python = spawnSync('python3', ['-c', PYTHON, ...Object.keys(CASES)], { cwd: repo, encoding: 'utf8' });
  if (python.error || python.status !== 0) {
    console.log(`skipped the python3 comparison: ${python.error?.message ?? python.stderr}`);
    return context.skip();
  }
  expect(bases).toEqual(JSON.parse(python.stdout));
});

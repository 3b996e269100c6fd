// fix-call-syntax trusts a def's signature only while nothing else binds its name: a for loop,
// a with or except target, a walrus, a global or nonlocal assignment rebinding it (in the file
// or in the module it is imported from) makes the callee unknown and the keyword stays.
// python3 is the oracle: each rebound callable requires the keyword, so wrongly removing it makes
// the fixed program fail; in the control cases the input fails and the fixed program runs.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../../lib/engine/diagnostics.js';
import * as transform from '../../../../transforms/fix-call-syntax/index.js';
import { HAS_PYTHON } from '../../../helpers/cpython.js';
import { runOnFileIn } from '../../../helpers/fixtures.js';

/** A rebound callable that requires exc_info=: removing the keyword makes the call fail. */
const NEEDS_KEYWORD = 'lambda a, *, exc_info: a';
const DEF_F = 'def f(a):\n    return a\n\n\n';

/** `main.py` fixed with --keyword exc_info=True in a repository of `files`, written to disk. */
async function fixMain(files: Record<string, string>) {
  const { root, result } = await runOnFileIn(transform, files, 'main.py', { keyword: ['exc_info=True'] });
  return { root, output: result.output, diagnostics: result.diagnostics.map(formatDiagnostic) };
}

/** python3 main.py in `root` with main.py holding `text`: '' when it runs, else its last stderr line. */
function runWithPython(root: string, text: string): string {
  writeFileSync(path.join(root, 'main.py'), text);
  const run = spawnSync('python3', ['main.py'], { cwd: root, encoding: 'utf8' });
  return run.status === 0 ? '' : run.stderr.trim().split('\n').at(-1)!;
}

/** The note on `f(1, exc_info=True)` called at `line`:`column`: it points at the keyword. */
const unknown = (line: number, column: number, why: string) =>
  `main.py:${line}:${column + 5}: info: cannot tell whether 'f' accepts exc_info= (${why}); exc_info=True left in place [fix-call-syntax/unknown-callee]`;

const REBOUND: [string, Record<string, string>, string][] = [
  [
    'a for loop at module level',
    { 'main.py': `${DEF_F}for f in [${NEEDS_KEYWORD}]:\n    pass\n\nf(1, exc_info=True)\n` },
    unknown(8, 1, 'bound more than once'),
  ],
  [
    'a with target',
    {
      'main.py': `import contextlib\n\n${DEF_F}with contextlib.nullcontext(${NEEDS_KEYWORD}) as f:\n    f(1, exc_info=True)\n`,
    },
    unknown(8, 5, 'bound more than once'),
  ],
  [
    'an except target',
    {
      'main.py': `class Hook(Exception):\n    def __call__(self, a, *, exc_info):\n        return a\n\n\n${DEF_F}try:\n    raise Hook()\nexcept Hook as f:\n    f(1, exc_info=True)\n`,
    },
    unknown(13, 5, 'bound more than once'),
  ],
  [
    'a walrus',
    { 'main.py': `${DEF_F}if f := (${NEEDS_KEYWORD}):\n    f(1, exc_info=True)\n` },
    unknown(6, 5, 'bound more than once'),
  ],
  [
    'a global assignment in a function',
    {
      'main.py': `${DEF_F}def install():\n    global f\n    f = ${NEEDS_KEYWORD}\n\n\ninstall()\nf(1, exc_info=True)\n`,
    },
    unknown(11, 1, 'bound more than once'),
  ],
  [
    'a for loop in the calling function',
    {
      'main.py': `${DEF_F}def run():\n    for f in [${NEEDS_KEYWORD}]:\n        f(1, exc_info=True)\n\n\nrun()\n`,
    },
    unknown(7, 9, 'a local name'),
  ],
  [
    'a nonlocal assignment in a nested function',
    {
      'main.py': `def run():\n    def f(a):\n        return a\n\n    def install():\n        nonlocal f\n        f = ${NEEDS_KEYWORD}\n\n    install()\n    f(1, exc_info=True)\n\n\nrun()\n`,
    },
    unknown(10, 5, 'bound more than once'),
  ],
  [
    'a for loop in the module it is imported from',
    {
      'main.py': 'from helpers import f\n\nf(1, exc_info=True)\n',
      'helpers.py': `${DEF_F}for f in [${NEEDS_KEYWORD}]:\n    pass\n`,
    },
    unknown(3, 1, 'bound more than once'),
  ],
  [
    'a global assignment in a function of the module it is imported from',
    {
      'main.py': 'from helpers import f\n\nf(1, exc_info=True)\n',
      'helpers.py': `${DEF_F}def install():\n    global f\n    f = ${NEEDS_KEYWORD}\n\n\ninstall()\n`,
    },
    unknown(3, 1, 'bound more than once'),
  ],
];

describe('a def whose name is bound again keeps its keyword', () => {
  it.each(REBOUND)('%s', async (_name, files, diagnostic) => {
    const { root, output, diagnostics } = await fixMain(files);
    expect(output).toBe(files['main.py']);
    expect(diagnostics).toEqual([diagnostic]);
    if (HAS_PYTHON) expect(runWithPython(root, output ?? ''), 'the program runs as it was').toBe('');
  });
});

const CONTROLS: [string, Record<string, string>, string][] = [
  [
    'the def alone',
    { 'main.py': `${DEF_F}for g in [${NEEDS_KEYWORD}]:\n    pass\n\nf(1, exc_info=True)\n` },
    `${DEF_F}for g in [${NEEDS_KEYWORD}]:\n    pass\n\nf(1)\n`,
  ],
  [
    'the def imported, another name rebound beside it',
    {
      'main.py': 'from helpers import f\n\nf(1, exc_info=True)\n',
      'helpers.py': `${DEF_F}def install():\n    global g\n    g = ${NEEDS_KEYWORD}\n\n\ninstall()\n`,
    },
    'from helpers import f\n\nf(1)\n',
  ],
];

describe('a def bound once loses the keyword it does not take', () => {
  it.each(CONTROLS)('%s', async (_name, files, expected) => {
    const { root, output, diagnostics } = await fixMain(files);
    expect(output).toBe(expected);
    expect(diagnostics).toEqual([]);
    if (!HAS_PYTHON) return;
    expect(runWithPython(root, files['main.py'])).toBe("TypeError: f() got an unexpected keyword argument 'exc_info'");
    expect(runWithPython(root, output ?? '')).toBe('');
  });
});

if (!HAS_PYTHON) console.log('python3 is not on PATH: the fixed programs are not run');

// The syntax gate against CPython's nesting limits: 200 open brackets, 100 indentation levels and
// the compiler's recursion limit. `python3 -m py_compile` is the oracle, as a CI gate would run it.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { positionAt } from '../../../../lib/text/positions.js';
import { withPythonTree } from '../../../../lib/python/parser.js';
import { pythonSyntaxProblems } from '../../../../lib/python/syntax-check.js';
import { CLI, repomodInProcess } from '../../../helpers/cli.js';
import { tempDir } from '../../../helpers/tree.js';

const version = spawnSync('python3', ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' });
const python = version.status === 0;
const python311 = python && version.stdout.trim() === '3.11';
if (!python) console.log('python3 is not on PATH: the CPython nesting-limit comparisons are skipped');
else if (!python311)
  console.log(
    `python3 is ${version.stdout.trim()}, not 3.11: the recursion-depth comparisons (3.11's limit) are skipped`,
  );

const scratch = tempDir();

/** CPython's verdict through py_compile: `line:col message` of the SyntaxError, 'recursion', or 'ok'. */
function cpython(source: string): string {
  const file = path.join(scratch, 'case.py');
  writeFileSync(file, source);
  const script = [
    'import py_compile, sys',
    'try:',
    '    py_compile.compile(sys.argv[1], doraise=True)',
    '    print("ok")',
    'except py_compile.PyCompileError as e:',
    '    v = e.exc_value',
    '    print("%s:%s %s" % (v.lineno, v.offset, v.msg) if isinstance(v, SyntaxError) else "recursion" if isinstance(v, RecursionError) else type(v).__name__)',
  ].join('\n');
  return spawnSync('python3', ['-c', script, file], { encoding: 'utf8' }).stdout.trim();
}

/**
 * The recursion limit depends on how deep in Python's stack the compiler starts (`compile()` from
 * `python -c` refuses 2,990 unary minuses, `python -m py_compile` 2,972): ask the command a gate runs.
 */
function pyCompileCommand(source: string): string {
  const file = path.join(scratch, 'case.py');
  writeFileSync(file, source);
  const run = spawnSync('python3', ['-m', 'py_compile', file], { encoding: 'utf8' });
  return run.status === 0
    ? 'ok'
    : run.stderr.includes('RecursionError')
      ? 'recursion'
      : run.stderr.trim().split('\n').at(-1)!;
}

async function repomodVerdict(source: string): Promise<string> {
  const problems = await withPythonTree(source, (tree) => pythonSyntaxProblems(tree.rootNode, source));
  if (problems.length === 0) return 'ok';
  const { line, column } = positionAt(source, problems[0].index);
  return problems[0].message.startsWith('too many nested expressions')
    ? 'recursion'
    : `${line}:${column} ${problems[0].message}`;
}

const brackets = (open: string, close: string, n: number) => `x = ${open.repeat(n)}1${close.repeat(n)}\n`;
const indented = (n: number) =>
  `${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}if x:\n`).join('')}${' '.repeat(n)}pass\n`;

describe.runIf(python)('nesting limits agree with python3 -m py_compile', () => {
  it.each([
    ['200 parentheses', brackets('(', ')', 200)],
    ['201 parentheses', brackets('(', ')', 201)],
    ['3,000 parentheses', brackets('(', ')', 3000)],
    ['201 mixed brackets', `y = 0\nx = ${'[{('.repeat(67)}1${')}]'.repeat(67)}\n`],
    ['200 calls', `x = ${'f('.repeat(200)}1${')'.repeat(200)}\n`],
    ['201 calls', `x = ${'f('.repeat(201)}1${')'.repeat(201)}\n`],
    ['201 brackets inside a string', `x = "${'('.repeat(300)}"\n# ${'['.repeat(300)}\n`],
    ['201 brackets across lines', `x = [\n${'[\n'.repeat(200)}1${']'.repeat(201)}\n`],
    ['99 indentation levels', indented(99)],
    ['100 indentation levels', indented(100)],
  ])('%s', async (_name, source) => {
    expect(await repomodVerdict(source)).toBe(cpython(source));
  });

  it.runIf(python311).each([
    ['2,971 unary minuses', `x = ${'-'.repeat(2971)}1\n`],
    ['2,972 unary minuses', `x = ${'-'.repeat(2972)}1\n`],
    ['2,971 additions', `x = ${'1+'.repeat(2971)}1\n`],
    ['2,972 additions', `x = ${'1+'.repeat(2972)}1\n`],
    ['2,972 attributes', `x = a${'.b'.repeat(2972)}\n`],
    ['2,970 unary minuses returned from a function', `def f():\n    return ${'-'.repeat(2970)}1\n`],
    ['2,971 unary minuses returned from a function', `def f():\n    return ${'-'.repeat(2971)}1\n`],
    ['2,971 nots in a call statement', `print(${'not '.repeat(2971)}1)\n`],
    ['5,000 and-ed names (one BoolOp)', `x = ${'a and '.repeat(5000)}1\n`],
    ['5,000 unary minuses', `x = ${'-'.repeat(5000)}1\n`],
  ])('%s', async (_name, source) => {
    expect(await repomodVerdict(source)).toBe(pyCompileCommand(source));
  });
});

describe.runIf(existsSync(CLI))('fix-call-syntax --check', () => {
  it('reports 3,000 nested parentheses as a parse error at the 201st, and exits 1', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'deep.py'), `import os\n${brackets('(', ')', 3000)}`);
    writeFileSync(path.join(dir, 'fine.py'), brackets('(', ')', 200));
    const run = await repomodInProcess(dir, ['fix-call-syntax', '--check']);
    expect(run.stderr.split('\n')[0]).toMatch(
      /^deep\.py:2:205: error: file does not parse \(too many nested parentheses\); left unchanged: `x = \(+…` \[parse-error\]$/,
    );
    expect(run.code).toBe(1);
  });
});

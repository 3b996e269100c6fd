// Builtin signatures: the committed table is what the generator script prints under the same
// CPython, every special form is probed against python3 (what it rejects raises TypeError, what
// it accepts does not), and the incident (type(e, exc_info=True) in an except handler) is fixed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_EXCEPTION_BASES,
  GENERATED_FROM_PYTHON,
  UNDESCRIBED_BUILTINS,
  UNDESCRIBED_STR_METHODS,
} from '../../../../transforms/fix-call-syntax/builtin-signatures.generated.js';
import {
  builtinKeywords,
  EXCEPTION_KEYWORDS,
  exceptionKeywords,
  SPECIAL_BUILTINS,
  SPECIAL_STR_METHODS,
  strMethodKeywords,
} from '../../../../transforms/fix-call-syntax/builtin-signatures.js';
import { fileFixtures } from '../../../helpers/fixtures.js';
import { REPO_ROOT as ROOT } from '../../../helpers/paths.js';
import { PYTHON3 } from '../../../helpers/cpython.js';

const python = PYTHON3
  ? spawnSync(PYTHON3, ['-c', 'import platform; print(platform.python_version())'], { encoding: 'utf8' })
  : undefined;
const pythonVersion = python?.status === 0 ? python.stdout.trim() : undefined;
if (!pythonVersion) console.log('python3 is not on PATH: the CPython probes of builtin signatures are skipped');
const minor = (v: string) => v.split('.').slice(0, 2).join('.');

/** Runs each snippet in one python3 process: 'ok', or the exception as `Type: message`. */
function probe(snippets: string[]): string[] {
  const script = `
import json, sys
class AsyncIt:
    def __aiter__(self): return self
    async def __anext__(self): raise StopAsyncIteration
out = []
for code in json.load(sys.stdin):
    try:
        eval(code)
        out.append('ok')
    except Exception as e:
        out.append(f'{type(e).__name__}: {e}')
print(json.dumps(out))
`;
  const run = spawnSync(PYTHON3!, ['-I', '-c', script], { input: JSON.stringify(snippets), encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as string[];
}

// positional arguments for each special form's call shape (the count must match the form)
const ARGS: Record<string, string> = {
  anext: 'AsyncIt()',
  bool: '1',
  bytearray: '"a", "utf-8"',
  bytes: '"a", "utf-8"',
  classmethod: 'len',
  dir: '1',
  filter: 'None, []',
  frozenset: '[]',
  getattr: '1, "real"',
  int: '"1"',
  iter: '[]',
  map: 'str, []',
  max: '[1]',
  min: '[1]',
  next: 'iter([1])',
  range: '3',
  set: '[]',
  slice: '3',
  staticmethod: 'len',
  str: '1',
  super: 'int, 1',
  type: '1',
  vars: 'int',
  zip: '[]',
};
const STR_ARGS: Record<string, string> = {
  count: '"ab".count("a"',
  endswith: '"ab".endswith("b"',
  find: '"ab".find("a"',
  format_map: '"{x}".format_map({"x": 1}',
  index: '"ab".index("a"',
  maketrans: 'str.maketrans("a", "b"',
  rfind: '"ab".rfind("a"',
  rindex: '"ab".rindex("a"',
  startswith: '"ab".startswith("a"',
};
// a call that passes each keyword a special form claims to accept, with a valid value
const ACCEPTED = [
  'int("10", base=2)',
  'max([1], key=abs, default=0)',
  'min([], key=abs, default=0)',
  'bytes(source=b"a")',
  'bytes("a", encoding="utf-8", errors="strict")',
  'bytearray(source=b"a")',
  'bytearray("a", encoding="utf-8", errors="strict")',
  'str(object=1)',
  'str(b"a", encoding="utf-8", errors="strict")',
  'zip([1], strict=True)',
  'dict(a=1)',
  '"{n}".format(n=1)',
  'type("A", (), {})',
  ...Object.keys(BUILTIN_EXCEPTION_BASES).flatMap((name) =>
    [...exceptionKeywords(name)].map((k) => `${name}(${exceptionArgs(name)}, ${k}=None)`),
  ),
];

function exceptionArgs(name: string): string {
  if (name === 'UnicodeDecodeError') return '"utf-8", b"a", 0, 1, "bad"';
  if (name === 'UnicodeEncodeError' || name === 'UnicodeTranslateError')
    return `${name === 'UnicodeEncodeError' ? '"utf-8", ' : ''}"a", 0, 1, "bad"`;
  if (name.endsWith('ExceptionGroup')) return '"m", [ValueError()]';
  return '"m"';
}

const mentionsKeyword = (answer: string) => /^TypeError: .*keyword/.test(answer);

describe('builtin signatures', () => {
  it('gives every builtin and str method inspect cannot describe a special form', () => {
    expect(UNDESCRIBED_BUILTINS.filter((name) => !SPECIAL_BUILTINS[name])).toEqual([]);
    expect(UNDESCRIBED_STR_METHODS.filter((name) => !SPECIAL_STR_METHODS[name])).toEqual([]);
  });

  it('the builtin-special-forms fixture injects a keyword into every special form', () => {
    const fixture = readFileSync(path.join(fileFixtures('fix-call-syntax'), 'builtin-special-forms.input.py'), 'utf8');
    // breakpoint() would stop a test run; BaseException stands for every exception without keywords (KeyError)
    const forms = [
      ...Object.keys(SPECIAL_BUILTINS).filter((name) => name !== 'breakpoint'),
      ...Object.keys(EXCEPTION_KEYWORDS).filter((name) => name !== 'BaseException'),
    ];
    const lines = fixture.split('\n');
    const called = (name: string, line: string) => new RegExp(`(?<![\\w.])${name}\\(`).test(line);
    expect(forms.filter((name) => !lines.some((line) => called(name, line) && line.includes('exc_info=True')))).toEqual(
      [],
    );
  });

  it.each([
    ['type', 1, []],
    ['type', 3, 'any'],
    ['type', 2, undefined],
    ['type', undefined, undefined],
    ['print', 1, ['end', 'file', 'flush', 'sep']],
    ['AttributeError', 1, ['name', 'obj']],
    ['ModuleNotFoundError', 1, ['name', 'path']],
    ['UnboundLocalError', 1, ['name']],
    ['KeyError', 1, []],
    ['not_a_builtin', 1, undefined],
  ] as const)('%s with %s positional arguments accepts %j', (name, positional, expected) => {
    const got = builtinKeywords(name, positional);
    expect(got instanceof Set ? [...got].sort() : got).toEqual(expected);
  });

  it.skipIf(!pythonVersion)('the committed table is what the script prints under the same Python', (context) => {
    if (minor(pythonVersion!) !== minor(GENERATED_FROM_PYTHON)) {
      console.log(`python3 is ${pythonVersion}, the table came from ${GENERATED_FROM_PYTHON}: not compared`);
      return context.skip();
    }
    const run = spawnSync(PYTHON3!, ['-I', path.join(ROOT, 'scripts/generate-builtin-signatures.py')], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      readFileSync(path.join(ROOT, 'transforms/fix-call-syntax/builtin-signatures.generated.ts'), 'utf8'),
    );
  });

  it.skipIf(!pythonVersion)('every keyword a special form rejects, CPython rejects', () => {
    const snippets: string[] = [];
    for (const [name, forms] of Object.entries(SPECIAL_BUILTINS)) {
      for (const form of forms) {
        if (form.keywords === 'any') continue;
        const args = form.positional === 3 ? '"A", (), {}' : ARGS[name];
        expect(args, `positional arguments for ${name}()`).toBeDefined();
        snippets.push(`${name}(${args}, repomod_probe=1)`);
      }
    }
    for (const [name, keywords] of Object.entries(SPECIAL_STR_METHODS))
      if (keywords !== 'any') snippets.push(`${STR_ARGS[name]}, repomod_probe=1)`);
    for (const name of Object.keys(BUILTIN_EXCEPTION_BASES))
      snippets.push(`${name}(${exceptionArgs(name)}, repomod_probe=1)`);
    const answers = probe(snippets);
    expect(snippets.map((s, i) => `${s} ➔ ${answers[i]}`).filter((_, i) => !mentionsKeyword(answers[i]))).toEqual([]);
    expect(snippets.length).toBeGreaterThan(80);
  });

  it.skipIf(!pythonVersion)('every keyword a special form accepts, CPython accepts', () => {
    // each claimed keyword has a probe, and each probed keyword is claimed: the table says what CPython does
    const claims = [
      ...Object.entries(SPECIAL_BUILTINS).flatMap(([name, forms]) =>
        forms.flatMap((f) => (f.keywords === 'any' ? [] : f.keywords.map((k) => [name, k]))),
      ),
      ...Object.keys(BUILTIN_EXCEPTION_BASES).flatMap((name) => [...exceptionKeywords(name)].map((k) => [name, k])),
    ];
    const probes = ACCEPTED.flatMap((call) =>
      [...call.matchAll(/[(,] ?(\w+)=/g)].map((m) => [call.slice(0, call.indexOf('(')), m[1]]),
    );
    const claimed = (name: string, k: string) =>
      (SPECIAL_BUILTINS[name] ?? []).some((f) => f.keywords === 'any' || f.keywords.includes(k)) ||
      exceptionKeywords(name).has(k) ||
      name.endsWith('.format');
    expect(claims.filter(([name, k]) => !probes.some(([n, pk]) => n === name && pk === k))).toEqual([]);
    expect(probes.filter(([name, k]) => !claimed(name, k))).toEqual([]);
    const answers = probe(ACCEPTED);
    expect(ACCEPTED.map((a, i) => `${a} ➔ ${answers[i]}`).filter((_, i) => answers[i] !== 'ok')).toEqual([]);
    expect(strMethodKeywords('split')).toEqual(new Set(['sep', 'maxsplit']));
  });
});

describe.skipIf(!pythonVersion)('type(e, exc_info=True) in an except handler (the incident)', () => {
  const fixture = (side: string) =>
    readFileSync(
      path.join(fileFixtures('fix-call-syntax'), `builtin-type-in-fstring-of-except-handler.${side}.py`),
      'utf8',
    );
  // the handler runs: publish() calls a sender that fails, the except clause logs and returns False
  const runHandler = (source: string) => {
    const script = `import sys\nns = {"__name__": "fixture"}\nexec(compile(sys.stdin.read(), "fixture.py", "exec"), ns)\ndef fail(): raise ValueError("boom")\ntry:\n    print(ns["publish"](fail))\nexcept TypeError as e:\n    print(f"TypeError: {e}")\n`;
    return spawnSync(PYTHON3!, ['-I', '-c', script], { input: source, encoding: 'utf8' });
  };

  it('the input raises TypeError on the error path; the fixed output logs and returns', () => {
    expect(runHandler(fixture('input')).stdout).toBe('TypeError: type() takes no keyword arguments\n');
    const fixed = runHandler(fixture('output'));
    expect(fixed.stdout).toBe('False\n');
    expect(fixed.stderr).toBe('publish failed: ValueError: boom\n');
  });
});

// The bench's synthetic repository: deterministic, the promised mix and sizes, code that parses.
// (The bench itself is never run here: it takes minutes and loads the machine.)
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error jscodeshift's parser modules ship without type declarations
import babylonParser from 'jscodeshift/parser/babylon.js';
// @ts-expect-error jscodeshift's parser modules ship without type declarations
import tsParser from 'jscodeshift/parser/ts.js';
// @ts-expect-error jscodeshift's parser modules ship without type declarations
import tsxParser from 'jscodeshift/parser/tsx.js';
// (one line: the directive applies to the next line only)
// prettier-ignore
// @ts-expect-error plain ESM JavaScript without type declarations
import { generateFiles, generateRepository, PY_TARGET, TS_TARGET, TS_TARGET_PATH } from '../../../../scripts/bench/generate.mjs';
import { HAS_PYTHON, PYTHON3 } from '../../../helpers/cpython.js';

interface GeneratedFile {
  path: string;
  language: 'python' | 'typescript' | 'javascript';
  targetForms: string[];
  nearMiss: boolean;
  foo: boolean;
  content: string;
}

const generate = (files: number, seed?: number): GeneratedFile[] => [...generateFiles({ files, seed })];
const digest = (files: GeneratedFile[]) => {
  const hash = createHash('sha256');
  for (const f of files) hash.update(f.path).update('\0').update(f.content).update('\0');
  return hash.digest('hex');
};

/**
 * What the parse and compile checks read: the first `head` files, then, for every feature the
 * corpus has and those do not, the first file that has it. Every kind of file the generator plans
 * is parsed at a fraction of the corpus's bytes (babel reads ~0.5 MB/s here, CPython ~1 MB/s).
 */
function covering<T>(files: T[], head: number, features: (f: T) => string[]): T[] {
  const chosen = files.slice(0, head);
  const seen = new Set(chosen.flatMap(features));
  for (const f of files.slice(head)) {
    const unseen = features(f).filter((x) => !seen.has(x));
    if (unseen.length === 0) continue;
    chosen.push(f);
    for (const x of unseen) seen.add(x);
  }
  return chosen;
}

/** The kinds of TS/JS file the generator plans: extension, module system, import forms, tests, near misses, damage. */
const scriptFeatures = (f: GeneratedFile & { broken?: boolean }) =>
  [
    path.extname(f.path),
    /\brequire\(/.test(f.content) ? 'commonjs' : 'esm',
    ...f.targetForms.map((form) => `form:${form}`),
    /\.test\.[jt]sx?$/.test(f.path) ? 'test' : '',
    f.nearMiss ? 'near-miss' : '',
    f.foo ? 'foo' : '',
    f.broken ? 'broken' : '',
  ].filter(Boolean);

/** The kinds of Python file: import forms, tests, packages, near misses. */
const pythonFeatures = (f: GeneratedFile) =>
  [
    ...f.targetForms.map((form) => `form:${form}`),
    /(^|\/)test_\w+\.py$/.test(f.path) ? 'test' : '',
    f.path.endsWith('__init__.py') ? 'package' : '',
    f.nearMiss ? 'near-miss' : '',
  ].filter(Boolean);

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('bench generator', () => {
  const sample = generate(2000);
  const byLanguage = (language: GeneratedFile['language']) => sample.filter((f) => f.language === language);
  const python = byLanguage('python');
  const scripts = [...byLanguage('typescript'), ...byLanguage('javascript')];
  const average = (files: GeneratedFile[]) =>
    files.reduce((sum, f) => sum + Buffer.byteLength(f.content), 0) / files.length;

  it('gives the same bytes for the same size and seed, and different ones for another seed', () => {
    expect(digest(generate(2000))).toBe(digest(sample));
    // another seed at the same size: 100 files hold generated modules of both languages, which is enough to differ
    expect(digest(generate(100, 2))).not.toBe(digest(generate(100)));
  });

  it('makes exactly N files with unique paths, half Python and half TS/JS', () => {
    expect(sample).toHaveLength(2000);
    expect(new Set(sample.map((f) => f.path)).size).toBe(2000);
    expect(python).toHaveLength(1000);
    expect(scripts).toHaveLength(1000);
    expect(byLanguage('javascript').length).toBeGreaterThan(100); // a real share of plain JS
    for (const f of python) expect(f.path).toMatch(/\.py$/);
    for (const f of scripts) expect(f.path).toMatch(f.language === 'typescript' ? /\.ts$/ : /\.js$/);
  });

  it('has realistic sizes: Python ~13 KB and TS/JS ~3 KB on average, some large files', () => {
    expect(average(python)).toBeGreaterThan(11_500);
    expect(average(python)).toBeLessThan(14_500);
    expect(average(scripts)).toBeGreaterThan(2_500);
    expect(average(scripts)).toBeLessThan(3_500);
    expect(Math.max(...python.map((f) => f.content.length))).toBeGreaterThan(35_000);
  });

  it('imports the moved module in a few percent of files, in the forms the rewrite must handle', () => {
    const pyImporters = python.filter((f) => f.targetForms.length);
    const tsImporters = scripts.filter((f) => f.targetForms.length);
    for (const importers of [pyImporters, tsImporters]) {
      expect(importers.length / 1000).toBeGreaterThan(0.03);
      expect(importers.length / 1000).toBeLessThan(0.08);
    }
    for (const f of pyImporters)
      expect(f.content).toMatch(new RegExp(`${PY_TARGET.replace(/\./g, '\\.')}(?!ing)|from common\\.util import lock`));
    for (const f of tsImporters)
      expect(f.content.includes(TS_TARGET) || f.content.includes(TS_TARGET_PATH.split('/').slice(1).join('/'))).toBe(
        true,
      );
    // imports at the top, inside functions and try blocks; string targets in tests
    const forms = new Set(pyImporters.flatMap((f) => f.targetForms));
    for (const form of ['from', 'import-as', 'function', 'try']) expect(forms).toContain(form);
    expect(pyImporters.some((f) => /^ {4,}from common\.util\.lock import/m.test(f.content))).toBe(true);
    expect(python.some((f) => /^try:\n {4}from common\.util\.lock import/m.test(f.content))).toBe(true);
    expect(new Set(tsImporters.flatMap((f) => f.targetForms))).toContain('dynamic');
    // files that merely share the prefix are there too, and do not count as importers
    expect(python.filter((f) => f.nearMiss && !f.targetForms.length).length).toBeGreaterThan(0);
  });

  it('uses the identifier foo in about a tenth of TS/JS files', () => {
    const foo = scripts.filter((f) => f.foo);
    expect(foo.length / scripts.length).toBeGreaterThan(0.06);
    expect(foo.length / scripts.length).toBeLessThan(0.14);
    for (const f of foo) expect(f.content).toMatch(/\bfoo\(/);
    for (const f of scripts.filter((s) => !s.foo)) expect(f.content).not.toMatch(/\bfoo\b/);
  });

  it('writes code with classes, functions, logging and strings', () => {
    const text = python
      .slice(0, 50)
      .map((f) => f.content)
      .join('\n');
    for (const pattern of [/^class \w+/m, /^def \w+\(/m, /logger\.(info|debug|warning|exception)\(/, /"""/])
      expect(text).toMatch(pattern);
    const ts = scripts
      .slice(0, 100)
      .map((f) => f.content)
      .join('\n');
    for (const pattern of [
      /^export class \w+/m,
      /function \w+\(/,
      /logger\.(info|warn|error|debug)\(/,
      /^import .* from '/m,
    ])
      expect(ts).toMatch(pattern);
  });

  it('writes TS and JS that the jscodeshift parsers accept', () => {
    const ts = tsParser();
    const babylon = babylonParser();
    const checked = covering(scripts, 100, scriptFeatures);
    expect(new Set(checked.flatMap(scriptFeatures))).toEqual(new Set(scripts.flatMap(scriptFeatures)));
    for (const f of checked) {
      expect(() => (f.language === 'typescript' ? ts : babylon).parse(f.content), f.path).not.toThrow();
    }
  });

  it.skipIf(!HAS_PYTHON)('writes Python that python3 compiles (skipped without python3)', () => {
    const files = covering(python, 100, pythonFeatures);
    expect(new Set(files.flatMap(pythonFeatures))).toEqual(new Set(python.flatMap(pythonFeatures)));
    const check = spawnSync(
      PYTHON3!,
      [
        '-c',
        'import json, sys\nfor f in json.load(sys.stdin):\n    compile(f["content"], f["path"], "exec")\nprint("ok")',
      ],
      {
        input: JSON.stringify(files.map((f) => ({ path: f.path, content: f.content }))),
        encoding: 'utf8',
      },
    );
    expect(check.stderr).toBe('');
    expect(check.stdout.trim()).toBe('ok');
  });

  it('writes the files and one reproducible commit', () => {
    const commits = [1, 2].map(() => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-generator-test-'));
      temps.push(dir);
      const manifest = generateRepository({ files: 60, out: path.join(dir, 'repo') });
      expect(manifest.files).toBe(60);
      expect(manifest.python.files).toBe(30);
      const root = path.join(dir, 'repo');
      const listed = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).trim().split('\n');
      expect(listed).toHaveLength(61); // + README.md
      expect(readdirSync(root)).toContain('.git');
      expect(execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' })).toBe('');
      return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    });
    expect(commits[0]).toBe(commits[1]);
  });
});

describe('bench generator, typescript shape (the realistic TS/JS corpus)', () => {
  const sample = [...generateFiles({ files: 1500, seed: 3, shape: 'typescript' })] as (GeneratedFile & {
    broken?: boolean;
  })[];
  const scripts = sample.filter((f) => f.language !== 'python');
  const parsers = { ts: tsParser(), tsx: tsxParser(), js: babylonParser() };
  const parserOf = (f: GeneratedFile) => parsers[path.extname(f.path).slice(1) as 'ts' | 'tsx' | 'js'];

  it('is TS/JS only, in .ts, .tsx and .js, with deep folders', () => {
    expect(sample).toHaveLength(1500);
    expect(scripts).toHaveLength(1500);
    for (const ext of ['.ts', '.tsx', '.js'])
      expect(scripts.filter((f) => f.path.endsWith(ext)).length, ext).toBeGreaterThan(100);
    expect(Math.max(...scripts.map((f) => f.path.split('/').length))).toBeGreaterThanOrEqual(7);
  });

  it('has long-tailed sizes and names the moved module in 10-30% of files', () => {
    const sizes = scripts.map((f) => f.content.length).sort((a, b) => a - b);
    const median = sizes[sizes.length >> 1];
    expect(median).toBeGreaterThan(1500);
    expect(sizes.at(-1)!).toBeGreaterThan(20 * median);
    const importers = scripts.filter((f) => f.targetForms.length).length / scripts.length;
    expect(importers).toBeGreaterThan(0.1);
    expect(importers).toBeLessThan(0.3);
    expect(
      scripts.filter(
        (f) =>
          f.content.includes(`'${TS_TARGET_PATH.split('/').slice(1).join('/')}`) ||
          /'(\.\.\/){4,}core\/src\/util'/.test(f.content),
      ).length,
    ).toBeGreaterThan(0);
  });

  it('parses with the jscodeshift parsers, except the few files left with merge markers', () => {
    const broken = scripts.filter((f) => f.broken);
    expect(broken.length).toBeGreaterThan(0);
    expect(broken.length).toBeLessThan(scripts.length * 0.02);
    const checked = covering(scripts, 100, scriptFeatures);
    expect(new Set(checked.flatMap(scriptFeatures))).toEqual(new Set(scripts.flatMap(scriptFeatures)));
    for (const f of checked) {
      if (f.broken) expect(() => parserOf(f).parse(f.content), f.path).toThrow();
      else expect(() => parserOf(f).parse(f.content), f.path).not.toThrow();
    }
    for (const f of broken) expect(() => parserOf(f).parse(f.content), f.path).toThrow();
  });
});

describe('bench generator, python-real shape (the realistic Python corpus)', () => {
  const sample = [...generateFiles({ files: 2000, seed: 3, shape: 'python-real' })] as (GeneratedFile & {
    broken?: string;
  })[];
  const quantile = (sorted: number[], q: number) => sorted[Math.floor(sorted.length * q)];

  it('is Python only, in packages up to 7 folders deep, each folder with its __init__.py', () => {
    expect(sample).toHaveLength(2000);
    expect(sample.every((f) => f.language === 'python' && f.path.endsWith('.py'))).toBe(true);
    expect(Math.max(...sample.map((f) => f.path.split('/').length - 1))).toBeGreaterThanOrEqual(6);
    const paths = new Set(sample.map((f) => f.path));
    for (const f of sample.slice(0, 300))
      for (let dir = path.posix.dirname(f.path); dir !== '.'; dir = path.posix.dirname(dir))
        expect(paths.has(`${dir}/__init__.py`), `${dir}/__init__.py`).toBe(true);
  });

  it('has long-tailed sizes (median a few KB, 99th percentile near 25 KB) and names shared.utils in 10-30% of files', () => {
    const sizes = sample.map((f) => Buffer.byteLength(f.content)).sort((a, b) => a - b);
    expect(quantile(sizes, 0.5)).toBeGreaterThan(2000);
    expect(quantile(sizes, 0.5)).toBeLessThan(6000);
    expect(quantile(sizes, 0.99)).toBeGreaterThan(15_000);
    expect(quantile(sizes, 0.99)).toBeLessThan(40_000);
    expect(sizes.at(-1)!).toBeGreaterThan(60_000);
    const importers = sample.filter((f) => f.targetForms.length).length / sample.length;
    expect(importers).toBeGreaterThan(0.1);
    expect(importers).toBeLessThan(0.3);
    const text = sample.map((f) => f.content).join('\n');
    for (const form of [
      /^from shared\.utils\.lock import \($/m,
      /^import shared\.utils\.lock as lock_mod$/m,
      /^ {4,}from shared\.utils\.lock import FileLock/m,
      /^from \.{2,}utils\.lock import/m,
      /mock\.patch\("shared\.utils\.lock\./,
      /monkeypatch\.setattr\("shared\.utils\.lock\./,
      /importlib\.import_module\("shared\.utils\.lock"\)/,
    ])
      expect(text, String(form)).toMatch(form);
    expect(sample.filter((f) => f.content.includes('\r\n')).length).toBeGreaterThan(10);
    expect(sample.filter((f) => f.content.startsWith('\uFEFF')).length).toBeGreaterThan(5);
  });

  it.skipIf(!HAS_PYTHON)(
    'compiles under CPython, except the few files left with merge markers or Python 2 prints',
    () => {
      const root = mkdtempSync(path.join(os.tmpdir(), 'repomod-bench-py-'));
      temps.push(root);
      // 600 files, not the 2000 above: CPython reads ~1 MB/s here, and 600 hold every kind of file (checked below)
      const files = 600;
      generateRepository({ files, seed: 3, shape: 'python-real', out: root, git: false });
      const script =
        'import pathlib, sys\nfor p in sorted(pathlib.Path(sys.argv[1]).rglob("*.py")):\n    try:\n        compile(p.read_bytes(), str(p), "exec")\n    except SyntaxError:\n        print(p.relative_to(sys.argv[1]))\n';
      const failing = execFileSync(PYTHON3!, ['-c', script, root], { encoding: 'utf8' }).trim().split('\n').sort();
      const written = [...generateFiles({ files, seed: 3, shape: 'python-real' })] as (GeneratedFile & {
        broken?: string;
      })[];
      const kinds = (f: (typeof written)[number]) =>
        [
          ...pythonFeatures(f),
          f.broken ? `broken:${f.broken}` : '',
          f.content.includes('\r\n') ? 'crlf' : '',
          f.content.startsWith('\uFEFF') ? 'bom' : '',
        ].filter(Boolean);
      expect(new Set(written.flatMap(kinds))).toEqual(new Set(sample.flatMap(kinds)));
      const broken = written.filter((f) => f.broken).map((f) => f.path);
      expect(broken.length).toBeGreaterThan(3);
      expect(failing).toEqual(broken.sort());
    },
  );
});

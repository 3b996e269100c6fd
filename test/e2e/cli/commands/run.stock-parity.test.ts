// `repomod run -t` against the real stock jscodeshift 17 runner on the same inputs: whatever
// stock writes, `--apply` writes, byte for byte (loading, skipping, file.path, options, parsers).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repomod, repomodInProcess, REPO_ROOT } from '../../../helpers/cli.js';
import { initRepo, repoWith, snapshotTree, tempDir, type TreeEntry } from '../../../helpers/tree.js';

const STOCK = path.join(REPO_ROOT, 'node_modules/jscodeshift/bin/jscodeshift.js');

/**
 * For the comparisons about what the runner decides (which files, file.path, options, parsers), not
 * about how it loads the transform or where it runs it: both runners in-process and on Node's own
 * require (a plain CommonJS transform loads the same either way). Stock's default costs a forked
 * worker and @babel/register with its presets, ~1.5 s a run, and repomod's babel as much again;
 * the loading and the default start are compared as users run them, in tests of their own below.
 */
const IN_BAND_PLAIN = ['--run-in-band', '--no-babel'];

/** The stock runner, writing in place (its default). */
function stock(cwd: string, args: string[], input?: string): void {
  const run = spawnSync(process.execPath, [STOCK, ...args], { cwd, encoding: 'utf8', input });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
}

/** Transform files in a folder of their own, outside any package.json (CommonJS by Node's rules). */
function transforms(files: Record<string, string>): string {
  const dir = tempDir('repomod-transforms-');
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/**
 * Run stock in a copy of `repo` and `repomod run --apply` in `repo`, both `--silent`, from `cwd`
 * inside them; `$ROOT` in an argument and in the trees' text stands for either root. repomod runs
 * in this process when the transform loads without babel: @babel/register would hook this
 * process's require for the rest of the file, so a babel run gets a process of its own.
 */
async function both(repo: string, args: string[], cwd = '.', input?: string) {
  const copy = tempDir();
  cpSync(repo, copy, { recursive: true });
  stock(path.join(copy, cwd), ['--silent', ...args.map((a) => a.replaceAll('$ROOT', copy))], input);
  const run = args.includes('--no-babel') ? repomodInProcess : repomod;
  const ours = await run(
    path.join(repo, cwd),
    ['run', '--apply', '--silent', ...args.map((a) => a.replaceAll('$ROOT', repo))],
    input,
  );
  expect(ours.stderr).toBe('');
  expect(ours.code).toBe(0);
  return { stock: rooted(snapshotTree(copy), copy), ours: rooted(snapshotTree(repo), repo) };
}

function rooted(tree: Record<string, TreeEntry>, root: string): Record<string, TreeEntry> {
  return Object.fromEntries(
    Object.entries(tree).map(([file, entry]) => [
      file,
      entry.kind === 'file' ? { ...entry, content: entry.content.replaceAll(root, '$ROOT') } : entry,
    ]),
  );
}

describe('repomod run -t, compared with the stock jscodeshift runner', () => {
  it("skips a file on every falsy result ('' included): nothing is emptied", async () => {
    const dir = transforms({
      'falsy.js': [
        "const results = { 'empty.js': '', 'null.js': null, 'undefined.js': undefined, 'false.js': false, 'zero.js': 0 };",
        "module.exports = (file) => (file.path.endsWith('changed.js') ? 'changed();\\n' : results[file.path.split('/').pop()]);",
        '',
      ].join('\n'),
    });
    const files = Object.fromEntries(
      ['empty', 'null', 'undefined', 'false', 'zero', 'changed'].map((name) => [`src/${name}.js`, "require('unused')"]),
    );
    const repo = repoWith(files);
    const { stock: theirs, ours } = await both(repo, [...IN_BAND_PLAIN, '-t', path.join(dir, 'falsy.js'), 'src']);
    expect(ours).toEqual(theirs);
    expect(ours['src/empty.js']).toMatchObject({ content: "require('unused')" });
    expect(ours['src/changed.js']).toMatchObject({ content: 'changed();\n' });
    const json = JSON.parse(
      (await repomodInProcess(repo, ['run', '--no-babel', '-t', path.join(dir, 'falsy.js'), '--json', 'src'])).stdout,
    ) as {
      totals: Record<string, number>;
    };
    expect(json.totals).toMatchObject({ changed: 0, unchanged: 1, skipped: 5 });
  });

  // a timeout of its own: four runs through @babel/register and its presets took 50 s beside another
  // test file under load (20 s alone), against the e2e project's 60 s
  it('loads transforms as stock does: a CommonJS transform requiring an ESM-syntax helper that calls require, an ES module importing CommonJS', async () => {
    const dir = transforms({
      // manual-bind-to-arrow's shape: CommonJS requiring ESM syntax whose code calls `require` when it runs
      'cjs-transform.js':
        "const { rename } = require('./esm-helper');\nmodule.exports = (file, api) => rename(api.jscodeshift, file.source);\n",
      'esm-helper.js':
        "export function rename(j, source) {\n  const { sep } = require('path');\n  return j(source).find(j.Identifier, { name: 'foo' }).forEach((p) => { p.node.name = 'bar' + sep.length; }).toSource();\n}\n",
      // update-react-imports' shape: ESM importing CommonJS whose comment reads like an import
      'esm-transform.js':
        "import rename from './cjs-lib';\nexport default function (file, api) { return rename(api.jscodeshift, file.source); }\n",
      'cjs-lib.js':
        "// use it as: import rename from './cjs-lib'\nmodule.exports = (j, source) => j(source).find(j.Identifier, { name: 'foo' }).forEach((p) => { p.node.name = 'baz'; }).toSource();\n",
    });
    const repo = repoWith({ 'a.js': 'foo(1);\n', 'b.js': 'foo(2);\n' });
    // through @babel/register, as stock loads them by default (that is what is compared); in-process
    const first = await both(repo, ['--run-in-band', '-t', path.join(dir, 'cjs-transform.js'), 'a.js']);
    expect(first.ours).toEqual(first.stock);
    expect(first.ours['a.js']).toMatchObject({ content: 'bar1(1);\n' });
    const second = await both(repo, ['--run-in-band', '-t', path.join(dir, 'esm-transform.js'), 'b.js']);
    expect(second.ours['b.js']).toEqual(second.stock['b.js']);
    expect(second.ours['b.js']).toMatchObject({ content: 'baz(2);\n' });
  }, 120_000);

  it('gives file.path as typed: an absolute path, ./file, a directory joined onto its spelling', async () => {
    const dir = transforms({ 'path.js': 'module.exports = (file) => `// ${file.path}\\n${file.source}`;\n' });
    const repo = repoWith({
      'Widget/index.js': 'a();\n',
      'Widget/sub/x.js': 'b();\n',
      'Widget/y.js': 'c();\n',
      'other/z.js': 'd();\n',
    });
    const args = [
      ...IN_BAND_PLAIN,
      '-t',
      path.join(dir, 'path.js'),
      '$ROOT/Widget/index.js',
      './sub/',
      './y.js',
      '../other',
    ];
    const { stock: theirs, ours } = await both(repo, args, 'Widget');
    expect(ours).toEqual(theirs);
    expect(ours['Widget/index.js']).toMatchObject({ content: '// $ROOT/Widget/index.js\na();\n' });
    expect(ours['Widget/y.js']).toMatchObject({ content: '// ./y.js\nc();\n' });
    expect(ours['Widget/sub/x.js']).toMatchObject({ content: '// sub/x.js\nb();\n' });
  });

  it('--stdin takes the paths one a line, as typed', async () => {
    const dir = transforms({ 'path.js': 'module.exports = (file) => `// ${file.path}\n${file.source}`;\n' });
    const repo = repoWith({ 'a.js': 'a();\n', 'lib/b.js': 'b();\n', 'c.js': 'c();\n' });
    const { stock: theirs, ours } = await both(
      repo,
      [...IN_BAND_PLAIN, '-t', path.join(dir, 'path.js'), '--stdin'],
      '.',
      './a.js\nlib',
    );
    expect(ours).toEqual(theirs);
    expect(ours['a.js']).toMatchObject({ content: '// ./a.js\na();\n' });
    expect(ours['c.js']).toMatchObject({ content: 'c();\n' });
  });

  // stock as users run it: its default forked worker and babel (every key it passes is compared)
  it("passes stock's own keys and unknown flags into options, parsed as stock parses them", async () => {
    const dir = transforms({
      'options.js':
        'module.exports = (file, api, options) => JSON.stringify(Object.fromEntries(Object.entries(options).sort())) + "\\n";\n',
    });
    const repo = repoWith({ 'src/a.js': 'a();\n' });
    const args = [
      '-t',
      path.join(dir, 'options.js'),
      '--n=1e3',
      "--label='quoted'",
      '--quote="quoted"',
      '--flag',
      '--no-other',
      '--list=1',
      '--list=b',
      '--obj={"a":[1]}',
      '--extensions',
      'js,jsx',
      '-c',
      '1',
      'src',
    ];
    const { stock: theirs, ours } = await both(repo, args);
    expect(ours).toEqual(theirs);
    const options = JSON.parse((ours['src/a.js'] as { content: string }).content) as Record<string, unknown>;
    expect(options).toMatchObject({
      n: 1000,
      label: "'quoted'",
      quote: 'quoted',
      flag: true,
      other: false,
      list: [1, 'b'],
      obj: { a: [1] },
      dry: false,
      silent: true,
      parser: 'babel',
      extensions: 'js,jsx',
      cpus: 1,
    });
  });

  it('--parser and --parser-config choose the parser for every file, as stock', async () => {
    const dir = transforms({
      'types.js': [
        'module.exports = (file, api) => {',
        '  const j = api.jscodeshift;',
        '  const types = j(file.source).find(j.Node).nodes().map((n) => n.type).filter((t) => /Type|TS/.test(t));',
        '  return `${file.source}// ${types.join(" ")}\\n`;',
        '};',
        '',
      ].join('\n'),
    });
    writeFileSync(path.join(dir, 'babylon.json'), JSON.stringify({ sourceType: 'module', plugins: ['typescript'] }));
    const repo = repoWith({ 'a.js': 'const x: number = 1;\n' });
    const flow = await both(repo, [...IN_BAND_PLAIN, '-t', path.join(dir, 'types.js'), '--parser', 'flow', 'a.js']);
    expect(flow.ours).toEqual(flow.stock);
    expect(flow.ours['a.js']).toMatchObject({
      content: 'const x: number = 1;\n// TypeAnnotation NumberTypeAnnotation\n',
    });
    const fresh = repoWith({ 'a.js': 'const x: number = 1;\n' });
    const babylon = await both(fresh, [
      ...IN_BAND_PLAIN,
      '-t',
      path.join(dir, 'types.js'),
      '--parser=babylon',
      '--parser-config',
      path.join(dir, 'babylon.json'),
      'a.js',
    ]);
    expect(babylon.ours).toEqual(babylon.stock);
    expect(babylon.ours['a.js']).toMatchObject({
      content: 'const x: number = 1;\n// TSTypeAnnotation TSNumberKeyword\n',
    });
  });

  it('starts like stock by default: cores - 1 workers, so in-process on 2 cores', () => {
    const repo = tempDir();
    mkdirSync(path.join(repo, 'many'));
    for (let i = 0; i < 120; i++)
      writeFileSync(path.join(repo, `many/f${String(i).padStart(3, '0')}.js`), `foo(${i});\n`);
    // 120 files × 25 ms: heavy enough that a pool would start if the default allowed one
    const probe = path.join(transforms({}), 'probe.js');
    writeFileSync(
      probe,
      "const { isMainThread } = require('node:worker_threads');\nmodule.exports = (file, api) => { const until = Date.now() + 25; while (Date.now() < until); api.report(isMainThread ? 'main' : 'worker'); return null; };\n",
    );
    initRepo(repo);
    const run = repomod(repo, ['run', '-t', probe, '--json']);
    const doc = JSON.parse(run.stdout) as { files: { diagnostics: { message: string }[] }[] };
    const threads = new Set(doc.files.flatMap((f) => f.diagnostics.map((d) => d.message)));
    expect(threads.has('main')).toBe(true);
    expect(threads.has('worker')).toBe(os.availableParallelism() > 2);
  });
});

describe('the default extensions', () => {
  it("are stock's: @babel/core's DEFAULT_EXTENSIONS plus ts and tsx", async () => {
    const { STOCK_EXTENSIONS } = await import('../../../../lib/engine/stock-defaults.js');
    const { createRequire } = await import('node:module');
    const fromJscodeshift = createRequire(path.join(REPO_ROOT, 'node_modules/jscodeshift/package.json'));
    const { DEFAULT_EXTENSIONS } = fromJscodeshift('@babel/core') as { DEFAULT_EXTENSIONS: string[] };
    expect(STOCK_EXTENSIONS).toEqual([...DEFAULT_EXTENSIONS, 'ts', 'tsx'].map((e) => e.replace(/^\./, '')).sort());
    expect(readFileSync(STOCK, 'utf8')).toContain("DEFAULT_EXTENSIONS.concat(['ts', 'tsx'])");
  });
});

// The bench's jobs: for each, the command lines of repomod and its competitors doing the same
// rewrite over the same files, how to read each tool's count of changed files, and the targets
// the issues set. ast-grep rule files are written to the scratch directory.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  PY_REAL_PACKAGE,
  PY_REAL_PACKAGE_NEW,
  PY_TARGET,
  PY_TARGET_NEW,
  TS_TARGET,
  TS_TARGET_NEW,
  TS_TARGET_PATH,
  TS_TARGET_PATH_NEW,
} from './generate.mjs';

export const JOB_NAMES = [
  'third-party',
  'rewrite-imports-ts',
  'rewrite-imports-py',
  'rewrite-imports-ts-real',
  'rewrite-imports-py-real',
];

/** The job `--python-repo` adds (not in JOB_NAMES: it runs only on a repository given). */
export const PYTHON_REPOSITORY_JOB = 'rewrite-imports-py-repo';

const SCRIPT_PATHS = ['packages'];
const PYTHON_PATHS = ['common', 'core', 'services'];
/** The top-level folders of the realistic Python platform (generate.mjs --shape python-real). */
const PYTHON_REAL_PATHS = ['libs', 'orchestration', 'services', 'shared'];
/** Calls whose string arguments name modules, for ast-grep's string-target rule. */
const PYTHON_STRING_CALLS = '^((mock|mocker)\\.)?patch|^monkeypatch\\.(set|del)attr|^importlib\\.import_module';
/** For Rust regexes in rule files ('/' and '@' need no escape). */
const regexEscape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * @param ctx {{ project: string, cli: string, jscodeshift: string, astGrep: string, jobs: number,
 *   registered: Set<string>, scratch: string }}
 * @returns job definitions; a tool with `skip` is reported, not run; `variants` are tried in order
 *   on the warm-up repository and the first that works is measured.
 */
export function defineJobs(ctx) {
  const node = process.execPath;
  const repomod = (...args) => [node, ctx.cli, ...args, '--jobs', String(ctx.jobs), '--no-color'];
  const stock = (transform, ...args) => [node, ctx.jscodeshift, '--dry', '--verbose=0', '-t', transform, ...args];
  // `requires`: where ast-grep is not installed (it is an optional devDependency) its column says so and is skipped
  const astGrep = (rule, paths) => [
    { argv: [ctx.astGrep, 'scan', '--rule', rule, '--json=stream', ...paths], requires: ctx.astGrep },
  ];
  const rewriteImports = ctx.registered.has('rewrite-imports');
  const notRegistered = "repomod's rewrite-imports transform is not registered yet (not in `repomod list`)";

  const renameTransform = path.join(ctx.project, '__testfixtures__/third-party/rename-identifier.js');
  const tsMaps = [`${TS_TARGET}=${TS_TARGET_NEW}`, `${TS_TARGET_PATH}=${TS_TARGET_PATH_NEW}`];
  const pyMaps = [`${PY_TARGET}=${PY_TARGET_NEW}`];
  const pyRealMap = `${PY_REAL_PACKAGE}=${PY_REAL_PACKAGE_NEW}`;
  // the stock runner's babel-register cannot resolve the sources' `.js` import suffixes to `.ts`
  // files, so the compiled module (ESM, loaded by Node's require(esm) with --no-babel) is the fallback
  const stockRewrite = (...args) => [
    {
      argv: stock(path.join(ctx.project, 'transforms/rewrite-imports/index.ts'), ...args),
      note: 'transforms/rewrite-imports/index.ts',
      requires: path.join(ctx.project, 'transforms/rewrite-imports/index.ts'),
    },
    {
      argv: stock(path.join(ctx.project, 'dist/transforms/rewrite-imports/index.js'), '--no-babel', ...args),
      note: 'dist/transforms/rewrite-imports/index.js --no-babel (it cannot load the .ts source)',
      requires: path.join(ctx.project, 'dist/transforms/rewrite-imports/index.js'),
    },
  ];

  return [
    {
      name: 'third-party',
      title: 'rename identifier foo ➔ bar: a third-party jscodeshift transform, no prefilter',
      languages: ['typescript', 'javascript'],
      paths: SCRIPT_PATHS,
      expected: (m) => m.typescript.foo + m.javascript.foo,
      tools: [
        {
          tool: 'repomod',
          variants: [{ argv: repomod('run', '-t', renameTransform, '--extensions', 'ts,js', ...SCRIPT_PATHS) }],
        },
        {
          tool: 'jscodeshift',
          variants: [{ argv: stock(renameTransform, '--extensions=ts,js', '--parser=ts', ...SCRIPT_PATHS) }],
        },
        { tool: 'ast-grep', variants: astGrep(writeRule(ctx.scratch, 'rename-foo.yml', renameRules()), SCRIPT_PATHS) },
      ],
      targets: [
        {
          against: 'jscodeshift',
          atLeast: 1.7,
          source: 'issue 2: a third-party transform at --jobs = cores is ≥ 1.7× the stock runner on 2 cores',
        },
      ],
    },
    {
      name: 'rewrite-imports-ts',
      title: `rewrite-imports ${tsMaps.join(' ')} over TS/JS`,
      languages: ['typescript', 'javascript'],
      paths: SCRIPT_PATHS,
      expected: (m) => m.typescript.importers + m.javascript.importers,
      tools: [
        rewriteImports
          ? {
              tool: 'repomod',
              variants: [
                {
                  argv: repomod(
                    'rewrite-imports',
                    ...tsMaps.flatMap((m) => ['--map', m]),
                    '--extensions',
                    'ts,js',
                    ...SCRIPT_PATHS,
                  ),
                },
              ],
            }
          : { tool: 'repomod', skip: notRegistered },
        {
          tool: 'jscodeshift',
          variants: stockRewrite(
            ...tsMaps.map((m) => `--map=${m}`),
            '--extensions=ts,js',
            '--parser=ts',
            ...SCRIPT_PATHS,
          ),
        },
        {
          tool: 'ast-grep',
          variants: astGrep(writeRule(ctx.scratch, 'rewrite-imports-ts.yml', scriptImportRules()), SCRIPT_PATHS),
        },
      ],
      targets: [
        {
          against: 'jscodeshift',
          atLeast: 9,
          source: 'issue 7: the TS rewrite at least 9× the stock jscodeshift runner',
        },
        { against: 'ast-grep', atLeast: 1, source: 'issue 7: no slower than ast-grep doing the same rewrite' },
      ],
      memoryLimitMiB: 200,
    },
    {
      name: 'rewrite-imports-py',
      title: `rewrite-imports ${pyMaps.join(' ')} over Python`,
      languages: ['python'],
      paths: PYTHON_PATHS,
      expected: (m) => m.python.importers,
      tools: [
        rewriteImports
          ? {
              tool: 'repomod',
              variants: [
                {
                  argv: repomod(
                    'rewrite-imports',
                    ...pyMaps.flatMap((m) => ['--map', m]),
                    '--extensions',
                    'py',
                    ...PYTHON_PATHS,
                  ),
                },
              ],
            }
          : { tool: 'repomod', skip: notRegistered },
        // the transform parses Python itself (tree-sitter), so it runs under the stock runner too
        {
          tool: 'jscodeshift',
          variants: stockRewrite(...pyMaps.map((m) => `--map=${m}`), '--extensions=py', ...PYTHON_PATHS),
        },
        {
          tool: 'ast-grep',
          variants: astGrep(
            writeRule(
              ctx.scratch,
              'rewrite-imports-py.yml',
              pythonImportRules(PY_TARGET, PY_TARGET_NEW, { stringCalls: '^(mock\\.|mocker\\.)?patch' }),
            ),
            PYTHON_PATHS,
          ),
        },
      ],
      targets: [{ against: 'ast-grep', atLeast: 1, source: 'issue 7: no slower than ast-grep doing the same rewrite' }],
      memoryLimitMiB: 200,
    },
    {
      // its own repository (generate.mjs --shape typescript): long-tailed sizes, 20% importers, deep paths, broken files
      name: 'rewrite-imports-ts-real',
      shape: 'typescript',
      title: `rewrite-imports ${tsMaps.join(' ')} over a TS/JS monorepo shaped like real ones (.ts, .tsx, .js)`,
      languages: ['typescript', 'javascript'],
      paths: SCRIPT_PATHS,
      expected: (m) => m.typescript.importers + m.javascript.importers,
      // a file with merge markers that names the target fails (it does not parse): not a tool failure
      tolerated: (m) => m.broken ?? 0,
      tools: [
        rewriteImports
          ? {
              tool: 'repomod',
              variants: [
                {
                  argv: repomod(
                    'rewrite-imports',
                    ...tsMaps.flatMap((m) => ['--map', m]),
                    '--extensions',
                    'ts,tsx,js',
                    ...SCRIPT_PATHS,
                  ),
                },
              ],
            }
          : { tool: 'repomod', skip: notRegistered },
        {
          tool: 'jscodeshift',
          variants: stockRewrite(
            ...tsMaps.map((m) => `--map=${m}`),
            '--extensions=ts,tsx,js',
            '--parser=tsx',
            ...SCRIPT_PATHS,
          ),
        },
        {
          tool: 'ast-grep',
          variants: astGrep(
            writeRule(
              ctx.scratch,
              'rewrite-imports-ts-real.yml',
              scriptImportRules(['TypeScript', 'Tsx', 'JavaScript']),
            ),
            SCRIPT_PATHS,
          ),
        },
      ],
      targets: [
        {
          against: 'jscodeshift',
          atLeast: 9,
          source: "issue 16: on a realistic corpus, at most 1/9 of stock jscodeshift's wall time",
        },
        {
          against: 'ast-grep',
          atLeast: 1.25,
          source: "issue 16: on a realistic corpus, at most 0.8× ast-grep's wall time",
        },
      ],
      memoryLimitMiB: 200,
    },
    {
      // its own repository (generate.mjs --shape python-real): a package move with every import form users meet
      name: 'rewrite-imports-py-real',
      shape: 'python-real',
      title: `rewrite-imports ${pyRealMap} over a Python platform shaped like real ones`,
      languages: ['python'],
      paths: PYTHON_REAL_PATHS,
      expected: (m) => m.python.importers,
      // a damaged file whose mention sits in the damage is left unchanged and counted failed: not a tool failure
      tolerated: (m) => m.broken ?? 0,
      tools: [
        rewriteImports
          ? {
              tool: 'repomod',
              variants: [
                { argv: repomod('rewrite-imports', '--map', pyRealMap, '--extensions', 'py', ...PYTHON_REAL_PATHS) },
              ],
            }
          : { tool: 'repomod', skip: notRegistered },
        {
          tool: 'ast-grep',
          variants: astGrep(
            writeRule(
              ctx.scratch,
              'rewrite-imports-py-real.yml',
              pythonImportRules(PY_REAL_PACKAGE, PY_REAL_PACKAGE_NEW, {
                stringCalls: PYTHON_STRING_CALLS,
                relativeDepths: [2, 3, 4, 5, 6, 7, 8],
              }),
            ),
            PYTHON_REAL_PATHS,
          ),
        },
      ],
      targets: [
        {
          against: 'ast-grep',
          atLeast: 1 / 0.6,
          source: "issue 16: on a realistic corpus, at most 0.6× ast-grep's wall time",
        },
      ],
      memoryLimitMiB: 200,
    },
    ...(ctx.pythonRepository ? [pythonRepositoryJob(ctx.pythonRepository)] : []),
  ];

  /**
   * The Python rewrite on a repository of the user's own (`--python-repo DIR --python-map a.b=c.d`):
   * real code, where the files that name a module are not the generator's. The importer count is
   * a regex estimate, so a differing count is a note, not a failure; files that do not parse are
   * the repository's own, so any number is tolerated.
   */
  function pythonRepositoryJob({ from, to, relativeDepths }) {
    const map = `${from}=${to}`;
    return {
      name: PYTHON_REPOSITORY_JOB,
      shape: 'python-repository',
      title: `rewrite-imports ${map} over your Python repository`,
      languages: ['python'],
      paths: ['.'],
      expected: (m) => m.python.importers,
      expectedIsEstimate: true,
      tolerated: () => Infinity,
      tools: [
        rewriteImports
          ? {
              tool: 'repomod',
              variants: [{ argv: repomod('rewrite-imports', '--map', map, '--extensions', 'py', '.') }],
            }
          : { tool: 'repomod', skip: notRegistered },
        {
          tool: 'ast-grep',
          variants: astGrep(
            writeRule(
              ctx.scratch,
              'rewrite-imports-py-repository.yml',
              pythonImportRules(from, to, {
                stringCalls: PYTHON_STRING_CALLS,
                relativeDepths,
              }),
            ),
            ['.'],
          ),
        },
      ],
      targets: [
        {
          against: 'ast-grep',
          atLeast: 1 / 0.6,
          source: "issue 16's Python bound (at most 0.6× ast-grep's wall time), on your repository",
        },
      ],
      memoryLimitMiB: 200,
    };
  }
}

function writeRule(dir, name, text) {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** jscodeshift's `j.Identifier` covers every identifier-like node; tree-sitter splits them into kinds. */
function renameRules() {
  return ['TypeScript', 'JavaScript']
    .map(
      (language) => `id: rename-foo-${language.toLowerCase()}
language: ${language}
rule:
  regex: ^foo$
  any:
    - kind: identifier
    - kind: property_identifier
    - kind: shorthand_property_identifier
    - kind: shorthand_property_identifier_pattern
fix: bar
`,
    )
    .join('---\n');
}

/**
 * Specifiers in import/export statements, require(), import() and jest.mock(): the package rule
 * keeps subpaths; the path rule (relative specifiers that reach packages/core/src/util from
 * another package) is a textual swap, which is what re-relativising gives in this layout.
 */
function scriptImportRules(languages = ['TypeScript', 'JavaScript']) {
  const rules = [
    {
      id: 'package',
      regex: `^${regexEscape(TS_TARGET)}(/|$)`,
      replace: `^${regexEscape(TS_TARGET)}`,
      by: TS_TARGET_NEW,
    },
    {
      id: 'path',
      regex: `^(\\.\\./)+${regexEscape(TS_TARGET_PATH.split('/').slice(1).join('/'))}(/|$)`,
      replace: regexEscape(TS_TARGET_PATH.split('/').slice(1).join('/')),
      by: TS_TARGET_PATH_NEW.split('/').slice(1).join('/'),
    },
  ];
  const docs = [];
  for (const language of languages) {
    for (const rule of rules) {
      docs.push(`id: rewrite-imports-${rule.id}-${language.toLowerCase()}
language: ${language}
rule:
  kind: string_fragment
  regex: '${rule.regex}'
  pattern: $S
  inside:
    kind: string
    inside:
      stopBy: end
      any:
        - kind: import_statement
        - kind: export_statement
        - pattern: require($$$)
        - pattern: import($$$)
        - pattern: jest.mock($$$)
transform:
  NEW:
    replace:
      source: $S
      replace: '${rule.replace}'
      by: '${rule.by}'
fix: $NEW
`);
    }
  }
  return docs.join('---\n');
}

/**
 * Every form the generators write, for the move `from` ➔ `to`: the module path in `import`/`from`
 * (any nesting: functions, try, TYPE_CHECKING), `from parent import leaf`, dotted uses, and string
 * targets of the calls `stringCalls` matches. With `relativeDepths`, relative imports in the
 * parent package's folder that climb to it: `from ..utils` reaches shared.utils from a file two
 * folders down, so there is one rule per depth (`files` and `ignores` bound the depth: ast-grep's
 * globs let a star cross a slash, and match only after a leading double star).
 */
function pythonImportRules(from, to, { stringCalls, relativeDepths = [] }) {
  const old = regexEscape(from);
  const parent = from.split('.').slice(0, -1).join('.');
  const leaf = from.split('.').at(-1);
  const replace = (variable, pattern) => `transform:
  NEW:
    replace:
      source: $${variable}
      replace: '${pattern}'
      by: '${to}'
fix: $NEW
`;
  const rules = [
    `id: module-in-import
language: Python
rule:
  kind: dotted_name
  regex: '^${old}(\\.|$)'
  pattern: $M
  any:
    - inside:
        kind: import_statement
    - inside:
        kind: aliased_import
        inside:
          kind: import_statement
    - inside:
        kind: import_from_statement
        field: module_name
${replace('M', `^${old}`)}`,
    `id: submodule-from-parent
language: Python
rule:
  kind: dotted_name
  regex: '^${regexEscape(parent)}$'
  inside:
    kind: import_from_statement
    field: module_name
    has:
      field: name
      regex: '^${leaf}$'
fix: ${to.split('.').slice(0, -1).join('.')}
`,
    `id: dotted-use
language: Python
rule:
  kind: attribute
  regex: '^${old}$'
fix: ${to}
`,
    `id: string-target
language: Python
rule:
  kind: string_content
  regex: '^${old}(\\.|$)'
  pattern: $S
  inside:
    kind: string
    inside:
      kind: argument_list
      inside:
        kind: call
        regex: '${stringCalls}'
${replace('S', `^${old}`)}`,
  ];
  const folder = parent.replace(/\./g, '/');
  for (const depth of relativeDepths) {
    const dots = '\\.'.repeat(depth);
    rules.push(`id: relative-depth-${depth}
language: Python
files:
  - '**/${folder}/${'*/'.repeat(depth - 1)}*.py'
ignores:
  - '**/${folder}/${'*/'.repeat(depth)}*.py'
rule:
  kind: relative_import
  regex: '^${dots}${leaf}(\\.|$)'
  pattern: $R
  inside:
    kind: import_from_statement
    field: module_name
${replace('R', `^${dots}${leaf}`)}`);
  }
  return rules.join('---\n');
}

/** Files changed and failed, as each tool reports them. */
export function readOutcome(tool, stdoutFile, stderr) {
  const stdout = readFileSync(stdoutFile, 'utf8');
  if (tool === 'repomod') {
    const summary = /(\d+) changed, (\d+) unchanged, (\d+) skipped, (\d+) failed; ([^(\n]*)/.exec(stderr);
    const diffs = stdout.match(/^diff --git /gm)?.length ?? 0;
    return summary
      ? { changed: Number(summary[1]), failed: Number(summary[4]), findings: summary[5].trim(), diffs }
      : { changed: diffs, failed: null, diffs };
  }
  if (tool === 'jscodeshift') {
    const results = /(\d+) errors\s+(\d+) unmodified\s+(\d+) skipped\s+(\d+) ok/.exec(stdout);
    return results
      ? { changed: Number(results[4]), failed: Number(results[1]), skipped: Number(results[3]) }
      : { changed: null, failed: null };
  }
  const files = new Set();
  let matches = 0;
  for (const line of stdout.split('\n')) {
    if (!line) continue;
    matches++;
    files.add(JSON.parse(line).file);
  }
  return { changed: files.size, failed: null, matches };
}

// `--shape python-real`: a Python platform shaped like real ones, for the realistic rewrite-imports
// job: the `shared.utils` package has moved to `orchestration.shared.utils` (the bench maps the old
// name to the new), file sizes with a long tail (median ~3 KB, 99th percentile ~25 KB, a few
// generated modules up to 150 KB), deep packages, a sixth of the files naming the moved package in
// every form users meet (plain, aliased, from, parenthesised, relative, lazy, try, TYPE_CHECKING,
// importlib and mock/monkeypatch string targets), and a few files that do not parse (a merge left
// half-done, Python 2 prints), with CRLF line endings or a BOM.
import { AREAS, NOUNS, SERVICES, VERBS, pascal, weightedPick } from './random.mjs';
import { lockModule, pythonModule } from './python-code.mjs';

/** The package the job moves, and where it now lives. */
export const PY_REAL_PACKAGE = 'shared.utils';
export const PY_REAL_PACKAGE_NEW = 'orchestration.shared.utils';
/** The module inside it that importers name (its last segment is what a prefilter can look for). */
const TARGET = `${PY_REAL_PACKAGE}.lock`;

/** Share of files that name the moved package (real repositories: 10–30%); files in `shared/` itself use it more. */
const IMPORTER_RATE = 0.16;
const SHARED_IMPORTER_RATE = 0.5;
const NEAR_MISS_RATE = 0.02;
/** Files that do not parse: merge-conflict markers, and Python 2 `print` statements. */
const CONFLICT_RATE = 0.004;
const PY2_RATE = 0.004;
const CRLF_RATE = 0.02;
const BOM_RATE = 0.01;
/** Generated modules (protobuf stubs, migrations with data): 60–150 KB. */
const HUGE_RATE = 0.003;
/** Log-normal sizes, median ~3 KB: `random.size` takes the mean, which is median·e^(σ²/2). */
const SIGMA = 0.95;
const MEDIAN = 2300;
const MEAN = Math.round(MEDIAN * Math.exp((SIGMA * SIGMA) / 2));
const LAYERS = ['processors', 'handlers', 'adapters', 'domain', 'jobs', 'clients', 'models', 'pipelines', 'tests'];

/**
 * Every file's plan: the moved package at its new home, what stayed in `shared/` (whose modules
 * reach the moved package through relative imports), then services, libraries and orchestration
 * packages two to seven folders deep, each folder a package with its `__init__.py`.
 * @param fixed (path, language, text) => entry, for files with fixed text
 */
export function planRealisticPython(random, count, fixed) {
  const entries = [
    fixed('orchestration/__init__.py', 'python', ''),
    fixed('orchestration/shared/__init__.py', 'python', ''),
    fixed('orchestration/shared/utils/__init__.py', 'python', '"""Helpers every service shares."""\n'),
    fixed('orchestration/shared/utils/lock.py', 'python', lockModule(TARGET)),
    fixed(
      'orchestration/shared/utils/locking.py',
      'python',
      '"""Deprecated alias."""\nfrom .lock import *  # noqa: F401,F403\n',
    ),
    fixed('shared/__init__.py', 'python', ''),
  ];
  const packages = new Set(['orchestration', 'orchestration/shared', 'orchestration/shared/utils', 'shared']);
  const roots = [
    { dir: 'shared', files: Math.max(20, Math.round(count * 0.06)) },
    ...Array.from({ length: 12 }, (_, i) => ({ dir: `services/${SERVICES[i]}`, files: 0 })),
    { dir: 'libs/platform_core', files: 0 },
    { dir: 'orchestration/dags', files: 0 },
  ];
  // the rest spread unevenly over the other roots, as real services differ in size
  let left = count - entries.length - roots[0].files;
  const weights = roots.slice(1).map(() => 0.3 + random.next());
  const total = weights.reduce((a, b) => a + b, 0);
  roots.slice(1).forEach((root, i) => (root.files = Math.floor((left * weights[i]) / total)));
  left -= roots.slice(1).reduce((a, r) => a + r.files, 0);
  roots[1].files += left;

  for (const root of roots) {
    const inRoot = [];
    const dirs = [];
    for (let d = 0; d < Math.max(2, Math.ceil(root.files / 14)); d++) {
      const depth = random.range(1, root.dir === 'shared' ? 3 : 5);
      const parts = [
        root.dir === 'shared' ? random.pick(['db', 'clients', 'config', 'events', 'auth']) : random.pick(LAYERS),
      ];
      for (let i = 1; i < depth; i++) parts.push(i === 1 ? random.pick(AREAS) : random.pick(NOUNS));
      dirs.push(`${root.dir}/${parts.join('/')}`);
    }
    const names = new Set();
    for (let made = 0; made < root.files && entries.length < count;) {
      const dir = random.pick(dirs);
      // every folder on the way is a package (its __init__.py counts as one of the root's files)
      const segments = dir.split('/');
      for (let i = 1; i <= segments.length && made < root.files; i++) {
        const pkg = segments.slice(0, i).join('/');
        if (packages.has(pkg)) continue;
        packages.add(pkg);
        entries.push(
          fixed(`${pkg}/__init__.py`, 'python', random.chance(0.7) ? '' : `"""${pascal(segments[i - 1])}."""\n`),
        );
        made++;
      }
      if (made >= root.files) break;
      const test = dir.includes('/tests') || random.chance(0.1);
      let base = test
        ? `test_${random.pick(NOUNS)}_${random.pick(VERBS)}`
        : `${random.pick(VERBS)}_${random.pick(NOUNS)}`;
      while (names.has(`${dir}/${base}`)) base += '_2';
      names.add(`${dir}/${base}`);
      const entry = {
        path: `${dir}/${base}.py`,
        language: 'python',
        module: `${dir}/${base}`.replace(/\//g, '.'),
        target: TARGET,
        relativeTarget: dir.startsWith('shared/') ? relativeTo(dir, TARGET) : undefined,
        test,
        siblings: [],
        nearMiss: false,
        realNearMiss: random.chance(NEAR_MISS_RATE),
        foo: false,
        size: random.chance(HUGE_RATE) ? random.range(60_000, 150_000) : random.size(MEAN, SIGMA, 150, 60_000),
        broken: random.chance(CONFLICT_RATE) ? 'conflict' : random.chance(PY2_RATE) ? 'python2' : undefined,
        crlf: random.chance(CRLF_RATE),
        bom: random.chance(BOM_RATE),
      };
      const rate = dir.startsWith('shared/') ? SHARED_IMPORTER_RATE : IMPORTER_RATE;
      entry.targetForms = random.chance(rate) ? realForms(random, entry) : [];
      entries.push(entry);
      inRoot.push(entry);
      made++;
    }
    for (const entry of inRoot)
      entry.siblings = random
        .sample(
          inRoot.filter((e) => !e.test && e !== entry),
          6,
        )
        .map((e) => e.module);
  }
  return entries;
}

/** `from ..utils.lock import …` written in package `dir` (a folder under shared/). */
function relativeTo(dir, target) {
  const depth = dir.split('/').length; // shared/db ➔ 2 ➔ `..`
  return `${'.'.repeat(depth)}${target.split('.').slice(1).join('.')}`;
}

function realForms(random, entry) {
  const weighted = entry.test
    ? [
        ['mock-patch', 5],
        ['monkeypatch', 2],
        ['from', 3],
        ['function', 2],
      ]
    : [
        ['from', 30],
        ['from-parenthesised', 10],
        ['import-as', 8],
        ['import-dotted', 8],
        ['function', 15],
        ['try', 6],
        ['from-parent', 8],
        ['type-checking', 6],
        ['importlib', 4],
        ...(entry.relativeTarget ? [['relative', 60]] : []),
      ];
  const forms = new Set([weightedPick(random, weighted)]);
  if (random.chance(0.2)) forms.add(weightedPick(random, weighted));
  return [...forms];
}

/** One module: the bench's Python text, then near misses, damage, line endings and BOM as planned. */
export function realisticPythonModule(random, entry) {
  let text = pythonModule(random, entry);
  const lines = text.split('\n');
  const importEnd = Math.max(
    1,
    lines.findIndex((l) => l.startsWith('logger = ')),
  );
  if (entry.realNearMiss) {
    // names that share a prefix or a segment with the moved package, none of them in it
    lines.splice(
      importEnd,
      0,
      random.pick([
        'from shared.utilities import chunked  # not the moved package',
        'import myshared.utils as legacy_utils',
        '# shared.utils moved to orchestration: see the migration notes',
        'from libs.shared.utils import lock as local_lock',
      ]),
    );
  }
  if (entry.broken === 'conflict') {
    // a merge conflict committed by mistake: no parser accepts the markers
    const at = outsideStrings(lines, random.range(Math.min(importEnd + 1, lines.length - 1), lines.length - 1));
    lines.splice(
      at,
      0,
      '<<<<<<< HEAD',
      lines[at] ?? '',
      '=======',
      `# ${random.pick(VERBS)} ${random.pick(NOUNS)}`,
      '>>>>>>> main',
    );
  } else if (entry.broken === 'python2') {
    // a module nobody ported: Python 2 print statements
    const at = outsideStrings(lines, random.range(Math.min(importEnd + 1, lines.length - 1), lines.length - 1));
    lines.splice(
      at,
      0,
      '',
      '',
      'def legacy_dump(rows):',
      '    for row in rows:',
      '        print "row %s" % (row,)',
      '    print',
    );
  }
  text = lines.join('\n');
  if (entry.crlf) text = text.replace(/\n/g, '\r\n');
  if (entry.bom) text = `\uFEFF${text}`;
  return text;
}

/**
 * The first line at or after `at` that does not start inside a triple-quoted string: damage put
 * inside a docstring or an SQL constant is only text, and the file would compile after all.
 */
function outsideStrings(lines, at) {
  let inString = false;
  for (let i = 0; i < lines.length; i++) {
    if (i >= at && !inString) return i;
    // multi-line text is only ever quoted with """: an odd count on a line opens or closes it
    if ((lines[i].split('"""').length - 1) % 2 === 1) inString = !inString;
  }
  return lines.length;
}

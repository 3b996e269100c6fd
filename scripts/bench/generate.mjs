#!/usr/bin/env node
// Deterministic synthetic repository for `npm run bench`: half Python (services/…, ~13 KB a
// file), half TypeScript/JavaScript (packages/…, ~3 KB a file), with ~5% of files importing the
// module the rewrite-imports jobs move and ~10% of TS/JS files using an identifier `foo`.
// The same --files and --seed give the same bytes (and the same commit) on every machine.
// `--shape python` makes a Python-only repository shaped like a real service monorepo instead
// (long-tail sizes averaging ~3 KB, packages, classes whose bases come from other modules, a few
// planted findings): what `repomod check` is timed on. `--shape typescript` makes a TS/JS-only
// monorepo shaped like real ones (realistic-ts.mjs): what the realistic rewrite-imports job runs on.
// `--shape python-real` makes a Python platform shaped like real ones (realistic-py.mjs), where the
// `shared.utils` package moved: what the realistic Python rewrite-imports job runs on.
//
//   node scripts/bench/generate.mjs [--files N] [--seed S] [--shape mixed|python|python-real|typescript] [--out DIR] [--no-git]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lockModule, pythonModule, PY_TARGET } from './python-code.mjs';
import { AREAS, NOUNS, SERVICES, VERBS, createRandom, hashSeed, pascal, weightedPick } from './random.mjs';
import { TS_TARGET, TS_TARGET_PATH, TS_TARGET_PATH_NEW, tsModule } from './ts-code.mjs';
import { planRealisticScripts, realisticModule } from './realistic-ts.mjs';
import { PY_REAL_PACKAGE, PY_REAL_PACKAGE_NEW, planRealisticPython, realisticPythonModule } from './realistic-py.mjs';

export { PY_REAL_PACKAGE, PY_REAL_PACKAGE_NEW, PY_TARGET, TS_TARGET, TS_TARGET_PATH, TS_TARGET_PATH_NEW };
export const SHAPES = ['mixed', 'python', 'python-real', 'typescript'];
/** Where the moved modules live after `git mv` (the bench maps old ➔ new). */
export const PY_TARGET_NEW = 'core.sync.lock';
export const TS_TARGET_NEW = '@acme/platform/util';

export const DEFAULTS = { files: 20000, seed: 1, shape: 'mixed' };
/** `--shape python`: target module size (log-normal, wide: most files a few KB, a few over 50 KB; the generated text averages ~3 KB). */
const PY_SHAPED_MEAN = 1500;
const PY_SHAPED_SIGMA = 1.1;
/** `--shape python`: share of modules with a planted finding (an inconsistent MRO, a repeated keyword). */
const PLANT_RATE = 0.004;
/** Share of files that import the moved module, and of TS/JS files that use `foo`. */
const IMPORTER_RATE = 0.05;
const NEAR_MISS_RATE = 0.01;
const FOO_RATE = 0.1;
/** Mean sizes of ordinary modules; package `__init__.py` and index files pull the average down to ~13 KB / ~3 KB. */
const PY_MEAN = 9700;
const TS_MEAN = 1400;
const PER_DIR = 20;

/**
 * Every file of the synthetic repository, in path order of generation, built lazily.
 * @returns {Generator<{ path: string, language: 'python'|'typescript'|'javascript', targetForms: string[], nearMiss: boolean, foo: boolean, content: string }>}
 */
export function* generateFiles({ files = DEFAULTS.files, seed = DEFAULTS.seed, shape = DEFAULTS.shape } = {}) {
  if (!Number.isInteger(files) || files < 40)
    throw new Error(`--files must be an integer of at least 40 (got ${files})`);
  if (!SHAPES.includes(shape)) throw new Error(`--shape must be one of ${SHAPES.join(', ')} (got ${shape})`);
  const plan = createRandom(hashSeed(seed, `plan:${files}`));
  if (shape === 'typescript') {
    for (const entry of planRealisticScripts(plan, files, fixed, TS_UTIL_MODULE)) yield build(entry, seed);
    return;
  }
  if (shape === 'python-real') {
    for (const entry of planRealisticPython(plan, files, fixed)) yield build(entry, seed);
    return;
  }
  if (shape === 'python') {
    for (const entry of planPython(plan, files, { hierarchy: true })) yield build(entry, seed);
    return;
  }
  const pyCount = Math.floor(files / 2);
  for (const entry of planPython(plan, pyCount)) yield build(entry, seed);
  for (const entry of planScripts(plan, files - pyCount)) yield build(entry, seed);
}

function build(entry, seed) {
  const random = createRandom(hashSeed(seed, entry.path));
  const content =
    entry.fixed ??
    (entry.language === 'python'
      ? entry.target
        ? realisticPythonModule(random, entry)
        : pythonModule(random, entry)
      : entry.realistic
        ? realisticModule(random, entry)
        : tsModule(random, entry));
  return {
    path: entry.path,
    language: entry.language,
    targetForms: entry.targetForms,
    nearMiss: entry.nearMiss,
    foo: entry.foo,
    planted: entry.planted,
    broken: entry.broken,
    content,
  };
}

const fixed = (filePath, language, text) => ({
  path: filePath,
  language,
  fixed: text,
  targetForms: [],
  nearMiss: false,
  foo: false,
});

/**
 * Python half: the moved module's new home, then services/<svc>/<area>/ packages of ~20 modules.
 * With `hierarchy`, also core/base.py and a base.py per service whose classes the modules subclass.
 */
function planPython(random, count, { hierarchy = false } = {}) {
  const entries = [
    fixed('common/__init__.py', 'python', ''),
    fixed('common/util/__init__.py', 'python', '"""Shared utilities (the lock helpers moved to core.sync.lock)."""\n'),
    fixed(
      'common/util/locking.py',
      'python',
      '"""In-process mutexes; unrelated to core.sync.lock despite the name."""\nimport threading\n\n\nclass Mutex:\n    def __init__(self) -> None:\n        self._lock = threading.Lock()\n',
    ),
    fixed('core/__init__.py', 'python', ''),
    fixed('core/sync/__init__.py', 'python', ''),
    fixed('core/sync/lock.py', 'python', lockModule(PY_TARGET)),
  ];
  const modules = [];
  const byService = new Map();
  for (let dir = 0; entries.length < count; dir++) {
    const s = Math.floor(dir / 8);
    const service =
      SERVICES[s % SERVICES.length] + (s >= SERVICES.length ? `_${Math.floor(s / SERVICES.length) + 1}` : '');
    const slot = dir % 8;
    const area = slot === 7 ? 'tests' : AREAS[(s * 3 + slot) % AREAS.length];
    if (dir === 0) entries.push(fixed('services/__init__.py', 'python', ''));
    if (dir === 0 && hierarchy) entries.push(fixed('core/base.py', 'python', PY_CORE_BASE));
    if (slot === 0 && entries.length < count)
      entries.push(fixed(`services/${service}/__init__.py`, 'python', `"""The ${service} service."""\n`));
    if (slot === 0 && hierarchy && entries.length < count)
      entries.push(fixed(`services/${service}/base.py`, 'python', serviceBase(service)));
    const base = `services/${service}/${area}`;
    const names = new Set();
    const inDir = [];
    const room = Math.min(PER_DIR, count - entries.length - 1); // one slot for the package's __init__.py
    for (let i = 0; i < room; i++) {
      let name =
        area === 'tests'
          ? `test_${random.pick(NOUNS)}_${random.pick(VERBS)}`
          : random.chance(0.5)
            ? `${random.pick(VERBS)}_${random.pick(NOUNS)}`
            : `${random.pick(NOUNS)}_${random.pick(['service', 'models', 'client', 'handlers', 'utils', 'jobs'])}`;
      while (names.has(name)) name += '_v2';
      names.add(name);
      inDir.push(name);
    }
    if (entries.length >= count) break;
    entries.push(fixed(`${base}/__init__.py`, 'python', initModule(random, base, inDir)));
    for (const name of inDir) {
      const module = `${base}/${name}`.replace(/\//g, '.');
      const entry = {
        path: `${base}/${name}.py`,
        language: 'python',
        module,
        test: area === 'tests',
        siblings: [],
        nearMiss: random.chance(NEAR_MISS_RATE),
        foo: false,
      };
      entry.targetForms = random.chance(IMPORTER_RATE) ? pythonForms(random, entry.test) : [];
      entry.size = hierarchy
        ? random.size(PY_SHAPED_MEAN, PY_SHAPED_SIGMA, 200, 160_000)
        : random.size(PY_MEAN, 0.6, 600, 160_000);
      if (hierarchy) {
        entry.bases = `services.${service}.base`;
        if (random.chance(PLANT_RATE)) entry.planted = random.chance(0.5) ? 'inconsistent-mro' : 'repeated-keyword';
      }
      entries.push(entry);
      modules.push(entry);
      if (!byService.has(service)) byService.set(service, []);
      byService.get(service).push(entry);
    }
  }
  for (const entry of modules) {
    const service = entry.path.split('/')[1];
    entry.siblings = random
      .sample(
        byService.get(service).filter((e) => !e.test),
        6,
      )
      .map((e) => e.module);
  }
  return entries;
}

const PY_CORE_BASE = `"""Base classes every service builds on."""
import abc
import logging


class Component(abc.ABC):
    """Something with a name and a logger."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.logger = logging.getLogger(name)


class Lifecycle:
    def start(self) -> None:
        self.started = True

    def stop(self) -> None:
        self.started = False
`;

/** A service's base classes: a mixin chain and a processor base the service's modules subclass. */
function serviceBase(service) {
  return `"""Bases of the ${service} service's processors."""
from core.base import Component, Lifecycle


class RetryMixin:
    max_attempts = 3


class AuditMixin(RetryMixin):
    audit_channel = "${service}"


class ServiceBase(Lifecycle, Component):
    service = "${service}"


class ProcessorBase(AuditMixin, ServiceBase):
    """Processors retry, audit and have a lifecycle."""
`;
}

function initModule(random, base, names) {
  if (random.chance(0.5)) return '';
  const picked = random.sample(
    names.filter((n) => !n.startsWith('test_')),
    2,
  );
  const lines = [`"""${base.split('/').slice(1).join(' ')} package."""`];
  for (const name of picked) lines.push(`from .${name} import ${pascal(random.pick(NOUNS), 'service')}`);
  return `${lines.join('\n')}\n`;
}

function pythonForms(random, test) {
  const weighted = test
    ? [
        ['mock-patch', 5],
        ['from', 3],
        ['function', 2],
      ]
    : [
        ['from', 35],
        ['from-parenthesised', 10],
        ['import-as', 12],
        ['import-dotted', 10],
        ['function', 15],
        ['try', 10],
        ['from-parent', 8],
      ];
  const forms = new Set([weightedPick(random, weighted)]);
  if (random.chance(0.2)) forms.add(weightedPick(random, weighted));
  return [...forms];
}

/** TS/JS half: the moved module's new home, then packages/<pkg>/{src,lib}/<area>/ modules; every fourth package is JavaScript. */
function planScripts(random, count) {
  const entries = [
    fixed(`${TS_TARGET_PATH_NEW}/index.ts`, 'typescript', TS_UTIL_MODULE),
    fixed(
      `${TS_TARGET_PATH_NEW}/types.ts`,
      'typescript',
      'export interface RetryOptions {\n  attempts?: number;\n  delayMs?: number;\n}\n',
    ),
  ];
  const roles = ['api', 'web', 'worker', 'sdk', 'cli'];
  for (let p = 0; entries.length < count; p++) {
    const name = `${SERVICES[p % SERVICES.length]}-${roles[Math.floor(p / SERVICES.length) % roles.length]}${p >= SERVICES.length * roles.length ? `-${Math.floor(p / (SERVICES.length * roles.length)) + 1}` : ''}`;
    const javascript = p % 4 === 3;
    const commonjs = javascript && p % 8 === 7;
    const esmExtensions = !commonjs && (javascript || p % 3 === 0); // `./x.js` specifiers (Node ESM, TS nodenext)
    const ext = javascript ? 'js' : 'ts';
    const srcDir = `packages/${name}/${javascript ? 'lib' : 'src'}`;
    const files = [];
    const areas = random.sample(AREAS, 6);
    for (const area of areas) {
      const names = new Set();
      for (let i = 0; i < 15; i++) {
        const test = random.chance(0.15);
        let base = test
          ? `${random.pick(NOUNS)}-${random.pick(VERBS)}.test`
          : `${random.pick(NOUNS)}-${random.pick(['service', 'store', 'client', 'handlers', 'utils', 'model'])}`;
        while (names.has(base)) base += '-2';
        names.add(base);
        files.push({ dir: `${srcDir}/${area}`, base, test });
      }
    }
    const index = `${srcDir}/index.${ext}`;
    if (entries.length < count)
      entries.push(
        fixed(
          index,
          javascript ? 'javascript' : 'typescript',
          indexModule(files.filter((f) => !f.test).slice(0, 6), srcDir, commonjs, esmExtensions),
        ),
      );
    for (const file of files) {
      if (entries.length >= count) break;
      const filePath = `${file.dir}/${file.base}.${ext}`;
      const siblings = random
        .sample(
          files.filter((f) => f !== file && !f.test),
          5,
        )
        .map((f) => specifier(file.dir, `${f.dir}/${f.base}`, esmExtensions));
      const entry = {
        path: filePath,
        language: javascript ? 'javascript' : 'typescript',
        typescript: !javascript,
        commonjs,
        test: file.test,
        siblings,
        relativeTarget: specifier(file.dir, TS_TARGET_PATH, false),
        nearMiss: random.chance(NEAR_MISS_RATE),
        foo: random.chance(FOO_RATE),
        size: random.size(TS_MEAN, 0.6, 400, 60_000),
      };
      entry.targetForms = random.chance(IMPORTER_RATE) ? scriptForms(random, entry) : [];
      entries.push(entry);
    }
  }
  return entries;
}

const TS_UTIL_MODULE = `// Retry and timeout helpers (moved here from packages/core/src/util).
import type { RetryOptions } from './types';

export async function retry<T>(fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
}
`;

function indexModule(files, srcDir, commonjs, esmExtensions) {
  const lines = ['// Public surface of the package.'];
  for (const file of files) {
    const spec = specifier(srcDir, `${file.dir}/${file.base}`, esmExtensions);
    lines.push(
      commonjs ? `module.exports.${pascal(...file.base.split('-'))} = require('${spec}');` : `export * from '${spec}';`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A relative specifier from `fromDir` to the extension-less module path `to`. */
export function specifier(fromDir, to, withJs) {
  let rel = path.posix.relative(fromDir, to);
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return withJs ? `${rel}.js` : rel;
}

export function scriptForms(random, entry) {
  // one way of getting the value (two `retry` bindings would not parse), plus optional extras
  const forms = [
    weightedPick(random, [
      ['import', 60],
      ['relative', 15],
      ['dynamic', 15],
      ['export-from', 10],
    ]),
  ];
  if (entry.typescript && random.chance(0.2)) forms.push('import-type');
  if (random.chance(0.05) && !entry.commonjs) forms.push('side-effect');
  if (entry.test && random.chance(0.5)) forms.push('jest-mock');
  return forms;
}

/**
 * Write the repository to `out` (a new temp dir by default), `git init` and commit it.
 * @returns the manifest: counts, bytes and importers per language.
 */
export function generateRepository({
  files = DEFAULTS.files,
  seed = DEFAULTS.seed,
  shape = DEFAULTS.shape,
  out,
  git = true,
} = {}) {
  const root = out ? path.resolve(out) : mkdtempSync(path.join(os.tmpdir(), `repomod-bench-${files}-`));
  if (existsSync(root) && readdirSync(root).length > 0)
    throw new Error(`${root} is not empty; give an empty or new --out directory`);
  mkdirSync(root, { recursive: true });
  const manifest = {
    root,
    seed,
    shape,
    files: 0,
    python: { files: 0, bytes: 0, importers: 0 },
    typescript: { files: 0, bytes: 0, importers: 0, foo: 0 },
    javascript: { files: 0, bytes: 0, importers: 0, foo: 0 },
  };
  const made = new Set();
  for (const file of generateFiles({ files, seed, shape })) {
    const abs = path.join(root, file.path);
    const dir = path.dirname(abs);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(abs, file.content);
    const stats = manifest[file.language];
    manifest.files++;
    stats.files++;
    if (file.broken) manifest.broken = (manifest.broken ?? 0) + 1;
    if (file.planted) (manifest.planted ??= {})[file.planted] = (manifest.planted[file.planted] ?? 0) + 1;
    stats.bytes += Buffer.byteLength(file.content);
    if (file.targetForms.length) stats.importers++;
    if (file.foo) stats.foo++;
  }
  writeFileSync(
    path.join(root, 'README.md'),
    `# Synthetic repository\n\nGenerated by repomod's scripts/bench/generate.mjs --files ${files} --seed ${seed} --shape ${shape}.\n`,
  );
  if (git) commitAll(root, `synthetic repository: ${files} files, seed ${seed}`);
  return manifest;
}

/** `git init` and one commit with fixed identity and dates, so the commit id is reproducible too. */
function commitAll(root, message) {
  const date = '2024-01-01T00:00:00Z';
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'bench',
    GIT_AUTHOR_EMAIL: 'bench@repomod.dev',
    GIT_COMMITTER_NAME: 'bench',
    GIT_COMMITTER_EMAIL: 'bench@repomod.dev',
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  };
  // no automatic gc: a commit of more than ~6,700 new objects (the 7,000- and 16,000-file
  // repositories) otherwise starts `git gc` in the background, which kept both cores busy for the
  // first ~20 s of the measured runs (and told repomod's pool there was no idle core)
  const settings = ['commit.gpgsign=false', 'core.hooksPath=/dev/null', 'gc.auto=0', 'maintenance.auto=false'];
  const git = (...args) =>
    execFileSync('git', [...settings.flatMap((setting) => ['-c', setting]), ...args], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '--no-verify', '-m', message);
}

function parseArgs(argv) {
  const options = { ...DEFAULTS, git: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--files') options.files = Number(value());
    else if (arg === '--seed') options.seed = Number(value());
    else if (arg === '--shape') options.shape = value();
    else if (arg === '--out') options.out = value();
    else if (arg === '--no-git') options.git = false;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(
        `usage: node scripts/bench/generate.mjs [--files N] [--seed S] [--shape ${SHAPES.join('|')}] [--out DIR] [--no-git]\n`,
      );
      process.exit(0);
    } else throw new Error(`unknown argument '${arg}'`);
  }
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const manifest = generateRepository(parseArgs(process.argv.slice(2)));
    process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
  } catch (error) {
    process.stderr.write(`generate: error: ${error.message}\n`);
    process.exit(2);
  }
}

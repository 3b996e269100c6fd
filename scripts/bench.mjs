#!/usr/bin/env node
// `npm run bench`: generate a synthetic repository and time repomod against the stock jscodeshift
// runner and ast-grep doing the same rewrite over the same files, side by side in one run.
// Not part of `npm test`. See `npm run bench -- --help`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULTS,
  PY_REAL_PACKAGE,
  PY_TARGET,
  TS_TARGET,
  TS_TARGET_PATH,
  generateRepository,
} from './bench/generate.mjs';
import { JOB_NAMES, PYTHON_REPOSITORY_JOB, defineJobs, readOutcome } from './bench/jobs.mjs';
import { canSampleProc, detectGnuTime, measure } from './bench/measure.mjs';
import { formatJob, formatScale, formatHeader, formatShapedRepository } from './bench/report.mjs';
import { CHECK_FILES, formatCheckSection, runCheckSection } from './bench/check-section.mjs';

const project = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(project, 'dist/cli/index.js');
const JSCODESHIFT = path.join(project, 'node_modules/jscodeshift/bin/jscodeshift.js');
const AST_GREP = path.join(project, 'node_modules/.bin/ast-grep');
const WARM_FILES = 400;
const SCALE_FACTOR = 8;
/** Files in the realistic TS/JS monorepo (`--shape typescript`) of the rewrite-imports-ts-real job: issue 16's size. */
const REAL_TS_FILES = 7000;
/** Files in the realistic Python platform (`--shape python-real`) of rewrite-imports-py-real and --scale: issue 16's size. */
const REAL_PY_FILES = 2000;
/** The jobs, then the `check` section (its own Python repository, cold and warm fact cache). */
const SECTION_NAMES = [...JOB_NAMES, 'check'];

const USAGE = `usage: npm run bench -- [options]

Generates a synthetic repository (half Python, half TS/JS) and times, on the same files,
repomod, the stock jscodeshift runner (--dry) and ast-grep (--json, nothing written).

  --files N        files in the synthetic repository (default ${DEFAULTS.files})
  --jobs J         repomod worker threads (default: the number of cores); the stock runner
                   and ast-grep keep their own defaults (cores - 1 workers; all cores)
  --only a,b       jobs to run: ${SECTION_NAMES.join(', ')}
                   (check: repomod check on a generated Python repository, one file and the
                   whole repository, cold and warm cache, against issue 14's targets)
  --check-files N  Python files in the check section's repository (default ${CHECK_FILES})
  --ts-files N     files in the realistic TS/JS monorepo of rewrite-imports-ts-real (default ${REAL_TS_FILES});
                   it is generated on its own (--repo and --out apply to the mixed repository only)
  --py-files N     files in the realistic Python platform of rewrite-imports-py-real (default ${REAL_PY_FILES})
  --scale          instead of the jobs: the realistic Python rewrite (rewrite-imports-py-real) at
                   --py-files N and ${SCALE_FACTOR}N files (time ratio, peak memory)
  --python-repo DIR
                   instead of the jobs: the Python rewrite on a repository of yours (real code,
                   where the files that name a module are not the generator's), repomod beside
                   ast-grep, with --python-map OLD=NEW (dotted module names; OLD should exist)
  --python-map A=B the module move that --python-repo times
  --repeat R       measure each command R times and report the median (default 1)
  --seed S         generator seed (default ${DEFAULTS.seed})
  --repo DIR       reuse a repository made by scripts/bench/generate.mjs instead of generating one
  --out DIR        generate into DIR and keep it
  --keep           keep the generated repositories
  --no-warmup      skip the unmeasured warm-up runs on a small repository
  --no-build       do not run \`npm run build\` when dist/ is missing or older than the sources
  --json           print one JSON document on stdout (progress still goes to stderr);
                   use \`npm run --silent bench -- --json\` or \`node scripts/bench.mjs --json\`
                   so that npm's own banner does not precede it
`;

function parseArgs(argv) {
  const options = {
    files: DEFAULTS.files,
    checkFiles: CHECK_FILES,
    tsFiles: REAL_TS_FILES,
    pyFiles: REAL_PY_FILES,
    seed: DEFAULTS.seed,
    jobs: os.availableParallelism(),
    only: SECTION_NAMES,
    repeat: 1,
    warmup: true,
    build: true,
    json: false,
    scale: false,
    keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] =
      argv[i].startsWith('--') && argv[i].includes('=')
        ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)]
        : [argv[i], undefined];
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined) usageError(`${flag} needs a value`);
      return next;
    };
    const count = (min) => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < min) usageError(`${flag} must be an integer of at least ${min}`);
      return n;
    };
    switch (flag) {
      case '--files':
        options.files = count(40);
        break;
      case '--check-files':
        options.checkFiles = count(40);
        break;
      case '--ts-files':
        options.tsFiles = count(40);
        break;
      case '--py-files':
        options.pyFiles = count(40);
        break;
      case '--jobs':
      case '-j':
        options.jobs = count(1);
        break;
      case '--repeat':
        options.repeat = count(1);
        break;
      case '--seed':
        options.seed = count(0);
        break;
      case '--only': {
        options.only = value()
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        const unknown = options.only.filter((name) => !SECTION_NAMES.includes(name));
        if (unknown.length) usageError(`unknown job '${unknown[0]}' (jobs: ${SECTION_NAMES.join(', ')})`);
        break;
      }
      case '--repo':
        options.repo = path.resolve(value());
        break;
      case '--out':
        options.out = path.resolve(value());
        break;
      case '--scale':
        options.scale = true;
        break;
      case '--python-repo':
        options.pythonRepo = path.resolve(value());
        break;
      case '--python-map': {
        const [from, to, extra] = value().split('=');
        if (!from || !to || extra !== undefined || !/^[\w.]+$/.test(from) || !/^[\w.]+$/.test(to))
          usageError(`--python-map takes OLD=NEW, two dotted module names (got '${argv[i]}')`);
        options.pythonMap = { from, to };
        break;
      }
      case '--keep':
        options.keep = true;
        break;
      case '--no-warmup':
        options.warmup = false;
        break;
      case '--no-build':
        options.build = false;
        break;
      case '--json':
        options.json = true;
        break;
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        process.exit(0);
        break;
      default:
        usageError(`unknown argument '${argv[i]}'`);
    }
  }
  if (options.scale && options.repo) usageError('--scale generates its own repositories; drop --repo');
  if (Boolean(options.pythonRepo) !== Boolean(options.pythonMap))
    usageError('--python-repo and --python-map go together: the repository, and the move to time on it');
  if (options.pythonRepo && !existsSync(options.pythonRepo))
    usageError(`--python-repo ${options.pythonRepo} does not exist`);
  if (options.pythonRepo && (options.scale || options.repo))
    usageError('--python-repo times your repository alone; drop --scale and --repo');
  return options;
}

function usageError(message) {
  process.stderr.write(`bench: error: ${message}\n${USAGE}`);
  process.exit(2);
}

const options = parseArgs(process.argv.slice(2));
const log = (line) => process.stderr.write(`${line}\n`);
const print = (text) => {
  if (!options.json) process.stdout.write(`${text}\n`);
};
const cleanup = [];
process.on('SIGINT', () => {
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  process.exit(130);
});

try {
  await main();
} catch (error) {
  process.stderr.write(`bench: error: ${error?.message ?? error}\n`);
  process.exitCode = 2;
} finally {
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
}

async function main() {
  if (options.build) ensureBuilt();
  if (!existsSync(CLI)) throw new Error(`${path.relative(project, CLI)} is missing; run npm run build`);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'repomod-bench-scratch-'));
  cleanup.push(scratch);
  const timeBinary = detectGnuTime();
  const registered = registeredTransforms();
  const info = {
    machine: {
      cores: os.availableParallelism(),
      cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
      memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      platform: `${os.platform()} ${os.release()}`,
      loadAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    },
    versions: toolVersions(),
    method: {
      repomodJobs: options.jobs,
      repeat: options.repeat,
      timer: 'wall clock from spawn to exit, measured by the bench',
      memory: `peak = max(sum of VmRSS over the process tree sampled every 20 ms${canSampleProc() ? '' : ' (unavailable here)'}, largest single process${timeBinary ? ' by GNU time' : ' by VmHWM'})`,
      cpu: timeBinary ? 'user + sys of the command and its children (GNU time)' : 'not measured (GNU time is absent)',
      warmup: !options.only.some((name) => JOB_NAMES.includes(name))
        ? 'check: no warm-up run (the cold runs are the point)'
        : options.warmup
          ? `every file read once before timing, and each command run once unmeasured on a ${WARM_FILES}-file repository`
          : 'every file read once before timing',
    },
    startup: startupTimes(),
  };
  const ctx = {
    project,
    cli: CLI,
    jscodeshift: JSCODESHIFT,
    astGrep: AST_GREP,
    jobs: options.jobs,
    registered,
    scratch,
  };
  if (options.pythonRepo) {
    const { from, to } = options.pythonMap;
    ctx.pythonRepository = { from, to, relativeDepths: relativeDepthsBelow(options.pythonRepo, from) };
  }
  const allJobs = defineJobs(ctx);
  if (options.pythonRepo) return runPythonRepository(allJobs, info, { scratch, timeBinary });

  if (options.scale) {
    const result = await runScale(
      allJobs.find((j) => j.name === 'rewrite-imports-py-real'),
      { scratch, timeBinary, info },
    );
    if (options.json) process.stdout.write(`${JSON.stringify({ ...info, scale: result }, null, 2)}\n`);
    return;
  }

  const jobs = allJobs.filter((job) => options.only.includes(job.name));
  // the mixed repository serves every job without a shape of its own; each other shape gets its own repository
  const mixed = jobs.some((job) => !job.shape);
  const repo = mixed
    ? prepareRepository(options.files, options.repo ?? options.out, {
        reuse: Boolean(options.repo),
        keep: options.keep || Boolean(options.out) || Boolean(options.repo),
      })
    : undefined;
  const shaped = new Map();
  for (const job of jobs)
    if (job.shape && !shaped.has(job.shape))
      shaped.set(
        job.shape,
        prepareRepository(job.shape === 'python-real' ? options.pyFiles : options.tsFiles, undefined, {
          reuse: false,
          keep: options.keep,
          shape: job.shape,
        }),
      );
  print(formatHeader(info, repo?.manifest));
  for (const [shape, shapedRepo] of shaped) print(formatShapedRepository(shape, shapedRepo.manifest));
  if (jobs.length) await warmUp(jobs, { scratch, timeBinary });

  const reports = [];
  for (const job of jobs) {
    const report = await runJob(job, job.shape ? shaped.get(job.shape) : repo, { scratch, timeBinary });
    reports.push(report);
    print(formatJob(report));
  }
  let check;
  if (options.only.includes('check')) {
    check = await runCheckSection({
      cli: CLI,
      files: options.checkFiles,
      seed: options.seed,
      repeat: options.repeat,
      timeBinary,
      scratch,
      keep: options.keep,
      log,
    });
    print(formatCheckSection(check));
    if (check.repository.root) print(`check repository kept in ${check.repository.root}`);
  }
  info.machine.loadAtEnd = os.loadavg().map((l) => Math.round(l * 100) / 100);
  print(`load average at the end: ${info.machine.loadAtEnd.join(' ')} (other work on the machine skews every figure)`);
  if (repo && (options.keep || options.out || options.repo)) print(`repository kept in ${repo.manifest.root}`);
  if (options.keep) for (const shapedRepo of shaped.values()) print(`repository kept in ${shapedRepo.manifest.root}`);
  if (options.json)
    process.stdout.write(`${JSON.stringify({ ...info, repository: repo?.manifest, jobs: reports, check }, null, 2)}\n`);
  if (reports.some((r) => r.results.some((t) => t.status === 'failed')) || (check && !check.sameFindings))
    process.exitCode = 1;
}

/** `--python-repo`: the one job, on the user's repository as it is (nothing generated, nothing written). */
async function runPythonRepository(allJobs, info, { scratch, timeBinary }) {
  const job = allJobs.find((j) => j.name === PYTHON_REPOSITORY_JOB);
  const root = options.pythonRepo;
  const manifest = { root, ...scanRepository(root, job.shape, options.pythonMap.from) };
  if (options.warmup)
    info.method.warmup =
      'every file read once before timing, and each command run once unmeasured on the same repository';
  print(formatHeader(info));
  print(formatShapedRepository(job.shape, manifest));
  await warmUp([job], { scratch, timeBinary, manifest });
  const report = await runJob(job, { manifest }, { scratch, timeBinary });
  print(formatJob(report));
  info.machine.loadAtEnd = os.loadavg().map((l) => Math.round(l * 100) / 100);
  print(`load average at the end: ${info.machine.loadAtEnd.join(' ')} (other work on the machine skews every figure)`);
  if (options.json)
    process.stdout.write(`${JSON.stringify({ ...info, repository: manifest, jobs: [report] }, null, 2)}\n`);
  if (report.results.some((r) => r.status === 'failed')) process.exitCode = 1;
}

/**
 * Relative depths ast-grep needs one rule each for: `from ..m import x` reaches `pkg.m` from a file
 * one folder below pkg's, so 1 up to the depth of the deepest Python file below the parent
 * package's folder (at least 1), among the files the tools look at.
 */
function relativeDepthsBelow(root, module) {
  const parent = path.join(root, ...module.split('.').slice(0, -1));
  let deepest = 1;
  for (const file of sourceFiles(root)) {
    const below = path.relative(parent, file);
    if (file.endsWith('.py') && !below.startsWith('..') && !path.isAbsolute(below))
      deepest = Math.max(deepest, below.split(path.sep).length);
  }
  return Array.from({ length: deepest }, (_, i) => i + 1);
}

/** Rebuild dist/ when a source file is newer than the compiled CLI (the bench measures dist/). */
function ensureBuilt() {
  const built = existsSync(CLI) ? statSync(CLI).mtimeMs : 0;
  const newest = Math.max(
    // the folders tsc builds (tsconfig.json's include)
    ...JSON.parse(readFileSync(path.join(project, 'tsconfig.json'), 'utf8')).include.map((dir) =>
      newestMtime(path.join(project, dir)),
    ),
  );
  if (built >= newest) return;
  log(
    built
      ? 'bench: sources are newer than dist/; running npm run build'
      : 'bench: dist/ is missing; running npm run build',
  );
  // the compiler's output goes to stderr: stdout may be the --json document
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: project, stdio: ['ignore', 2, 2] });
  if (build.status === 0) return;
  if (!existsSync(CLI)) throw new Error('npm run build failed and there is no dist/ to measure');
  log('bench: warning: npm run build reported errors (work in progress in the tree?); measuring the dist/ it emitted');
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
      newest = Math.max(newest, statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

function registeredTransforms() {
  const list = spawnSync(process.execPath, [CLI, 'list'], { encoding: 'utf8' });
  const names = new Set();
  for (const line of list.stdout.split('\n')) {
    const name = /^\s*([a-z][\w-]*)\b/.exec(line)?.[1];
    if (name) names.add(name);
  }
  return names;
}

function toolVersions() {
  const run = (argv) => {
    const result = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', cwd: project });
    return result.status === 0 ? result.stdout.trim() : undefined;
  };
  const stock = run([process.execPath, JSCODESHIFT, '--version']) ?? '';
  return {
    node: process.version,
    repomod: run([process.execPath, CLI, '--version']) ?? 'unknown',
    jscodeshift: /jscodeshift:\s*(\S+)/.exec(stock)?.[1] ?? 'unknown',
    recast: /recast:\s*(\S+)/.exec(stock)?.[1] ?? 'unknown',
    astGrep: (run([AST_GREP, '--version']) ?? 'unknown').replace(/^ast-grep\s*/, ''),
    git: (run(['git', '--version']) ?? '').replace(/^git version\s*/, ''),
  };
}

/** `repomod --version` and `repomod list` (target: under 0.2 s), beside a bare `node -e 0`. */
function startupTimes() {
  const time = (args) => {
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      spawnSync(process.execPath, args, { stdio: 'ignore' });
      runs.push(performance.now() - started);
    }
    return Math.round(Math.min(...runs));
  };
  return { nodeMs: time(['-e', '0']), versionMs: time([CLI, '--version']), listMs: time([CLI, 'list']) };
}

/** Generate (or adopt) a repository, then read every file once so every tool meets a warm cache. */
function prepareRepository(files, dir, { reuse, keep, shape = 'mixed' }) {
  let manifest;
  if (reuse) {
    if (!existsSync(path.join(dir, '.git')))
      throw new Error(`--repo ${dir} is not a git repository made by scripts/bench/generate.mjs`);
    log(`bench: using the repository in ${dir}`);
    manifest = { root: dir, seed: null, files: 0 };
  } else {
    log(`bench: generating ${files} files${shape === 'mixed' ? '' : ` (${shape} shape)`}…`);
    const started = performance.now();
    manifest = generateRepository({ files, seed: options.seed, out: dir, shape });
    if (!keep) cleanup.push(manifest.root);
    log(`bench: generated and committed in ${((performance.now() - started) / 1000).toFixed(1)} s: ${manifest.root}`);
  }
  Object.assign(manifest, scanRepository(manifest.root, shape));
  return { manifest };
}

/** Read every source file (warming the page cache) and count what each job should find. */
function scanRepository(root, shape = 'mixed', pythonTarget = undefined) {
  const stats = {
    python: { files: 0, bytes: 0, importers: 0 },
    typescript: { files: 0, bytes: 0, importers: 0, foo: 0 },
    javascript: { files: 0, bytes: 0, importers: 0, foo: 0 },
  };
  const pyImport = pythonTarget
    ? pythonImporter(pythonTarget, true)
    : pythonImporter(shape === 'python-real' ? PY_REAL_PACKAGE : PY_TARGET, shape === 'python-real');
  const tsImport = new RegExp(
    `['"](${TS_TARGET}(/[^'"]*)?|(\\.\\./)+${TS_TARGET_PATH.split('/').slice(1).join('/')})['"]`,
  );
  let files = 0;
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, 'utf8');
    files++;
    const ext = path.extname(file);
    const language =
      ext === '.py'
        ? 'python'
        : ext === '.ts' || ext === '.tsx'
          ? 'typescript'
          : ext === '.js'
            ? 'javascript'
            : undefined;
    if (!language) continue;
    const s = stats[language];
    s.files++;
    s.bytes += Buffer.byteLength(text);
    // a file "imports" the moved module when one of its import forms names it (not comments)
    const code = language === 'python' ? text.replace(/#.*$/gm, '') : text.replace(/^\s*(\/\/|\*).*$/gm, '');
    if ((language === 'python' ? pyImport : tsImport).test(code)) s.importers++;
    if (language !== 'python' && /\bfoo\b/.test(code)) s.foo++;
  }
  return { files, ...stats };
}

/**
 * The files the tools look at: git's (tracked and untracked, not ignored), as both tools honour
 * .gitignore (a real repository's virtualenv or build output would swell the counts); every file
 * outside .git where git has no answer.
 */
function sourceFiles(root) {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (listed.status === 0)
    return listed.stdout
      .split('\0')
      .filter(Boolean)
      .map((rel) => path.join(root, rel))
      .filter((file) => statSync(file, { throwIfNoEntry: false })?.isFile());
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && !(entry.parentPath ?? entry.path).split(path.sep).includes('.git'))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
}

/**
 * A line that makes a Python file name `target`: import statements (any indentation), `from parent
 * import leaf`, string targets of mock.patch, monkeypatch.setattr and importlib.import_module and,
 * with `relative`, relative imports of its last segment (the realistic corpus writes them only
 * where they reach it). Docstrings that merely mention it do not count.
 */
function pythonImporter(target, relative) {
  const dotted = target.replace(/\./g, '\\.');
  const parent = dotted.replace(/\\\.\w+$/, '');
  const leaf = target.split('.').at(-1);
  return new RegExp(
    [
      `^\\s*(from|import)\\s+${dotted}(?![\\w])`,
      `^\\s*from\\s+${parent}\\s+import\\s+${leaf}\\b`,
      `(patch|setattr|import_module)\\(["']${dotted}\\b`,
      ...(relative ? [`^\\s*from\\s+\\.+${leaf}\\b`] : []),
    ].join('|'),
    'm',
  );
}

/**
 * Run every command once on a small repository, unmeasured: it warms Node's and the tools'
 * caches (babel-register, jiti, the OS cache of node_modules) and checks each tool really works,
 * trying a job's variants in order (the stock runner may not load a .ts transform).
 */
async function warmUp(jobs, { scratch, timeBinary, manifest: given }) {
  if (!options.warmup) {
    // unchecked: the first variant whose transform file exists
    for (const job of jobs) {
      for (const tool of job.tools) {
        if (tool.skip) continue;
        tool.chosen = tool.variants.find((v) => !v.requires || existsSync(v.requires));
        if (!tool.chosen)
          tool.skip = `not installed: ${tool.variants.map((v) => path.relative(project, v.requires)).join(', ')} does not exist`;
      }
    }
    return;
  }
  log(given ? 'bench: warm-up runs on your repository…' : `bench: warm-up runs on a ${WARM_FILES}-file repository…`);
  const manifests = new Map();
  for (const job of jobs) {
    const shape = job.shape ?? 'mixed';
    // a repository of the user's is its own warm-up: there is no generator for its shape
    if (given) manifests.set(shape, given);
    if (!manifests.has(shape)) {
      const made = generateRepository({ files: WARM_FILES, seed: options.seed, shape });
      cleanup.push(made.root);
      manifests.set(shape, Object.assign(made, scanRepository(made.root, shape)));
    }
    const manifest = manifests.get(shape);
    const expected = job.expected(manifest);
    const tolerated = job.tolerated?.(manifest) ?? 0;
    for (const tool of job.tools) {
      if (tool.skip) continue;
      const failures = [];
      for (const variant of tool.variants) {
        if (variant.requires && !existsSync(variant.requires)) {
          failures.push(`${path.relative(project, variant.requires)} does not exist`);
          continue;
        }
        const stdoutFile = path.join(scratch, 'warmup.out');
        log(`bench: warm-up: ${job.name}: ${tool.tool}${variant.note ? ` (${variant.note})` : ''}…`);
        const run = await measure(variant.argv, { cwd: manifest.root, stdoutFile, timeBinary, scratch });
        const outcome = safeOutcome(tool.tool, stdoutFile, run.stderr);
        const problem = checkRun(tool.tool, run, outcome, expected, tolerated);
        if (!problem) {
          tool.chosen = variant;
          break;
        }
        failures.push(problem);
      }
      if (!tool.chosen) tool.skip = `does not run on the warm-up repository: ${failures.join('; ')}`;
    }
  }
}

function safeOutcome(tool, stdoutFile, stderr) {
  try {
    return readOutcome(tool, stdoutFile, stderr);
  } catch (error) {
    return { changed: null, failed: null, error: error.message };
  } finally {
    rmSync(stdoutFile, { force: true });
  }
}

/** Why a run does not count as the tool doing the job, or undefined when it does. */
function checkRun(tool, run, outcome, expected, tolerated = 0) {
  const firstLine = (
    run.stderr.split('\n').find((l) => /error|Error|cannot|Cannot/.test(l)) ??
    run.stderr.split('\n').find(Boolean) ??
    ''
  )
    .trim()
    .slice(0, 200);
  const okCodes = tool === 'repomod' ? [0, 1] : [0];
  if (run.signal) return `killed by ${run.signal}`;
  if (!okCodes.includes(run.exitCode)) return `exit ${run.exitCode}${firstLine ? `: ${firstLine}` : ''}`;
  if (outcome.changed === null) return `no result summary in its output${firstLine ? ` (${firstLine})` : ''}`;
  if (outcome.failed > tolerated) return `${outcome.failed} files failed${firstLine ? ` (${firstLine})` : ''}`;
  if (expected > 0 && outcome.changed === 0)
    return `changed no file where ${expected} should change${firstLine ? ` (${firstLine})` : ''}`;
  return undefined;
}

async function runJob(job, repo, { scratch, timeBinary }) {
  const m = repo.manifest;
  const files = job.languages.reduce((sum, l) => sum + m[l].files, 0);
  const bytes = job.languages.reduce((sum, l) => sum + m[l].bytes, 0);
  const report = {
    name: job.name,
    title: job.title,
    paths: job.paths,
    files,
    bytes,
    expectedChanges: job.expected(m),
    expectedIsEstimate: job.expectedIsEstimate ?? false,
    results: [],
    comparisons: [],
  };
  const runs = new Map(job.tools.map((t) => [t.tool, []]));
  for (let r = 0; r < options.repeat; r++) {
    for (const tool of job.tools) {
      if (tool.skip) continue;
      log(`bench: ${job.name}: ${tool.tool}${options.repeat > 1 ? ` (run ${r + 1}/${options.repeat})` : ''}…`);
      const stdoutFile = path.join(scratch, `${job.name}-${tool.tool}.out`);
      const run = await measure(tool.chosen.argv, { cwd: m.root, stdoutFile, timeBinary, scratch });
      run.outcome = safeOutcome(tool.tool, stdoutFile, run.stderr);
      run.problem = checkRun(tool.tool, run, run.outcome, report.expectedChanges, job.tolerated?.(m) ?? 0);
      runs.get(tool.tool).push(run);
    }
  }
  for (const tool of job.tools) {
    if (tool.skip) {
      report.results.push({ tool: tool.tool, status: 'skipped', reason: tool.skip });
      continue;
    }
    const measured = runs.get(tool.tool);
    const wallMs = median(measured.map((r) => r.wallMs));
    const last = measured.at(-1);
    const problem = measured.map((r) => r.problem).find(Boolean);
    report.results.push({
      tool: tool.tool,
      status: problem ? 'failed' : 'measured',
      reason: problem,
      note: tool.chosen.note,
      command: tool.chosen.argv
        .map((a) => (a.startsWith(project) ? path.relative(project, a) || '.' : a === process.execPath ? 'node' : a))
        .join(' '),
      wallMs: Math.round(wallMs),
      filesPerSecond: Math.round((files / wallMs) * 1000 * 10) / 10,
      cpuMs: median(measured.map((r) => r.cpuMs).filter((v) => v !== null)) ?? null,
      peakMiB: mib(Math.max(...measured.map((r) => r.peakKiB ?? 0))),
      treePeakMiB: mib(Math.max(...measured.map((r) => r.treePeakKiB ?? 0))),
      processPeakMiB: mib(Math.max(...measured.map((r) => r.processPeakKiB ?? 0))),
      changed: last.outcome.changed,
      failed: last.outcome.failed,
      findings: last.outcome.findings,
      exitCode: last.exitCode,
      runs: measured.map((r) => ({ wallMs: Math.round(r.wallMs), cpuMs: r.cpuMs, peakKiB: r.peakKiB })),
    });
  }
  const repomod = report.results.find((r) => r.tool === 'repomod' && r.status === 'measured');
  for (const other of report.results.filter((r) => r.tool !== 'repomod' && r.status === 'measured')) {
    const target = job.targets.find((t) => t.against === other.tool);
    const speedup = repomod ? round2(other.wallMs / repomod.wallMs) : null;
    report.comparisons.push({
      against: other.tool,
      speedup,
      memoryRatio: repomod && other.peakMiB ? round2(repomod.peakMiB / other.peakMiB) : null,
      target: target
        ? { atLeast: target.atLeast, source: target.source, met: speedup === null ? null : speedup >= target.atLeast }
        : undefined,
    });
  }
  if (job.memoryLimitMiB && repomod)
    report.memory = {
      limitMiB: job.memoryLimitMiB,
      peakMiB: repomod.peakMiB,
      met: repomod.peakMiB < job.memoryLimitMiB,
    };
  return report;
}

/** The Python rewrite at N and 8N files: time should grow at most 8.5× and memory stay under 200 MiB. */
async function runScale(job, { scratch, timeBinary, info }) {
  const sizes = [options.pyFiles, options.pyFiles * SCALE_FACTOR];
  const scaleJob = { ...job, tools: job.tools.filter((t) => t.tool !== 'jscodeshift') };
  print(formatHeader(info, undefined));
  await warmUp([scaleJob], { scratch, timeBinary });
  const points = [];
  for (const files of sizes) {
    const repo = prepareRepository(files, undefined, { reuse: false, keep: options.keep, shape: job.shape });
    const report = await runJob(scaleJob, repo, { scratch, timeBinary });
    points.push({ files, pythonFiles: report.files, bytes: report.bytes, results: report.results });
    if (!options.keep) {
      rmSync(repo.manifest.root, { recursive: true, force: true });
    } else {
      print(`repository kept in ${repo.manifest.root}`);
    }
  }
  const wall = (point, tool) => point.results.find((r) => r.tool === tool && r.status === 'measured')?.wallMs;
  const ratio = (tool) =>
    wall(points[0], tool) && wall(points[1], tool) ? round2(wall(points[1], tool) / wall(points[0], tool)) : null;
  const peaks = points
    .map((p) => p.results.find((r) => r.tool === 'repomod')?.peakMiB)
    .filter((v) => typeof v === 'number');
  const result = {
    factor: SCALE_FACTOR,
    points,
    timeRatio: {
      repomod: ratio('repomod'),
      astGrep: ratio('ast-grep'),
      target: 8.5,
      met: ratio('repomod') === null ? null : ratio('repomod') <= 8.5,
    },
    peakMiB: {
      repomod: peaks.length ? Math.max(...peaks) : null,
      limit: 200,
      met: peaks.length ? Math.max(...peaks) < 200 : null,
    },
  };
  print(formatScale(result));
  return result;
}

function median(values) {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function mib(kib) {
  return kib ? Math.round((kib / 1024) * 10) / 10 : null;
}

function round2(n) {
  return Math.round(n * 100) / 100;
}

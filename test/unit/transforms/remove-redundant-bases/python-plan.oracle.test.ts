// Python as the oracle: each Python fixture package is imported by python3, before and after the
// fix, and every class's __mro__ must equal repomod's computed MRO; imports must fail exactly
// where repomod says the MRO is inconsistent. Third-party modules are stubbed with fresh classes.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { classIndexFor, type ClassMro } from '../../../../transforms/remove-redundant-bases/class-index.js';
import { RepoIndex } from '../../../../lib/repo/repo-index.js';
import { resolveRemoveRedundantBasesOptions } from '../../../../transforms/remove-redundant-bases/options.js';
import { plannerFor } from '../../../../transforms/remove-redundant-bases/python-plan.js';
import { PYTHON3 } from '../../../helpers/cpython.js';
import { repoFixtures } from '../../../helpers/fixtures.js';

const ORACLE = String.raw`
import importlib, importlib.abc, importlib.machinery, json, os, sys, traceback, types
sys.dont_write_bytecode = True

class StubModule(types.ModuleType):
    """A third-party module: a lowercase attribute is a submodule, any other a class of its own."""
    def __getattr__(self, name):
        if name.startswith('__'):
            raise AttributeError(name)
        if name[0].islower():
            value = importlib.import_module(self.__name__ + '.' + name)
        else:
            value = type(name, (), {'__module__': self.__name__, '__qualname__': name})
        setattr(self, name, value)
        return value

class StubFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, fullname, path, target=None):
        return importlib.machinery.ModuleSpec(fullname, self, is_package=True)
    def create_module(self, spec):
        return StubModule(spec.name)
    def exec_module(self, module):
        module.__path__ = []

sys.meta_path.append(StubFinder())

def key(c, modules):
    if c.__module__ in modules:
        return c.__module__ + ':' + c.__qualname__
    return 'ext:' + c.__module__ + '.' + c.__qualname__

def oracle(root, modules):
    out = {'failures': [], 'mros': {}}
    for m in modules:
        try:
            mod = importlib.import_module(m)
        except Exception as e:
            frames = [f for f in traceback.extract_tb(e.__traceback__) if os.path.realpath(f.filename).startswith(root + os.sep)]
            f = frames[-1]
            out['failures'].append({'module': m, 'file': os.path.relpath(os.path.realpath(f.filename), root), 'line': f.lineno, 'error': type(e).__name__ + ': ' + str(e)})
            continue
        stack = [v for v in vars(mod).values() if isinstance(v, type) and v.__module__ == m]
        while stack:
            c = stack.pop()
            out['mros'][key(c, modules)] = [key(b, modules) for b in c.__mro__]
            stack.extend(v for v in vars(c).values() if isinstance(v, type) and v.__module__ == m and v.__qualname__.startswith(c.__qualname__ + '.'))
    return out

# one interpreter for every tree: each starts from the modules loaded before the first, with its
# root alone on the path, so no tree sees another's modules or stubs
baseline = set(sys.modules)
results = []
for job in json.load(sys.stdin):
    root = os.path.realpath(job['tree'])
    sys.path.insert(0, root)
    importlib.invalidate_caches()
    try:
        results.append(oracle(root, job['modules']))
    finally:
        sys.path.remove(root)
        sys.path_importer_cache.pop(root, None)
        for name in set(sys.modules) - baseline:
            del sys.modules[name]
print(json.dumps(results))
`;

interface OracleResult {
  failures: { module: string; file: string; line: number; error: string }[];
  mros: Record<string, string[]>;
}

const python = PYTHON3;

function listFiles(root: string, rel = ''): string[] {
  return readdirSync(path.join(root, rel)).flatMap((name) => {
    const child = rel ? `${rel}/${name}` : name;
    return statSync(path.join(root, child)).isDirectory() ? listFiles(root, child) : [child];
  });
}

/** python3's verdicts on each tree (its package imported as `modules`), from one python3 run. */
function runOracle(jobs: { tree: string; modules: string[] }[]): OracleResult[] {
  const run = spawnSync(python!, ['-c', ORACLE], {
    input: JSON.stringify(jobs),
    encoding: 'utf8',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as OracleResult[];
}

/** What repomod says about every class Python creates at import (not those local to a function). */
function compare(
  label: string,
  oracle: OracleResult,
  classes: { id: string; file: string; line: number; module: string; mro: ClassMro }[],
) {
  const failedModules = new Set(oracle.failures.map((f) => f.module));
  for (const failure of oracle.failures) {
    const culprit = classes.find((c) => c.file === failure.file && c.line === failure.line);
    expect(
      culprit?.mro.kind,
      `${label}: Python fails at ${failure.file}:${failure.line} (${failure.error}); repomod must call that class inconsistent`,
    ).toBe('inconsistent');
  }
  for (const c of classes) {
    if (c.mro.kind === 'inconsistent') {
      expect(
        failedModules.has(c.module),
        `${label}: repomod calls ${c.id} inconsistent, so Python must fail to import ${c.module}`,
      ).toBe(true);
      continue;
    }
    if (failedModules.has(c.module) || c.mro.kind !== 'ok') continue;
    expect(oracle.mros[c.id], `${label}: ${c.id} exists in Python`).toBeDefined();
    expect(c.mro.mro, `${label}: MRO of ${c.id}`).toEqual(oracle.mros[c.id]);
  }
}

const dir = repoFixtures('remove-redundant-bases');
const pythonCases = readdirSync(dir).filter(
  (name) =>
    existsSync(path.join(dir, name, 'input')) &&
    listFiles(path.join(dir, name, 'input')).some((f) => f.endsWith('.py')),
);

/** A case's files and the modules Python imports, the same for its input and output trees. */
function caseFiles(name: string) {
  const input = path.join(dir, name, 'input');
  const files = listFiles(input);
  const repo = new RepoIndex({ root: input, files, symlinks: [] });
  const modules = files
    .filter((f) => f.endsWith('.py'))
    .map((f) => repo.python.moduleOf(f)!)
    .sort();
  return { input, output: path.join(dir, name, 'output'), files, repo, modules };
}

describe('remove-redundant-bases against python3', () => {
  if (!python) {
    it.skip('python3 is not on PATH: the MRO oracle is skipped', () => {});
    return;
  }
  // every tree, input and output, in one python3 run: an interpreter start costs more than a case
  const verdicts = new Map<string, OracleResult>();
  beforeAll(() => {
    const jobs = pythonCases.flatMap((name) => {
      const { input, output, modules } = caseFiles(name);
      return [input, output].map((tree) => ({ tree, modules }));
    });
    runOracle(jobs).forEach((result, i) => verdicts.set(jobs[i].tree, result));
  });

  it.each(pythonCases)('%s: computed MROs equal __mro__ before and after', async (name) => {
    const { input, output, repo, modules } = caseFiles(name);
    const index = (await classIndexFor(repo)).scanAll();
    const optionsFile = path.join(dir, name, 'options.json');
    const options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
    const planner = plannerFor(index, resolveRemoveRedundantBasesOptions(options));
    expect(modules.length).toBeGreaterThan(0);
    const atImport = [...index.classes.values()].filter((c) => !c.qualname.includes('<locals>') && !c.id.includes('#'));
    const before = atImport.map((c) => ({ ...c, mro: planner.mroAsWritten(c.id) }));
    const after = atImport.map((c) => ({ ...c, mro: planner.mroAfterFix(c.id) }));
    compare(`${name} (input)`, verdicts.get(input)!, before);
    compare(`${name} (output)`, verdicts.get(output)!, after);
  });
});

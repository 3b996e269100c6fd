// The fixture runner: every case in __testfixtures__/<transform>/ runs through the real engine,
// twice (input ➔ output, then output ➔ output with no change), compared byte for byte.
// Single-file cases sit in files/ (`<case>.input.<ext>`, jscodeshift's naming), whole-repository
// cases in repos/ (`<case>/input/`, `output/`); repository cases also go through a real `git apply`
// of the dry-run patch.
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../lib/engine/diagnostics.js';
import { runEngine, type RunMode, type RunResult } from '../../lib/engine/engine.js';
import { runTransformOnText, type FileRunResult } from '../../lib/engine/call-transform.js';
import type { TransformModule } from '../../lib/engine/types.js';
import { RepoIndex } from '../../lib/repo/repo-index.js';
import type { TransformSource } from '../../lib/engine/transform-loader.js';
import { findTransform } from '../../transforms/index.js';
import { git, initRepo, materialise, snapshotTree, tempDir, writeTree } from './tree.js';

export const FIXTURES_ROOT = fileURLToPath(new URL('../../__testfixtures__/', import.meta.url));

/** The folder of a transform's single-file cases (`<case>.input.<ext>` and companions). */
export const fileFixtures = (transform: string) => path.join(FIXTURES_ROOT, transform, 'files');
/** The folder of a transform's whole-repository cases (`<case>/input/`, `<case>/output/`). */
export const repoFixtures = (transform: string) => path.join(FIXTURES_ROOT, transform, 'repos');

/** A built-in transform, preloaded so it runs from the TypeScript sources under vitest. */
export async function builtinSource(name: string): Promise<TransformSource> {
  const entry = findTransform(name);
  if (!entry) throw new Error(`no built-in transform '${name}' in transforms/index.ts`);
  return { name, specifier: entry.modulePath, builtin: true, preloaded: await entry.load() };
}

/** Run a transform in-process on `dir`. */
export async function runOn(
  dir: string,
  transform: string | TransformSource,
  options: Record<string, unknown> = {},
  mode: RunMode = 'dry-run',
  paths: string[] = [],
): Promise<RunResult> {
  const source = typeof transform === 'string' ? await builtinSource(transform) : transform;
  return runEngine({ cwd: dir, transform: source, transformOptions: options, mode, paths, jobs: 1, allowDirty: true });
}

/**
 * Run a transform in-process on one file of a repository holding `files` (written to a fresh
 * temp folder, which `root` names): the file's text is `files[file]`.
 */
export async function runOnFileIn(
  module: TransformModule,
  files: Record<string, string>,
  file: string,
  options: Record<string, unknown> = {},
): Promise<{ root: string; result: FileRunResult }> {
  const root = writeTree(tempDir(), files);
  const repo = new RepoIndex({ root, files: Object.keys(files), symlinks: [] });
  const result = await runTransformOnText(module, path.join(root, file), file, files[file], options, repo);
  return { root, result };
}

export const diagnosticLines = (result: RunResult) => result.diagnostics.map(formatDiagnostic);

const readLines = (file: string) =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split(/\r?\n/)
        .filter((l) => l !== '')
    : [];
const readJson = (file: string, fallback: unknown) =>
  existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : fallback;

interface SingleCase {
  name: string;
  ext: string;
  input: string;
  output: string;
  options: string;
  stderr: string;
  rerunStderr: string;
}

/** Find `<case>.input.<ext>` files and their companions. */
function singleCases(dir: string): SingleCase[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.input\.[^.]+$/.test(f) && statSync(path.join(dir, f)).isFile())
    .sort()
    .map((f) => {
      const match = /^(.*)\.input\.([^.]+)$/.exec(f)!;
      const [, name, ext] = match;
      return {
        name,
        ext,
        input: path.join(dir, f),
        output: path.join(dir, `${name}.output.${ext}`),
        options: path.join(dir, `${name}.options.json`),
        stderr: path.join(dir, `${name}.stderr.txt`),
        rerunStderr: path.join(dir, `${name}.rerun.stderr.txt`),
      };
    });
}

function repositoryCases(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => statSync(path.join(dir, f)).isDirectory() && existsSync(path.join(dir, f, 'input')))
    .sort();
}

/** The companions a single-file case may have beside `<case>.input.<ext>`. */
const SINGLE_FILE_PART = /^(.*?)\.(?:input\.[^.]+|output\.[^.]+|options\.json|stderr\.txt|rerun\.stderr\.txt)$/;

/**
 * What sits in `__testfixtures__/<transform>/` that describeFixtures would never run: anything
 * beside files/ and repos/ (a case added where the folders were before the split), a file in
 * files/ that belongs to no `<case>.input.<ext>`, a folder in repos/ without input/.
 * @example strayFixtures('rewrite-imports') // ['a.input.py: not in files/ or repos/']
 */
export function strayFixtures(transform: string): string[] {
  const dir = path.join(FIXTURES_ROOT, transform);
  if (!existsSync(dir)) return [];
  const stray = readdirSync(dir)
    .filter((name) => !['files', 'repos', '.gitattributes'].includes(name))
    .map((name) => `${name}: not in files/ or repos/`);
  const files = fileFixtures(transform);
  const cases = new Set(singleCases(files).map((c) => c.name));
  if (existsSync(files))
    for (const name of readdirSync(files)) {
      const owner = SINGLE_FILE_PART.exec(name)?.[1];
      if (owner === undefined || !cases.has(owner)) stray.push(`files/${name}: belongs to no <case>.input.<ext>`);
    }
  const repos = repoFixtures(transform);
  const repoCases = new Set(repositoryCases(repos));
  if (existsSync(repos))
    for (const name of readdirSync(repos))
      if (!repoCases.has(name)) stray.push(`repos/${name}: not a folder with input/ and output/`);
  return stray.sort();
}

/**
 * Declare one test per fixture case of `transform`. Single-file cases write the input as
 * `<case>.<ext>` in an empty temp repository; expected diagnostics use that path.
 */
export function describeFixtures(transform: string): void {
  const dir = path.join(FIXTURES_ROOT, transform);
  describe(`${transform} fixtures`, () => {
    if (!existsSync(dir)) {
      it.skip(`no fixtures in ${dir}`, () => {});
      return;
    }
    for (const c of singleCases(fileFixtures(transform))) {
      it(c.name, async () => {
        expect(existsSync(c.output), `${c.output} is missing`).toBe(true);
        const options = readJson(c.options, {}) as Record<string, unknown>;
        const work = tempDir();
        const file = path.join(work, `${c.name}.${c.ext}`);
        writeFileSync(file, readFileSync(c.input));
        const first = await runOn(work, transform, options, 'apply');
        expect(diagnosticLines(first).join('\n')).toBe(readLines(c.stderr).join('\n'));
        expect(readFileSync(file).toString('latin1')).toBe(readFileSync(c.output).toString('latin1'));
        const second = await runOn(work, transform, options, 'apply');
        expect(
          second.changes.map((ch) => ch.path),
          'the second run must change nothing',
        ).toEqual([]);
        // a leave-alone case reports the same again; a fixed file must come back clean
        const leftAlone = readFileSync(c.input).equals(readFileSync(c.output));
        const rerunExpected = existsSync(c.rerunStderr) ? c.rerunStderr : leftAlone ? c.stderr : c.rerunStderr;
        expect(diagnosticLines(second).join('\n')).toBe(readLines(rerunExpected).join('\n'));
      });
    }
    for (const name of repositoryCases(repoFixtures(transform))) {
      it(name, async () => {
        await checkRepositoryCase(transform, path.join(repoFixtures(transform), name));
      });
    }
  });
}

/**
 * A repository case: the dry-run patch, applied with real `git apply`, and `--apply` must both
 * produce `output/` exactly (names, bytes, modes, link targets); a second run changes nothing.
 * `stderr.txt` holds the dry run's diagnostics, `apply.stderr.txt` the apply's where they differ.
 */
export async function checkRepositoryCase(transform: string, caseDir: string): Promise<void> {
  const options = readJson(path.join(caseDir, 'options.json'), {}) as Record<string, unknown>;
  const links = readJson(path.join(caseDir, 'links.json'), {}) as {
    input?: Record<string, string>;
    output?: Record<string, string>;
  };
  const expectedStderr = readLines(path.join(caseDir, 'stderr.txt')).join('\n');
  const expected = snapshotTree(materialiseTo(path.join(caseDir, 'output'), links.output));

  // two committed copies of the input: one for the patch, one for --apply (a copy of the first,
  // .git included, costs a fraction of a second `git init`, `add` and `commit`)
  const viaPatch = tempDir();
  materialise(path.join(caseDir, 'input'), viaPatch, links.input);
  initRepo(viaPatch);
  const viaApply = tempDir();
  cpSync(viaPatch, viaApply, { recursive: true, verbatimSymlinks: true });

  // 1. dry run, then git apply
  const dry = await runOn(viaPatch, transform, options, 'dry-run');
  expect(diagnosticLines(dry).join('\n')).toBe(expectedStderr);
  if (dry.patch) {
    writeFileSync(path.join(viaPatch, '.git', 'repomod.patch'), dry.patch);
    git(viaPatch, 'apply', '--whitespace=nowarn', '.git/repomod.patch');
  }
  expect(snapshotTree(viaPatch), 'git apply of the dry-run patch').toEqual(expected);

  // 2. --apply
  const applied = await runOn(viaApply, transform, options, 'apply');
  // messages say what the run did: `would remove` in the dry run, `removed` once written (apply.stderr.txt)
  const appliedStderr = path.join(caseDir, 'apply.stderr.txt');
  expect(diagnosticLines(applied).join('\n')).toBe(
    existsSync(appliedStderr) ? readLines(appliedStderr).join('\n') : expectedStderr,
  );
  expect(snapshotTree(viaApply), '--apply').toEqual(expected);

  // 3. idempotence
  const again = await runOn(viaApply, transform, options, 'dry-run');
  expect(again.patch, 'the second run must change nothing').toBe('');
  const rerun = path.join(caseDir, 'rerun.stderr.txt');
  expect(diagnosticLines(again).join('\n')).toBe(readLines(rerun).join('\n'));
}

function materialiseTo(source: string, links: Record<string, string> | undefined): string {
  const dir = tempDir();
  materialise(source, dir, links);
  return dir;
}

// Command-line parsing as a table: nothing runs, the parsed request is captured.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildParser } from '../../../cli/index.js';
import { interceptRuns, type RunRequest } from '../../../cli/common.js';
import { isKnownError } from '../../../lib/engine/errors.js';

let captured: RunRequest | undefined;
interceptRuns(async (request) => {
  captured = request;
});
afterAll(() => interceptRuns(undefined));

async function parse(line: string): Promise<RunRequest> {
  captured = undefined;
  const parser = await buildParser(line.split(' ').filter(Boolean));
  await parser.exitProcess(false).parseAsync();
  if (!captured) throw new Error('no run was requested');
  return captured;
}

async function failure(line: string): Promise<string> {
  try {
    await parse(line);
  } catch (error) {
    if (isKnownError(error)) return error.message;
    throw error;
  }
  throw new Error(`'${line}' parsed`);
}

const RUN = 'run -t __testfixtures__/third-party/rename-identifier.js';

describe('repomod command line', () => {
  it.each([
    [`${RUN}`, { transform: '__testfixtures__/third-party/rename-identifier.js' }],
    [`${RUN} --check src`, { check: true, paths: ['src'] }],
    [`${RUN} --apply src lib`, { apply: true, paths: ['src', 'lib'] }],
    [`${RUN} --json --jobs 3 --shard 2/4`, { json: true, jobs: 3, shard: '2/4' }],
    [`${RUN} --ignore a/** --ignore b src`, { ignore: ['a/**', 'b'], paths: ['src'] }],
    [`${RUN} --extensions py,.ts --extensions js`, { extensions: ['py', 'ts', 'js'] }],
    [`${RUN} --allow-dirty --no-color --verbose`, { allowDirty: true, color: false, verbose: true }],
  ])('accepts %s', async (line, expected) => {
    const request = await parse(line);
    expect(request.args).toMatchObject(expected);
  });

  it('passes --transform-option pairs through, typed, without eating the paths', async () => {
    const request = await parse(
      `${RUN} --transform-option from=foo --transform-option n=3 --transform-option flag=true src`,
    );
    expect(request.transformOptions).toMatchObject({ from: 'foo', n: 3, flag: true });
    expect(request.args.paths).toEqual(['src']);
  });

  it("passes unknown flags to a third-party transform as jscodeshift does, beside stock's own keys", async () => {
    const request = await parse(`${RUN} src --n=1e3 --frobnicate --no-semi --name value lib -- --literal`);
    expect(request.args.paths).toEqual(['src', 'lib', '--literal']);
    expect(request.transformOptions).toEqual({
      transform: '__testfixtures__/third-party/rename-identifier.js',
      verbose: 0,
      dry: true,
      print: false,
      babel: true,
      extensions: 'cjs,es,es6,js,jsx,mjs,ts,tsx',
      ignorePattern: [],
      ignoreConfig: [],
      gitignore: false,
      runInBand: false,
      silent: false,
      failOnError: false,
      stdin: false,
      n: 1000,
      frobnicate: true,
      semi: false,
      name: 'value',
    });
    expect(request.runner).toEqual({ parser: undefined, parserConfig: undefined, babel: undefined });
  });

  it.each([
    [`${RUN} --parser tsx --no-babel`, { parser: 'tsx' }, { parser: 'tsx', babel: false }],
    [`${RUN} -d -s --run-in-band`, { dry: true, silent: true, runInBand: true }, {}],
    [
      `${RUN} --apply --ignore-pattern gen/** --gitignore --fail-on-error`,
      { dry: false, ignorePattern: ['gen/**'], gitignore: true, failOnError: true },
      {},
    ],
  ])("takes stock jscodeshift's flags: %s", async (line, options, runner) => {
    const request = await parse(line);
    expect(request.transformOptions).toMatchObject(options);
    expect(request.runner).toMatchObject(runner);
  });

  it("says when an unknown flag passed to the transform is a near miss of run's own", async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    try {
      const request = await parse(`${RUN} --chek --parsr=tsx --from=foo --to=bar src`);
      expect(request.transformOptions).toMatchObject({ chek: true, parsr: 'tsx', from: 'foo', to: 'bar' });
    } finally {
      spy.mockRestore();
    }
    expect(written).toEqual([
      'repomod: warning: --chek is not a flag of repomod run; it is passed to the transform (did you mean --check?)\n',
      'repomod: warning: --parsr is not a flag of repomod run; it is passed to the transform (did you mean --parser?)\n',
    ]);
  });

  it('maps --run-in-band, --cpus, --silent and --ignore-pattern onto their repomod equivalents', async () => {
    expect((await parse(`${RUN} --run-in-band`)).args.jobs).toBe(1);
    expect((await parse(`${RUN} -c 1`)).args.jobs).toBe(1);
    expect((await parse(`${RUN} -j 3 -c 1`)).args.jobs).toBe(3);
    expect((await parse(`${RUN} -s`)).args.quiet).toBe(true);
    expect((await parse(`${RUN} --ignore a --ignore-pattern b`)).args.ignore).toEqual(['a', 'b']);
  });

  it.each([
    [`${RUN} --apply --check`, '--apply and --check cannot be used together'],
    [`${RUN} --shard 0/2`, "--shard must be I/N with 1 ≤ I ≤ N, got '0/2'"],
    [`${RUN} --shard half`, "--shard must be I/N with 1 ≤ I ≤ N, got 'half'"],
    [`${RUN} --jobs 0`, '--jobs must be a positive integer, got 0'],
    [`${RUN} --transform-option novalue`, "--transform-option 'novalue' is not key=value"],
    [`${RUN} --dry --apply`, '--dry and --apply cannot be used together'],
    [
      `${RUN} --parser espree`,
      'Invalid values:\n  Argument: parser, Given: "espree", Choices: "babel", "babylon", "flow", "ts", "tsx"',
    ],
    [`${RUN} --parser-config missing.json`, "cannot read --parser-config 'missing.json' (ENOENT)"],
    ['rewrite-imports --frobnicate', "unknown option '--frobnicate' for 'repomod rewrite-imports'"],
    ['run', 'Missing required argument: transform'],
    ['', "give a command; run 'repomod list' for the transforms"],
  ])('refuses %s', async (line, message) => {
    expect(await failure(line)).toBe(message);
  });

  describe('move takes the options of rewrite-imports that make sense for a move', () => {
    const MOVE = 'move pkg/a.py pkg/b/a.py';
    const fixed = { map: ['pkg/a.py=pkg/b/a.py'], rules: [], moveFiles: true, absolute: false };
    it.each([
      [MOVE, {}],
      [`${MOVE} --all-strings`, { allStrings: true }],
      [`${MOVE} --keep-relative --strict`, { keepRelative: true, strict: true }],
      [`${MOVE} --only-in src/** --only-in tests/**`, { onlyIn: ['src/**', 'tests/**'] }],
      [`${MOVE} --source-root lib --no-strict`, { sourceRoot: ['lib'], strict: false }],
    ])('accepts %s', async (line, options) => {
      const request = await parse(line);
      expect(request.transformOptions).toEqual({ onlyIn: [], ...options, ...fixed });
    });

    it.each([
      [`${MOVE} --map a=b`, "unknown option '--map' for 'repomod move'"],
      [`${MOVE} --rules {}`, "unknown option '--rules' for 'repomod move'"],
      [`${MOVE} --move-files`, "unknown option '--move-files' for 'repomod move'"],
      [`${MOVE} --absolute`, "unknown option '--absolute' for 'repomod move'"],
    ])('refuses %s', async (line, message) => {
      expect(await failure(line)).toBe(message);
    });

    it('declares every rewrite-imports option but those that do not apply, so the two cannot drift', async () => {
      const { meta } = await import('../../../transforms/rewrite-imports/meta.js');
      const { moveOptions, NOT_FOR_MOVE } = await import('../../../cli/commands/move.js');
      expect(
        moveOptions()
          .map((d) => d.name)
          .sort(),
      ).toEqual(
        meta
          .options!.map((d) => d.name)
          .filter((n) => !NOT_FOR_MOVE.includes(n))
          .sort(),
      );
      expect(
        moveOptions()
          .map((d) => d.name)
          .sort(),
      ).toEqual([
        'allStrings',
        'allowDamaged',
        'keepRelative',
        'onlyIn',
        'rewriteDocs',
        'rewriteText',
        'sourceRoot',
        'strict',
      ]);
    });
  });
});

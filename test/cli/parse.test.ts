// Command-line parsing as a table: nothing runs, the parsed request is captured.
import { afterAll, describe, expect, it } from 'vitest';
import { buildParser } from '../../cli/index.js';
import { interceptRuns, type RunRequest } from '../../cli/common.js';
import { isKnownError } from '../../lib/errors.js';

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
    const request = await parse(`${RUN} --transform-option from=foo --transform-option n=3 --transform-option flag=true src`);
    expect(request.transformOptions).toEqual({ from: 'foo', n: 3, flag: true });
    expect(request.args.paths).toEqual(['src']);
  });

  it.each([
    [`${RUN} --apply --check`, '--apply and --check cannot be used together'],
    [`${RUN} --shard 0/2`, "--shard must be I/N with 1 ≤ I ≤ N, got '0/2'"],
    [`${RUN} --shard half`, "--shard must be I/N with 1 ≤ I ≤ N, got 'half'"],
    [`${RUN} --jobs 0`, '--jobs must be a positive integer, got 0'],
    [`${RUN} --transform-option novalue`, "--transform-option 'novalue' is not key=value"],
    [`${RUN} --frobnicate`, "unknown option '--frobnicate' for 'repomod run'"],
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
      const { meta } = await import('../../transforms/rewrite-imports/meta.js');
      const { moveOptions, NOT_FOR_MOVE } = await import('../../cli/commands/move.js');
      expect(moveOptions.map((d) => d.name).sort()).toEqual(meta.options!.map((d) => d.name).filter((n) => !NOT_FOR_MOVE.includes(n)).sort());
      expect(moveOptions.map((d) => d.name).sort()).toEqual(['allStrings', 'allowDamaged', 'keepRelative', 'onlyIn', 'rewriteDocs', 'rewriteText', 'sourceRoot', 'strict']);
    });
  });
});

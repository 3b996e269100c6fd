// A third-party transform written only against what `repomod` exports (the README's "Writing a
// transform"): `npm run typecheck` checks the types, the run checks the engine honours them.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  completePlanContext,
  ConfigError,
  defineOptions,
  defineTransform,
  optionsResolver,
  resolveOptions,
  type FileChange,
  type OptionsOf,
  type PlanContext,
  type PlanRepository,
  type RepoIndex,
  type TransformFunction,
  type TransformMeta,
  type TransformModule,
} from '../../../api/index.js';
import { runOn } from '../../helpers/fixtures.js';
import { repoWith } from '../../helpers/tree.js';

const options = defineOptions([
  { name: 'to', type: 'string', default: 'bar', description: 'the new name' },
  { name: 'quote', type: 'string', choices: ['single', 'double'], description: 'quote style' },
]);

describe('the transform contract api/index.ts exports', () => {
  it('derives the options type from the declaration', () => {
    expectTypeOf<OptionsOf<typeof options>>().toEqualTypeOf<{ to: string; quote?: 'single' | 'double' }>();
    expect(resolveOptions({ quote: 'single' }, options)).toEqual({ to: 'bar', quote: 'single' });
    expect(() => resolveOptions({ quote: 'back' }, options)).toThrow(ConfigError);
  });

  it('types a module the engine runs: per-file transform, meta and repository plan', async () => {
    const contexts: PlanContext[] = [];
    const transform: TransformFunction = (file, _api, raw) =>
      file.source.replace(/\bfoo\b/g, resolveOptions(raw, options).to);
    const meta: TransformMeta = {
      name: 'rename-foo',
      description: 'foo ➔ --to',
      extensions: ['js'],
      options,
      prefilter: () => ['foo'],
    };
    const planRepository: PlanRepository = async (repo: RepoIndex, raw, _report, context): Promise<FileChange[]> => {
      // the engine passes every field; a library caller may pass some, and completePlanContext fills the rest
      contexts.push(completePlanContext(context));
      // a whole-repository change: a note beside the renamed code
      const after = {
        kind: 'file' as const,
        bytes: Buffer.from(`renamed to ${resolveOptions(raw, options).to} in ${repo.files.length} files\n`),
        executable: false,
      };
      return [{ path: 'RENAMED.txt', before: null, after }];
    };
    const module: TransformModule = { default: transform, meta, planRepository };

    const dir = repoWith({ 'a.js': 'foo(1);\n', 'b.js': 'baz(2);\n' });
    const result = await runOn(
      dir,
      { name: 'rename-foo', specifier: 'test:rename-foo', builtin: false, preloaded: module },
      { to: 'qux' },
    );
    expect(result.files.map((f) => [f.path, f.status])).toEqual([
      ['RENAMED.txt', 'changed'],
      ['a.js', 'changed'],
      ['b.js', 'unchanged'],
    ]);
    expect(result.patch).toContain('-foo(1);\n+qux(1);\n');
    expect(result.patch).toContain('+renamed to qux in 2 files\n');
    expect(contexts.map((c) => c.mode)).toEqual(['dry-run']);
    expect(contexts.map((c) => c.paths)).toEqual([[]]);
  });

  it("runs the README's defineTransform example: options resolved from the declaration, the context on demand", async () => {
    const relPaths: string[] = [];
    const transform = defineTransform({
      resolveOptions: optionsResolver(options),
      transform: (file, { to }, run) => {
        if (!file.source.includes('foo')) return undefined;
        relPaths.push(run.context.relPath);
        return file.source.replace(/\bfoo\b/g, to);
      },
    });
    const dir = repoWith({ 'src/a.js': 'foo(1);\n', 'b.js': 'baz(2);\n' });
    const result = await runOn(
      dir,
      { name: 'rename-foo', specifier: 'test:rename-foo', builtin: false, preloaded: { default: transform } },
      { to: 'qux' },
    );
    expect(result.patch).toContain('-foo(1);\n+qux(1);\n');
    expect(relPaths).toEqual(['src/a.js']);
  });
});

// defineTransform: options resolved once per run, the context made only when a file asks for it,
// and the stock runner's --dry reaching the context as a dry run.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { API } from 'jscodeshift';
import { defineTransform } from '../../../../lib/engine/define-transform.js';
import { defineOptions, optionsResolver } from '../../../../lib/engine/options.js';
import type { RunMode } from '../../../../lib/engine/context.js';
import { repoWith } from '../../../helpers/tree.js';

/** jscodeshift's api as the stock runner builds it: no repomod additions. */
const stockApi = { report: () => {}, stats: () => {} } as unknown as API;

describe('defineTransform', () => {
  it('with optionsResolver, resolves an options object once for every file it is given with', async () => {
    const prepared: unknown[] = [];
    const descriptors = defineOptions([{ name: 'suffix', type: 'string', default: '!', description: 'appended' }]);
    const resolveOptions = optionsResolver(descriptors, (options) => (prepared.push(options), options));
    const transform = defineTransform({
      resolveOptions,
      transform: (file, options) => file.source + options.suffix,
    });
    const raw = { suffix: '?' };
    expect(await transform({ path: 'a.js', source: 'a' }, stockApi, raw)).toBe('a?');
    expect(await transform({ path: 'b.js', source: 'b' }, stockApi, raw)).toBe('b?');
    expect(await transform({ path: 'c.js', source: 'c' }, stockApi, {})).toBe('c!');
    expect(prepared).toEqual([{ suffix: '?' }, { suffix: '!' }]);
  });

  it('makes no context for a file the transform decides on from its text alone', async () => {
    // contextFor's first step is to look for the engine on the api: count those looks
    let looks = 0;
    const dir = repoWith({ 'a.py': 'x = 1\n' });
    const api = Object.defineProperty({ ...stockApi }, 'repomod', { get: () => void looks++ }) as API;
    const file = { path: path.join(dir, 'a.py'), source: 'x = 1\n' };
    const skipping = defineTransform({ resolveOptions: () => ({}), transform: () => undefined });
    await skipping(file, api, {});
    expect(looks).toBe(0);
    const asking = defineTransform({ resolveOptions: () => ({}), transform: (_f, _o, run) => run.context.relPath });
    expect(await asking(file, api, {})).toBe('a.py');
    expect(looks).toBe(1);
  });

  it("gives the stock runner's --dry to the context as a dry run, so messages say 'would'", async () => {
    const dir = repoWith({ 'a.py': 'class A: pass\n' });
    const modes: RunMode[] = [];
    const transform = defineTransform({
      resolveOptions: () => ({}),
      transform: (_file, _options, run) => void modes.push(run.context.mode),
    });
    const file = { path: path.join(dir, 'a.py'), source: 'class A: pass\n' };
    await transform(file, stockApi, { dry: true });
    await transform(file, stockApi, {});
    expect(modes).toEqual(['dry-run', 'apply']);
  });
});

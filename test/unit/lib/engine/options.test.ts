import { describe, expect, expectTypeOf, it } from 'vitest';
import { ConfigError } from '../../../../lib/engine/errors.js';
import { defineOptions, optionsResolver, resolveOptions, type OptionsOf } from '../../../../lib/engine/options.js';

const descriptors = defineOptions([
  { name: 'keyword', type: 'string[]', default: [], description: 'keyword to remove' },
  { name: 'keep', type: 'string', choices: ['first', 'last'], description: 'which repeat to keep' },
  { name: 'strict', type: 'boolean', default: false, description: 'warnings become errors' },
  { name: 'limit', type: 'number', default: 3, description: 'a number' },
  {
    name: 'pair',
    type: 'string',
    description: 'NAME=VALUE',
    validate: (value) => String(value).split('=') as [string, string],
  },
]);

describe('resolveOptions', () => {
  it('fills defaults and coerces command-line strings', () => {
    expect(resolveOptions({ keyword: 'exc_info=True', strict: 'true', limit: '7' }, descriptors)).toEqual({
      keyword: ['exc_info=True'],
      strict: true,
      limit: 7,
    });
    expect(resolveOptions(undefined, descriptors)).toEqual({ keyword: [], strict: false, limit: 3 });
  });

  it("accepts kebab-case keys and ignores the stock runner's own options", () => {
    expect(resolveOptions({ dry: true, print: false, parser: 'babel', _: [], keep: 'last' }, descriptors).keep).toBe(
      'last',
    );
  });

  it('hands on what a validate returns', () => {
    expect(resolveOptions({ pair: 'a=b' }, descriptors).pair).toEqual(['a', 'b']);
  });

  it.each([
    [{ kepe: 'first' }, "unknown option 'kepe' in transform options"],
    [{ keep: 'middle' }, `option 'keep' in transform options must be one of 'first', 'last', got "middle"`],
    [{ strict: 'yes' }, `option 'strict' in transform options must be true or false, got "yes"`],
    [{ limit: 'many' }, `option 'limit' in transform options must be a number, got "many"`],
    [{ keyword: [1] }, `option 'keyword' in transform options must be a list of strings, got [1]`],
  ])('rejects %j by name', (raw, message) => {
    let thrown: unknown;
    try {
      resolveOptions(raw, descriptors);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).message).toBe(message);
  });
});

// checked by `npm run typecheck` (tsc over test/): the type comes from the declaration alone
describe('OptionsOf', () => {
  it('types each option from its declaration: defaults make it required, choices and validate narrow it', () => {
    expectTypeOf<OptionsOf<typeof descriptors>>().toEqualTypeOf<{
      keyword: string[];
      strict: boolean;
      limit: number;
      keep?: 'first' | 'last';
      pair?: [string, string];
    }>();
    expectTypeOf(resolveOptions({}, descriptors)).toEqualTypeOf<OptionsOf<typeof descriptors>>();
  });

  it('refuses a default its option cannot hold', () => {
    // @ts-expect-error: 'middle' is not one of the choices
    defineOptions([{ name: 'keep', type: 'string', choices: ['first', 'last'], default: 'middle', description: 'd' }]);
    // @ts-expect-error: a boolean option's default is a boolean
    defineOptions([{ name: 'strict', type: 'boolean', default: 'no', description: 'd' }]);
  });
});

describe('optionsResolver', () => {
  const descriptors = defineOptions([{ name: 'to', type: 'string', default: 'bar', description: 'new name' }]);

  it('resolves and prepares an options object once: a run hands every file the same object', () => {
    let prepared = 0;
    const resolve = optionsResolver(descriptors, (options) => ({ ...options, prepared: ++prepared }));
    const raw = { to: 'baz' };
    expect(resolve(raw)).toEqual({ to: 'baz', prepared: 1 });
    expect(resolve(raw)).toBe(resolve(raw));
    expect(resolve({ to: 'baz' })).toEqual({ to: 'baz', prepared: 2 });
    expect(resolve(undefined)).toEqual({ to: 'bar', prepared: 3 });
  });

  it('throws for a bad object every time it is given, and caches nothing for it', () => {
    const resolve = optionsResolver(descriptors);
    const raw = { too: 'baz' };
    expect(() => resolve(raw)).toThrow(/unknown option 'too'/);
    expect(() => resolve(raw)).toThrow(/unknown option 'too'/);
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../lib/errors.js';
import { resolveOptions, type OptionDescriptor } from '../../lib/options.js';

const descriptors: OptionDescriptor[] = [
  { name: 'keyword', type: 'string[]', description: 'keyword to remove' },
  { name: 'keep', type: 'string', choices: ['first', 'last'], description: 'which repeat to keep' },
  { name: 'strict', type: 'boolean', description: 'warnings become errors' },
  { name: 'limit', type: 'number', description: 'a number' },
];
const defaults = { keyword: [] as string[], keep: undefined as string | undefined, strict: false, limit: 3 };

describe('resolveOptions', () => {
  it('fills defaults and coerces command-line strings', () => {
    expect(resolveOptions({ keyword: 'exc_info=True', strict: 'true', limit: '7' }, descriptors, defaults)).toEqual({ keyword: ['exc_info=True'], keep: undefined, strict: true, limit: 7 });
  });

  it('accepts kebab-case keys and ignores the stock runner\'s own options', () => {
    expect(resolveOptions({ dry: true, print: false, parser: 'babel', _: [], 'keep': 'last' }, descriptors, defaults).keep).toBe('last');
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
      resolveOptions(raw, descriptors, defaults);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).message).toBe(message);
  });
});

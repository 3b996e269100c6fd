import { describe, expect, it } from 'vitest';
import { dig, isTable, tableAt } from '../../../lib/dig.js';

const pyproject = { tool: { setuptools: { packages: ['app'] }, poetry: { group: { dev: { dependencies: {} } } } } };

describe('dig', () => {
  it.each([
    [['tool', 'poetry', 'group', 'dev'], { dependencies: {} }],
    [['tool', 'setuptools', 'packages'], ['app']],
    // an array is no table: its `find` method is not `packages.find`
    [['tool', 'setuptools', 'packages', 'find', 'where'], undefined],
    [['tool', 'hatch', 'build'], undefined],
    [[], pyproject],
  ])('at %j gives %j', (keys, expected) => expect(dig(pyproject, ...keys)).toEqual(expected));

  it.each([undefined, null, 'text', 3, ['a']])('finds nothing inside %j', (value) =>
    expect(dig(value, 'a')).toBeUndefined(),
  );
});

describe('isTable and tableAt', () => {
  it.each([
    [{}, true],
    [[], false],
    [null, false],
    ['{}', false],
  ])('isTable(%j) is %s', (value, expected) => expect(isTable(value)).toBe(expected));

  it('gives the table found, or an empty one where a string or array stands', () => {
    expect(tableAt(pyproject, 'tool', 'poetry', 'group')).toEqual({ dev: { dependencies: {} } });
    expect(tableAt(pyproject, 'tool', 'setuptools', 'packages')).toEqual({});
    expect(tableAt({ project: 'x' }, 'project')).toEqual({});
  });
});

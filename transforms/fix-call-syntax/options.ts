// Options of fix-call-syntax: the keyword a bulk edit injected, and which of two conflicting
// repeats to keep.
import { ConfigError } from '../../lib/engine/errors.js';
import { defineOptions, optionsResolver, type OptionsOf } from '../../lib/engine/options.js';

/** `--keyword exc_info=True` parsed: the name, and the value text when one was given. */
export interface InjectedKeyword {
  name: string;
  value?: string;
}

const KEYWORD_SCHEMA = {
  anyOf: [
    { type: 'string', pattern: '^\\s*[A-Za-z_][A-Za-z0-9_]*\\s*(=.*\\S.*)?$' },
    {
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
        value: { type: 'string', pattern: '\\S' },
      },
      additionalProperties: false,
    },
  ],
};

export const descriptors = defineOptions([
  {
    name: 'keyword',
    type: 'string[]',
    alias: 'k',
    default: [],
    description:
      'a keyword argument a bulk edit injected, NAME or NAME=VALUE (repeatable): removed from calls whose callee does not accept it, from definitions it makes invalid, and (with a VALUE) the fragment ", NAME=VALUE" from string text',
    validate: (value, origin) => parseKeywords(value, origin),
    // one keyword or a list, each NAME, NAME=VALUE or {name, value}
    schema: { anyOf: [KEYWORD_SCHEMA, { type: 'array', items: KEYWORD_SCHEMA }] },
  },
  {
    name: 'keep',
    type: 'string',
    choices: ['first', 'last'],
    // no default: a repeat with different values is reported and the call left alone
    description:
      'for a keyword repeated with different values: keep the first or the last occurrence (default: report and leave the call alone)',
  },
]);

/** `keyword`: removed where provably wrong (calls, strings, definitions); `keep`: absent = report. */
export type FixCallSyntaxOptions = OptionsOf<typeof descriptors>;

/** Validated options with their defaults, once per run. @throws ConfigError naming an unknown or ill-typed option. */
export const resolveFixCallSyntaxOptions = optionsResolver(descriptors);

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `['exc_info=True', 'stacklevel']` ➔ `[{name: 'exc_info', value: 'True'}, {name: 'stacklevel'}]`.
 * @throws ConfigError for a value that is not `NAME` or `NAME=VALUE`.
 */
export function parseKeywords(value: unknown, origin = 'transform options'): InjectedKeyword[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list)) throw badKeyword(value, origin);
  return list.map((item) => {
    if (typeof item === 'object' && item !== null && typeof (item as InjectedKeyword).name === 'string') {
      const { name, value: v } = item as InjectedKeyword;
      if (!NAME.test(name) || (v !== undefined && (typeof v !== 'string' || v.trim() === '')))
        throw badKeyword(item, origin);
      return v === undefined ? { name } : { name, value: v };
    }
    if (typeof item !== 'string') throw badKeyword(item, origin);
    const eq = item.indexOf('=');
    const name = (eq === -1 ? item : item.slice(0, eq)).trim();
    const v = eq === -1 ? undefined : item.slice(eq + 1).trim();
    if (!NAME.test(name) || v === '') throw badKeyword(item, origin);
    return v === undefined ? { name } : { name, value: v };
  });
}

function badKeyword(value: unknown, origin: string): ConfigError {
  return new ConfigError(
    `option 'keyword' in ${origin} must be NAME or NAME=VALUE, got ${JSON.stringify(value)}`,
    '--keyword: e.g. --keyword exc_info=True (the value is Python source text, compared token by token)',
  );
}

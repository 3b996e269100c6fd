// repomod.schema.json, generated from the registry: each transform's option declarations give the
// shape of its `transforms` entry, so an editor completes and checks the config as repomod reads it.
// The schema checks shapes (keys, types, choices); repomod itself checks more (a rule's targets).
import { TOP_LEVEL_KEYS } from '../lib/engine/config.js';
import type { OptionDescriptor } from '../lib/engine/options.js';
import { registry } from './index.js';

export const SCHEMA_FILE = 'repomod.schema.json';

type Schema = Record<string, unknown>;

const stringList: Schema = { type: 'array', items: { type: 'string' } };

/** What the config may hold for one option: as resolveOptions accepts it (a list also as one string). */
function optionSchema(d: OptionDescriptor): Schema {
  const shape: Schema =
    d.schema ??
    {
      boolean: { type: 'boolean' },
      number: { type: 'number' },
      string: d.choices ? { enum: [...d.choices] } : { type: 'string' },
      'string[]': { anyOf: [{ type: 'string' }, stringList] },
    }[d.type];
  return { description: d.description, ...shape, ...(d.default !== undefined ? { default: d.default } : {}) };
}

/** The top-level keys other than `transforms`, as lib/engine/config.ts checks them. */
const SETTINGS: Record<string, Schema> = {
  $schema: { type: 'string', description: 'this schema, e.g. ./node_modules/repomod/repomod.schema.json' },
  paths: { ...stringList, description: 'files, folders or globs to run on when none are given' },
  ignore: { ...stringList, description: 'globs never looked at, as --ignore' },
  maxFileSize: {
    anyOf: [{ type: 'number' }, { type: 'string' }],
    description: 'files past this size are never parsed: bytes, or 10MB, 500k, 1.5MiB',
  },
  select: {
    ...stringList,
    description: '`repomod check`: only these checks and codes (transform names, codes, short codes)',
  },
  ignoreCodes: { ...stringList, description: '`repomod check`: never these checks and codes' },
  cache: { type: 'boolean', description: 'false turns the fact cache off' },
  cacheDir: { type: 'string', minLength: 1, description: 'the fact cache folder, repository-relative' },
};

/** The JSON Schema (draft-07, what editors read) of repomod.config.json. */
export function configSchema(): Schema {
  const definitions: Record<string, Schema> = {};
  const transforms: Record<string, Schema> = {};
  for (const { meta } of registry) {
    const options = Object.fromEntries((meta.options ?? []).map((d) => [d.name, optionSchema(d)]));
    definitions[meta.name] = {
      type: 'object',
      description: meta.description,
      properties: options,
      additionalProperties: false,
    };
    // the config accepts a transform's aliases as its name
    for (const name of [meta.name, ...(meta.aliases ?? [])]) transforms[name] = { $ref: `#/definitions/${meta.name}` };
  }
  const properties: Record<string, Schema> = {};
  for (const key of TOP_LEVEL_KEYS) {
    properties[key] =
      key === 'transforms'
        ? {
            type: 'object',
            description: 'options per transform, by name',
            properties: transforms,
            additionalProperties: false,
          }
        : SETTINGS[key];
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'repomod.config.json',
    type: 'object',
    properties,
    additionalProperties: false,
    definitions,
  };
}

/** The file's text: two-space JSON and a final newline, as committed. */
export const configSchemaText = (): string => `${JSON.stringify(configSchema(), null, 2)}\n`;

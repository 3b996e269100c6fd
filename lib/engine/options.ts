// Option descriptors: one declaration per transform option, from which the CLI builds flags and
// resolveOptions validates what arrives from the CLI, a config file or the stock jscodeshift runner.
import { ConfigError } from './errors.js';

export type OptionType = 'string' | 'boolean' | 'number' | 'string[]';

export interface OptionDescriptor {
  /** camelCase key; the CLI flag is its kebab-case form. */
  name: string;
  type: OptionType;
  description: string;
  /** Allowed values for a string option. */
  choices?: readonly string[];
  /** Extra CLI spellings, e.g. `k` for `--keyword`. */
  alias?: string;
  /** The value a run without this option gets; without one the option is absent (optional). */
  default?: unknown;
  /**
   * Structured values (config-file objects such as rule lists): replaces the type check.
   * Returns the value to use; throws ConfigError naming what is wrong.
   */
  validate?: (value: unknown, origin: string) => unknown;
  /** With `validate`: the JSON Schema of the values it accepts, for repomod.schema.json (shapes only). */
  schema?: Record<string, unknown>;
}

/** The value one declared option resolves to: what `validate` returns, else its type's (or choices'). */
export type OptionValue<D extends OptionDescriptor> = D extends {
  validate: (value: unknown, origin: string) => infer R;
}
  ? R
  : D['type'] extends 'boolean'
    ? boolean
    : D['type'] extends 'number'
      ? number
      : D['type'] extends 'string[]'
        ? string[]
        : D extends { choices: readonly (infer C)[] }
          ? C
          : string;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * The resolved options of a declaration: one key per option, required where a default fills
 * it, optional where it has none. `type Options = OptionsOf<typeof descriptors>`.
 */
export type OptionsOf<Ds extends readonly OptionDescriptor[]> = Simplify<
  { [D in Ds[number] as D extends { default: unknown } ? D['name'] : never]: OptionValue<D> } & {
    [D in Ds[number] as D extends { default: unknown } ? never : D['name']]?: OptionValue<D>;
  }
>;

/**
 * A transform's options, declared once: flags, validation, defaults and (through OptionsOf) the
 * TypeScript type all come from this list. Only keeps the literal types (names, choices).
 * @example
 * const descriptors = defineOptions([{ name: 'strict', type: 'boolean', default: false, description: '…' }]);
 * type Options = OptionsOf<typeof descriptors>; // { strict: boolean }
 */
export function defineOptions<const Ds extends readonly OptionDescriptor[]>(descriptors: Ds & DefaultsFit<Ds>): Ds {
  return descriptors;
}

/** A default must be a value its option can hold (`default: 'middle'` beside choices first, last is a type error). */
type DefaultsFit<Ds extends readonly OptionDescriptor[]> = {
  [I in keyof Ds]: Ds[I] extends { default: infer V }
    ? V extends OptionValue<Ds[I]>
      ? unknown
      : { default: OptionValue<Ds[I]> }
    : unknown;
};

/**
 * Options the stock jscodeshift runner passes to every transform, and the engine's own keys.
 * They are never an error: a transform must run unchanged under `jscodeshift -t`.
 */
const RUNNER_KEYS = new Set([
  '_',
  '$0',
  'dry',
  'd',
  'print',
  'p',
  'verbose',
  'v',
  'babel',
  'extensions',
  'ignorePattern',
  'ignore-pattern',
  'ignoreConfig',
  'ignore-config',
  'runInBand',
  'run-in-band',
  'silent',
  's',
  'parser',
  'parserConfig',
  'parser-config',
  'failOnError',
  'fail-on-error',
  'cpus',
  'c',
  'stdin',
  'transform',
  't',
  'gitignore',
  'hidden',
  'help',
  'h',
  'version',
  'allowDirty',
  'repomodRoot',
]);

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Validate raw options against descriptors, filling their defaults. Strings from the command line
 * (`--transform-option keep=first`) are coerced to the declared type.
 * @throws ConfigError naming the option and what is allowed.
 */
export function resolveOptions<const Ds extends readonly OptionDescriptor[]>(
  raw: Record<string, unknown> | undefined,
  descriptors: Ds,
  origin = 'transform options',
): OptionsOf<Ds> {
  const byName = new Map(descriptors.map((d) => [d.name, d]));
  const result: Record<string, unknown> = {};
  for (const d of descriptors) if ('default' in d) result[d.name] = d.default;
  for (const [rawKey, value] of Object.entries(raw ?? {})) {
    if (RUNNER_KEYS.has(rawKey) || value === undefined) continue;
    const key = camel(rawKey);
    const descriptor = byName.get(key);
    if (!descriptor) {
      const known = descriptors.map((d) => d.name).join(', ') || 'none';
      throw new ConfigError(`unknown option '${rawKey}' in ${origin}`, `known options: ${known}`);
    }
    result[key] = coerce(value, descriptor, origin);
  }
  // the one place a value's type is asserted: each key went through its descriptor's check above
  return result as OptionsOf<Ds>;
}

function coerce(value: unknown, d: OptionDescriptor, origin: string): unknown {
  if (d.validate) return d.validate(value, origin);
  const fail = (): never => {
    throw new ConfigError(
      `option '${d.name}' in ${origin} must be ${describeType(d)}, got ${JSON.stringify(value)}`,
      `--${kebab(d.name)}: ${d.description}`,
    );
  };
  switch (d.type) {
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true') return true;
      if (value === 'false') return false;
      return fail();
    case 'number': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof n === 'number' && Number.isFinite(n) ? n : fail();
    }
    case 'string':
      if (typeof value !== 'string') return fail();
      if (d.choices && !d.choices.includes(value)) return fail();
      return value;
    case 'string[]': {
      const list = typeof value === 'string' ? [value] : value;
      if (!Array.isArray(list) || !list.every((v) => typeof v === 'string')) return fail();
      return list;
    }
  }
}

function describeType(d: OptionDescriptor): string {
  if (d.choices) return `one of ${d.choices.map((c) => `'${c}'`).join(', ')}`;
  return { boolean: 'true or false', number: 'a number', string: 'a string', 'string[]': 'a list of strings' }[d.type];
}

export { kebab as flagName };

/**
 * A transform's options resolver, declared once beside its descriptors: validation and defaults,
 * then `prepare` (e.g. parsing `--map` strings into rules), run once per options object. The
 * engine and the stock runner hand every file of a run the same object, so a run resolves its
 * options once, not once per file; an object seen before returns the same resolved value.
 */
export function optionsResolver<const Ds extends readonly OptionDescriptor[], Prepared = OptionsOf<Ds>>(
  descriptors: Ds,
  prepare?: (options: OptionsOf<Ds>) => Prepared,
): (raw: Record<string, unknown> | undefined) => Prepared {
  const seen = new WeakMap<object, Prepared>();
  return (raw) => {
    const known = raw && seen.get(raw);
    if (known) return known;
    const options = resolveOptions(raw, descriptors);
    const prepared = prepare ? prepare(options) : (options as unknown as Prepared);
    if (raw) seen.set(raw, prepared);
    return prepared;
  };
}

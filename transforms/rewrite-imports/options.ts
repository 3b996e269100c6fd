// Options of rewrite-imports: the rule list (--map and config `rules`), scoping and behaviour flags.
import path from 'node:path';
import { normaliseInside } from '../../lib/engine/containment.js';
import { ConfigError } from '../../lib/engine/errors.js';
import { defineOptions, optionsResolver, type OptionsOf } from '../../lib/engine/options.js';

/** One mapping `from ➔ to`, optionally limited to importing files matching `onlyIn` globs. */
export interface MapRuleSpec {
  kind: 'map';
  from: string;
  to: string;
  onlyIn?: string[];
  /** How the user wrote it, for messages: `a.b=c.d` or `rules[2]`. */
  label: string;
}

/** A ban: `forbid` (a module, package or path prefix) may not be imported in files matching `in`. */
export interface ForbidRuleSpec {
  kind: 'forbid';
  forbid: string;
  in?: string[];
  label: string;
}

export type RuleSpec = MapRuleSpec | ForbidRuleSpec;

/** A rule's `onlyIn`/`in`: one glob or a list of them (repomod.schema.json). */
const GLOBS = {
  anyOf: [
    { type: 'string', minLength: 1 },
    { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
  ],
};

export const descriptors = defineOptions([
  {
    name: 'map',
    type: 'string[]',
    default: [],
    description: 'rewrite rule OLD=NEW (repeatable): dotted Python module, JS package specifier or repository path',
    validate: (value, origin) => validateMap(value, origin),
    schema: {
      anyOf: [
        { type: 'string', pattern: '.=.' },
        { type: 'array', items: { type: 'string', pattern: '.=.' } },
      ],
    },
  },
  {
    name: 'rules',
    type: 'string[]',
    default: [],
    description:
      'ordered rules from repomod.config.json: {"from","to","onlyIn"} or {"forbid","in"} (JSON on the command line)',
    validate: (value, origin) => validateRules(value, origin),
    schema: {
      type: 'array',
      items: {
        anyOf: [
          {
            type: 'object',
            required: ['from', 'to'],
            properties: { from: { type: 'string', minLength: 1 }, to: { type: 'string', minLength: 1 }, onlyIn: GLOBS },
            additionalProperties: false,
          },
          {
            type: 'object',
            required: ['forbid'],
            properties: { forbid: { type: 'string', minLength: 1 }, in: GLOBS },
            additionalProperties: false,
          },
        ],
      },
    },
  },
  {
    name: 'onlyIn',
    type: 'string[]',
    default: [],
    description: 'apply the --map rules only in files matching this glob (repeatable)',
  },
  {
    name: 'absolute',
    type: 'boolean',
    default: false,
    description: 'convert every relative Python import in the given files to its absolute form',
  },
  {
    name: 'keepRelative',
    type: 'boolean',
    default: false,
    description: 'when a relative import must change, keep it relative where possible instead of making it absolute',
  },
  {
    name: 'allStrings',
    type: 'boolean',
    default: false,
    description:
      'also rewrite any string literal whose whole text is a dotted path under an old prefix (not docstrings)',
  },
  {
    name: 'strict',
    type: 'boolean',
    default: false,
    description: 'a rewritten import that resolves nowhere is an error instead of a warning',
  },
  {
    name: 'sourceRoot',
    type: 'string[]',
    default: [],
    description: 'extra Python source root, repo-relative (repeatable)',
  },
  {
    name: 'rewriteText',
    type: 'boolean',
    default: false,
    description:
      'also rewrite mentions of moved paths and modules in non-code text files (shell, YAML, TOML, Dockerfile, Markdown, …)',
  },
  {
    name: 'rewriteDocs',
    type: 'boolean',
    default: false,
    description: 'also rewrite mentions in comments, docstrings and JSDoc examples of Python and JS/TS files',
  },
  {
    name: 'allowDamaged',
    type: 'boolean',
    default: false,
    description: 'with moveFiles, move even when a reference in a file that does not parse cannot be rewritten',
  },
  {
    name: 'moveFiles',
    type: 'boolean',
    default: false,
    description: 'also move the files that path rules name (what `repomod move OLD NEW` does)',
  },
]);

export type RewriteImportsOptions = OptionsOf<typeof descriptors>;

/** Validate raw options (CLI, config file or stock jscodeshift) and split `--map` strings into rules, once per run. */
export const resolveRewriteOptions = optionsResolver(descriptors, withRules);

function withRules(options: RewriteImportsOptions): RewriteImportsOptions & { allRules: RuleSpec[] } {
  const fromMap = options.map.map((text, i) => parseMapString(text, `--map ${text}`, i, options.onlyIn));
  const allRules = [...options.rules, ...fromMap];
  // a run with nothing to do would print an empty diff and exit 0: a forgotten --map looks like success
  if (allRules.length === 0 && !options.absolute) {
    throw new ConfigError(
      'rewrite-imports has no rules',
      'give --map OLD=NEW (repeatable), or "map"/"rules" under "rewrite-imports" in repomod.config.json; --absolute alone converts relative imports',
    );
  }
  checkConflicts(allRules);
  return { ...options, allRules };
}

/** `OLD=NEW` ➔ a map rule. @throws ConfigError naming the rule */
export function parseMapString(text: string, label: string, _index: number, onlyIn: string[] = []): MapRuleSpec {
  const eq = text.indexOf('=');
  const from = eq === -1 ? '' : text.slice(0, eq).trim();
  const to = eq === -1 ? '' : text.slice(eq + 1).trim();
  if (!from || !to)
    throw new ConfigError(`rule '${text}' must be OLD=NEW`, 'e.g. --map shared.utils=orchestration.shared.utils');
  return {
    kind: 'map',
    from: checkTarget(from, label),
    to: checkTarget(to, label),
    ...(onlyIn.length ? { onlyIn } : {}),
    label,
  };
}

/** The `map` option: each `OLD=NEW` checked where it was written (a config file or the command line). */
function validateMap(value: unknown, origin: string): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.every((v) => typeof v === 'string')) {
    throw new ConfigError(
      `option 'map' in ${origin} must be a list of OLD=NEW strings, got ${JSON.stringify(value)}`,
      'e.g. "map": ["shared.utils=orchestration.shared.utils"]',
    );
  }
  list.forEach((text, i) => parseMapString(text, ruleLabel(`--map ${text}`, `map[${i}] '${text}'`, origin), i));
  return list;
}

/** How a message names a rule: the flag as typed, or the entry and the file it is in. */
function ruleLabel(flag: string, entry: string, origin: string): string {
  return /\.json$/.test(origin) ? `${entry} in ${origin}` : flag;
}

/**
 * One side of a rule: a dotted module, a JS package specifier or a repository path, never a way
 * out of the repository (a committed config is input too: `tools/../../x` must not reach a write).
 * @returns the value normalised (`a/./b/` ➔ `a/b`)
 */
function checkTarget(value: string, label: string): string {
  if (/^\.\.?(\/|$)/.test(value) || value.startsWith('/')) {
    throw new ConfigError(
      `rule ${label}: '${value}' is not a module, package or repository path`,
      'write repository paths relative to the repository root, without ./ (src/utils=src/lib/utils)',
    );
  }
  if (/\s/.test(value))
    throw new ConfigError(
      `rule ${label}: '${value}' contains whitespace`,
      'a rule names a module, a package or a path',
    );
  if (!/^[\p{L}\p{N}_.\-/@~+$#:]+$/u.test(value)) {
    throw new ConfigError(
      `rule ${label}: '${value}' is not a valid module name or path`,
      'a rule names a dotted module (a.b.c), a JS package (@scope/pkg) or a repository path (src/utils)',
    );
  }
  const isPath = value.includes('/');
  if (isPath) {
    const inside = normaliseInside(value);
    if (inside !== undefined) return inside;
    const normal = path.posix.normalize(value);
    if (normal === '.' || normal === './')
      throw new ConfigError(
        `rule ${label}: '${value}' names the repository root itself`,
        'name a module, a package or a path inside the repository',
      );
    throw new ConfigError(
      `rule ${label}: '${value}' leads outside the repository (it normalises to '${normal}')`,
      'rules may only name modules and paths inside the repository',
    );
  }
  // a plain dotted name is a Python module (or an npm package name written the same way)
  if (!/[@\-#:]/.test(value) && value.split('.').some((part) => !/^[\p{L}_][\p{L}\p{N}_]*$/u.test(part))) {
    throw new ConfigError(
      `rule ${label}: '${value}' is not a valid module name (each dotted part must start with a letter or _)`,
      'name a dotted module (a.b.c), a JS package (@scope/pkg) or a repository path; a top-level directory ends with / (2024/)',
    );
  }
  return value;
}

const MAP_KEYS = ['from', 'to', 'onlyIn'];
const FORBID_KEYS = ['forbid', 'in'];

/** The `rules` option: a list of objects (config) or JSON strings (command line). */
export function validateRules(value: unknown, origin: string): RuleSpec[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list))
    throw new ConfigError(
      `option 'rules' in ${origin} must be a list of rules`,
      'e.g. "rules": [{"from": "a.b", "to": "c.b"}, {"forbid": "svc.private", "in": "shared/**"}]',
    );
  return list.map((entry, i) => {
    const label = `rules[${i}]`;
    let rule: unknown = entry;
    if (typeof entry === 'string') {
      try {
        rule = JSON.parse(entry);
      } catch {
        throw new ConfigError(
          `${label} in ${origin} is not JSON: ${entry}`,
          'e.g. --rules \'{"forbid": "svc.private", "in": "shared/**"}\'',
        );
      }
    }
    if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) {
      throw new ConfigError(
        `${label} in ${origin} must be an object, got ${JSON.stringify(rule)}`,
        'a rule is {"from", "to", "onlyIn"?} or {"forbid", "in"?}',
      );
    }
    const r = rule as Record<string, unknown>;
    const shown = `${label} ${JSON.stringify(r)}`;
    const isForbid = 'forbid' in r;
    const allowed = isForbid ? FORBID_KEYS : MAP_KEYS;
    for (const key of Object.keys(r)) {
      // kind and label: a rule list that already went through this function
      if (!allowed.includes(key) && key !== 'kind' && key !== 'label') {
        throw new ConfigError(
          `${shown} in ${origin} has unknown key '${key}'`,
          isForbid
            ? 'a ban has "forbid" and optionally "in"'
            : 'a mapping has "from", "to" and optionally "onlyIn"; a ban has "forbid" and "in"',
        );
      }
    }
    const globs = (key: string): string[] | undefined => {
      const v = r[key];
      if (v === undefined) return undefined;
      const globsList = typeof v === 'string' ? [v] : v;
      if (
        !Array.isArray(globsList) ||
        globsList.length === 0 ||
        !globsList.every((g) => typeof g === 'string' && g !== '')
      ) {
        throw new ConfigError(
          `${shown} in ${origin}: '${key}' must be a glob or a list of globs`,
          `e.g. "${key}": "services/**"`,
        );
      }
      return globsList as string[];
    };
    if (isForbid) {
      if (typeof r.forbid !== 'string' || !r.forbid.trim())
        throw new ConfigError(
          `${shown} in ${origin}: 'forbid' must be a non-empty string`,
          'e.g. "forbid": "orchestration.shared"',
        );
      const forbid = checkTarget(r.forbid.trim(), ruleLabel(label, label, origin));
      const scope = globs('in');
      return { kind: 'forbid', forbid, ...(scope ? { in: scope } : {}), label } satisfies ForbidRuleSpec;
    }
    for (const key of ['from', 'to']) {
      if (typeof r[key] !== 'string' || !(r[key] as string).trim()) {
        throw new ConfigError(
          `${shown} in ${origin}: '${key}' must be a non-empty string`,
          'a mapping is {"from": "OLD", "to": "NEW"}',
        );
      }
    }
    const where = ruleLabel(label, label, origin);
    const from = checkTarget((r.from as string).trim(), where);
    const to = checkTarget((r.to as string).trim(), where);
    const onlyIn = globs('onlyIn');
    return { kind: 'map', from, to, ...(onlyIn ? { onlyIn } : {}), label } satisfies MapRuleSpec;
  });
}

/** Two unscoped mappings of the same prefix to different places would make the result a guess. */
function checkConflicts(rules: RuleSpec[]): void {
  const seen = new Map<string, MapRuleSpec>();
  for (const rule of rules) {
    if (rule.kind !== 'map') continue;
    if (rule.from === rule.to)
      throw new ConfigError(`rule ${rule.label} maps '${rule.from}' to itself`, 'remove the rule or fix its target');
    const key = `${rule.from}\0${(rule.onlyIn ?? []).join(',')}`;
    const other = seen.get(key);
    if (other && other.to !== rule.to) {
      throw new ConfigError(
        `rules ${other.label} and ${rule.label} both map '${rule.from}' (to '${other.to}' and to '${rule.to}')`,
        'keep one of them, or limit one with onlyIn',
      );
    }
    seen.set(key, rule);
  }
}

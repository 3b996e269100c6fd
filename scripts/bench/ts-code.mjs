// Realistic TypeScript and JavaScript modules for the synthetic repository: imports at the top
// (some dynamic ones inside functions), interfaces, classes, functions, arrow functions, logger
// calls and template strings. TypeScript parses with jscodeshift's `ts` parser; JavaScript is
// plain ES2022 (ESM or CommonJS), so it parses with every JS parser.
import { ADJECTIVES, NOUNS, SENTENCES, VERBS, camel, pascal } from './random.mjs';
import { Lines } from './lines.mjs';

/** The package specifier a few percent of TS/JS files import (the rewrite-imports job moves it). */
export const TS_TARGET = '@acme/core/util';
/** Repository path of the same module, imported relatively by some files (after `git mv` it lives in NEW). */
export const TS_TARGET_PATH = 'packages/core/src/util';
export const TS_TARGET_PATH_NEW = 'packages/platform/src/util';

const NODE_IMPORTS = [
  "import { readFile, writeFile } from 'node:fs/promises';",
  "import path from 'node:path';",
  "import { createHash } from 'node:crypto';",
  "import { EventEmitter } from 'node:events';",
  "import { setTimeout as delay } from 'node:timers/promises';",
];
const PACKAGES = ['@acme/logging', '@acme/config', '@acme/http', '@acme/db', 'zod', 'lodash', 'date-fns'];

/**
 * Source text of one TS or JS module.
 * @param random a createRandom() stream for this file
 * @param spec {{ typescript: boolean, commonjs: boolean, siblings: string[], targetForms: string[],
 *   relativeTarget: string, nearMiss: boolean, test: boolean, foo: boolean, size: number }}
 */
export function tsModule(random, spec) {
  const ts = spec.typescript;
  const cjs = spec.commonjs;
  const out = new Lines('  ');
  const noun = random.pick(NOUNS);
  const forms = new Set(spec.targetForms);
  // module-level bindings must be unique: parsers reject a second `const X` or `import { X }`
  const taken = new Set(['logger', 'createLogger', 'retry', 'withTimeout', 'foo', 'formatBytes', 'retryWithBackoff']);
  const unique = (name) => {
    let candidate = name;
    for (let i = 2; taken.has(candidate); i++) candidate = `${name}${i}`;
    taken.add(candidate);
    return candidate;
  };
  random.unique = unique;
  let declared = 0;
  // block-level consts get a running number for the same reason
  random.seq = () => ++declared;
  out.line(0, '/**');
  out.line(
    0,
    ` * ${pascal(noun)} ${random.pick(['service', 'handlers', 'helpers', 'store', 'client'])}: ${random.pick(SENTENCES).toLowerCase()}.`,
  );
  out.line(0, ' */');
  if (cjs) out.line(0, "'use strict';");

  const imp = (names, from, type = false) =>
    cjs ? `const { ${names} } = require('${from}');` : `import ${type ? 'type ' : ''}{ ${names} } from '${from}';`;
  for (const line of random.sample(NODE_IMPORTS, random.range(0, 2))) {
    out.line(
      0,
      cjs
        ? line
            .replace(/^import \{ (.*) \} from '(.*)';$/, "const { $1 } = require('$2');")
            .replace(/^import (\w+) from '(.*)';$/, "const $1 = require('$2');")
            .replace(' as ', ': ')
        : line,
    );
  }
  out.line(0, imp('createLogger', '@acme/logging'));
  for (const pkg of random.sample(PACKAGES.slice(1), random.range(0, 2)))
    out.line(0, imp(unique(camel(random.pick(VERBS), random.pick(NOUNS))), pkg));
  if (ts)
    out.line(
      0,
      imp(
        `${unique(pascal(random.pick(NOUNS)))}, ${unique(pascal(random.pick(NOUNS), 'options'))}`,
        '@acme/types',
        true,
      ),
    );
  for (const sibling of random.sample(spec.siblings, random.range(1, 4)))
    out.line(0, imp(unique(pascal(random.pick(NOUNS), random.pick(['client', 'store', 'error']))), sibling));
  // import { retry } from '@acme/core/util'  (the forms the rewrite-imports job must find)
  if (forms.has('import')) out.line(0, imp('retry, withTimeout', TS_TARGET));
  if (forms.has('import-type') && ts) out.line(0, `import type { RetryOptions } from '${TS_TARGET}/types';`);
  if (forms.has('export-from'))
    out.line(
      0,
      cjs
        ? `module.exports.retryWithBackoff = require('${TS_TARGET}').retry;`
        : `export { retry as retryWithBackoff } from "${TS_TARGET}";`,
    );
  if (forms.has('relative')) out.line(0, imp('retry', spec.relativeTarget));
  if (forms.has('side-effect') && !cjs) out.line(0, `import '${TS_TARGET}/polyfills';`);
  if (spec.nearMiss) out.line(0, imp('formatBytes', `${TS_TARGET}ities`));
  if (forms.has('jest-mock')) {
    out.blank();
    out.line(0, `jest.mock('${TS_TARGET}', () => ({ retry: jest.fn((fn) => fn()) }));`);
  }
  out.blank();
  out.line(0, `const logger = createLogger('${noun}.${random.pick(ADJECTIVES)}');`);
  out.blank();
  for (let i = random.range(1, 3); i > 0; i--) out.line(0, constant(random, ts, cjs));

  const uses = [...forms].filter((f) => f === 'import' || f === 'dynamic' || f === 'relative');
  if (spec.foo) uses.push('foo');
  const exported = [];
  let index = 0;
  while (out.size < spec.size || uses.length > 0) {
    out.blank();
    const use = uses.shift();
    if (spec.test) testBlock(out, random, ts, use);
    else if (use === 'foo') fooBlock(out, random, ts, cjs, exported);
    else if (random.chance(0.35)) tsClass(out, random, ts, cjs, use, exported);
    else if (ts && !use && random.chance(0.25)) tsTypes(out, random);
    else
      tsFunction(
        out,
        random,
        ts,
        cjs,
        `${random.pick(VERBS)}${pascal(random.pick(ADJECTIVES), random.pick(NOUNS))}${index || ''}`,
        use,
        exported,
      );
    index++;
  }
  if (cjs && exported.length) {
    out.blank();
    out.line(0, `module.exports = { ${exported.join(', ')} };`);
  }
  return out.text();
}

const exportKw = (cjs) => (cjs ? '' : 'export ');

function constant(random, ts, cjs) {
  const name = random.unique(`${random.pick(ADJECTIVES)}_${random.pick(NOUNS)}`.toUpperCase());
  switch (random.int(3)) {
    case 0:
      return `${exportKw(cjs)}const ${name}_TIMEOUT_MS = ${random.range(1, 120)}_000;`;
    case 1:
      return `const ${name}_KEY = '${random.pick(NOUNS)}:${random.pick(ADJECTIVES)}';`;
    default:
      return `const ${name}_STATES${ts ? ': ReadonlySet<string>' : ''} = new Set(['${random.pick(ADJECTIVES)}', '${random.pick(ADJECTIVES)}']);`;
  }
}

function tsTypes(out, random) {
  const noun = random.pick(NOUNS);
  out.line(0, `export interface ${random.unique(pascal(noun, 'record'))} {`);
  out.line(1, `id: string;`);
  for (let i = random.range(2, 6); i > 0; i--)
    out.line(
      1,
      `${camel(random.pick(ADJECTIVES), random.pick(NOUNS))}${random.chance(0.3) ? '?' : ''}: ${random.pick(['string', 'number', 'boolean', 'Date', 'string[]', `Record<string, number>`])};`,
    );
  out.line(0, '}');
  out.blank();
  out.line(
    0,
    `export type ${random.unique(pascal(noun, 'status'))} = '${random.pick(ADJECTIVES)}' | '${random.pick(ADJECTIVES)}' | 'failed';`,
  );
  if (random.chance(0.3)) {
    out.blank();
    out.line(0, `export enum ${random.unique(pascal(noun, 'kind'))} {`);
    for (const adj of random.sample(ADJECTIVES, 3)) out.line(1, `${pascal(adj)} = '${adj}',`);
    out.line(0, '}');
  }
}

function tsClass(out, random, ts, cjs, use, exported) {
  const noun = random.pick(NOUNS);
  const name = random.unique(pascal(noun, random.pick(['service', 'store', 'client', 'controller', 'repository'])));
  exported.push(name);
  out.line(0, `${exportKw(cjs)}class ${name} {`);
  if (ts) {
    out.line(1, `private readonly cache = new Map<string, ${pascal(noun)}>();`);
    out.blank();
    out.line(
      1,
      `constructor(private readonly client: ${pascal(random.pick(NOUNS), 'client')}, private readonly options: ${pascal(noun, 'options')} = {}) {}`,
    );
  } else {
    out.line(1, 'constructor(client, options = {}) {');
    out.line(2, 'this.client = client;');
    out.line(2, 'this.options = options;');
    out.line(2, 'this.cache = new Map();');
    out.line(1, '}');
  }
  for (let i = random.range(2, 5); i > 0; i--) {
    out.blank();
    method(out, random, ts, 1, `${random.pick(VERBS)}${pascal(random.pick(NOUNS))}`, i === 1 ? use : undefined, true);
  }
  out.line(0, '}');
}

function tsFunction(out, random, ts, cjs, name, use, exported) {
  name = random.unique(name);
  exported.push(name);
  if (random.chance(0.3)) {
    const noun = random.pick(NOUNS);
    out.line(
      0,
      `${exportKw(cjs)}const ${name} = (${noun}${ts ? `: ${pascal(noun)}` : ''})${ts ? `: ${pascal(noun)}` : ''} => ({`,
    );
    out.line(1, `...${noun},`);
    out.line(1, `status: ${noun}.status ?? '${random.pick(ADJECTIVES)}',`);
    out.line(1, `updatedAt: new Date().toISOString(),`);
    out.line(0, '});');
    if (!use) return;
    out.blank();
    name = random.unique(`${name}Async`);
    exported.push(name);
  }
  method(out, random, ts, 0, name, use, false, cjs);
}

/** A function or method body with a handful of statements; `use` adds a use of the moved module. */
function method(out, random, ts, indent, name, use, isMethod, cjs = false) {
  const noun = random.pick(NOUNS);
  const isAsync = use === 'dynamic' || use === 'import' || use === 'relative' || random.chance(0.4);
  const params = random.sample(NOUNS, random.range(1, 3)).map((n) => (ts ? `${n}Id: string` : `${n}Id`));
  if (random.chance(0.3)) params.push('limit = 100');
  const returns = ts ? `: ${isAsync ? `Promise<${pascal(noun)} | undefined>` : `${pascal(noun)}[]`}` : '';
  const head = isMethod
    ? `${isAsync ? 'async ' : ''}${name}(${params.join(', ')})${returns} {`
    : `${exportKw(cjs)}${isAsync ? 'async ' : ''}function ${name}(${params.join(', ')})${returns} {`;
  if (random.chance(0.4)) {
    out.line(indent, '/**');
    out.line(indent, ` * ${random.pick(SENTENCES)}.`);
    out.line(indent, ' */');
  }
  out.line(indent, head);
  const body = indent + 1;
  // const { retry } = await import('@acme/core/util')  (a lazy import inside a function)
  if (use === 'dynamic') out.line(body, `const { retry } = await import('${TS_TARGET}');`);
  if (use)
    out.line(
      body,
      `const ${noun}${random.seq()} = await retry(() => ${isMethod ? 'this.client' : 'client'}.get(\`/${noun}s/\${${params[0].split(':')[0]}}\`), { attempts: ${random.range(2, 5)} });`,
    );
  for (let i = random.range(3, 8); i > 0; i--) statement(out, random, ts, body, 0, isMethod);
  out.line(
    body,
    `return ${isAsync ? random.pick(['undefined', `${isMethod ? 'this.cache' : 'cache'}.get(${params[0].split(':')[0]})`]) : '[]'};`,
  );
  out.line(indent, '}');
}

function statement(out, random, ts, indent, depth, isMethod) {
  const a = random.pick(NOUNS);
  const b = random.pick(NOUNS);
  const adj = random.pick(ADJECTIVES);
  const self = isMethod ? 'this.' : '';
  switch (depth > 1 ? random.int(4) : random.int(8)) {
    case 0:
      out.line(indent, `logger.info(\`${random.pick(VERBS)} ${a} \${${a}Id} for ${b}\`);`);
      break;
    case 1:
      out.line(
        indent,
        `const ${adj}${pascal(a)}s${random.seq()} = ${b}s.filter((item) => item.${camel(adj, 'at')} !== undefined && item.status === '${adj}');`,
      );
      break;
    case 2:
      out.line(indent, `const ${a}Payload${random.seq()} = { ${a}Id, kind: '${b}', state: '${adj}', at: Date.now() };`);
      break;
    case 3:
      out.line(indent, `logger.debug('${random.pick(SENTENCES).toLowerCase().replace(/'/g, '')}', { ${a}Id });`);
      break;
    case 4:
      out.line(indent, `if (!${a}Id || ${self}cache.size > ${random.range(100, 10000)}) {`);
      out.line(indent + 1, `logger.warn(\`skipping ${a} \${${a}Id}: ${adj}\`);`);
      statement(out, random, ts, indent + 1, depth + 1, isMethod);
      out.line(indent + 1, 'return undefined;');
      out.line(indent, '}');
      break;
    case 5:
      out.line(indent, `for (const ${a} of ${b}s) {`);
      for (let i = random.range(1, 3); i > 0; i--) statement(out, random, ts, indent + 1, depth + 1, isMethod);
      out.line(indent, '}');
      break;
    case 6:
      out.line(indent, 'try {');
      statement(out, random, ts, indent + 1, depth + 1, isMethod);
      out.line(indent, `} catch (error) {`);
      out.line(
        indent + 1,
        `logger.error('could not ${random.pick(VERBS)} ${a}', { error: ${ts ? 'error as Error' : 'error'} });`,
      );
      out.line(indent + 1, `throw new Error(\`${a} \${${a}Id} is ${adj}\`);`);
      out.line(indent, '}');
      break;
    default:
      out.line(
        indent,
        `const ${camel('total', a)}${random.seq()} = ${b}s.reduce((sum, ${b}) => sum + (${b}.amount ?? 0), 0);`,
      );
      break;
  }
}

/** A helper named `foo` and its callers: the third-party job renames the identifier `foo`. */
function fooBlock(out, random, ts, cjs, exported) {
  exported.push('foo');
  out.line(
    0,
    `${exportKw(cjs)}function foo(value${ts ? ': number' : ''}, factor = ${random.range(2, 9)})${ts ? ': number' : ''} {`,
  );
  out.line(1, 'return Math.round(value * factor);');
  out.line(0, '}');
  out.blank();
  const noun = random.pick(NOUNS);
  const helpers = random.unique(`${noun}Helpers`);
  out.line(0, `const ${helpers} = { foo, scale: (n${ts ? ': number' : ''}) => foo(n, 10) };`);
  out.line(
    0,
    `const ${random.unique(`scaled${pascal(noun)}`)} = [1, 2, 3].map((n) => foo(n)).concat(${helpers}.foo(${random.range(1, 99)}));`,
  );
}

function testBlock(out, random, ts, use) {
  const noun = random.pick(NOUNS);
  out.line(0, `describe('${noun} ${random.pick(VERBS)}', () => {`);
  for (let i = random.range(2, 5); i > 0; i--) {
    out.line(1, `it('${random.pick(VERBS)}s a ${random.pick(ADJECTIVES)} ${noun}', async () => {`);
    out.line(
      2,
      `const ${noun} = { id: '${noun}-${random.range(1, 999)}', status: '${random.pick(ADJECTIVES)}' }${ts ? ' as const' : ''};`,
    );
    if (use === 'dynamic' && i === 1) out.line(2, `const { retry } = await import('${TS_TARGET}');`);
    if (use === 'foo' && i === 1) out.line(2, `const foo = (n${ts ? ': number' : ''}) => n * 2;`);
    out.line(
      2,
      `const result = await ${random.pick(VERBS)}${pascal(noun)}(${noun}.id${use === 'foo' && i === 1 ? ', foo(2)' : ''});`,
    );
    if (use && use !== 'foo' && i === 1) out.line(2, 'expect(retry).toHaveBeenCalled();');
    out.line(
      2,
      `expect(result${random.chance(0.5) ? '.status' : ''}).toEqual(${random.pick(["'ok'", '0', 'undefined', `'${random.pick(ADJECTIVES)}'`])});`,
    );
    out.line(1, '});');
  }
  out.line(0, '});');
}

// `--shape typescript`: a TS/JS monorepo shaped like real ones rather than like the mixed bench's
// even packages: long-tailed file sizes (most files 1–4 KB, a few past 100 KB), a fifth of the files
// naming the moved module, deep folders (relative specifiers climbing five or six levels),
// .ts, .tsx and .js side by side, and a few files that do not parse (a merge left half-done).
import { ADJECTIVES, AREAS, NOUNS, SERVICES, VERBS, pascal } from './random.mjs';
import { scriptForms, specifier } from './generate.mjs';
import { TS_TARGET_PATH, TS_TARGET_PATH_NEW, tsModule } from './ts-code.mjs';

/** Share of files that import the moved module (real monorepos: 10–30%). */
const IMPORTER_RATE = 0.2;
/** Share of files that do not parse. */
const BROKEN_RATE = 0.005;
const NEAR_MISS_RATE = 0.01;
/** Log-normal sizes: median ~1.6 KB of text, mean ~3.5 KB, a long tail clamped at 250 KB. */
const MEAN = 2400;
const SIGMA = 1.25;
const LAYERS = ['features', 'modules', 'domain', 'components', 'hooks', 'services', 'lib', 'utils', '__tests__'];

/**
 * Every file's plan: the moved module's new home, then packages/<pkg>/src/<layer>/<area>/…/ folders
 * one to four levels deeper, each package TypeScript (a quarter of its files .tsx) or JavaScript.
 * @param fixed (path, language, text) => entry, for files with fixed text
 */
export function planRealisticScripts(random, count, fixed, utilModule) {
  const entries = [
    fixed(`${TS_TARGET_PATH_NEW}/index.ts`, 'typescript', utilModule),
    fixed(
      `${TS_TARGET_PATH_NEW}/types.ts`,
      'typescript',
      'export interface RetryOptions {\n  attempts?: number;\n  delayMs?: number;\n}\n',
    ),
  ];
  const roles = ['api', 'web', 'worker', 'sdk', 'cli', 'ui'];
  for (let p = 0; entries.length < count; p++) {
    const name = `${SERVICES[p % SERVICES.length]}-${roles[Math.floor(p / SERVICES.length) % roles.length]}${p >= SERVICES.length * roles.length ? `-${Math.floor(p / (SERVICES.length * roles.length)) + 1}` : ''}`;
    const javascript = p % 5 === 4;
    const commonjs = javascript && p % 10 === 9;
    const srcDir = `packages/${name}/${javascript ? 'lib' : 'src'}`;
    const files = [];
    // packages differ in size as much as files do: 20 to 400 files
    const size = random.size(90, 0.9, 20, 400);
    const dirs = [];
    for (let d = 0; d < Math.ceil(size / 8); d++) {
      const depth = random.range(1, 4);
      const parts = [random.pick(LAYERS)];
      for (let i = 1; i < depth; i++) parts.push(i === 1 ? random.pick(AREAS) : random.pick(NOUNS));
      dirs.push(`${srcDir}/${parts.join('/')}`);
    }
    const names = new Set();
    for (let i = 0; i < size; i++) {
      const dir = random.pick(dirs);
      const test = dir.endsWith('__tests__') || random.chance(0.12);
      const tsx = !javascript && (dir.includes('components') || random.chance(0.15));
      let base = test
        ? `${random.pick(NOUNS)}-${random.pick(VERBS)}.test`
        : tsx
          ? pascal(random.pick(ADJECTIVES), random.pick(NOUNS))
          : `${random.pick(NOUNS)}-${random.pick(['service', 'store', 'client', 'handlers', 'utils', 'model', 'api'])}`;
      while (names.has(`${dir}/${base}`)) base += '-2';
      names.add(`${dir}/${base}`);
      files.push({ dir, base, test, ext: javascript ? 'js' : tsx ? 'tsx' : 'ts' });
    }
    for (const file of files) {
      if (entries.length >= count) break;
      const entry = {
        path: `${file.dir}/${file.base}.${file.ext}`,
        language: javascript ? 'javascript' : 'typescript',
        realistic: true,
        tsx: file.ext === 'tsx',
        typescript: !javascript,
        commonjs,
        test: file.test,
        siblings: random
          .sample(
            files.filter((f) => f !== file && !f.test),
            5,
          )
          .map((f) => specifier(file.dir, `${f.dir}/${f.base}`, false)),
        relativeTarget: specifier(file.dir, TS_TARGET_PATH, false),
        nearMiss: random.chance(NEAR_MISS_RATE),
        foo: false,
        size: random.size(MEAN, SIGMA, 150, 250_000),
        broken: random.chance(BROKEN_RATE),
      };
      entry.targetForms = random.chance(IMPORTER_RATE) ? scriptForms(random, entry) : [];
      entries.push(entry);
    }
  }
  return entries;
}

/** One module: the mixed bench's TS/JS text, a React component in .tsx files, damage in broken ones. */
export function realisticModule(random, entry) {
  let text = tsModule(random, entry);
  if (entry.tsx) text += component(random);
  if (entry.broken) {
    // a merge conflict committed by mistake: no parser accepts the markers
    const lines = text.split('\n');
    const at = random.range(Math.min(8, lines.length - 1), lines.length - 1);
    lines.splice(
      at,
      0,
      '<<<<<<< HEAD',
      lines[at] ?? '',
      '=======',
      `// ${random.pick(VERBS)} ${random.pick(NOUNS)}`,
      '>>>>>>> main',
    );
    text = lines.join('\n');
  }
  return text;
}

function component(random) {
  const name = pascal(random.pick(ADJECTIVES), random.pick(NOUNS), 'view');
  const noun = random.pick(NOUNS);
  return `
export interface ${name}Props {
  ${noun}Id: string;
  title?: string;
  onSelect?: (id: string) => void;
}

export function ${name}({ ${noun}Id, title = '${noun}', onSelect }: ${name}Props) {
  const label = \`\${title}: \${${noun}Id}\`;
  return (
    <section className="${noun}-view" aria-label={label}>
      <h2>{title}</h2>
      <button type="button" onClick={() => onSelect?.(${noun}Id)}>
        ${random.pick(VERBS)} {${noun}Id}
      </button>
    </section>
  );
}
`;
}

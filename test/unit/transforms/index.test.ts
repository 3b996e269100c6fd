// Every folder under transforms/ is a transform, and a transform is complete only when each place
// the README's "Adding a transform" checklist names has it. Reads the tree as it is (creates
// nothing) and fails with the forgotten places named, as typescript-eslint's docs test does.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { demoSteps, registry, type MessagesModule } from '../../../transforms/index.js';
import { strayFixtures } from '../../helpers/fixtures.js';
import { REPO_ROOT } from '../../helpers/paths.js';

const at = (...parts: string[]) => path.join(REPO_ROOT, ...parts);
const folders = readdirSync(at('transforms'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const hooks = parse(readFileSync(at('.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string }[];
const readme = readFileSync(at('README.md'), 'utf8');

/** messages.ts of a folder, through its registry entry when it has one (as `repomod explain` reads it). */
async function messagesOf(name: string): Promise<Partial<MessagesModule>> {
  const entry = registry.find((e) => e.meta.name === name);
  return entry ? entry.loadMessages() : import(pathToFileURL(at('transforms', name, 'messages.ts')).href);
}

/** The places `transforms/<name>` is missing from, each as a sentence saying what to add where. */
async function missingPlaces(name: string): Promise<string[]> {
  const missing: string[] = [];
  const folder = `transforms/${name}`;
  const registered = registry.some((e) => e.meta.name === name);
  if (!registered)
    missing.push(`${folder} is not registered: add its meta (named '${name}') to the list in transforms/index.ts`);
  for (const file of ['index.ts', 'meta.ts', 'README.md', 'messages.ts']) {
    if (!existsSync(at(folder, file))) missing.push(`${folder}/${file} is missing (STYLE.md: Layout)`);
  }
  if (existsSync(at(folder, 'messages.ts'))) {
    const { messages, explanations } = await messagesOf(name);
    if (typeof messages !== 'object') missing.push(`${folder}/messages.ts exports no \`messages\` table`);
    const codes = Object.keys(explanations ?? {});
    if (codes.length === 0)
      missing.push(`${folder}/messages.ts exports no \`explanations\` (the \`repomod explain\` entries of its codes)`);
    for (const code of codes.filter((c) => !c.startsWith(`${name}/`)))
      missing.push(`${folder}/messages.ts explains '${code}', which is not one of its codes ('${name}/…')`);
  }
  const cases = ['files', 'repos'].flatMap((kind) =>
    existsSync(at('__testfixtures__', name, kind)) ? readdirSync(at('__testfixtures__', name, kind)) : [],
  );
  if (cases.length === 0) {
    missing.push(
      `__testfixtures__/${name}/ has no fixture cases: add files/<case>.input.<ext> and .output.<ext>, or repos/<case>/input/ and output/`,
    );
  }
  for (const stray of strayFixtures(name))
    missing.push(`__testfixtures__/${name}/${stray}: the fixture loop never runs it, move or delete it`);
  const testFile = `test/unit/transforms/${name}/index.test.ts`;
  if (!existsSync(at(testFile)) || !readFileSync(at(testFile), 'utf8').includes(`describeFixtures('${name}')`)) {
    missing.push(`${testFile} does not run the fixtures: add describeFixtures('${name}')`);
  }
  if (!hooks.some((h) => h.id === `repomod-${name}` && h.entry === `repomod ${name} --check`)) {
    missing.push(
      `${folder} is not in .pre-commit-hooks.yaml: add a hook with id 'repomod-${name}' and entry 'repomod ${name} --check'`,
    );
  }
  // a registered transform gets a plain dry run unless its meta.demo says otherwise
  if (registered && !demoSteps().some((step) => step[0] === name))
    missing.push(`${folder} has no step in \`npm run demo\`: its meta.demo must run '${name}'`);
  if (!readme.includes(`| [\`repomod ${name}\`](${folder}/README.md)`)) {
    missing.push(
      `${folder} has no row in README.md's command table: add | [\`repomod ${name}\`](${folder}/README.md) | what it fixes |`,
    );
  }
  return missing;
}

describe('the transform registry', () => {
  it('finds the transform folders it checks', () => {
    expect(folders.length).toBeGreaterThan(0);
  });

  it.each(folders)('transforms/%s is in every place a transform needs', async (name) => {
    expect(await missingPlaces(name)).toEqual([]);
  });

  it.each(registry.map((e) => e.meta.name))('registered %s lives in the folder of its name', (name) => {
    expect(
      existsSync(at('transforms', name, 'index.ts')),
      `transforms/index.ts registers '${name}' but transforms/${name}/index.ts does not exist`,
    ).toBe(true);
  });
});

// `repomod explain`: every code any transform, `check` or `repomod bundle` reports has an entry with
// every part, found from the message tables and from the code that reports; the command's output.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeListText, explainText } from '../../../../cli/commands/explain.js';
import { suppressionText } from '../../../../lib/engine/explanations.js';
import { loadExplanations, loadMessageTables } from '../../../../api/explanations.js';
import { REPO_ROOT, repomodInProcess } from '../../../helpers/cli.js';
import { SOURCE_FOLDERS } from '../../../helpers/paths.js';
import { repoWith } from '../../../helpers/tree.js';

const entries = await loadExplanations();
const tables = await loadMessageTables();

/** Every .ts file under a source folder, with comments removed (a doc comment may name an example code). */
function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = path.join(dir, name);
    if (statSync(abs).isDirectory()) return sources(abs);
    if (!name.endsWith('.ts') || name === 'messages.ts' || name === 'explanations.ts') return [];
    const text = readFileSync(abs, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
    return [{ file: path.relative(REPO_ROOT, abs), text }];
  });
}

describe('every reportable code has an explanation', () => {
  const variants = new Set([...entries.values()].flatMap((e) => e.messages ?? []));

  it.each(tables.filter((t) => t.owner !== 'engine').map((t) => [t.owner, t] as const))(
    'every message of %s',
    (owner, table) => {
      expect(Object.keys(table.explanations).length).toBeGreaterThan(0);
      const unexplained = Object.keys(table.messages).filter((key) => {
        const code = key.includes('/') || entries.has(key) ? key : `${owner}/${key}`;
        return !entries.has(code) && !variants.has(key);
      });
      expect(unexplained).toEqual([]);
    },
  );

  it('every code the reporting code names (transform, bundle and engine codes)', () => {
    const owners = tables
      .map((t) => t.owner)
      .filter((o) => o !== 'engine')
      .join('|');
    const prefixed = new RegExp(`['\`]((?:${owners})/[a-z-]+)['\`]`, 'g');
    const named = new Set<string>();
    for (const { text } of SOURCE_FOLDERS.flatMap((d) => sources(path.join(REPO_ROOT, d)))) {
      for (const m of text.matchAll(prefixed)) named.add(m[1]);
      for (const m of text.matchAll(/\bcode: '([a-z-]+)'/g)) named.add(m[1]);
      for (const m of text.matchAll(/'(parse-error|transform-error)'/g)) named.add(m[1]);
    }
    expect(named.size).toBeGreaterThan(20); // most codes are message-table keys; these are the ones written out
    expect([...named].filter((code) => !entries.has(code) && !variants.has(code))).toEqual([]);
  });

  it.each([...entries].map(([code, e]) => [code, e] as const))('%s has every part', (code, e) => {
    expect(e.severity).toMatch(/^(error|warning|info)\b/);
    for (const part of [e.summary, e.why, e.before, e.after, e.fix]) expect(part.trim().length).toBeGreaterThan(5);
    expect(e.before).not.toBe(e.after);
    expect(suppressionText(code, e).length).toBeGreaterThan(0);
    const text = explainText(code, e, suppressionText(code, e));
    for (const heading of [
      '## Why it matters',
      '## Example',
      'Before:',
      'After:',
      '## How to fix',
      '## How to suppress',
    ])
      expect(text).toContain(heading);
  });
});

describe('repomod explain', () => {
  it('prints a code as Markdown: summary, why, the example before and after, fix, suppression', async () => {
    const run = await repomodInProcess(REPO_ROOT, ['explain', 'fix-call-syntax/kept-repeat']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        '# fix-call-syntax/kept-repeat (warning)',
        '',
        'A keyword argument repeated with different values: --keep chose which one stays.',
        '',
        '## Why it matters',
        '',
        'Python refuses a repeated keyword at compile time; when the values differ, one of them was meant and the other is lost, so the choice is named for review.',
        '',
        '## Example',
        '',
        'Before:',
        '',
        '    send(msg, retries=3, retries=5)',
        '',
        'After:',
        '',
        '    send(msg, retries=3)          # --keep first',
        '',
        '## How to fix',
        '',
        'Check that the kept value is the intended one; without --keep the file is a parse-error and left unchanged.',
        '',
        '## How to suppress',
        '',
        '- On the line: `# repomod: ignore[kept-repeat]` at its end (Python), `// repomod-ignore-next-line kept-repeat` above it (JS/TS); a whole file: `# repomod: ignore-file[kept-repeat]`',
        '- In a run: `repomod check --ignore-code fix-call-syntax/kept-repeat`, or "ignoreCodes": ["fix-call-syntax/kept-repeat"] in the config (which `check` reads)',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['inconsistent-mro', '# remove-redundant-bases/inconsistent-mro (error)'],
    ['[bundle/undeclared-dependency]', '# bundle/undeclared-dependency (error'],
    ['parse-error', '# parse-error (error)'],
  ])('finds %s (short names, pasted brackets, engine codes)', async (typed, heading) => {
    const run = await repomodInProcess(REPO_ROOT, ['explain', typed]);
    expect([run.code, run.stdout.split('\n')[0].slice(0, heading.length)]).toEqual([0, heading]);
  });

  it('an unknown code: did you mean, exit 2; an ambiguous short name: the full codes, exit 2', async () => {
    const typo = await repomodInProcess(REPO_ROOT, ['explain', 'rewrite-imports/missing-modul']);
    expect([typo.code, typo.stdout, typo.stderr]).toEqual([
      2,
      '',
      "repomod: error: unknown diagnostic code 'rewrite-imports/missing-modul'\nhelp: did you mean 'rewrite-imports/missing-module'? run 'repomod explain --list' to see them all\n",
    ]);
    const far = await repomodInProcess(REPO_ROOT, ['explain', 'zzzzzz']);
    expect([far.code, far.stderr]).toEqual([
      2,
      "repomod: error: unknown diagnostic code 'zzzzzz'\nhelp: run 'repomod explain --list' to see them all\n",
    ]);
    const both = await repomodInProcess(REPO_ROOT, ['explain', 'broken-link']);
    expect([both.code, both.stderr]).toEqual([
      2,
      "repomod: error: 'broken-link' is the short name of 2 codes: replace-symlinks/broken-link, bundle/broken-link\nhelp: give the full code, e.g. repomod explain replace-symlinks/broken-link\n",
    ]);
    expect((await repomodInProcess(REPO_ROOT, ['explain'])).code).toBe(2);
  });

  it('--list: every code once, with its severity and summary', async () => {
    const run = await repomodInProcess(REPO_ROOT, ['explain', '--list']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(codeListText(entries));
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual([...entries.keys()]);
    expect(lines.find((l) => l.startsWith('remove-redundant-bases/inconsistent-mro '))).toMatch(
      / error +Python cannot create a consistent method resolution order for the class$/,
    );
  });
});

describe('the suppression explain gives works', () => {
  it('parse-error: the in-line comment and --ignore-code it names both silence it', async () => {
    const explained = (await repomodInProcess(REPO_ROOT, ['explain', 'parse-error'])).stdout;
    const comment = /`(# repomod: ignore\[[^\]]+\])` at its end/.exec(explained)![1];
    const flag = /`repomod check (--ignore-code \S+)`/.exec(explained)![1].split(' ');
    const broken = 'def f(:\n    pass\n';
    expect((await repomodInProcess(repoWith({ 'a.py': broken }), ['check'])).code).toBe(1);
    expect(
      (await repomodInProcess(repoWith({ 'a.py': broken.replace(':\n', `:  ${comment}\n`) }), ['check'])).code,
    ).toBe(0);
    expect((await repomodInProcess(repoWith({ 'a.py': broken }), ['check', ...flag])).code).toBe(0);
  });
});

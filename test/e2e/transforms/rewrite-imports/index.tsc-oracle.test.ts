// A small Vite-shaped TypeScript app moved five ways with `repomod move --apply`: after each move
// and after its reverse, `tsc --noEmit` passes, and each reverse restores the tree byte for byte.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, repomodInProcess } from '../../../helpers/cli.js';
import { git, initRepo, snapshotTree, tempDir } from '../../../helpers/tree.js';

const TSC = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** Vite's layout: a solution tsconfig.json, the app's aliases in the referenced tsconfig.app.json. */
const APP: Record<string, string> = {
  'tsconfig.json': '{\n  "files": [],\n  "references": [{ "path": "./tsconfig.app.json" }]\n}\n',
  'tsconfig.app.json': `{
  // the app: aliases live here, not in tsconfig.json
  "extends": "./tsconfig.base.json",
  "compilerOptions": {
    "paths": {
      "@/*": ["./src/*"],
      "@env": ["./src/config/env.ts"],
    },
  },
  "include": ["src"]
}
`,
  'tsconfig.base.json':
    '{\n  "compilerOptions": { "target": "ES2022", "module": "ESNext", "moduleResolution": "bundler", "strict": true, "noEmit": true, "skipLibCheck": true, "types": [] }\n}\n',
  'src/vite-env.d.ts': [
    "declare module '*.svg?url' {\n  const src: string;\n  export default src;\n}",
    'declare const vi: { mock(path: string, factory?: () => unknown): void };',
    'declare const jest: { mock(path: string): void };',
    '',
  ].join('\n'),
  'src/config/env.ts': "export const apiUrl: string = 'https://api.example.com';\n",
  'src/lib/index.ts': "export * from './format';\nexport { apiUrl } from '@env';\n",
  'src/lib/format.ts': 'export const format = (s: string): string => s.trim();\n',
  'src/assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
  'src/components/Header.ts': [
    "import logo from '../assets/logo.svg?url';",
    "import { format } from '../lib';",
    "import { apiUrl } from '@env';",
    '',
    'export const header = (): string => format(logo + apiUrl);',
    '',
  ].join('\n'),
  'src/types/globals.d.ts': 'type Day = string;\n',
  'src/utils/date.ts':
    '/// <reference path="../types/globals.d.ts" />\nexport const today = (): Day => new Date().toISOString().slice(0, 10);\n',
  // a specifier that still resolves after the move stays as written ('../utils/date', not './date')
  'src/utils/time.ts':
    "import { today } from '../utils/date';\n\nexport const stamp = (): string => `${today()}T00:00`;\n",
  'src/app.ts': [
    "import { header } from '@/components/Header';",
    "import { stamp } from './utils/time';",
    '',
    'export async function main(): Promise<string> {',
    "  const lazy = await import('./lib/format');",
    '  return lazy.format(header() + stamp());',
    '}',
    '',
  ].join('\n'),
  'src/app.test.ts': [
    "vi.mock('./utils/date', () => ({ today: () => '2020-01-01' }));",
    "jest.mock('@/lib');",
    "import { main } from './app';",
    '',
    'void main();',
    '',
  ].join('\n'),
};

/** Each move, with text it must leave in files after the move (file ➔ fragments). */
const MOVES: { from: string; to: string; expected: Record<string, string[]> }[] = [
  // a barrel, imported through its directory and mocked through an alias
  {
    from: 'src/lib/index.ts',
    to: 'src/core/index.ts',
    expected: {
      'src/components/Header.ts': ["from '../core'"],
      'src/app.test.ts': ["jest.mock('@/core')"],
      'src/core/index.ts': ["from '../lib/format'", "from '@env'"],
    },
  },
  // an exact-file alias: the tsconfig entry follows the file, importers keep '@env'
  {
    from: 'src/config/env.ts',
    to: 'src/settings/env.ts',
    expected: { 'tsconfig.app.json': ['"@env": ["./src/settings/env.ts"]'], 'src/lib/index.ts': ["from '@env'"] },
  },
  {
    from: 'src/components/Header.ts',
    to: 'src/ui/layout/Header.ts',
    expected: {
      'src/ui/layout/Header.ts': ["'../../assets/logo.svg?url'", "'../../lib'", "'@env'"],
      'src/app.ts': ["'@/ui/layout/Header'"],
    },
  },
  {
    from: 'src/types/globals.d.ts',
    to: 'src/typings/globals.d.ts',
    expected: { 'src/utils/date.ts': ['/// <reference path="../typings/globals.d.ts" />'] },
  },
  {
    from: 'src/utils',
    to: 'src/shared/utils',
    expected: {
      'src/app.test.ts': ["vi.mock('./shared/utils/date'"],
      'src/app.ts': ["from './shared/utils/time'"],
      'src/shared/utils/time.ts': ["from '../utils/date'"],
      'src/shared/utils/date.ts': ['path="../../types/globals.d.ts"'],
    },
  },
];

/** The real `tsc --noEmit`, spawned: once, on the starting tree (every reverse move must restore it byte for byte). */
function tscBinary(dir: string): void {
  try {
    execFileSync(process.execPath, [TSC, '--noEmit', '-p', 'tsconfig.app.json'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    throw new Error(`tsc failed in ${dir}:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

// lib.*.d.ts parsed once for every check: a spawned tsc spends most of its second re-reading them
const libFiles = new Map<string, ts.SourceFile | undefined>();

/** What `tsc --noEmit -p tsconfig.app.json` reports, in process: the same compiler, the same diagnostics. */
function typecheck(dir: string): void {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(dir, 'tsconfig.app.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(String(d.messageText));
      },
    },
  )!;
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (file, ...rest) => {
    if (!file.includes('node_modules')) return getSourceFile(file, ...rest);
    if (!libFiles.has(file)) libFiles.set(file, getSourceFile(file, ...rest));
    return libFiles.get(file);
  };
  const program = ts.createProgram({
    rootNames: config.fileNames,
    options: config.options,
    host,
    projectReferences: config.projectReferences,
  });
  const diagnostics = [...config.errors, ...ts.getPreEmitDiagnostics(program)];
  if (diagnostics.length)
    throw new Error(
      `tsc failed in ${dir}:\n${ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => dir, getNewLine: () => '\n' })}`,
    );
}

async function move(dir: string, from: string, to: string): Promise<void> {
  const run = await repomodInProcess(dir, ['move', from, to, '--apply']);
  expect(run.stderr, `move ${from} ${to}`).not.toMatch(/: (warning|error): /);
  expect(run.code, run.stderr).toBe(0);
  // as a user would: commit each move, so the next --apply sees a clean tree
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', `move ${from} ${to}`);
}

describe('repomod move on a TypeScript app: tsc passes after every move and its reverse', () => {
  const dir = tempDir('repomod-tsc-');
  for (const [file, text] of Object.entries(APP)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  initRepo(dir);
  const start = snapshotTree(dir);

  it('type-checks as written, with the tsc binary and in process', () => {
    tscBinary(dir);
    typecheck(dir);
  }, 30_000);

  it('the in-process check fails on a stale import (a control for the checks below)', () => {
    const broken = tempDir('repomod-tsc-control-');
    for (const file of ['tsconfig.app.json', 'tsconfig.base.json']) writeFileSync(path.join(broken, file), APP[file]);
    mkdirSync(path.join(broken, 'src'));
    writeFileSync(path.join(broken, 'src/a.ts'), "import { x } from './gone';\nexport const y = x;\n");
    expect(() => typecheck(broken)).toThrow(/TS2307/);
  });

  it.each(MOVES)(
    '$from ➔ $to and back',
    async ({ from, to, expected }) => {
      await move(dir, from, to);
      const tree = snapshotTree(dir);
      for (const [file, fragments] of Object.entries(expected)) {
        const entry = tree[file];
        for (const fragment of fragments)
          expect(entry?.kind === 'file' ? entry.content : `(${file} missing)`).toContain(fragment);
      }
      typecheck(dir);
      await move(dir, to, from);
      // byte-identical to the start, which type-checks: no second tsc run needed
      expect(snapshotTree(dir)).toEqual(start);
    },
    30_000,
  );
});

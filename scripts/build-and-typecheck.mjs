#!/usr/bin/env node
// `npm run build` and `npm run typecheck` as one TypeScript program, for `npm run checks`: run apart,
// the sources are parsed and type-checked twice (tsconfig.test.json includes them beside the tests),
// about a third of the checks phase's CPU. This checks sources and tests once, as tsconfig.test.json
// does, and emits only what tsconfig.json emits, with its options: dist/ comes out byte for byte the
// same as `tsc -p tsconfig.json`. No build info or cache: a fresh clone does the same work as CI.
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '..');

/** Print diagnostics as tsc does (with context on a terminal) and return how many are errors. */
function report(diagnostics) {
  if (diagnostics.length === 0) return 0;
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => ts.sys.newLine };
  const format = process.stdout.isTTY ? ts.formatDiagnosticsWithColorAndContext : ts.formatDiagnostics;
  process.stdout.write(format(diagnostics, host));
  return diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).length;
}

function parseConfig(name) {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(root, name), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      report([diagnostic]);
      process.exit(2);
    },
  });
  if (report(parsed.errors) > 0) process.exit(2);
  return parsed;
}

const build = parseConfig('tsconfig.json');
const tests = parseConfig('tsconfig.test.json');

// the shortcut is only honest while tsconfig.test.json adds files and noEmit and nothing else: a
// different option would make the emitted dist/ differ from `npm run build`'s, or the check differ
// from `npm run typecheck`'s
const comparable = ({ noEmit: _noEmit, configFilePath: _path, ...options }) => JSON.stringify(options);
if (comparable(build.options) !== comparable(tests.options)) {
  process.stderr.write('build-and-typecheck: tsconfig.test.json may only add files and noEmit to tsconfig.json\n');
  process.exit(2);
}
const testFiles = new Set(tests.fileNames);
const missing = build.fileNames.filter((file) => !testFiles.has(file));
if (missing.length > 0) {
  process.stderr.write(`build-and-typecheck: tsconfig.test.json leaves out ${missing.join(', ')}\n`);
  process.exit(2);
}

const program = ts.createProgram({
  rootNames: tests.fileNames,
  options: build.options,
  projectReferences: tests.projectReferences,
  configFileParsingDiagnostics: tests.errors,
});

// tsc's order: syntax first, and the type check only when the syntax is sound
const syntactic = [
  ...program.getConfigFileParsingDiagnostics(),
  ...program.getOptionsDiagnostics(),
  ...program.getSyntacticDiagnostics(),
];
let errors = report(syntactic);
if (errors === 0) errors += report([...program.getGlobalDiagnostics(), ...program.getSemanticDiagnostics()]);

// emit what tsc -p tsconfig.json emits: its own files, and the JSON they import from the source
// folders (lib/deploy/stdlib-modules.json); the tests and vitest.config.ts are checked, not emitted
const buildFiles = new Set(build.fileNames);
const sourceFolders = build.raw.include.map((folder) => path.join(root, folder) + path.sep);
const emitted = program
  .getSourceFiles()
  .filter(
    (file) =>
      buildFiles.has(file.fileName) ||
      (file.fileName.endsWith('.json') &&
        sourceFolders.some((folder) => path.resolve(file.fileName).startsWith(folder))),
  );
for (const file of emitted) errors += report(program.emit(file).diagnostics);

if (errors > 0) {
  process.stdout.write(`\nFound ${errors} error${errors === 1 ? '' : 's'}.\n`);
  process.exitCode = 1;
}

// `repomod bundle build|check|closure`: materialise a package's bundle entries, verify them, and
// compute an entry file's import closure against what the package really holds.
import type { Argv, CommandModule } from 'yargs';
import { formatDiagnostic, type Diagnostic } from '../../lib/engine/diagnostics.js';
import { UsageError } from '../../lib/engine/errors.js';
import { DRY_RUN_NOTE } from '../../lib/engine/totals.js';
import { withHelp } from '../common.js';

const write = (stream: NodeJS.WritableStream, text: string) => void stream.write(text);

/** Print diagnostics, a summary line (ending with `outcome`), and set the exit code: 1 when any error was reported. */
function finish(diagnostics: readonly Diagnostic[], summary: string, outcome = ''): void {
  for (const d of diagnostics) write(process.stderr, formatDiagnostic(d) + '\n');
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  write(
    process.stderr,
    `${summary}; ${errors ? `${plural(errors, 'error')}, ` : ''}${plural(warnings, 'warning')}${outcome ? ` ${outcome}` : ''}\n`,
  );
  if (errors > 0) process.exitCode = 1;
}

const asList = (value: unknown) =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value])
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter(Boolean);

interface BuildArgs {
  packageDir: string;
  out: string;
  force?: boolean;
  allowOutside?: boolean;
  json?: boolean;
}

export const buildCommand: CommandModule<object, BuildArgs> = {
  command: 'build <package-dir>',
  describe: 'write the package with every bundle entry, links dereferenced (like rsync -aL), into --out',
  builder: (yargs) =>
    withHelp(
      yargs,
      [
        [
          '$0 bundle build functions/fn_a --out build/fn_a',
          'the deploy folder: package files and bundle entries, links dereferenced',
        ],
        ['$0 bundle build functions/fn_a --out build/fn_a --force', 'rebuild over an earlier build'],
      ],
      { colour: false },
    )
      .positional('package-dir', {
        type: 'string',
        demandOption: true,
        describe: 'the package folder (holds repomod.bundle.json)',
      })
      .option('out', { type: 'string', demandOption: true, describe: 'folder to write; must be empty unless --force' })
      .option('force', { type: 'boolean', describe: 'replace the contents of a non-empty --out' })
      .option('allow-outside', {
        type: 'boolean',
        describe: 'follow links and entries that resolve outside the repository',
      })
      .option('json', { type: 'boolean', describe: 'print the files written as JSON' }) as unknown as Argv<BuildArgs>,
  handler: async (args) => {
    const { buildBundle } = await import('../../api/bundle.js');
    const report = buildBundle(args.packageDir, args.out, { force: args.force, allowOutside: args.allowOutside });
    if (report.diagnostics.length > 0) {
      finish(report.diagnostics, `${report.plan.rel || '.'}: not built, nothing was written`);
      return;
    }
    const files = [...report.plan.files.values()];
    const fromEntries = files.filter((f) => f.via === 'entry').length;
    if (args.json)
      write(
        process.stdout,
        JSON.stringify(
          {
            version: 1,
            package: report.plan.rel || '.',
            out: args.out,
            files: files.map((f) => ({ path: f.rel, via: f.via, executable: f.executable })),
          },
          null,
          2,
        ) + '\n',
      );
    finish(
      [],
      `built ${report.plan.rel || '.'} into ${args.out}: ${report.written.length} files, ${fromEntries} from bundle entries`,
    );
  },
};

interface CheckArgs {
  packageDir: string;
  allowOutside?: boolean;
}

export const checkCommand: CommandModule<object, CheckArgs> = {
  command: 'check <package-dir>',
  describe: "exit 1 when a bundle entry's source is missing or a link in the package is broken",
  builder: (yargs) =>
    withHelp(
      yargs,
      [
        ['$0 bundle check functions/fn_a', "exit 1 when an entry's source is missing or a link is broken"],
        [
          '$0 bundle check functions/fn_b --allow-outside',
          'accept links and entries that resolve outside the repository on purpose',
        ],
      ],
      { colour: false },
    )
      .positional('package-dir', { type: 'string', demandOption: true, describe: 'the package folder' })
      .option('allow-outside', {
        type: 'boolean',
        describe: 'accept links and entries that resolve outside the repository',
      }) as unknown as Argv<CheckArgs>,
  handler: async (args) => {
    const { checkBundle } = await import('../../api/bundle.js');
    const report = checkBundle(args.packageDir, { allowOutside: args.allowOutside });
    const entries = report.plan.manifests.reduce((n, m) => n + m.entries.filter((e) => !e.copied).length, 0);
    finish(
      report.diagnostics,
      `${report.plan.rel || '.'}: ${entries} bundle entr${entries === 1 ? 'y' : 'ies'}, ${report.plan.files.size} files`,
    );
  },
};

interface ClosureArgs {
  entry: string;
  packageRoot?: string;
  unused?: boolean;
  fix?: 'manifest' | 'links' | 'copies';
  apply?: boolean;
  allowDirty?: boolean;
  json?: boolean;
  diff?: boolean;
  ignoreModule?: string[];
  sourceRoot?: string[];
  python?: string;
}

export const closureCommand: CommandModule<object, ClosureArgs> = {
  command: 'closure <entry>',
  describe:
    "list the files an entry file's imports need; report modules missing from the package and undeclared dependencies",
  builder: (yargs) =>
    withHelp(
      yargs,
      [
        [
          '$0 bundle closure functions/fn_a/main.py',
          'the files main.py imports need; what the package lacks; undeclared dependencies',
        ],
        [
          '$0 bundle closure functions/fn_a/main.py --fix manifest',
          'dry run: the repomod.bundle.json entries that provide what is missing',
        ],
        ['$0 bundle closure functions/fn_a/main.py --fix links --apply', 'provide it as relative links, written'],
      ],
      { colour: false },
    )
      .positional('entry', {
        type: 'string',
        demandOption: true,
        describe: 'the Python file the platform runs, e.g. fn_a/main.py',
      })
      .option('package-root', {
        type: 'string',
        describe: "the folder deployed as the import root (default: the entry's folder)",
      })
      .option('unused', { type: 'boolean', describe: 'also report package .py files the closure never reaches' })
      .option('fix', {
        type: 'string',
        choices: ['manifest', 'links', 'copies'],
        describe: 'provide what is missing: bundle entries, relative links, or copies (a dry-run diff unless --apply)',
      })
      .option('apply', { type: 'boolean', describe: 'with --fix: write the changes' })
      .option('diff', {
        type: 'boolean',
        describe: 'with --fix: print the patch of the fix (a dry run prints it anyway; with --apply, what was written)',
      })
      .option('allow-dirty', { type: 'boolean', describe: 'with --fix --apply: write over uncommitted changes' })
      .option('json', { type: 'boolean', describe: 'print the closure as JSON, with the import chain of each file' })
      .option('ignore-module', {
        type: 'string',
        coerce: asList,
        describe: 'module provided by the runtime; never reported (repeatable)',
      })
      .option('source-root', {
        type: 'string',
        coerce: asList,
        describe: 'extra Python source root, repo-relative (repeatable)',
      })
      .option('python', {
        type: 'string',
        describe:
          'the Python of the environment the package installs into, asked which distributions provide its imports (default: .venv/bin/python or venv/bin/python at the root)',
      })
      .check((argv) => {
        if (argv.apply && !argv.fix) throw new UsageError('--apply needs --fix', 'e.g. --fix manifest --apply');
        if (argv.diff && !argv.fix)
          throw new UsageError('--diff needs --fix: without it there is no patch', 'e.g. --fix manifest --diff');
        if (argv.diff && argv.json)
          throw new UsageError(
            '--diff and --json cannot be used together',
            'the JSON is the whole of stdout; choose one',
          );
        return true;
      }) as unknown as Argv<ClosureArgs>,
  handler: async (args) => {
    const { closureOf, closureJson } = await import('../../api/bundle.js');
    const report = await closureOf(args.entry, {
      packageRoot: args.packageRoot,
      unused: args.unused,
      fix: args.fix,
      ignoreModules: args.ignoreModule,
      sourceRoots: args.sourceRoot,
      python: args.python,
    });
    if (args.json) write(process.stdout, JSON.stringify(closureJson(report), null, 2) + '\n');
    else if (!args.fix) for (const file of report.closure.files) write(process.stdout, `${file.path}\n`);
    let written = 0;
    if (args.fix && report.changes.length > 0) {
      if (args.apply) {
        const { applyChanges } = await import('../../lib/engine/apply.js');
        // planning refused occupied destinations with their git state; the write layer re-checks at commit
        const notice = (text: string) => write(process.stderr, `repomod: ${text}\n`);
        const paths = await applyChanges(report.repo.root, report.changes, {
          allowDirty: args.allowDirty,
          onNotice: notice,
        });
        for (const file of paths) write(process.stderr, `${file}: written\n`);
        written = report.changes.length;
        if (args.diff) write(process.stdout, (await import('../../lib/engine/diff.js')).renderPatch(report.changes));
      } else if (!args.json) {
        const { renderPatch } = await import('../../lib/engine/diff.js');
        write(process.stdout, renderPatch(report.changes));
      }
    }
    const missing = report.closure.files.filter((f) => f.provider === 'missing').length;
    const parts = [
      `${report.closure.entry}: ${report.closure.files.length} files needed`,
      `${missing} missing from the package`,
    ];
    if (args.fix)
      parts.push(
        args.apply ? `${written} written` : `${report.changes.length} to ${args.fix === 'manifest' ? 'record' : 'add'}`,
      );
    // what --fix provides is no longer a finding once written; the dry run still reports it
    const diagnostics =
      args.fix && args.apply
        ? report.diagnostics.filter((d) => d.code !== 'bundle/missing-module')
        : report.diagnostics;
    finish(diagnostics, parts.join(', '), args.fix && !args.apply && report.changes.length > 0 ? DRY_RUN_NOTE : '');
  },
};

export const bundleCommand: CommandModule = {
  command: 'bundle <command>',
  describe: 'build, check, or compute the import closure of a deploy package (repomod.bundle.json)',
  builder: (yargs) =>
    withHelp(
      yargs
        .command(buildCommand)
        .command(checkCommand)
        .command(closureCommand)
        .demandCommand(1, 'give a bundle command: build, check or closure'),
      [
        ['$0 bundle closure functions/fn_a/main.py', 'what the deploy package of main.py must hold'],
        ['$0 bundle build functions/fn_a --out build/fn_a', 'materialise the package for the deploy step'],
        ['$0 bundle check functions/fn_a', 'CI: exit 1 when a bundle entry or link is broken'],
      ],
      { colour: false },
    ),
  handler: () => {},
};

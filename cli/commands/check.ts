// `repomod check`: every check the config enables (and those that need no options), in one
// pass over the files. The pre-deploy and pre-commit gate: exit 1 when anything needs attention.
import type { CommandModule } from 'yargs';
import { executeRun, splitCodes, withCommonOptions, withHelp, type CommonArgs } from '../common.js';

export const checkCommand: CommandModule<object, CommonArgs> = {
  command: 'check [paths..]',
  describe: 'run every enabled check in one pass (parse errors, imports, links, MROs); exit 1 on findings',
  builder: (yargs) =>
    withHelp(
      withCommonOptions(yargs, { check: false })
        .option('diff', {
          type: 'boolean',
          describe: 'also print the diff that fixes what the checks found (exit status unchanged)',
        })
        .option('select', {
          type: 'string',
          coerce: splitCodes,
          describe:
            "only these checks or codes, e.g. remove-redundant-bases,parse-error (replaces the config's select)",
        })
        .option('ignore-code', {
          type: 'string',
          coerce: splitCodes,
          describe: "never these checks or codes, e.g. inconsistent-mro (replaces the config's ignoreCodes)",
        }),
      [
        ['$0 check', 'every enabled check over the repository; exit 1 on findings'],
        ['$0 check --diff src/app.py', 'one file (as pre-commit passes staged files), with the diff that fixes it'],
        [
          '$0 check --ignore-code inconsistent-mro --format github',
          'leave out one code; annotations for GitHub Actions',
        ],
      ],
    ),
  handler: async (args) => {
    await executeRun({ args, transformOptions: {} });
  },
};

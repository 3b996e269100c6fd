// `repomod check`: every check the config enables (and those that need no options), in one
// pass over the files. The pre-deploy and pre-commit gate: exit 1 when anything needs attention.
import type { CommandModule } from 'yargs';
import { executeRun, splitCodes, withCommonOptions, type CommonArgs } from '../common.js';

export const checkCommand: CommandModule<object, CommonArgs> = {
  command: 'check [paths..]',
  describe: 'run every enabled check in one pass (parse errors, imports, links, MROs); exit 1 on findings',
  builder: (yargs) =>
    withCommonOptions(yargs)
      .option('diff', { type: 'boolean', describe: 'also print the diff that fixes what the checks found (exit status unchanged)' })
      .option('select', { type: 'string', coerce: splitCodes, describe: 'only these checks or codes, e.g. remove-redundant-bases,parse-error (replaces the config\'s select)' })
      .option('ignore-code', { type: 'string', coerce: splitCodes, describe: 'never these checks or codes, e.g. inconsistent-mro (replaces the config\'s ignoreCodes)' }),
  handler: async (args) => {
    await executeRun({ args, transformOptions: {} });
  },
};

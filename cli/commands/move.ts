// `repomod move OLD NEW`: move a file or directory (as git renames in the diff) and rewrite every
// import of it, Python and JS/TS, including the moved files' own relative imports.
import path from 'node:path';
import type { CommandModule } from 'yargs';
import { UsageError } from '../../lib/errors.js';
import { gitTopLevel } from '../../lib/git.js';
import { executeRun, withCommonOptions, type CommonArgs } from '../common.js';

interface MoveArgs extends CommonArgs {
  old: string;
  new: string;
  keepRelative?: boolean;
  strict?: boolean;
  rewriteText?: boolean;
  rewriteDocs?: boolean;
  allowDamaged?: boolean;
}

/** OLD and NEW as repo-relative `/` paths (they are given relative to the current directory). */
export function moveRule(cwd: string, from: string, to: string): string {
  const root = gitTopLevel(cwd) ?? cwd;
  const rel = (given: string) => {
    const r = path.relative(root, path.resolve(cwd, given)).split(path.sep).join('/');
    if (r === '' || r.startsWith('..') || path.isAbsolute(r)) throw new UsageError(`'${given}' is not inside the repository (${root})`, 'give OLD and NEW as paths inside the repository');
    return r;
  };
  const oldRel = rel(from);
  const newRel = rel(to);
  if (oldRel === newRel) throw new UsageError(`OLD and NEW are the same path ('${oldRel}')`, 'e.g. repomod move src/utils/auth.ts src/utils/middlewares/auth.ts');
  if (newRel.startsWith(`${oldRel}/`)) throw new UsageError(`cannot move '${oldRel}' into itself ('${newRel}')`, 'move it next to itself, or move its contents one by one');
  return `${oldRel}=${newRel}`;
}

export const moveCommand: CommandModule<object, MoveArgs> = {
  command: 'move <old> <new>',
  describe: 'move a file or directory and rewrite every import of it (Python and JS/TS), as one reviewable diff',
  builder: (yargs) =>
    withCommonOptions(yargs, { paths: false })
      .positional('old', { type: 'string', describe: 'file or directory to move' })
      .positional('new', { type: 'string', describe: 'where it goes' })
      .option('keep-relative', { type: 'boolean', describe: 'keep relative Python imports relative where possible' })
      .option('strict', { type: 'boolean', describe: 'a rewritten import that resolves nowhere is an error' })
      .option('rewrite-text', { type: 'boolean', describe: 'also rewrite mentions of the moved path in non-code text files (scripts, YAML, Dockerfiles, docs)' })
      .option('rewrite-docs', { type: 'boolean', describe: 'also rewrite mentions in comments, docstrings and JSDoc examples' })
      .option('allow-damaged', { type: 'boolean', describe: 'move even when a reference in a file that does not parse cannot be rewritten' }) as never,
  handler: async (args) => {
    const cwd = process.cwd();
    const map = [moveRule(cwd, args.old, args.new)];
    // the whole repository follows the move, whatever directory the command runs from
    const root = gitTopLevel(cwd) ?? cwd;
    await executeRun({
      args: { ...args, paths: args.paths?.length ? args.paths : [root] },
      transform: 'rewrite-imports',
      // only this move: config rules with paths in them must not move too
      transformOptions: { map, rules: [], moveFiles: true, keepRelative: args.keepRelative, strict: args.strict, rewriteText: args.rewriteText, rewriteDocs: args.rewriteDocs, allowDamaged: args.allowDamaged },
    });
  },
};

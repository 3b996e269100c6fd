// `repomod move OLD NEW`: move a file or directory (as git renames in the diff) and rewrite every
// import of it, Python and JS/TS, including the moved files' own relative imports.
import path from 'node:path';
import type { CommandModule } from 'yargs';
import { UsageError } from '../../lib/engine/errors.js';
import { gitTopLevel } from '../../lib/engine/git.js';
import { findTransform } from '../../api/registry.js';
import {
  executeRun,
  flagOptions,
  withCommonOptions,
  withHelp,
  withTransformOptions,
  type CommonArgs,
} from '../common.js';

interface MoveArgs extends CommonArgs {
  old: string;
  new: string;
}

/**
 * `rewrite-imports` options that a move does not take: the move is the one rule (`map`, `rules`),
 * it always moves files, and `absolute` would rewrite files the move does not touch.
 */
export const NOT_FOR_MOVE = ['map', 'rules', 'moveFiles', 'absolute'];

const rewriteImports = () => findTransform('rewrite-imports')!.meta;

/**
 * Every other option of rewrite-imports, declared once in its options table. Asked when the
 * command is built, not when this module loads: the registry may still be loading then.
 */
export function moveOptions() {
  return (rewriteImports().options ?? []).filter((d) => !NOT_FOR_MOVE.includes(d.name));
}

/** OLD and NEW as repo-relative `/` paths (they are given relative to the current directory). */
export function moveRule(cwd: string, from: string, to: string): string {
  const root = gitTopLevel(cwd) ?? cwd;
  const rel = (given: string) => {
    const r = path.relative(root, path.resolve(cwd, given)).split(path.sep).join('/');
    if (r === '' || r.startsWith('..') || path.isAbsolute(r))
      throw new UsageError(
        `'${given}' is not inside the repository (${root})`,
        'give OLD and NEW as paths inside the repository',
      );
    return r;
  };
  const oldRel = rel(from);
  const newRel = rel(to);
  if (oldRel === newRel)
    throw new UsageError(
      `OLD and NEW are the same path ('${oldRel}')`,
      'e.g. repomod move src/utils/auth.ts src/utils/middlewares/auth.ts',
    );
  if (newRel.startsWith(`${oldRel}/`))
    throw new UsageError(
      `cannot move '${oldRel}' into itself ('${newRel}')`,
      'move it next to itself, or move its contents one by one',
    );
  return `${oldRel}=${newRel}`;
}

export const moveCommand: CommandModule<object, MoveArgs> = {
  command: 'move <old> <new>',
  describe: 'move a file or directory and rewrite every import of it (Python and JS/TS), as one reviewable diff',
  builder: (yargs) =>
    withHelp(
      withTransformOptions(
        withCommonOptions(yargs, { paths: false })
          .positional('old', { type: 'string', describe: 'file or directory to move' })
          .positional('new', { type: 'string', describe: 'where it goes' }),
        moveOptions(),
      ),
      [
        [
          '$0 move pipeline/common/util common/util',
          'dry run: the renames and every import that follows them, as one diff',
        ],
        ['$0 move src/utils/auth.ts src/utils/middlewares/auth.ts --apply', 'move a TypeScript file and write'],
        [
          '$0 move shared platform_shared --rewrite-text --apply',
          'also update mentions in scripts, YAML and Dockerfiles',
        ],
      ],
    ) as never,
  handler: async (args) => {
    const cwd = process.cwd();
    const map = [moveRule(cwd, args.old, args.new)];
    // the whole repository follows the move, whatever directory the command runs from
    const root = gitTopLevel(cwd) ?? cwd;
    await executeRun({
      args: { ...args, paths: args.paths?.length ? args.paths : [root] },
      transform: 'rewrite-imports',
      // only this move: config rules with paths in them must not move too
      // (nor the config's onlyIn, which scopes its rules, nor its absolute: only the move's files change)
      transformOptions: {
        onlyIn: [],
        ...flagOptions(args as unknown as Record<string, unknown>, { ...rewriteImports(), options: moveOptions() }),
        map,
        rules: [],
        moveFiles: true,
        absolute: false,
      },
    });
  },
};

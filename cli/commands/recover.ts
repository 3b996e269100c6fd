// `repomod recover`: finish or roll back what an interrupted --apply left (every run does this
// first on its own; this command does only that, and says what it found).
import type { CommandModule } from 'yargs';
import { withHelp } from '../common.js';

export const recoverCommand: CommandModule = {
  command: 'recover',
  describe: 'finish (or roll back) an --apply that was killed mid-commit, and remove its temp files',
  builder: (yargs) =>
    withHelp(
      yargs,
      [
        ['$0 recover', 'in the repository: finish or roll back what a killed --apply left, and say which'],
        ['$0 recover && git status', 'then see the tree as the interrupted run left it'],
      ],
      { colour: false },
    ),
  handler: async () => {
    const [{ recoverNow }, { gitTopLevel }] = await Promise.all([
      import('../../lib/engine/apply.js'),
      import('../../lib/engine/git.js'),
    ]);
    const root = gitTopLevel(process.cwd()) ?? process.cwd();
    let said = false;
    recoverNow(root, (text) => {
      said = true;
      process.stderr.write(`repomod: ${text}\n`);
    });
    if (!said) process.stderr.write('repomod: nothing to recover: no interrupted run left a journal here\n');
  },
};

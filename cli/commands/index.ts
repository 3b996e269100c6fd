// Commands beyond the generic per-transform ones. Add a command module here to wire it in.
import type { CommandModule } from 'yargs';
import { bundleCommand } from './bundle.js';
import { checkCommand } from './check.js';
import { explainCommand } from './explain.js';
import { initCommand } from './init.js';
import { listCommand } from './list.js';
import { moveCommand } from './move.js';
import { recoverCommand } from './recover.js';
import { runCommand } from './run.js';

export const extraCommands: CommandModule<any, any>[] = [
  runCommand,
  listCommand,
  initCommand,
  checkCommand,
  explainCommand,
  bundleCommand,
  moveCommand,
  recoverCommand,
];

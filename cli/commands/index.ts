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

// yargs' Argv is invariant in a command's argument type, so commands with different arguments share
// no list type but yargs' own `CommandModule<T, any>[]` (its `command(modules)` overload)
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const extraCommands: CommandModule<object, any>[] = [
  runCommand,
  listCommand,
  initCommand,
  checkCommand,
  explainCommand,
  bundleCommand,
  moveCommand,
  recoverCommand,
];

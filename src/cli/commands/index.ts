/** Every subcommand, one module each. Registration is cheap: heavy work is imported when a command runs. */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerCreate } from './create.js';
import { registerWait } from './wait.js';
import { registerList } from './list.js';
import { registerDelete } from './delete.js';
import { registerConfigure } from './configure.js';
import { registerWhoami } from './whoami.js';
import { registerEmulator } from './emulator.js';
import { registerCompletion } from './completion.js';

export type RegisterCommand = (program: Command, ctx: CliContext) => void;

export const COMMANDS: RegisterCommand[] = [
  registerCreate,
  registerWait,
  registerList,
  registerDelete,
  registerConfigure,
  registerWhoami,
  registerEmulator,
  registerCompletion,
];

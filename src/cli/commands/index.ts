/** Every subcommand, one module each. Registration is cheap: heavy work is imported when a command runs. */
import type { RegisterCommand } from './register.js';
import { registerCreate } from './create/command.js';
import { registerApply } from './apply/command.js';
import { registerExport } from './export/command.js';
import { registerWait } from './wait/command.js';
import { registerList } from './list/command.js';
import { registerDelete } from './delete/command.js';
import { registerRule } from './rule/command.js';
import { registerConfigure } from './configure/command.js';
import { registerWhoami } from './whoami/command.js';
import { registerEmulator } from './emulator/command.js';
import { registerCompletion } from './completion/command.js';
import { registerTarget } from './target/command.js';

export type { RegisterCommand } from './register.js';

export const COMMANDS: RegisterCommand[] = [
  registerCreate,
  registerApply,
  registerExport,
  registerWait,
  registerList,
  registerDelete,
  registerRule,
  registerTarget,
  registerConfigure,
  registerWhoami,
  registerEmulator,
  registerCompletion,
];

/** Every subcommand, one module each. Registration is cheap: heavy work is imported when a command runs. */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export type RegisterCommand = (program: Command, ctx: CliContext) => void;

export const COMMANDS: RegisterCommand[] = [];

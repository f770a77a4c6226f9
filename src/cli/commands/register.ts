/** What every command module exports: a function that adds the command to the program. */
import type { Command } from 'commander';
import type { CliContext } from '../../core/context.js';

export type RegisterCommand = (program: Command, ctx: CliContext) => void;

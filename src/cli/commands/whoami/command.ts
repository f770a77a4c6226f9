/**
 * `clb-listener whoami` (also `configure show`): which credentials, region and endpoint a command
 * would use, and where each came from. Calls no CLB API; a CVM role is asked for its keys on this
 * machine's metadata service, and a role (role-arn, TKE OIDC) is assumed through STS, which shows
 * that the role works.
 */
import type { Command } from 'commander';
import type { RegisterCommand } from '../register.js';
import type { GlobalOptions } from '../../../core/context.js';
import { say } from '../../../core/i18n.js';
import { HELP } from '../../help.messages.js';

export const registerWhoami: RegisterCommand = (program, ctx) => {
  program
    .command('whoami')
    .description(say(ctx.language ?? 'en', HELP.whoami))
    .addHelpText(
      'after',
      `\n${say(ctx.language ?? 'en', HELP.examples)}\n  clb-listener whoami\n  clb-listener whoami --profile staging -o json\n`,
    )
    .action(async (_options: unknown, command: Command) => {
      const { runWhoami } = await import('./run.js');
      await runWhoami(ctx, command.optsWithGlobals<GlobalOptions>());
    });
};

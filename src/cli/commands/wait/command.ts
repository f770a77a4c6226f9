/** `clb-listener wait <request-id>`: follows a task started earlier (e.g. by `create --no-wait`). */
import { Option, type Command } from 'commander';
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import { say } from '../../../core/i18n.js';
import { HELP } from '../../help.messages.js';

export function registerWait(program: Command, ctx: CliContext): void {
  program
    .command('wait')
    .description(say(ctx.language ?? 'en', HELP.wait))
    .argument('<request-id>', say(ctx.language ?? 'en', HELP.waitRequestId))
    .addOption(new Option('--wait-timeout <duration>', say(ctx.language ?? 'en', HELP.waitGiveUp)))
    .addHelpText(
      'after',
      `\n${say(ctx.language ?? 'en', HELP.example)}\n  id=$(clb-listener create --lb lb-cuxw2rm0 --port 80 --protocol TCP \\\n    --no-wait --query RequestId)\n  clb-listener wait "$id"\n`,
    )
    .action(async (requestId: string, flags: { waitTimeout?: string }, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const { runWait } = await import('./run.js');
      await runWait(ctx, globals, { ...flags, requestId });
    });
}

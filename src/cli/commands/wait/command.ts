/** `clb-listener wait <request-id>`: follows a task started earlier (e.g. by `create --no-wait`). */
import { Option, type Command } from 'commander';
import type { CliContext, GlobalOptions } from '../../../core/context.js';

export function registerWait(program: Command, ctx: CliContext): void {
  program
    .command('wait')
    .description('wait for a task (the RequestId a write returned) to finish (DescribeTaskStatus)')
    .argument('<request-id>', 'the RequestId printed by create --no-wait, or by an interrupted or timed-out create')
    .addOption(new Option('--wait-timeout <duration>', 'give up after this long, exit 5 (default: 300)'))
    .addHelpText(
      'after',
      '\nExample:\n  id=$(clb-listener create --lb lb-cuxw2rm0 --port 80 --protocol TCP \\\n    --no-wait --query RequestId)\n  clb-listener wait "$id"\n',
    )
    .action(async (requestId: string, flags: { waitTimeout?: string }, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const { runWait } = await import('./run.js');
      await runWait(ctx, globals, { ...flags, requestId });
    });
}

/** `clb-listener list`: the listeners of a load balancer (DescribeListeners), filterable. */
import { Option, type Command } from 'commander';
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import type { ListFlags } from './run.js';
import { say } from '../../../core/i18n.js';
import { TARGET_COMMAND_TEXT } from '../../target-text.js';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export function registerList(program: Command, ctx: CliContext): void {
  program
    .command('list')
    .description('list the listeners of a load balancer (DescribeListeners)')
    .requiredOption('--lb <id>', 'CLB instance id (lb-xxxxxxxx)')
    .option('--port <port>', 'only the listener on this port')
    .option('--protocol <protocol>', 'only listeners of this protocol')
    .addOption(new Option('--listener-id <id>', 'only these listeners (repeat or comma-separate)').argParser(collect))
    .option('--targets', say(ctx.language ?? 'en', TARGET_COMMAND_TEXT.listTargets))
    .option('--health', say(ctx.language ?? 'en', TARGET_COMMAND_TEXT.listHealth))
    .addHelpText(
      'after',
      "\nExamples:\n  clb-listener list --lb lb-cuxw2rm0\n  clb-listener list --lb lb-cuxw2rm0 --protocol TCP -o table\n  clb-listener list --lb lb-cuxw2rm0 --health -o json\n  clb-listener list --lb lb-cuxw2rm0 -o json \\\n    --query 'Listeners[?Port==`80`].ListenerId'\n",
    )
    .action(async (flags: ListFlags, cmd: Command) => {
      const { runList } = await import('./run.js');
      await runList(ctx, cmd.optsWithGlobals<GlobalOptions>(), flags);
    });
}

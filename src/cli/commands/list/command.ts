/** `clb-listener list`: the listeners of a load balancer (DescribeListeners), filterable. */
import { Option, type Command } from 'commander';
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import type { ListFlags } from './run.js';
import { say } from '../../../core/i18n.js';
import { HELP } from '../../help.messages.js';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export function registerList(program: Command, ctx: CliContext): void {
  program
    .command('list')
    .description(say(ctx.language ?? 'en', HELP.list))
    .requiredOption('--lb <id>', say(ctx.language ?? 'en', HELP.lb))
    .option('--port <port>', say(ctx.language ?? 'en', HELP.listPort))
    .option('--protocol <protocol>', say(ctx.language ?? 'en', HELP.listProtocol))
    .addOption(new Option('--listener-id <id>', say(ctx.language ?? 'en', HELP.listListenerId)).argParser(collect))
    .addHelpText(
      'after',
      `\n${say(ctx.language ?? 'en', HELP.examples)}\n  clb-listener list --lb lb-cuxw2rm0\n  clb-listener list --lb lb-cuxw2rm0 --protocol TCP -o table\n  clb-listener list --lb lb-cuxw2rm0 -o json \\\n    --query 'Listeners[?Port==\`80\`].ListenerId'\n`,
    )
    .action(async (flags: ListFlags, cmd: Command) => {
      const { runList } = await import('./run.js');
      await runList(ctx, cmd.optsWithGlobals<GlobalOptions>(), flags);
    });
}

/**
 * `clb-listener delete`: removes the named listeners (DeleteLoadBalancerListeners) and waits.
 * Ids are required: the API reads a missing list as "all listeners", which this tool never sends.
 */
import { Option, type Command } from 'commander';
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import type { DeleteFlags } from './run.js';
import { say } from '../../../core/i18n.js';
import { HELP } from '../../help.messages.js';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export function registerDelete(program: Command, ctx: CliContext): void {
  program
    .command('delete')
    .description(say(ctx.language ?? 'en', HELP.delete))
    .requiredOption('--lb <id>', say(ctx.language ?? 'en', HELP.lb))
    .addOption(new Option('--listener-id <id>', say(ctx.language ?? 'en', HELP.deleteListenerId)).argParser(collect).makeOptionMandatory())
    .option('--dry-run', say(ctx.language ?? 'en', HELP.deleteDryRun))
    .option('--no-wait', say(ctx.language ?? 'en', HELP.deleteNoWait))
    .option('--wait-timeout <seconds>', say(ctx.language ?? 'en', HELP.waitTimeout))
    .addHelpText(
      'after',
      `\n${say(ctx.language ?? 'en', HELP.example)}\n  clb-listener delete --lb lb-cuxw2rm0 --listener-id lbl-d1ubsydq,lbl-4udz130k\n`,
    )
    .action(async (flags: DeleteFlags, cmd: Command) => {
      const { runDelete } = await import('./run.js');
      await runDelete(ctx, cmd.optsWithGlobals<GlobalOptions>(), flags);
    });
}

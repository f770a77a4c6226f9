/**
 * `clb-listener delete`: removes the named listeners (DeleteLoadBalancerListeners) and waits.
 * Ids are required: the API reads a missing list as "all listeners", which this tool never sends.
 */
import type { Command } from 'commander';
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import type { DeleteFlags } from './run.js';

import { addAliasedOption, aliasedValue, LOAD_BALANCER_OPTION, type AliasedOption } from '../../aliased-options.js';

const DELETE_LISTENER_IDS_OPTION: AliasedOption = {
  names: ['listener-id', 'listener-ids'],
  value: '<id>',
  description: 'listener to delete (repeat or comma-separate, at most 20); required',
  collect: true,
};

export function registerDelete(program: Command, ctx: CliContext): void {
  const language = ctx.language ?? 'en';
  const command = program
    .command('delete')
    .description('delete listeners of a load balancer by id (DeleteLoadBalancerListeners), and wait');
  addAliasedOption(command, LOAD_BALANCER_OPTION, language);
  addAliasedOption(command, DELETE_LISTENER_IDS_OPTION, language);
  command
    .option('--dry-run', 'print the request that would be sent; send nothing')
    .option('--no-wait', 'return once the API accepts')
    .option('--wait-timeout <duration>', 'give up waiting after this long, exit 5 (default: 300)')
    .addHelpText('after', '\nExample:\n  clb-listener delete --lb lb-cuxw2rm0 --listener-id lbl-d1ubsydq,lbl-4udz130k\n')
    .action(async (options: Record<string, unknown>, cmd: Command) => {
      const lb = aliasedValue<string>(options, LOAD_BALANCER_OPTION, language, true);
      const ids = aliasedValue<string[]>(options, DELETE_LISTENER_IDS_OPTION, language, true);
      const flags = { ...options, lb: lb.value!, lbFlag: lb.flag, listenerId: ids.value!, listenerIdFlag: ids.flag } as DeleteFlags;
      const { runDelete } = await import('./run.js');
      await runDelete(ctx, cmd.optsWithGlobals<GlobalOptions>(), flags);
    });
}

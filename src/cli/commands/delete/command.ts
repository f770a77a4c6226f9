/**
 * `clb-listener delete`: removes the named listeners (DeleteLoadBalancerListeners) and waits.
 * Ids are required: the API reads a missing list as "all listeners", which this tool never sends.
 */
import type { Command } from 'commander';
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import type { DeleteFlags } from './run.js';
import { say } from '../../../core/i18n.js';
import { HELP } from '../../help.messages.js';
import { addAliasedOption, aliasedValue, LOAD_BALANCER_OPTION, type AliasedOption } from '../../aliased-options.js';

const DELETE_LISTENER_IDS_OPTION: AliasedOption = {
  names: ['listener-id', 'listener-ids'],
  value: '<id>',
  description: HELP.deleteListenerId,
  collect: true,
};

export function registerDelete(program: Command, ctx: CliContext): void {
  const language = ctx.language ?? 'en';
  const command = program.command('delete').description(say(language, HELP.delete));
  addAliasedOption(command, LOAD_BALANCER_OPTION, language);
  addAliasedOption(command, DELETE_LISTENER_IDS_OPTION, language);
  command
    .option('--dry-run', say(language, HELP.deleteDryRun))
    .option('--no-wait', say(language, HELP.deleteNoWait))
    .option('--wait-timeout <duration>', say(language, HELP.waitTimeout))
    .addHelpText(
      'after',
      `\n${say(language, HELP.example)}\n  clb-listener delete --lb lb-cuxw2rm0 --listener-id lbl-d1ubsydq,lbl-4udz130k\n`,
    )
    .action(async (options: Record<string, unknown>, cmd: Command) => {
      const lb = aliasedValue<string>(options, LOAD_BALANCER_OPTION, language, true);
      const ids = aliasedValue<string[]>(options, DELETE_LISTENER_IDS_OPTION, language, true);
      const flags = { ...options, lb: lb.value!, lbFlag: lb.flag, listenerId: ids.value!, listenerIdFlag: ids.flag } as DeleteFlags;
      const { runDelete } = await import('./run.js');
      await runDelete(ctx, cmd.optsWithGlobals<GlobalOptions>(), flags);
    });
}

/** `clb-listener list`: the listeners of a load balancer (DescribeListeners), filterable. */
import type { Command } from 'commander';
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import type { ListFlags } from './run.js';
import { say } from '../../../core/i18n.js';
import { HELP } from '../../help.messages.js';
import { addAliasedOption, aliasedValue, LOAD_BALANCER_OPTION, type AliasedOption } from '../../aliased-options.js';
import { TARGET_COMMAND_TEXT } from '../../target-text.js';

const LIST_PORT_OPTION: AliasedOption = { names: ['port', 'ports'], value: '<port>', description: HELP.listPort };
const LIST_LISTENER_IDS_OPTION: AliasedOption = {
  names: ['listener-id', 'listener-ids'],
  value: '<id>',
  description: HELP.listListenerId,
  collect: true,
};

export function registerList(program: Command, ctx: CliContext): void {
  const language = ctx.language ?? 'en';
  const command = program.command('list').description(say(language, HELP.list));
  addAliasedOption(command, LOAD_BALANCER_OPTION, language);
  addAliasedOption(command, LIST_PORT_OPTION, language);
  addAliasedOption(command, LIST_LISTENER_IDS_OPTION, language);
  command
    .option('--protocol <protocol>', say(language, HELP.listProtocol))
    .option('--targets', say(language, TARGET_COMMAND_TEXT.listTargets))
    .option('--health', say(language, TARGET_COMMAND_TEXT.listHealth))
    .addHelpText(
      'after',
      `\n${say(ctx.language ?? 'en', HELP.examples)}\n  clb-listener list --lb lb-cuxw2rm0\n  clb-listener list --lb lb-cuxw2rm0 --protocol TCP -o table\n  clb-listener list --lb lb-cuxw2rm0 --health -o json\n  clb-listener list --lb lb-cuxw2rm0 -o json \\\n    --query 'Listeners[?Port==\`80\`].ListenerId'\n`,
    )
    .action(async (options: Record<string, unknown>, cmd: Command) => {
      const lb = aliasedValue<string>(options, LOAD_BALANCER_OPTION, language, true);
      const port = aliasedValue<string>(options, LIST_PORT_OPTION, language);
      const ids = aliasedValue<string[]>(options, LIST_LISTENER_IDS_OPTION, language);
      const flags: ListFlags = {
        lb: lb.value!,
        lbFlag: lb.flag,
        ...(port.value !== undefined && { port: port.value, portFlag: port.flag }),
        ...(options.protocol !== undefined && { protocol: options.protocol as string }),
        ...(ids.value !== undefined && { listenerId: ids.value, listenerIdFlag: ids.flag }),
        ...(options.targets === true && { targets: true }),
        ...(options.health === true && { health: true }),
      };
      const { runList } = await import('./run.js');
      await runList(ctx, cmd.optsWithGlobals<GlobalOptions>(), flags);
    });
}

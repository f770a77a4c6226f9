/**
 * `clb-listener apply -f FILE`: listeners as code. The file lists CreateListener bodies; apply
 * makes the load balancers match (create, ModifyListener, and with --prune delete), and a second
 * run changes nothing. `--plan` shows what it would do, sending nothing but reads.
 */
import { Option, type Command } from 'commander';
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import type { ApplyFlags } from './run.js';
import { say } from '../../../core/i18n.js';
import { HELP } from '../../help.messages.js';
import { TARGET_STEP_TEXT } from '../../target-text.js';

export function registerApply(program: Command, ctx: CliContext): void {
  program
    .command('apply')
    .description(say(ctx.language ?? 'en', HELP.apply))
    .addOption(new Option('-f, --file <path>', say(ctx.language ?? 'en', HELP.applyFile)))
    .option('--plan', say(ctx.language ?? 'en', HELP.applyPlan))
    .option('--detailed-exitcode', say(ctx.language ?? 'en', HELP.applyDetailed))
    .option('--prune', say(ctx.language ?? 'en', HELP.applyPrune))
    .option('-y, --yes', say(ctx.language ?? 'en', HELP.applyYes))
    .option('--schema', say(ctx.language ?? 'en', HELP.applySchema))
    // --validate first: then neither form sets a default, and CLB_LISTENER_VALIDATE or the profile decide.
    .addOption(new Option('--validate', say(ctx.language ?? 'en', HELP.applyValidate)))
    .addOption(new Option('--no-validate', say(ctx.language ?? 'en', HELP.applyNoValidate)))
    .option('--wait-timeout <duration>', say(ctx.language ?? 'en', HELP.applyWaitTimeout))
    .addHelpText('after', say(ctx.language ?? 'en', HELP.applyExamples))
    .addOption(new Option('--wait-healthy [duration]', say(ctx.language ?? 'en', TARGET_STEP_TEXT.waitHealthyOption)))
    .action(async (flags: ApplyFlags, cmd: Command) => {
      const { runApply } = await import('./run.js');
      await runApply(ctx, cmd.optsWithGlobals<GlobalOptions>(), flags);
    });
}

/**
 * `clb-listener create`: every CreateListener field as a flag (generated from the model), then
 * validate, sign, send, and wait for the task. stdout gets the ListenerIds; all else is stderr.
 */
import { Option, type Command } from 'commander';
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import { deferOptions } from '../../deferred-options.js';
import type { CreateFlags } from '../../../model/flags.js';
import { say } from '../../../core/i18n.js';
import { TARGET_STEP_TEXT } from '../../target-text.js';
import { RULE_TEXT } from '../../rule-text.js';
import { HELP } from '../../help.messages.js';

export function registerCreate(program: Command, ctx: CliContext): void {
  const t = (id: keyof typeof HELP) => say(ctx.language ?? 'en', HELP[id]);
  const run = t('createRun');
  const command = program
    .command('create')
    .description(t('create'))
    .addHelpOption(new Option('-h, --help', t('helpOption')).helpGroup(run))
    .addHelpText('after', t('createExamples'));
  // A flag for every field: built, with the rule tables, only when create runs (deferred-options.ts).
  deferOptions(command, async () => (await import('../../options.js')).createListenerOptions(ctx.language));
  command.addOption(
    new Option('--rule <spec>', say(ctx.language ?? 'en', RULE_TEXT.ruleOption))
      .helpGroup(say(ctx.language ?? 'en', RULE_TEXT.ruleGroup))
      .argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]),
  );
  const targets = say(ctx.language ?? 'en', TARGET_STEP_TEXT.groupTargets);
  command
    .addOption(
      new Option('--target <spec>', say(ctx.language ?? 'en', TARGET_STEP_TEXT.targetOption))
        .helpGroup(targets)
        .argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]),
    )
    .addOption(new Option('--wait-healthy [duration]', say(ctx.language ?? 'en', TARGET_STEP_TEXT.waitHealthyOption)).helpGroup(targets));
  command
    .addOption(new Option('--from-file <path>', t('fromFile')).helpGroup(run))
    .addOption(new Option('--cli-input-json <file://path>', t('cliInputJson')).helpGroup(run))
    .addOption(new Option('--skeleton', t('skeleton')).helpGroup(run))
    .addOption(new Option('--generate-cli-skeleton [input]', t('generateCliSkeleton')).choices(['input']).helpGroup(run))
    .addOption(new Option('--dry-run', t('dryRun')).helpGroup(run))
    .addOption(new Option('-i, --interactive', t('interactive')).helpGroup(run))
    // --validate first: then neither form sets a default, and CLB_LISTENER_VALIDATE or the profile decide.
    .addOption(new Option('--validate', t('validate')).helpGroup(run))
    .addOption(new Option('--no-validate', t('noValidate')).helpGroup(run))
    .addOption(new Option('--if-not-exists', t('ifNotExists')).helpGroup(run))
    .addOption(new Option('--no-wait', t('noWait')).helpGroup(run))
    .addOption(new Option('--wait-timeout <duration>', t('waitTimeout')).helpGroup(run))
    .action(async (flags: CreateFlags, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const { runCreate } = await import('./run.js');
      await runCreate(ctx, globals, flags);
    });
}

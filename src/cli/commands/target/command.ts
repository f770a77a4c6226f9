/**
 * `clb-listener target add`: binds targets to an existing TCP/UDP/TCP_SSL/QUIC listener, keeping
 * those already bound, so it finishes what an interrupted `create --target` left undone.
 */
import { Option, type Command } from 'commander';
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import { say } from '../../../core/i18n.js';
import { TARGET_COMMAND_TEXT as T, TARGET_STEP_TEXT as S } from '../../target-text.js';
import type { TargetAddFlags } from './add.js';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

const EXAMPLES = `
Examples:
  clb-listener target add --lb lb-cuxw2rm0 --listener-id lbl-hh141sn9 \\
    --target ins-1a2b3c4d:8080 --target 10.0.0.12:8080:50
  clb-listener target add --lb lb-cuxw2rm0 --listener-id lbl-hh141sn9 \\
    --target '{"InstanceId":"ins-1a2b3c4d","Port":9000,"Weight":0}' --wait-healthy 60
`;

export function registerTarget(program: Command, ctx: CliContext): void {
  const t = (text: (typeof T)[keyof typeof T] | (typeof S)[keyof typeof S]) => say(ctx.language ?? 'en', text);
  const group = program.command('target').description(t(T.group)).addHelpText('after', EXAMPLES);
  group
    .command('add')
    .description(t(T.add))
    .requiredOption('--lb <id>', t(T.optLb))
    .requiredOption('--listener-id <id>', t(T.optListenerId))
    .option('--location-id <id>', t(T.optLocationId))
    .option('--domain <domain>', t(T.optDomain))
    .option('--url <path>', t(T.optUrl))
    .addOption(new Option('--target <spec>', t(S.targetOption)).argParser(collect))
    .addOption(new Option('--wait-healthy [seconds]', t(S.waitHealthyOption)))
    .option('--wait-timeout <seconds>', t(T.optWaitTimeout))
    .addHelpText('after', EXAMPLES)
    .action(async (flags: TargetAddFlags, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const { runTargetAdd } = await import('./add.js');
      await runTargetAdd(ctx, globals, flags);
    });
}

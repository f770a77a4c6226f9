/**
 * The root command and its global options. A factory, so tests can build a program around a
 * context of their own and inspect the parsed flags without spawning a process.
 */
import { Command, CommanderError, Help, Option } from 'commander';
import type { CliContext } from '../core/context.js';
import { UsageError } from '../core/errors.js';
import { EXIT_CODE_HELP } from './exit-codes.js';
import { COMMANDS } from './commands/index.js';
import { VERSION } from '../core/version.js';
import { guardOptions } from './option-guard.js';
import { addDeferredOptions } from './deferred-options.js';
import { helpWidth, paragraph, twoColumns } from './help-text.js';

/** One spelling of the heading, in the root's help and in every command's (commander's own says "Global Options:"). */
const GLOBAL_OPTIONS = 'Global options:';

/**
 * How help is laid out: subcommands list the global options too (--region, --endpoint, -o …)
 * under their own heading; descriptions wrap at the help width even beside a wide column of
 * flags (create's), where commander would otherwise let them run on.
 */
const HELP_LAYOUT: Partial<Help> = {
  showGlobalOptions: true,
  minWidthToWrap: 24,
  // A switch is off unless given: "(default: false)" beside every one of them says nothing.
  optionDescription(option: Option): string {
    const quiet =
      option.defaultValue === false && option.isBoolean() ? Object.assign(Object.create(option), { defaultValue: undefined }) : option;
    return Help.prototype.optionDescription.call(this, quiet);
  },
  formatItemList(heading: string, items: string[], helper: Help): string[] {
    return Help.prototype.formatItemList.call(this, heading === 'Global Options:' ? GLOBAL_OPTIONS : heading, items, helper);
  },
};

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('clb-listener')
    .description('Create and manage Tencent Cloud CLB listeners: validated before sending, signed, and waited on.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => void ctx.stdout.write(text),
      writeErr: (text) => void ctx.stderr.write(text),
      // Help fits the terminal it is shown on, and 80 columns anywhere else (a pipe, a file).
      getOutHelpWidth: () => helpWidth(ctx.stdout),
      getErrHelpWidth: () => helpWidth(ctx.stderr),
      // Usage errors are rendered by main.ts, once, in the one-line format every error uses.
      outputError: () => {},
    })
    .exitOverride();

  // Subcommand help lists the global options too (--region, --endpoint, -o …), under their own heading.
  program.configureHelp(HELP_LAYOUT);
  program.optionsGroup(GLOBAL_OPTIONS);
  program
    .option('--profile <name>', 'credentials profile, tccli-compatible (default: $TCCLI_PROFILE, else "default")')
    .option('--region <region>', 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)')
    .option('--endpoint <url>', 'API endpoint; http:// only for loopback (default: https://clb.tencentcloudapi.com)')
    .addOption(new Option('--language <lang>', 'language of API messages').choices(['zh-CN', 'en-US']))
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json', 'table']).default('text'))
    .option('--query <jmespath>', 'JMESPath expression applied to the JSON result')
    .option('--filter <jmespath>', "same as --query (tccli's name for it)")
    .option('--no-color', 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)')
    .option('--request-timeout <seconds>', 'timeout of each API request (default: 30)')
    .option('--debug', 'redacted wire log on stderr', false)
    .option('-q, --quiet', 'print only data and errors', false);

  for (const register of COMMANDS) register(program, ctx);
  guardOptions(program);
  // The options a command builds only when it runs (create's field flags), added before it parses.
  program.hook('preSubcommand', (_program, command) => addDeferredOptions(command));
  // `help create` prints a command's help without dispatching to it: its options are added first.
  // (commander's own method, private: test/help-layout.test.ts compares `help create` with `create --help`.)
  const root = program as unknown as { _dispatchHelpCommand(name?: string): unknown };
  const dispatchHelp = root._dispatchHelpCommand.bind(program);
  root._dispatchHelpCommand = (name) => {
    const command = program.commands.find((c) => c.name() === name || c.aliases().includes(name ?? ''));
    return command ? addDeferredOptions(command).then(() => dispatchHelp(name)) : dispatchHelp(name);
  };

  // A bad --query is a usage error before anything is sent (exit 2 promises that), not after.
  program.hook('preAction', async (_program, action) => {
    const { query: given, filter } = action.optsWithGlobals<{ query?: string; filter?: string }>();
    if (filter !== undefined && given !== undefined && filter !== given) {
      throw new UsageError('--filter and --query are the same option; give one', '--filter');
    }
    const query = given ?? filter;
    if (filter !== undefined) program.setOptionValue('query', filter);
    if (query === undefined) return;
    const { checkQuery } = await import('../ui/output.js');
    await checkQuery(query);
  });

  program.addHelpText('after', () => {
    const width = helpWidth(ctx.stdout);
    const codes = twoColumns(
      EXIT_CODE_HELP.map(([code, text]) => [String(code).padStart(3), text]),
      width,
    );
    const credentials = paragraph(
      'Credentials come from the environment, tccli profiles, ~/.tencentcloud/credentials or the CVM role; no option takes a secret key on the command line.',
      width,
    );
    return `\nExit codes:\n${codes}\n\n${credentials}\n`;
  });
  return program;
}

/** How commander ended a parse by throwing: successfully (--help, --version), or on a usage error. */
export function isCommanderExit(error: unknown): 'success' | 'usage' | undefined {
  if (!(error instanceof CommanderError)) return undefined;
  if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 'success';
  return 'usage';
}

/** Commander reports usage problems by throwing; this turns them into our UsageError. */
export function usageErrorFromCommander(error: { code?: string; message: string }, program: Command, argv: readonly string[]): UsageError {
  // Commander quotes the offending word whole; `--secret-key=…` or a mistyped secret must not be echoed.
  const message = error.message
    .replace(/^error:\s*/i, '')
    .trim()
    // One line: commander puts its suggestion on a line of its own.
    .replace(/\s*\n\s*\(Did you mean (.+?)\?\)/, ' (did you mean $1?)')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/'(--[^'=\s]+)=[^']*'/g, "'$1=…'")
    .replace(/'(-[^-'\s])[^'\s]+'/g, "'$1…'");
  const flag = /'(-[-\w]+)/.exec(message)?.[1];
  const names = new Set(program.commands.map((c) => c.name()));
  const command = argv.find((arg) => names.has(arg));
  return new UsageError(message, flag, { hint: `run 'clb-listener ${command ? `${command} ` : ''}--help' for usage` });
}

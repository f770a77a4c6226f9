/**
 * The root command and its global options. A factory, so tests can build a program around a
 * context of their own and inspect the parsed flags without spawning a process.
 */
import { Command, CommanderError, Option } from 'commander';
import type { CliContext } from '../core/context.js';
import { UsageError } from '../core/errors.js';
import { EXIT_CODE_HELP } from './exit-codes.js';
import { COMMANDS } from './commands/index.js';
import { VERSION } from '../core/version.js';
import { guardOptions } from './option-guard.js';

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('clb-listener')
    .description('Create and manage Tencent Cloud CLB listeners: validated before sending, signed, and waited on.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => void ctx.stdout.write(text),
      writeErr: (text) => void ctx.stderr.write(text),
      // Usage errors are rendered by main.ts, once, in the one-line format every error uses.
      outputError: () => {},
    })
    .exitOverride();

  // Subcommand help lists the global options too (--region, --endpoint, -o …), under their own heading.
  program.configureHelp({ showGlobalOptions: true });
  program.optionsGroup('Global options:');
  program
    .option('--profile <name>', 'credentials profile (tccli-compatible; default: $TCCLI_PROFILE or "default")')
    .option('--region <region>', 'region, e.g. ap-guangzhou (default: $TENCENTCLOUD_REGION)')
    .option('--endpoint <url>', 'API endpoint (default https://clb.tencentcloudapi.com; http:// only for loopback)')
    .addOption(new Option('--language <lang>', 'language of API messages').choices(['zh-CN', 'en-US']))
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json', 'table']).default('text'))
    .option('--query <jmespath>', 'JMESPath expression applied to the JSON result')
    .option('--filter <jmespath>', "same as --query (tccli's name for it)")
    .option('--no-color', 'disable colours (NO_COLOR and FORCE_COLOR are honoured too)')
    .option('--request-timeout <seconds>', 'timeout of each API request (default 30)')
    .option('--debug', 'redacted wire log on stderr', false)
    .option('-q, --quiet', 'print only data and errors', false);

  for (const register of COMMANDS) register(program, ctx);
  guardOptions(program);

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

  program.addHelpText(
    'after',
    `\nExit codes:\n${EXIT_CODE_HELP.map(([code, text]) => `  ${String(code).padStart(3)}  ${text}`).join('\n')}\n` +
      '\nCredentials come from the environment, tccli profiles, ~/.tencentcloud/credentials or the CVM role;\n' +
      'no option takes a secret key on the command line.\n',
  );
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

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
import { helpWidth, paragraph, twoColumns, wrapLines } from './help-text.js';
import { type Language, type Message, message as message_, render, say } from '../core/i18n.js';
import { USAGE, USAGE_PATTERNS } from './usage.messages.js';
import { displayWidth } from '../core/width.js';
import { HELP } from './help.messages.js';
import { PROGRAM } from './program.messages.js';
import { USAGE_TEXTS } from '../core/usage-texts.js';
import { closest, suggestChoice } from '../core/suggest.js';
import { asciiOnly, toAscii } from '../core/ascii.js';
import { addDeferredOptions } from './deferred-options.js';

export { runLanguage } from './language.js';

/** Commander's own headings, said in the run's language ("Global Options:" is spelt as ours). */
const TITLES: Record<string, keyof typeof HELP> = {
  'Usage:': 'usage',
  'Arguments:': 'arguments',
  'Options:': 'options',
  'Commands:': 'commands',
  'Global Options:': 'globalOptions',
};

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/**
 * How help is laid out: the global options (--region, --endpoint, -o …) are listed once, in the
 * root's help, and each command's help ends with one line pointing there; descriptions wrap at the help width even beside a wide column of
 * flags (create's), where commander would otherwise let them run on. Widths are terminal columns
 * (a Chinese character takes two), and Chinese text may break between any two characters.
 */
function helpLayout(language: Language): Partial<Help> {
  return {
    showGlobalOptions: false,
    minWidthToWrap: 24,
    // A switch is off unless given: "(default: false)" beside every one of them says nothing.
    optionDescription(option: Option): string {
      const quiet =
        option.defaultValue === false && option.isBoolean() ? Object.assign(Object.create(option), { defaultValue: undefined }) : option;
      const text = Help.prototype.optionDescription.call(this, quiet);
      if (language === 'en') return text;
      return text
        .replace(
          /\((choices: )([^)]*?)(?:, default: ([^)]*))?\)$/,
          (_all, _c, values: string, value?: string) =>
            [`(${say(language, HELP.choices, { values })}`, ...(value ? [say(language, HELP.defaultValue, { value })] : [])].join('，') +
            ')',
        )
        .replace(/\(default: ([^)]*)\)$/, (_all, value: string) => `(${say(language, HELP.defaultValue, { value })})`);
    },
    // `Usage: clb-listener create [options]`: commander's placeholders in the run's language.
    commandUsage(command: Command): string {
      const text = Help.prototype.commandUsage.call(this, command);
      if (language === 'en') return text;
      return text
        .replace(/ \[options\](?= |$)/g, ` ${say(language, PROGRAM.options)}`)
        .replace(/ \[command\](?= |$)/g, ` ${say(language, PROGRAM.command)}`);
    },
    styleTitle(title: string): string {
      const id = TITLES[title];
      return id ? say(language, HELP[id]) : title;
    },
    displayWidth,
    boxWrap(text: string, width: number): string {
      if (!WIDE.test(text) || width < 24) return Help.prototype.boxWrap.call(this, text, width);
      return text
        .split(/\r\n|\n/)
        .map((line) => wrapLines(line, width).join('\n'))
        .join('\n');
    },
  };
}

/**
 * `.choices()` that takes any case (`-o JSON` as `--protocol tcp` is taken) and, for a value that
 * is none of them, names the closest one. The choices stay on the option for help and completions.
 */
export function anyCase(option: Option, values: readonly string[], ctx: CliContext): Option {
  option.choices(values);
  const flag = option.long ?? option.flags;
  option.argParser((raw: string) => {
    const match = values.find((v) => v.toLowerCase() === raw.trim().toLowerCase());
    if (match) return match;
    const language = ctx.language ?? 'en';
    const params = { flag, value: raw, choices: values.join(', ') };
    const suggestion = suggestChoice(raw, values);
    throw new UsageError(
      suggestion.length
        ? say(language, USAGE_TEXTS.notOneOfSuggest, { ...params, suggestion: suggestion.join(', ') })
        : say(language, USAGE_TEXTS.notOneOf, params),
      flag,
    );
  });
  option.argChoices = [...values];
  return option;
}

export function buildProgram(ctx: CliContext): Command {
  const language = ctx.language ?? 'en';
  const t = (id: keyof typeof HELP) => say(language, HELP[id]);
  const program = new Command('clb-listener')
    .description(t('program'))
    .version(VERSION, '-V, --version', t('versionOption'))
    .helpOption('-h, --help', t('helpOption'))
    .helpCommand('help [command]', t('helpCommand'))
    .showSuggestionAfterError(true)
    .configureOutput({
      // Help is for people: in a locale that is not UTF-8 its symbols (–, …, →) become ASCII.
      writeOut: (text) => void ctx.stdout.write(asciiOnly(ctx.env) ? toAscii(text) : text),
      writeErr: (text) => void ctx.stderr.write(text),
      // Help fits the terminal it is shown on, and 80 columns anywhere else (a pipe, a file).
      getOutHelpWidth: () => helpWidth(ctx.stdout),
      getErrHelpWidth: () => helpWidth(ctx.stderr),
      // Usage errors are rendered by main.ts, once, in the one-line format every error uses.
      outputError: () => {},
    })
    .exitOverride();

  program.configureHelp(helpLayout(language));
  program.optionsGroup(t('globalOptions'));
  program
    .option('--profile <name>', t('profile'))
    .option('--region <region>', t('region'))
    .option('--endpoint <url>', say(language, USAGE_TEXTS.endpointOption))
    .addOption(anyCase(new Option('--language <lang>', t('language')), ['zh-CN', 'en-US'], ctx))
    .addOption(anyCase(new Option('-o, --output <format>', t('output')), ['text', 'json', 'table'], ctx).default('text'))
    .option('--query <jmespath>', t('query'))
    .option('--filter <jmespath>', t('filter'))
    .option('--no-color', t('noColor'))
    .option('--request-timeout <duration>', t('requestTimeout'))
    .option('--debug', t('debug'), false)
    .option('-q, --quiet', t('quiet'), false);

  for (const register of COMMANDS) register(program, ctx);
  guardOptions(program);
  pointToGlobalOptions(program, ctx);
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
      throw new UsageError(message_(PROGRAM.filterAndQuery), '--filter');
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
      EXIT_CODE_HELP.map(([code, text]) => [String(code).padStart(3), say(language, text)]),
      width,
    );
    const credentials = paragraph(t('credentials'), width);
    return `\n${t('exitCodes')}\n${codes}\n\n${credentials}\n`;
  });
  return program;
}

/** Every command's help (not the root's, which lists them) ends with one line naming the global options. */
function pointToGlobalOptions(program: Command, ctx: CliContext): void {
  const line = () => `\n${paragraph(say(ctx.language ?? 'en', USAGE_TEXTS.globalOptionsLine), helpWidth(ctx.stdout))}`;
  const visit = (command: Command): void => {
    for (const sub of command.commands) {
      sub.addHelpText('after', line);
      visit(sub);
    }
  };
  visit(program);
}

/** How commander ended a parse by throwing: successfully (--help, --version), or on a usage error. */
export function isCommanderExit(error: unknown): 'success' | 'usage' | undefined {
  if (!(error instanceof CommanderError)) return undefined;
  if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 'success';
  return 'usage';
}

/** Commander's sentence as a catalogue message (said in the run's language), or as it is. */
function usageMessage(sentence: string): string | Message {
  for (const [pattern, id, names] of USAGE_PATTERNS) {
    const match = pattern.exec(sentence);
    if (!match) continue;
    const said = message_(USAGE[id], Object.fromEntries(names.map((name, i) => [name, match[i + 1]!])));
    // Only when the English is commander's sentence word for word.
    return render('en', said) === sentence ? said : sentence;
  }
  return sentence;
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
  const hint = message_(HELP.usageHint, { command: `clb-listener${command ? ` ${command}` : ''}` });
  const suggested = suggestedUsage(error, program, argv);
  if (suggested) return new UsageError(suggested, undefined, { hint });
  return new UsageError(usageMessage(message), flag, { hint });
}

/**
 * "Did you mean" where commander has none: an unknown subcommand of a command that also runs
 * alone (`configure st` is "too many arguments" to commander), and an argument outside its choices
 * (`completion bsh`).
 */
function suggestedUsage(error: { code?: string; message: string }, program: Command, argv: readonly string[]): Message | undefined {
  if (error.code === 'commander.excessArguments') {
    let command = program;
    let name: string | undefined;
    for (let i = 0; i < argv.length && name === undefined; i++) {
      const arg = argv[i]!;
      if (arg.startsWith('-')) {
        // An option's value is not a word to look up (`--language zh-CN configure lst`).
        const flag = arg.split('=')[0];
        const option = [command, program].flatMap((c) => c.options).find((o) => o.long === flag || o.short === flag);
        if (option && (option.required || option.optional) && !arg.includes('=')) i++;
        continue;
      }
      const next = command.commands.find((c) => c.name() === arg || c.aliases().includes(arg));
      if (next) command = next;
      else if (command === program) return undefined;
      else name = arg;
    }
    const subcommands = command.commands.map((c) => c.name()).filter((n) => n !== 'help');
    if (name === undefined || subcommands.length === 0 || command.registeredArguments.length > 0) return undefined;
    // Named only when it is close to a subcommand: a word far from all of them may be anything
    // (a value typed in the wrong place), and commander's own sentence does not echo it.
    const suggestion = closest(name, subcommands);
    return suggestion.length ? message_(USAGE_TEXTS.unknownHelpTopicSuggest, { name, suggestion: suggestion.join(', ') }) : undefined;
  }
  const choice = /^command-argument value '([^']*)' is invalid for argument '([^']*)'\. Allowed choices are (.*)\.$/.exec(
    error.message.replace(/^error:\s*/i, '').trim(),
  );
  if (error.code === 'commander.invalidArgument' && choice) {
    const [, value, argument, list] = choice as unknown as [string, string, string, string];
    const choices = list.split(', ');
    const params = { flag: argument, value, choices: choices.join(', ') };
    const suggestion = suggestChoice(value, choices);
    return suggestion.length
      ? message_(USAGE_TEXTS.notOneOfSuggest, { ...params, suggestion: suggestion.join(', ') })
      : message_(USAGE_TEXTS.notOneOf, params);
  }
  return undefined;
}

/**
 * `clb-listener help NAME` for a command that does not exist: a usage error naming it, with the
 * closest command names (commander would print the whole help on stderr and exit 1).
 */
export function unknownHelpTopic(program: Command, argv: readonly string[], language: Language): UsageError | undefined {
  const [first, name] = argv;
  if (first !== 'help' || name === undefined || name.startsWith('-')) return undefined;
  const names = program.commands.map((c) => c.name()).filter((n) => n !== 'help');
  if (names.includes(name)) return undefined;
  const suggestion = closest(name, names);
  const message = suggestion.length
    ? say(language, USAGE_TEXTS.unknownHelpTopicSuggest, { name, suggestion: suggestion.join(', ') })
    : say(language, USAGE_TEXTS.unknownHelpTopic, { name });
  return new UsageError(message, undefined, { hint: say(language, USAGE_TEXTS.helpHint) });
}

/**
 * What the shell completions know, read from the commander program itself and from the request
 * model: every command and subcommand, their options (long, short and `--no-` forms), which
 * options take a value, and the values worth offering (enums from the field table, commander
 * `.choices()`, on|off, file paths). The bash, zsh and fish writers only format this; nothing
 * here or there lists a flag by hand.
 */
import type { Argument, Command, Option } from 'commander';
import { CERTIFICATE_FLAGS, CERTIFICATE_INPUT_FIELDS, CREATE_LISTENER_FIELDS, type TopLevelField } from '../../model/fields.js';
import { PROFILE_KEYS } from '../../config/profile-keys.js';

export type Arity = 'none' | 'required' | 'optional';

export interface CompletionOption {
  /** `--protocol`; absent for a short-only option. */
  long?: string;
  /** `-o` */
  short?: string;
  description: string;
  arity: Arity;
  /** Shown as the value's name, e.g. `protocol` for `--protocol <protocol>`. */
  valueName: string;
  /** Values to offer for the option's argument. */
  values?: readonly string[];
  /** The argument is a path: offer files. */
  files?: boolean;
  /** May be given more than once (list fields, collected). */
  repeatable?: boolean;
}

export interface CompletionArgument {
  name: string;
  description: string;
  required: boolean;
  variadic: boolean;
  values?: readonly string[];
  files?: boolean;
}

export interface CompletionCommand {
  name: string;
  /** Command names from the root, e.g. `['configure', 'set']`; `[]` for the root. */
  path: string[];
  description: string;
  aliases: string[];
  /**
   * Every option valid at this point of the command line: this command's own, then its
   * ancestors' (commander recognises a parent's options after a subcommand too).
   */
  options: CompletionOption[];
  commands: CompletionCommand[];
  args: CompletionArgument[];
}

export interface CompletionSpec {
  bin: string;
  root: CompletionCommand;
}

/** Extra knowledge about an option's value, keyed by commander's attribute name. */
interface ValueHint {
  values?: readonly string[];
  files?: boolean;
}

/**
 * The few hints neither commander nor the field table carries. `--health-check` takes
 * `on | off | Key=Value,… | JSON | file://path`; only the two keywords are worth offering.
 */
const VALUE_HINTS: Record<string, ValueHint> = {
  healthCheck: { values: ['on', 'off'] },
};

/** Value names that mean "a path": `--state <file>`, `--cert-file <path>`. */
const FILE_VALUE_NAMES = new Set(['path', 'file', 'dir', 'directory']);

function fieldForFlag(flag: string): TopLevelField | undefined {
  return CREATE_LISTENER_FIELDS.find((f) => f.flag === flag || f.aliases?.includes(flag));
}

function valueNameOf(option: Option): string {
  return /[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1]?.replace(/\.\.\.$/, '') ?? 'value';
}

/** The values and file-ness of an option's argument, from every source that knows. */
function valueHint(option: Option): ValueHint & { repeatable?: boolean } {
  const flag = option.long?.replace(/^--/, '') ?? '';
  const hint: ValueHint & { repeatable?: boolean } = {};
  if (option.argChoices?.length) hint.values = option.argChoices;

  const field = fieldForFlag(flag);
  if (field) {
    if (field.kind === 'enum' && field.values) hint.values = field.values;
    if (field.kind === 'switch') hint.values = ['1', '0'];
    if (field.kind === 'boolean') hint.values = ['true', 'false'];
    if (field.kind === 'integer-list' || field.kind === 'string-list') hint.repeatable = true;
  }

  const cert = CERTIFICATE_FLAGS.find((c) => c.flag === flag);
  if (cert) {
    // File-ness comes from the value name (<path>), like every other option's.
    const target = CERTIFICATE_INPUT_FIELDS.find((f) => f.api === cert.target);
    if (target?.kind === 'enum' && target.values) hint.values = target.values;
  }

  if (FILE_VALUE_NAMES.has(valueNameOf(option))) hint.files = true;
  Object.assign(hint, VALUE_HINTS[option.attributeName()]);
  return hint;
}

/**
 * One line of help, without the enum list and alias note the help text appends. (Stripped here
 * rather than read from the field table: a flag name such as --port also belongs to other commands.)
 */
function shortDescription(text: string): string {
  return text
    .replace(/\s*\[alias: [^\]]*\]/, '')
    .replace(/\s*\((?:[\w/.-]+ \| )+[\w/.-]+\)$/, '')
    .split('\n')[0]!
    .trim();
}

function describeOption(option: Option): string {
  if (option.description) return shortDescription(option.description);
  const field = fieldForFlag(option.long?.replace(/^--/, '') ?? '');
  // Hidden short aliases (--lb, --port, --name) carry no description of their own.
  if (field) return `${shortDescription(field.help)} (= --${field.flag})`;
  return '';
}

function completionOption(option: Option): CompletionOption {
  const arity: Arity = option.required ? 'required' : option.optional ? 'optional' : 'none';
  const result: CompletionOption = {
    description: describeOption(option),
    arity,
    valueName: valueNameOf(option),
  };
  if (option.long) result.long = option.long;
  if (option.short) result.short = option.short;
  if (arity !== 'none') {
    const hint = valueHint(option);
    if (hint.values) result.values = hint.values;
    if (hint.files) result.files = true;
    if (hint.repeatable) result.repeatable = true;
  }
  return result;
}

/**
 * Options to offer: the visible ones (with commander's built-in help option), plus hidden ones
 * that are short aliases of a request field (`--lb`, `--port`, `--name`).
 */
function optionsOf(command: Command): Option[] {
  const visible = command.createHelp().visibleOptions(command);
  const aliases = command.options.filter((o) => o.hidden && o.long && fieldForFlag(o.long.replace(/^--/, '')));
  return [...visible, ...aliases];
}

function mergeOptions(own: CompletionOption[], inherited: CompletionOption[]): CompletionOption[] {
  const taken = new Set(own.flatMap(flagsOf));
  return [...own, ...inherited.filter((o) => !(o.long && taken.has(o.long)) && !(o.short && taken.has(o.short)))];
}

function completionArgument(argument: Argument, siblings: string[], isHelp: boolean): CompletionArgument {
  const result: CompletionArgument = {
    name: argument.name(),
    description: argument.description || argument.name(),
    required: argument.required,
    variadic: argument.variadic,
  };
  if (argument.argChoices?.length) result.values = argument.argChoices;
  // `help [command]` completes the command names beside it.
  else if (isHelp) result.values = siblings;
  return result;
}

/**
 * The profile keys `configure get KEY`, `configure unset KEY…` and `configure set KEY VALUE [KEY VALUE…]` take (the
 * commands check them themselves, so commander knows no choices). `set` alternates a key and its
 * value: its one variadic argument becomes positions key, value, key, value…, one pair per key.
 */
function profileKeyArguments(path: string[]): CompletionArgument[] | undefined {
  const keys = PROFILE_KEYS.map((k) => k.name);
  const key = (required: boolean): CompletionArgument => ({
    name: 'key',
    description: 'profile key',
    required,
    variadic: false,
    values: keys,
  });
  if (path.join(' ') === 'configure get') return [key(true)];
  if (path.join(' ') === 'configure unset') return [{ ...key(true), variadic: true }];
  if (path.join(' ') === 'configure set') {
    return keys.flatMap((_, i) => [key(i === 0), { name: 'value', description: 'its value', required: i === 0, variadic: false }]);
  }
  return undefined;
}

function walk(command: Command, path: string[], inherited: CompletionOption[], isHelp: boolean, siblings: string[]): CompletionCommand {
  const options = mergeOptions(optionsOf(command).map(completionOption), inherited);
  const children = command.createHelp().visibleCommands(command);
  const childNames = children.map((c) => c.name()).filter((n) => n !== 'help');
  const implicitHelp = children.find((c) => !command.commands.includes(c));
  return {
    name: command.name(),
    path,
    description: shortDescription(command.summary() || command.description()),
    aliases: command.aliases(),
    options,
    commands: children.map((child) => walk(child, [...path, child.name()], options, child === implicitHelp, childNames)),
    args: profileKeyArguments(path) ?? command.registeredArguments.map((a) => completionArgument(a, siblings, isHelp)),
  };
}

/** Reads the whole command tree of `program` (as built by `buildProgram`). */
export function completionSpec(program: Command): CompletionSpec {
  return { bin: program.name(), root: walk(program, [], [], false, []) };
}

/** Every command of the tree, root first, depth first. */
export function allCommands(root: CompletionCommand): CompletionCommand[] {
  return [root, ...root.commands.flatMap(allCommands)];
}

/** The key a command is known by in the generated scripts: `configure set`. */
export const pathKey = (command: CompletionCommand): string => command.path.join(' ');

/** POSIX single quoting, as bash and zsh read it. */
export const posixQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** The flags an option answers to: `--output`, `-o`. */
export function flagsOf(option: CompletionOption): string[] {
  return [option.long, option.short].filter((f): f is string => Boolean(f));
}

/**
 * Two guesses this tool refuses to make about options, checked as commander reads each one:
 * - an empty value (`--endpoint ""`, `--region ""`) is a usage error, never "not given" (which
 *   would silently fall back to a default host, profile or region);
 * - a single-value option given twice with different values (`--lb A --lb B`, `--snat-enable
 *   --no-snat-enable`, `--health-check on --health-check off`) is a usage error, never "the last
 *   one wins". The same value twice is harmless and passes. Options that collect their values
 *   (`--port 80 --port 81`) may repeat.
 */
import type { Command, Option } from 'commander';
import { message } from '../core/i18n.js';
import { COMMAND_TEXTS } from './commands/command-texts.messages.js';
import { UsageError } from '../core/errors.js';

const ON = new Set(['true', '1', 'on', 'yes']);
const OFF = new Set(['false', '0', 'off', 'no']);

/**
 * Options whose values accumulate: `...` ones, and the ones with a parser of their own (in this
 * program every such parser collects). `.choices()` installs a parser too, but a choice is one value.
 */
function isRepeatable(option: Option): boolean {
  return option.variadic || (typeof option.parseArg === 'function' && option.argChoices === undefined);
}

/** What an occurrence means: toggles compare by meaning (`--x` = `--x 1` = `--x on`), others as typed. */
function meaning(option: Option, raw: string | null | undefined): string {
  if (raw === undefined || raw === null) return option.negate ? 'false' : 'true';
  const text = raw.trim();
  if (option.negate || option.optional || option.isBoolean()) {
    const word = text.toLowerCase();
    if (ON.has(word)) return 'true';
    if (OFF.has(word)) return 'false';
  }
  return text;
}

function shown(flag: string, raw: string | null | undefined): string {
  return raw === undefined || raw === null ? flag : `${flag} "${raw}"`;
}

/** What each command has seen of its single-value options in this parse, by attribute name. */
const SEEN = new WeakMap<Command, Map<string, { flag: string; raw: string | null | undefined; meaning: string }>>();

function guardOption(command: Command, option: Option): void {
  const name = option.name();
  if (name === 'version' || name === 'help') return;
  const flag = option.long ?? option.short ?? `--${name}`;
  const seen = SEEN.get(command) ?? new Map<string, { flag: string; raw: string | null | undefined; meaning: string }>();
  SEEN.set(command, seen);
  command.on(`option:${name}`, (raw?: string | null) => {
    if (typeof raw === 'string' && raw.trim() === '') {
      throw new UsageError(message(COMMAND_TEXTS.emptyValue, { flag }), flag, { hint: message(COMMAND_TEXTS.giveAValue, { flag }) });
    }
    if (isRepeatable(option)) return;
    const key = option.attributeName();
    const now = meaning(option, raw);
    const before = seen.get(key);
    if (before && before.meaning !== now) {
      throw new UsageError(message(COMMAND_TEXTS.contradict, { first: shown(before.flag, before.raw), second: shown(flag, raw) }), flag, {
        hint:
          before.flag === flag
            ? message(COMMAND_TEXTS.giveOnce, { flag })
            : message(COMMAND_TEXTS.giveOneOf, { first: before.flag, second: flag }),
      });
    }
    if (!before) seen.set(key, { flag, raw, meaning: now });
  });
}

function guardCommand(command: Command): void {
  for (const option of command.options) guardOption(command, option);
  for (const sub of command.commands) guardCommand(sub);
}

/** Installs the checks on options added to a command after guardOptions() ran (see deferred-options.ts). */
export function guardAddedOptions(command: Command, options: readonly Option[]): void {
  for (const option of options) guardOption(command, option);
}

/** Installs the checks on a program and all its subcommands (call once every option is added). */
export function guardOptions(program: Command): void {
  guardCommand(program);
}

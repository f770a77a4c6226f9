/**
 * One option under several names, so that every command takes the names `create` takes
 * (`--load-balancer-id` or `--lb`, `--port` or `--ports`): the first name is shown in help with
 * its aliases noted, the others are hidden. Commander stores each name under its own attribute;
 * `aliasedValue` reads them back as one option, naming the flag the user typed.
 */
import { Option, type Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { say, type Language, type Text } from '../core/i18n.js';
import { USAGE_TEXTS } from '../core/usage-texts.js';
import { HELP } from './help.messages.js';

export interface AliasedOption {
  /** Names without dashes, the one help shows first: `['load-balancer-id', 'lb']`. */
  names: readonly string[];
  /** `<id>` */
  value: string;
  /** Said in the run's language. */
  description: Text;
  /** Repeatable (every occurrence kept, as a list). */
  collect?: boolean;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

const attribute = (name: string): string => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export function addAliasedOption(command: Command, spec: AliasedOption, language: Language): Command {
  const [primary, ...aliases] = spec.names;
  const note = say(language, USAGE_TEXTS.aliasNote, { aliases: aliases.map((a) => `--${a}`).join(', ') });
  const description = say(language, spec.description);
  const main = new Option(`--${primary} ${spec.value}`, `${description} ${note}`);
  if (spec.collect) main.argParser(collect);
  command.addOption(main);
  for (const alias of aliases) {
    const hidden = new Option(`--${alias} ${spec.value}`, `${description} (= --${primary})`).hideHelp();
    if (spec.collect) hidden.argParser(collect);
    command.addOption(hidden);
  }
  return command;
}

/**
 * The option's value and the flag it was given as. Lists from several names are joined; single
 * values given under two names must agree (as the option guard requires of one name given twice).
 * `required` makes its absence the usage error commander gives for a missing required option.
 */
export function aliasedValue<T extends string | string[]>(
  flags: Record<string, unknown>,
  spec: AliasedOption,
  language: Language,
  required = false,
): { value?: T; flag: string } {
  const given = spec.names.filter((name) => flags[attribute(name)] !== undefined);
  if (given.length === 0) {
    if (required) {
      throw new UsageError(say(language, USAGE_TEXTS.requiredOption, { flag: `--${spec.names[0]} ${spec.value}` }), `--${spec.names[0]}`);
    }
    return { flag: `--${spec.names[0]}` };
  }
  const values = given.map((name) => flags[attribute(name)] as T);
  if (spec.collect) return { value: values.flat() as unknown as T, flag: `--${given[0]}` };
  const differing = given.findIndex((_, i) => values[i] !== values[0]);
  if (differing > 0) {
    const first = `--${given[0]}`;
    const second = `--${given[differing]}`;
    throw new UsageError(
      say(language, USAGE_TEXTS.aliasesContradict, { first, a: String(values[0]), second, b: String(values[differing]) }),
      second,
      { hint: say(language, USAGE_TEXTS.aliasesContradictHint, { first, second }) },
    );
  }
  return { value: values[0], flag: `--${given[0]}` };
}

/** The load balancer, named as `create` names it. */
export const LOAD_BALANCER_OPTION: AliasedOption = {
  names: ['load-balancer-id', 'lb'],
  value: '<id>',
  description: HELP.lb,
};

/**
 * The run's language, chosen once before anything is parsed or printed (help, a usage error and
 * the API's `Language` all follow it): `--language`, then CLB_LISTENER_LANG, then the profile's
 * `language`, then LC_ALL/LC_MESSAGES/LANG, else English (src/core/i18n.ts, `chooseLanguage`).
 */
import type { CliContext } from '../core/context.js';
import { chooseLanguage, languageOfTag, type LanguageChoice } from '../core/i18n.js';
import { profileLanguage } from '../config/profile-language.js';
import { ENV } from '../core/env-names.js';

/** The value of a global option as typed (`--language zh-CN`, `--language=zh-CN`), before commander has parsed. */
export function optionInArgv(argv: readonly string[], name: string): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') break;
    if (word === name) found = argv[++i];
    else if (word.startsWith(`${name}=`)) found = word.slice(name.length + 1);
  }
  return found;
}

export function runLanguage(argv: readonly string[], ctx: Pick<CliContext, 'env'>): LanguageChoice {
  const option = optionInArgv(argv, '--language');
  // The profile file is read only when neither the option nor the variable decides.
  const decided = languageOfTag(option) ?? languageOfTag(ctx.env[ENV.language]);
  const profile = decided ? undefined : profileLanguage(ctx.env, optionInArgv(argv, '--profile'));
  return chooseLanguage({ env: ctx.env, ...(option !== undefined ? { option } : {}), ...(profile !== undefined ? { profile } : {}) });
}

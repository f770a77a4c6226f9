/**
 * The message catalogue's building blocks. Every human-readable line the tool prints is a `Text`:
 * one English and one Simplified Chinese sentence with the same `%{name}` placeholders, defined
 * once in a catalogue (`defineMessages`) and filled in at the edge in the run's language. A message
 * is never assembled from translated fragments: a sentence that varies is one Text with
 * placeholders, or several whole Texts.
 *
 * Placeholders are `%{name}` (letters, digits, `_`), so they never collide with the `{Field.Path}`
 * references that validation messages use to name other fields.
 */

import { ENV } from './env-names.js';

export type Language = 'en' | 'zh';

export const LANGUAGES: readonly Language[] = ['en', 'zh'];

/** One message in both languages. */
export interface Text {
  readonly en: string;
  readonly zh: string;
}

/**
 * A value a placeholder takes. A Text as a value is for words that are data in the sentence but
 * read differently per language (a list: `TCP and UDP`, `TCP、UDP`), never for part of a sentence.
 */
export type Param = string | number | Text;
export type Params = Readonly<Record<string, Param>>;

/** A message with its values, to be put in words later, where the language is known. */
export interface Message {
  readonly text: Text;
  readonly params: Params;
}

/**
 * A catalogue: ids to Texts. The identity at run time; it exists so that every catalogue is typed
 * alike and the tests can check each one (both languages, same placeholders).
 */
export function defineMessages<const C extends Readonly<Record<string, Text>>>(catalogue: C): C {
  return catalogue;
}

/**
 * `%{name}`, or `%{name|one|other}`: the word for a count, `one` when the value is 1 (English
 * plurals: `%{count} %{count|change|changes}`). Chinese has no plural and uses `%{count}` alone.
 */
const PLACEHOLDER = /%\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g;

/** The placeholder names a template uses, sorted and without repeats. */
export function placeholders(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (m) => m[1]!))].sort();
}

/** `template` with each `%{name}` replaced by its value; a missing value is a programming error. */
export function fill(template: string, params: Params = {}, language: Language = 'en'): string {
  return template.replace(PLACEHOLDER, (_whole, name: string, one?: string, other?: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`message placeholder %{${name}} has no value`);
    if (one !== undefined) return Number(value) === 1 ? one : other!;
    return typeof value === 'object' ? value[language] : String(value);
  });
}

/** `text` in `language`, its placeholders filled. */
export function say(language: Language, text: Text, params?: Params): string {
  return fill(text[language], params, language);
}

/** A list as each language writes it: `TCP, UDP and QUIC`, `TCP、UDP 和 QUIC`. */
export function listText(items: readonly string[]): Text {
  const join = (separator: string, last: string) =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(separator)}${last}${items.at(-1)}`;
  return { en: join(', ', ' and '), zh: join('、', ' 和 ') };
}

export function message(text: Text, params: Params = {}): Message {
  return { text, params };
}

export function render(language: Language, value: Message): string {
  return fill(value.text[language], value.params, language);
}

/** What the API's `Language` parameter is called for each of the tool's languages. */
export const API_LANGUAGE: Readonly<Record<Language, 'en-US' | 'zh-CN'>> = { en: 'en-US', zh: 'zh-CN' };

/** `zh-CN`, `zh_CN.UTF-8`, `zh`, `en-US`, `C` … as one of the tool's languages, or undefined. */
export function languageOfTag(tag: string | undefined): Language | undefined {
  if (!tag) return undefined;
  const lower = tag.trim().toLowerCase();
  if (lower === '') return undefined;
  if (/^zh(?:[-_.@]|$)/.test(lower)) return 'zh';
  if (/^en(?:[-_.@]|$)/.test(lower) || lower === 'c' || lower === 'posix' || lower.startsWith('c.')) return 'en';
  return undefined;
}

/**
 * The POSIX locale's language: the first of LC_ALL, LC_MESSAGES, LANG that is set and not empty
 * decides (as setlocale does); `zh_*` is Chinese, anything else English.
 */
export function localeLanguage(env: Readonly<Record<string, string | undefined>>): Language {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    if (value) return languageOfTag(value) === 'zh' ? 'zh' : 'en';
  }
  return 'en';
}

export interface LanguageChoice {
  language: Language;
  /** What decided it: `--language`, `CLB_LISTENER_LANG`, `profile`, `locale`, or `default`. */
  source: '--language' | 'CLB_LISTENER_LANG' | 'profile' | 'locale' | 'default';
}

/**
 * The run's language, first that applies: `--language`, `CLB_LISTENER_LANG`, the profile's
 * `language` (tccli's setting), the locale (`LC_ALL`/`LC_MESSAGES`/`LANG`), else English.
 */
export function chooseLanguage(input: {
  option?: string;
  env: Readonly<Record<string, string | undefined>>;
  profile?: string;
}): LanguageChoice {
  const option = languageOfTag(input.option);
  if (option) return { language: option, source: '--language' };
  const variable = languageOfTag(input.env[ENV.language]);
  if (variable) return { language: variable, source: 'CLB_LISTENER_LANG' };
  const profile = languageOfTag(input.profile);
  if (profile) return { language: profile, source: 'profile' };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    if (input.env[name]) return { language: localeLanguage(input.env), source: 'locale' };
  }
  return { language: 'en', source: 'default' };
}

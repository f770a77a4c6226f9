/**
 * Commander's usage errors, in both languages. The English texts are commander's own sentences,
 * word for word, so an error's English message is what commander said.
 */
import { defineMessages } from '../core/i18n.js';

export const USAGE = defineMessages({
  unknownOption: { en: "unknown option '%{option}'", zh: "未知选项 '%{option}'" },
  unknownOptionSuggest: {
    en: "unknown option '%{option}' (did you mean %{suggestion}?)",
    zh: "未知选项 '%{option}'（是否想输入 %{suggestion}？）",
  },
  unknownCommand: { en: "unknown command '%{command}'", zh: "未知命令 '%{command}'" },
  unknownCommandSuggest: {
    en: "unknown command '%{command}' (did you mean %{suggestion}?)",
    zh: "未知命令 '%{command}'（是否想输入 %{suggestion}？）",
  },
  requiredOption: { en: "required option '%{option}' not specified", zh: "未指定必需的选项 '%{option}'" },
  optionArgumentMissing: { en: "option '%{option}' argument missing", zh: "选项 '%{option}' 缺少参数值" },
  missingArgument: { en: "missing required argument '%{name}'", zh: "缺少必需的参数 '%{name}'" },
  invalidChoice: {
    en: "option '%{option}' argument '%{value}' is invalid. Allowed choices are %{choices}.",
    zh: "选项 '%{option}' 的参数值 '%{value}' 无效。可选值：%{choices}。",
  },
});

/** Commander's sentence as a catalogue message, when it is one of these; else undefined. */
export const USAGE_PATTERNS: readonly [RegExp, keyof typeof USAGE, readonly string[]][] = [
  [/^unknown option '([^']*)' \(did you mean (.+?)\?\)$/, 'unknownOptionSuggest', ['option', 'suggestion']],
  [/^unknown option '([^']*)'$/, 'unknownOption', ['option']],
  [/^unknown command '([^']*)' \(did you mean (.+?)\?\)$/, 'unknownCommandSuggest', ['command', 'suggestion']],
  [/^unknown command '([^']*)'$/, 'unknownCommand', ['command']],
  [/^required option '([^']*)' not specified$/, 'requiredOption', ['option']],
  [/^option '([^']*)' argument missing$/, 'optionArgumentMissing', ['option']],
  [/^missing required argument '([^']*)'$/, 'missingArgument', ['name']],
  [/^option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/, 'invalidChoice', ['option', 'value', 'choices']],
];

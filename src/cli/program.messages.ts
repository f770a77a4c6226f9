/** What the program itself says around the commands (usage placeholders, option conflicts), in both languages. */
import { defineMessages } from '../core/i18n.js';

export const PROGRAM = defineMessages({
  /** The placeholders commander writes in a usage line. */
  options: { en: '[options]', zh: '[选项]' },
  command: { en: '[command]', zh: '[命令]' },
  filterAndQuery: { en: '--filter and --query are the same option; give one', zh: '--filter 与 --query 是同一个选项；只需给出一个' },
});

/** How the UTF-8 checks of argv and input name what they found, in both languages. */
import { defineMessages } from './i18n.js';

export const UTF8 = defineMessages({
  notUtf8: { en: '%{what}: not valid UTF-8 at byte %{offset}', zh: '%{what}：第 %{offset} 字节处不是有效的 UTF-8' },
  giveUtf8: {
    en: 'give the input as UTF-8 (iconv -f <its encoding> -t UTF-8 converts it); nothing was sent',
    zh: '请以 UTF-8 提供输入（可用 iconv -f <原编码> -t UTF-8 转换）；未发送任何请求',
  },
  argvNotUtf8: {
    en: 'Node reads bytes that are not UTF-8 as U+FFFD; give the arguments in UTF-8 (nothing was sent)',
    zh: 'Node 会把不是 UTF-8 的字节读成 U+FFFD；请以 UTF-8 提供参数（未发送任何请求）',
  },
  optionOfCommandLine: { en: 'option %{n} of the command line', zh: '命令行的第 %{n} 个选项' },
  argumentOfCommandLine: { en: 'argument %{n} of the command line', zh: '命令行的第 %{n} 个参数' },
});

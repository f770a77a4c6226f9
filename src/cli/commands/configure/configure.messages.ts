/** What `configure` says and asks, in both languages. */
import { defineMessages } from '../../../core/i18n.js';

export const CONFIGURE = defineMessages({
  onlyInTerminal: { en: 'configure prompts only in a terminal', zh: 'configure 只在终端中逐项询问' },
  onlyInTerminalHint: {
    en: "in scripts use 'clb-listener configure set KEY VALUE …' (secrets via stdin: configure set secretKey -); see configure set --help",
    zh: "在脚本中请使用 'clb-listener configure set KEY VALUE …'（密钥经标准输入：configure set secretKey -）；参见 configure set --help",
  },
  configuring: {
    en: 'Configuring profile "%{name}" (%{file}). Secrets are masked.',
    zh: '正在配置 "%{name}"（%{file}）。密钥会被遮盖。',
  },
  keeps: { en: '%{name} [%{current}; Enter keeps it]', zh: '%{name} [%{current}；按 Enter 保留]' },
  required: { en: 'required', zh: '必填' },
  region: { en: 'Region', zh: '地域' },
  regionCode: { en: 'a region code such as ap-guangzhou', zh: '地域代码，例如 ap-guangzhou' },
  output: {
    en: 'Output format for tccli (%{formats}; stored for tccli, clb-listener uses -o)',
    zh: 'tccli 的输出格式（%{formats}；为 tccli 保存，clb-listener 使用 -o）',
  },
  oneOf: { en: 'one of %{values}', zh: '可选：%{values}' },
  saved: { en: 'saved profile "%{profile}": %{files}', zh: '已保存配置 "%{profile}"：%{files}' },
  unchanged: { en: 'profile "%{profile}" unchanged', zh: '配置 "%{profile}" 未改变' },
});

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
  stdinTooLarge: { en: 'stdin is larger than %{size} bytes; expected a single value', zh: '标准输入大于 %{size} 字节；应只含一个值' },
  stdinIsTerminal: {
    en: '"-" reads %{key} from stdin, which is a terminal here',
    zh: '"-" 会从标准输入读取 %{key}，但这里的标准输入是终端',
  },
  pipeTheValue: {
    en: 'pipe the value: printf %s "$VALUE" | clb-listener configure set %{key} -',
    zh: '请用管道传入值：printf %s "$VALUE" | clb-listener configure set %{key} -',
  },
  noValueOnStdin: { en: 'no value for %{key} on stdin', zh: '标准输入中没有 %{key} 的值' },
  pipeExample: {
    en: 'e.g. printf %s "$VALUE" | clb-listener configure set %{key} -',
    zh: '例如 printf %s "$VALUE" | clb-listener configure set %{key} -',
  },
  pairs: { en: 'configure set takes KEY VALUE pairs', zh: 'configure set 接受成对的 KEY VALUE' },
  pairsExample: {
    en: 'e.g. clb-listener configure set region ap-guangzhou output json',
    zh: '例如 clb-listener configure set region ap-guangzhou output json',
  },
  controlCharacter: {
    en: 'the value for %{key} contains a control character or a line break',
    zh: '%{key} 的值含有控制字符或换行',
  },
  notOnCommandLine: { en: '%{key} is not accepted on the command line', zh: '%{key} 不能在命令行上给出' },
  passDash: {
    en: 'pass "-" and pipe the value on stdin: printf %s "$VALUE" | clb-listener configure set %{key} -',
    zh: '请给出 "-" 并经标准输入传入值：printf %s "$VALUE" | clb-listener configure set %{key} -',
  },
  oneFromStdin: {
    en: 'only one value can come from stdin per run; got "-" for %{keys}',
    zh: '每次运行只能有一个值来自标准输入；%{keys} 都给了 "-"',
  },
  stdinControlCharacter: {
    en: 'the value for %{key} on stdin holds more than one line or a control character',
    zh: '标准输入中 %{key} 的值有多行或含有控制字符',
  },
  pipeAlone: {
    en: 'pipe the value alone: printf %s "$VALUE" | clb-listener configure set %{key} -',
    zh: '请只用管道传入这个值：printf %s "$VALUE" | clb-listener configure set %{key} -',
  },
  removed: { en: 'removed from profile "%{profile}": %{keys}', zh: '已从配置 "%{profile}" 中删除：%{keys}' },
  notSetNothingToRemove: {
    en: 'not set in profile "%{profile}", nothing to remove: %{keys}',
    zh: '配置 "%{profile}" 中未设置，无需删除：%{keys}',
  },
  missingProfile: {
    en: 'profile "%{profile}" does not exist yet (%{file}); create it with %{command}',
    zh: '配置 "%{profile}" 尚不存在（%{file}）；可用 %{command} 创建',
  },
  notSet: { en: '%{key} is not set in profile "%{profile}"', zh: '配置 "%{profile}" 中未设置 %{key}' },
  listHeading: { en: 'profile %{profile}  (%{credential}, %{configure})', zh: '配置 %{profile}  （%{credential}，%{configure}）' },
  notSetValue: { en: '(not set)', zh: '（未设置）' },
  // configure's help.
  secretNote: {
    en: 'No option or argument takes a secret key or token on the command line (it would end up in shell history and the process list): enter them at the masked prompt, or pipe them on stdin with "-":',
    zh: '没有任何选项或参数在命令行上接受密钥或令牌（否则会留在 shell 历史和进程列表中）：请在遮盖输入的提示处输入，或用 "-" 经标准输入传入：',
  },
  filesNote: {
    en: 'Profiles are tccli-compatible: ~/.tccli/<profile>.credential (secretId, secretKey, token) and ~/.tccli/<profile>.configure (_sys_param: region, output, language; clb.endpoint), mode 0600. The profile is --profile NAME, else $TCCLI_PROFILE, else "default".',
    zh: '配置与 tccli 兼容：~/.tccli/<配置名>.credential（secretId、secretKey、token）和 ~/.tccli/<配置名>.configure（_sys_param：region、output、language；clb.endpoint），权限 0600。配置名取 --profile NAME，否则取 $TCCLI_PROFILE，否则为 "default"。',
  },
  keysHeading: { en: 'Keys:', zh: '键：' },
  setArgument: { en: 'pairs of a key and its value', zh: '成对的键和值' },
  setDescription: { en: 'set profile values without prompting', zh: '不经询问直接设置配置值' },
  unsetArgument: { en: 'keys to remove: %{keys}', zh: '要删除的键：%{keys}' },
  unsetDescription: {
    en: 'remove values from the profile (e.g. a role-arn or a stale token)',
    zh: '从配置中删除值（例如 role-arn 或过期的 token）',
  },
  getArgument: { en: 'one of: %{keys}', zh: '可选：%{keys}' },
  getDescription: { en: 'print one profile value (secrets masked)', zh: '打印一个配置值（密钥已遮盖）' },
  listDescription: { en: 'print every profile value (secrets masked)', zh: '打印全部配置值（密钥已遮盖）' },
  showDescription: { en: 'same as whoami', zh: '与 whoami 相同' },
});

/**
 * Messages of the command line's guidance: help that points to the global options, unknown
 * help topics, aliased flags, durations, value suggestions, and the labels of tables and plans.
 * Each is one whole sentence in English and Simplified Chinese with the same `%{name}`
 * placeholders (src/core/i18n.ts); the edge fills it in the run's language.
 */
import { defineMessages } from './i18n.js';

export const USAGE_TEXTS = defineMessages({
  globalOptionsLine: {
    en: "Global options (--region, --endpoint, --profile, -o, --query, --no-color, …) apply to every command: see 'clb-listener --help'.",
    zh: "全局选项（--region、--endpoint、--profile、-o、--query、--no-color 等）适用于每个命令：见 'clb-listener --help'。",
  },
  unknownHelpTopic: {
    en: "unknown command '%{name}'",
    zh: "没有名为 '%{name}' 的命令",
  },
  unknownHelpTopicSuggest: {
    en: "unknown command '%{name}' (did you mean %{suggestion}?)",
    zh: "没有名为 '%{name}' 的命令（是不是 %{suggestion}？）",
  },
  helpHint: {
    en: "run 'clb-listener --help' for the commands",
    zh: "运行 'clb-listener --help' 查看所有命令",
  },
  aliasNote: {
    en: '[alias: %{aliases}]',
    zh: '[别名：%{aliases}]',
  },
  requiredOption: {
    en: "required option '%{flag}' not specified",
    zh: "缺少必需的选项 '%{flag}'",
  },
  aliasesContradict: {
    en: '%{first} "%{a}" and %{second} "%{b}" contradict each other',
    zh: '%{first} "%{a}" 与 %{second} "%{b}" 相互矛盾',
  },
  aliasesContradictHint: {
    en: '%{first} and %{second} are the same option; give it once',
    zh: '%{first} 与 %{second} 是同一个选项，只需给出一次',
  },
  badDuration: {
    en: '%{flag} "%{value}": must be a duration from %{min} to %{max}, such as 30s, 5m or 90 (seconds)',
    zh: '%{flag} "%{value}"：须为 %{min} 到 %{max} 之间的时长，例如 30s、5m 或 90（秒）',
  },
  notOneOf: {
    en: '%{flag} "%{value}": must be one of %{choices}',
    zh: '%{flag} "%{value}"：须为 %{choices} 之一',
  },
  notOneOfSuggest: {
    en: '%{flag} "%{value}": must be one of %{choices} (did you mean %{suggestion}?)',
    zh: '%{flag} "%{value}"：须为 %{choices} 之一（是不是 %{suggestion}？）',
  },
  unknownProfileKeySuggest: {
    en: 'unknown configuration key "%{name}" (did you mean %{suggestion}?)',
    zh: '未知的配置项 "%{name}"（是不是 %{suggestion}？）',
  },
  regionUnknownSuggest: {
    en: 'warning: "%{region}" is not a region this tool knows (did you mean %{suggestion}?); stored as given',
    zh: '警告："%{region}" 不是本工具已知的地域（是不是 %{suggestion}？）；已按原样保存',
  },
  regionUnknown: {
    en: 'warning: "%{region}" is not a region this tool knows; stored as given (the API refuses a region it does not serve)',
    zh: '警告："%{region}" 不是本工具已知的地域；已按原样保存（API 会拒绝它不服务的地域）',
  },
  applyNoListeners: {
    en: '%{file} lists no listeners: nothing to read or change',
    zh: '%{file} 中没有列出任何监听器：无需读取，也无需变更',
  },
  declined: {
    en: 'Not created: nothing was sent. The equivalent command above runs it later.',
    zh: '未创建：没有发送任何请求。之后可运行上面的等效命令。',
  },
  privateKeyQuestion: {
    en: 'the private key file',
    zh: '私钥文件',
  },
  unknownLoadBalancer: {
    en: 'there is no load balancer %{id} in %{region}; these credentials see: %{ids} (or check --region)',
    zh: '%{region} 中没有负载均衡实例 %{id}；这些凭证可见的实例：%{ids}（或检查 --region）',
  },
  noLoadBalancers: {
    en: 'there is no load balancer %{id} in %{region}, and these credentials see none there; check --region',
    zh: '%{region} 中没有负载均衡实例 %{id}，这些凭证在该地域也看不到任何实例；请检查 --region',
  },
  endpointOption: {
    en: 'API endpoint; http:// only for loopback (default: $CLB_LISTENER_ENDPOINT, else https://clb.tencentcloudapi.com)',
    zh: 'API 接入点；http:// 仅限本机回环地址（默认：$CLB_LISTENER_ENDPOINT，否则 https://clb.tencentcloudapi.com）',
  },
  emulatorTerminalNote: {
    en: 'When stdout is a terminal it also prints, on stderr, export lines for the printed keys, region and endpoint, and a command to try.',
    zh: '当 stdout 是终端时，它还会在 stderr 上打印所输出密钥、地域和接入点的 export 行，以及一条可以试用的命令。',
  },
});

/** The words of target validation, in English and Simplified Chinese (target-rules.ts, target-input.ts). */
import { defineMessages } from '../core/i18n.js';

export const TARGET_MESSAGES = defineMessages({
  notObject: {
    en: 'must be an object of Target fields (InstanceId or EniIp, Port, Weight)',
    zh: '必须是 Target 字段组成的对象（InstanceId 或 EniIp、Port、Weight）',
  },
  notList: { en: 'must be a list of targets', zh: '必须是后端列表' },
  unknownField: { en: 'is not a Target field%{near}', zh: '不是 Target 的字段%{near}' },
  nearName: { en: ' (did you mean %{name}?)', zh: '（是否想写 %{name}？）' },
  wrongType: { en: 'must be %{kind}, got %{value}', zh: '必须是%{kind}，实际为 %{value}' },
  kindInteger: { en: 'an integer', zh: '整数' },
  kindString: { en: 'a string', zh: '字符串' },
  portRequired: { en: 'is required: the port the backend listens on', zh: '必填：后端服务监听的端口' },
  portRange: { en: 'must be 1–65535, got %{value}', zh: '必须在 1–65535 之间，实际为 %{value}' },
  weightRange: { en: 'must be 0–100, got %{value}', zh: '必须在 0–100 之间，实际为 %{value}' },
  oneOfIds: { en: 'give exactly one of InstanceId and EniIp, got %{given}', zh: 'InstanceId 与 EniIp 必须且只能给出一个，实际为 %{given}' },
  givenBoth: { en: 'both', zh: '两者都有' },
  givenNeither: { en: 'neither', zh: '两者都没有' },
  eniIpNotIp: { en: 'must be an IP address, got %{value}', zh: '必须是 IP 地址，实际为 %{value}' },
  instanceIdShape: {
    en: 'looks unlike an instance id (ins- and 8 letters or digits), got %{value}; sent as given',
    zh: '不像实例 ID（ins- 加 8 位字母或数字），实际为 %{value}；按原样发送',
  },
  duplicate: {
    en: 'repeats the target %{target} (a target is its InstanceId or EniIp with its Port); the later one is kept',
    zh: '重复了后端 %{target}（后端由 InstanceId 或 EniIp 加 Port 确定）；保留后出现的',
  },
  notForProtocol: {
    en: "a %{protocol} listener binds targets to its forwarding rules, not to itself: give them as a rule's Targets",
    zh: '%{protocol} 监听器的后端绑定在转发规则上，而不是监听器本身：请写在规则的 Targets 中',
  },
  flagNotForProtocol: {
    en: "%{flag}: a %{protocol} listener binds targets to its forwarding rules, not to itself: give them as a rule's Targets",
    zh: '%{flag}：%{protocol} 监听器的后端绑定在转发规则上，而不是监听器本身：请写在规则的 Targets 中',
  },
  flagNotObject: {
    en: '%{flag} %{value}: must be an object of Target fields (InstanceId or EniIp, Port, Weight)',
    zh: '%{flag} %{value}：必须是 Target 字段组成的对象（InstanceId 或 EniIp、Port、Weight）',
  },
  flagSpecShape: {
    en: '%{flag}: write INSTANCE:PORT[:WEIGHT], IP:PORT[:WEIGHT] ([IPv6]:PORT for IPv6), or a JSON object; got %{value}',
    zh: '%{flag}：格式为 INSTANCE:PORT[:WEIGHT]、IP:PORT[:WEIGHT]（IPv6 写作 [IPv6]:PORT）或 JSON 对象；实际为 %{value}',
  },
  badJson: { en: 'is not valid JSON: %{reason}', zh: '不是合法的 JSON：%{reason}' },
  nothingSent: { en: 'nothing was sent', zh: '未发送任何请求' },
  flagLine: { en: '--target %{value}: %{field} %{message}', zh: '--target %{value}：%{field} %{message}' },
  fileLine: { en: '%{where}.%{field} %{message}', zh: '%{where}.%{field} %{message}' },
  fileLineWhole: { en: '%{where} %{message}', zh: '%{where} %{message}' },
});

/** The words of the forwarding-rule commands and steps, in English and Simplified Chinese. */
import { defineMessages } from '../core/i18n.js';

export const RULE_TEXT = defineMessages({
  ruleGroup: { en: 'Forwarding rules (HTTP/HTTPS):', zh: '转发规则（HTTP/HTTPS）：' },
  ruleOption: {
    en: 'a forwarding rule of an HTTP/HTTPS listener (RuleInput): Domain=…,Url=… | JSON | file://path; repeat for more',
    zh: 'HTTP/HTTPS 监听器的转发规则（RuleInput）：Domain=…,Url=… | JSON | file://路径；可重复',
  },
  noWaitWithRules: {
    en: '--rule needs the listener to exist first, so create waits for it; drop --no-wait',
    zh: '--rule 需要监听器先创建完成，因此 create 必须等待；请去掉 --no-wait',
  },
  dryRunRuleListener: { en: '<the ListenerId CreateListener returns>', zh: '<CreateListener 返回的 ListenerId>' },
  creatingRules: {
    en: 'Creating %{count} forwarding %{count|rule|rules} on %{listener}',
    zh: '正在 %{listener} 上创建 %{count} 条转发规则',
  },
  createdRules: {
    en: 'Created %{count} forwarding %{count|rule|rules} on %{listener}: %{ids}',
    zh: '已在 %{listener} 上创建 %{count} 条转发规则：%{ids}',
  },
  rulesThere: {
    en: 'The forwarding rules asked for are on %{listener} already: %{ids}',
    zh: '%{listener} 上已有所需的转发规则：%{ids}',
  },
  lostRules: {
    en: 'the answer to CreateRule was lost (%{reason}); DescribeListeners shows the rules were created: %{ids}',
    zh: 'CreateRule 的应答丢失（%{reason}）；DescribeListeners 显示规则已创建：%{ids}',
  },
  checkingRules: {
    en: 'The answer was lost; checking whether the rules were created on %{listener}',
    zh: '应答丢失；正在检查 %{listener} 上是否已创建规则',
  },
  rulesNotFound: {
    en: 'the answer to CreateRule was lost and DescribeListeners does not show all the rules on %{listener}; they were not sent again',
    zh: 'CreateRule 的应答丢失，DescribeListeners 未显示 %{listener} 上的全部规则；未重复发送',
  },
  rulesIncomplete: {
    en: 'the listener %{listener} was created, but its forwarding rules were not: %{reason}',
    zh: '监听器 %{listener} 已创建，但其转发规则未创建：%{reason}',
  },
  rulesIncompleteHint: {
    en: 'done: CreateListener (%{done}); not done: %{notDone}; to finish, run: %{command}',
    zh: '已完成：CreateListener（%{done}）；未完成：%{notDone}；如需完成，请运行：%{command}',
  },
  rulesNotDoneList: { en: 'CreateRule for %{rules}', zh: 'CreateRule：%{rules}' },
  ruleCommand: {
    en: 'forwarding rules of an HTTP/HTTPS listener: create, modify, delete, list',
    zh: 'HTTP/HTTPS 监听器的转发规则：create、modify、delete、list',
  },
  ruleCreate: { en: 'create forwarding rules on a listener (CreateRule), and wait', zh: '在监听器上创建转发规则（CreateRule）并等待' },
  ruleModify: {
    en: 'change a rule (ModifyRule) or a domain (ModifyDomainAttributes: certificate, Http2, Quic, default domain), and wait',
    zh: '修改规则（ModifyRule）或域名（ModifyDomainAttributes：证书、Http2、Quic、默认域名）并等待',
  },
  ruleDelete: { en: 'delete forwarding rules (DeleteRule), and wait', zh: '删除转发规则（DeleteRule）并等待' },
  ruleList: { en: "list a listener's forwarding rules", zh: '列出监听器的转发规则' },
  optLb: { en: 'CLB instance id (lb-xxxxxxxx)', zh: 'CLB 实例 ID（lb-xxxxxxxx）' },
  optListenerId: { en: 'the listener (lbl-xxxxxxxx); or --port', zh: '监听器（lbl-xxxxxxxx）；或用 --port' },
  optPort: { en: 'the listener on this port; or --listener-id', zh: '该端口上的监听器；或用 --listener-id' },
  optRuleCreate: {
    en: 'a rule (RuleInput): Domain=…,Url=… | JSON | file://path; repeat for more (one CreateRule)',
    zh: '一条规则（RuleInput）：Domain=…,Url=… | JSON | file://路径；可重复（一次 CreateRule）',
  },
  optRuleModify: {
    en: 'the rule as it should be, found by Domain and Url; with Domain alone, only domain settings (certificate, Http2, Quic, DefaultServer)',
    zh: '规则的目标状态，按 Domain 和 Url 查找；只给 Domain 时只改域名设置（证书、Http2、Quic、DefaultServer）',
  },
  optLocationId: { en: 'rule id (loc-xxxxxxxx); repeat or comma-separate', zh: '规则 ID（loc-xxxxxxxx）；可重复或用逗号分隔' },
  optDomain: { en: 'the rule by its domain (with --url)', zh: '按域名指定规则（与 --url 一起）' },
  optUrl: { en: 'the rule by its URL (with --domain)', zh: '按 URL 指定规则（与 --domain 一起）' },
  optNewDefault: {
    en: 'the domain that becomes the default when the default one is deleted',
    zh: '删除默认域名时，成为新默认域名的域名',
  },
  optIfNotExists: {
    en: 'keep rules already there (same domain and URL); create only the missing ones',
    zh: '保留已有规则（相同域名和 URL），只创建缺少的',
  },
  optIfExists: { en: 'a rule that is not there is not an error', zh: '规则不存在时不报错' },
  optDryRun: { en: 'print the requests that would be sent; send nothing', zh: '打印将要发送的请求；不发送' },
  optWaitTimeout: { en: 'give up waiting after this long, exit 5 (default: 300)', zh: '等待超过该时长后放弃，退出码 5（默认：300）' },
  listenerNeeded: { en: 'give --listener-id or --port', zh: '请给出 --listener-id 或 --port' },
  listenerTwice: {
    en: '--listener-id and --port name the listener twice; give one',
    zh: '--listener-id 和 --port 重复指定了监听器；只给一个',
  },
  badPort: { en: '--port %{value}: must be one port, 1–65535', zh: '--port %{value}：必须是一个端口，1–65535' },
  noListener: { en: 'no listener %{which} on %{lb}; nothing was sent', zh: '%{lb} 上没有监听器 %{which}；未发送任何请求' },
  onPort: { en: 'on port %{port}', zh: '（端口 %{port}）' },
  notLayer7: {
    en: '%{listener} is a %{protocol} listener; forwarding rules exist only on HTTP and HTTPS listeners; nothing was sent',
    zh: '%{listener} 是 %{protocol} 监听器；只有 HTTP 和 HTTPS 监听器才有转发规则；未发送任何请求',
  },
  ruleNeeded: { en: 'give at least one --rule', zh: '请至少给出一个 --rule' },
  deleteWhich: { en: 'give --location-id, or --domain with --url', zh: '请给出 --location-id，或 --domain 与 --url' },
  noSuchRule: {
    en: 'no rule for domain %{domain} and URL %{url} on %{listener}; nothing was sent',
    zh: '%{listener} 上没有域名 %{domain}、URL %{url} 的规则；未发送任何请求',
  },
  noSuchLocation: { en: 'no rule %{ids} on %{listener}; nothing was sent', zh: '%{listener} 上没有规则 %{ids}；未发送任何请求' },
  nothingToDelete: { en: 'Nothing to delete on %{listener}', zh: '%{listener} 上没有可删除的规则' },
  deletingRules: { en: 'Deleting %{count} %{count|rule|rules} from %{listener}', zh: '正在从 %{listener} 删除 %{count} 条规则' },
  deletedRules: { en: 'Deleted %{ids} from %{listener}', zh: '已从 %{listener} 删除 %{ids}' },
  lostDelete: {
    en: 'the answer to DeleteRule was lost (%{reason}); DescribeListeners shows the rules are gone',
    zh: 'DeleteRule 的应答丢失（%{reason}）；DescribeListeners 显示规则已删除',
  },
  lostModify: {
    en: 'the answer to %{action} was lost (%{reason}); DescribeListeners shows the change was made',
    zh: '%{action} 的应答丢失（%{reason}）；DescribeListeners 显示修改已生效',
  },
  lostNotSeen: {
    en: 'the answer was lost and DescribeListeners does not show the change; it was not sent again: check with %{command}',
    zh: '应答丢失，DescribeListeners 未显示修改；未重复发送：请用 %{command} 检查',
  },
  modifyDomainOnly: {
    en: 'without Url only domain settings can change (Certificate, MultiCertInfo, Http2, Quic, DefaultServer); %{fields} belong to a rule: give its Url',
    zh: '没有 Url 时只能修改域名设置（Certificate、MultiCertInfo、Http2、Quic、DefaultServer）；%{fields} 属于规则：请给出其 Url',
  },
  notModifiable: {
    en: '%{fields} cannot be changed on an existing rule (ModifyRule does not take it): delete the rule and create it again',
    zh: '已有规则的 %{fields} 无法修改（ModifyRule 不接受）：请删除规则后重新创建',
  },
  noDomain: {
    en: 'domain %{domain} has no rule on %{listener}; nothing was sent',
    zh: '%{listener} 上没有域名 %{domain} 的规则；未发送任何请求',
  },
  nothingToChange: { en: 'Nothing to change: %{what} is as asked', zh: '无需修改：%{what} 已符合要求' },
  modifying: { en: 'Changing %{what} on %{listener} (%{action})', zh: '正在修改 %{listener} 上的 %{what}（%{action}）' },
  modified: { en: 'Changed %{what} on %{listener}: %{fields}', zh: '已修改 %{listener} 上的 %{what}：%{fields}' },
  oneRuleToModify: { en: 'rule modify takes one --rule', zh: 'rule modify 只接受一个 --rule' },
  dryRunPortListener: { en: '<the listener on port %{port}>', zh: '<端口 %{port} 上的监听器>' },
  planRulesHeading: { en: 'Forwarding rules:', zh: '转发规则：' },
  planRulesSummary: {
    en: 'Rules: %{create} to create, %{update} to update, %{delete} to delete%{conflicts}.',
    zh: '转发规则：创建 %{create} 条，修改 %{update} 处，删除 %{delete} 条%{conflicts}。',
  },
  planRulesConflicts: { en: ', %{count} %{count|conflict|conflicts}', zh: '，冲突 %{count} 处' },
  planNewListener: { en: 'the new listener', zh: '新监听器' },
  applyRuleDeletes: {
    en: '--prune would delete %{count} forwarding %{count|rule|rules}: %{list}; nothing was sent',
    zh: '--prune 将删除 %{count} 条转发规则：%{list}；未发送任何请求',
  },
  applyRuleDeletesHint: { en: 'add --yes to delete them, or run with --plan to review', zh: '加上 --yes 以删除，或用 --plan 先查看' },
  applyRuleDeletesAsk: { en: 'Delete %{count} forwarding %{count|rule|rules}?', zh: '删除 %{count} 条转发规则？' },
  applyRulesFailed: {
    en: '%{failed} forwarding rule %{failed|change|changes} did not succeed: %{detail}',
    zh: '%{failed} 处转发规则变更未成功：%{detail}',
  },
  applyRulesFailedHint: {
    en: 'the summary lists each rule; run apply again to retry what is left (what was done stays done)',
    zh: '摘要列出了每条规则；再次运行 apply 可重试剩余部分（已完成的保持不变）',
  },
  applyRuleWrite: { en: '%{action}: %{what} on %{listener}', zh: '%{action}：%{listener} 上的 %{what}' },
  applyListenerNotMade: { en: 'the listener was not created', zh: '监听器未创建' },
  applyNotResent: {
    en: '%{reason}; not sent again: apply --plan shows where things stand',
    zh: '%{reason}；未重复发送：apply --plan 可查看当前状态',
  },
  headListenerId: { en: 'LISTENER ID', zh: '监听器 ID' },
  headPort: { en: 'PORT', zh: '端口' },
  headDomain: { en: 'DOMAIN', zh: '域名' },
  headUrl: { en: 'URL', zh: 'URL' },
  headLocationId: { en: 'LOCATION ID', zh: '规则 ID' },
  headAction: { en: 'ACTION', zh: '操作' },
  headDefault: { en: 'DEFAULT', zh: '默认' },
  headCertificate: { en: 'CERTIFICATE', zh: '证书' },
  headRules: { en: 'RULES', zh: '转发规则' },
});

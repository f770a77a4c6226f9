/** The words of the forwarding-rule commands and steps, in English and Simplified Chinese. */
import { defineMessages } from '../core/i18n.js';

export const RULE_TEXT = defineMessages({
  ruleOption: {
    en: 'a forwarding rule of an HTTP/HTTPS listener (RuleInput): Domain=…,Url=… | JSON | file://path; repeat for more',
    zh: 'HTTP/HTTPS 监听器的转发规则（RuleInput）：Domain=…,Url=… | JSON | file://路径；可重复',
  },
  noWaitWithRules: {
    en: '--rule needs the listener to exist first, so create waits for it; drop --no-wait',
    zh: '--rule 需要监听器先创建完成，因此 create 必须等待；请去掉 --no-wait',
  },
  dryRunRuleListener: { en: '<the ListenerId CreateListener returns>', zh: '<CreateListener 返回的 ListenerId>' },
  creatingRules: { en: 'Creating %{count} forwarding rule(s) on %{listener}', zh: '正在 %{listener} 上创建 %{count} 条转发规则' },
  createdRules: {
    en: 'Created %{count} forwarding rule(s) on %{listener}: %{ids}',
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
  headListenerId: { en: 'LISTENER ID', zh: '监听器 ID' },
  headPort: { en: 'PORT', zh: '端口' },
  headDomain: { en: 'DOMAIN', zh: '域名' },
  headUrl: { en: 'URL', zh: 'URL' },
  headLocationId: { en: 'LOCATION ID', zh: '规则 ID' },
  headAction: { en: 'ACTION', zh: '操作' },
  headDefault: { en: 'DEFAULT', zh: '默认' },
  headCertificate: { en: 'CERTIFICATE', zh: '证书' },
});

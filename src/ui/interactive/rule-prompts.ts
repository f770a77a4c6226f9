/** The words of `create -i`'s domain questions (SNI), in English and Simplified Chinese. */
import { defineMessages } from '../../core/i18n.js';

export const RULE_PROMPTS = defineMessages({
  addDomains: {
    en: 'Add the domains now, each with its certificate (forwarding rules)?',
    zh: '现在添加域名及各自的证书（转发规则）吗？',
  },
  laterNote: {
    en: 'SNI on: the listener gets no certificate; set one per domain when you create its rules.',
    zh: '已开启 SNI：监听器不配置证书；创建转发规则时为每个域名配置证书。',
  },
  firstDomain: { en: 'Domain (e.g. www.example.com, *.example.com)', zh: '域名（如 www.example.com、*.example.com）' },
  nextDomain: { en: 'Another domain (empty: no more)', zh: '下一个域名（留空：结束）' },
  domainTwice: { en: '%{domain} is already in the list', zh: '%{domain} 已在列表中' },
  urls: { en: 'URL paths of %{domain}, comma-separated', zh: '%{domain} 的 URL 路径，用逗号分隔' },
  certificateOf: { en: 'Certificate of %{domain}:', zh: '%{domain} 的证书：' },
  defaultDomain: {
    en: 'Default domain (answers requests whose Host matches no rule)',
    zh: '默认域名（响应 Host 不匹配任何规则的请求）',
  },
  rulesHeading: { en: 'Forwarding rules (CreateRule, after the listener):', zh: '转发规则（监听器创建后发送 CreateRule）：' },
});

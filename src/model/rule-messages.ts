/**
 * The words of forwarding-rule validation, in English and Simplified Chinese. Like every finding,
 * a message leaves out the field's own name (the edge puts it in the user's words); `{Path}`
 * names another field.
 */
import { defineMessages } from '../core/i18n.js';

export const RULE_MESSAGES = defineMessages({
  notAnObject: { en: 'must be an object (JSON, Key=Value pairs or file://path)', zh: '必须是对象（JSON、Key=Value 列表或 file://路径）' },
  wrongType: { en: 'must be %{kind}, got %{value}', zh: '必须是%{kind}，实际为 %{value}' },
  unknownField: { en: 'is not a field of a forwarding rule (RuleInput)%{suggestion}', zh: '不是转发规则（RuleInput）的字段%{suggestion}' },
  didYouMean: { en: '; did you mean %{name}?', zh: '；是否想写 %{name}？' },
  onlyLayer7: {
    en: 'forwarding rules exist only on HTTP and HTTPS listeners, not %{protocol}',
    zh: '只有 HTTP 和 HTTPS 监听器才有转发规则，%{protocol} 监听器没有',
  },
  onlyLayer7Hint: { en: 'use {Protocol} HTTP or HTTPS, or leave the rules out', zh: '请使用 {Protocol} HTTP 或 HTTPS，或去掉转发规则' },
  required: { en: 'is required', zh: '为必填项' },
  length: { en: 'must be %{min}–%{max} characters, got %{count}', zh: '长度必须为 %{min}–%{max} 个字符，实际为 %{count}' },
  domainOrDomains: { en: 'give {Domain} or {Domains}, not both', zh: '{Domain} 和 {Domains} 只能给一个' },
  domainMissing: { en: 'is required (or {Domains})', zh: '为必填项（或给出 {Domains}）' },
  domainsEmpty: { en: 'must hold at least one domain', zh: '至少要有一个域名' },
  domainForm: {
    en: "%{value} is not a domain: letters, digits, '-' and '.', with '*' only at the start or the end, or a regular expression starting with '~'",
    zh: "%{value} 不是合法域名：只能用字母、数字、'-' 和 '.'，'*' 只能在开头或结尾，正则表达式以 '~' 开头",
  },
  range: { en: 'must be %{range}, got %{value}', zh: '取值必须为 %{range}，实际为 %{value}' },
  oneOf: { en: 'must be one of %{values}, got %{value}', zh: '必须是 %{values} 之一，实际为 %{value}' },
  oneDefault: {
    en: 'a listener has one default domain; %{domains} are all marked default',
    zh: '一个监听器只能有一个默认域名；%{domains} 都被设为默认',
  },
  httpsOnly: {
    en: 'can be on only for HTTPS domains, not on this %{protocol} listener',
    zh: '只有 HTTPS 域名才能开启，此 %{protocol} 监听器不行',
  },
  certificateOrMulti: { en: 'give {Certificate} or {MultiCertInfo}, not both', zh: '{Certificate} 和 {MultiCertInfo} 只能给一个' },
  certificateNotHttps: {
    en: 'a per-domain certificate applies only to HTTPS listeners, not %{protocol}',
    zh: '域名证书只适用于 HTTPS 监听器，不适用于 %{protocol}',
  },
  certificateNeedsSni: {
    en: 'a per-domain certificate applies only with SNI on; this listener has SNI off, so the certificate would serve nothing',
    zh: '域名证书只在开启 SNI 时生效；此监听器未开启 SNI，该证书不会起作用',
  },
  certificateNeedsSniHint: {
    en: 'turn SNI on ({SniSwitch} 1), or give the certificate to the listener instead',
    zh: '请开启 SNI（{SniSwitch} 1），或把证书配置在监听器上',
  },
  sniWithoutCertificate: {
    en: 'the listener has SNI on, so domain %{domain} needs a certificate of its own; none is given',
    zh: '监听器已开启 SNI，域名 %{domain} 需要自己的证书，但未提供',
  },
  duplicate: {
    en: 'domain %{domain} with URL %{url} is given twice (also in rule %{other}); a listener holds one rule per domain and URL',
    zh: '域名 %{domain} 与 URL %{url} 重复（另见规则 %{other}）；一个监听器中每个域名和 URL 只能有一条规则',
  },
  exists: {
    en: 'domain %{domain} with URL %{url} already has a rule on the listener (%{locationId})',
    zh: '监听器上已有域名 %{domain} 与 URL %{url} 的规则（%{locationId}）',
  },
  existsHint: { en: 'leave it out, or use --if-not-exists to keep the one there', zh: '请去掉该规则，或使用 --if-not-exists 保留已有规则' },
  tooMany: {
    en: '%{count} rules on one listener; the usual quota is %{quota} (DescribeQuota: TOTAL_LISTENER_RULE_QUOTA), so the API may refuse',
    zh: '一个监听器上有 %{count} 条规则；通常配额为 %{quota}（DescribeQuota：TOTAL_LISTENER_RULE_QUOTA），API 可能拒绝',
  },
  checkTypeForRule: {
    en: 'must be one of %{values} on a rule of an %{protocol} listener, got %{value}',
    zh: '%{protocol} 监听器的规则只能用 %{values}，实际为 %{value}',
  },
  layer4Only: { en: 'applies only to TCP and UDP listeners, not to forwarding rules', zh: '只适用于 TCP 和 UDP 监听器，不适用于转发规则' },
  timeoutBelowInterval: {
    en: '(%{timeout}) must be less than {HealthCheck.IntervalTime} (%{interval})',
    zh: '（%{timeout}）必须小于 {HealthCheck.IntervalTime}（%{interval}）',
  },
  privateKeyOutOfPlace: {
    en: 'holds a PEM private key; a private key belongs only in CertKey, read from a file',
    zh: '含有 PEM 私钥；私钥只能放在 CertKey 中，并从文件读取',
  },
});

/** The kinds as words, for type messages. */
export const KIND_TEXTS = defineMessages({
  string: { en: 'text', zh: '文本' },
  integer: { en: 'an integer', zh: '整数' },
  boolean: { en: 'true or false', zh: 'true 或 false' },
  list: { en: 'a list of text values', zh: '文本列表' },
  object: { en: 'an object', zh: '对象' },
});

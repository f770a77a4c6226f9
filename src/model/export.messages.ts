/** The notes `export` writes beside an entry (what it left out, and why), in both languages. */
import { defineMessages } from '../core/i18n.js';

export const EXPORT_NOTES = defineMessages({
  caBesideOneWay: {
    en: 'MultiCertInfo: the CA %{ca} is reported beside one-way TLS; it is listed so the plan compares the same ids',
    zh: 'MultiCertInfo：单向 TLS 旁报告了 CA %{ca}；列出它是为了让计划比较相同的 ID',
  },
  sslCloseSwitch: {
    en: 'SslCloseSwitch: not reported by DescribeListeners, so not exported (add it by hand if you set it)',
    zh: 'SslCloseSwitch：DescribeListeners 不报告它，因此未导出（如果设置过，请手动添加）',
  },
  holdsSecret: { en: '%{path}: left out, it holds a secret', zh: '%{path}：已省略，其中含有密钥' },
  leftOut: { en: '%{path}: %{value} left out: %{reason}', zh: '%{path}：已省略 %{value}：%{reason}' },
  refusedAsExported: {
    en: 'apply refuses this entry as exported: %{path} %{reason}',
    zh: 'apply 会拒绝这个按原样导出的条目：%{path} %{reason}',
  },
});

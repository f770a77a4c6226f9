/** The words `export` writes about forwarding rules and targets: notes above an entry and the file's header. */
import { defineMessages } from '../core/i18n.js';

export const EXPORT_TEXT = defineMessages({
  secretLeftOut: { en: '%{path}: left out, it holds a secret', zh: '%{path}：含有机密，未导出' },
  refusedLeftOut: { en: '%{path}: %{value} left out: %{reason}', zh: '%{path}：%{value} 未导出：%{reason}' },
  refusedAsWritten: {
    en: 'apply refuses this rule as exported: %{path} %{reason}',
    zh: 'apply 不接受按原样导出的这条规则：%{path} %{reason}',
  },
  notManaged: {
    en: '%{path}: %{value} left out: apply does not manage it, and keeps it as it is',
    zh: '%{path}：%{value} 未导出：apply 不管理该字段，会保持原样',
  },
  headerRules: {
    en: "Forwarding rules are under their listener's Rules: (a domain's certificate, Http2, Quic and DefaultServer on its first rule); targets are under Targets: of their listener or rule, Weight only when it is not 10.",
    zh: '转发规则写在其监听器的 Rules: 下（域名的证书、Http2、Quic 和 DefaultServer 写在该域名的第一条规则上）；后端目标写在其监听器或规则的 Targets: 下，Weight 仅在不为 10 时写出。',
  },
});

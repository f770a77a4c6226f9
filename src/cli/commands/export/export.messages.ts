/** What `export` says: the file's header comments and its notes on stderr, in both languages. */
import { defineMessages } from '../../../core/i18n.js';

export const EXPORT = defineMessages({
  header: {
    en: 'clb-listener export: %{count} %{count|listener|listeners} of %{lbs}',
    zh: 'clb-listener export：%{lbs} 的 %{count} 个监听器',
  },
  defaultsLeftOut: {
    en: "Values equal to the API's defaults are left out; certificates are named by CertId; no secret is written.",
    zh: '与 API 默认值相同的值已省略；证书以 CertId 指明；不写入任何密钥。',
  },
  neverExported: {
    en: 'Not reported by DescribeListeners, so never exported: FullEndPorts, SslCloseSwitch.',
    zh: 'DescribeListeners 不报告以下字段，因此从不导出：FullEndPorts、SslCloseSwitch。',
  },
  needEdit: {
    en: '%{count} %{count|entry needs|entries need} an edit before apply takes this file: the comment above %{count|it says|each says} why.',
    zh: '有 %{count} 个条目需要修改后 apply 才会接受此文件：各条目上方的注释说明了原因。',
  },
  changesNothing: {
    en: 'Applied as it is, this file changes nothing: clb-listener apply -f FILE --plan --detailed-exitcode exits 0.',
    zh: '按原样应用时，此文件不做任何改动：clb-listener apply -f FILE --plan --detailed-exitcode 以 0 退出。',
  },
  filtered: {
    en: 'Filtered (--port/--protocol): with --prune, apply deletes the listeners left out of this file',
    zh: '已过滤（--port/--protocol）：使用 --prune 时，apply 会删除此文件中没有的监听器，',
  },
  filteredScope: {
    en: 'unless a prune: block keeps them outside its scope (docs/apply.md, "Prune scope").',
    zh: '除非 prune: 块把它们排除在范围之外（docs/apply.md，"Prune scope"）。',
  },
  note: { en: 'note: %{listener}: %{note}', zh: '注意：%{listener}：%{note}' },
  noneMatched: { en: 'note: no listener matched; the file lists none', zh: '注意：没有匹配的监听器；文件中不列出任何监听器' },
  emptyLb: { en: '--lb: an empty load balancer id', zh: '--lb：负载均衡 ID 为空' },
  headerLoadBalancer: { en: 'LOAD BALANCER', zh: '负载均衡' },
  headerNotes: { en: 'NOTES', zh: '备注' },
});
